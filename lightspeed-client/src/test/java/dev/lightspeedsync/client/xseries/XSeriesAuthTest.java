package dev.lightspeedsync.client.xseries;

import static dev.lightspeedsync.client.xseries.XBodies.CLIENT_SECRET;
import static dev.lightspeedsync.client.xseries.XBodies.TOKEN;
import static dev.lightspeedsync.client.xseries.XBodies.empty;
import static dev.lightspeedsync.client.xseries.XBodies.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.error.AuthenticationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Personal tokens, OAuth refresh with rotation (single flight), one refresh on a 401, the code exchange. */
class XSeriesAuthTest {
  static final OauthClientCredentials CREDS = OauthClientCredentials.of("app-client-id", CLIENT_SECRET);

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  /** Records every save; the API side checks that a token is saved before it is used. */
  static final class RecordingStore implements TokenStore {
    final AtomicReference<TokenPair> current;
    final List<TokenPair> saved = new CopyOnWriteArrayList<>();

    RecordingStore(TokenPair initial) {
      this.current = new AtomicReference<>(initial);
    }

    @Override
    public Optional<TokenPair> load() {
      return Optional.of(current.get());
    }

    @Override
    public void save(TokenPair pair) {
      saved.add(pair);
      current.set(pair);
    }

    boolean hasSavedAccessToken(String token) {
      return saved.stream().anyMatch(p -> p.accessToken().equals(token));
    }
  }

  /**
   * A token endpoint that rotates: each refresh returns a new pair and revokes the refresh token
   * used; an old refresh token is refused with invalid_grant. The API accepts only the newest
   * access token and fails the test if it arrives before the store saved it.
   */
  final class RotatingServer extends Dispatcher {
    final RecordingStore store;
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger apiCalls = new AtomicInteger();
    final List<String> problems = new CopyOnWriteArrayList<>();
    volatile String access = "access-0";
    volatile String refresh = "refresh-0";
    volatile boolean rejectNextApiCall;

