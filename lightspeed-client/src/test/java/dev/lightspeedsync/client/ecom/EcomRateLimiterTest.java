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
    // A late response of the first request (the server saw 4 left) does not give the reservation back.
    limiter.onResponse(GET, headers("4/2998/11998", "99/1999/19999"), t);
    assertThat(limiter.tryAcquire(GET, t)).isEqualTo(Duration.ofSeconds(100));
    // After the reset the window is assumed full again.
    assertThat(limiter.tryAcquire(GET, T0.plusSeconds(101))).isZero();
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
