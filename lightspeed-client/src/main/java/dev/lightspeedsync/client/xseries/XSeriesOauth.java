package dev.lightspeedsync.client.xseries;

import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.internal.http.Transport;
import dev.lightspeedsync.client.internal.http.Bodies;
import dev.lightspeedsync.client.internal.http.HttpLimits;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.error.RateLimitedException;
import dev.lightspeedsync.client.internal.http.BaseUrls;
import dev.lightspeedsync.client.internal.http.ErrorMapper;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.internal.http.RetryAfter;
import dev.lightspeedsync.client.internal.xseries.XSeriesJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The authorization-code flow of an X-Series OAuth app, up to the first token pair. Send the user
 * to {@link #authorizationUrl}; Lightspeed redirects back with {@code code} and
 * {@code domain_prefix}; exchange the code (single use, valid 10 minutes) with
 * {@link #exchangeCode}, save the pair in your {@link dev.lightspeedsync.client.auth.TokenStore}
 * and build the {@link XSeriesClient} with it: the client refreshes the pair from then on. Stateless
 * and thread-safe. No token or secret appears in a message or log line.
 */
public final class XSeriesOauth {
  /** Where users approve an app. */
  public static final String AUTHORIZE_URL = "https://secure.retail.lightspeed.app/connect";

  private XSeriesOauth() {}

  /**
   * The URL to send the user to.
   *
   * @param state an unguessable value you check on the callback (CSRF protection)
   */
  public static String authorizationUrl(String clientId, String redirectUri, String state) {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(redirectUri, "redirectUri == null");
    Objects.requireNonNull(state, "state == null");
    return HttpUrl.get(AUTHORIZE_URL).newBuilder()
        .addQueryParameter("response_type", "code")
        .addQueryParameter("client_id", clientId)
        .addQueryParameter("redirect_uri", redirectUri)
        .addQueryParameter("state", state)
        .build().toString();
  }

  /** The token endpoint of a retailer: {@code https://{domain_prefix}.retail.lightspeed.app/api/1.0/token}. */
  public static String tokenUrl(String domainPrefix) {
    return XSeriesClient.origin(XSeriesClient.checkDomainPrefix(domainPrefix)) + "api/1.0/token";
  }

  /**
   * Exchanges an authorization code for the first token pair ({@code grant_type=authorization_code},
   * form-encoded).
   *
   * @param tokenUrl {@link #tokenUrl(String)} of the {@code domain_prefix} the callback carried (or a
   *     loopback URL in tests)
   * @throws AuthenticationException when Lightspeed refuses the code (used, expired or for another
   *     redirect URI)
   */
  public static TokenPair exchangeCode(String tokenUrl, OauthClientCredentials credentials, String code,
      String redirectUri, Clock clock) {
    Objects.requireNonNull(credentials, "credentials == null");
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(redirectUri, "redirectUri == null");
    Objects.requireNonNull(clock, "clock == null");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code is blank");
    }
    HttpUrl url = BaseUrls.checked(tokenUrl, "tokenUrl");
    if (url.encodedPath().endsWith("/") && url.encodedPath().length() > 1) {
      url = url.newBuilder().encodedPath(url.encodedPath().substring(0, url.encodedPath().length() - 1)).build();
    }
    Request request = new Request.Builder()
        .url(url)
        .post(new FormBody.Builder()
            .add("code", code)
            .add("client_id", credentials.clientId())
            .add("client_secret", credentials.clientSecret())
            .add("grant_type", "authorization_code")
            .add("redirect_uri", redirectUri)
            .build())
        .header("Accept", "application/json")
        .build();
    OkHttpClient http = HttpLimits.defaults().applyToNew().retryOnConnectionFailure(false).build();
    Instant sentAt = clock.instant();
    try (Response response = http.newCall(request).execute()) {
      String text = Bodies.text(response, "the token endpoint");
      String requestId = response.header("Cf-Ray");
      if (response.code() == 429) {
        Duration wait = RetryAfter.parse(response.header("Retry-After"), clock.instant(), response.header("Date"))
            .orElse(Duration.ofMinutes(1));
        throw new RateLimitedException("the authorization-code exchange was rate limited by Lightspeed; retry after "
            + wait.toSeconds() + " s", 429, requestId, null, wait, null);
      }
      if (!response.isSuccessful()) {
        RequestSpec describe = new RequestSpec("POST", url, null, BigDecimal.ZERO, "token", false);
        String api = ErrorMapper.map(describe, response.code(), requestId, text, null).apiMessage().orElse(null);
        if (response.code() >= 400 && response.code() < 500) {
          throw new AuthenticationException("Lightspeed refused the authorization code (HTTP " + response.code()
              + (api == null ? "" : ": " + api) + "). A code is single-use and valid for 10 minutes, and the redirect "
              + "URI must be the one the user was sent with: start the authorisation again.",
              response.code(), requestId, api, false, null);
        }
        throw ErrorMapper.map(describe, response.code(), requestId, text, null);
      }
      return parse(text, sentAt);
    } catch (IOException e) {
      throw new LightspeedConnectionException("the authorization-code exchange at " + url.host()
          + " failed without a response (" + e.getClass().getSimpleName() + "); the code may have been used: if a retry "
          + "is refused, start the authorisation again", Transport.kindOf(e, false), 0, null, null, true, e);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  static TokenPair parse(String text, Instant sentAt) {
    JsonNode node;
    try {
      node = XSeriesJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new DecodingException("the token endpoint answered HTTP 200 with a body that is not JSON (an HTML page?), "
          + "not a token: check the token URL; the credentials were not judged", 200, null, null, false, null);
    }
    String access = node.path("access_token").asText("");
    String refresh = node.path("refresh_token").asText("");
    if (access.isBlank() || refresh.isBlank()) {
      throw new DecodingException("the token endpoint answered HTTP 200 without an access_token and refresh_token: "
          + "check the token URL", 200, null, null, false, null);
    }
    String tokenType = node.path("token_type").asText("Bearer");
    if (!tokenType.toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new AuthenticationException("the token endpoint issued a '" + tokenType + "' token, not a Bearer token", 200,
          null, null, false, null);
    }
    long expiresIn = node.path("expires_in").asLong(0);
    long expires = node.path("expires").asLong(0);
    if (expiresIn > 0) {
      return TokenPair.of(access, refresh, sentAt.plusSeconds(expiresIn));
    }
    if (expires > 0) {
      return TokenPair.of(access, refresh, Instant.ofEpochSecond(expires));
    }
    return TokenPair.withoutExpiry(access, refresh);
  }
}
