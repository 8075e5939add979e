package dev.lightspeedsync.client.ecom;

import dev.lightspeedsync.client.FakeTime;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.KEY;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.SECRET;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.ok;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.variants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.error.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pacing and 429 recovery, observed through the injected sleeper: no test waits in real time. */
class EcomRateLimitTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final List<Duration> pacingWaits = new CopyOnWriteArrayList<>();

  EcomClient client(RetryConfig retry) {
    return EcomClient.builder().baseUrl(server.url("/").toString()).language("nl").credentials(KEY, SECRET)
        .clock(time).sleeper(time).retry(retry)
        .listener(new ClientListener() {
          @Override
          public void onPacingWait(Duration wait) {
            pacingWaits.add(wait);
          }
        })
        .build();
  }

  static String single(long id) {
    return "{\"variant\":" + EcomJsonBodies.variant(id) + "}";
  }

  EcomClient client() {
    return client(RetryConfig.defaults().withMaxWait(Duration.ofDays(2)));
  }

  @ParameterizedTest(name = "remaining {0} → waits {1} s")
  @CsvSource({
      "3/2999/11999, 264", // 5-minute window at its reserve (3 of 300): wait for its reset (263 s) + 1 s
      "299/30/11999, 2064", // hourly window at its reserve (30 of 3000)
      "299/2999/120, 23664", // daily window at its reserve (120 of 12000)
      "3/30/11999, 2064", // two windows low: the longer wait wins
  })
  void aLowWindowPausesBeforeTheNextRequest(String remaining, long expectedSeconds) throws Exception {
    server.enqueue(ok(variants(1, 1), "263/2063/23663", remaining));
    server.enqueue(ok(variants(2, 1), "300/3600/86400", "299/2999/11999"));
    try (EcomClient client = client()) {
      client.variants().list().firstPage();
      assertThat(time.sleeps).isEmpty();
      client.variants().list().firstPage();
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(expectedSeconds));
    assertThat(pacingWaits).containsExactly(Duration.ofSeconds(expectedSeconds));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void roomInEveryWindowMeansNoWait() {
    server.enqueue(ok(variants(1, 1), "263/2063/23663", "4/31/121"));
    server.enqueue(ok(variants(2, 1), "263/2063/23663", "3/30/120"));
    try (EcomClient client = client()) {
      client.variants().list().firstPage();
      client.variants().list().firstPage(); // 4 > 3, 31 > 30, 121 > 120: sent at once
    }
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void aWaitLongerThanMaxWaitFailsWithoutSendingSoASchedulerCanDefer() {
    server.enqueue(ok(variants(1, 1), "263/2063/23663", "299/2999/100"));
    try (EcomClient client = client(RetryConfig.defaults())) {
      client.variants().list().firstPage();
      assertThatThrownBy(() -> client.variants().list().firstPage())
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(23664)));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void theSnapshotReportsTheThreeWindows() {
    server.enqueue(ok(variants(1, 1), "263/2063/23663", "299/2999/11999"));
    try (EcomClient client = client()) {
      assertThat(client.rateLimit()).isEmpty();
      client.variants().list().firstPage();
      EcomRateLimit limit = client.rateLimit().orElseThrow();
      Instant now = time.instant();
      assertThat(limit.fiveMinutes()).contains(new EcomRateLimit.Window(300, 299, now.plusSeconds(263)));
      assertThat(limit.hour()).contains(new EcomRateLimit.Window(3000, 2999, now.plusSeconds(2063)));
      assertThat(limit.day()).contains(new EcomRateLimit.Window(12000, 11999, now.plusSeconds(23663)));
    }
  }

  @Test
  void theClientKeepsToTwentyRequestsPerSecond() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return ok(variants(1, 1));
      }
    });
    try (EcomClient client = client()) {
      for (int i = 0; i < 45; i++) {
        client.variants().list().firstPage();
      }
    }
    // The fake clock stands still between sleeps: 20 requests, a 1 s wait, 20 more, a wait, 5 more.
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  /**
   * A server that enforces quotas on the fake clock (fixed 5-minute, hourly and daily windows from
   * the start, and 20 requests per second) and answers 429 when one is exceeded. The quotas are
   * small (20/60/1000) so that a short test crosses several 5-minute windows and an hourly one.
   */
  final class QuotaServer extends Dispatcher {
    final Instant start = time.instant();
    final AtomicInteger served = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final long[] lengths = {300, 3600, 86400};
    final long[] limits = {20, 60, 1000};
    final long[] used = new long[3];
    final List<String> reasons = new CopyOnWriteArrayList<>();
    final long[] windowIndex = {-1, -1, -1};
    long second = -1;
    int inSecond;

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      long elapsed = Duration.between(start, time.instant()).toSeconds();
      if (elapsed != second) {
        second = elapsed;
        inSecond = 0;
      }
      long[] remaining = new long[3];
      long[] reset = new long[3];
      boolean over = ++inSecond > 20;
      if (over) {
        reasons.add("second " + elapsed + " request " + inSecond);
      }
      for (int i = 0; i < 3; i++) {
        long index = elapsed / lengths[i];
        if (index != windowIndex[i]) {
          windowIndex[i] = index;
          used[i] = 0;
        }
        reset[i] = (index + 1) * lengths[i] - elapsed;
        if (used[i] >= limits[i]) {
          over = true;
          reasons.add("window " + i + " at " + elapsed + " s: used " + used[i]);
        }
      }
      if (!over) {
        for (int i = 0; i < 3; i++) {
          used[i]++;
        }
      }
      for (int i = 0; i < 3; i++) {
        remaining[i] = over && used[i] >= limits[i] ? -1 : limits[i] - used[i];
      }
      String rem = remaining[0] + "/" + remaining[1] + "/" + remaining[2];
      String res = reset[0] + "/" + reset[1] + "/" + reset[2];
      String lim = limits[0] + "/" + limits[1] + "/" + limits[2];
      if (over) {
        refused.incrementAndGet();
        return new MockResponse.Builder().code(429).addHeader("X-RateLimit-Limit", lim)
            .addHeader("X-RateLimit-Remaining", rem).addHeader("X-RateLimit-Reset", res)
            .body(EcomJsonBodies.error(429, "Too many requests")).build();
      }
      served.incrementAndGet();
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .addHeader("X-RateLimit-Limit", lim).addHeader("X-RateLimit-Remaining", rem)
          .addHeader("X-RateLimit-Reset", res).body(single(1)).build();
    }
  }

  @Test
  void aLongSyncNeverReceivesA429() {
    QuotaServer quota = new QuotaServer();
    server.setDispatcher(quota);
    try (EcomClient client = client()) {
      for (int i = 0; i < 150; i++) {
        client.variants().get(1);
      }
    }
    assertThat(quota.reasons).isEmpty();
    assertThat(quota.refused.get()).isZero();
    assertThat(quota.served.get()).isEqualTo(150);
    // 19 requests per 5-minute window and 59 per hour (1 kept in reserve in each): the third hour
    // has begun by the time the 150th request is sent.
    assertThat(Duration.between(quota.start, time.instant())).isGreaterThan(Duration.ofHours(2));
    assertThat(time.sleeps).allMatch(d -> d.compareTo(Duration.ofHours(1)) <= 0);
  }

  @Test
  void threadsSharingAClientShareItsLimits() throws Exception {
    QuotaServer quota = new QuotaServer();
    server.setDispatcher(quota);
    try (EcomClient client = client()) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
          done.add(pool.submit(() -> {
            for (int i = 0; i < 25; i++) {
              client.variants().get(1);
            }
          }));
        }
        for (java.util.concurrent.Future<?> f : done) {
          try {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
          } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("refusals: " + quota.reasons + " sleeps: " + time.sleeps, e);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(quota.reasons).isEmpty();
    assertThat(quota.refused.get()).isZero();
    assertThat(quota.served.get()).isEqualTo(100);
  }

  @Test
  void a429WithoutRetryAfterWaitsForTheExhaustedWindowThenRecovers() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("X-RateLimit-Limit", "300/3000/12000")
        .addHeader("X-RateLimit-Remaining", "-1/2700/11000").addHeader("X-RateLimit-Reset", "120/1800/20000")
        .body(EcomJsonBodies.error(429, "Too many requests")).build());
    server.enqueue(ok(variants(1, 3), "300/1800/20000", "299/2699/10999"));
    try (EcomClient client = client()) {
      assertThat(client.variants().list().firstPage().items()).hasSize(3);
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(121));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a429HonoursRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    server.enqueue(ok(single(1)));
    try (EcomClient client = client(RetryConfig.defaults())) {
      client.variants().get(1);
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aRetryAfterShorterThanTheExhaustedWindowDoesNotCutTheWaitShort() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
        .addHeader("X-RateLimit-Limit", "300/3000/12000").addHeader("X-RateLimit-Remaining", "-1/2700/11000")
        .addHeader("X-RateLimit-Reset", "60/1800/20000").build());
    server.enqueue(ok(single(1)));
    try (EcomClient client = client(RetryConfig.defaults())) {
      client.variants().get(1);
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(61));
  }

  @Test
  void a429WithRoomInEveryWindowIsThePerSecondCap() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("X-RateLimit-Limit", "300/3000/12000")
        .addHeader("X-RateLimit-Remaining", "250/2700/11000").addHeader("X-RateLimit-Reset", "120/1800/20000").build());
    server.enqueue(ok(single(1)));
    try (EcomClient client = client(RetryConfig.defaults())) {
      client.variants().get(1);
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void a429PausesEveryCallOfTheClient() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build());
    server.enqueue(ok(single(1)));
    try (EcomClient client = client(RetryConfig.defaults().withMaxAttempts(1))) {
      assertThatThrownBy(() -> client.variants().get(1)).isInstanceOf(RateLimitedException.class)
          .hasMessageContaining("429");
      time.advance(Duration.ofSeconds(10));
      client.variants().get(1); // a different call still waits out the pause
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(20));
  }

  @Test
  void a429OnAWriteIsRetriedBecauseTheServerDidNotApplyIt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
    server.enqueue(ok("{\"variant\":" + EcomJsonBodies.variant(7) + "}"));
    try (EcomClient client = client(RetryConfig.defaults())) {
      assertThat(client.setVariantStockLevel(7, 42).id()).isEqualTo(7);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2));
  }
}
