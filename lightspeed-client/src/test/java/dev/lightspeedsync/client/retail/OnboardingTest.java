package dev.lightspeedsync.client.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.auth.AuthorizationRequest;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.retail.model.Account;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The authorization-code flow, account discovery, the wrong-account guard and OAuth error messages. */
class OnboardingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  private RetailOauth oauth() {
    return RetailOauth.builder().clientId("client-1").clientSecret("secret-1").baseUrl(server.url("/").toString())
        .clock(time).build();
  }

  static String jwt(long account) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b.encodeToString(("{\"acct\":\"" + account + "\",\"sub\":\"1\"}").getBytes(StandardCharsets.UTF_8)) + ".sig";
  }

  static MockResponse tokens(String access, String refresh) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + access + "\",\"refresh_token\":\""
            + refresh + "\"}").build();
  }

  @Test
  void theAuthorizeUrlCarriesClientScopesStateAndAnS256Challenge() throws Exception {
    AuthorizationRequest request = AuthorizationRequest.create(List.of("employee:inventory", "employee:register"));
    try (RetailOauth o = oauth()) {
      HttpUrl url = HttpUrl.get(o.authorizationUrl(request));
      assertThat(url.encodedPath()).isEqualTo("/auth/oauth/authorize");
      assertThat(url.queryParameter("response_type")).isEqualTo("code");
      assertThat(url.queryParameter("client_id")).isEqualTo("client-1");
      assertThat(url.queryParameter("scope")).isEqualTo("employee:inventory employee:register");
      assertThat(url.queryParameter("state")).isEqualTo(request.state()).hasSizeGreaterThanOrEqualTo(32);
      assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
      String verifier = request.codeVerifier().orElseThrow();
      assertThat(verifier).matches("[A-Za-z0-9_-]{43,128}");
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      assertThat(url.queryParameter("code_challenge"))
          .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
      assertThat(url.toString()).doesNotContain(verifier).doesNotContain("secret-1");
      assertThat(request.toString()).doesNotContain(verifier);
      assertThat(o.toString()).doesNotContain("secret-1");
    }
    assertThat(AuthorizationRequest.create(List.of("employee:all")).state())
        .isNotEqualTo(AuthorizationRequest.create(List.of("employee:all")).state());
    assertThat(HttpUrl.get(RetailOauth.builder().clientId("c").build()
        .authorizationUrl(AuthorizationRequest.of(List.of("employee:all"), "s", null))).toString())
        .startsWith(RetailOauth.DEFAULT_AUTHORIZE_URL + "?").doesNotContain("code_challenge");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource({"'', request at least one scope", "inventory, not an R-Series scope", "'employee:all employee:x y', not an R-Series scope"})
  void scopesAreChecked(String scopes, String message) {
    List<String> list = scopes.isEmpty() ? List.of() : List.of(scopes.split(" "));
    assertThatThrownBy(() -> AuthorizationRequest.create(list)).hasMessageContaining(message);
  }

  @Test
  void theCodeIsExchangedWithTheVerifierAndStoredBeforeItIsReturned() throws Exception {
    server.enqueue(tokens("access-1", "refresh-1"));
    AuthorizationRequest request = AuthorizationRequest.create(List.of("employee:all"));
    List<TokenPair> saved = new CopyOnWriteArrayList<>();
    TokenStore store = new TokenStore() {
      @Override
      public Optional<TokenPair> load() {
        return saved.isEmpty() ? Optional.empty() : Optional.of(saved.get(saved.size() - 1));
      }

      @Override
      public void save(TokenPair pair) {
        saved.add(pair);
      }
    };
    try (RetailOauth o = oauth()) {
      String code = o.codeFrom(request, URI.create("https://app.example/cb?code=abc%2B1&state=" + request.state()));
      TokenPair pair = o.exchange(request, code, store);
      assertThat(pair.accessToken()).isEqualTo("access-1");
      assertThat(pair.expiresAt()).contains(time.instant().plusSeconds(3600));
      assertThat(saved).containsExactly(pair);
    }
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/auth/oauth/token");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(r.getBody().utf8()).contains("grant_type=authorization_code", "client_id=client-1",
        "client_secret=secret-1", "code=abc%2B1", "code_verifier=" + request.codeVerifier().orElseThrow())
        .doesNotContain("scope");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "state from another request | https://app.example/cb?code=c&state=other | state does not match",
      "user denied | https://app.example/cb?error=access_denied&state=S | not granted (access_denied)",
      "no code | https://app.example/cb?state=S | carries no authorization code"})
  void aRedirectIsCheckedBeforeItsCodeIsUsed(String name, String redirect, String message) {
    AuthorizationRequest request = AuthorizationRequest.of(List.of("employee:all"), "S", null);
    try (RetailOauth o = oauth()) {
      assertThatThrownBy(() -> o.codeFrom(request, URI.create(redirect))).isInstanceOf(AuthenticationException.class)
          .hasMessageContaining(message);
    }
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "401 | invalid_client | client id or client secret | CODE",
      "400 | invalid_grant | authorization code (invalid_grant) | CODE",
      "400 | invalid_request | code_verifier | CODE",
      "401 | invalid_client | client id or client secret | REFRESH",
      "400 | invalid_grant | refresh token (invalid_grant) | REFRESH"})
  void oauthErrorsNameTheWrongCredential(int status, String error, String message, String grant) {
    server.enqueue(new MockResponse.Builder().code(status).body("{\"error\":\"" + error
        + "\",\"error_description\":\"described\",\"hint\":\"hinted\"}").build());
    if (grant.equals("CODE")) {
      try (RetailOauth o = oauth()) {
        assertThatThrownBy(() -> o.exchange(AuthorizationRequest.create(List.of("employee:all")), "c"))
            .isInstanceOfSatisfying(AuthenticationException.class, e -> {
              assertThat(e.statusCode()).isEqualTo(status);
              assertThat(e.getMessage()).contains(message, "described", "hinted");
            });
      }
    } else {
      TokenStore store = TokenStore.inMemory(TokenPair.of("a", "r", time.instant().minusSeconds(1)));
      try (RetailClient c = RetailClient.builder().accountId(1).baseUrl(server.url("/").toString())
          .oauth(OauthClientCredentials.of("client-1", "secret-1"), store).clock(time).sleeper(time).build()) {
        assertThatThrownBy(() -> c.items().get(1)).isInstanceOf(AuthenticationException.class)
            .hasMessageContaining(message);
      }
    }
  }

  @Test
  void accountsAreDiscoveredFromTheTokenAloneInEitherShape() throws Exception {
    server.enqueue(Json.ok("{\"Account\":{\"accountID\":\"123456\",\"name\":\"Main\",\"link\":{\"@attributes\":"
        + "{\"href\":\"/API/V3/Account/123456\"}}}}"));
    server.enqueue(Json.ok("{\"@attributes\":{\"count\":\"2\"},\"Account\":[{\"accountID\":\"1\"},{\"accountID\":\"2\",\"name\":\"B\"}]}"));
    try (RetailOauth o = oauth()) {
      TokenPair t = TokenPair.withoutExpiry("tok", "ref");
      assertThat(o.accounts(t)).extracting(Account::id, a -> a.name().orElse("")).containsExactly(
          org.assertj.core.groups.Tuple.tuple(123456L, "Main"));
      assertThat(o.accounts(t)).extracting(Account::id).containsExactly(1L, 2L);
    }
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/API/V3/Account.json");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer tok");
  }

  @Test
  void revokeSendsTheClientAndTheRefreshToken() throws Exception {
    server.enqueue(Json.ok("{}"));
    try (RetailOauth o = oauth()) {
      o.revoke("refresh-9");
    }
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/auth/oauth/revoke");
    assertThat(r.getBody().utf8()).contains("client_id=client-1", "client_secret=secret-1", "refresh_token=refresh-9");
  }

  /** A store that records saves (a wrong account must never receive one). */
  static final class Store implements TokenStore {
    volatile TokenPair current;
    final List<TokenPair> saved = new CopyOnWriteArrayList<>();

    Store(TokenPair initial) {
      current = initial;
    }

    @Override
    public Optional<TokenPair> load() {
      return Optional.of(current);
    }

    @Override
    public void save(TokenPair pair) {
      saved.add(pair);
      current = pair;
    }
  }

  @Test
  void aWrongAccountIdSeenInTheJwtSavesNothingAndSpendsNothing() {
    server.enqueue(Json.status(401, "{\"error\":\"access_denied\"}"));
    server.enqueue(tokens(jwt(123456), "refresh-2"));
    Store store = new Store(TokenPair.withoutExpiry("none", "refresh-1"));
    try (RetailClient c = RetailClient.builder().accountId(12345).baseUrl(server.url("/").toString())
        .oauth(OauthClientCredentials.of("client-1", "secret-1"), store).clock(time).sleeper(time).build()) {
      assertThatThrownBy(() -> c.items().get(1)).isInstanceOfSatisfying(AccountNotReachableException.class, e -> {
        assertThat(e.accountId()).isEqualTo(12345);
        assertThat(e.reachableAccounts()).extracting(Account::id).containsExactly(123456L);
        assertThat(e.oldRefreshTokenMayBeSpent()).isFalse();
        assertThat(e.rotatedTokens()).map(TokenPair::refreshToken).contains("refresh-2");
        assertThat(e.getMessage()).contains("does not reach account 12345", "it reaches 123456", "stays valid")
            .doesNotContain("refresh-2").doesNotContain(jwt(123456));
      });
    }
    assertThat(store.saved).isEmpty();
    assertThat(store.current.refreshToken()).isEqualTo("refresh-1");
    assertThat(server.getRequestCount()).isEqualTo(2); // the 401 and the refresh; the new token was never sent
  }

  @Test
  void anOpaqueTokenIsCheckedWithAccountJsonAndItsPairIsHandedBack() throws Exception {
    server.enqueue(Json.status(401, "{\"error\":\"access_denied\"}"));
    server.enqueue(tokens("opaque-2", "refresh-2"));
    server.enqueue(Json.ok("{\"Account\":{\"accountID\":\"777\",\"name\":\"Other shop\"}}"));
    Store store = new Store(TokenPair.withoutExpiry("none", "refresh-1"));
    try (RetailClient c = RetailClient.builder().accountId(12345).baseUrl(server.url("/").toString())
        .oauth(OauthClientCredentials.of("client-1", "secret-1"), store).clock(time).sleeper(time).build()) {
      assertThatThrownBy(() -> c.items().get(1)).isInstanceOfSatisfying(AccountNotReachableException.class, e -> {
        assertThat(e.reachableAccounts()).extracting(a -> a.name().orElse("")).containsExactly("Other shop");
        assertThat(e.oldRefreshTokenMayBeSpent()).isTrue();
        assertThat(e.rotatedTokens()).map(TokenPair::accessToken).contains("opaque-2");
        assertThat(e.getMessage()).contains("save rotatedTokens()");
      });
    }
    assertThat(store.saved).isEmpty();
    server.takeRequest();
    server.takeRequest();
    assertThat(server.takeRequest().getTarget()).isEqualTo("/API/V3/Account.json");
  }

  @Test
  void theRightAccountIdSavesTheRotatedPairBeforeUsingIt() {
    server.enqueue(tokens(jwt(42), "refresh-2"));
    server.enqueue(Json.ok("{\"Item\":" + Json.item(1) + "}"));
    Store store = new Store(TokenPair.of("old", "refresh-1", time.instant().minusSeconds(1)));
    try (RetailClient c = RetailClient.builder().accountId(42).baseUrl(server.url("/").toString())
        .oauth(OauthClientCredentials.of("client-1", "secret-1"), store).clock(time).sleeper(time).build()) {
      assertThat(c.items().get(1).id()).isEqualTo(1);
    }
    assertThat(store.saved).extracting(TokenPair::refreshToken).containsExactly("refresh-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a403ForAnotherAccountsTokenSaysTheAccountIdIsWrongNotTheScope() {
    server.enqueue(Json.status(403, "{\"message\":\"Forbidden\"}"));
    server.enqueue(Json.status(403, "{\"message\":\"Forbidden\"}"));
    try (RetailClient c = RetailClient.builder().accountId(6).baseUrl(server.url("/").toString()).accessToken(jwt(5))
        .clock(time).sleeper(time).build();
        RetailClient right = RetailClient.builder().accountId(5).baseUrl(server.url("/").toString())
            .accessToken(jwt(5)).clock(time).sleeper(time).build()) {
      assertThatThrownBy(() -> c.items().get(1)).isInstanceOfSatisfying(AccountNotReachableException.class, e -> {
        assertThat(e.reachableAccounts()).extracting(Account::id).containsExactly(5L);
        assertThat(e.rotatedTokens()).isEmpty();
      });
      // the right account and a real 403 stays what it is: a missing scope
      assertThatThrownBy(() -> right.items().get(1)).isInstanceOf(AuthenticationException.class)
          .isNotInstanceOf(AccountNotReachableException.class).hasMessageContaining("scope");
    }
  }
}
