package dev.lightspeedsync.client.ecom;

import dev.lightspeedsync.client.FakeTime;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.KEY;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.SECRET;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.error;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.ok;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.NotFoundException;
import dev.lightspeedsync.client.error.ServerException;
import dev.lightspeedsync.client.error.ValidationException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Error mapping, retries of reads and builder validation. */
class EcomErrorTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  EcomClient client(String language) {
    return EcomClient.builder().baseUrl(server.url("/").toString()).language(language).credentials(KEY, SECRET)
        .clock(time).sleeper(time).retry(RetryConfig.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)))
        .build();
  }

  @Test
  void wrongCredentialsGiveAClearAuthenticationError() {
    server.enqueue(status(401, error(401, "Invalid API key or secret")));
    try (EcomClient client = client("nl")) {
      assertThatThrownBy(() -> client.products().count())
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(401);
            assertThat(e.apiMessage()).contains("Invalid API key or secret");
            assertThat(e.getMessage())
                .contains("GET /nl/products/count.json failed with HTTP 401")
                .contains("refused the API key and secret")
                .doesNotContain("access token was refused");
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(1); // never retried
  }

  @Test
  void aMissingPermissionSaysSo() {
    server.enqueue(status(403, error(403, "Forbidden")));
    try (EcomClient client = client("nl")) {
      assertThatThrownBy(() -> client.orders().get(5)).isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("lacks the permission");
    }
  }

  @Test
  void anInactiveLanguageGivesAClearErrorThatIsNotANotFound() {
    server.enqueue(status(404, error(404, "Unknown or inactive language")));
    try (EcomClient client = client("de")) {
      assertThatThrownBy(() -> client.variants().list().firstPage())
          .isInstanceOfSatisfying(InactiveLanguageException.class, e -> {
            assertThat(e).isNotInstanceOf(NotFoundException.class);
            assertThat(e.language()).isEqualTo("de");
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.getMessage()).contains("'de' is unknown or not active in this shop")
                .contains("GET /de/variants.json");
          });
    }
  }

  @Test
  void aMissingRecordIsANotFound() {
    server.enqueue(status(404, error(404, "Not found")));
    try (EcomClient client = client("nl")) {
      assertThatThrownBy(() -> client.products().get(999)).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("GET /nl/products/999.json failed with HTTP 404: Not found");
    }
  }

  @Test
  void aRejectedWriteIsAValidationErrorWithTheApiMessage() {
    server.enqueue(status(422, error(422, "stockLevel must be an integer")));
    try (EcomClient client = client("nl")) {
      assertThatThrownBy(() -> client.setVariantStockLevel(7, 5)).isInstanceOf(ValidationException.class)
          .hasMessageContaining("stockLevel must be an integer");
    }
  }

  @Test
  void readsAreRetriedAfterServerErrorsButWritesAreNot() {
    server.enqueue(status(503, "<html>busy</html>"));
    server.enqueue(ok("{\"count\":3}"));
    server.enqueue(status(500, error(500, "boom")));
    try (EcomClient client = client("nl")) {
      assertThat(client.variants().count()).isEqualTo(3);
      assertThatThrownBy(() -> client.updateVariantCost(7, java.math.BigDecimal.ONE))
          .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.requestMayHaveBeenApplied()).isTrue());
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps).hasSize(1);
  }

  @Test
  void builderValidation() {
    assertThatThrownBy(() -> EcomClient.builder().language("nld")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two-letter");
    assertThatThrownBy(() -> EcomClient.builder().language("n1")).isInstanceOf(IllegalArgumentException.class);
    try (EcomClient us = EcomClient.builder().cluster(EcomCluster.US1).language(" US ").credentials(KEY, SECRET).build()) {
      assertThat(us.language()).isEqualTo("us");
      assertThat(us.toString()).contains("api.shoplightspeed.com").contains("us");
    }
    assertThatThrownBy(() -> EcomClient.builder().baseUrl("http://api.webshopapp.com/").language("nl")
        .credentials(KEY, SECRET).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http");
    assertThatThrownBy(() -> EcomClient.builder().cluster(EcomCluster.EU1).credentials(KEY, SECRET).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("language");
    assertThatThrownBy(() -> EcomClient.builder().language("nl").credentials(KEY, SECRET).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cluster");
    assertThatThrownBy(() -> EcomClient.builder().cluster(EcomCluster.EU1).language("nl").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials");
    assertThatThrownBy(() -> EcomClient.builder().credentials("a:b", SECRET)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EcomClient.builder().credentials(KEY, " ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(EcomCluster.fromId("EU1")).isEqualTo(EcomCluster.EU1);
    assertThat(EcomCluster.US1.baseUrl()).isEqualTo("https://api.shoplightspeed.com/");
    assertThatThrownBy(() -> EcomCluster.fromId("au1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theClusterSetsTheHostAndTheLanguageThePath() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"count\":1}").build());
    try (EcomClient client = client("us")) {
      assertThat(client.orders().count()).isEqualTo(1);
    }
    assertThat(server.takeRequest().getTarget()).isEqualTo("/us/orders/count.json");
  }
}
