package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Garbage in gets a 4xx in the API's error format, never a 500 from the testkit itself. */
class MalformedRequestTest {
  private static LightspeedTestServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().items(30).unlimited().timeSource(new ManualTimeSource())
        .build());
    http = new Http(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<String> retailGets() {
    return List.of("Item.json?limit=abc", "Item.json?after=", "Item.json?after=W10%3D", "Item.json?before=bm9wZQ%3D%3D",
        "Item.json?sort=timeStamp&after=WzFd", "Item.json?sort=-", "Item.json?archived=maybe", "Item.json?itemID=%3E%3C%2C1",
        "Item.json?itemID=IN%2C1%2C2", "Item.json?load_relations=%5B1%2C2%5D", "Item.json?load_relations=%5B%22Nope%22%5D",
        "Item.json?ItemShops.qoh=1", "Item.json?ItemShops.Shop.name=x", "Item.json?or=nope", "Item.json?or=bogus%3D1",
        "Item.json?count=1&sort=itemID", "Item/abc.json", "Item/1/Nope.json", "Nope.json", "Item.json?after=x&before=y",
        "Item.json?timeStamp=%3E%2Cnot-a-date&sort=timeStamp", "Register.json?timeStamp=1",
        "Sale.json?sort=description");
  }

  @ParameterizedTest
  @MethodSource("retailGets")
  void retailReadsAreRejectedCleanly(String relative) {
    Http.Response r = http.retail(relative);
    assertThat(r.status()).as(relative + " -> " + r.body()).isBetween(200, 499);
    if (r.status() >= 400) {
      assertThat(r.json().get("httpCode").asText()).isEqualTo(Integer.toString(r.status()));
    }
  }

  static List<Arguments> retailWrites() {
    return wrap(new String[] {"PUT", "Item/1.json", "not json"}, new String[] {"PUT", "Item/1.json", "[1,2]"},
        new String[] {"PUT", "Item/1.json", "{\"ItemShops\":{\"ItemShop\":{\"shopID\":\"x\",\"qoh\":1}}}"},
        new String[] {"PUT", "Item/1.json", "{\"ItemShops\":{\"ItemShop\":{\"qoh\":1}}}"},
        new String[] {"PUT", "Item/1.json", "{\"ItemShops\":{\"ItemShop\":{\"shopID\":1,\"qoh\":1.5}}}"},
        new String[] {"PUT", "Item/1.json", "{\"ItemShops\":\"oops\"}"},
        new String[] {"PUT", "Item/1.json", "{\"Prices\":{\"ItemPrice\":{\"amount\":\"x\",\"useType\":\"Default\"}}}"},
        new String[] {"PUT", "Item/1.json", "{\"upc\":\"12\"}"},
        new String[] {"POST", "Sale.json", "{\"shopID\":1,\"SaleLines\":{\"SaleLine\":{\"itemID\":999}}}"},
        new String[] {"POST", "Sale.json", "{\"shopID\":1,\"SaleLines\":{\"SaleLine\":{\"itemID\":1,\"unitQuantity\":\"x\"}}}"},
        new String[] {"POST", "Sale.json", "{}"}, new String[] {"POST", "Order.json", "{\"shopID\":99}"},
        new String[] {"POST", "OrderLine.json", "{\"orderID\":1}"}, new String[] {"PUT", "ItemShop/2.json", "{\"reorderPoint\":-1}"},
        new String[] {"PUT", "ItemShop/2.json", "{\"reorderPoint\":\"x\"}"}, new String[] {"DELETE", "Shop/1.json", ""},
        new String[] {"POST", "Item/1.json", "{}"}, new String[] {"PUT", "Item.json", "{}"},
        new String[] {"POST", "InventoryCountReconcile.json", "{}"}, new String[] {"PATCH", "Item/1.json", "{}"});
  }

  private static List<Arguments> wrap(String[]... rows) {
    return java.util.Arrays.stream(rows).map(r -> Arguments.of((Object) r)).collect(java.util.stream.Collectors.toList());
  }

  @ParameterizedTest
  @MethodSource("retailWrites")
  void retailWritesAreRejectedCleanly(String[] w) {
    Http.Response r = http.retailWrite(w[0], w[1], w[2]);
    assertThat(r.status()).as(String.join(" ", w) + " -> " + r.body()).isBetween(400, 499);
  }

  static List<Arguments> ecomCalls() {
    return wrap(new String[] {"GET", "en/products.json?page=0", ""}, new String[] {"GET", "en/products.json?limit=x", ""},
        new String[] {"GET", "en/products.json?created_at_min=yesterday", ""}, new String[] {"GET", "en/products/x.json", ""},
        new String[] {"GET", "en/products", ""}, new String[] {"GET", "en/nothing.json", ""},
        new String[] {"PUT", "en/variants/1.json", "nope"}, new String[] {"PUT", "en/variants/1.json", "{\"variant\":[]}"},
        new String[] {"PUT", "en/variants/1.json", "{\"variant\":{\"color\":\"red\"}}"},
        new String[] {"PUT", "en/orders/1.json", "{\"order\":{\"status\":\"lost\"}}"},
        new String[] {"POST", "en/webhooks.json", "{\"webhook\":{}}"}, new String[] {"POST", "en/orders.json", "{}"},
        new String[] {"DELETE", "en/orders/1.json", ""}, new String[] {"GET", "en/orders/999/products.json", ""});
  }

  @ParameterizedTest
  @MethodSource("ecomCalls")
  void ecomCallsAreRejectedCleanly(String[] c) {
    Http.Response r = c[0].equals("GET") ? http.ecom(c[1]) : http.ecomWrite(c[0], c[1], c[2]);
    assertThat(r.status()).as(String.join(" ", c) + " -> " + r.body()).isBetween(400, 499);
    assertThat(r.json().at("/error/code").asInt()).isEqualTo(r.status());
  }
}
