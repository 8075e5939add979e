package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import org.immutables.value.Value;

/** Units received against one purchase order line. Immutable, thread-safe. */
@Value.Immutable
public interface ReceiptLine extends WithReceiptLine {
  /** The {@link PurchaseOrderLine#lineId()} this receipt line books against. */
  String purchaseOrderLineId();

  /** Units received; positive. */
  long quantity();

  static Builder builder() {
    return new Builder();
  }

  static ReceiptLine of(String purchaseOrderLineId, long quantity) {
    return builder().purchaseOrderLineId(purchaseOrderLineId).quantity(quantity).build();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("ReceiptLine", "purchaseOrderLineId", purchaseOrderLineId());
    Checks.positive("ReceiptLine", "quantity", quantity());
  }

  /** Builds a {@link ReceiptLine}; not thread-safe. */
  final class Builder extends ImmutableReceiptLine.Builder {}
}
