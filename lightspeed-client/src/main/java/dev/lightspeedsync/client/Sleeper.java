package dev.lightspeedsync.client;

import java.time.Duration;

/**
 * Blocks the calling thread for a while. The clients wait through a sleeper (for rate-limit pacing,
 * {@code Retry-After} pauses and retry backoff) so that tests can inject one that advances a fake
 * clock instead of waiting in real time.
 *
 * <p>Implementations must be thread-safe and must throw {@link InterruptedException} when the
 * thread is interrupted.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real sleeper: {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM =
      duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
        }
      };

  /** Blocks for {@code duration}; returns at once for zero or negative durations. */
  void sleep(Duration duration) throws InterruptedException;
}
