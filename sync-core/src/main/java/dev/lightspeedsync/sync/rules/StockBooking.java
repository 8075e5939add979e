package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * Raise Lightspeed stock of one SKU at one location by a received quantity. {@link #key()} is derived
 * from purchase order, receipt and line, so re-planning the same receipt yields the same keys.
 *
 * <p>Exactly once: claim the key in the sink's export ledger ({@code SyncSink.recordInLedger}) before
 * the write; only the caller whose claim was recorded writes, then confirms the entry with
 * {@code SyncSink.confirmInLedger}. A claimed but unconfirmed entry after a crash means "the write may
 * or may not have happened": reconcile against Lightspeed before writing again, never blindly retry.
 * Immutable, thread-safe.
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
