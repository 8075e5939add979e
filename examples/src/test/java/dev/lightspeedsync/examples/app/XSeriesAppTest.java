package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.XSeriesCredentials;
import dev.lightspeedsync.testkit.XSeriesData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync --platform xseries}: the embedded testkit's X-Series retailer by default (compared
 * with the same generated retailer built here), and a retailer at {@code --base-url} with
 * {@code --domain-prefix} and a personal {@code --token}, with the options that apply.
 */
class XSeriesAppTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  @TempDir
  Path dir;

  LightspeedTestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private String db(String name) {
    return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static List<JsonNode> export(String db, String what) {
    AppRun run = AppRun.of("export", "--db", db, "--what", what);
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.outLines()) {
      try {
        out.add(JSON.readTree(line));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return out;
  }

  private static Map<String, Long> stockOf(String db) {
    Map<String, Long> stock = new TreeMap<>();
    export(db, "stock").forEach(r -> stock.put(r.get("skuId").asText() + "@" + r.get("locationId").asText(),
        r.get("onHand").asLong()));
    return stock;
  }

  private static Set<String> activeSkus(String db) {
    return export(db, "skus").stream().filter(r -> r.get("active").asBoolean()).map(r -> r.get("id").asText())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theDefaultRunSyncsTheEmbeddedRetailerFullThenIncrementalToItsTruth() throws IOException {
    String db = db("embedded");
    Path summary = dir.resolve("embedded.json");

    AppRun run = AppRun.of("sync", "--platform", "xseries", "--db", db, "--testkit-items", "300", "--testkit-sales",
        "150", "--testkit-shops", "3", "--time-scale", "1000", "--progress", "log", "--summary-json", summary.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    // a progress line per stream read, as for the other platforms, and the totals once
    assertThat(run.out()).containsPattern("catalogue +\\d+ pages +[\\d,]+ SKUs done")
        .containsPattern("stock +\\d+ pages? +[\\d,]+ stock levels done")
        .containsPattern("sales +\\d+ pages? +[\\d,]+ sales orders done").containsOnlyOnce("Database now holds");
    JsonNode s = read(summary);
    assertThat(s.get("platform").asText()).isEqualTo("xseries");
    assertThat(s.get("full").asBoolean()).isTrue();
    JsonNode second = s.get("runs").get(1);
    assertThat(second.get("full").asBoolean()).isFalse();
    assertThat(second.get("deactivated").asLong()).isEqualTo(1); // the deleted product
    assertThat(second.get("salesOrders").asLong()).isPositive(); // the new sale and the voided one
    assertThat(second.get("requests").asLong()).isLessThan(s.get("requests").asLong()); // only what changed
    assertThat(run.out()).contains("Retailer activity: 2 stock changes, 1 new sale, 1 deleted product, 1 voided sale");

    // the same generated retailer, with the same activity: the database must equal it
    try (EmbeddedLightspeed truth = EmbeddedLightspeed.xseries(3, 300, 150, 1000)) {
      truth.simulateXSeriesActivity();
      XSeriesData x = truth.server().xseries();
      // a planner's products: not deleted, for sale, tracking stock or composite (the default rules)
      Set<String> live = x.stream("products").filter(p -> p.get("deleted_at").isEmpty() && p.getBoolean("active")
          && (p.getBoolean("has_inventory") || p.getBoolean("is_composite")))
          .map(p -> p.key()).collect(Collectors.toCollection(TreeSet::new));
      assertThat(activeSkus(db)).isEqualTo(live);
      Map<String, Long> expectedStock = new TreeMap<>();
      x.stream("inventory").filter(r -> r.get("deleted_at").isEmpty() && live.contains(r.require("product_id")))
          .forEach(r -> expectedStock.put(r.require("product_id") + "@" + r.require("outlet_id"),
              r.getDecimal("inventory_level").longValue()));
      Map<String, Long> stock = stockOf(db);
      stock.keySet().removeIf(k -> !live.contains(k.split("@")[0]));
      assertThat(stock).isNotEmpty().isEqualTo(expectedStock);
    }
  }

  private List<String> accountArgs(String db, String... extra) {
    XSeriesCredentials c = server.xseriesCredentials();
    List<String> args = new ArrayList<>(List.of("sync", "--platform", "xseries", "--base-url",
        server.xseriesOrigin().toString(), "--domain-prefix", c.domainPrefix(), "--token", c.personalToken(), "--db", db,
        "--progress", "log"));
    args.addAll(List.of(extra));
    return args;
  }

  @Test
  void aRetailerAtBaseUrlSyncsWithItsTokenOneOutletReadOnlyAndIncrementally() throws IOException {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(13).shops(1).items(0).sales(0).orders(0).products(0)
        .ecomOrders(0).xseriesOutlets(3).xseriesProducts(120).xseriesSales(60).timeSource(new ManualTimeSource())
        .unlimited().build());
    XSeriesData x = server.xseries();
    String db = db("remote");
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    String outlet = x.outletIds().get(1);
    String outletName = x.get("outlets", outlet).orElseThrow().require("name");

    AppRun run1 = AppRun.of(accountArgs(db, "--locations", "one", "--default-location", outletName, "--read-only",
        "--summary-json", first.toString()).toArray(String[]::new));
    String product = x.expectedIds("products").sorted().findFirst().orElseThrow();
    x.setInventory(product, outlet, 55);
    AppRun run2 = AppRun.of(accountArgs(db, "--locations", "one", "--default-location", outletName, "--read-only",
        "--summary-json", second.toString()).toArray(String[]::new));

    assertThat(run1.exitCode()).as(run1.err()).isZero();
    assertThat(run2.exitCode()).as(run2.err()).isZero();
    assertThat(read(first).get("full").asBoolean()).isTrue();
    assertThat(read(second).get("full").asBoolean()).isFalse();
    assertThat(read(second).get("stockLevels").asLong()).isPositive();
    Map<String, Long> stock = stockOf(db);
    assertThat(stock).isNotEmpty().allSatisfy((k, v) -> assertThat(k).endsWith("@" + outlet)); // --locations one
    assertThat(stock).containsEntry(product + "@" + outlet, 55L);
    assertThat(server.inspect().recentRequests()).noneMatch(r -> WRITES.contains(r.method()));
    String printed = run1.out() + run1.err() + run2.out() + run2.err();
    assertThat(printed).doesNotContain(server.xseriesCredentials().personalToken());
  }

  @Test
  void aDryRunLeavesTheDatabaseEmptyAndAWrongTokenIsExitThree() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(13).shops(1).items(0).sales(0).orders(0).products(0)
        .ecomOrders(0).xseriesProducts(40).xseriesSales(10).timeSource(new ManualTimeSource()).unlimited().build());
    String db = db("dry");

    AppRun dry = AppRun.of(accountArgs(db, "--dry-run").toArray(String[]::new));
    List<String> wrongArgs = accountArgs(db("wrong"), "--max-attempts", "1");
    wrongArgs.set(wrongArgs.indexOf("--token") + 1, "not-the-token");
    AppRun wrong = AppRun.of(wrongArgs.toArray(String[]::new));

    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("dry run");
    assertThat(export(db, "skus")).isEmpty(); // nothing stored
    assertThat(export(db, "stock")).isEmpty();
    assertThat(wrong.exitCode()).as(wrong.err()).isEqualTo(3);
    assertThat(wrong.errLines()).hasSize(1);
    assertThat(wrong.err()).doesNotContain("not-the-token");
  }

  private static String[] concat(List<String> a, String... b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }
}
