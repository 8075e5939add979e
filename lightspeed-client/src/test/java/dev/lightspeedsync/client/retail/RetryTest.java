package dev.lightspeedsync.client.retail;

import dev.lightspeedsync.client.FakeTime;
import static dev.lightspeedsync.client.retail.Json.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.error.ServerException;
import dev.lightspeedsync.client.error.ValidationException;
import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.Sale;
import dev.lightspeedsync.client.retail.write.ItemShopQuantity;
import dev.lightspeedsync.client.retail.write.NewSale;
import dev.lightspeedsync.client.retail.write.NewSaleLine;
import dev.lightspeedsync.client.retail.write.NewSalePayment;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class RetryTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  private RetailClient client() {
    return RetailClient.builder().accountId(1).baseUrl(server.url("/").toString()).accessToken("t")
        .clock(time).sleeper(time).build();
  }

  private static MockResponse dropped() {
    return new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build();
  }

  private static NewSale sale() {
    return NewSale.builder().shopId(1).registerId(2).employeeId(3).referenceNumber("web-1001")
        .addLines(NewSaleLine.builder().itemId(4).unitQuantity(BigDecimal.ONE).unitPrice(new BigDecimal("9.99")).build())
        .addPayments(NewSalePayment.of(1, new BigDecimal("9.99")))
        .build();
  }

  @Test
  void a503OnAGetIsRetriedWithBackoff() {
    server.enqueue(Json.status(503, "Service Unavailable"));
    server.enqueue(ok("{\"Item\":" + Json.item(1) + "}"));
    try (RetailClient c = client()) {
      assertThat(c.items().get(1).id()).isEqualTo(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).singleElement()
        .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(250), Duration.ofMillis(500)));
  }

  @Test
  void aDroppedConnectionOnAGetIsRetried() {
    server.enqueue(dropped());
    server.enqueue(ok("{\"Item\":" + Json.item(1) + "}"));
    try (RetailClient c = client()) {
      assertThat(c.items().get(1).id()).isEqualTo(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aTruncatedBodyOnAGetIsRetried() {
    server.enqueue(ok("{\"@attributes\":{\"next\":\"\"},\"Item\":[{\"itemID\":\"1\""));
    server.enqueue(ok(Json.itemsPage(1, 3, "")));
    try (RetailClient c = client()) {
      assertThat(c.items().list().stream().count()).isEqualTo(3);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aGetThatKeepsFailingGivesUpAfterMaxAttempts() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(Json.status(502, "<html>Bad gateway</html>"));
    }
    try (RetailClient c = client()) {
      assertThatThrownBy(() -> c.items().get(1))
          .isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(502);
            assertThat(e.requestId()).contains("ray-502");
            assertThat(e.requestMayHaveBeenApplied()).isFalse();
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(RetryConfig.defaults().maxAttempts());
  }

  @Test
  void aPostThatGotA500IsNotSilentlyResent() {
    server.enqueue(Json.status(500, "{\"message\":\"oops\"}"));
    server.enqueue(ok("{\"Sale\":{\"saleID\":\"9\"}}"));
    try (RetailClient c = client()) {
      assertThatThrownBy(() -> c.createSale(sale()))
          .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.requestMayHaveBeenApplied()).isTrue());
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostWhoseConnectionDroppedAfterSendingIsNotResent() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(ok("{\"Sale\":{\"saleID\":\"9\"}}"));
    try (RetailClient c = client()) {
      assertThatThrownBy(() -> c.createSale(sale()))
          .isInstanceOfSatisfying(LightspeedConnectionException.class,
              e -> assertThat(e.requestMayHaveBeenApplied()).isTrue());
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostRejectedWith429IsSentAgainAfterTheWait() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
    server.enqueue(ok("{\"@attributes\":{\"count\":\"1\"},\"Sale\":{\"saleID\":\"9\",\"completed\":\"true\",\"referenceNumber\":\"web-1001\"}}"));
    Sale created;
    try (RetailClient c = client()) {
      created = c.createSale(sale());
    }
    assertThat(created.id()).isEqualTo(9);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.totalSlept()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    String body = server.takeRequest().getBody().utf8();
    assertThat(body).contains("\"completed\":true", "\"referenceNumber\":\"web-1001\"", "\"SaleLines\":{\"SaleLine\":[",
        "\"SalePayments\":{\"SalePayment\":[");
  }

  @Test
  void aValidationErrorCarriesTheApiMessageAndIsNotRetried() {
    server.enqueue(Json.status(422, "{\"httpCode\":\"422\",\"message\":\"Duplicate UPC\"}"));
    try (RetailClient c = client()) {
      assertThatThrownBy(() -> c.setQuantitiesOnHand(5, List.of(ItemShopQuantity.of(1, BigDecimal.TEN))))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.apiMessage()).contains("Duplicate UPC"));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stockWritesSendAbsoluteQuantitiesPerShop() throws Exception {
    server.enqueue(ok("{\"Item\":{\"itemID\":\"5\",\"ItemShops\":{\"ItemShop\":[{\"itemShopID\":\"1\",\"itemID\":\"5\","
        + "\"shopID\":\"1\",\"qoh\":\"10\"},{\"itemShopID\":\"2\",\"itemID\":\"5\",\"shopID\":\"0\",\"qoh\":\"10\"}]}}}"));
    Item item;
    try (RetailClient c = client()) {
      item = c.setQuantitiesOnHand(5, List.of(ItemShopQuantity.of(1, BigDecimal.TEN)));
    }
    var request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget()).isEqualTo("/API/V3/Account/1/Item/5.json");
    assertThat(request.getBody().utf8()).isEqualTo("{\"ItemShops\":{\"ItemShop\":[{\"shopID\":1,\"qoh\":10}]}}");
    assertThat(item.itemShops()).hasSize(2);
    assertThatThrownBy(() -> ItemShopQuantity.of(0, BigDecimal.ONE)).hasMessageContaining("summary row");
    assertThatThrownBy(() -> ItemShopQuantity.of(1, new BigDecimal("-1"))).hasMessageContaining("cannot be negative");
  }
}
