package dev.lightspeedsync.client.retail;

import dev.lightspeedsync.client.internal.http.Transport;
import dev.lightspeedsync.client.internal.http.Bodies;
import dev.lightspeedsync.client.internal.http.HttpLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.auth.AuthorizationRequest;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.internal.http.BaseUrls;
import dev.lightspeedsync.client.internal.json.JsonMapper;
import dev.lightspeedsync.client.internal.retail.AccountGuard;
import dev.lightspeedsync.client.internal.retail.OauthErrors;
import dev.lightspeedsync.client.retail.model.Account;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Connects an R-Series account to your application: the OAuth authorization-code flow (with PKCE),
 * account discovery and revocation. The refresh of the tokens it produces is done by
 * {@link RetailClient}.
 *
 * <pre>{@code
 * RetailOauth oauth = RetailOauth.builder().clientId(id).clientSecret(secret).build();
 * AuthorizationRequest request = AuthorizationRequest.create(List.of("employee:all"));
 * URI url = oauth.authorizationUrl(request);          // send the user there
 * // ... the user comes back to your redirect URI with ?code=...&state=... within 60 seconds
 * TokenPair tokens = oauth.exchange(request, oauth.codeFrom(request, redirectedTo), tokenStore);
 * List<Account> accounts = oauth.accounts(tokens);   // which account id to build the RetailClient for
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the client secret.
 */
public final class RetailOauth implements AutoCloseable {
  /** The authorize endpoint of the public API. */
  public static final String DEFAULT_AUTHORIZE_URL = "https://cloud.lightspeedapp.com/auth/oauth/authorize";
  /** The revoke endpoint of the public API. */
  public static final String DEFAULT_REVOKE_URL = "https://cloud.lightspeedapp.com/auth/oauth/revoke";

  private final String clientId;
  private final @Nullable String clientSecret;
  private final HttpUrl authorizeUrl;
  private final HttpUrl tokenUrl;
  private final HttpUrl revokeUrl;
  private final HttpUrl accountsUrl;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Clock clock;
  private final ObjectMapper mapper = JsonMapper.create();

  private RetailOauth(Builder b) {
    if (b.clientId == null || b.clientId.isBlank()) {
      throw new IllegalArgumentException("clientId is required: the client id of your registered Lightspeed application");
    }
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    HttpUrl base = BaseUrls.checked(b.baseUrl, "baseUrl");
    boolean publicApi = b.baseUrl.equals(RetailClient.DEFAULT_BASE_URL);
    this.authorizeUrl = url(b.authorizeUrl, publicApi ? DEFAULT_AUTHORIZE_URL : null, base, "authorize", "authorizeUrl");
    this.tokenUrl = url(b.tokenUrl, publicApi ? RetailClient.DEFAULT_TOKEN_URL : null, base, "token", "tokenUrl");
    this.revokeUrl = url(b.revokeUrl, publicApi ? DEFAULT_REVOKE_URL : null, base, "revoke", "revokeUrl");
    this.accountsUrl = base.newBuilder().addPathSegments("API/V3/Account.json").build();
    this.ownsHttp = b.okHttpClient == null;
    this.http = HttpLimits.defaults().client(b.okHttpClient).newBuilder()
        .retryOnConnectionFailure(false).followRedirects(false).build();
    this.clock = b.clock;
  }

  private static HttpUrl url(@Nullable String given, @Nullable String publicDefault, HttpUrl base, String endpoint,
      String name) {
    if (given != null) {
      return trimmed(BaseUrls.checked(given, name));
    }
    if (publicDefault != null) {
      return HttpUrl.get(publicDefault);
    }
    return base.newBuilder().encodedPath("/auth/oauth/" + endpoint).query(null).build();
  }

  private static HttpUrl trimmed(HttpUrl url) {
    String path = url.encodedPath();
    return path.length() > 1 && path.endsWith("/") ? url.newBuilder().encodedPath(path.substring(0, path.length() - 1))
        .build() : url;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The client id this flow runs for. */
  public String clientId() {
    return clientId;
  }

  /**
   * The URL to send the user to: {@code response_type=code}, the client id, the scopes
   * (space-separated), the state and, with PKCE, the S256 code challenge.
   */
  public URI authorizationUrl(AuthorizationRequest request) {
    Objects.requireNonNull(request, "request == null");
    HttpUrl.Builder u = authorizeUrl.newBuilder()
        .addQueryParameter("response_type", "code")
        .addQueryParameter("client_id", clientId)
        .addQueryParameter("scope", String.join(" ", request.scopes()))
        .addQueryParameter("state", request.state());
    request.codeChallenge().ifPresent(c -> u.addQueryParameter("code_challenge", c)
        .addQueryParameter("code_challenge_method", "S256"));
    return u.build().uri();
  }

  /**
   * The authorization code from the URL the user was redirected to ({@code ?code=...&state=...}),
   * after checking that its state is the request's.
   *
   * @throws AuthenticationException when the user denied access, the state does not match (a
   *     forged or stale redirect) or the URL carries no code
   */
  public String codeFrom(AuthorizationRequest request, URI redirectedTo) {
    HttpUrl url = HttpUrl.get(redirectedTo);
    String error = url.queryParameter("error");
    if (error != null) {
      throw new AuthenticationException("the authorization was not granted (" + error + ")"
          + (url.queryParameter("error_description") == null ? "" : ": " + url.queryParameter("error_description")),
          0, null, error, false, null);
    }
    if (!request.state().equals(url.queryParameter("state"))) {
      throw new AuthenticationException("the redirect's state does not match this authorization request: start the"
          + " authorization again (a stale or forged redirect is never exchanged)", 0, null, null, false, null);
    }
    String code = url.queryParameter("code");
    if (code == null || code.isBlank()) {
      throw new AuthenticationException("the redirect carries no authorization code", 0, null, null, false, null);
    }
    return code;
  }

  /**
   * Exchanges an authorization code for a token pair ({@code grant_type=authorization_code}, with
   * the PKCE verifier when the request has one). Codes expire 60 seconds after the redirect: exchange
   * at once. Never retried: a code is single-use.
   *
   * @throws AuthenticationException naming the wrong credential: the client id or secret
   *     ({@code invalid_client}) or the code ({@code invalid_grant})
   */
  public TokenPair exchange(AuthorizationRequest request, String code) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(code, "code == null");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code is blank");
    }
    FormBody.Builder form = new FormBody.Builder()
        .add("grant_type", "authorization_code")
        .add("client_id", clientId)
        .add("code", code.strip());
    if (clientSecret != null) {
      form.add("client_secret", clientSecret);
    }
    request.codeVerifier().ifPresent(v -> form.add("code_verifier", v));
    Instant sentAt = clock.instant();
    String text = post(tokenUrl, form.build(), OauthErrors.Grant.AUTHORIZATION_CODE);
    try {
      JsonNode node = mapper.readTree(text);
      String access = node.path("access_token").asText("");
      String refresh = node.path("refresh_token").asText("");
      if (access.isBlank() || refresh.isBlank()) {
        throw new DecodingException("the token endpoint answered HTTP 200 without an access_token and refresh_token: "
            + "check the token URL", 200, null, null, false, null);
      }
      long expiresIn = node.path("expires_in").asLong(0);
      return expiresIn > 0 ? TokenPair.of(access, refresh, sentAt.plusSeconds(expiresIn))
          : TokenPair.withoutExpiry(access, refresh);
    } catch (IOException e) {
      throw new DecodingException("the token endpoint answered HTTP 200 with a body that is not JSON (an HTML page?), "
          + "not a token: check the token URL; the credentials were not judged", 200, null, null, false, e);
    }
  }

  /**
   * Exchanges the code and saves the pair to {@code store} before returning it, so that the first
   * refresh token is durable before anything uses the access token.
   */
  public TokenPair exchange(AuthorizationRequest request, String code, TokenStore store) {
    Objects.requireNonNull(store, "store == null");
    TokenPair pair = exchange(request, code);
    store.save(pair);
    return pair;
  }

  /**
   * The accounts the access token reaches ({@code GET /API/V3/Account.json}), to pick the account id
   * for {@link RetailClient.Builder#accountId(long)}. Costs one request of the account's rate limit.
   */
  public List<Account> accounts(TokenPair tokens) {
    Objects.requireNonNull(tokens, "tokens == null");
    return AccountGuard.accounts(http, accountsUrl, mapper, tokens.accessToken());
  }

  /**
   * Revokes the connection: the refresh token and its access tokens stop working. Pass the newest
   * refresh token. The user must authorize again to reconnect.
   */
  public void revoke(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken == null");
    FormBody.Builder form = new FormBody.Builder().add("client_id", clientId).add("refresh_token", refreshToken);
    if (clientSecret != null) {
      form.add("client_secret", clientSecret);
    }
    post(revokeUrl, form.build(), OauthErrors.Grant.REVOKE);
  }

  private String post(HttpUrl url, FormBody form, OauthErrors.Grant grant) {
    Request request = new Request.Builder().url(url).post(form).header("Accept", "application/json").build();
    try (Response response = http.newCall(request).execute()) {
      String text = Bodies.text(response, "the OAuth endpoint " + url.encodedPath());
      if (!response.isSuccessful()) {
        throw OauthErrors.map(grant, response.code(), response.header("Cf-Ray"), text, response.header("Retry-After"),
            clock.instant());
      }
      return text;
    } catch (IOException e) {
      throw new LightspeedConnectionException("the OAuth request to " + url.host() + url.encodedPath()
          + " failed without a response (" + e.getClass().getSimpleName() + ")", Transport.kindOf(e, false), 0, null,
          null, true, e);
    }
  }

  /** Releases the connection pool and threads this instance created (not those of a shared client). */
  @Override
  public void close() {
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "RetailOauth{clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "<redacted>")
        + ", tokenUrl=" + tokenUrl + "}";
  }

  /** Builds a {@link RetailOauth}. Not thread-safe; the instance it builds is. */
  public static final class Builder {
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private String baseUrl = RetailClient.DEFAULT_BASE_URL;
    private @Nullable String authorizeUrl;
    private @Nullable String tokenUrl;
    private @Nullable String revokeUrl;
    private @Nullable OkHttpClient okHttpClient;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The client id of your registered application (required). */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /** The client secret; leave it out only for a client registered as publicly distributed (PKCE). */
    public Builder clientSecret(String clientSecret) {
      Objects.requireNonNull(clientSecret, "clientSecret == null");
      if (clientSecret.isBlank()) {
        throw new IllegalArgumentException("clientSecret is blank");
      }
      this.clientSecret = clientSecret;
      return this;
    }

    /** Client id and secret together. */
    public Builder credentials(OauthClientCredentials credentials) {
      Objects.requireNonNull(credentials, "credentials == null");
      return clientId(credentials.clientId()).clientSecret(credentials.clientSecret());
    }

    /**
     * The API origin, default {@value RetailClient#DEFAULT_BASE_URL}. When set, the authorize, token
     * and revoke endpoints default to {@code {origin}/auth/oauth/...} (the testkit, a proxy).
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    public Builder authorizeUrl(String authorizeUrl) {
      this.authorizeUrl = Objects.requireNonNull(authorizeUrl, "authorizeUrl == null");
      return this;
    }

    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl == null");
      return this;
    }

    public Builder revokeUrl(String revokeUrl) {
      this.revokeUrl = Objects.requireNonNull(revokeUrl, "revokeUrl == null");
      return this;
    }

    /** Shares an existing OkHttpClient's connection pool; it is not shut down by close(). */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** The clock that dates the access token's expiry. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    public RetailOauth build() {
      return new RetailOauth(this);
    }
  }
}
