package dev.lightspeedsync.client.internal.http;

import java.time.Duration;

/** Exponential backoff with equal jitter. Pure: the random fraction is an argument. */
public final class Backoff {
  private Backoff() {}

  /**
   * The delay before retry number {@code attempt} (1 for the first retry): the exponential step
   * {@code min(max, initial * 2^(attempt-1))}, of which the upper half is randomised by
   * {@code random} in [0, 1).
   */
  public static Duration delay(int attempt, Duration initial, Duration max, double random) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1 but was " + attempt);
    }
    long initialMillis = initial.toMillis();
    long maxMillis = max.toMillis();
    long step = initialMillis;
    for (int i = 1; i < attempt && step < maxMillis; i++) {
      step = step * 2;
    }
    step = Math.min(step, maxMillis);
    long half = step / 2;
    double r = Math.max(0, Math.min(random, 1));
    return Duration.ofMillis(half + (long) Math.floor((step - half) * r));
  }
}
