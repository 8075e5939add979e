package dev.lightspeedsync.sync.rules;

/**
 * How whitespace in SKU codes is handled, identically on both sides of a link and on export (seed
 * 002: "spacing is removed ... when it is sent to Lightspeed", so a sale of "AB12" must find the host
 * product "AB 12").
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum WhitespacePolicy {
  /** Remove every whitespace character (what Lightspeed does on import). The default. */
  STRIP_ALL,
  /** Remove leading and trailing whitespace only. */
  TRIM,
  /** Compare codes exactly as given. */
  EXACT
}
