package dev.lightspeedsync.client.retail;

import dev.lightspeedsync.client.FakeTime;
import static dev.lightspeedsync.client.retail.Json.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.error.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  private RetailClient.Builder client() {
    return RetailClient.builder().accountId(1).baseUrl(server.url("/").toString()).accessToken("t")
        .clock(time).sleeper(time);
  }

  @Test
  void waitsTheComputedTimeBeforeTheNextRequestWhenTheBucketIsNearlyFull() throws Exception {
    server.enqueue(ok("{\"Item\":" + Json.item(1) + "}", "89.5/90", "2"));
    server.enqueue(ok("{\"Item\":" + Json.item(2) + "}", "89/90", "2"));
    try (RetailClient c = client().build()) {
      c.items().get(1);
      assertThat(time.sleeps).isEmpty();

      c.items().get(2);
    }
    // 89.5 + 1 (the next request's cost) exceeds 90 by 0.5 drips; at 2 drips/s that is 250 ms.
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(250));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void learnsTheRealCostOfARequestShapeFromTheCostHeader() {
    MockResponse expensive = new MockResponse.Builder().code(200)
        .addHeader("X-LS-API-Bucket-Level", "80/90").addHeader("X-LS-API-Drip-Rate", "1")
        .addHeader("X-LS-API-Request-Cost", "4").body("{\"Item\":" + Json.item(1) + "}").build();
    server.enqueue(expensive);
    server.enqueue(expensive);
    try (RetailClient c = client().build()) {
      c.items().get(1);
      c.items().get(1);
    }
    // 80 + 4 <= 90: no wait although a second request of cost 4 was sent.
    assertThat(time.sleeps).isEmpty();
  }


  /** A server-side leaky bucket driven by the same fake clock, counting overflows. */
  final class BucketServer extends Dispatcher {
    final double size;
    final double drip;
    double level;
    Instant last = time.instant();
    final AtomicInteger overflows = new AtomicInteger();
    final AtomicInteger served = new AtomicInteger();
    double peak;

    BucketServer(double size, double drip) {
      this.size = size;
      this.drip = drip;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      Instant now = time.instant();
      level = Math.max(0, level - drip * Duration.between(last, now).toNanos() / 1e9);
      last = now;
      if (level + 1 > size + 1e-9) {
        overflows.incrementAndGet();
        return new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
            .addHeader("X-LS-API-Bucket-Level", level + "/" + size).addHeader("X-LS-API-Drip-Rate", drip).build();
      }
      level += 1;
      peak = Math.max(peak, level);
      served.incrementAndGet();
      return new MockResponse.Builder().code(200)
          .addHeader("X-LS-API-Bucket-Level", level + "/" + size).addHeader("X-LS-API-Drip-Rate", drip)
          .addHeader("X-LS-API-Request-Cost", "1").addHeader("X-LS-API-Burst-Level", "1/50")
          .body("{\"Item\":" + Json.item(1) + "}").build();
    }
  }

  @Test
  void severalThreadsTogetherStayUnderTheBucketAndGetNo429() throws Exception {
    BucketServer bucket = new BucketServer(10, 1);
    server.setDispatcher(bucket);
    AtomicInteger responses429 = new AtomicInteger();
    ClientListener listener = new ClientListener() {
      @Override
      public void onResponse(String method, String path, int status, Duration duration) {
        if (status == 429) {
          responses429.incrementAndGet();
        }
      }
    };
    try (RetailClient c = client().listener(listener).build()) {
      c.items().get(1); // the first response teaches the bucket's size
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 15; i++) {
            c.items().get(1);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    assertThat(bucket.served.get()).isEqualTo(61);
    assertThat(bucket.overflows.get()).isZero();
    assertThat(responses429.get()).isZero();
    assertThat(bucket.peak).isLessThanOrEqualTo(10.0);
    assertThat(time.totalSlept()).isPositive();
  }

  @Test
  void a429WithRetryAfterPausesEveryThreadOfTheAccountThenSucceeds() throws Exception {
    List<Instant> arrivals = new CopyOnWriteArrayList<>();
    AtomicInteger n = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        arrivals.add(time.instant());
        if (n.getAndIncrement() == 0) {
          return new MockResponse.Builder().code(429).addHeader("Retry-After", "3")
              .addHeader("X-LS-API-RateLimit-Type", "api-leaky-bucket")
              .addHeader("X-LS-API-Bucket-Level", "91/90").addHeader("X-LS-API-Drip-Rate", "30").build();
        }
        return ok("{\"Item\":" + Json.item(1) + "}", "10/90", "30");
      }
    });
    CountDownLatch rateLimited = new CountDownLatch(1);
    ClientListener listener = new ClientListener() {
      @Override
      public void onResponse(String method, String path, int status, Duration duration) {
        if (status == 429) {
          rateLimited.countDown();
        }
      }
    };
    Instant start = time.instant();
    try (RetailClient c = client().listener(listener).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      Future<?> first = pool.submit(() -> c.items().get(1));
      assertThat(rateLimited.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<?>> others = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        others.add(pool.submit(() -> c.items().get(1)));
      }
      first.get(10, TimeUnit.SECONDS);
      for (Future<?> f : others) {
        f.get(10, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    assertThat(arrivals).hasSize(5);
    assertThat(arrivals.subList(1, 5)).allSatisfy(at -> assertThat(at).isAfterOrEqualTo(start.plusSeconds(3)));
    assertThat(time.sleeps).isNotEmpty();
  }

  @Test
  void aWaitLongerThanMaxWaitSurfacesAsRateLimitedWithRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "600").build());
    try (RetailClient c = client().build()) {
      assertThatThrownBy(() -> c.items().get(1))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(600));
            assertThat(e.statusCode()).isEqualTo(429);
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void theBurstLimiterIsRespected() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("X-LS-API-Bucket-Level", "1/90")
          .addHeader("X-LS-API-Drip-Rate", "50").addHeader("X-LS-API-Burst-Level", "1/3")
          .body("{\"Item\":" + Json.item(1) + "}").build());
    }
    try (RetailClient c = client().build()) {
      for (int i = 0; i < 6; i++) {
        c.items().get(1);
      }
    }
    // 3 per second: requests 4..6 wait for the sliding window.
    assertThat(time.totalSlept()).isGreaterThanOrEqualTo(Duration.ofMillis(999));
  }
}
