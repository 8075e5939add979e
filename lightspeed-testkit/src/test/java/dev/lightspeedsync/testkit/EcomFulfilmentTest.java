package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** eCom orders, shipments, images, deletions, webhook delivery and the real quota windows. */
class EcomFulfilmentTest {
  private final ManualTimeSource clock = new ManualTimeSource();
  private LightspeedTestServer server;
  private HttpServer receiver;

  private Http start(TestkitConfig.Builder b) {
    server = LightspeedTestServer.start(b.timeSource(clock).build());
    return new Http(server);
  }

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop(0);
    }
    if (server != null) {
      server.close();
    }
  }

  private static List<JsonNode> all(Http http, String path, String key) {
    List<JsonNode> out = new ArrayList<>();
    long since = 0;
    while (true) {
      JsonNode page = http.ecom(path + (path.contains("?") ? "&" : "?") + "limit=250&since_id=" + since).json().get(key);
      page.forEach(out::add);
      if (page.size() < 250) {
        return out;
      }
      since = page.get(page.size() - 1).get("id").asLong();
    }
  }

  @ParameterizedTest
  @CsvSource({"400, 400", "400, 660", "400, 1200", "40000, 66000"})
  void ecomVariantsSetsTheExactTotalWithOneToThreePerProduct(long products, long variants) {
    Http http = start(TestkitConfig.builder().products(products).ecomVariants(variants).ecomOrders(0).unlimited());
    assertThat(http.ecom("en/variants/count.json").json().get("count").asLong()).isEqualTo(variants);
    Map<Long, Integer> perProduct = new HashMap<>();
    server.ecom().stream("variants").forEach(v -> perProduct.merge(Long.parseLong(v.require("product")), 1, Integer::sum));
    assertThat(perProduct).hasSize((int) products);
    assertThat(perProduct.values()).allMatch(n -> n >= 1 && n <= 3);
  }

  @Test
  void aCheapIdWalkSeesDeletedProductsDisappear() {
    Http http = start(TestkitConfig.builder().products(600).ecomOrders(0).unlimited());
    server.ecom().deleteProduct(17);
    assertThat(http.ecomWrite("DELETE", "en/products/250.json", "").status()).isEqualTo(204);
    List<JsonNode> ids = all(http, "en/products.json?fields=id", "products");
    assertThat(ids).allMatch(n -> n.size() == 1 && n.has("id"));
    Set<Long> seen = ids.stream().map(n -> n.get("id").asLong()).collect(Collectors.toSet());
    assertThat(seen).hasSize(598).doesNotContain(17L, 250L);
    assertThat(http.ecom("en/products/count.json").json().get("count").asLong()).isEqualTo(598);
  }

  @Test
  void ordersFilterByUpdatedAtAndCreatedAtAndIncludeRecentOnes() {
    Http http = start(TestkitConfig.builder().products(50).ecomOrders(400).unlimited());
    Instant since = clock.now().minus(Duration.ofHours(12));
    String min = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(since);
    List<JsonNode> recent = all(http, "en/orders.json?updated_at_min=" + Http.enc(min), "orders");
    Set<Long> expected = server.ecom().stream("orders")
        .filter(o -> !Instant.parse(o.require("updatedAt").replace("+00:00", "Z")).isBefore(since))
        .map(TestkitRecord::id).collect(Collectors.toSet());
    assertThat(expected).hasSizeGreaterThan(5);
    assertThat(recent.stream().map(o -> o.get("id").asLong()).collect(Collectors.toSet())).isEqualTo(expected);

    String created = http.ecom("en/orders/100.json").json().at("/order/createdAt").asText().substring(0, 19)
        .replace('T', ' ');
    List<JsonNode> createdLater = all(http, "en/orders.json?created_at_min=" + Http.enc(created), "orders");
    assertThat(createdLater).hasSize(301).allMatch(o -> o.get("id").asLong() >= 100);

    List<JsonNode> orders = all(http, "en/orders.json", "orders");
    assertThat(orders).anyMatch(o -> o.get("shipmentIsCashOnDelivery").asBoolean()
        && o.get("paymentStatus").asText().equals("not_paid") && o.get("shipmentStatus").asText().equals("not_shipped"));
    assertThat(orders).anyMatch(o -> o.get("shipmentStatus").asText().equals("partially_shipped"));
    JsonNode partial = orders.stream().filter(o -> o.get("shipmentStatus").asText().equals("partially_shipped")
        && http.ecom("en/orders/" + o.get("id").asLong() + "/products.json").json().get("orderProducts").size() > 1)
        .findFirst().orElseThrow();
    JsonNode lines = http.ecom("en/orders/" + partial.get("id").asLong() + "/products.json").json().get("orderProducts");
    long shipped = 0;
    long ordered = 0;
    for (JsonNode l : lines) {
      shipped += l.get("quantityShipped").asLong();
      ordered += l.get("quantityOrdered").asLong();
    }
    assertThat(shipped).isPositive().isLessThan(ordered);
  }

  @Test
  void eachOrderHasAShipmentThatAPutShipsWithItsTrackingCode() {
    Http http = start(TestkitConfig.builder().products(50).ecomOrders(200).unlimited());
    long orderId = server.ecom().stream("orders")
        .filter(o -> o.require("paymentStatus").equals("paid") && o.require("shipmentStatus").equals("not_shipped"))
        .findFirst().orElseThrow().id();
    JsonNode shipments = http.ecom("en/shipments.json?order=" + orderId).json().get("shipments");
    assertThat(shipments).hasSize(1);
    JsonNode sh = shipments.get(0);
    assertThat(sh.get("status").asText()).isEqualTo("not_shipped");
    assertThat(sh.at("/order/resource/id").asLong()).isEqualTo(orderId);
    long id = sh.get("id").asLong();
    int lines = server.ecom().linesOf(orderId).size();
    assertThat(http.ecom("en/shipments/" + id + "/products.json").json().get("shipmentProducts")).hasSize(lines);

    clock.advance(Duration.ofMinutes(3));
    assertThat(http.ecomWrite("PUT", "en/shipments/" + id + ".json", "{\"shipment\":{\"status\":\"sent\"}}").status())
        .isEqualTo(400);
    Http.Response put = http.ecomWrite("PUT", "en/shipments/" + id + ".json",
        "{\"shipment\":{\"status\":\"shipped\",\"trackingCode\":\"3SABC123\",\"doNotifyShipped\":true}}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().at("/shipment/trackingCode").asText()).isEqualTo("3SABC123");
    assertThat(put.json().at("/shipment/updatedAt").asText()).isEqualTo("2026-06-01T12:03:00+00:00");
    assertThat(server.ecom().linesOf(orderId))
        .allMatch(l -> l.getLong("quantityShipped") == l.getLong("quantityOrdered"));
    Http.Response order = http.ecomWrite("PUT", "en/orders/" + orderId + ".json",
        "{\"order\":{\"status\":\"completed_shipped\",\"shipmentStatus\":\"shipped\"}}");
    assertThat(order.json().at("/order/shipmentStatus").asText()).isEqualTo("shipped");
    assertThat(http.ecom("en/shipments.json?order=" + orderId).json().at("/shipments/0/trackingCode").asText())
        .isEqualTo("3SABC123");
    assertThat(http.ecom("en/shipments/count.json").json().get("count").asLong()).isEqualTo(200);
  }

  @Test
  void productsCarryImageUrlsAndAnImagesList() {
    Http http = start(TestkitConfig.builder().products(80).ecomOrders(0).unlimited());
    List<JsonNode> products = all(http, "en/products.json", "products");
    JsonNode withImages = products.stream().filter(p -> p.get("image").isObject()).findFirst().orElseThrow();
    long id = withImages.get("id").asLong();
    JsonNode images = http.ecom("en/products/" + id + "/images.json").json().get("productImages");
    assertThat(images.size()).isBetween(1, 3);
    assertThat(images.get(0).get("src").asText()).isEqualTo(withImages.at("/image/src").asText()).endsWith(".jpg");
    assertThat(http.ecom("en/products/" + id + "/images/count.json").json().get("count").asInt())
        .isEqualTo(images.size());
    JsonNode without = products.stream().filter(p -> p.get("image").isBoolean()).findFirst().orElseThrow();
    assertThat(http.ecom("en/products/" + without.get("id").asLong() + "/images.json").json().get("productImages"))
        .isEmpty();
    assertThat(withImages.at("/images/resource/url").asText()).isEqualTo("products/" + id + "/images");
  }

  @Test
  void imagesUploadedOrDeletedInTheBackOfficeChangeTheListTheMainImageAndUpdatedAt() {
    Http http = start(TestkitConfig.builder().products(20).ecomOrders(0).unlimited());
    JsonNode before = http.ecom("en/products/3.json").json().get("product");

    server.ecom().setProductImageCount(3, 4);

    JsonNode images = http.ecom("en/products/3/images.json").json().get("productImages");
    assertThat(images).hasSize(4);
    List<String> srcs = new java.util.ArrayList<>();
    images.forEach(i -> srcs.add(i.get("src").asText()));
    assertThat(srcs).isEqualTo(server.ecom().productImageUrls(3)).doesNotHaveDuplicates();
    JsonNode after = http.ecom("en/products/3.json").json().get("product");
    assertThat(after.at("/image/src").asText()).isEqualTo(srcs.get(0));
    assertThat(after.get("updatedAt").asText()).isNotEqualTo(before.get("updatedAt").asText());

    server.ecom().setProductImageCount(3, 0);
    assertThat(http.ecom("en/products/3/images.json").json().get("productImages")).isEmpty();
    assertThat(http.ecom("en/products/3.json").json().at("/product/image").asBoolean(true)).isFalse();
    assertThat(server.ecom().productImageUrls(3)).isEmpty();
  }

  @Test
  void purchasePriceDiffersFromTheSellingPrice() {
    start(TestkitConfig.builder().products(100).ecomOrders(0).unlimited());
    assertThat(server.ecom().stream("variants"))
        .allMatch(v -> v.getDecimal("priceCost").compareTo(v.getDecimal("priceExcl")) < 0);
  }

  record Delivery(Map<String, String> headers, String body) {}

  private BlockingQueue<Delivery> receiver() throws IOException {
    BlockingQueue<Delivery> got = new LinkedBlockingQueue<>();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hooks", ex -> {
      Map<String, String> h = new HashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      try (InputStream in = ex.getRequestBody()) {
        got.add(new Delivery(h, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    receiver.start();
    return got;
  }

  @Test
  void webhooksAreDeliveredSignedToLoopbackAddressesOnly() throws Exception {
    Http http = start(TestkitConfig.builder().products(20).ecomOrders(10).unlimited());
    BlockingQueue<Delivery> got = receiver();
    String address = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    assertThat(http.ecomWrite("POST", "en/webhooks.json", "{\"webhook\":{\"isActive\":true,\"itemGroup\":\"variants\","
        + "\"itemAction\":\"*\",\"format\":\"json\",\"address\":\"" + address + "\"}}").status()).isEqualTo(200);
    assertThat(http.ecomWrite("POST", "nl/webhooks.json", "{\"webhook\":{\"isActive\":true,\"itemGroup\":\"orders\","
        + "\"itemAction\":\"updated\",\"format\":\"json\",\"address\":\"" + address + "\"}}").status()).isEqualTo(200);
    assertThat(http.ecomWrite("POST", "en/webhooks.json", "{\"webhook\":{\"isActive\":true,\"itemGroup\":\"variants\","
        + "\"itemAction\":\"*\",\"format\":\"json\",\"address\":\"https://example.com/hooks\"}}").status())
        .isEqualTo(200);

    long variant = server.ecom().variantsOf(3).get(0).id();
    server.ecom().setVariantStock(variant, 77);
    server.ecom().setOrderStatus(4, "cancelled", "cancelled", "cancelled");
    server.ecom().setProductVisibility(5, "hidden"); // no products webhook: nothing sent
    server.ecom().awaitWebhooks(Duration.ofSeconds(10));

    Delivery d = got.poll(10, TimeUnit.SECONDS);
    assertThat(d).isNotNull();
    assertThat(d.headers()).containsEntry("x-event", "variants/updated").containsEntry("x-format", "json")
        .containsEntry("x-language", "en").containsEntry("x-shop-id", Long.toString(server.ecomCredentials().shopId()));
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
        .digest((d.body() + server.ecomCredentials().apiSecret()).getBytes(StandardCharsets.UTF_8)));
    assertThat(d.headers()).containsEntry("x-signature", md5);
    JsonNode v = Http.MAPPER.readTree(d.body()).get("variant");
    assertThat(v.get("id").asLong()).isEqualTo(variant);
    assertThat(v.get("stockLevel").asLong()).isEqualTo(77);
    Delivery o = got.poll(10, TimeUnit.SECONDS);
    assertThat(o.headers()).containsEntry("x-event", "orders/updated").containsEntry("x-language", "nl");
    assertThat(Http.MAPPER.readTree(o.body()).at("/order/status").asText()).isEqualTo("cancelled");
    assertThat(got.poll(0, TimeUnit.SECONDS)).isNull();
    assertThat(server.ecom().webhooksDelivered()).isEqualTo(2);
    assertThat(server.ecom().webhooksSkipped()).isEqualTo(1);

    TestkitRecord created = server.ecom().createProduct("New mug", "visible", "MUG-1", 12, new BigDecimal("9.95"),
        new BigDecimal("4.10"));
    server.ecom().awaitWebhooks(Duration.ofSeconds(10));
    Delivery c = got.poll(10, TimeUnit.SECONDS);
    assertThat(c.headers()).containsEntry("x-event", "variants/created");
    assertThat(Http.MAPPER.readTree(c.body()).at("/variant/product/resource/id").asText()).isEqualTo(created.require("product"));
    assertThat(http.ecom("en/variants/" + created.id() + ".json").json().at("/variant/sku").asText()).isEqualTo("MUG-1");
    server.ecom().deleteVariant(created.id());
    server.ecom().awaitWebhooks(Duration.ofSeconds(10));
    assertThat(got.poll(10, TimeUnit.SECONDS).headers()).containsEntry("x-event", "variants/deleted");
  }

  @Test
  void theRealWindowsAndThePerSecondCap() {
    Http http = start(TestkitConfig.builder().products(5).ecomOrders(0));
    for (int i = 0; i < 20; i++) {
      assertThat(http.ecom("en/products/count.json").status()).isEqualTo(200);
    }
    Http.Response capped = http.ecom("en/products/count.json");
    assertThat(capped.status()).isEqualTo(429);
    assertThat(capped.header("X-RateLimit-Limit")).isEqualTo("300/3000/12000");
    int sent = 20;
    int windows = 0;
    while (sent < 3000) {
      clock.advance(Duration.ofSeconds(1));
      for (int i = 0; i < 20 && sent < 3000; i++) {
        Http.Response r = http.ecom("en/products/count.json");
        if (r.status() == 429) {
          assertThat(sent % 300).isZero();
          assertThat(r.header("X-RateLimit-Remaining")).startsWith("-1/");
          long reset = Long.parseLong(r.header("X-RateLimit-Reset").split("/")[0]);
          clock.advance(Duration.ofSeconds(reset));
          windows++;
          break;
        }
        sent++;
      }
    }
    assertThat(windows).isEqualTo(9);
    clock.advance(Duration.ofMinutes(5));
    Http.Response hourly = http.ecom("en/products/count.json");
    assertThat(hourly.status()).isEqualTo(429);
    assertThat(hourly.header("X-RateLimit-Remaining").split("/")[1]).isEqualTo("-1");
    assertThat(hourly.header("X-RateLimit-Remaining").split("/")[2]).isEqualTo("9000");
  }
}
