package dev.lightspeedsync.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The clock of the fake server ("API time"). Every time-dependent behaviour reads it: token
 * expiry, the leaky bucket's drain, burst and eCom windows, {@code Retry-After}, and the
 * {@code timeStamp}/{@code updatedAt} that writes and mutations stamp on records. All headers are
 * expressed in API time, so they stay consistent with each other whatever the clock does.
 *
 * <p>Use {@link ManualTimeSource} in tests so that nothing waits in real time, or
 * {@link #scaled(double)} to make API time run faster than the wall clock (a drip rate of 1/s then
 * drains {@code factor} drips per real second).
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TimeSource {
  /** The current API time. */
  Instant now();

  /** How many API seconds pass per real second; 1 for the system clock, informational only. */
  default double scale() {
    return 1.0;
  }

  /**
   * Waits until {@code apiDuration} of API time has passed: {@code apiDuration / scale()} of real
   * time, or (for a {@link ManualTimeSource}) no real time at all, the clock being advanced instead.
   * Hand it to the code under test as its sleeper (for example {@code server.clock()::sleep}) so
   * that {@code Retry-After} and pacing waits run as fast as the server's time.
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  default void sleep(Duration apiDuration) throws InterruptedException {
    if (apiDuration.isNegative() || apiDuration.isZero()) {
      return;
    }
    long nanos = (long) (apiDuration.toNanos() / scale());
    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
  }

  /**
   * A {@link Clock} (UTC) view of this time source, for code under test that takes a
   * {@code java.time.Clock}; it follows this source as it moves.
   */
  default Clock asClock() {
    TimeSource self = this;
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        if (zone.equals(java.time.ZoneOffset.UTC)) {
          return this;
        }
        throw new UnsupportedOperationException("a TimeSource clock is always UTC");
      }

      @Override
      public Instant instant() {
        return self.now();
      }
    };
  }

  /** The system clock. */
  static TimeSource system() {
    Clock clock = Clock.systemUTC();
    return clock::instant;
  }

  /**
   * API time that starts at the current wall time and runs {@code factor} times faster.
   *
   * @param factor greater than 0; 10 means ten API seconds per real second
   */
  static TimeSource scaled(double factor) {
    return scaled(factor, Instant.now());
  }

  /** API time that starts at {@code start} and runs {@code factor} times faster than the wall clock. */
  static TimeSource scaled(double factor, Instant start) {
    Objects.requireNonNull(start, "start == null");
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be > 0: " + factor);
    }
    long origin = System.nanoTime();
    return new TimeSource() {
      @Override
      public Instant now() {
        long elapsed = System.nanoTime() - origin;
        return start.plus(Duration.ofNanos((long) (elapsed * factor)));
      }

      @Override
      public double scale() {
        return factor;
      }
    };
  }
}
