package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The X-Series version cursor: after/page_size, data + version{min,max}, reappearing ids, deleted=true. */
class XSeriesPaginationTest {
  private LightspeedTestServer server;

  private Http start(TestkitConfig.Builder b) {
    server = LightspeedTestServer.start(b.unlimited().timeSource(new ManualTimeSource()).build());
    return new Http(server);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A walk as the docs describe it: after=version.max until data is empty. */
  record Walk(List<JsonNode> records, int pages, List<JsonNode> lastVersion) {
    Map<String, Long> latestVersionById() {
      Map<String, Long> out = new HashMap<>();
      records.forEach(r -> out.merge(r.get("id").asText(), r.get("version").asLong(), Math::max));
      return out;
    }
  }

  static Walk walk(Http http, String resource, String query, Consumer<Integer> afterPage) {
    List<JsonNode> out = new ArrayList<>();
    List<JsonNode> versions = new ArrayList<>();
    long after = 0;
    int pages = 0;
    while (true) {
      Http.Response r = http.xs("api/2.0/" + resource + "?after=" + after + (query.isEmpty() ? "" : "&" + query));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode page = r.json();
      pages++;
      versions.add(page.get("version"));
      if (page.get("data").isEmpty()) {
        assertThat(page.at("/version/max").isNull()).isTrue();
        return new Walk(out, pages, versions);
      }
      long prev = after;
      for (JsonNode n : page.get("data")) {
        assertThat(n.get("version").asLong()).isGreaterThan(prev);
        prev = n.get("version").asLong();
        out.add(n);
      }
      assertThat(page.at("/version/min").asLong()).isEqualTo(page.at("/data/0/version").asLong());
      assertThat(page.at("/version/max").asLong()).isEqualTo(prev);
      after = page.at("/version/max").asLong();
      afterPage.accept(pages);
    }
  }

  @ParameterizedTest(name = "{0} customers in pages of {1}")
  @CsvSource({"1, 100", "100, 100", "101, 100", "10000, 1000"})
  void aWalkReturnsEveryLiveRecordExactlyOnce(long customers, int pageSize) {
    Http http = start(TestkitConfig.builder().xseriesCustomers(customers));
    Walk w = walk(http, "customers", "page_size=" + pageSize, p -> {});
    List<String> ids = w.records().stream().map(n -> n.get("id").asText()).toList();
    Set<String> expected = server.xseries().expectedIds("customers").collect(Collectors.toSet());
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(expected);
    assertThat(w.records()).allSatisfy(n -> assertThat(n.get("deleted_at").isNull()).isTrue());
    long live = expected.size();
    assertThat(w.pages()).isEqualTo((int) ((live + pageSize - 1) / pageSize) + 1);
  }

  @Test
  void pageSizeIsCappedAndDefaulted() {
    Http http = start(TestkitConfig.builder().xseriesProducts(3000).xseriesPageSize(100, 1000));
    assertThat(http.xs("api/2.0/products").json().get("data")).hasSize(100);
    assertThat(http.xs("api/2.0/products?page_size=5000").json().get("data")).hasSize(1000);
    assertThat(http.xs("api/2.0/products?page_size=0").status()).isEqualTo(400);
    assertThat(http.xs("api/2.0/products?after=abc").status()).isEqualTo(400);
  }

  @Test
  void anUpdateDuringAWalkMakesTheIdReappearWithAHigherVersion() {
    Http http = start(TestkitConfig.builder().xseriesProducts(250));
    String[] first = new String[1];
    Walk w = walk(http, "products", "page_size=50", page -> {
      if (page == 1) {
        first[0] = server.xseries().expectedIds("products").findFirst().orElseThrow();
        server.xseries().updateProduct(first[0], Map.of("name", "Renamed during the walk"));
      }
    });
    List<JsonNode> seen = w.records().stream().filter(n -> n.get("id").asText().equals(first[0])).toList();
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).get("version").asLong()).isGreaterThan(seen.get(0).get("version").asLong());
    assertThat(seen.get(1).get("name").asText()).isEqualTo("Renamed during the walk");
    assertThat(w.latestVersionById().keySet())
        .isEqualTo(server.xseries().expectedIds("products").collect(Collectors.toSet()));
  }

  @Test
  void walkChurnMakesIdsReappearAndTheWalkStillEnds() {
    Http http = start(TestkitConfig.builder().xseriesSales(1000).xseriesWalkChurn(2));
    Walk w = walk(http, "sales", "page_size=100", p -> {});
    List<String> ids = w.records().stream().map(n -> n.get("id").asText()).toList();
    long repeats = ids.size() - new HashSet<>(ids).size();
    assertThat(repeats).isGreaterThanOrEqualTo(20);
    assertThat(new HashSet<>(ids)).hasSize(1000);
    // the latest state of every record is what the server holds now
    Map<String, Long> latest = w.latestVersionById();
    server.xseries().stream("sales").forEach(r -> assertThat(latest.get(r.key())).isEqualTo(r.getLong("version")));
  }

  @Test
  void deletedRecordsAppearOnlyWithDeletedTrueWhereTheSpecOffersIt() {
    Http http = start(TestkitConfig.builder().xseriesProducts(400));
    long deleted = server.xseries().deletedCount("products");
    assertThat(deleted).isPositive();
    Walk live = walk(http, "products", "page_size=1000", p -> {});
    Walk all = walk(http, "products", "page_size=1000&deleted=true", p -> {});
    assertThat(all.records()).hasSize(live.records().size() + (int) deleted);
    assertThat(all.records().stream().filter(n -> !n.get("deleted_at").isNull()).count()).isEqualTo(deleted);

    String victim = server.xseries().expectedIds("products").skip(3).findFirst().orElseThrow();
    long before = server.xseries().currentVersion();
    server.xseries().deleteProduct(victim);
    JsonNode page = http.xs("api/2.0/products?deleted=true&after=" + before).json().get("data");
    assertThat(page).hasSize(1);
    assertThat(page.get(0).get("id").asText()).isEqualTo(victim);
    assertThat(page.get(0).get("deleted_at").isNull()).isFalse();
    assertThat(http.xs("api/2.0/products?after=" + before).json().get("data")).isEmpty();
    // no deleted parameter on inventory: the deleted product's rows simply stop being listed
    assertThat(walk(http, "inventory", "page_size=1000&deleted=true", p -> {}).records())
        .noneMatch(n -> n.get("product_id").asText().equals(victim));
  }

  @Test
  void dataCoversTheFactSheet() {
    Http http = start(TestkitConfig.builder().xseriesSales(13 * 3).xseriesProducts(100).xseriesConsignments(10));
    JsonNode retailer = http.xs("api/2.0/retailer").json().get("data");
    assertThat(retailer.get("domain_prefix").asText()).isEqualTo("testkitstore");
    Set<String> statuses = new HashSet<>();
    for (JsonNode s : walk(http, "sales", "page_size=1000", p -> {}).records()) {
      statuses.add(s.get("status").asText());
      assertThat(s.get("line_items")).isNotEmpty();
      if (s.get("status").asText().equals("CLOSED")) {
        java.math.BigDecimal paid = java.math.BigDecimal.ZERO;
        for (JsonNode p : s.get("payments")) {
          paid = paid.add(p.get("amount").decimalValue());
        }
        assertThat(paid).isEqualByComparingTo(s.get("total_price").decimalValue().add(s.get("total_tax").decimalValue()));
      }
    }
    assertThat(statuses).containsExactlyInAnyOrder("SAVED", "CLOSED", "ONACCOUNT", "ONACCOUNT_CLOSED", "LAYBY",
        "LAYBY_CLOSED", "AWAITING_DISPATCH", "AWAITING_PICKUP", "DISPATCHED_CLOSED", "PICKED_UP_CLOSED", "VOIDED",
        "SERVICE", "SERVICE_CLOSED");
    List<JsonNode> products = walk(http, "products", "page_size=1000", p -> {}).records();
    assertThat(products).anyMatch(p -> p.get("is_composite").asBoolean() && p.get("composite").size() == 2);
    assertThat(products).anyMatch(p -> !p.get("variant_parent_id").isNull());
    List<JsonNode> inventory = walk(http, "inventory", "page_size=1000", p -> {}).records();
    assertThat(inventory).anyMatch(i -> i.get("inventory_level").asLong() < 0);
    JsonNode consignment = http.xs("api/2.0/consignments?type=SUPPLIER&status=RECEIVED").json().at("/data/0");
    JsonNode lines = http.xs("api/2.0/consignments/" + consignment.get("id").asText() + "/products").json().get("data");
    assertThat(lines).isNotEmpty().allSatisfy(l -> {
      assertThat(l.get("count").isTextual()).isTrue();
      assertThat(l.get("received").isTextual()).isTrue();
      assertThat(l.get("cost").isTextual()).isTrue();
    });
    assertThat(walk(http, "outlets", "", p -> {}).records()).hasSize(3);
    assertThat(walk(http, "registers", "", p -> {}).records()).hasSize(3);
    assertThat(walk(http, "suppliers", "", p -> {}).records()).hasSize(5)
        .allSatisfy(s -> assertThat(s.get("version").asLong()).isPositive());
    String some = products.get(0).get("id").asText();
    assertThat(http.xs("api/2.0/products/" + some).json().at("/data/id").asText()).isEqualTo(some);
    assertThat(http.xs("api/2.0/products/" + some + "/inventory").json().get("data")).hasSize(3);
    assertThat(http.xs("api/2.0/products/00000000-0000-1000-8000-000000000000").status()).isEqualTo(404);
  }
}
