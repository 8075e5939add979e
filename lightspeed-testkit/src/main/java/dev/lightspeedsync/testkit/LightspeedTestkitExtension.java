package dev.lightspeedsync.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link LightspeedTestServer} on a free loopback port and injects it,
 * its credentials and its views into test parameters and {@link TestkitInject} fields. A
 * {@link URI} parameter or field receives the base URL of both APIs, {@code http://127.0.0.1:<port>/}.
 *
 * <p>Lifecycle: registered on a {@code static} field (or with {@code @ExtendWith} on the class) the
 * server lives for the whole class; registered on an instance field it is started fresh for each
 * test. A fresh server per test keeps tests independent of each other's mutations.
 *
 * <pre>{@code
 * class SyncTest {
 *   @RegisterExtension
 *   final LightspeedTestkitExtension testkit = LightspeedTestkitExtension.create(
 *       () -> TestkitConfig.builder().seed(7).items(2_000).timeSource(new ManualTimeSource()).build());
 *
 *   @Test
 *   void fullSync(LightspeedTestServer server, RetailCredentials credentials) { ... }
 * }
 * }</pre>
 *
 * <p>With {@code @ExtendWith(LightspeedTestkitExtension.class)} the defaults are used with a
 * {@link ManualTimeSource}, so nothing in the test depends on the wall clock.
 *
 * <p>Thread-safety: one instance per test class; JUnit calls it from one thread per test.
 */
public final class LightspeedTestkitExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    AfterAllCallback, ParameterResolver {
  private final Supplier<TestkitConfig> config;
  private LightspeedTestServer server;
  private boolean classScoped;

  /** Default configuration with a {@link ManualTimeSource}. */
  public LightspeedTestkitExtension() {
    this(() -> TestkitConfig.builder().timeSource(new ManualTimeSource()).build());
  }

  private LightspeedTestkitExtension(Supplier<TestkitConfig> config) {
    this.config = config;
  }

  /** An extension whose servers use {@code config}, called once per server started. */
  public static LightspeedTestkitExtension create(Supplier<TestkitConfig> config) {
    return new LightspeedTestkitExtension(Objects.requireNonNull(config, "config == null"));
  }

  /** An extension whose servers all use the same configuration. */
  public static LightspeedTestkitExtension create(TestkitConfig config) {
    Objects.requireNonNull(config, "config == null");
    return new LightspeedTestkitExtension(() -> config);
  }

  /** The running server; throws when none is running (outside a test). */
  public LightspeedTestServer server() {
    if (server == null) {
      throw new IllegalStateException("The Lightspeed testkit server is not running outside a test");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = LightspeedTestServer.start(config.get());
    classScoped = true;
    injectFields(context.getRequiredTestClass(), null, true);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (server == null) {
      server = LightspeedTestServer.start(config.get());
      classScoped = false;
    }
    Object instance = context.getRequiredTestInstance();
    injectFields(instance.getClass(), instance, false);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!classScoped && server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
    return isSupported(pc.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
    if (server == null) {
      server = LightspeedTestServer.start(config.get());
      classScoped = false;
    }
    Object v = valueFor(pc.getParameter().getType(), true);
    if (v == null) {
      throw new ParameterResolutionException("No " + pc.getParameter().getType().getSimpleName()
          + " available from the Lightspeed testkit (is the server's clock a ManualTimeSource?)");
    }
    return v;
  }

  private static boolean isSupported(Class<?> type) {
    return type == LightspeedTestServer.class || type == RetailCredentials.class || type == EcomCredentials.class
        || type == Inspection.class || type == RetailData.class || type == EcomData.class || type == TimeSource.class
        || type == XSeriesCredentials.class || type == XSeriesData.class
        || type == ManualTimeSource.class || type == URI.class;
  }

  private Object valueFor(Class<?> type, boolean required) {
    if (server == null) {
      return null;
    }
    if (type == LightspeedTestServer.class) {
      return server;
    }
    if (type == RetailCredentials.class) {
      return server.retailCredentials();
    }
    if (type == EcomCredentials.class) {
      return server.ecomCredentials();
    }
    if (type == Inspection.class) {
      return server.inspect();
    }
    if (type == RetailData.class) {
      return server.retail();
    }
    if (type == EcomData.class) {
      return server.ecom();
    }
    if (type == TimeSource.class) {
      return server.clock();
    }
    if (type == XSeriesCredentials.class) {
      return server.xseriesCredentials();
    }
    if (type == XSeriesData.class) {
      return server.xseries();
    }
    if (type == ManualTimeSource.class) {
      return server.clock() instanceof ManualTimeSource m ? m : null;
    }
    if (type == URI.class) {
      return server.retailBaseUrl();
    }
    return null;
  }

  private void injectFields(Class<?> type, Object instance, boolean statics) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!f.isAnnotationPresent(TestkitInject.class) || Modifier.isStatic(f.getModifiers()) != statics) {
          continue;
        }
        Object v = valueFor(f.getType(), true);
        if (v == null) {
          throw new ExtensionConfigurationException("@TestkitInject field " + f + " has an unsupported type");
        }
        try {
          f.setAccessible(true);
          f.set(instance, v);
        } catch (IllegalAccessException | RuntimeException e) {
          throw new ExtensionConfigurationException("Cannot inject " + f, e);
        }
      }
    }
  }
}
