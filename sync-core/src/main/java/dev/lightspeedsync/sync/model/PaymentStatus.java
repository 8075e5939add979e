package dev.lightspeedsync.sync.model;

/**
 * Payment state of an order (eCom {@code paymentStatus}). Forward compatible through {@link #UNKNOWN}.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum PaymentStatus {
  NOT_PAID,
  PARTIALLY_PAID,
  PAID,
  CANCELLED,
  UNKNOWN
}
