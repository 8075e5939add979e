package dev.lightspeedsync.client.ecom;

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
final class FakeTime extends Clock implements Sleeper {
  private final AtomicReference<Instant> now;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final java.util.Map<String, List<Duration>> sleepsByThread = new java.util.concurrent.ConcurrentHashMap<>();

  FakeTime(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  FakeTime() {
    this(Instant.parse("2026-11-23T10:00:00Z"));
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    sleepsByThread.computeIfAbsent(Thread.currentThread().getName(), k -> new CopyOnWriteArrayList<>()).add(duration);
    now.accumulateAndGet(null, (cur, ignored) -> cur.plus(duration));
  }

  void advance(Duration d) {
    now.accumulateAndGet(null, (cur, ignored) -> cur.plus(d));
  }

  Duration totalSlept() {
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
