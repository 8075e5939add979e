package dev.lightspeedsync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API never exposes implementation types: no Retrofit, Jackson, Failsafe, Kotlin, Okio
 * or {@code .internal} types in a public signature of a non-internal package. The one deliberate
 * exception is {@code okhttp3.OkHttpClient} on the builders (sharing a connection pool).
 */
class ApiSurfaceTest {
  private static final List<String> FORBIDDEN =
      List.of("retrofit2.", "com.fasterxml.", "dev.failsafe.", "kotlin.", "okio.", "dev.lightspeedsync.client.internal.");

  @Test
  void publicSignaturesExposeNoImplementationTypes() throws Exception {
    List<String> violations = new ArrayList<>();
    List<Class<?>> classes = apiClasses();
    assertThat(classes).hasSizeGreaterThan(20);
    // Every client's public packages are scanned, the X-Series ones included.
    assertThat(classes).extracting(Class::getPackageName).contains(
        "dev.lightspeedsync.client.retail", "dev.lightspeedsync.client.ecom",
        "dev.lightspeedsync.client.xseries", "dev.lightspeedsync.client.xseries.model",
        "dev.lightspeedsync.client.xseries.query", "dev.lightspeedsync.client.xseries.write");
    for (Class<?> c : classes) {
      if (!Modifier.isPublic(c.getModifiers())) {
        continue;
      }
      check(violations, c, "extends", c.getGenericSuperclass());
      for (Type t : c.getGenericInterfaces()) {
        check(violations, c, "implements", t);
      }
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) && !Modifier.isProtected(m.getModifiers()) || m.isSynthetic()) {
          continue;
        }
        check(violations, c, m.getName() + " returns", m.getGenericReturnType());
        for (Type p : m.getGenericParameterTypes()) {
          check(violations, c, m.getName() + " takes", p);
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers())) {
          for (Type p : k.getGenericParameterTypes()) {
            check(violations, c, "constructor takes", p);
          }
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isPublic(f.getModifiers())) {
          check(violations, c, "field " + f.getName(), f.getGenericType());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  private static void check(List<String> violations, Class<?> owner, String where, Type type) {
    if (type == null) {
      return;
    }
    String name = type.getTypeName();
    // Builders extend generated, package-private Immutables builders: not part of the surface.
    if (where.equals("extends") && owner.getSimpleName().equals("Builder") && name.contains(".Immutable")) {
      return;
    }
    for (String forbidden : FORBIDDEN) {
      if (name.contains(forbidden)) {
        violations.add(owner.getName() + " " + where + " " + name);
      }
    }
  }

  private static List<Class<?>> apiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(ApiSurfaceTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent().resolve("classes");
    List<String> names;
    try (Stream<Path> files = Files.walk(root)) {
      names = files.map(root::relativize).map(Path::toString)
          .filter(p -> p.endsWith(".class") && !p.contains("internal") && !p.endsWith("package-info.class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
          .collect(Collectors.toList());
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      classes.add(Class.forName(name, false, ApiSurfaceTest.class.getClassLoader()));
    }
    return classes;
  }
}
