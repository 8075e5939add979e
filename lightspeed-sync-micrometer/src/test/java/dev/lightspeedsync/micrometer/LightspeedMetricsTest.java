package dev.lightspeedsync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.error.RateLimitedException;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Micrometer listener against the testkit's R-Series server, on the testkit's manual clock. */
class LightspeedMetricsTest {
  final ManualTimeSource clock = new ManualTimeSource();
  final LightspeedTestServer server = LightspeedTestServer.start(TestkitConfig.builder().seed(5).items(40)
      .bucketSize(10).dripRate(1).timeSource(clock).build());
  final RetailCredentials credentials = server.retailCredentials();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void stop() {
    server.close();
  }

  RetailClient client(LightspeedMetrics metrics) {
    return client(metrics, RetryConfig.defaults());
  }

  RetailClient client(@Nullable LightspeedMetrics metrics, RetryConfig retry) {
    RetailClient.Builder b = RetailClient.builder().baseUrl(server.retailBaseUrl().toString())
        .accountId(credentials.accountId()).accessToken(credentials.accessToken()).retry(retry)
        .clock(clock.asClock()).sleeper(clock::sleep);
    return (metrics == null ? b : b.listener(metrics)).build();
  }

  double requests(String account, String status) {
    Timer t = registry.find(LightspeedMetrics.REQUESTS).tags("account", account, "status", status).timer();
    return t == null ? 0 : t.count();
  }

  double counter(String name, String account) {
    var c = registry.find(name).tags("account", account).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void recordsRequestsRetriesWaitsAnd429sPerAccount() {
    LightspeedMetrics shop = LightspeedMetrics.of(registry, "shop");
    try (RetailClient tracked = client(shop, RetryConfig.defaults())) {
      for (int id = 1; id <= 3; id++) {
        tracked.items().get(id);
      }
      assertThat(requests("shop", "200")).isEqualTo(3);
      assertThat(registry.get(LightspeedMetrics.REQUESTS).tags("account", "shop", "method", "GET", "outcome", "SUCCESS")
          .timer().count()).isEqualTo(3);

      // a 5xx: retried once, both exchanges counted
      server.injectNext(Fault.SERVER_ERROR, "GET /API/V3/Account/" + credentials.accountId() + "/Item/");
      tracked.items().get(4);
      assertThat(registry.get(LightspeedMetrics.REQUESTS).tags("account", "shop", "outcome", "SERVER_ERROR")
          .timer().count()).isEqualTo(1);
      assertThat(registry.get(LightspeedMetrics.RETRIES).tags("account", "shop", "cause", "ServerException")
          .counter().count()).isEqualTo(1);
      assertThat(requests("shop", "200")).isEqualTo(4);

      // other processes of the same account (fresh clients, one request each, no retry) fill the
      // bucket behind the tracked client's back: its next request gets a 429, sits out the pause
      // and succeeds on the retry
      long before = server.inspect().rateLimited();
      for (int i = 0; i < 50 && server.inspect().rateLimited() == before; i++) {
        try (RetailClient other = client(null, RetryConfig.defaults().withMaxAttempts(1))) {
          other.items().get(1);
        } catch (RateLimitedException full) {
          // the bucket is full
        }
      }
      before = server.inspect().rateLimited();
      tracked.items().get(5);
      long got429 = server.inspect().rateLimited() - before;
      assertThat(got429).isPositive();
      assertThat(counter(LightspeedMetrics.RATE_LIMITED, "shop")).isEqualTo(got429);
      assertThat(requests("shop", "429")).isEqualTo(got429);
      assertThat(registry.get(LightspeedMetrics.RETRIES).tags("account", "shop", "cause", "RateLimitedException")
          .counter().count()).isEqualTo(got429);
      Timer waits = registry.get(LightspeedMetrics.WAITS).tags("account", "shop").timer();
      assertThat(waits.count()).isPositive();
      assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isPositive();

      // the gauges follow the bucket as the last response reported it
      double remaining = registry.get(LightspeedMetrics.RATE_LIMIT_REMAINING).tags("account", "shop").gauge().value();
      double used = registry.get(LightspeedMetrics.RATE_LIMIT_USED).tags("account", "shop").gauge().value();
      assertThat(remaining).isBetween(0.0, 10.0);
      assertThat(used).isCloseTo(1 - remaining / 10, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void eachAccountHasItsOwnSeriesAndExtraTags() {
    LightspeedMetrics a = LightspeedMetrics.of(registry, "a", Tags.of("api", "retail"));
    LightspeedMetrics b = LightspeedMetrics.of(registry, "b", Tags.of("api", "retail"));
    try (RetailClient ca = client(a); RetailClient cb = client(b)) {
      ca.items().get(1);
      cb.items().get(1);
      cb.items().get(2);
    }
    assertThat(requests("a", "200")).isEqualTo(1);
    assertThat(requests("b", "200")).isEqualTo(2);
    assertThat(registry.get(LightspeedMetrics.REQUESTS).tags("api", "retail").timers()).hasSize(2);
    assertThat(registry.get(LightspeedMetrics.RATE_LIMIT_REMAINING).tags("account", "a").gauge().value())
        .isBetween(0.0, 10.0);
    // no paths as tags: one series per account, method and status, whatever the record ids
    assertThat(registry.find(LightspeedMetrics.REQUESTS).timers()).allSatisfy(t ->
        assertThat(t.getId().getTags()).extracting(tag -> tag.getKey())
            .containsExactlyInAnyOrder("account", "api", "method", "status", "outcome"));
  }

  @Test
  void gaugesAreNaNBeforeTheFirstResponseAndTheAccountIsRequired() {
    LightspeedMetrics.of(registry, "idle");
    assertThat(registry.get(LightspeedMetrics.RATE_LIMIT_REMAINING).tags("account", "idle").gauge().value()).isNaN();
    assertThatThrownBy(() -> LightspeedMetrics.of(registry, " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account");
  }
}
