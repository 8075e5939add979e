package dev.lightspeedsync.client.internal.retail;

import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.internal.http.Transport;
import dev.lightspeedsync.client.internal.http.Bodies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one account, refreshed through the OAuth token endpoint.
 *
 * <p>Refresh tokens rotate, so exactly one refresh runs at a time: threads that find the token
 * expired (or rejected) queue on a lock, and those that get the lock after a refresh has happened
 * use its result instead of refreshing again. Before the new pair is used it is handed to the
 * {@link TokenStore}; if saving fails, the new token is not used. With an {@link AccountGuard}, a
 * new pair that does not reach the configured account is never saved. The request is form-encoded and
 * carries no {@code scope} (a JSON body with a scope is refused by the current auth server).
 */
public final class OauthTokens {
  private static final Logger LOG = LoggerFactory.getLogger(OauthTokens.class);

  private final OkHttpClient http;
  private final HttpUrl tokenUrl;
  private final @Nullable OauthClientCredentials credentials;
  private final TokenStore store;
  private final Clock clock;
  private final Duration refreshAhead;
  private final ClientListener listener;
  private final ObjectMapper mapper;
  private final @Nullable AccountGuard guard;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile TokenPair current;

  public OauthTokens(
      OkHttpClient http,
      HttpUrl tokenUrl,
      @Nullable OauthClientCredentials credentials,
      TokenStore store,
      Clock clock,
      Duration refreshAhead,
      ClientListener listener,
      ObjectMapper mapper,
      @Nullable AccountGuard guard) {
    this.http = Objects.requireNonNull(http, "http == null");
    this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl == null");
    this.credentials = credentials;
    this.store = Objects.requireNonNull(store, "store == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
    this.mapper = Objects.requireNonNull(mapper, "mapper == null");
    this.guard = guard;
    this.current = store.load().orElseThrow(() -> new IllegalArgumentException(
        "the token store holds no token pair; save the pair from the authorisation step first"));
  }

  /** The access token in use now, without refreshing it. */
  public String currentAccessToken() {
    return current.accessToken();
  }

  /** The access token to send now, refreshed first when it expires within the refresh margin. */
  public String accessToken() {
    TokenPair pair = current;
    if (!expiresSoon(pair)) {
      return pair.accessToken();
    }
    lock.lock();
    try {
      pair = current;
      if (!expiresSoon(pair)) {
        return pair.accessToken(); // another thread refreshed while we waited
      }
      return refresh(pair).accessToken();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Called when the API refused {@code rejected}: returns a newer token, refreshing at most once
   * for all the threads that saw the same rejection.
   */
  public String afterRejection(String rejected) {
    lock.lock();
    try {
      TokenPair pair = current;
      if (!pair.accessToken().equals(rejected)) {
        return pair.accessToken();
      }
      return refresh(pair).accessToken();
    } finally {
      lock.unlock();
    }
  }

  private boolean expiresSoon(TokenPair pair) {
    return pair.expiresAt().map(at -> !clock.instant().plus(refreshAhead).isBefore(at)).orElse(false);
  }

  private TokenPair refresh(TokenPair basis) {
    // Another process sharing the store may have rotated the pair already: use its pair if so.
    TokenPair stored = store.load().orElse(basis);
    if (!stored.equals(basis) && !stored.refreshToken().equals(basis.refreshToken()) && !expiresSoon(stored)) {
      current = stored;
      return stored;
    }
    if (credentials == null) {
      throw new AuthenticationException(
          "the access token expired or was refused and no OAuth client credentials were configured to refresh it",
          401, null, null, false, null);
    }
    Request request = new Request.Builder()
        .url(tokenUrl)
        .post(new FormBody.Builder()
            .add("grant_type", "refresh_token")
            .add("client_id", credentials.clientId())
            .add("client_secret", credentials.clientSecret())
            .add("refresh_token", stored.refreshToken())
            .build())
        .header("Accept", "application/json")
        .build();
    Instant sentAt = clock.instant();
    try (Response response = http.newCall(request).execute()) {
      String text = Bodies.text(response, "the token endpoint");
      String requestId = response.header("Cf-Ray");
      if (!response.isSuccessful()) {
        throw OauthErrors.map(OauthErrors.Grant.REFRESH_TOKEN, response.code(), requestId, text,
            response.header("Retry-After"), clock.instant());
      }
      TokenPair next = parse(text, stored, sentAt);
      if (guard != null) {
        // A wrong account id must not receive (and overwrite) the rotated pair: check it first.
        guard.verify(next);
      }
      store.save(next); // persisted before first use: a crash now cannot lose the rotated token
      current = next;
      listener.onTokenRefreshed();
      LOG.debug("access token refreshed{}", next.expiresAt().map(at -> "; expires at " + at).orElse(""));
      return next;
    } catch (IOException e) {
      throw new LightspeedConnectionException("the token refresh at " + tokenUrl.host()
          + " failed without a response (" + e.getClass().getSimpleName() + ")", Transport.kindOf(e, false), 0, null,
          null, true, e);
    }
  }

  private TokenPair parse(String text, TokenPair previous, Instant sentAt) {
    try {
      JsonNode node = mapper.readTree(text);
      String access = node.path("access_token").asText("");
      if (access.isBlank()) {
        throw new DecodingException("the token endpoint answered HTTP 200 without an access_token: check the token "
            + "URL; the credentials were not judged", 200, null, null, false, null);
      }
      String refresh = node.path("refresh_token").asText("");
      if (refresh.isBlank()) {
        refresh = previous.refreshToken();
      }
      long expiresIn = node.path("expires_in").asLong(0);
      return expiresIn > 0
          ? TokenPair.of(access, refresh, sentAt.plusSeconds(expiresIn))
          : TokenPair.withoutExpiry(access, refresh);
    } catch (IOException e) {
      throw new DecodingException("the token endpoint answered HTTP 200 with a body that is not JSON (an HTML page?), "
          + "not a token: check the token URL; the credentials were not judged", 200, null, null, false, e);
    }
  }
}
