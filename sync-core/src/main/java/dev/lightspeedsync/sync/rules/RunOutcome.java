package dev.lightspeedsync.sync.rules;

/** How a finished sync run ended. */
public enum RunOutcome {
  SUCCEEDED,
  FAILED
}
