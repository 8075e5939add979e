package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Read-only checks, so one server serves the class. */
class RetailQuirksTest {
  private static LightspeedTestServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(5).items(600).sales(200).unlimited()
        .timeSource(new ManualTimeSource()).build());
    http = new Http(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertAllScalarsAreStrings(JsonNode n) {
    for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isContainerNode()) {
        if (v.isArray()) {
          v.forEach(RetailQuirksTest::assertAllScalarsAreStrings);
        } else {
          assertAllScalarsAreStrings(v);
        }
      } else {
        assertThat(v.isTextual()).as(e.getKey() + " = " + v).isTrue();
      }
    }
  }

  @Test
  void singleResultIsAnObjectAndScalarsAreStrings() {
    JsonNode one = http.retail("Item.json?limit=1&load_relations=" + Http.enc("[\"ItemShops\"]")).json();
    assertThat(one.get("Item").isObject()).isTrue();
    assertAllScalarsAreStrings(one);
    JsonNode two = http.retail("Item.json?limit=2").json();
    assertThat(two.get("Item").isArray()).isTrue();
  }

  @Test
  void singleGetHasCountOne() {
    JsonNode r = http.retail("Item/7.json").json();
    assertThat(r.at("/@attributes/count").asText()).isEqualTo("1");
    assertThat(r.at("/Item/itemID").asText()).isEqualTo("7");
    assertThat(r.at("/Item/Prices/ItemPrice")).hasSize(3);
    assertThat(r.at("/Item/Prices/ItemPrice/0/useType").asText()).isEqualTo("Default");
  }

  @Test
  void itemShopsIncludeTheSummaryRowAndSumUp() {
    JsonNode item = http.retail("Item/42.json?load_relations=" + Http.enc("[\"ItemShops\"]")).json().get("Item");
    List<JsonNode> rows = new ArrayList<>();
    Http.many(item.at("/ItemShops/ItemShop")).forEach(rows::add);
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).get("shopID").asText()).isEqualTo("0");
    long sum = rows.stream().skip(1).mapToLong(r -> r.get("qoh").asLong()).sum();
    assertThat(rows.get(0).get("qoh").asLong()).isEqualTo(sum);
    assertThat(rows.get(0).get("averageCost").asText()).isNotEqualTo("0");
  }

  @Test
  void emptyRelationsAreEmptyStringsAndForeignKeysZero() {
    // find a non-assembly item: its ItemComponents relation is ""
    long plain = server.retail().stream("Item").filter(r -> r.require("itemType").equals("default")).findFirst()
        .orElseThrow().id();
    JsonNode item = http.retail("Item/" + plain + ".json?load_relations=" + Http.enc("[\"ItemComponents\"]")).json()
        .get("Item");
    assertThat(item.get("ItemComponents").isTextual()).isTrue();
    assertThat(item.get("ItemComponents").asText()).isEmpty();
    long noVendor = server.retail().stream("Item").filter(r -> r.require("defaultVendorID").equals("0")).findFirst()
        .orElseThrow().id();
    JsonNode nv = http.retail("Item/" + noVendor + ".json?load_relations=" + Http.enc("[\"ItemVendorNums\"]")).json();
    assertThat(nv.at("/Item/defaultVendorID").asText()).isEqualTo("0");
    assertThat(nv.at("/Item/ItemVendorNums").asText()).isEmpty();
    JsonNode shop = http.retail("Shop/1.json?load_relations=" + Http.enc("[\"Contact\",\"Registers\"]")).json().get("Shop");
    assertThat(shop.get("gatewayConfigID").asText()).isEmpty();
    assertThat(shop.at("/Contact/Phones").asText()).isEmpty();
    assertThat(shop.at("/Registers/Register").isObject()).isTrue(); // one register: an object
    assertThat(http.retail("PriceLevel/1.json").json().at("/PriceLevel/Calculation").asText()).isEmpty();
  }

  @Test
  void assembliesAndBoxesHaveComponents() {
    TestkitRecord box = server.retail().stream("Item").filter(r -> r.require("itemType").equals("box") && r.id() > 1)
        .findFirst().orElseThrow();
    JsonNode comp = http.retail("Item/" + box.id() + ".json?load_relations=" + Http.enc("[\"ItemComponents\"]")).json()
        .at("/Item/ItemComponents/ItemComponent");
    assertThat(comp.isObject()).isTrue();
    assertThat(comp.get("quantity").asText()).isEqualTo("6");
    assertThat(comp.get("assemblyItemID").asText()).isEqualTo(Long.toString(box.id()));
    TestkitRecord assembly = server.retail().stream("Item")
        .filter(r -> r.require("itemType").equals("assembly") && r.id() > 1).findFirst().orElseThrow();
    JsonNode ac = http.retail("Item/" + assembly.id() + ".json?load_relations=" + Http.enc("[\"ItemComponents\"]"))
        .json().at("/Item/ItemComponents/ItemComponent");
    assertThat(ac.isArray()).isTrue();
    assertThat(ac.get(0).get("componentGroup").asText()).isEqualTo("0");
  }

  @Test
  void loadRelationsMustBeAJsonArray() {
    Http.Response plain = http.retail("Item.json?load_relations=ItemShops");
    assertThat(plain.status()).isEqualTo(400);
    assertThat(plain.json().get("message").asText()).contains("JSON encoded array");
    Http.Response oneString = http.retail("Item.json?load_relations=" + Http.enc("[\"Images,ItemShops\"]"));
    assertThat(oneString.status()).isEqualTo(400);
    assertThat(http.retail("Item.json?load_relations=" + Http.enc("[\"ItemShops\",\"Category\"]")).status())
        .isEqualTo(200);
    assertThat(http.retail("Item.json?limit=1&load_relations=all").status()).isEqualTo(200);
  }

  @Test
  void countReturnsAStringAndCannotBeCombinedWithPaging() {
    Http.Response r = http.retail("Sale.json?count=1&archived=true");
    assertThat(r.json().at("/@attributes/count").asText()).isEqualTo("200");
    assertThat(r.json().at("/@attributes/count").isTextual()).isTrue();
    assertThat(r.header("X-LS-API-Request-Cost")).isEqualTo("10");
    assertThat(http.retail("Sale.json?count=1&limit=5").status()).isEqualTo(400);
  }

  @Test
  void salesExistInEveryState() {
    long completed = http.retail("Sale.json?count=1&completed=true&voided=false").json().at("/@attributes/count").asLong();
    long open = http.retail("Sale.json?count=1&completed=false&voided=false").json().at("/@attributes/count").asLong();
    long voided = http.retail("Sale.json?count=1&voided=true").json().at("/@attributes/count").asLong();
    long archived = http.retail("Sale.json?count=1&archived=only").json().at("/@attributes/count").asLong();
    assertThat(completed).isPositive();
    assertThat(open).isPositive();
    assertThat(voided).isPositive();
    assertThat(archived).isPositive();
    assertThat(completed + open + voided + archived).isEqualTo(200);
    JsonNode openSale = http.retail("Sale.json?limit=1&completed=false&load_relations="
        + Http.enc("[\"SaleLines\",\"SalePayments\"]")).json().get("Sale");
    assertThat(openSale.get("SalePayments").asText()).isEmpty();
    assertThat(openSale.get("balance").asText()).isEqualTo(openSale.get("total").asText());
    JsonNode done = http.retail("Sale.json?limit=1&completed=true&voided=false&load_relations="
        + Http.enc("[\"SalePayments\"]")).json().get("Sale");
    assertThat(done.get("balance").asText()).isEqualTo("0.00");
    java.math.BigDecimal paid = java.math.BigDecimal.ZERO;
    for (JsonNode p : Http.many(done.at("/SalePayments/SalePayment"))) {
      paid = paid.add(new java.math.BigDecimal(p.get("amount").asText()));
    }
    assertThat(paid).isEqualByComparingTo(done.get("total").asText());
  }

  @Test
  void operatorsWork() {
    assertThat(http.retail("Item.json?archived=true&itemID=" + Http.enc("IN,[3,5,8]")).json().get("Item")).hasSize(3);
    assertThat(http.retail("Item.json?archived=true&count=1&itemID=" + Http.enc("!=,3")).json()
        .at("/@attributes/count").asText()).isEqualTo("599");
    assertThat(http.retail("Item.json?archived=true&count=1&itemID=" + Http.enc("<=,10")).json()
        .at("/@attributes/count").asText()).isEqualTo("10");
    JsonNode like = http.retail("Item.json?archived=true&description=" + Http.enc("~,%mug%")).json();
    for (JsonNode n : Http.many(like.get("Item"))) {
      assertThat(n.get("description").asText().toLowerCase()).contains("mug");
    }
    assertThat(http.retail("Item.json?count=1&archived=true&customSku=" + Http.enc("!~,")).json()
        .at("/@attributes/count").asLong()).isLessThan(600);
    StringBuilder many = new StringBuilder("IN,[");
    for (int i = 1; i <= 101; i++) {
      many.append(i == 1 ? "" : ",").append(i);
    }
    assertThat(http.retail("Item.json?itemID=" + Http.enc(many + "]")).status()).isEqualTo(400);
    assertThat(http.retail("Item.json?noSuchField=1").status()).isEqualTo(400);
    Http.Response rawPlus = http.retail("Item.json?timeStamp=" + Http.enc(">,") + "2025-01-01T00:00:00+00:00");
    assertThat(rawPlus.status()).isEqualTo(400);
    assertThat(rawPlus.json().get("message").asText()).contains("%2B");
    assertThat(http.retail("Item.json?timeStamp=" + Http.enc(">,2025-01-01T00:00:00+00:00")).status()).isEqualTo(200);
    Http.Response empty = http.retail("Item.json?itemID=" + Http.enc("><,500,400"));
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().has("Item")).isFalse();
    assertThat(http.retail("Item.json?sort=upc").status()).isEqualTo(400);
    assertThat(http.retail("Item.json?offset=100").status()).isEqualTo(400);
    JsonNode rel = http.retail("Item.json?archived=true&load_relations=" + Http.enc("[\"ItemShops\"]") + "&ItemShops.qoh="
        + Http.enc("<,0")).json();
    for (JsonNode n : Http.many(rel.get("Item"))) {
      boolean anyNegative = false;
      for (JsonNode s : Http.many(n.at("/ItemShops/ItemShop"))) {
        anyNegative |= s.get("qoh").asLong() < 0;
      }
      assertThat(anyNegative).isTrue();
    }
  }

  @Test
  void dirtyDataIsPresent() {
    List<TestkitRecord> items = server.retail().stream("Item").toList();
    assertThat(items).anyMatch(r -> r.require("customSku").isEmpty());
    assertThat(items).anyMatch(r -> r.require("customSku").contains(" "));
    assertThat(items.stream().filter(r -> r.require("customSku").equals("DUP-3")).count()).isGreaterThan(1);
    assertThat(items.stream().filter(r -> r.require("upc").equals("012345678905")).count()).isGreaterThan(1);
    assertThat(items).anyMatch(r -> r.require("archived").equals("true"));
    assertThat(items).anyMatch(r -> r.require("itemType").equals("non_inventory"));
    assertThat(server.retail().stream("ItemShop")).anyMatch(r -> r.getLong("qoh") < 0);
    assertThat(server.retail().get("Shop", 1).orElseThrow().require("name"))
        .isEqualToIgnoringCase(server.retail().get("Shop", 2).orElseThrow().require("name"))
        .isNotEqualTo(server.retail().get("Shop", 2).orElseThrow().require("name"));
  }

  @Test
  void everyResponseCarriesRayAndAccountHeadersAndErrorsUseTheEnvelope() {
    Http.Response r = http.retail("Item/999999.json");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("httpCode").asText()).isEqualTo("404");
    assertThat(r.json().get("httpMessage").asText()).isEqualTo("Not Found");
    assertThat(r.header("Cf-Ray")).isNotBlank();
    assertThat(r.header("X-LS-Acct-Id")).isEqualTo("123456");
    assertThat(http.retail("Item").status()).isEqualTo(406); // XML is the default without .json
  }

  @Test
  void accountDiscovery() {
    JsonNode acct = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.retailApiRoot() + "Account.json"))
        .header("Authorization", "Bearer " + server.retailCredentials().accessToken()).build()).json();
    assertThat(acct.at("/Account/accountID").asText()).isEqualTo("123456");
    assertThat(acct.at("/Account/link/@attributes/href").asText()).isEqualTo("/API/V3/Account/123456");
    assertThat(http.retail("Item.json").status()).isEqualTo(200);
  }

  @Test
  void everyDocumentedResourceAnswers() {
    for (String res : List.of("Item", "ItemShop", "Shop", "Vendor", "Sale", "SaleLine", "Order", "OrderLine", "Employee",
        "Register", "PriceLevel", "Customer", "InventoryCount", "InventoryCountItem")) {
      Http.Response r = http.retail(res + ".json?limit=3");
      assertThat(r.status()).as(res + ": " + r.body()).isEqualTo(200);
    }
    JsonNode order = http.retail("Order.json?limit=1&load_relations=" + Http.enc("[\"OrderLines\",\"Vendor\"]")).json();
    assertThat(order.at("/Order/OrderLines").isObject()).isTrue();
    JsonNode sale = http.retail("Sale/1.json?load_relations=" + Http.enc("[\"SaleLines.Item\",\"Customer.Contact\"]"))
        .json();
    for (JsonNode line : Http.many(sale.at("/Sale/SaleLines/SaleLine"))) {
      assertThat(line.at("/Item/itemID").asText()).isEqualTo(line.get("itemID").asText());
    }
  }
}
