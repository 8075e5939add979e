package dev.lightspeedsync.client.hostile;

import static dev.lightspeedsync.client.hostile.Hostile.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.internal.http.JsonPrefix;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.write.CustomerUpdate;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Well-framed bodies cut short (the Content-Length matches the cut, so only the JSON tells): a
 * transport fault, retried for reads only, never reported as "HTTP 0".
 */
class TruncatedBodyTest {
  static final String PAGE = "{\"@attributes\":{\"next\":\"\",\"count\":1234,\"archived\":true},\"Item\":["
      + Hostile.item(1) + "," + Hostile.item(2) + "," + Hostile.item(3) + "]}";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  static Stream<Arguments> cuts() {
    return Stream.of(
        Arguments.of("after a comma", PAGE.indexOf("},{") + 2),
        Arguments.of("mid-string", PAGE.indexOf("Item 2") + 3),
        Arguments.of("mid-number", PAGE.indexOf("1234") + 2),
        Arguments.of("mid-literal", PAGE.indexOf("true") + 3),
        Arguments.of("after a colon", PAGE.indexOf("\"Item\":") + 7),
        Arguments.of("before the closing brace", PAGE.length() - 1));
  }

  private RetailClient retail(int attempts) {
    return RetailClient.builder().accountId(1).baseUrl(server.url("/").toString()).accessToken("t").clock(time)
        .sleeper(time).retry(RetryConfig.defaults().withMaxAttempts(attempts)).build();
  }

  @ParameterizedTest(name = "cut {0}")
  @MethodSource("cuts")
  void aTruncatedListPageIsRetried(String where, int at) {
    server.enqueue(json(PAGE.substring(0, at)));
    server.enqueue(json(PAGE));
    try (RetailClient c = retail(3)) {
      assertThat(c.items().list().stream().count()).isEqualTo(3);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).hasSize(1); // one backoff, as for any transport fault
  }

  @ParameterizedTest(name = "cut {0}")
  @MethodSource("cuts")
  void aBodyThatStaysTruncatedIsAConnectionFaultWithoutHttp0(String where, int at) {
    server.enqueue(json(PAGE.substring(0, at)));
    server.enqueue(json(PAGE.substring(0, at)));
    try (RetailClient c = retail(2)) {
      assertThatThrownBy(() -> c.items().list().stream().count())
          .isInstanceOfSatisfying(LightspeedConnectionException.class, e -> {
            assertThat(e.kind()).isEqualTo(LightspeedConnectionException.Kind.TRUNCATED);
            assertThat(e.reached()).isTrue();
            assertThat(e.getMessage()).contains("ends early", "after " + at + " bytes").doesNotContain("HTTP 0");
          });
    }
    assertThat(JsonPrefix.isTruncated(PAGE.substring(0, at).getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @Test
  void aTruncatedAnswerToAWriteIsNotResent() {
    String body = "{\"Customer\":{\"customerID\":\"5\",\"firstName\":\"A\",";
    server.enqueue(json(body));
    try (RetailClient c = retail(3)) {
      assertThatThrownBy(() -> c.updateCustomer(5, CustomerUpdate.builder().firstName("A").build()))
          .isInstanceOfSatisfying(LightspeedConnectionException.class, e -> {
            assertThat(e.kind()).isEqualTo(LightspeedConnectionException.Kind.TRUNCATED);
            assertThat(e.requestMayHaveBeenApplied()).isTrue();
            assertThat(e.getMessage()).contains("the write was applied");
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void eComAndXSeriesRetryTruncatedPagesToo() {
    String variants = Hostile.variants(1, 2);
    server.enqueue(json(variants.substring(0, variants.indexOf("},{") + 2)));
    server.enqueue(json(variants));
    try (EcomClient c = EcomClient.builder().baseUrl(server.url("/").toString()).language("nl")
        .credentials(Hostile.ECOM_KEY, Hostile.ECOM_SECRET).clock(time).sleeper(time).build()) {
      assertThat(c.variants().list().firstPage().items()).hasSize(2);
    }
    String products = Hostile.products(1, 2, 10);
    server.enqueue(json(products.substring(0, products.indexOf("},{") + 2)));
    server.enqueue(json(products));
    server.enqueue(json("{\"data\":[]}"));
    try (XSeriesClient c = XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(Hostile.XS_TOKEN)
        .clock(time).sleeper(time).build()) {
      assertThat(c.products().list().stream().count()).isEqualTo(2);
    }
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"@attributes\":{\"next\":\"\"},}", "{\"@attributes\":{\"next\":\"\"}]", "<html>oops</html>",
      "{\"a\":tru e}"})
  void aCompleteBodyThatIsNotJsonIsADecodingErrorWithItsRealStatusAndIsNotRetried(String body) {
    server.enqueue(json(body));
    try (RetailClient c = retail(3)) {
      assertThatThrownBy(() -> c.items().list().stream().count())
          .isInstanceOfSatisfying(DecodingException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.getMessage()).contains("answered HTTP 200 with a body that is not JSON")
                .doesNotContain("HTTP 0");
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(JsonPrefix.isTruncated(body.getBytes(StandardCharsets.UTF_8))).isFalse();
  }
}
