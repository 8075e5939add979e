package dev.lightspeedsync.sync.engine;

import java.time.Duration;

/**
 * How the engine waits for a rate-limit window. Tests inject one that advances a fake clock
 * instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real sleeper: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis());
    }
  };

  /** Blocks for {@code duration}; returns at once for zero or negative durations. */
  void sleep(Duration duration) throws InterruptedException;
}
