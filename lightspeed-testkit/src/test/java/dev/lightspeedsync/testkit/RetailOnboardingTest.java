package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The authorization-code grant as the R-Series docs describe it (authorize, 60-second single-use
 * codes, PKCE, revocation), written from the docs with a plain HTTP client.
 */
class RetailOnboardingTest {
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkdBjftJeZ4CVP";
  private final ManualTimeSource clock = new ManualTimeSource();
  private LightspeedTestServer server;
  private Http http;
  private RetailCredentials creds;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().items(5).sales(0).orders(0).timeSource(clock).build());
    http = new Http(server);
    creds = server.retailCredentials();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String challenge(String verifier) throws Exception {
    byte[] h = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
  }

  private URI authorizeUrl(String clientId, String scope, String challenge) {
    return URI.create(server.retailAuthorizeUrl() + "?response_type=code&client_id=" + Http.enc(clientId)
        + "&scope=" + Http.enc(scope) + "&state=xyz" + (challenge == null ? ""
        : "&code_challenge=" + challenge + "&code_challenge_method=S256"));
  }

  private static String param(URI uri, String name) {
    for (String part : uri.getRawQuery().split("&")) {
      if (part.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(part.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private Http.Response exchange(String code, String verifier) {
    Map<String, String> form = new HashMap<>(Map.of("grant_type", "authorization_code", "client_id", creds.clientId(),
        "client_secret", creds.clientSecret(), "code", code));
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    return http.token(form);
  }

  @Test
  void authorizeRedirectsWithCodeAndStateAndTheCodeBuysAWorkingPair() throws Exception {
    Http.Response r = Http.send(HttpRequest.newBuilder(authorizeUrl(creds.clientId(), "employee:all", challenge(VERIFIER)))
        .GET().build());
    assertThat(r.status()).isEqualTo(302);
    URI location = URI.create(r.header("Location"));
    assertThat(location.toString()).startsWith(server.retailRedirectUri().toString() + "?");
    assertThat(param(location, "state")).isEqualTo("xyz");
    Http.Response tokens = exchange(param(location, "code"), VERIFIER);
    assertThat(tokens.status()).isEqualTo(200);
    JsonNode t = tokens.json();
    assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(t.get("expires_in").asLong()).isPositive();
    String payload = new String(Base64.getUrlDecoder().decode(t.get("access_token").asText().split("\\.")[1]),
        StandardCharsets.UTF_8);
    assertThat(payload).contains("\"acct\":\"" + creds.accountId() + "\"", "\"scope\":\"employee:all\"");
    http.bearer(t.get("access_token").asText());
    assertThat(http.retail("Item.json").status()).isEqualTo(200);
    assertThat(http.refresh(t.get("refresh_token").asText()).status()).isEqualTo(200);
  }

  @Test
  void aCodeLivesSixtySecondsOfApiTime() {
    URI first = server.retailAuthorize(authorizeUrl(creds.clientId(), "employee:inventory", null));
    clock.advance(Duration.ofSeconds(59));
    assertThat(exchange(param(first, "code"), null).status()).isEqualTo(200);
    URI second = server.retailAuthorize(authorizeUrl(creds.clientId(), "employee:inventory", null));
    clock.advance(Duration.ofSeconds(60));
    Http.Response late = exchange(param(second, "code"), null);
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void aCodeIsSingleUse() {
    String code = param(server.retailAuthorize(authorizeUrl(creds.clientId(), "employee:all", null)), "code");
    assertThat(exchange(code, null).status()).isEqualTo(200);
    Http.Response again = exchange(code, null);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @ParameterizedTest(name = "verifier {0} -> {1} {2}")
  @CsvSource({
      "missing, 400, invalid_request",
      "wrong, 400, invalid_grant",
      "right, 200, ''"})
  void pkceVerifierMustMatchTheChallenge(String verifier, int status, String error) throws Exception {
    String code = param(server.retailAuthorize(authorizeUrl(creds.clientId(), "employee:all", challenge(VERIFIER))), "code");
    String sent = switch (verifier) {
      case "missing" -> null;
      case "wrong" -> VERIFIER.replace('d', 'e');
      default -> VERIFIER;
    };
    Http.Response r = exchange(code, sent);
    assertThat(r.status()).isEqualTo(status);
    if (!error.isEmpty()) {
      assertThat(r.json().get("error").asText()).isEqualTo(error);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "unknown client, nobody, employee:all, invalid_client",
      "unknown scope, CLIENT, employee:everything, invalid_scope",
      "no scope, CLIENT, '', invalid_scope"})
  void authorizeRefusesWhatTheDocsList(String name, String clientId, String scope, String error) {
    URI url = authorizeUrl(clientId.equals("CLIENT") ? creds.clientId() : clientId, scope, null);
    Http.Response r = Http.send(HttpRequest.newBuilder(url).GET().build());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).isEqualTo(error);
    assertThatThrownBy(() -> server.retailAuthorize(url)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(error);
  }

  @Test
  void aWrongClientSecretAtTheCodeExchangeIsInvalidClient() {
    String code = param(server.retailAuthorize(authorizeUrl(creds.clientId(), "employee:all", null)), "code");
    Http.Response r = http.token(Map.of("grant_type", "authorization_code", "client_id", creds.clientId(),
        "client_secret", "wrong", "code", code));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void revokeInvalidatesTheRefreshTokenAndItsAccessToken() {
    JsonNode t = exchange(param(server.retailAuthorize(authorizeUrl(creds.clientId(), "employee:all", null)), "code"),
        null).json();
    http.bearer(t.get("access_token").asText());
    assertThat(http.retail("Item.json").status()).isEqualTo(200);
    String body = "client_id=" + Http.enc(creds.clientId()) + "&client_secret=" + Http.enc(creds.clientSecret())
        + "&refresh_token=" + Http.enc(t.get("refresh_token").asText());
    Http.Response revoked = Http.send(HttpRequest.newBuilder(URI.create(server.origin() + "/auth/oauth/revoke"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
        .build());
    assertThat(revoked.status()).isEqualTo(200);
    Http.Response api = http.retail("Item.json");
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.json().get("hint").asText()).isEqualTo("Access token has been revoked");
    assertThat(http.refresh(t.get("refresh_token").asText()).json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void accountJsonNamesTheTokensAccount() {
    JsonNode account = http.retailAbs(server.retailApiRoot() + "Account.json").json().get("Account");
    assertThat(account.get("accountID").asText()).isEqualTo(Long.toString(creds.accountId()));
    assertThat(http.retailAbs(server.retailApiRoot() + "Account/999.json").status()).isEqualTo(403);
  }
}
