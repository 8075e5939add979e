package dev.lightspeedsync.sync.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Thrown by a {@link ReadPass} when the platform's rate limit allows the next request only at
 * {@link #retryAt()}, later than the client is willing to wait inside one call. This is the
 * physical limit of the API, not a failure: the engine waits until then and reads the same page
 * again, or stops cleanly at the stream's checkpoint and reports when to resume, as the host chose
 * ({@code SyncEngine.Builder.rateLimitPolicy}).
 */
public final class SourceRateLimitedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Instant retryAt;

  public SourceRateLimitedException(Instant retryAt, String message, Throwable cause) {
    super(message, cause);
    this.retryAt = Objects.requireNonNull(retryAt, "retryAt == null");
  }

  /** The earliest time the next request may be sent. */
  public Instant retryAt() {
    return retryAt;
  }
}
