package dev.lightspeedsync.sync.rules;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * Configuration of {@link SalesSelectionRule}. R-Series: completed sales only unless
 * {@link #syncAllSales()} ("Sync All Sales Orders", seed 001). eCom: an {@link EcomOrderMode} and a
 * change window (12 hours in seed 003). Immutable, thread-safe; validated at {@code build()}.
 */
@Value.Immutable
public interface SalesSelectionConfig extends WithSalesSelectionConfig {
  /** R-Series: also count saved and pending sales. Off by default. */
  @Value.Default
  default boolean syncAllSales() {
    return false;
  }

  /** eCom import mode; defaults to {@link EcomOrderMode#PAID_ONLY}. */
  @Value.Default
  default EcomOrderMode ecomMode() {
    return EcomOrderMode.PAID_ONLY;
  }

  /** eCom: only orders changed within this window before {@code asOf} are imported. */
  @Value.Default
  default Duration ecomChangeWindow() {
    return Duration.ofHours(12);
  }

  static Builder builder() {
    return new Builder();
  }

  static SalesSelectionConfig defaults() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    if (ecomChangeWindow().isNegative() || ecomChangeWindow().isZero()) {
      throw new IllegalStateException(
          "SalesSelectionConfig.ecomChangeWindow must be positive, was " + ecomChangeWindow());
    }
    if (ecomChangeWindow().compareTo(Duration.ofDays(31)) > 0) {
      throw new IllegalStateException("SalesSelectionConfig.ecomChangeWindow must be at most 31"
          + " days (use a re-import from a date for older orders), was " + ecomChangeWindow());
    }
  }

  /** Builds a {@link SalesSelectionConfig}; not thread-safe. */
  final class Builder extends ImmutableSalesSelectionConfig.Builder {}
}
