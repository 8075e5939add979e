package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** X-Series writes change state and bump versions; faults reuse the shared FaultPlan machinery. */
class XSeriesWritesTest {
  private final ManualTimeSource clock = new ManualTimeSource();
  private LightspeedTestServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().unlimited().timeSource(clock).xseriesProducts(100)
        .xseriesConsignments(10).build());
    http = new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String standalone() {
    // position 0 of a block: a plain product with inventory, never deleted
    return server.xseries().stream("products").filter(r -> r.id() % 10 == 1).findFirst().orElseThrow().key();
  }

  @Test
  void inventoryWriteThroughApi21BumpsTheInventoryVersion() {
    String p = standalone();
    String outlet = server.xseries().outletIds().get(1);
    long before = server.xseries().currentVersion();
    Http.Response r = http.xsWrite("PUT", "api/2.1/products/" + p, "{\"details\":{\"inventory\":[{\"outlet_id\":\""
        + outlet + "\",\"current_amount\":-4,\"reorder_point\":2,\"reorder_amount\":6}]}}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(server.xseries().inventoryLevel(p, outlet)).isEqualTo(-4);
    JsonNode changed = http.xs("api/2.0/inventory?after=" + before).json().get("data");
    assertThat(changed).hasSize(1);
    assertThat(changed.get(0).get("inventory_level").asLong()).isEqualTo(-4);
    assertThat(changed.get(0).get("reorder_amount").asLong()).isEqualTo(6);
    assertThat(changed.get(0).get("version").asLong()).isGreaterThan(before);
    assertThat(http.xsWrite("PUT", "api/2.0/products/" + p, "{\"common\":{\"name\":\"x\"}}").status()).isEqualTo(405);
    assertThat(http.xsWrite("PUT", "api/2.1/products/" + p, "{\"details\":{\"colour\":\"red\"}}").status())
        .isEqualTo(400);
  }

  @Test
  void productsAreLoadedBySkuAndCustomersSearchedByCode() {
    Http.Response created = http.xsWrite("POST", "api/2.0/products", "{\"name\":\"Lamp\",\"sku\":\"LAMP1\","
        + "\"is_active\":false}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().at("/data/id").asText();
    assertThat(created.json().at("/data/active").asBoolean(true)).as("is_active is stored as active").isFalse();
    JsonNode bySku = http.xs("api/2.0/products?sku=LAMP1&after=999999999999").json().get("data");
    assertThat(bySku).as("sku overrides every other parameter").hasSize(1);
    assertThat(bySku.get(0).get("id").asText()).isEqualTo(id);
    http.xsWrite("DELETE", "api/2.0/products/" + id, "");
    assertThat(http.xs("api/2.0/products?sku=LAMP1").json().get("data").get(0).get("deleted_at").isNull())
        .as("deleted products are included, with deleted_at").isFalse();

    Http.Response c = http.xsWrite("POST", "api/2.0/customers", "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\","
        + "\"customer_code\":\"ERP-C1\",\"physical_city\":\"London\",\"physical_country_id\":\"GB\"}");
    assertThat(c.status()).as(c.body()).isEqualTo(201);
    String customer = c.json().at("/data/id").asText();
    assertThat(server.xseries().get("customers", customer).orElseThrow().require("physical_city")).isEqualTo("London");
    JsonNode found = http.xs("api/2.0/search?type=customers&customer_code=erp-c1").json().get("data");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("id").asText()).isEqualTo(customer);
    http.xsWrite("DELETE", "api/2.0/customers/" + customer, "");
    assertThat(http.xs("api/2.0/search?type=customers&customer_code=ERP-C1").json().get("data")).isEmpty();
    assertThat(http.xs("api/2.0/search?type=customers&customer_code=ERP-C1&deleted=true").json().get("data"))
        .hasSize(1);
    assertThat(http.xs("api/2.0/search?type=products&sku=lamp1&deleted=true").json().get("data")).hasSize(1);
    assertThat(http.xs("api/2.0/search?type=sales&status=CLOSED").status()).isEqualTo(400);
  }

  @Test
  void productCreateAndUpdate() {
    String component = standalone();
    Http.Response created = http.xsWrite("POST", "api/2.0/products", "{\"name\":\"New thing\",\"sku\":\"NEW-1\","
        + "\"price_excluding_tax\":\"10.00\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().at("/data/id").asText();
    assertThat(server.xseries().get("products", id).orElseThrow().require("sku")).isEqualTo("NEW-1");
    assertThat(server.xseries().get("products", id).orElseThrow().getDecimal("price_including_tax"))
        .isEqualByComparingTo("11.50");
    assertThat(server.xseries().inventoryLevel(id, server.xseries().outletIds().get(0))).isZero();
    long v1 = created.json().at("/data/version").asLong();
    JsonNode updated = http.xsWrite("PUT", "api/2.1/products/" + id,
        "{\"common\":{\"name\":\"Renamed\"},\"details\":{\"sku\":\"NEW-2\"}}").json().get("data");
    assertThat(updated.get("version").asLong()).isGreaterThan(v1);
    assertThat(updated.get("sku").asText()).isEqualTo("NEW-2");

    Http.Response bundle = http.xsWrite("POST", "api/2.1/products", "{\"name\":\"Kit\",\"composite\":[{\"product_id\":\""
        + component + "\",\"quantity\":3}]}");
    assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
    assertThat(server.xseries().compositeComponents(bundle.json().at("/data/id").asText()))
        .containsOnlyKeys(component);
    assertThat(http.xsWrite("POST", "api/2.0/products", "{\"sku\":\"no name\"}").status()).isEqualTo(400);
  }

  @Test
  void customersCreateAndUpdate() {
    long before = server.xseries().currentVersion();
    Http.Response c = http.xsWrite("POST", "api/2.0/customers", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\","
        + "\"email\":\"ann@example.com\"}");
    assertThat(c.status()).as(c.body()).isEqualTo(201);
    String id = c.json().at("/data/id").asText();
    assertThat(c.json().at("/data/name").asText()).isEqualTo("Ann Lee");
    Http.Response u = http.xsWrite("PUT", "api/2.0/customers/" + id, "{\"email\":\"ann@lee.example\"}");
    assertThat(u.status()).isEqualTo(200);
    JsonNode changed = http.xs("api/2.0/customers?after=" + before).json().get("data");
    assertThat(changed).hasSize(1);
    assertThat(changed.get(0).get("email").asText()).isEqualTo("ann@lee.example");
    assertThat(http.xsWrite("POST", "api/2.0/customers", "{\"note\":\"nobody\"}").status()).isEqualTo(400);
  }

  @Test
  void supplierConsignmentIsCreatedFilledReceivedAndRaisesStockOnce() {
    String p = standalone();
    String outlet = server.xseries().outletIds().get(0);
    long stock = server.xseries().inventoryLevel(p, outlet);
    String supplier = server.xseries().expectedIds("suppliers").findFirst().orElseThrow();
    assertThat(http.xsWrite("POST", "api/2.0/consignments", "{\"type\":\"SUPPLIER\",\"status\":\"RECEIVED\","
        + "\"outlet_id\":\"" + outlet + "\"}").status()).isEqualTo(400);
    Http.Response c = http.xsWrite("POST", "api/2.0/consignments", "{\"type\":\"SUPPLIER\",\"status\":\"SENT\","
        + "\"outlet_id\":\"" + outlet + "\",\"supplier_id\":\"" + supplier + "\",\"reference\":\"HOST-PO-7\"}");
    assertThat(c.status()).as(c.body()).isEqualTo(201);
    String k = c.json().at("/data/id").asText();
    Http.Response line = http.xsWrite("POST", "api/2.0/consignments/" + k + "/products", "{\"product_id\":\"" + p
        + "\",\"count\":\"5\",\"cost\":\"2.50\"}");
    assertThat(line.status()).as(line.body()).isEqualTo(201);
    assertThat(line.json().at("/data/count").asText()).isEqualTo("5");
    String composite = server.xseries().stream("products").filter(r -> r.getBoolean("is_composite")).findFirst()
        .orElseThrow().key();
    assertThat(http.xsWrite("POST", "api/2.0/consignments/" + k + "/products", "{\"product_id\":\"" + composite
        + "\",\"count\":\"1\"}").status()).as("no composites on SUPPLIER consignments").isEqualTo(400);
    assertThat(http.xsWrite("PUT", "api/2.0/consignments/" + k, "{\"status\":\"RECEIVED\"}").status())
        .as("needs a received quantity").isEqualTo(400);

    Http.Response rec = http.xsWrite("PUT", "api/2.0/consignments/" + k + "/products/" + p, "{\"received\":\"4\"}");
    assertThat(rec.status()).as(rec.body()).isEqualTo(200);
    assertThat(rec.json().at("/data/received").asText()).isEqualTo("4");
    assertThat(server.xseries().get("consignments", k).orElseThrow().require("status")).isEqualTo("DISPATCHED");
    Http.Response done = http.xsWrite("PUT", "api/2.0/consignments/" + k, "{\"status\":\"RECEIVED\"}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().at("/data/received_at").isNull()).isFalse();
    assertThat(server.xseries().inventoryLevel(p, outlet)).isEqualTo(stock + 4);
    assertThat(http.xsWrite("PUT", "api/2.0/consignments/" + k, "{\"status\":\"RECEIVED\"}").status())
        .as("RECEIVED is immutable").isEqualTo(400);
    assertThat(server.xseries().inventoryLevel(p, outlet)).isEqualTo(stock + 4);
    assertThat(server.xseries().consignmentProducts(k)).singleElement()
        .satisfies(r -> assertThat(r.require("status")).isEqualTo("SUCCESS"));
  }

  @Test
  void registerSaleCreatesASaleAndClosedTakesStock() {
    String p = standalone();
    String outlet = server.xseries().outletIds().get(0);
    String register = server.xseries().stream("registers").filter(r -> r.require("outlet_id").equals(outlet))
        .findFirst().orElseThrow().key();
    long stock = server.xseries().inventoryLevel(p, outlet);
    long before = server.xseries().currentVersion();
    Http.Response r = http.xsWrite("POST", "api/register_sales", "{\"register_id\":\"" + register + "\","
        + "\"status\":\"CLOSED\",\"register_sale_products\":[{\"product_id\":\"" + p + "\",\"quantity\":2,"
        + "\"price\":\"5.00\",\"tax\":\"0.75\"}],\"register_sale_payments\":[{\"amount\":\"11.50\"}]}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String id = r.json().at("/register_sale/id").asText();
    assertThat(server.xseries().inventoryLevel(p, outlet)).isEqualTo(stock - 2);
    JsonNode sales = http.xs("api/2.0/sales?after=" + before).json().get("data");
    assertThat(sales).hasSize(1);
    assertThat(sales.get(0).get("id").asText()).isEqualTo(id);
    assertThat(sales.get(0).at("/line_items/0/quantity").asLong()).isEqualTo(2);
    server.xseries().setSaleStatus(id, "VOIDED");
    assertThat(server.xseries().inventoryLevel(p, outlet)).isEqualTo(stock);
    assertThat(http.xsWrite("POST", "api/register_sales", "{\"register_id\":\"" + register
        + "\",\"status\":\"NOPE\",\"register_sale_products\":[]}").status()).isEqualTo(400);
  }

  @Test
  void applyThen500AppliesTheWriteOnce() {
    String p = standalone();
    String outlet = server.xseries().outletIds().get(0);
    server.injectNext(Fault.APPLY_THEN_500, "PUT /api/2.1/products/");
    Http.Response r = http.xsWrite("PUT", "api/2.1/products/" + p, "{\"details\":{\"inventory\":[{\"outlet_id\":\""
        + outlet + "\",\"current_amount\":17}]}}");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.json().get("error").asText()).isNotEmpty();
    assertThat(server.xseries().inventoryLevel(p, outlet)).isEqualTo(17);
    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(server.inspect().requests("PUT /api/2.1/products/{id}", 500)).isEqualTo(1);
  }

  @Test
  void serverErrorsDropsAndTruncation() throws Exception {
    server.injectNext(Fault.SERVER_ERROR, "GET /api/2.0/products");
    assertThat(http.xs("api/2.0/products").status()).isBetween(500, 503);
    server.injectNext(Fault.DROP_CONNECTION, "GET /api/2.0/products");
    // OkHttp without its transparent retry, so that the one failure is seen
    okhttp3.OkHttpClient ok = new okhttp3.OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    okhttp3.Request get = new okhttp3.Request.Builder().url(server.xseriesApiRoot() + "products")
        .header("Authorization", "Bearer " + server.xseriesCredentials().personalToken()).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ok.newCall(get).execute().close())
        .isInstanceOf(IOException.class);
    server.injectNext(Fault.TRUNCATED_BODY, "GET /api/2.0/products");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
      try (okhttp3.Response resp = ok.newCall(get).execute()) {
        resp.body().string();
      }
    }).isInstanceOf(IOException.class);
    assertThat(http.xs("api/2.0/products").status()).isEqualTo(200);
    assertThat(server.inspect().faults(Fault.DROP_CONNECTION)).isEqualTo(1);
    // the token endpoint is left alone by seeded faults, as R-Series OAuth is
    LightspeedTestServer faulty = LightspeedTestServer.start(TestkitConfig.builder().xseriesProducts(5)
        .faults(FaultPlan.seeded(1).with(Fault.SERVER_ERROR, 1.0)).build());
    try {
      Http fh = new Http(faulty);
      XSeriesCredentials c = faulty.xseriesCredentials();
      assertThat(fh.xs("api/2.0/outlets").status()).isBetween(500, 503);
      assertThat(fh.xsToken(Map.of("grant_type", "refresh_token", "refresh_token", c.refreshToken(), "client_id",
          c.clientId(), "client_secret", c.clientSecret())).status()).isEqualTo(200);
    } finally {
      faulty.close();
    }
  }

  @Test
  void webhooksAreManagedThroughApi09() {
    Http.Response created = Http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.xseriesOrigin() + "api/webhooks"))
        .header("Authorization", "Bearer " + server.xseriesCredentials().personalToken())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("data=" + Http.enc(
            "{\"url\":\"https://host.example/hook\",\"active\":true,\"type\":\"inventory.update\"}")))
        .build());
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = created.json().get("id").asText();
    assertThat(http.xs("api/webhooks").json()).singleElement()
        .satisfies(w -> assertThat(w.get("type").asText()).isEqualTo("inventory.update"));
    assertThat(http.xsWrite("POST", "api/webhooks", "{\"url\":\"ftp://x\",\"type\":\"sale.update\"}").status())
        .isEqualTo(400);
    assertThat(http.xsWrite("DELETE", "api/webhooks/" + id, null).status()).isEqualTo(200);
    assertThat(http.xs("api/webhooks").json()).isEmpty();
    assertThat(server.inspect().requests("DELETE /api/webhooks/{id}", 200)).isEqualTo(1);
  }

  @Test
  void groundTruthMutationsBumpVersions() {
    String customer = server.xseries().expectedIds("customers").findFirst().orElseThrow();
    long v = server.xseries().get("customers", customer).orElseThrow().getLong("version");
    TestkitRecord touched = server.xseries().touch("customers", customer);
    assertThat(touched.getLong("version")).isGreaterThan(v).isEqualTo(server.xseries().currentVersion());
    server.xseries().deleteCustomer(customer);
    assertThat(server.xseries().expectedIds("customers")).doesNotContain(customer);
    assertThat(server.xseries().deletedIds("customers")).contains(customer);
    String sale = server.xseries().addSale(server.xseries().outletIds().get(0), "LAYBY", Map.of(standalone(), 1L));
    assertThat(server.xseries().get("sales", sale).orElseThrow().require("status")).isEqualTo("LAYBY");
    assertThat(List.copyOf(server.inspect().snapshot().keySet())).isEmpty();
  }
}
