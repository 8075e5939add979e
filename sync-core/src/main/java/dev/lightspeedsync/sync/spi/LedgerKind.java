package dev.lightspeedsync.sync.spi;

/**
 * What an export ledger entry records.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum LedgerKind {
  /** A purchase order receipt booked as Lightspeed stock; key {@code StockBooking.key()}. */
  STOCK_BOOKING,
  /** A host order exported as a completed sale; key = the host order id. */
  ORDER_EXPORT,
  /** A host product created in Lightspeed (product export); key = {@code product:} + the host key. */
  PRODUCT_EXPORT,
  /** A host customer created in Lightspeed (customer export); key = {@code customer:} + the host key. */
  CUSTOMER_EXPORT,
  /** A host shipment written back to an order (eCom shipments); key = {@code shipment/} + its id. */
  SHIPMENT
}
