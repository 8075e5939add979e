package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public API mentions neither Jackson nor the internal package (STYLE C2). */
class ApiSurfaceTest {
  private static final List<Class<?>> API = List.of(LightspeedTestServer.class, TestkitConfig.class,
      TestkitConfig.Builder.class, TimeSource.class, ManualTimeSource.class, Fault.class, FaultPlan.class,
      RetailCredentials.class, EcomCredentials.class, Inspection.class, Inspection.Request.class, RetailData.class,
      EcomData.class, ExpectedCounts.class, XSeriesCredentials.class, XSeriesData.class, TestkitRecord.class, LightspeedTestkitExtension.class, TestkitInject.class, Main.class);

  private static boolean leaks(Type t) {
    String name = t.getTypeName();
    return name.contains("com.fasterxml") || name.contains(".internal.");
  }

  @Test
  void publicSignaturesUseOnlyApiAndJdkTypes() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : API) {
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) && !Modifier.isProtected(m.getModifiers())) {
          continue;
        }
        if (leaks(m.getGenericReturnType())) {
          leaks.add(m.toGenericString());
        }
        for (Type p : m.getGenericParameterTypes()) {
          if (leaks(p)) {
            leaks.add(m.toGenericString());
          }
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (Modifier.isPublic(k.getModifiers())) {
          for (Type p : k.getGenericParameterTypes()) {
            if (leaks(p)) {
              leaks.add(k.toGenericString());
            }
          }
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isPublic(f.getModifiers()) && leaks(f.getGenericType())) {
          leaks.add(f.toGenericString());
        }
      }
    }
    assertThat(leaks).isEmpty();
  }
}
