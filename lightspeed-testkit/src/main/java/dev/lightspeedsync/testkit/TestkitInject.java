package dev.lightspeedsync.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class field that {@link LightspeedTestkitExtension} fills in. Supported field types:
 * {@link LightspeedTestServer}, {@link RetailCredentials}, {@link EcomCredentials},
 * {@link Inspection}, {@link RetailData}, {@link EcomData}, {@link XSeriesCredentials},
 * {@link XSeriesData}, {@link TimeSource},
 * {@link ManualTimeSource} (when the server uses one), and {@link java.net.URI} (the base URL of both
 * APIs, {@code http://127.0.0.1:<port>/}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface TestkitInject {}
