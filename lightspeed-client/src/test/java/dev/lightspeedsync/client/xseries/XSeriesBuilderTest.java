package dev.lightspeedsync.client.xseries;

import static dev.lightspeedsync.client.xseries.XBodies.CLIENT_SECRET;
import static dev.lightspeedsync.client.xseries.XBodies.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the builder accepts, the URLs it derives, and that nothing secret is printed. */
class XSeriesBuilderTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void theDomainPrefixGivesTheRetailLightspeedAppOrigin() {
    try (XSeriesClient c = XSeriesClient.builder().domainPrefix("mystore").personalToken(TOKEN).build()) {
      assertThat(c.toString()).contains("https://mystore.retail.lightspeed.app/").doesNotContain(TOKEN);
      assertThat(c.domainPrefix()).contains("mystore");
      assertThat(c.products().path()).isEqualTo("products");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"MyStore", "my.store", "-store", "store-", "my store", "a/b", ""})
  void aDomainPrefixThatIsNotASubdomainIsRefused(String prefix) {
    assertThatThrownBy(() -> XSeriesClient.builder().domainPrefix(prefix))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domainPrefix");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com/", "http://10.0.0.5:8080/", "http://mystore.retail.lightspeed.app/"})
  void plainHttpIsRefusedExceptToLoopback(String url) {
    assertThatThrownBy(() -> XSeriesClient.builder().baseUrl(url).personalToken(TOKEN).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http");
  }

  @Test
  void plainHttpToLoopbackIsAllowedForTests() {
    try (XSeriesClient c = XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(TOKEN).build()) {
      assertThat(c.toString()).contains("http://", ":" + server.getPort()).doesNotContain(TOKEN);
    }
  }

  @Test
  void credentialsAndTheRetailerAreRequired() {
    assertThatThrownBy(() -> XSeriesClient.builder().domainPrefix("mystore").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("personalToken");
    assertThatThrownBy(() -> XSeriesClient.builder().personalToken(TOKEN).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domainPrefix");
    assertThatThrownBy(() -> XSeriesClient.builder().personalToken("has space"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("has space");
  }

  @Test
  void noSecretAppearsInToStrings() {
    OauthClientCredentials creds = OauthClientCredentials.of("cid", CLIENT_SECRET);
    TokenStore store = TokenStore.inMemory(TokenPair.withoutExpiry("access-secret-1", "refresh-secret-1"));
    XSeriesClient.Builder b = XSeriesClient.builder().domainPrefix("mystore").oauth(creds, store);
    try (XSeriesClient c = b.build()) {
      for (String s : new String[] {c.toString(), b.toString(), creds.toString(), store.toString()}) {
        assertThat(s).doesNotContain(CLIENT_SECRET, "access-secret-1", "refresh-secret-1");
      }
    }
  }
}
