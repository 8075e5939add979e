package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * Configuration of {@link AvailabilityRule}. Safe defaults (seed 003: "by default ... we only import
 * products and orders, but do not yet send ... stock changes"): nothing is pushed until
 * {@link #pushStock()} is switched on. {@link #readOnly()} wins over everything (seed 003 "Read only
 * setting"). Immutable, thread-safe; validated at {@code build()}.
 */
@Value.Immutable
public interface AvailabilityConfig extends WithAvailabilityConfig {
  /** "Export Stock On Hand" / "Send stock changes": a global switch, not per outlet (seed 002). */
  @Value.Default
  default boolean pushStock() {
    return false;
  }

  /** "Include quantities for auto-assembled products": add the buildable quantity of assemblies. */
  @Value.Default
  default boolean includeAssemblable() {
    return false;
  }

  /** Read-only connection: nothing at all is written to Lightspeed. */
  @Value.Default
  default boolean readOnly() {
    return false;
  }

  static Builder builder() {
    return new Builder();
  }

  static AvailabilityConfig defaults() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    if (includeAssemblable() && !pushStock()) {
      throw new IllegalStateException("AvailabilityConfig.includeAssemblable requires pushStock:"
          + " assembled quantities are only available when stock on hand is exported");
    }
  }

  /** Builds an {@link AvailabilityConfig}; not thread-safe. */
  final class Builder extends ImmutableAvailabilityConfig.Builder {}
}
