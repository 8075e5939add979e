package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import org.immutables.value.Value;

/** One line of a {@link PurchaseOrder}: what was ordered and what has been received so far. */
@Value.Immutable
public interface PurchaseOrderLine extends WithPurchaseOrderLine {
  String lineId();

  String skuId();

  /** Units ordered; positive. */
  long orderedQuantity();

  /** Units received so far; may exceed the ordered quantity only under an accepting over-receipt policy. */
  @Value.Default
  default long receivedQuantity() {
    return 0;
  }

  /** Units still expected: ordered minus received, never below zero. */
  default long outstandingQuantity() {
    return Math.max(0, orderedQuantity() - receivedQuantity());
  }

  static Builder builder() {
    return new Builder();
  }

  static PurchaseOrderLine of(String lineId, String skuId, long orderedQuantity) {
    return builder().lineId(lineId).skuId(skuId).orderedQuantity(orderedQuantity).build();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("PurchaseOrderLine", "lineId", lineId());
    Checks.notBlank("PurchaseOrderLine", "skuId", skuId());
    Checks.positive("PurchaseOrderLine", "orderedQuantity", orderedQuantity());
    Checks.notNegative("PurchaseOrderLine", "receivedQuantity", receivedQuantity());
  }

  /** Builds a {@link PurchaseOrderLine}; not thread-safe. */
  final class Builder extends ImmutablePurchaseOrderLine.Builder {}
}
