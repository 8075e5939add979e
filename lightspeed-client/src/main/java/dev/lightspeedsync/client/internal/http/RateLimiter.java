package dev.lightspeedsync.client.internal.http;

import dev.lightspeedsync.client.RateLimitState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/**
 * The per-account pacing state of one API. One instance is shared by every thread and every list
 * of a client. Implementations are thread-safe and never sleep themselves: they say how long to
 * wait and the {@link Transport} waits through the injected sleeper.
 */
public interface RateLimiter {
  /**
   * Returns {@link Duration#ZERO} and reserves capacity when {@code spec} may be sent at
   * {@code now}; otherwise returns how long to wait before asking again (nothing reserved).
   */
  Duration tryAcquire(RequestSpec spec, Instant now);

  /** Learns from the headers of a response (any status except 429). */
  void onResponse(RequestSpec spec, Headers headers, Instant now);

  /**
   * Learns from a 429 response and pauses the whole account. Returns how long the account is now
   * paused for.
   */
  Duration onRateLimited(RequestSpec spec, Headers headers, Instant now);

  /**
   * A request admitted by {@link #tryAcquire} ended without a response (connection fault, truncated
   * body). The server may or may not have counted it.
   */
  default void onNoResponse(RequestSpec spec, Instant now) {}

  /** The account's rate-limit state as last reported by the server; empty before any report. */
  default Optional<RateLimitState> state() {
    return Optional.empty();
  }
}
