package dev.lightspeedsync.client.retail;

import dev.lightspeedsync.client.FakeTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.error.AuthenticationException;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;

class OauthTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final OauthClientCredentials credentials = OauthClientCredentials.of("client-1", "client-secret-1");

  /** A token store that records every save. */
  static final class RecordingStore implements TokenStore {
    final AtomicReference<TokenPair> current;
    final List<TokenPair> saved = new CopyOnWriteArrayList<>();

    RecordingStore(TokenPair initial) {
      current = new AtomicReference<>(initial);
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
  }

  /** Token endpoint rotating tokens; API accepting only the newest access token. */
  final class AuthServer extends Dispatcher {
    final AtomicInteger refreshes = new AtomicInteger();
    final List<String> tokenBodies = new CopyOnWriteArrayList<>();
    final AtomicReference<String> valid = new AtomicReference<>();
    final List<Boolean> storeHadTokenBeforeUse = new CopyOnWriteArrayList<>();
    final RecordingStore store;
    volatile boolean refuseRefresh;
    volatile long reachableAccount = 1;
    final AtomicInteger accountChecks = new AtomicInteger();

    AuthServer(RecordingStore store, String validToken) {
      this.store = store;
      valid.set(validToken);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (request.getUrl().encodedPath().equals("/auth/oauth/token")) {
        tokenBodies.add(request.getBody().utf8());
        if (refuseRefresh) {
          return new MockResponse.Builder().code(400).body("{\"error\":\"invalid_grant\","
              + "\"error_description\":\"The refresh token is invalid.\"}").build();
        }
        int n = refreshes.incrementAndGet();
        valid.set("access-" + (n + 1));
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"access-" + (n + 1)
                + "\",\"refresh_token\":\"refresh-" + (n + 1) + "\"}").build();
      }
      String auth = request.getHeaders().get("Authorization");
      if (request.getUrl().encodedPath().equals("/API/V3/Account.json") && ("Bearer " + valid.get()).equals(auth)) {
        accountChecks.incrementAndGet();
        return Json.ok("{\"Account\":{\"accountID\":\"" + reachableAccount + "\",\"name\":\"Shop " + reachableAccount + "\"}}");
      }
      if (!("Bearer " + valid.get()).equals(auth)) {
        return new MockResponse.Builder().code(401).body("{\"error\":\"access_denied\",\"error_description\":"
            + "\"The resource owner or authorization server denied the request.\",\"hint\":\"Access token could not be verified\"}").build();
      }
      storeHadTokenBeforeUse.add(auth.equals("Bearer " + store.current.get().accessToken()));
      return Json.ok("{\"Item\":" + Json.item(1) + "}");
    }
  }

  private RetailClient client(TokenStore store) {
    return RetailClient.builder().accountId(1).baseUrl(server.url("/").toString()).oauth(credentials, store)
        .clock(time).sleeper(time).build();
  }

  @Test
  void eightThreadsHittingAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
    RecordingStore store = new RecordingStore(TokenPair.of("access-1", "refresh-1", time.instant().minusSeconds(5)));
    AuthServer auth = new AuthServer(store, "access-1");
    server.setDispatcher(auth);
    try (RetailClient c = client(store)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Long>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return c.items().get(1).id();
        }));
      }
      go.countDown();
      for (Future<Long> f : results) {
        assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo(1L);
      }
      pool.shutdown();
    }
    assertThat(auth.refreshes.get()).isEqualTo(1);
    assertThat(store.saved).singleElement().satisfies(p -> {
      assertThat(p.accessToken()).isEqualTo("access-2");
      assertThat(p.refreshToken()).isEqualTo("refresh-2");
      assertThat(p.expiresAt()).contains(time.instant().plusSeconds(3600));
    });
    assertThat(auth.storeHadTokenBeforeUse).hasSize(8).containsOnly(true);
    // form-encoded, refresh grant, no scope
    assertThat(auth.tokenBodies).singleElement().satisfies(body -> {
      assertThat(body).contains("grant_type=refresh_token", "client_id=client-1", "client_secret=client-secret-1",
          "refresh_token=refresh-1");
      assertThat(body).doesNotContain("scope");
    });
  }

  @Test
  void aTokenIsRefreshedShortlyBeforeItExpires() {
    RecordingStore store = new RecordingStore(TokenPair.of("access-1", "refresh-1", time.instant().plusSeconds(30)));
    AuthServer auth = new AuthServer(store, "access-1");
    server.setDispatcher(auth);
    try (RetailClient c = client(store)) {
      c.items().get(1);
    }
    assertThat(auth.refreshes.get()).isEqualTo(1);
  }

  @Test
  void a401TriggersOneRefreshAndOneRetry() {
    RecordingStore store = new RecordingStore(TokenPair.withoutExpiry("access-stale", "refresh-1"));
    AuthServer auth = new AuthServer(store, "access-1");
    server.setDispatcher(auth);
    try (RetailClient c = client(store)) {
      assertThat(c.items().get(1).id()).isEqualTo(1);
      assertThat(c.items().get(1).id()).isEqualTo(1);
    }
    assertThat(auth.refreshes.get()).isEqualTo(1);
    // 401, refresh, the opaque new token's account check (once), retry, second call
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(auth.accountChecks).hasValue(1);
  }

  @Test
  void aRejectedRefreshGivesAClearAuthException() {
    RecordingStore store = new RecordingStore(TokenPair.of("access-1", "refresh-used", time.instant().minusSeconds(1)));
    AuthServer auth = new AuthServer(store, "access-1");
    auth.refuseRefresh = true;
    server.setDispatcher(auth);
    try (RetailClient c = client(store)) {
      assertThatThrownBy(() -> c.items().get(1))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.getMessage()).contains("refused the refresh token (invalid_grant)", "Re-authorise",
                "The refresh token is invalid.", "client id and secret were accepted");
          });
    }
    assertThat(store.saved).isEmpty();
    assertThat(auth.tokenBodies).hasSize(1);
  }

  @Test
  void aTokenTheApiStillRefusesAfterRefreshIsAnAuthError() {
    RecordingStore store = new RecordingStore(TokenPair.withoutExpiry("access-stale", "refresh-1"));
    AuthServer auth = new AuthServer(store, "never-valid");
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        MockResponse r = auth.dispatch(request);
        auth.valid.set("never-valid");
        return r;
      }
    });
    try (RetailClient c = client(store)) {
      assertThatThrownBy(() -> c.items().get(1)).isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("HTTP 401");
    }
    assertThat(auth.refreshes.get()).isEqualTo(1);
  }

  @Test
  void theTokenEndpointDefaultsToTheApiOriginWhenTheBaseUrlIsOverridden() throws Exception {
    RecordingStore store = new RecordingStore(TokenPair.of("a", "r", time.instant().minus(Duration.ofHours(1))));
    AuthServer auth = new AuthServer(store, "x");
    server.setDispatcher(auth);
    try (RetailClient c = client(store)) {
      c.items().get(1);
    }
    assertThat(server.takeRequest().getTarget()).isEqualTo("/auth/oauth/token");
  }
}
