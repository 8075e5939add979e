package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuthTest {
  private final ManualTimeSource clock = new ManualTimeSource();
  private LightspeedTestServer server;

  private Http start(boolean strict) {
    server = LightspeedTestServer.start(TestkitConfig.builder().items(10).timeSource(clock)
        .accessTokenTtl(Duration.ofMinutes(30)).strictRefreshRotation(strict).build());
    return new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void initialTokenWorksAndCarriesTheAccountClaim() {
    Http http = start(false);
    RetailCredentials c = server.retailCredentials();
    assertThat(c.expiresInSeconds()).isEqualTo(1800);
    assertThat(c.accessTokenExpiresAt()).isEqualTo(ManualTimeSource.DEFAULT_START.plusSeconds(1800));
    assertThat(server.retailBaseUrl() + "auth/oauth/token").isEqualTo(server.tokenUrl().toString());
    String payload = new String(Base64.getUrlDecoder().decode(c.accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
    assertThat(payload).contains("\"acct\":\"123456\"");
    assertThat(http.retail("Item.json").status()).isEqualTo(200);
    assertThat(c.toString()).doesNotContain(c.clientSecret()).doesNotContain(c.refreshToken());
  }

  @Test
  void expiredAccessTokenGetsTheDocumented401() {
    Http http = start(false);
    clock.advance(Duration.ofMinutes(30));
    Http.Response r = http.retail("Item.json");
    assertThat(r.status()).isEqualTo(401);
    JsonNode body = r.json();
    assertThat(body.get("error").asText()).isEqualTo("access_denied");
    assertThat(body.get("hint").asText()).isEqualTo("Access token could not be verified");
    assertThat(r.header("Cf-Ray")).isNotBlank();
  }

  @Test
  void refreshRotatesAndTheOldTokenDiesOnceTheNewAccessTokenIsUsed() {
    Http http = start(false);
    String r1 = server.retailCredentials().refreshToken();
    Http.Response first = http.refresh(r1);
    assertThat(first.status()).isEqualTo(200);
    JsonNode t1 = first.json();
    assertThat(t1.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(t1.get("expires_in").asLong()).isEqualTo(1800);
    assertThat(t1.has("scope")).isFalse();
    String r2 = t1.get("refresh_token").asText();
    assertThat(r2).isNotEqualTo(r1);
    // deferred revocation: until the new access token is used, the old refresh token can be retried
    Http.Response retry = http.refresh(r1);
    assertThat(retry.status()).isEqualTo(200);
    String a3 = retry.json().get("access_token").asText();
    http.bearer(a3);
    assertThat(http.retail("Item.json").status()).isEqualTo(200);
    assertThat(server.inspect().isRefreshTokenActive(r1)).isFalse();
    Http.Response dead = http.refresh(r1);
    assertThat(dead.status()).isEqualTo(400);
    assertThat(dead.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(server.inspect().tokenRefreshes()).isEqualTo(2);
  }

  @Test
  void strictRotationRevokesOnFirstUse() {
    Http http = start(true);
    String r1 = server.retailCredentials().refreshToken();
    assertThat(http.refresh(r1).status()).isEqualTo(200);
    assertThat(http.refresh(r1).json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void retryingOneRefreshTokenIsLimitedToFiveAMinute() {
    Http http = start(false);
    String r1 = server.retailCredentials().refreshToken();
    for (int i = 0; i < 5; i++) {
      assertThat(http.refresh(r1).status()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(10));
    }
    Http.Response limited = http.refresh(r1);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("10");
    clock.advance(Duration.ofSeconds(10));
    assertThat(http.refresh(r1).status()).isEqualTo(200);
  }

  @Test
  void tokenEndpointAcceptsJsonAndMultipartBodies() {
    start(false);
    RetailCredentials c = server.retailCredentials();
    String json = "{\"grant_type\":\"refresh_token\",\"client_id\":\"" + c.clientId() + "\",\"client_secret\":\""
        + c.clientSecret() + "\",\"refresh_token\":\"" + c.refreshToken() + "\"}";
    Http.Response viaJson = Http.send(java.net.http.HttpRequest.newBuilder(server.tokenUrl())
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
    assertThat(viaJson.status()).as(viaJson.body()).isEqualTo(200);
    String next = viaJson.json().get("refresh_token").asText();
    StringBuilder mp = new StringBuilder();
    for (String[] kv : new String[][] {{"grant_type", "refresh_token"}, {"client_id", c.clientId()},
        {"client_secret", c.clientSecret()}, {"refresh_token", next}}) {
      mp.append("--XyZ\r\nContent-Disposition: form-data; name=\"").append(kv[0]).append("\"\r\n\r\n").append(kv[1])
          .append("\r\n");
    }
    mp.append("--XyZ--\r\n");
    Http.Response viaMultipart = Http.send(java.net.http.HttpRequest.newBuilder(server.tokenUrl())
        .header("Content-Type", "multipart/form-data; boundary=XyZ")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(mp.toString())).build());
    assertThat(viaMultipart.status()).as(viaMultipart.body()).isEqualTo(200);
  }

  @Test
  void tokenEndpointErrors() {
    Http http = start(false);
    RetailCredentials c = server.retailCredentials();
    assertThat(http.refresh("unknown").json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(http.token(Map.of("grant_type", "refresh_token", "client_id", c.clientId(), "client_secret", "wrong",
        "refresh_token", c.refreshToken())).status()).isEqualTo(401);
    Http.Response missing = http.token(Map.of("grant_type", "refresh_token", "client_id", c.clientId(),
        "client_secret", c.clientSecret()));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void expireAccessTokensForcesARefresh() {
    Http http = start(false);
    server.expireAccessTokens();
    assertThat(http.retail("Item.json").status()).isEqualTo(401);
    JsonNode t = http.refresh(server.retailCredentials().refreshToken()).json();
    http.bearer(t.get("access_token").asText());
    assertThat(http.retail("Item.json").status()).isEqualTo(200);
  }
}
