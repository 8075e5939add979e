package dev.lightspeedsync.sync.rules;

/**
 * How a finished sync run ended.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum RunOutcome {
  SUCCEEDED,
  FAILED
}
