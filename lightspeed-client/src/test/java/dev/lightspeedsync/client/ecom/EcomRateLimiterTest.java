package dev.lightspeedsync.client.ecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.internal.ecom.EcomRateLimiter;
import dev.lightspeedsync.client.internal.ecom.RateHeaders;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The eCom limiter and header parser as pure functions of headers and time. */
class EcomRateLimiterTest {
  static final RequestSpec GET =
      new RequestSpec("GET", HttpUrl.get("https://api.webshopapp.com/nl/variants.json"), null, BigDecimal.ONE, "k", true);
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  static Headers headers(String remaining, String reset) {
    return Headers.of("X-RateLimit-Limit", "300/3000/12000", "X-RateLimit-Remaining", remaining,
        "X-RateLimit-Reset", reset);
  }

  @Test
  void headersAreParsedLeniently() {
    RateHeaders h = RateHeaders.parse(headers("299/2999/11999", "263/2063/23663"));
    assertThat(h.fiveMinutes()).isEqualTo(new RateHeaders.Window(300, 299, 263));
    assertThat(h.hour()).isEqualTo(new RateHeaders.Window(3000, 2999, 2063));
    assertThat(h.day()).isEqualTo(new RateHeaders.Window(12000, 11999, 23663));
    assertThat(RateHeaders.parse(headers("-1/5/5", "10/-3/5")).fiveMinutes().remaining()).isEqualTo(-1);
    assertThat(RateHeaders.parse(headers("-1/5/5", "10/-3/5")).hour().resetSeconds()).isZero();
    assertThat(RateHeaders.parse(headers("299/2999", "263/2063")).any()).isFalse();
    assertThat(RateHeaders.parse(headers("a/b/c", "1/2/3")).any()).isFalse();
    assertThat(RateHeaders.parse(Headers.of()).any()).isFalse();
  }

  @Test
  void requestsInFlightReserveTheirShareBeforeTheServerCountsThem() {
    EcomRateLimiter limiter = new EcomRateLimiter();
    assertThat(limiter.tryAcquire(GET, T0)).isZero(); // nothing known yet
    limiter.onResponse(GET, headers("5/2999/11999", "100/2000/20000"), T0);
    Instant t = T0.plusSeconds(1);
    assertThat(limiter.tryAcquire(GET, t)).isZero(); // 5 -> 4
    assertThat(limiter.tryAcquire(GET, t)).isZero(); // 4 -> 3, the reserve
    assertThat(limiter.tryAcquire(GET, t)).isEqualTo(Duration.ofSeconds(100)); // until reset (T0+100 s) + 1 s
    // The first response (the server saw 4 left; one more request is in flight) keeps the reservation.
    limiter.onResponse(GET, headers("4/2998/11998", "99/1999/19999"), t);
    assertThat(limiter.tryAcquire(GET, t)).isEqualTo(Duration.ofSeconds(100));
    // After the reset the window is assumed full again.
    assertThat(limiter.tryAcquire(GET, T0.plusSeconds(101))).isZero();
  }

  @Test
  void aLateResponseCannotRaiseTheCount() {
    EcomRateLimiter limiter = new EcomRateLimiter();
    limiter.onResponse(GET, headers("10/2999/11999", "200/2000/20000"), T0);
    assertThat(limiter.tryAcquire(GET, T0)).isZero(); // request A
    assertThat(limiter.tryAcquire(GET, T0.plusMillis(50))).isZero(); // request B
    // B is answered first (the server saw 8 left), then A's response arrives a minute late (it saw 9):
    // the late figure must not count as a new window.
    limiter.onResponse(GET, headers("8/2997/11997", "200/2000/20000"), T0.plusMillis(100));
    limiter.onResponse(GET, headers("9/2998/11998", "200/2000/20000"), T0.plusSeconds(60));
    // 8 left, less one held back because B's response was matched to A (the estimate stays on the
    // safe side): 7 -> 3. Had A's late 9 counted as a new window, six would be admitted.
    for (int i = 0; i < 4; i++) {
      assertThat(limiter.tryAcquire(GET, T0.plusSeconds(61 + i))).isZero();
    }
    assertThat(limiter.tryAcquire(GET, T0.plusSeconds(70))).isPositive();
  }

  @Test
  void aResponseFromANewWindowReplacesTheCount() {
    EcomRateLimiter limiter = new EcomRateLimiter();
    limiter.onResponse(GET, headers("3/2999/11999", "10/2000/20000"), T0);
    assertThat(limiter.tryAcquire(GET, T0)).isEqualTo(Duration.ofSeconds(11));
    // Another process's request after the reset shows the new window: no wait any more.
    limiter.onResponse(GET, headers("290/2990/11990", "299/1990/19990"), T0.plusSeconds(11));
    assertThat(limiter.tryAcquire(GET, T0.plusSeconds(11))).isZero();
  }

  @Test
  void aReportedRemainingBelowTheLocalCountWins() {
    EcomRateLimiter limiter = new EcomRateLimiter();
    limiter.onResponse(GET, headers("200/2999/11999", "100/2000/20000"), T0);
    // Another process sharing the key spent the window down.
    limiter.onResponse(GET, headers("2/2990/11990", "99/1999/19999"), T0.plusSeconds(1));
    assertThat(limiter.tryAcquire(GET, T0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void aRequestHoldsItsPlaceInTheSecondUntilOneSecondAfterItsAnswer() {
    EcomRateLimiter limiter = new EcomRateLimiter();
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.tryAcquire(GET, T0)).isZero();
    }
    // All 20 still in flight: ask again shortly.
    assertThat(limiter.tryAcquire(GET, T0.plusSeconds(5))).isEqualTo(Duration.ofMillis(50));
    // One answered at T0+5 s (the server may have counted it at the end of that second): its place
    // frees one second later, whatever the latency was.
    limiter.onResponse(GET, headers("280/2980/11980", "200/2000/20000"), T0.plusSeconds(5));
    assertThat(limiter.tryAcquire(GET, T0.plusMillis(5500))).isEqualTo(Duration.ofMillis(500));
    assertThat(limiter.tryAcquire(GET, T0.plusSeconds(6))).isZero();
    // A lost request frees its place one second after the failure too.
    limiter.onNoResponse(GET, T0.plusSeconds(7));
    assertThat(limiter.tryAcquire(GET, T0.plusSeconds(7))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void a429WithoutAnyHeadersWaitsAMinute() {
    EcomRateLimiter limiter = new EcomRateLimiter();
    assertThat(limiter.onRateLimited(GET, Headers.of(), T0)).isEqualTo(Duration.ofSeconds(60));
    assertThat(limiter.tryAcquire(GET, T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void a429WithSeveralExhaustedWindowsWaitsForTheLongest() {
    EcomRateLimiter limiter = new EcomRateLimiter();
    assertThat(limiter.onRateLimited(GET, headers("-1/0/500", "100/1500/20000"), T0))
        .isEqualTo(Duration.ofSeconds(1501));
  }
}
