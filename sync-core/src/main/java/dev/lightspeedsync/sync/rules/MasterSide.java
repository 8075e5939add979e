package dev.lightspeedsync.sync.rules;

/**
 * Which system masters product information such as pricing and names (seed 002, "Update products").
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum MasterSide {
  /** Lightspeed is the master: host product data follows Lightspeed. The default. */
  LIGHTSPEED,
  /** The host is the master: changes are exported to Lightspeed. */
  HOST
}
