package dev.lightspeedsync.sync.rules;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * Order import (seed 003): orders handed to the host to fulfil, each exactly once. Which orders: the
 * {@link #mode()} (paid only, all, or eligible to ship: paid or cash on delivery), never cancelled,
 * not yet shipped, and changed within the {@link #changeWindow()} before the run (12 hours in the
 * seed: "We only import orders that are changed in the last 12 hours"). Setting it in
 * {@code SyncSettings.orderImport()} turns the {@code ORDER_IMPORT} stream on. Immutable,
 * thread-safe; validated at {@code build()}.
 */
@Value.Immutable
public interface OrderImportConfig extends WithOrderImportConfig {
  /** Which orders are handed over; {@link EcomOrderMode#PAID_ONLY} by default. */
  @Value.Default
  default EcomOrderMode mode() {
    return EcomOrderMode.PAID_ONLY;
  }

  /** Only orders changed within this window before the run are handed over; 12 hours by default. */
  @Value.Default
  default Duration changeWindow() {
    return Duration.ofHours(12);
  }

  /** The selection rule of these settings ({@link SalesSelectionRule#select}). */
  default SalesSelectionRule rule() {
    return SalesSelectionRule.of(SalesSelectionConfig.builder().ecomMode(mode()).ecomChangeWindow(changeWindow())
        .build());
  }

  static Builder builder() {
    return new Builder();
  }

  static OrderImportConfig defaults() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    // the same bounds as the rule's window, stated in this type's name
    if (changeWindow().isNegative() || changeWindow().isZero() || changeWindow().compareTo(Duration.ofDays(31)) > 0) {
      throw new IllegalStateException("OrderImportConfig.changeWindow must be positive and at most 31 days, was "
          + changeWindow());
    }
  }

  /** Builds an {@link OrderImportConfig}; not thread-safe. */
  final class Builder extends ImmutableOrderImportConfig.Builder {}
}
