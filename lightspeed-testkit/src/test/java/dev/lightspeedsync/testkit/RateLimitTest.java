package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private final ManualTimeSource clock = new ManualTimeSource();
  private LightspeedTestServer server;

  private Http start(TestkitConfig.Builder b) {
    server = LightspeedTestServer.start(b.items(50).timeSource(clock).build());
    return new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void bucketAllowsTheOverflowingRequestThen429WithSelfConsistentRetryAfter() {
    Http http = start(TestkitConfig.builder().burstLimit(1000));
    for (int i = 1; i <= 85; i++) {
      Http.Response r = http.retail("Item.json?limit=1");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("X-LS-API-Bucket-Level")).isEqualTo(i + "/90");
    }
    // a count costs 10: 85 -> 95, accepted although it overflows
    Http.Response over = http.retail("Item.json?count=1");
    assertThat(over.status()).isEqualTo(200);
    assertThat(over.header("X-LS-API-Bucket-Level")).isEqualTo("95/90");
    assertThat(over.header("X-LS-API-Request-Cost")).isEqualTo("10");
    assertThat(over.header("X-LS-API-Drip-Rate")).isEqualTo("1");

    Http.Response limited = http.retail("Item.json?limit=1");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("X-LS-API-RateLimit-Type")).isEqualTo("api-leaky-bucket");
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    assertThat(retryAfter).isEqualTo(5); // (95 - 90) / 1 per second
    assertThat(limited.header("X-LS-API-Bucket-Level")).isEqualTo("95/90");
    assertThat(limited.json().get("httpCode").asText()).isEqualTo("429");

    clock.advance(Duration.ofSeconds(retryAfter - 1));
    assertThat(http.retail("Item.json?limit=1").status()).isEqualTo(429);
    clock.advance(Duration.ofSeconds(1));
    Http.Response again = http.retail("Item.json?limit=1");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("X-LS-API-Bucket-Level")).isEqualTo("91/90");

    assertThat(server.inspect().rateLimited()).isEqualTo(2);
    assertThat(server.inspect().requests("GET Item.json", 429)).isEqualTo(2);
    assertThat(server.inspect().bucketPeak()).isEqualTo(95.0);
  }

  @Test
  void bucketDrainsAtTheDripRate() {
    Http http = start(TestkitConfig.builder().bucketSize(110).dripRate(2).burstLimit(1000));
    for (int i = 0; i < 10; i++) {
      http.retail("Item.json?limit=1");
    }
    clock.advance(Duration.ofMillis(2500));
    Http.Response r = http.retail("Item.json?limit=1");
    assertThat(r.header("X-LS-API-Bucket-Level")).isEqualTo("6/110"); // 10 - 5 + 1
    assertThat(r.header("X-LS-API-Drip-Rate")).isEqualTo("2");
  }

  @Test
  void burstLimiterCountsRequestsPerSecond() {
    Http http = start(TestkitConfig.builder().burstLimit(20));
    for (int i = 1; i <= 20; i++) {
      Http.Response r = http.retail("Item.json?limit=1");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("X-LS-API-Burst-Level")).isEqualTo(i + "/20");
    }
    Http.Response burst = http.retail("Item.json?limit=1");
    assertThat(burst.status()).isEqualTo(429);
    assertThat(burst.header("X-LS-API-RateLimit-Type")).isEqualTo("api-burst-limiter");
    assertThat(burst.header("Retry-After")).isEqualTo("1");
    assertThat(burst.json().get("message").asText()).contains("burst rate limit exceeded");
    clock.advance(Duration.ofSeconds(1));
    assertThat(http.retail("Item.json?limit=1").status()).isEqualTo(200);
  }

  @Test
  void documentedCosts() {
    Http http = start(TestkitConfig.builder().unlimited());
    assertThat(http.retail("Item.json?load_relations=" + Http.enc("[\"ItemShops\"]")).header("X-LS-API-Request-Cost"))
        .isEqualTo("1.4"); // +0.2 to-many, doubled on a query
    assertThat(http.retail("Item/1.json?load_relations=" + Http.enc("[\"ItemShops\",\"Category\"]"))
        .header("X-LS-API-Request-Cost")).isEqualTo("1.3");
    assertThat(http.retailWrite("PUT", "Item/2.json", "{\"ItemShops\":{\"ItemShop\":{\"shopID\":1,\"qoh\":4}}}")
        .header("X-LS-API-Request-Cost")).isEqualTo("1.5");
    long item = server.retail().stream("Item").filter(r -> !r.getBoolean("archived")).findFirst().orElseThrow().id();
    String sale = "{\"shopID\":1,\"employeeID\":1,\"completed\":true,\"SaleLines\":{\"SaleLine\":[{\"itemID\":" + item
        + ",\"unitQuantity\":1,\"unitPrice\":10},{\"itemID\":" + item + ",\"unitQuantity\":1,\"unitPrice\":10}]},"
        + "\"SalePayments\":{\"SalePayment\":{\"amount\":21.60,\"paymentTypeID\":1}}}";
    Http.Response r = http.retailWrite("POST", "Sale.json", sale);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.header("X-LS-API-Request-Cost")).isEqualTo("6.5"); // 2 + 3 completed + 3 x 0.5
  }

  @Test
  void scaledTimeSourceRunsFasterThanTheWallClock() {
    TimeSource fast = TimeSource.scaled(1000, ManualTimeSource.DEFAULT_START);
    assertThat(fast.scale()).isEqualTo(1000);
    java.time.Instant a = fast.now();
    long realStart = System.nanoTime();
    // No sleep: spin until one API second has passed, which takes about a millisecond of real time.
    while (Duration.between(a, fast.now()).compareTo(Duration.ofSeconds(1)) < 0) {
      Thread.onSpinWait();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofMillis(500));
    server = LightspeedTestServer.start(TestkitConfig.builder().items(5).timeSource(fast).build());
    Http.Response r = new Http(server).retail("Item.json");
    assertThat(r.header("X-Testkit-Time-Scale")).isEqualTo("1000");
  }
}
