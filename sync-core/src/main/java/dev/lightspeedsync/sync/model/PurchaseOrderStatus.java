package dev.lightspeedsync.sync.model;

/**
 * Lifecycle of a host-kept purchase order (seed 000: receipts in parts, closed when received or by hand).
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum PurchaseOrderStatus {
  /** Nothing received yet. */
  OPEN,
  /** Some lines or quantities received, some still outstanding. */
  PARTIALLY_RECEIVED,
  /** Every line received in full (or more, under an accepting over-receipt policy). */
  RECEIVED,
  /** Closed by hand; outstanding quantities no longer count as on order. */
  CLOSED
}
