package dev.lightspeedsync.sync.rules;

/**
 * What to do when a receipt brings more than is still outstanding on a purchase order line.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum OverReceiptPolicy {
  /** Reject the whole receipt; nothing is applied or booked. The default. */
  REJECT,
  /** Apply at most the outstanding quantity; the excess is reported. */
  CAP,
  /** Apply everything; the line ends up received above its ordered quantity. */
  ACCEPT
}
