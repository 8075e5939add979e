package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * Configuration of {@link PurchaseOrderRule}. Seed 000: booking receipts as Lightspeed stock "is off
 * by default"; the over-receipt policy defaults to {@link OverReceiptPolicy#REJECT}. Immutable,
 * thread-safe. Every combination is valid.
 */
@Value.Immutable
public interface PurchaseOrderConfig extends WithPurchaseOrderConfig {
  @Value.Default
  default OverReceiptPolicy overReceiptPolicy() {
    return OverReceiptPolicy.REJECT;
  }

  /** Whether receipts raise Lightspeed stock ("Booking purchase orders"). Off by default. */
  @Value.Default
  default boolean bookingEnabled() {
    return false;
  }

  static Builder builder() {
    return new Builder();
  }

  static PurchaseOrderConfig defaults() {
    return builder().build();
  }

  /** Builds a {@link PurchaseOrderConfig}; not thread-safe. */
  final class Builder extends ImmutablePurchaseOrderConfig.Builder {}
}
