package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroundTruthTest {
  private final ManualTimeSource clock = new ManualTimeSource();
  private LightspeedTestServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(21).items(250).products(40).unlimited()
        .accessTokenTtl(Duration.ofDays(365)).timeSource(clock).build());
    http = new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void groundTruthMatchesWhatAFullStockSyncReads() {
    Map<String, Long> fromApi = new HashMap<>();
    String url = server.retailAccountUrl() + "ItemShop.json?shopID=" + Http.enc("!=,0");
    while (!url.isEmpty()) {
      JsonNode page = http.retailAbs(url).json();
      for (JsonNode row : Http.many(page.get("ItemShop"))) {
        fromApi.put(row.get("itemID").asText() + "@" + row.get("shopID").asText(), row.get("qoh").asLong());
      }
      url = page.at("/@attributes/next").asText();
    }
    Map<String, Long> truth = new HashMap<>();
    server.retail().stream("ItemShop").filter(r -> r.getLong("shopID") != 0)
        .forEach(r -> truth.put(r.require("itemID") + "@" + r.require("shopID"), r.getLong("qoh")));
    assertThat(fromApi).isEqualTo(truth).hasSize(250 * 3);
  }

  @Test
  void openSalesDoNotMoveStockAndMutationErrorsAreIllegalArguments() {
    long item = server.retail().stream("Item").filter(r -> r.require("itemType").equals("default")).findFirst()
        .orElseThrow().id();
    long before = server.retail().qoh(item, 1);
    long sale = server.retail().addOpenSale(1, Map.of(item, 2L));
    assertThat(server.retail().qoh(item, 1)).isEqualTo(before);
    assertThat(server.retail().get("Sale", sale).orElseThrow().getBoolean("completed")).isFalse();
    assertThat(server.retail().saleLines(sale)).hasSize(1);
    assertThat(server.retail().salePayments(sale)).isEmpty();
    assertThatThrownBy(() -> server.retail().setStock(999_999, 1, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.retail().get("Nope", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.ecom().setProductVisibility(1, "sometimes"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ecomMutationsAreVisibleThroughTheApi() {
    clock.advance(Duration.ofMinutes(1));
    long variant = server.ecom().variantsOf(5).get(0).id();
    server.ecom().setVariantStock(variant, -4);
    server.ecom().setOrderStatus(7, "cancelled", "cancelled", "cancelled");
    JsonNode v = http.ecom("en/variants/" + variant + ".json").json().get("variant");
    assertThat(v.get("stockLevel").asLong()).isEqualTo(-4);
    assertThat(v.get("updatedAt").asText()).isEqualTo("2026-06-01T12:01:00+00:00");
    JsonNode o = http.ecom("en/orders.json?status=cancelled&paymentStatus=cancelled&shipmentStatus=cancelled").json();
    assertThat(o.get("orders").findValuesAsText("id")).contains("7");
    assertThat(server.ecom().get("variants", variant).orElseThrow().require("product")).isEqualTo("5");
    long before = http.ecom("en/products/count.json").json().get("count").asLong();
    server.ecom().deleteProduct(5);
    assertThat(http.ecom("en/products/5.json").status()).isEqualTo(404);
    assertThat(http.ecom("en/variants/" + variant + ".json").status()).isEqualTo(404);
    assertThat(http.ecom("en/products/count.json").json().get("count").asLong()).isEqualTo(before - 1);
    assertThat(http.ecomWrite("DELETE", "en/products/6.json", "").status()).isEqualTo(204);
    assertThat(server.ecom().get("products", 6)).isEmpty();
  }
}
