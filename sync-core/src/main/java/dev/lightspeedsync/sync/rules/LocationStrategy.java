package dev.lightspeedsync.sync.rules;

/**
 * "Get Data From" (seed 001): which locations stock and sales are taken from.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum LocationStrategy {
  /** Every (non-archived) location. */
  ALL,
  /** The listed location codes only. */
  MULTIPLE,
  /** Only the default location. */
  ONE
}
