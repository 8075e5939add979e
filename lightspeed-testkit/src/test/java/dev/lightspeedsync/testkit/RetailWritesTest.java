package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetailWritesTest {
  private final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2026-03-01T10:00:00Z"));
  private LightspeedTestServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(3).items(300).sales(50).orders(10).unlimited()
        .accessTokenTtl(Duration.ofDays(30))
        .timeSource(clock).build());
    http = new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private long stockedItem() {
    return server.retail().stream("Item")
        .filter(r -> r.require("itemType").equals("default") && !r.getBoolean("archived")
            && !r.require("upc").equals("012345678905") && !r.require("ean").equals("4006381333931"))
        .findFirst().orElseThrow().id();
  }

  @Test
  void putItemQohMovesTheItemShopTimestampNotTheItems() {
    long id = stockedItem();
    String itemTs = server.retail().get("Item", id).orElseThrow().require("timeStamp");
    clock.advance(Duration.ofHours(1));
    Http.Response r = http.retailWrite("PUT", "Item/" + id + ".json",
        "{\"ItemShops\":{\"ItemShop\":{\"shopID\":2,\"qoh\":17}}}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().at("/@attributes/count").asText()).isEqualTo("1");
    assertThat(r.json().at("/Item/ItemShops/ItemShop")).hasSize(4);
    assertThat(server.retail().qoh(id, 2)).isEqualTo(17);
    assertThat(server.retail().get("Item", id).orElseThrow().require("timeStamp")).isEqualTo(itemTs);
    TestkitRecord row = server.retail().itemShops(id).get(2);
    assertThat(row.require("timeStamp")).isEqualTo("2026-03-01T11:00:00+00:00");
    TestkitRecord summary = server.retail().itemShops(id).get(0);
    assertThat(summary.getLong("qoh")).isEqualTo(server.retail().qoh(id, 1) + 17 + server.retail().qoh(id, 3));

    // the change feed picks it up
    JsonNode feed = http.retail("ItemShop.json?sort=timeStamp&timeStamp=" + Http.enc(">=,2026-03-01T10:30:00+00:00"))
        .json();
    assertThat(feed.get("ItemShop")).hasSize(2); // the shop row and the summary row
    // also in id order (no sort), where the changed row is found although its id is early
    JsonNode byId = http.retail("ItemShop.json?timeStamp=" + Http.enc(">=,2026-03-01T10:30:00+00:00")).json();
    assertThat(byId.get("ItemShop")).hasSize(2);
    assertThat(byId.at("/ItemShop/0/itemShopID").asLong()).isLessThan(byId.at("/ItemShop/1/itemShopID").asLong());
    // and the Item feed does not
    assertThat(http.retail("Item.json?timeStamp=" + Http.enc(">=,2026-03-01T10:30:00+00:00")).json().has("Item")).isFalse();
  }

  @Test
  void qohWritesAreValidated() {
    long id = stockedItem();
    long summaryRow = server.retail().itemShops(id).get(0).id();
    assertThat(http.retailWrite("PUT", "Item/" + id + ".json", "{\"ItemShops\":{\"ItemShop\":{\"shopID\":1,\"qoh\":-2}}}")
        .status()).isEqualTo(400);
    assertThat(http.retailWrite("PUT", "Item/" + id + ".json",
        "{\"ItemShops\":{\"ItemShop\":{\"itemShopID\":" + summaryRow + ",\"qoh\":5}}}").status()).isEqualTo(400);
    assertThat(http.retailWrite("PUT", "Item/" + id + ".json", "{\"archived\":true}").status()).isEqualTo(400);
    long dup = server.retail().stream("Item").filter(r -> r.require("upc").equals("012345678905")).findFirst()
        .orElseThrow().id();
    assertThat(http.retailWrite("PUT", "Item/" + dup + ".json", "{\"ItemShops\":{\"ItemShop\":{\"shopID\":1,\"qoh\":2}}}")
        .status()).isEqualTo(422);
  }

  @Test
  void putItemScalarsMoveTheItemTimestamp() {
    long id = stockedItem();
    clock.advance(Duration.ofMinutes(5));
    Http.Response r = http.retailWrite("PUT", "Item/" + id + ".json", "{\"description\":\"Renamed\",\"Prices\":"
        + "{\"ItemPrice\":[{\"amount\":\"12.50\",\"useType\":\"Default\"}]}}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().at("/Item/description").asText()).isEqualTo("Renamed");
    assertThat(r.json().at("/Item/timeStamp").asText()).isEqualTo("2026-03-01T10:05:00+00:00");
    assertThat(server.retail().prices(id).get("Default")).isEqualByComparingTo("12.50");
  }

  @Test
  void putItemShopChangesOnlyReorderFields() {
    long row = server.retail().itemShops(stockedItem()).get(1).id();
    Http.Response r = http.retailWrite("PUT", "ItemShop/" + row + ".json", "{\"reorderPoint\":3,\"reorderLevel\":9}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().at("/ItemShop/reorderPoint").asText()).isEqualTo("3");
    assertThat(r.json().at("/ItemShop/reorderLevel").asText()).isEqualTo("9");
    assertThat(http.retailWrite("PUT", "ItemShop/" + row + ".json", "{\"qoh\":3}").status()).isEqualTo(400);
    assertThat(http.retailWrite("POST", "ItemShop.json", "{\"qoh\":3}").status()).isEqualTo(405);
  }

  @Test
  void postCompletedSaleMustBalanceRemovesStockAndKeepsItsReference() {
    long id = stockedItem();
    server.retail().setStock(id, 1, 10);
    String unbalanced = "{\"shopID\":1,\"employeeID\":1,\"completed\":true,\"referenceNumber\":\"WEB-1001\","
        + "\"referenceNumberSource\":\"webshop\",\"SaleLines\":{\"SaleLine\":{\"itemID\":" + id
        + ",\"unitQuantity\":3,\"unitPrice\":\"10.00\"}},\"SalePayments\":{\"SalePayment\":{\"amount\":\"20\"}}}";
    assertThat(http.retailWrite("POST", "Sale.json", unbalanced).status()).isEqualTo(400);
    assertThat(server.retail().qoh(id, 1)).isEqualTo(10);
    String balanced = unbalanced.replace("\"amount\":\"20\"", "\"amount\":\"40\"");
    Http.Response r = http.retailWrite("POST", "Sale.json", balanced);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode sale = r.json().get("Sale");
    assertThat(sale.get("total").asText()).isEqualTo("32.40");
    assertThat(sale.get("change").asText()).isEqualTo("7.60");
    assertThat(sale.get("balance").asText()).isEqualTo("0.00");
    assertThat(sale.at("/SaleLines/SaleLine").isObject()).isTrue();
    assertThat(server.retail().qoh(id, 1)).isEqualTo(7);
    assertThat(http.retailWrite("POST", "Sale.json", balanced.replace("\"shopID\":1,", "\"shopID\":1,\"registerID\":2,"))
        .status()).isEqualTo(400); // register 2 belongs to shop 2
    JsonNode found = http.retail("Sale.json?referenceNumber=WEB-1001").json();
    assertThat(found.at("/Sale/saleID").asText()).isEqualTo(sale.get("saleID").asText());
  }

  @Test
  void voidingACompletedSaleRestocksButKeepsItsTimeStamp() {
    long id = stockedItem();
    server.retail().setStock(id, 1, 5);
    long saleId = server.retail().addCompletedSale(1, Map.of(id, 2L));
    assertThat(server.retail().qoh(id, 1)).isEqualTo(3);
    String ts = server.retail().get("Sale", saleId).orElseThrow().require("timeStamp");
    clock.advance(Duration.ofHours(2));
    Http.Response r = http.retailWrite("PUT", "Sale/" + saleId + ".json", "{\"voided\":true}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().at("/Sale/voided").asText()).isEqualTo("true");
    assertThat(r.json().at("/Sale/timeStamp").asText()).isEqualTo(ts);
    assertThat(r.json().at("/Sale/updatetime").asText()).isEqualTo("2026-03-01T12:00:00+00:00");
    assertThat(server.retail().qoh(id, 1)).isEqualTo(5);
  }

  @Test
  void purchaseOrdersFollowTheDocumentedRules() {
    assertThat(http.retailWrite("POST", "Order.json", "{\"vendorID\":1}").status()).isEqualTo(400);
    assertThat(http.retailWrite("POST", "Order.json", "{\"shopID\":1,\"OrderLines\":{\"OrderLine\":{\"itemID\":1}}}")
        .status()).isEqualTo(400);
    Http.Response created = http.retailWrite("POST", "Order.json", "{\"vendorID\":2,\"shopID\":1}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long orderId = created.json().at("/Order/orderID").asLong();
    assertThat(orderId).isEqualTo(11);
    assertThat(http.retailWrite("PUT", "Order/" + orderId + ".json", "{\"orderedDate\":\"2026-03-02\"}").status())
        .isEqualTo(400); // no lines yet
    long backorderBefore = server.retail().itemShops(28).get(1).getLong("backorder");
    Http.Response line = http.retailWrite("POST", "OrderLine.json", "{\"orderID\":" + orderId
        + ",\"itemID\":28,\"quantity\":24,\"numReceived\":24,\"price\":7,\"originalPrice\":7}");
    assertThat(line.status()).as(line.body()).isEqualTo(200);
    assertThat(line.json().at("/OrderLine/total").asText()).isEqualTo("168.00");
    // the open quantity shows up as backorder on the ItemShop row of the order's shop (and the summary)
    assertThat(server.retail().itemShops(28).get(1).getLong("backorder")).isEqualTo(backorderBefore + 24);
    Http.Response ordered = http.retailWrite("PUT", "Order/" + orderId + ".json", "{\"orderedDate\":\"2026-03-02\"}");
    assertThat(ordered.status()).isEqualTo(200);
    // shop 1 is US/Eastern: local midnight is 05:00 UTC in March (before DST)
    assertThat(ordered.json().at("/Order/orderedDate").asText()).isEqualTo("2026-03-02T05:00:00+00:00");
    JsonNode withLines = http.retail("Order/" + orderId + ".json?load_relations=" + Http.enc("[\"OrderLines\"]")).json();
    assertThat(withLines.at("/Order/OrderLines/OrderLine/itemID").asText()).isEqualTo("28");
    assertThat(http.retailWrite("DELETE", "OrderLine/" + line.json().at("/OrderLine/orderLineID").asText() + ".json", "")
        .status()).isEqualTo(200);
    assertThat(server.retail().orderLines(orderId)).isEmpty();
    assertThat(server.retail().itemShops(28).get(1).getLong("backorder")).isEqualTo(backorderBefore);
  }

  @Test
  void generatedBackorderMatchesOpenPurchaseOrders() {
    java.util.Map<String, Long> expected = new java.util.HashMap<>();
    server.retail().stream("Order").filter(o -> !o.getBoolean("complete") && !o.getBoolean("archived")).forEach(o -> {
      for (TestkitRecord l : server.retail().orderLines(o.id())) {
        expected.merge(l.require("itemID") + "@" + o.require("shopID"), l.getLong("quantity") - l.getLong("checkedIn"),
            Long::sum);
      }
    });
    assertThat(expected).isNotEmpty();
    java.util.Map<String, Long> actual = new java.util.HashMap<>();
    server.retail().stream("ItemShop").filter(r -> r.getLong("shopID") != 0 && r.getLong("backorder") != 0)
        .forEach(r -> actual.put(r.require("itemID") + "@" + r.require("shopID"), r.getLong("backorder")));
    assertThat(actual).isEqualTo(expected);
    // archiving an open order releases its quantities
    TestkitRecord open = server.retail().stream("Order").filter(o -> !o.getBoolean("complete") && !o.getBoolean("archived"))
        .findFirst().orElseThrow();
    TestkitRecord firstLine = server.retail().orderLines(open.id()).get(0);
    long item = firstLine.getLong("itemID");
    long shop = open.getLong("shopID");
    long before = server.retail().itemShops(item).get((int) shop).getLong("backorder");
    long releasedOnItem = server.retail().orderLines(open.id()).stream().filter(l -> l.getLong("itemID") == item)
        .mapToLong(l -> l.getLong("quantity") - l.getLong("checkedIn")).sum();
    assertThat(http.retailWrite("DELETE", "Order/" + open.id() + ".json", "").status()).isEqualTo(200);
    assertThat(server.retail().itemShops(item).get((int) shop).getLong("backorder")).isEqualTo(before - releasedOnItem);
  }

  @Test
  void inventoryCountReconcileSetsStock() {
    long id = stockedItem();
    long count = http.retailWrite("POST", "InventoryCount.json", "{\"name\":\"Spring\",\"shopID\":3}").json()
        .at("/InventoryCount/inventoryCountID").asLong();
    assertThat(http.retailWrite("POST", "InventoryCountItem.json", "{\"inventoryCountID\":" + count + ",\"itemID\":" + id
        + ",\"qty\":75}").status()).isEqualTo(400); // employeeID is required
    assertThat(http.retailWrite("POST", "InventoryCountItem.json", "{\"inventoryCountID\":" + count + ",\"itemID\":" + id
        + ",\"qty\":75,\"employeeID\":2}").status()).isEqualTo(200);
    assertThat(server.retail().qoh(id, 3)).isNotEqualTo(75);
    Http.Response r = http.retailWrite("POST", "InventoryCount/" + count + "/Reconcile.json", "{}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.header("X-LS-API-Request-Cost")).isEqualTo("10");
    assertThat(server.retail().qoh(id, 3)).isEqualTo(75);
  }

  @Test
  void postAndDeleteItem() {
    assertThat(http.retailWrite("POST", "Item.json", "{\"customSku\":\"X\"}").json().get("message").asText())
        .isEqualTo("Item not created. An Item must have a description.");
    Http.Response r = http.retailWrite("POST", "Item.json", "{\"description\":\"New thing\",\"upc\":\"123456789012\","
        + "\"ItemShops\":{\"ItemShop\":[{\"shopID\":1,\"qoh\":4},{\"shopID\":2,\"qoh\":1}]}}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    long id = r.json().at("/Item/itemID").asLong();
    assertThat(id).isEqualTo(301);
    assertThat(server.retail().qoh(id, 0)).isEqualTo(5);
    assertThat(http.retail("Item.json?itemCode=123456789012").json().at("/Item/itemID").asLong()).isEqualTo(id);
    Http.Response del = http.retailWrite("DELETE", "Item/" + id + ".json", "");
    assertThat(del.json().at("/Item/archived").asText()).isEqualTo("true");
    assertThat(server.retail().qoh(id, 0)).isZero();
    assertThat(http.retail("Item.json?itemID=" + id).json().has("Item")).isFalse();
    assertThat(http.retail("Item.json?archived=only&itemID=" + id).json().has("Item")).isTrue();
  }

  @Test
  void mutationsShowUpInTheApi() {
    long id = stockedItem();
    clock.advance(Duration.ofDays(1));
    server.retail().updateItem(id, Map.of("description", "Changed by the test"));
    JsonNode changed = http.retail("Item.json?sort=timeStamp&timeStamp=" + Http.enc(">,2026-03-01T12:00:00+00:00")).json();
    assertThat(changed.at("/Item/description").asText()).isEqualTo("Changed by the test");
    server.retail().archiveItem(id);
    assertThat(http.retail("Item/" + id + ".json").json().at("/Item/archived").asText()).isEqualTo("true");
  }
}
