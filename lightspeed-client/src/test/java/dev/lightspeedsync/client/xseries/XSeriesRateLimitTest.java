package dev.lightspeedsync.client.xseries;

import static dev.lightspeedsync.client.xseries.XBodies.TOKEN;
import static dev.lightspeedsync.client.xseries.XBodies.empty;
import static dev.lightspeedsync.client.xseries.XBodies.ok;
import static dev.lightspeedsync.client.xseries.XBodies.page;
import static dev.lightspeedsync.client.xseries.XBodies.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.error.RateLimitedException;
import dev.lightspeedsync.client.xseries.query.XSeriesQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pacing and 429 pauses on the fake clock: no test waits in real time. */
class XSeriesRateLimitTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final AtomicInteger responses429 = new AtomicInteger();

  XSeriesClient client(RetryConfig retry) {
    return XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(TOKEN).clock(time).sleeper(time)
        .retry(retry)
        .listener(new ClientListener() {
          @Override
          public void onResponse(String method, String path, int status, Duration duration) {
            if (status == 429) {
              responses429.incrementAndGet();
            }
          }
        })
        .build();
  }

  XSeriesClient client() {
    return XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(TOKEN).clock(time).sleeper(time)
        .listener(new ClientListener() {
          @Override
          public void onResponse(String method, String path, int status, Duration duration) {
            if (status == 429) {
              responses429.incrementAndGet();
            }
          }
        })
        .build();
  }

  @ParameterizedTest(name = "{0} window, limit {1}, {2} pages")
  @CsvSource({"fixed, 350, 360", "fixed, 20, 100", "sliding, 20, 100"})
  void aLongWalkGetsNo429AndStaysNearTheFloorOfTheWindow(String kind, long limit, int pages) {
    WindowServer window = new WindowServer(time, limit, kind.equals("sliding"), pages);
    server.setDispatcher(window);
    Instant start = time.instant();
    long records;
    try (XSeriesClient c = client()) {
      records = c.products().list(XSeriesQuery.builder().pageSize(1).build()).stream().count();
    }
    int requests = pages + 1; // one per record and the final empty page
    assertThat(records).isEqualTo(pages);
    assertThat(window.reasons).isEmpty();
    assertThat(window.refused.get()).isZero();
    assertThat(responses429).hasValue(0);
    assertThat(window.served.get()).isEqualTo(requests);
    // The floor: a window for every full `limit` requests after the first window.
    long windows = (requests + limit - 1) / limit;
    Duration floor = WindowServer.WINDOW.multipliedBy(windows - 1);
    Duration elapsed = Duration.between(start, time.instant());
    assertThat(elapsed).isGreaterThanOrEqualTo(floor);
    assertThat((double) elapsed.toMillis()).isLessThanOrEqualTo(1.03 * floor.toMillis());
  }

  @Test
  void the429HttpDateRetryAfterIsAlsoMeasuredFromTheServersDateSoAFastClientClockCannotCutThePauseShort() {
    // Our clock is one hour ahead of the server's: read against our clock, Retry-After lies in the
    // past (a naive client resumes at once and hammers the API); against the response's Date it is
    // the 120 s the server asks for.
    Instant serverNow = time.instant().minus(Duration.ofHours(1));
    server.enqueue(new MockResponse.Builder().code(429)
        .addHeader("Date", WindowServer.HTTP_DATE.format(serverNow))
        .addHeader("Retry-After", WindowServer.HTTP_DATE.format(serverNow.plusSeconds(120)))
        .addHeader("X-RateLimit-Limit", "350").addHeader("X-RateLimit-Remaining", "0")
        .body("{\"error\":\"Too Many Requests\",\"message\":\"Rate limiting enforced\"}").build());
    server.enqueue(ok(page(List.of(product(1, 1)), 1L, 1L)));
    try (XSeriesClient c = client()) {
      assertThat(c.products().list().firstPage().items()).hasSize(1);
      assertThat(c.rateLimit().orElseThrow().remaining()).isEqualTo(340);
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(121));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a429PausesTheWholeRetailerNotJustTheRequestThatGotIt() {
    Instant now = time.instant();
    server.enqueue(new MockResponse.Builder().code(429)
        .addHeader("Date", WindowServer.HTTP_DATE.format(now))
        .addHeader("Retry-After", WindowServer.HTTP_DATE.format(now.plusSeconds(200)))
        .body("{\"error\":\"Too Many Requests\",\"message\":\"Rate limiting enforced\"}").build());
    // maxWait below the pause: the calls fail with the wait instead of sleeping.
    try (XSeriesClient c = client(RetryConfig.defaults().withMaxWait(Duration.ofSeconds(30)))) {
      assertThatThrownBy(() -> c.products().list().firstPage())
          .isInstanceOf(RateLimitedException.class)
          .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(201)))
          .hasMessageContaining("Rate limiting enforced");
      // Another resource, another thread's work: refused at once, nothing sent.
      assertThatThrownBy(() -> c.sales().list().firstPage())
          .isInstanceOf(RateLimitedException.class)
          .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(201)));
      assertThat(c.rateLimit().orElseThrow().pausedUntil()).contains(now.plusSeconds(201));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void a429WithoutAUsableRetryAfterPausesForAWholeWindow() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "soon")
        .body("{\"error\":\"Too Many Requests\"}").build());
    server.enqueue(ok(empty()));
    try (XSeriesClient c = client()) {
      c.outlets().list().firstPage();
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(301));
  }

  @Test
  void aServerThatReportsTheBucketNearlySpentMakesTheNextRequestWait() {
    // Another process of the same app spent the bucket: 3 left of 350 is the reserve.
    server.enqueue(ok(empty(), 350, 3));
    server.enqueue(ok(empty(), 350, 349));
    try (XSeriesClient c = client()) {
      c.outlets().list().firstPage();
      assertThat(time.sleeps).isEmpty();
      c.outlets().list().firstPage();
    }
    // Until our own request leaves the window: 5 minutes and 1 s after its answer.
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(301));
  }

  @Test
  void writesAreRetriedAfterA429BecauseTheServerRefusedThemUnapplied() throws Exception {
    Instant now = time.instant();
    server.enqueue(new MockResponse.Builder().code(429)
        .addHeader("Date", WindowServer.HTTP_DATE.format(now))
        .addHeader("Retry-After", WindowServer.HTTP_DATE.format(now.plusSeconds(5))).build());
    server.enqueue(ok("{\"data\":[\"" + XBodies.uuid(1) + "\"]}"));
    try (XSeriesClient c = client()) {
      List<String> ids = c.createProduct(dev.lightspeedsync.client.xseries.write.NewProduct.builder().name("Tee").build());
      assertThat(ids).containsExactly(XBodies.uuid(1));
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(6));
  }
}
