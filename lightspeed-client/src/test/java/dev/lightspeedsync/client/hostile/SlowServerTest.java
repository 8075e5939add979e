package dev.lightspeedsync.client.hostile;

import static dev.lightspeedsync.client.hostile.Hostile.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.write.CustomerUpdate;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A server that trickles its body one byte a second (or stalls before its headers) cannot hold a
 * call past its deadline. Deadlines here are 200 ms, so the whole class takes about a second.
 */
class SlowServerTest {
  private static final Duration DEADLINE = Duration.ofMillis(200);

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  private static MockResponse trickling(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
        .throttleBody(1, 1, TimeUnit.SECONDS).build();
  }

  private RetailClient retail(int attempts) {
    return RetailClient.builder().accountId(1).baseUrl(server.url("/").toString()).accessToken("t")
        .clock(time).sleeper(time).callTimeout(DEADLINE)
        .retry(RetryConfig.defaults().withMaxAttempts(attempts)).build();
  }

  @Test
  void aTricklingReadIsCutAtTheCallDeadlineAndRetried() {
    server.enqueue(trickling(Hostile.itemsPage(1, 3, "")));
    server.enqueue(json(Hostile.itemsPage(1, 3, "")));
    long t0 = System.nanoTime();
    try (RetailClient c = retail(3)) {
      assertThat(c.items().list().stream().count()).isEqualTo(3);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aServerThatAlwaysTricklesFailsAsATimedOutConnectionOfAReachedServer() {
    server.enqueue(trickling(Hostile.itemsPage(1, 3, "")));
    server.enqueue(trickling(Hostile.itemsPage(1, 3, "")));
    try (RetailClient c = retail(2)) {
      assertThatThrownBy(() -> c.items().list().stream().count())
          .isInstanceOfSatisfying(LightspeedConnectionException.class, e -> {
            assertThat(e.kind()).isEqualTo(LightspeedConnectionException.Kind.TIMED_OUT);
            assertThat(e.reached()).isTrue();
            assertThat(e.getMessage()).contains("timed out", "call deadline 200 ms").doesNotContain("HTTP 0");
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aTricklingWriteIsNotResentAndMayHaveBeenApplied() throws Exception {
    // headers at once, then a body that does not come (MockWebServer's throttle would also slow the
    // reading of the request body, so the write would never arrive)
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"Customer\":{\"customerID\":\"5\",\"firstName\":\"A\"}}").bodyDelay(2, TimeUnit.SECONDS).build());
    try (RetailClient c = retail(3)) {
      assertThatThrownBy(() -> c.updateCustomer(5, CustomerUpdate.builder().firstName("A").build()))
          .isInstanceOfSatisfying(LightspeedConnectionException.class, e -> {
            assertThat(e.kind()).isEqualTo(LightspeedConnectionException.Kind.TIMED_OUT);
            assertThat(e.requestMayHaveBeenApplied()).isTrue();
          });
    }
    assertThat(server.takeRequest(2, TimeUnit.SECONDS)).isNotNull().satisfies(r -> assertThat(r.getMethod()).isEqualTo("PUT"));
    assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull(); // not resent
  }

  @Test
  void headersThatNeverComeHitTheReadTimeout() {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
    try (RetailClient c = RetailClient.builder().accountId(1).baseUrl(server.url("/").toString()).accessToken("t")
        .clock(time).sleeper(time).readTimeout(Duration.ofMillis(100))
        .retry(RetryConfig.defaults().withMaxAttempts(1)).build()) {
      assertThatThrownBy(() -> c.items().get(1))
          .isInstanceOfSatisfying(LightspeedConnectionException.class,
              e -> assertThat(e.kind()).isEqualTo(LightspeedConnectionException.Kind.TIMED_OUT));
    }
  }

  @Test
  void theEcomAndXSeriesBuildersTakeTheSameDeadline() {
    server.enqueue(trickling(Hostile.variants(1, 2)));
    try (EcomClient c = EcomClient.builder().baseUrl(server.url("/").toString()).language("nl")
        .credentials(Hostile.ECOM_KEY, Hostile.ECOM_SECRET).clock(time).sleeper(time).callTimeout(DEADLINE)
        .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(1))
        .retry(RetryConfig.defaults().withMaxAttempts(1)).build()) {
      assertThatThrownBy(() -> c.variants().list().firstPage())
          .isInstanceOfSatisfying(LightspeedConnectionException.class,
              e -> assertThat(e.kind()).isEqualTo(LightspeedConnectionException.Kind.TIMED_OUT));
    }
    server.enqueue(trickling(Hostile.products(1, 2, 10)));
    try (XSeriesClient c = XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(Hostile.XS_TOKEN)
        .clock(time).sleeper(time).callTimeout(DEADLINE).connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofSeconds(1)).retry(RetryConfig.defaults().withMaxAttempts(1)).build()) {
      assertThatThrownBy(() -> c.products().list().firstPage())
          .isInstanceOfSatisfying(LightspeedConnectionException.class,
              e -> assertThat(e.kind()).isEqualTo(LightspeedConnectionException.Kind.TIMED_OUT));
    }
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> RetailClient.builder().callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout");
    assertThatThrownBy(() -> EcomClient.builder().readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> XSeriesClient.builder().connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> XSeriesClient.builder().maxBodyBytes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBodyBytes");
  }
}
