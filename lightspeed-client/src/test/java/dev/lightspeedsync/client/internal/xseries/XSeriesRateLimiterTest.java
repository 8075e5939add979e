package dev.lightspeedsync.client.internal.xseries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.internal.http.RequestSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The limiter alone against simulated servers (no HTTP): long walks with fixed and sliding
 * windows, latency, other users of the bucket, and the 429 pause.
 */
class XSeriesRateLimiterTest {
  static final RequestSpec SPEC = new RequestSpec("GET", HttpUrl.get("https://x.retail.lightspeed.app/api/2.0/products"),
      null, BigDecimal.ONE, "GET products", true);
  static final Duration WINDOW = Duration.ofMinutes(5);
  static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  /** A server window; fixed windows start at {@code phase} after time zero. */
  static final class Server {
    final long limit;
    final boolean sliding;
    final Duration phase;
    final Deque<Instant> counted = new ArrayDeque<>();
    Instant windowStart;
    int refused;

    Server(long limit, boolean sliding, Duration phase) {
      this.limit = limit;
      this.sliding = sliding;
      this.phase = phase;
    }

    /** Counts a request received at {@code t}; false when it is over the limit. */
    boolean receive(Instant t, Instant zero) {
      if (sliding) {
        while (!counted.isEmpty() && !counted.peekFirst().plus(WINDOW).isAfter(t)) {
          counted.pollFirst();
        }
      } else {
        long n = Math.floorDiv(Duration.between(zero.plus(phase), t).toMillis(), WINDOW.toMillis());
        Instant start = zero.plus(phase).plus(WINDOW.multipliedBy(n));
        if (!start.equals(windowStart)) {
          windowStart = start;
          counted.clear();
        }
      }
      if (counted.size() >= limit) {
        refused++;
        return false;
      }
      counted.addLast(t);
      return true;
    }

    Headers headers() {
      return new Headers.Builder().add("X-RateLimit-Limit", Long.toString(limit))
          .add("X-RateLimit-Remaining", Long.toString(limit - counted.size())).build();
    }
  }

  /** Sends {@code n} requests one after another with {@code latency}; returns the elapsed time. */
  static Duration walk(XSeriesRateLimiter limiter, Server server, int n, Duration latency) {
    Instant zero = Instant.parse("2026-12-01T00:00:00Z");
    Instant now = zero;
    for (int i = 0; i < n; i++) {
      Duration wait;
      while (!(wait = limiter.tryAcquire(SPEC, now)).isZero()) {
        now = now.plus(wait);
      }
      Instant received = now.plus(latency.dividedBy(2));
      boolean ok = server.receive(received, zero);
      now = now.plus(latency);
      if (ok) {
        limiter.onResponse(SPEC, server.headers(), now);
      } else {
        limiter.onRateLimited(SPEC, server.headers(), now);
        i--; // retried
      }
    }
    return Duration.between(zero, now);
  }

  @ParameterizedTest(name = "{0} window (phase {1} s), limit {2}, {3} requests, latency {4} ms")
  @CsvSource({
      "fixed, 0, 350, 10000, 0",
      "fixed, 137, 350, 10000, 0",
      "sliding, 0, 350, 10000, 0",
      "fixed, 0, 650, 10000, 250",
      "sliding, 0, 650, 10000, 250",
      "fixed, 299, 3050, 50000, 40",
  })
  void aLongWalkGetsNo429WhateverTheWindowAndStaysWithin3PercentOfTheFloor(String kind, long phase, long limit,
      int requests, long latencyMs) {
    Server server = new Server(limit, kind.equals("sliding"), Duration.ofSeconds(phase));
    Duration elapsed = walk(new XSeriesRateLimiter(), server, requests, Duration.ofMillis(latencyMs));
    assertThat(server.refused).isZero();
    Duration floor = WINDOW.multipliedBy((requests + limit - 1) / limit - 1);
    assertThat((double) elapsed.toMillis()).isLessThanOrEqualTo(1.03 * floor.toMillis() + latencyMs * (double) requests);
  }

