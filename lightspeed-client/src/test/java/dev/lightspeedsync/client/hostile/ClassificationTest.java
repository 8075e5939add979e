package dev.lightspeedsync.client.hostile;

import static dev.lightspeedsync.client.hostile.Hostile.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.error.ValidationException;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.client.xseries.XSeriesOauth;
import dev.lightspeedsync.client.xseries.model.Product;
import java.net.InetAddress;
import java.net.ServerSocket;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** What a host needs to tell its user the right thing: reached or not, refused or confused, no raw escapes. */
class ClassificationTest {
  private static final String ESCAPES = "\u001b]0;owned\u0007\u001b[2J\u009b31mboom\u202e";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  private RetailClient retail(String base) {
    return RetailClient.builder().accountId(1).baseUrl(base).accessToken("t").clock(time).sleeper(time)
        .retry(RetryConfig.defaults().withMaxAttempts(2)).build();
  }

  @Test
  void aPortNobodyListensOnCannotBeReached() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (RetailClient c = retail("http://127.0.0.1:" + port + "/")) {
      assertThatThrownBy(() -> c.items().get(1))
          .isInstanceOfSatisfying(LightspeedConnectionException.class, e -> {
            assertThat(e.kind()).isEqualTo(LightspeedConnectionException.Kind.CONNECT_FAILED);
            assertThat(e.reached()).isFalse();
            assertThat(e.getMessage()).contains("could not connect to 127.0.0.1").doesNotContain("HTTP 0");
          });
    }
  }

  @Test
  void aServerThatAnswersButDropsConnectionsWasReached() {
    MockResponse drop = new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build();
    server.enqueue(drop);
    server.enqueue(drop);
    try (RetailClient c = retail(server.url("/").toString())) {
      assertThatThrownBy(() -> c.items().get(1))
          .isInstanceOfSatisfying(LightspeedConnectionException.class, e -> {
            assertThat(e.kind()).isEqualTo(LightspeedConnectionException.Kind.DROPPED);
            assertThat(e.reached()).isTrue();
            assertThat(e.getMessage()).contains("lost the connection");
          });
    }
  }

  @Test
  void aTokenEndpointAnsweringHtmlWith200IsNotRefusedCredentials() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .body("<html><body>Welcome to our proxy</body></html>").build());
    TokenStore store = TokenStore.inMemory(TokenPair.of("old", "refresh", time.instant().minusSeconds(5)));
    try (RetailClient c = RetailClient.builder().accountId(1).baseUrl(server.url("/").toString())
        .oauth(OauthClientCredentials.of("id", "secret"), store).clock(time).sleeper(time).build()) {
      assertThatThrownBy(() -> c.items().get(1))
          .isInstanceOf(DecodingException.class)
          .isNotInstanceOf(AuthenticationException.class)
          .hasMessageContaining("answered HTTP 200 with a body that is not JSON")
          .hasMessageContaining("check the token URL");
    }
  }

  @Test
  void aTokenEndpointAnsweringAnHtml404IsAWrongUrlNotRefusedCredentials() {
    server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html")
        .body("<html>Not Found</html>").build());
    TokenStore store = TokenStore.inMemory(TokenPair.of("old", "refresh", time.instant().minusSeconds(5)));
    try (RetailClient c = RetailClient.builder().accountId(1).baseUrl(server.url("/").toString())
        .oauth(OauthClientCredentials.of("id", "secret"), store).clock(time).sleeper(time).build()) {
      assertThatThrownBy(() -> c.items().get(1))
          .isInstanceOf(DecodingException.class)
          .hasMessageContaining("HTTP 404 without an OAuth error (an HTML page)");
    }
  }

  @Test
  void theXSeriesCodeExchangeAnsweringHtmlIsNotRefusedCredentials() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .body("<!doctype html><title>login</title>").build());
    assertThatThrownBy(() -> XSeriesOauth.exchangeCode(server.url("/api/1.0/token").toString(),
        OauthClientCredentials.of("id", "secret"), "code", "https://app.example/cb", time))
        .isInstanceOf(DecodingException.class)
        .isNotInstanceOf(AuthenticationException.class);
  }

  @Test
  void escapeAndBelBytesFromTheServerNeverReachAMessageRaw() {
    server.enqueue(json(400, "{\"httpCode\":\"400\",\"message\":\"" + ESCAPES.replace("\u001b", "\\u001b")
        .replace("\u0007", "\\u0007").replace("\u009b", "\\u009b").replace("\u202e", "\\u202e") + "\"}"));
    try (RetailClient c = retail(server.url("/").toString())) {
      assertThatThrownBy(() -> c.items().get(1))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.getMessage()).contains("boom", "\\x1b[2J", "\\x07", "\\x9b", "\\u202e")
                .doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
            assertThat(e.apiMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain("\u001b", "\u0007"));
          });
    }
  }

  @Test
  void escapesInARejectedRecordAreEscapedToo() {
    server.enqueue(json("{\"data\":[" + Hostile.product(1, 10) + ",{\"id\":\"evil\\u001b[2J\",\"version\":11,"
        + "\"name\":{\"x\":1}}]}"));
    server.enqueue(json("{\"data\":[]}"));
    try (XSeriesClient c = XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(Hostile.XS_TOKEN)
        .clock(time).sleeper(time).build()) {
      Page<Product> page = c.products().list().firstPage();
      assertThat(page.items()).hasSize(1);
      assertThat(page.rejected()).singleElement().satisfies(r -> {
        assertThat(r.id()).contains("evil\\x1b[2J");
        assertThat(r.reason()).doesNotContain("\u001b");
      });
    }
  }

  @Test
  void xSeriesAndEcomBodiesThatAreNotListPagesAreDecodingErrors() {
    server.enqueue(json("[" + Hostile.product(1, 10) + "]"));
    server.enqueue(json("{\"products\":[" + Hostile.product(1, 10) + "]}"));
    server.enqueue(json("{\"data\":{\"id\":\"x\"}}"));
    try (XSeriesClient c = XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(Hostile.XS_TOKEN)
        .clock(time).sleeper(time).build()) {
      assertThatThrownBy(() -> c.products().list().firstPage()).isInstanceOf(DecodingException.class)
          .hasMessageContaining("array at the root, not a list page");
      assertThatThrownBy(() -> c.products().list().firstPage()).isInstanceOf(DecodingException.class)
          .hasMessageContaining("no 'data' list but 'products'");
      assertThatThrownBy(() -> c.products().list().firstPage()).isInstanceOf(DecodingException.class)
          .hasMessageContaining("not a list");
    }
    server.enqueue(json("[" + Hostile.variant(1) + "]"));
    try (EcomClient c = EcomClient.builder().baseUrl(server.url("/").toString()).language("nl")
        .credentials(Hostile.ECOM_KEY, Hostile.ECOM_SECRET).clock(time).sleeper(time).build()) {
      assertThatThrownBy(() -> c.variants().list().firstPage()).isInstanceOf(DecodingException.class)
          .hasMessageContaining("array at the root");
    }
  }
}
