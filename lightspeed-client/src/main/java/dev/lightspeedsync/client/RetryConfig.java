package dev.lightspeedsync.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client recovers from faults and how long it may block a thread for the rate limit.
 *
 * <p>Reads (GET) are retried on HTTP 429, 5xx and connection faults, with exponential backoff and
 * full jitter between {@link #initialBackoff()} and {@link #maxBackoff()}, up to
 * {@link #maxAttempts()} attempts and {@link #maxRetryDuration()} in total. Writes are retried only
 * when the server cannot have applied them (HTTP 429, or a connection that failed before the
 * request was sent). Any single wait longer than {@link #maxWait()} is not taken: the call fails
 * with a {@link dev.lightspeedsync.client.error.RateLimitedException} carrying the wait, so a job
 * scheduler can defer the work.
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryConfig {
  private static final RetryConfig DEFAULTS =
      new RetryConfig(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(90));

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryDuration;
  private final Duration maxWait;

  private RetryConfig(
      int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryDuration, Duration maxWait) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
    }
    requirePositive(initialBackoff, "initialBackoff");
    requirePositive(maxBackoff, "maxBackoff");
    requirePositive(maxRetryDuration, "maxRetryDuration");
    requirePositive(maxWait, "maxWait");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
    }
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxRetryDuration = maxRetryDuration;
    this.maxWait = maxWait;
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + d);
    }
  }

  /** 5 attempts, backoff from 500 ms to 30 s, at most 5 minutes of retrying, waits up to 90 s. */
  public static RetryConfig defaults() {
    return DEFAULTS;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * How long the attempts and backoffs of one call may take together before a failure is final.
   * Waits for the rate limit are not counted (each is bounded by {@link #maxWait()}), so a read
   * that waited out an hour window still has its retries.
   */
  public Duration maxRetryDuration() {
    return maxRetryDuration;
  }

  public Duration maxWait() {
    return maxWait;
  }

  /** A copy with a different number of attempts (1 disables retries). */
  public RetryConfig withMaxAttempts(int maxAttempts) {
    return new RetryConfig(maxAttempts, initialBackoff, maxBackoff, maxRetryDuration, maxWait);
  }

  /** A copy with a different backoff range. */
  public RetryConfig withBackoff(Duration initialBackoff, Duration maxBackoff) {
    return new RetryConfig(maxAttempts, initialBackoff, maxBackoff, maxRetryDuration, maxWait);
  }

  /** A copy with a different bound on the total time spent retrying one call. */
  public RetryConfig withMaxRetryDuration(Duration maxRetryDuration) {
    return new RetryConfig(maxAttempts, initialBackoff, maxBackoff, maxRetryDuration, maxWait);
  }

  /** A copy with a different longest wait the client takes in-process. */
  public RetryConfig withMaxWait(Duration maxWait) {
    return new RetryConfig(maxAttempts, initialBackoff, maxBackoff, maxRetryDuration, maxWait);
  }

  @Override
  public String toString() {
    return "RetryConfig{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
        + maxBackoff + ", maxRetryDuration=" + maxRetryDuration + ", maxWait=" + maxWait + "}";
  }
}
