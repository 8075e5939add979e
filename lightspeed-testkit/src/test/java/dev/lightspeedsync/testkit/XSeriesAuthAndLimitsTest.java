package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** X-Series personal token, OAuth code grant with rotating refresh tokens, the 5-minute limit. */
class XSeriesAuthAndLimitsTest {
  private final ManualTimeSource clock = new ManualTimeSource();
  private LightspeedTestServer server;

  private Http start(TestkitConfig.Builder b) {
    server = LightspeedTestServer.start(b.timeSource(clock).build());
    return new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void limitIs300PerRegisterPlus50With429AndAnHttpDateRetryAfter() {
    Http http = start(TestkitConfig.builder().xseriesOutlets(1).xseriesProducts(10));
    assertThat(server.xseries().rateLimit()).isEqualTo(350);
    for (int i = 1; i <= 350; i++) {
      Http.Response r = http.xs("api/2.0/outlets");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("X-RateLimit-Limit")).isEqualTo("350");
      assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(350 - i));
      clock.advance(Duration.ofMillis(100));
    }
    Http.Response limited = http.xs("api/2.0/outlets");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().get("error").asText()).isEqualTo("Too Many Requests");
    assertThat(limited.json().get("message").asText()).isEqualTo("Rate limiting enforced");
    String retryAfter = limited.header("Retry-After");
    assertThat(retryAfter).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    Instant until = ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    // the first request of the window was at the clock's start: it leaves the window 300 s later
    assertThat(until).isEqualTo(ManualTimeSource.DEFAULT_START.plusSeconds(300));
    assertThat(server.inspect().xseriesRateLimited()).isEqualTo(1);

    clock.set(until.minusSeconds(1));
    assertThat(http.xs("api/2.0/outlets").status()).isEqualTo(429);
    clock.set(until);
    Http.Response again = http.xs("api/2.0/outlets");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(server.inspect().rateLimited()).isEqualTo(2);
    assertThat(server.inspect().xseriesWindowPeak()).isEqualTo(350);
  }

  @Test
  void limitScalesWithRegistersAndIsKeptPerApplication() {
    Http http = start(TestkitConfig.builder().xseriesOutlets(2).xseriesRegistersPerOutlet(2).xseriesRateLimit(0)
        .xseriesProducts(10));
    assertThat(server.xseries().rateLimit()).isEqualTo(1250);
    Http.Response r = http.xs("api/2.0/outlets");
    assertThat(r.header("X-RateLimit-Limit")).isEqualTo("1250");
    server.close();
    http = start(TestkitConfig.builder().xseriesRateLimit(3).xseriesProducts(10));
    for (int i = 0; i < 3; i++) {
      assertThat(http.xs("api/2.0/outlets").status()).isEqualTo(200);
    }
    assertThat(http.xs("api/2.0/outlets").status()).isEqualTo(429);
    // the OAuth application has its own bucket
    assertThat(http.xs("api/2.0/outlets", server.xseriesCredentials().accessToken()).status()).isEqualTo(200);
  }

  @Test
  void scaledTimeIsAnnouncedAndRetryAfterIsInApiTime() {
    Instant start = Instant.parse("2026-06-01T00:00:00Z");
    server = LightspeedTestServer.start(TestkitConfig.builder().xseriesRateLimit(1).xseriesProducts(5)
        .timeSource(TimeSource.scaled(10, start)).build());
    Http http = new Http(server);
    Http.Response ok = http.xs("api/2.0/outlets");
    assertThat(ok.header("X-Testkit-Time-Scale")).isEqualTo("10");
    Http.Response limited = http.xs("api/2.0/outlets");
    assertThat(limited.status()).isEqualTo(429);
    Instant until = ZonedDateTime.parse(limited.header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    assertThat(until).isAfter(start.plusSeconds(299)).isBefore(start.plus(Duration.ofMinutes(10)));
  }

  @Test
  void personalTokenAndUnauthorizedRequests() {
    Http http = start(TestkitConfig.builder().xseriesProducts(10));
    assertThat(http.xs("api/2.0/products").status()).isEqualTo(200);
    assertThat(http.xs("api/2.0/products", "wrong").status()).isEqualTo(401);
    assertThat(Http.send(HttpRequest.newBuilder(URI.create(server.xseriesApiRoot() + "products")).GET().build())
        .status()).isEqualTo(401);
    server.expireAccessTokens();
    assertThat(http.xs("api/2.0/products").status()).isEqualTo(200);
    assertThat(http.xs("api/2.0/products", server.xseriesCredentials().accessToken()).status()).isEqualTo(401);
  }

  @Test
  void authorizationCodeGrantThenRotatingRefresh() {
    Http http = start(TestkitConfig.builder().xseriesProducts(10));
    XSeriesCredentials c = server.xseriesCredentials();
    Http.Response connect = Http.send(HttpRequest.newBuilder(URI.create(server.xseriesConnectUrl()
        + "?response_type=code&client_id=" + c.clientId() + "&redirect_uri=" + Http.enc(c.redirectUri())
        + "&state=xyz")).GET().build());
    assertThat(connect.status()).isEqualTo(302);
    String location = connect.header("Location");
    assertThat(location).startsWith(c.redirectUri() + "?code=").contains("&domain_prefix=testkitstore")
        .endsWith("&state=xyz");
    String code = location.substring(location.indexOf("code=") + 5, location.indexOf('&'));

    Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", code, "client_id",
        c.clientId(), "client_secret", c.clientSecret(), "redirect_uri", c.redirectUri());
    Http.Response tokens = http.xsToken(exchange);
    assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    JsonNode t = tokens.json();
    assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(t.get("expires_in").asLong()).isEqualTo(86400);
    assertThat(t.get("expires").asLong()).isEqualTo(clock.now().getEpochSecond() + 86400);
    assertThat(t.get("domain_prefix").asText()).isEqualTo("testkitstore");
    assertThat(http.xs("api/2.0/outlets", t.get("access_token").asText()).status()).isEqualTo(200);
    assertThat(http.xsToken(exchange).status()).as("codes are single-use").isEqualTo(400);

    String refresh = t.get("refresh_token").asText();
    JsonNode next = http.xsToken(Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id",
        c.clientId(), "client_secret", c.clientSecret())).json();
    assertThat(next.get("refresh_token").asText()).isNotEqualTo(refresh);
    assertThat(server.inspect().isXSeriesRefreshTokenActive(refresh)).isFalse();
    assertThat(server.inspect().isXSeriesRefreshTokenActive(next.get("refresh_token").asText())).isTrue();
    Http.Response reuse = http.xsToken(Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id",
        c.clientId(), "client_secret", c.clientSecret()));
    assertThat(reuse.status()).isEqualTo(400);
    assertThat(reuse.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(server.inspect().xseriesTokenRefreshes()).isEqualTo(1);

    String late = server.xseries().newAuthorizationCode();
    clock.advance(Duration.ofMinutes(10));
    assertThat(http.xsToken(Map.of("grant_type", "authorization_code", "code", late, "client_id", c.clientId(),
        "client_secret", c.clientSecret(), "redirect_uri", c.redirectUri())).status()).as("codes last 10 minutes")
        .isEqualTo(400);
  }

  @Test
  void eightThreadsRefreshingTheSameTokenGetOneNewPair() throws Exception {
    Http http = start(TestkitConfig.builder().xseriesProducts(10));
    XSeriesCredentials c = server.xseriesCredentials();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Callable<Integer> call = () -> {
        go.await();
        return http.xsToken(Map.of("grant_type", "refresh_token", "refresh_token", c.refreshToken(), "client_id",
            c.clientId(), "client_secret", c.clientSecret())).status();
      };
      results.add(pool.submit(call));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : results) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(200, 400);
    assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
    assertThat(server.inspect().xseriesTokenRefreshes()).isEqualTo(1);
  }

  @Test
  void tokenEndpointWantsAFormAndTheClient() {
    Http http = start(TestkitConfig.builder().xseriesProducts(10));
    XSeriesCredentials c = server.xseriesCredentials();
    assertThat(http.xsToken(Map.of("grant_type", "refresh_token", "refresh_token", c.refreshToken(), "client_id",
        c.clientId(), "client_secret", "nope")).status()).isEqualTo(401);
    assertThat(http.xsToken(Map.of("grant_type", "client_credentials", "client_id", c.clientId(), "client_secret",
        c.clientSecret())).json().get("error").asText()).isEqualTo("unsupported_grant_type");
    assertThat(Http.send(HttpRequest.newBuilder(server.xseriesTokenUrl()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).status()).isEqualTo(400);
    assertThat(c.toString()).doesNotContain(c.clientSecret()).doesNotContain(c.personalToken())
        .doesNotContain(c.refreshToken());
  }
}