    RotatingServer(RecordingStore store) {
      this.store = store;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.equals("/api/1.0/token")) {
        String form = request.getBody().utf8();
        if (!form.contains("grant_type=refresh_token") || !form.contains("client_id=app-client-id")) {
          problems.add("bad refresh form: " + form);
        }
        if (!form.contains("refresh_token=" + refresh)) {
          return XBodies.status(400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}");
        }
        int n = refreshes.incrementAndGet();
        access = "access-" + n;
        refresh = "refresh-" + n;
        long expires = time.instant().getEpochSecond() + 86400;
        return ok("{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires\":" + expires
            + ",\"expires_in\":86400,\"refresh_token\":\"" + refresh + "\",\"domain_prefix\":\"mystore\"}");
      }
      apiCalls.incrementAndGet();
      String auth = request.getHeaders().get("Authorization");
      if (rejectNextApiCall) {
        rejectNextApiCall = false;
        return XBodies.status(401, "{\"error\":\"Unauthorized\",\"message\":\"token expired\"}");
      }
      if (!("Bearer " + access).equals(auth)) {
        return XBodies.status(401, "{\"error\":\"Unauthorized\"}");
      }
      if (!access.equals("access-0") && !store.hasSavedAccessToken(access)) {
        problems.add(access + " used before it was saved");
      }
      return ok(empty());
    }
  }

  XSeriesClient oauthClient(TokenStore store) {
    return XSeriesClient.builder().baseUrl(server.url("/").toString()).oauth(CREDS, store).clock(time).sleeper(time)
        .build();
  }

  @Test
  void eightThreadsWithAnExpiredTokenCauseOneRefreshAndTheRotatedPairIsSavedBeforeUse() throws Exception {
    RecordingStore store = new RecordingStore(TokenPair.of("access-0", "refresh-0", time.instant().minusSeconds(5)));
    RotatingServer api = new RotatingServer(store);
    api.access = "stale";
    server.setDispatcher(api);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try (XSeriesClient c = oauthClient(store)) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          start.await();
          return c.outlets().list().firstPage().items().size();
        }));
      }
      start.countDown();
      for (Future<Integer> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(api.problems).isEmpty();
    assertThat(api.refreshes).hasValue(1);
    assertThat(store.saved).hasSize(1);
    assertThat(store.saved.get(0).refreshToken()).isEqualTo("refresh-1");
    assertThat(store.saved.get(0).expiresAt()).contains(time.instant().plusSeconds(86400));
    assertThat(api.apiCalls).hasValue(8);
  }

  @Test
  void a401RefreshesOnceAndRepeatsTheRequestWithTheNewToken() throws Exception {
    RecordingStore store = new RecordingStore(TokenPair.withoutExpiry("access-0", "refresh-0"));
    RotatingServer api = new RotatingServer(store);
    api.rejectNextApiCall = true;
    server.setDispatcher(api);
    try (XSeriesClient c = oauthClient(store)) {
      c.products().list().firstPage();
    }
    assertThat(api.refreshes).hasValue(1);
    assertThat(api.apiCalls).hasValue(2);
    assertThat(api.problems).isEmpty();
    assertThat(store.current.get().accessToken()).isEqualTo("access-1");
  }

  @Test
  void aSecond401AfterTheRefreshFailsWithAuthAdviceAndNoSecondRefresh() {
    RecordingStore store = new RecordingStore(TokenPair.withoutExpiry("access-0", "refresh-0"));
    server.setDispatcher(new Dispatcher() {
      final AtomicInteger n = new AtomicInteger();

      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/api/1.0/token")) {
          return ok("{\"access_token\":\"access-" + n.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":86400,"
              + "\"refresh_token\":\"refresh-" + n.get() + "\"}");
        }
        return XBodies.status(401, "{\"error\":\"Unauthorized\",\"message\":\"token revoked\"}");
      }
    });
    try (XSeriesClient c = oauthClient(store)) {
      assertThatThrownBy(() -> c.products().list().firstPage())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("HTTP 401")
          .hasMessageContaining("re-authorise")
          .hasMessageNotContaining("access-")
          .hasMessageNotContaining(CLIENT_SECRET);
    }
    assertThat(store.saved).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(3); // the call, one refresh, the one repeat
  }

  @Test
  void aRefusedRefreshTokenSaysToReauthoriseAndSavesNothing() {
    RecordingStore store = new RecordingStore(TokenPair.of("access-0", "refresh-old", time.instant().minusSeconds(1)));
    RotatingServer api = new RotatingServer(store);
    server.setDispatcher(api);
    try (XSeriesClient c = oauthClient(store)) {
      assertThatThrownBy(() -> c.outlets().list().firstPage())
          .isInstanceOf(AuthenticationException.class)
          .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("re-authorise"))
          .hasMessageNotContaining("refresh-old");
    }
    assertThat(store.saved).isEmpty();
    assertThat(api.apiCalls).hasValue(0);
  }

  @Test
  void aPersonalTokenIsSentAsBearerAndARefusalNeverTriesARefresh() throws Exception {
    server.enqueue(ok(empty()));
    server.enqueue(XBodies.status(401, "{\"error\":\"Unauthorized\"}"));
    try (XSeriesClient c = XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(TOKEN)
        .clock(time).sleeper(time).build()) {
      c.outlets().list().firstPage();
      assertThatThrownBy(() -> c.outlets().list().firstPage())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("personal token")
          .hasMessageContaining("Personal tokens")
          .hasMessageNotContaining(TOKEN);
    }
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/2.0/outlets");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theAuthorizationCodeIsExchangedFormEncodedAtTheOneZeroTokenEndpoint() throws Exception {
    server.enqueue(ok("{\"access_token\":\"first-access\",\"token_type\":\"Bearer\",\"expires\":"
        + (time.instant().getEpochSecond() + 86400) + ",\"refresh_token\":\"first-refresh\",\"domain_prefix\":\"mystore\"}"));
    String tokenUrl = server.url("/api/1.0/token").toString();
    TokenPair pair = XSeriesOauth.exchangeCode(tokenUrl, CREDS, "the-code", "https://app.example/callback", time);
    assertThat(pair.accessToken()).isEqualTo("first-access");
    assertThat(pair.refreshToken()).isEqualTo("first-refresh");
    assertThat(pair.expiresAt()).contains(Instant.ofEpochSecond(time.instant().getEpochSecond() + 86400));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/1.0/token");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(r.getBody().utf8()).contains("code=the-code", "grant_type=authorization_code", "client_id=app-client-id",
        "redirect_uri=https%3A%2F%2Fapp.example%2Fcallback");
  }

  @Test
  void aRefusedCodeExplainsWhy() {
    server.enqueue(XBodies.status(400, "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}"));
    assertThatThrownBy(() -> XSeriesOauth.exchangeCode(server.url("/api/1.0/token").toString(), CREDS, "old", "https://a/cb",
        time))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("single-use and valid for 10 minutes")
        .hasMessageNotContaining(CLIENT_SECRET);
  }

  @Test
  void theAuthorizationUrlAndTheTokenUrlFollowTheDocs() {
    HttpUrl url = HttpUrl.get(XSeriesOauth.authorizationUrl("cid", "https://app.example/cb", "s1"));
    assertThat(url.host()).isEqualTo("secure.retail.lightspeed.app");
    assertThat(url.encodedPath()).isEqualTo("/connect");
    assertThat(url.queryParameter("response_type")).isEqualTo("code");
    assertThat(url.queryParameter("redirect_uri")).isEqualTo("https://app.example/cb");
    assertThat(url.queryParameter("state")).isEqualTo("s1");
    assertThat(XSeriesOauth.tokenUrl("mystore")).isEqualTo("https://mystore.retail.lightspeed.app/api/1.0/token");
  }
}
