package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * Raise Lightspeed stock of one SKU at one location by a received quantity. {@link #key()} is derived
 * from purchase order, receipt and line, so re-planning the same receipt yields the same keys; record
 * it in the sink's export ledger before (or atomically with) the write and a retry or a restart books
 * nothing twice. Immutable, thread-safe.
 */
@Value.Immutable
public interface StockBooking {
  String purchaseOrderId();

  String receiptId();

  String purchaseOrderLineId();

  String skuId();

  String locationId();

  /** Units to add; positive. */
  long quantity();

  /** The idempotency key: {@code receipt/{purchaseOrderId}/{receiptId}/{lineId}}. */
  @Value.Derived
  default String key() {
    return "receipt/" + purchaseOrderId() + "/" + receiptId() + "/" + purchaseOrderLineId();
  }
}
