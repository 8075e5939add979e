package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A million items in the 1 GiB test heap (surefire runs with -Xmx1g): nothing is materialised. */
class LargeDataTest {
  private static final long ITEMS = 1_000_000;
  private static LightspeedTestServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().items(ITEMS).sales(1_000_000).products(1_000_000)
        .xseriesProducts(ITEMS).xseriesSales(1_000_000).unlimited().timeSource(new ManualTimeSource()).build());
    http = new Http(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void heapIsBoundedByTheTestJvm() {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(1024L * 1024 * 1024 + 64L * 1024 * 1024);
  }

  @Test
  void generatedTimestampsEndBeforeTheDefaultManualClock() {
    String limit = "2026-06-01T12:00:00+00:00";
    assertThat(server.retail().get("Item", ITEMS).orElseThrow().require("timeStamp")).isLessThan(limit);
    assertThat(server.retail().get("Sale", 1_000_000).orElseThrow().require("timeStamp")).isLessThan(limit);
    assertThat(server.ecom().get("products", 1_000_000).orElseThrow().require("updatedAt")).isLessThan(limit);
  }

  @Test
  void firstAndLastPagesOfAMillionItems() {
    JsonNode first = http.retail("Item.json?archived=true&load_relations=" + Http.enc("[\"ItemShops\"]")).json();
    assertThat(first.get("Item")).hasSize(100);
    assertThat(first.at("/Item/0/itemID").asText()).isEqualTo("1");
    JsonNode last = http.retail("Item.json?archived=true&sort=-itemID").json();
    assertThat(last.at("/Item/0/itemID").asText()).isEqualTo("1000000");
    assertThat(last.at("/@attributes/previous").asText()).isEmpty();
    JsonNode tail = http.retail("Item.json?archived=true&itemID=" + Http.enc(">,999950")).json();
    assertThat(tail.get("Item")).hasSize(50);
    assertThat(tail.at("/@attributes/next").asText()).isEmpty();
    // keyset paging from the middle costs the same as from the start
    String next = http.retail("Item.json?archived=true&sort=timeStamp&timeStamp="
        + Http.enc(">=," + server.retail().get("Item", 900_000).orElseThrow().require("timeStamp"))).json()
        .at("/@attributes/next").asText();
    assertThat(http.retailAbs(next).json().get("Item")).hasSize(100);
  }

  @Test
  void countWalksWithoutMaterialising() {
    assertThat(http.retail("Item.json?count=1&archived=true").json().at("/@attributes/count").asText())
        .isEqualTo("1000000");
    JsonNode lastShopRows = http.retail("ItemShop.json?sort=-itemShopID&limit=4").json();
    assertThat(lastShopRows.at("/ItemShop/0/itemID").asText()).isEqualTo("1000000");
    assertThat(lastShopRows.at("/ItemShop/3/shopID").asText()).isEqualTo("0");
  }

  @Test
  void timeStampFiltersStayFastInIdOrder() {
    String ts = server.retail().get("Item", 999_990).orElseThrow().require("timeStamp");
    long t0 = System.nanoTime();
    JsonNode rows = http.retail("ItemShop.json?timeStamp=" + Http.enc(">=," + ts)).json();
    JsonNode count = http.retail("Item.json?count=1&archived=true&timeStamp=" + Http.enc(">=," + ts)).json();
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isLessThan(java.time.Duration.ofSeconds(2));
    assertThat(rows.get("ItemShop")).hasSize(11 * 4 + (999_990 % 2 == 0 ? 4 : 0));
    assertThat(count.at("/@attributes/count").asLong()).isEqualTo(11 + (999_990 % 2 == 0 ? 1 : 0));
  }

  @Test
  void ecomDeepPagesAndSinceId() {
    JsonNode lastPage = http.ecom("en/products.json?limit=250&page=4000").json().get("products");
    assertThat(lastPage).hasSize(250);
    assertThat(lastPage.get(249).get("id").asLong()).isEqualTo(1_000_000);
    assertThat(http.ecom("en/products.json?limit=250&page=4001").json().get("products")).isEmpty();
    JsonNode since = http.ecom("en/variants.json?limit=250&since_id=2999000").json().get("variants");
    assertThat(since.get(0).get("id").asLong()).isGreaterThan(2_999_000);
  }

  @Test
  void xseriesDeepCursorPagesOfAMillionProducts() {
    String token = server.xseriesCredentials().personalToken();
    JsonNode first = http.xs("api/2.0/products?page_size=1000", token).json();
    assertThat(first.get("data")).hasSize(1000);
    // jump to the end by version: the last generated product and the walk's empty end page
    TestkitRecord last = server.xseries().stream("products").skip(ITEMS - 1).findFirst().orElseThrow();
    long lastVersion = last.getLong("version");
    JsonNode tail = http.xs("api/2.0/products?deleted=true&page_size=1000&after=" + (lastVersion - 1), token).json();
    assertThat(tail.get("data")).hasSize(1);
    assertThat(tail.at("/data/0/id").asText()).isEqualTo(last.key());
    JsonNode end = http.xs("api/2.0/products?deleted=true&after=" + lastVersion, token).json();
    assertThat(end.get("data")).isEmpty();
    assertThat(end.at("/version/max").isNull()).isTrue();
    assertThat(http.xs("api/2.0/products/" + last.key(), token).json().at("/data/version").asLong())
        .isEqualTo(lastVersion);
    // 3,000,000 inventory rows, a page from the middle
    JsonNode mid = http.xs("api/2.0/inventory?page_size=1000&after=" + lastVersion / 2, token).json();
    assertThat(mid.get("data")).hasSize(1000);
    JsonNode sales = http.xs("api/2.0/sales?page_size=1000&after=" + lastVersion / 2, token).json();
    assertThat(sales.get("data")).hasSize(1000);
  }
}
