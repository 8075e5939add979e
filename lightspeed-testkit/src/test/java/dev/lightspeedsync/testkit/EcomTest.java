package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EcomTest {
  private final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2026-04-01T00:00:00Z"));
  private LightspeedTestServer server;

  private Http start(TestkitConfig.Builder b) {
    server = LightspeedTestServer.start(b.timeSource(clock).build());
    return new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pagesWalkEveryProductOnceAndStopOnAShortPage() {
    Http http = start(TestkitConfig.builder().products(613).unlimited());
    List<Long> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode body = http.ecom("en/products.json?limit=250&page=" + page).json();
      JsonNode products = body.get("products");
      products.forEach(p -> ids.add(p.get("id").asLong()));
      if (products.size() < 250) {
        break;
      }
    }
    assertThat(ids).hasSize(613);
    assertThat(new HashSet<>(ids)).hasSize(613);
    assertThat(http.ecom("en/products/count.json").json().get("count").asLong()).isEqualTo(613);
    assertThat(http.ecom("en/products.json?limit=1000").json().get("products")).hasSize(250);
    assertThat(http.ecom("en/products.json").json().get("products")).hasSize(50);
  }

  @Test
  void sinceIdWalksVariantsOnce() {
    Http http = start(TestkitConfig.builder().products(300).unlimited());
    Set<Long> seen = new HashSet<>();
    long since = 0;
    int calls = 0;
    while (true) {
      JsonNode v = http.ecom("en/variants.json?limit=250&since_id=" + since).json().get("variants");
      calls++;
      for (JsonNode n : v) {
        assertThat(n.get("id").asLong()).isGreaterThan(since);
        assertThat(seen.add(n.get("id").asLong())).isTrue();
      }
      if (v.size() < 250) {
        break;
      }
      since = v.get(v.size() - 1).get("id").asLong();
    }
    assertThat(seen).hasSize((int) server.ecom().count("variants"));
    assertThat(calls).isGreaterThan(1);
  }

  @Test
  void envelopesRelationsAndStates() {
    Http http = start(TestkitConfig.builder().products(120).ecomOrders(144).unlimited());
    JsonNode one = http.ecom("en/products/1.json").json();
    assertThat(one.has("product")).isTrue();
    JsonNode p = one.get("product");
    assertThat(p.at("/variants/resource/id").asBoolean(true)).isFalse();
    assertThat(p.at("/variants/resource/url").asText()).isEqualTo("variants?product=1");
    assertThat(p.at("/variants/resource/link").asText()).isEqualTo(server.origin() + "/en/variants.json?product=1");
    List<JsonNode> products = new ArrayList<>();
    http.ecom("en/products.json?limit=250").json().get("products").forEach(products::add);
    assertThat(products).anyMatch(x -> x.get("image").isBoolean() && !x.get("image").asBoolean());
    assertThat(products).anyMatch(x -> x.at("/image/src").asText().startsWith("https://cdn.shoplightspeed.com/"));
    assertThat(products).anyMatch(x -> x.get("supplier").isBoolean() && !x.get("supplier").asBoolean());
    assertThat(products).anyMatch(x -> x.at("/supplier/resource/id").isNumber());
    for (String vis : EcomStoreValues.VISIBILITY) {
      assertThat(products).anyMatch(x -> x.get("visibility").asText().equals(vis));
    }
    assertThat(products).allMatch(x -> x.get("isVisible").asBoolean() == !x.get("visibility").asText().equals("hidden"));
    List<JsonNode> variants = new ArrayList<>();
    http.ecom("en/variants.json?limit=250").json().get("variants").forEach(variants::add);
    for (String t : List.of("enabled", "disabled", "indicator")) {
      assertThat(variants).anyMatch(x -> x.get("stockTracking").asText().equals(t));
    }
    assertThat(variants).anyMatch(x -> x.get("stockLevel").asLong() < 0);
    assertThat(variants).anyMatch(x -> x.get("sku").asText().isEmpty());
    assertThat(variants.get(0).get("priceExcl").isNumber()).isTrue();
    List<JsonNode> orders = new ArrayList<>();
    http.ecom("en/orders.json?limit=250").json().get("orders").forEach(orders::add);
    Set<String> combos = new HashSet<>();
    orders.forEach(o -> combos.add(o.get("status").asText() + "/" + o.get("paymentStatus").asText() + "/"
        + o.get("shipmentStatus").asText() + "/" + o.get("shipmentIsCashOnDelivery").asBoolean()));
    // a realistic mix, each combination one a shop produces
    assertThat(combos).contains("processing_awaiting_shipment/paid/not_shipped/false",
        "processing_awaiting_shipment/not_paid/not_shipped/true", "processing_awaiting_payment/not_paid/not_shipped/false",
        "completed_shipped/paid/shipped/false", "cancelled/cancelled/cancelled/false",
        "processing_awaiting_shipment/paid/partially_shipped/false");
    assertThat(orders).noneMatch(o -> o.get("status").asText().startsWith("completed")
        && !o.get("paymentStatus").asText().equals("paid"));
    assertThat(orders).allMatch(o -> !o.get("shipmentIsCashOnDelivery").asBoolean()
        || o.get("paymentTitle").asText().equals("Cash on delivery"));
    JsonNode lines = http.ecom("en/orders/1/products.json").json();
    assertThat(lines.get("orderProducts").size()).isBetween(1, 3);
    assertThat(http.ecom("en/suppliers/1.json").json().at("/supplier/country_id/code").asText()).isEqualTo("nl");
  }

  @Test
  void authLanguageAndFilters() {
    Http http = start(TestkitConfig.builder().products(100).unlimited());
    Http.Response inactive = http.ecom("fr/products.json");
    assertThat(inactive.status()).isEqualTo(404);
    assertThat(inactive.json().at("/error/message").asText()).contains("Unknown or inactive language");
    assertThat(http.ecom("nl/products.json").status()).isEqualTo(200);
    Http.Response noAuth = Http.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(server.ecomBaseUrl() + "en/products.json")).build());
    assertThat(noAuth.status()).isEqualTo(401);
    assertThat(noAuth.json().at("/error/code").asInt()).isEqualTo(401);
    JsonNode sparse = http.ecom("en/products.json?fields=id,title&limit=2").json().get("products").get(0);
    assertThat(sparse.size()).isEqualTo(2);
    String min = server.ecom().get("products", 50).orElseThrow().require("createdAt").replace("T", " ").substring(0, 19);
    long after = http.ecom("en/products/count.json?created_at_min=" + Http.enc(min)).json().get("count").asLong();
    assertThat(after).isEqualTo(51);
    JsonNode ofProduct = http.ecom("en/variants.json?product=7").json().get("variants");
    assertThat(ofProduct.size()).isEqualTo(server.ecom().variantsOf(7).size());
  }

  @Test
  void rateLimitWindowsAndHeaders() {
    Http http = start(TestkitConfig.builder().products(10).ecomLimits(5, 8, 100).ecomPerSecond(1000));
    Http.Response first = http.ecom("en/products.json");
    assertThat(first.header("X-RateLimit-Limit")).isEqualTo("5/8/100");
    assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("4/7/99");
    assertThat(first.header("X-RateLimit-Reset")).isEqualTo("300/3600/86400");
    clock.advance(Duration.ofSeconds(37));
    for (int i = 0; i < 4; i++) {
      assertThat(http.ecom("en/products.json").status()).isEqualTo(200);
    }
    Http.Response limited = http.ecom("en/products.json");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("-1/3/95");
    assertThat(limited.header("X-RateLimit-Reset")).isEqualTo("263/3563/86363");
    clock.advance(Duration.ofSeconds(263));
    Http.Response reset = http.ecom("en/products.json");
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.header("X-RateLimit-Remaining")).isEqualTo("4/2/94");
    for (int i = 0; i < 2; i++) {
      http.ecom("en/products.json");
    }
    Http.Response hourly = http.ecom("en/products.json");
    assertThat(hourly.status()).isEqualTo(429);
    assertThat(hourly.header("X-RateLimit-Remaining")).isEqualTo("2/-1/92");
    assertThat(server.inspect().ecomRateLimited()).isEqualTo(2);
  }

  @Test
  void perSecondCap() {
    Http http = start(TestkitConfig.builder().products(10).ecomPerSecond(20));
    for (int i = 0; i < 20; i++) {
      assertThat(http.ecom("en/products.json").status()).isEqualTo(200);
    }
    assertThat(http.ecom("en/products.json").status()).isEqualTo(429);
    clock.advance(Duration.ofSeconds(1));
    assertThat(http.ecom("en/products.json").status()).isEqualTo(200);
  }

  @Test
  void variantStockUpdateMovesUpdatedAt() {
    Http http = start(TestkitConfig.builder().products(10).unlimited());
    long before = server.ecom().get("variants", 1).orElseThrow().getLong("stockLevel");
    Http.Response r = http.ecomWrite("PUT", "en/variants/1.json", "{\"variant\":{\"stockLevel\":42}}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().at("/variant/stockLevel").asLong()).isEqualTo(42);
    assertThat(r.json().at("/variant/updatedAt").asText()).isEqualTo("2026-04-01T00:00:00+00:00");
    assertThat(server.ecom().get("variants", 1).orElseThrow().getLong("stockLevel")).isEqualTo(42);
    JsonNode movements = http.ecom("en/variants/movements.json?variant=1").json().get("variantsMovements");
    assertThat(movements).hasSize(1);
    assertThat(movements.at("/0/stockLevelChange").asLong()).isEqualTo(42 - before);
    assertThat(movements.at("/0/channel").asText()).isEqualTo("api");
    assertThat(movements.at("/0/variant/resource/id").asLong()).isEqualTo(1);
    assertThat(http.ecom("en/variants/movements/1.json").json().at("/variantMovement/id").asLong()).isEqualTo(1);
    assertThat(http.ecom("en/variants/movements/count.json").json().get("count").asLong()).isEqualTo(1);
    assertThat(http.ecomWrite("PUT", "en/variants/1.json", "{\"variant\":{\"stockLevel\":\"lots\"}}").status())
        .isEqualTo(400);
    assertThat(http.ecomWrite("PUT", "en/variants/1.json", "{\"stockLevel\":42}").status()).isEqualTo(400);
    assertThat(http.ecomWrite("PUT", "en/variants/1.json", "{\"variant\":{\"stockTracking\":\"maybe\"}}").status())
        .isEqualTo(400);
    clock.advance(Duration.ofMinutes(3));
    server.ecom().hideProduct(2);
    JsonNode changed = http.ecom("en/products.json?updated_at_min=" + Http.enc("2026-04-01 00:01:00")).json();
    assertThat(changed.get("products")).hasSize(1);
    assertThat(changed.at("/products/0/visibility").asText()).isEqualTo("hidden");
    assertThat(changed.at("/products/0/isVisible").asBoolean()).isFalse();
    Http.Response order = http.ecomWrite("PUT", "en/orders/3.json", "{\"order\":{\"status\":\"completed_shipped\","
        + "\"shipmentStatus\":\"shipped\"}}");
    assertThat(order.json().at("/order/status").asText()).isEqualTo("completed_shipped");
  }

  @Test
  void webhooksCrud() {
    Http http = start(TestkitConfig.builder().products(1).unlimited());
    assertThat(http.ecomWrite("POST", "en/webhooks.json", "{\"webhook\":{\"isActive\":true,\"itemGroup\":\"orders\","
        + "\"itemAction\":\"updated\",\"format\":\"json\",\"url\":\"https://example.test/hook\"}}").status()).isEqualTo(400);
    Http.Response created = http.ecomWrite("POST", "en/webhooks.json", "{\"webhook\":{\"isActive\":true,"
        + "\"itemGroup\":\"orders\",\"itemAction\":\"updated\",\"format\":\"json\",\"address\":\"https://example.test/hook\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long id = created.json().at("/webhook/id").asLong();
    assertThat(created.json().at("/webhook/language/code").asText()).isEqualTo("en");
    assertThat(http.ecom("en/webhooks.json").json().get("webhooks")).hasSize(1);
    assertThat(http.ecomWrite("PUT", "en/webhooks/" + id + ".json", "{\"webhook\":{\"isActive\":false}}").json()
        .at("/webhook/isActive").asBoolean()).isFalse();
    assertThat(http.ecomWrite("DELETE", "en/webhooks/" + id + ".json", "").status()).isEqualTo(204);
    assertThat(http.ecom("en/webhooks/" + id + ".json").status()).isEqualTo(404);
    assertThat(http.ecom("en/webhooks/count.json").json().get("count").asLong()).isZero();
  }

  @Test
  void accountAndRateLimitEndpoints() {
    Http http = start(TestkitConfig.builder().products(1));
    assertThat(http.ecom("en/account.json").json().at("/account/apiKey").asText())
        .isEqualTo(server.ecomCredentials().apiKey()).hasSize(32);
    assertThat(server.ecomCredentials().apiSecret()).hasSize(32);
    JsonNode rl = http.ecom("en/account/ratelimit.json").json().get("accountRatelimit");
    assertThat(rl.at("/limit5Min/limit").asLong()).isEqualTo(300);
    assertThat(rl.at("/limitDay/limit").asLong()).isEqualTo(12000);
    assertThat(rl.at("/limit5Min/resetTime").asText()).endsWith("+00:00");
  }

  /** The documented enum values (not the testkit's own constants, so a typo there fails here). */
  static final class EcomStoreValues {
    static final List<String> VISIBILITY = List.of("visible", "auto", "hidden");
  }
}
