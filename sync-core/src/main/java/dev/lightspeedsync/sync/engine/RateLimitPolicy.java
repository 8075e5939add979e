package dev.lightspeedsync.sync.engine;

/** What the engine does when the platform's rate limit allows the next page only later. */
public enum RateLimitPolicy {
  /** Wait for the window (the default): a long sync takes as long as the API allows, and completes. */
  WAIT,
  /**
   * Stop cleanly at the stream's checkpoint and report {@link SyncReport.Status#STOPPED_FOR_RATE_LIMIT}
   * with {@link SyncReport#resumeAfter()}; the next run continues with the same page requests.
   */
  STOP
}