  @ParameterizedTest(name = "Retry-After {0}, Date {1} -> {2} s")
  @CsvSource(delimiter = '|', value = {
      // our clock: 2026-12-01T00:00:00Z
      "Tue, 01 Dec 2026 00:02:00 GMT | Tue, 01 Dec 2026 00:00:00 GMT | 120", // clocks agree
      "Mon, 30 Nov 2026 23:02:00 GMT | Mon, 30 Nov 2026 23:00:00 GMT | 120", // our clock 1 h fast: the Date counts
      "Tue, 01 Dec 2026 01:02:00 GMT | Tue, 01 Dec 2026 01:00:00 GMT | 3720", // our clock 1 h slow: the longer wait
      "Tue, 01 Dec 2026 00:02:00 GMT | not a date | 120", // a bad Date is ignored
      "Tue, 01 Dec 2026 00:02:00 GMT | Sun, 01 Mar 2026 00:00:00 GMT | 23760120", // a Date from another clock: longer wins
  })
  void anHttpDateRetryAfterIsMeasuredOnBothClocksAndTheLongerWaitWins(String retryAfter, String date, long seconds) {
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    assertThat(dev.lightspeedsync.client.internal.http.RetryAfter.parse(retryAfter, now, date))
        .contains(Duration.ofSeconds(seconds));
  }

  @Test
  void theFirstWindowIsSpentAtOnceDownToTheReserveThenRequestsWaitForTheOldestToLeave() {
    XSeriesRateLimiter limiter = new XSeriesRateLimiter();
    Instant t = Instant.parse("2026-12-01T00:00:00Z");
    Headers h = new Headers.Builder().add("X-RateLimit-Limit", "350").add("X-RateLimit-Remaining", "349").build();
    int admitted = 0;
    while (limiter.tryAcquire(SPEC, t).isZero()) {
      limiter.onResponse(SPEC, h, t);
      admitted++;
    }
    assertThat(admitted).isEqualTo(347); // 350 minus a reserve of 3
    assertThat(limiter.tryAcquire(SPEC, t)).isEqualTo(Duration.ofSeconds(301));
    assertThat(limiter.tryAcquire(SPEC, t.plusSeconds(301))).isZero();
  }

  @Test
  void beforeAnyResponseTheSmallestLimitIsAssumed() {
    XSeriesRateLimiter limiter = new XSeriesRateLimiter();
    Instant t = Instant.parse("2026-12-01T00:00:00Z");
    int admitted = 0;
    while (limiter.tryAcquire(SPEC, t).isZero() && admitted < 1000) {
      admitted++; // all in flight, no answer yet
    }
    assertThat(admitted).isEqualTo(347);
  }

  @Test
  void a429PausesUntilRetryAfterFromTheDateHeaderPlusAGraceSecondThenStartsAfresh() {
    XSeriesRateLimiter limiter = new XSeriesRateLimiter();
    Instant t = Instant.parse("2026-12-01T00:00:00Z");
    assertThat(limiter.tryAcquire(SPEC, t)).isZero();
    Instant serverNow = t.minusSeconds(7200); // the client clock is two hours ahead
    Headers h429 = new Headers.Builder().add("Date", HTTP_DATE.format(serverNow))
        .add("Retry-After", HTTP_DATE.format(serverNow.plusSeconds(42))).build();
    assertThat(limiter.onRateLimited(SPEC, h429, t)).isEqualTo(Duration.ofSeconds(43));
    assertThat(limiter.tryAcquire(SPEC, t.plusSeconds(10))).isEqualTo(Duration.ofSeconds(33));
    assertThat(limiter.snapshot().orElseThrow().pausedUntil()).contains(t.plusSeconds(43));
    assertThat(limiter.tryAcquire(SPEC, t.plusSeconds(43))).isZero();
  }
}
