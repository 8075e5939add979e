package dev.lightspeedsync.client.error;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Lightspeed's rate limit would make this call wait longer than the client is configured to block
 * a thread ({@code maxWait}), or the retries allowed after HTTP 429 responses were used up.
 *
 * <p>{@link #retryAfter()} says how long to wait before trying again. A job scheduler can use it to
 * defer the work instead of blocking a thread.
 */
public class RateLimitedException extends LightspeedException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** Creates the exception; used by the clients, public so tests of host code can build one. */
  public RateLimitedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      @Nullable String apiMessage,
      Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, statusCode, requestId, apiMessage, false, cause);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter == null");
  }

  /** How long to wait before the account's rate limit allows the call. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
