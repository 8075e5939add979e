package dev.lightspeedsync.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to, so tests can let the leaky bucket drain, tokens expire or
 * eCom windows reset without sleeping. Share one instance with the code under test (for example as
 * the client's clock and sleeper) to keep both sides on the same API time.
 *
 * <p>Thread-safe.
 */
public final class ManualTimeSource implements TimeSource {
  /** Default start: after the default generated data (see {@link TestkitConfig.Builder#dataEpoch}). */
  public static final Instant DEFAULT_START = Instant.parse("2026-06-01T12:00:00Z");

  private final AtomicReference<Instant> now;

  /** A clock at {@link #DEFAULT_START}. */
  public ManualTimeSource() {
    this(DEFAULT_START);
  }

  /** A clock at {@code start}. */
  public ManualTimeSource(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start == null"));
  }

  @Override
  public Instant now() {
    return now.get();
  }

  /** Moves the clock forward (or backward, for a negative duration) and returns the new time. */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    return now.updateAndGet(t -> t.plus(duration));
  }

  /** Advances the clock by {@code apiDuration} instead of waiting (zero or negative: no change). */
  @Override
  public void sleep(Duration apiDuration) {
    Objects.requireNonNull(apiDuration, "apiDuration == null");
    if (!apiDuration.isNegative() && !apiDuration.isZero()) {
      advance(apiDuration);
    }
  }

  /** Sets the clock. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant == null"));
  }
}
