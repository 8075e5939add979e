package dev.lightspeedsync.client;

import dev.lightspeedsync.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when the client "sleeps": tests never wait in real time. */
public final class FakeTime extends Clock implements Sleeper {
  private final AtomicReference<Instant> now;
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  public final java.util.Map<String, List<Duration>> sleepsByThread = new java.util.concurrent.ConcurrentHashMap<>();

  public FakeTime(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public FakeTime() {
    this(Instant.parse("2026-11-23T10:00:00Z"));
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    sleepsByThread.computeIfAbsent(Thread.currentThread().getName(), k -> new CopyOnWriteArrayList<>()).add(duration);
    now.accumulateAndGet(null, (cur, ignored) -> cur.plus(duration));
  }

  public void advance(Duration d) {
    now.accumulateAndGet(null, (cur, ignored) -> cur.plus(d));
  }

  public Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
