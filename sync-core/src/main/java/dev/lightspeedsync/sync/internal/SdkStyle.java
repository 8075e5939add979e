package dev.lightspeedsync.sync.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of sync-core (STYLE.md C8), applied through each package's
 * {@code package-info.java}. Generated {@code Immutable*} classes stay package-private; users only
 * see the hand-written interfaces, their nested {@code Builder} and {@code with*} copies.
 *
 * <p>Not API: this annotation lives in an internal package and may change without notice.
 *
 * <p>Carries no state; thread-safety does not apply.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    jdkOnly = true,
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = true))
public @interface SdkStyle {}
