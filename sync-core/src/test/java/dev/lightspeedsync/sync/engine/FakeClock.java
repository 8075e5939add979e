package dev.lightspeedsync.sync.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock the test moves by hand, with a {@link Sleeper} that moves it instead of sleeping. */
final class FakeClock extends Clock {
  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();

  FakeClock(Instant start) {
    this.now = start;
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  synchronized void set(Instant instant) {
    now = instant;
  }

  /** Sleeps recorded by {@link #sleeper()}, in order. */
  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  Sleeper sleeper() {
    return d -> {
      synchronized (this) {
        sleeps.add(d);
        if (!d.isNegative()) {
          now = now.plus(d);
        }
      }
    };
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
