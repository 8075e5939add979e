package dev.lightspeedsync.sync.rules;

/**
 * Which eCom orders are imported (seed 003, "Which orders will be imported?").
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum EcomOrderMode {
  /** "Import only paid orders" (the default). */
  PAID_ONLY,
  /** "Import all orders (inclusive not paid orders)". */
  ALL,
  /** "Import all orders that are eligible to ship": paid, or cash on delivery. */
  ELIGIBLE_TO_SHIP
}
