package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in-process: against the embedded testkit (the default run) and against a testkit
 * the test controls through {@code --base-url} (as a real account would be), compared with the
 * server's ground truth.
 */
class SyncAppTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  final ManualTimeSource time = new ManualTimeSource();
  LightspeedTestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("app").toAbsolutePath();
  }

  private LightspeedTestServer start(TestkitConfig.Builder config) {
    server = LightspeedTestServer.start(config.seed(11).timeSource(time).unlimited().build());
    return server;
  }

  private List<String> accountArgs(String... extra) {
    RetailCredentials c = server.retailCredentials();
    List<String> args = new ArrayList<>(List.of("sync", "--base-url", server.retailBaseUrl().toString(),
        "--account-id", Long.toString(c.accountId()), "--client-id", c.clientId(), "--client-secret",
        c.clientSecret(), "--refresh-token", c.refreshToken(), "--access-token", c.accessToken(), "--db", db(),
        "--progress", "log"));
    args.addAll(List.of(extra));
    return args;
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  @Test
  void theDefaultRunSyncsTheEmbeddedTestkitFullThenIncrementalAndASecondRunIsIncremental() throws IOException {
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    // small enough to stay inside the bucket: no rate-limit waits, in real or API time
    String[] args = {"--db", db(), "--testkit-items", "500", "--testkit-sales", "300", "--testkit-shops", "3",
        "--time-scale", "1000", "--progress", "log", "--summary-json"};

    AppRun run1 = AppRun.of(concat(args, first.toString()));
    AppRun run2 = AppRun.of(concat(args, second.toString()));

    assertThat(run1.exitCode()).as(run1.err()).isZero();
    assertThat(run1.err()).isEmpty();
    JsonNode s1 = read(first);
    assertThat(s1.get("platform").asText()).isEqualTo("retail");
    assertThat(s1.get("full").asBoolean()).isTrue();
    assertThat(s1.get("runs")).hasSize(2);
    assertThat(s1.get("runs").get(1).get("full").asBoolean()).isFalse();
    assertThat(s1.get("skus").asLong()).isPositive();
    assertThat(s1.get("rateLimited").asLong()).isZero();
    for (String field : List.of("platform", "full", "skus", "stockLevels", "salesOrders", "salesLines", "deactivated",
        "requests", "rateLimited", "retries", "elapsedMillis")) {
      assertThat(s1.has(field)).as(field).isTrue();
    }
    // the simulated activity: an archived item, a new sale and stock changes reach the second run
    JsonNode incremental = s1.get("runs").get(1);
    assertThat(incremental.get("deactivated").asLong()).isEqualTo(1);
    // one page per stream and the voided re-check: proportional to the changes, not to the catalogue
    assertThat(incremental.get("requests").asLong()).isLessThanOrEqualTo(8);
    assertThat(run1.out()).contains("full sync", "incremental sync", "Database now holds");

    assertThat(run2.exitCode()).as(run2.err()).isZero();
    assertThat(read(second).get("full").asBoolean()).isFalse();
  }

  /**
   * The default run (embedded testkit, API time 60 times faster) prints the shop activity it
   * simulates between its two syncs; the second sync must store exactly that. The testkit's data is
   * generated from a seed, so the test builds the same shops, applies the same activity, and compares
   * the database of a run without the activity with the shops before it, and the database of the
   * default run with the shops after it: stock, SKUs and sales, every row.
   */
  @Test
  void theSecondDefaultRunStoresExactlyTheShopActivityItPrints() throws IOException {
    String[] sizes = {"--testkit-items", "500", "--testkit-sales", "300", "--testkit-shops", "3", "--progress", "none"};
    String before = "jdbc:h2:file:" + dir.resolve("before").toAbsolutePath();
    String after = "jdbc:h2:file:" + dir.resolve("after").toAbsolutePath();

    AppRun once = AppRun.of(concat(concat(new String[] {"--db", before, "--no-activity"}, sizes)));
    AppRun twice = AppRun.of(concat(concat(new String[] {"--db", after}, sizes)));

    assertThat(once.exitCode()).as(once.err()).isZero();
    assertThat(twice.exitCode()).as(twice.err()).isZero();
    try (dev.lightspeedsync.examples.support.EmbeddedLightspeed shops =
        dev.lightspeedsync.examples.support.EmbeddedLightspeed.start(3, 500, 300, 60)) {
      Map<String, Object> quiet = truth(shops.server(), null);
      String activity = shops.simulateActivity();
      @SuppressWarnings("unchecked")
      Map<String, Object> busy = truth(shops.server(), ((Map<String, Boolean>) quiet.get("skus")).keySet());

      assertThat(twice.out()).contains("Shop activity: " + activity);
      for (String what : List.of("skus", "stock", "sales")) {
        assertThat(busy.get(what)).as("the activity changes " + what).isNotEqualTo(quiet.get(what));
      }
      assertThat(exported(before)).as("one sync").isEqualTo(quiet);
      assertThat(exported(after)).as("the second sync, after the activity").isEqualTo(busy);
    }
  }

  /**
   * What the database should hold for {@code truth}: SKU id -> active, stock, sales lines. The SKUs
   * are the inventory items that are not archived, or with {@code synced} (the SKUs a first sync
   * stored) those, active while not archived: an item archived later is deactivated, not erased.
   */
  private static Map<String, Object> truth(LightspeedTestServer truth, java.util.Set<String> synced) {
    Map<String, Boolean> skus = new TreeMap<>();
    truth.retail().stream("Item").filter(r -> !r.require("itemType").equals("non_inventory"))
        .filter(r -> synced == null ? !r.getBoolean("archived") : synced.contains(Long.toString(r.id())))
        .forEach(r -> skus.put(Long.toString(r.id()), !r.getBoolean("archived")));
    Map<String, Long> stock = new TreeMap<>();
    truth.retail().stream("ItemShop").filter(r -> r.getLong("shopID") != 0)
        .forEach(r -> stock.put(r.getLong("itemID") + "@" + r.getLong("shopID"), r.getDecimal("qoh").longValue()));
    Map<String, String> sales = new TreeMap<>();
    truth.retail().stream("Sale").filter(r -> r.getBoolean("completed") && !r.getBoolean("voided") && !r.getBoolean("archived"))
        .forEach(sale -> truth.retail().saleLines(sale.id()).stream()
            .filter(l -> l.getLong("itemID") != 0 && l.getDecimal("unitQuantity").signum() != 0)
            .forEach(l -> sales.put(sale.id() + "/" + l.id(), l.getLong("itemID") + " x "
                + l.getDecimal("unitQuantity").longValue())));
    return Map.of("skus", skus, "stock", stock, "sales", sales);
  }

  /** The same three maps, from {@code export} of {@code database}. */
  private Map<String, Object> exported(String database) throws IOException {
    Map<String, Boolean> skus = new TreeMap<>();
    for (JsonNode n : exportOf(database, "skus")) {
      skus.put(n.get("id").asText(), n.get("active").asBoolean());
    }
    Map<String, Long> stock = new TreeMap<>();
    for (JsonNode n : exportOf(database, "stock")) {
      stock.put(n.get("skuId").asText() + "@" + n.get("locationId").asText(), n.get("onHand").asLong());
    }
    Map<String, String> sales = new TreeMap<>();
    for (JsonNode n : exportOf(database, "sales")) {
      sales.put(n.get("orderId").asText() + "/" + n.get("lineId").asText(), n.get("skuId").asText() + " x "
          + n.get("quantity").asLong());
    }
    return Map.of("skus", skus, "stock", stock, "sales", sales);
  }

  private List<JsonNode> exportOf(String database, String what) throws IOException {
    AppRun run = AppRun.of("export", "--db", database, "--what", what);
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.outLines()) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  /**
   * {@code --deadline} is real time even though the embedded testkit's API clock, on which the
   * engine measures it, runs {@code --time-scale} times faster: 60 s at x100000 would be 0.6 ms.
   */
  @Test
  void theDeadlineOfAnEmbeddedRunIsRealTimeNotTheFasterApiTime() throws IOException {
    Path summary = dir.resolve("deadline.json");

    AppRun run = AppRun.of("--db", db(), "--testkit-items", "300", "--testkit-sales", "100", "--testkit-shops", "2",
        "--time-scale", "100000", "--progress", "none", "--deadline", "60s", "--summary-json", summary.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(read(summary).get("runs")).hasSize(2).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("COMPLETE"));
  }

  @Test
  void aSyncEqualsTheServersTruthAndTheSecondSyncIsIncremental() throws IOException {
    start(TestkitConfig.builder().shops(3).items(400).sales(300).orders(0));
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");

    AppRun run1 = AppRun.of(accountArgs("--summary-json", first.toString()).toArray(String[]::new));
    assertThat(run1.exitCode()).as(run1.err()).isZero();
    JsonNode s1 = read(first);
    List<TestkitRecord> items = server.retail().stream("Item").collect(Collectors.toList());
    long activeItems = items.stream()
        .filter(r -> !r.getBoolean("archived") && !r.require("itemType").equals("non_inventory")).count();
    long stockRows = server.retail().stream("ItemShop").filter(r -> r.getLong("shopID") != 0).count();
    List<TestkitRecord> completed = server.retail().stream("Sale")
        .filter(r -> r.getBoolean("completed") && !r.getBoolean("voided") && !r.getBoolean("archived")).collect(Collectors.toList());
    assertThat(s1.get("full").asBoolean()).isTrue();
    assertThat(s1.get("embedded").asBoolean()).isFalse();
    assertThat(s1.get("skus").asLong()).isEqualTo(activeItems);
    assertThat(s1.get("stockLevels").asLong()).isEqualTo(stockRows);
    assertThat(s1.get("salesOrders").asLong()).isEqualTo(completed.size());
    assertThat(s1.get("rateLimited").asLong()).isZero();
    assertThat(exportedStock()).isEqualTo(truthStock());

    // the shops change; the next sync is incremental and brings the database back to the truth
    time.advance(Duration.ofMinutes(30));
    List<Long> sellable = items.stream()
        .filter(r -> !r.getBoolean("archived") && r.require("itemType").equals("default")).map(TestkitRecord::id)
        .limit(2).collect(Collectors.toList());
    long item = sellable.get(0);
    long archived = sellable.get(1);
    server.retail().setStock(item, 1, 123);
    server.retail().archiveItem(archived);
    time.advance(Duration.ofMinutes(1));

    AppRun run2 = AppRun.of(accountArgs("--summary-json", second.toString()).toArray(String[]::new));

    assertThat(run2.exitCode()).as(run2.err()).isZero();
    JsonNode s2 = read(second);
    assertThat(s2.get("full").asBoolean()).isFalse();
    // the app's shop check, then one request per pass (shops, vendors, items, composites, item shops,
    // customers, sales, voided re-check) plus the changes; the full run is itself cheap now that stock
    // comes with the item walk
    assertThat(s2.get("requests").asLong()).isLessThanOrEqualTo(9).isLessThan(s1.get("requests").asLong());
    assertThat(exportedStock()).isEqualTo(truthStock()).containsEntry(item + "@1", 123L);
    Map<String, Boolean> active = new TreeMap<>();
    for (JsonNode sku : export("skus")) {
      active.put(sku.get("id").asText(), sku.get("active").asBoolean());
    }
    assertThat(active.get(Long.toString(archived))).isFalse();
    assertThat(active.values().stream().filter(a -> a).count()).isEqualTo(activeItems - 1);
  }

  /**
   * Every request of a run is in its summary, the shop check the app sends before the engine runs
   * (to find the default location) included: the summary's count equals the server's log.
   */
  @Test
  void theSummaryCountsEveryRequestTheServerAnsweredTheShopCheckIncluded() throws IOException {
    start(TestkitConfig.builder().shops(2).items(150).sales(60).orders(0));
    Path summary = dir.resolve("requests.json");

    AppRun run = AppRun.of(accountArgs("--summary-json", summary.toString()).toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<dev.lightspeedsync.testkit.Inspection.Request> answered = server.inspect().recentRequests();
    long apiRequests = answered.stream().filter(r -> r.api().equals("retail")).count();
    assertThat(answered).as("the shop check: one Shop request before the engine's own")
        .filteredOn(r -> r.target().contains("/Shop.json")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(read(summary).get("requests").asLong()).isEqualTo(apiRequests);
  }

  @Test
  void exportWritesJsonLinesWithTheDocumentedFields() throws IOException {
    start(TestkitConfig.builder().shops(2).items(120).sales(80).orders(0));
    assertThat(AppRun.of(accountArgs().toArray(String[]::new)).exitCode()).isZero();

    List<JsonNode> skus = export("skus");
    List<JsonNode> stock = export("stock");
    List<JsonNode> sales = export("sales");

    assertThat(skus).isNotEmpty().allSatisfy(n -> {
      assertThat(fieldNames(n)).containsExactly("id", "sku", "name", "active");
      assertThat(n.get("id").isTextual()).isTrue();
      assertThat(n.get("active").isBoolean()).isTrue();
    });
    assertThat(stock).isNotEmpty().allSatisfy(n -> {
      assertThat(fieldNames(n)).containsExactly("skuId", "locationId", "onHand");
      assertThat(n.get("skuId").isTextual()).isTrue();
      assertThat(n.get("locationId").isTextual()).isTrue();
      assertThat(n.get("onHand").isIntegralNumber()).isTrue();
    });
    assertThat(sales).isNotEmpty().allSatisfy(n -> {
      assertThat(fieldNames(n)).containsExactly("orderId", "lineId", "skuId", "quantity");
      assertThat(n.get("orderId").isTextual()).isTrue();
      assertThat(n.get("quantity").isIntegralNumber()).isTrue();
    });
    long truthLines = server.retail().stream("Sale").filter(r -> r.getBoolean("completed") && !r.getBoolean("voided") && !r.getBoolean("archived"))
        .mapToLong(r -> server.retail().saleLines(r.id()).stream()
            .filter(l -> l.getLong("itemID") != 0 && l.getDecimal("unitQuantity").signum() != 0).count())
        .sum();
    assertThat(sales).hasSize((int) truthLines);
    Path file = dir.resolve("skus.jsonl");
    AppRun toFile = AppRun.of("export", "--db", db(), "--what", "skus", "--out", file.toString());
    assertThat(toFile.exitCode()).isZero();
    assertThat(Files.readAllLines(file)).hasSize(skus.size());
  }

  @Test
  void anUnknownLocationExitsNonZeroWithOneLineNamingTheNearMatch() {
    start(TestkitConfig.builder().shops(3).items(20).sales(5).orders(0));
    String shop = server.retail().stream("Shop").skip(2).findFirst().orElseThrow().require("name");

    AppRun run = AppRun.of(accountArgs("--locations", "one", "--default-location", shop.toUpperCase() + "x")
        .toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.errLines()).singleElement().asString().startsWith("error: ").contains("did you mean '" + shop + "'");
  }

  @Test
  void badCredentialsExitNonZeroWithOneLineAndNoSecret() {
    start(TestkitConfig.builder().shops(1).items(10).sales(0).orders(0));
    RetailCredentials c = server.retailCredentials();
    List<String> args = new ArrayList<>(List.of("sync", "--base-url", server.retailBaseUrl().toString(),
        "--account-id", Long.toString(c.accountId()), "--client-id", c.clientId(),
        "--client-secret", "not-the-secret-0123", "--refresh-token", "not-a-refresh-token-4567",
        "--access-token", "not-an-access-token-89ab", "--db", db()));

    AppRun run = AppRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.errLines()).singleElement().asString().startsWith("error: Lightspeed rejected the credentials");
    assertThat(run.out() + run.err()).doesNotContain("not-the-secret-0123", "not-a-refresh-token-4567",
        "not-an-access-token-89ab");
  }

  @Test
  void anUnreachableUrlExitsWithFourAndOneLine() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort(); // closed again before the app connects: nothing listens there
    }
    String[] args = {"sync", "--base-url", "http://127.0.0.1:" + closedPort + "/", "--account-id", "1",
        "--client-id", "id", "--client-secret", "secret-unreachable-1", "--refresh-token", "refresh-unreachable-2",
        "--access-token", "access-unreachable-3", "--db", db(), "--max-attempts", "1"};

    AppRun run = AppRun.of(args);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
    assertThat(run.errLines()).singleElement().asString().startsWith("error: ");
    assertThat(run.out() + run.err()).doesNotContain("secret-unreachable-1", "refresh-unreachable-2",
        "access-unreachable-3");
  }

  @Test
  void rotatedTokensArePersistedSoTheNextRunWorksWithTheOriginalCommandLine() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(3).shops(1).items(30).sales(10).orders(0)
        .timeSource(time).unlimited().strictRefreshRotation(true).build());
    RetailCredentials c = server.retailCredentials();
    String[] args = accountArgs().toArray(String[]::new);

    server.expireAccessTokens(); // the first run must refresh, which revokes the original refresh token
    AppRun run1 = AppRun.of(args);
    server.expireAccessTokens(); // the second run refreshes again, with the rotated token from the database
    AppRun run2 = AppRun.of(args);

    assertThat(run1.exitCode()).as(run1.err()).isZero();
    assertThat(run2.exitCode()).as(run2.err()).isZero();
    assertThat(server.inspect().tokenRefreshes()).isEqualTo(2);
    assertThat(server.inspect().isRefreshTokenActive(c.refreshToken())).isFalse();
    assertThat(run1.out() + run2.out()).doesNotContain(c.clientSecret(), c.refreshToken(), c.accessToken());
  }

  @Test
  void ecomSyncsTheEmbeddedWebshopFullThenIncremental() throws IOException {
    Path summary = dir.resolve("ecom.json");

    AppRun run = AppRun.of("sync", "--platform", "ecom", "--db", db(), "--testkit-items", "200", "--testkit-sales",
        "200", "--time-scale", "1000", "--progress", "log", "--summary-json", summary.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode s = read(summary);
    assertThat(s.get("platform").asText()).isEqualTo("ecom");
    assertThat(s.get("full").asBoolean()).isTrue();
    assertThat(s.get("skus").asLong()).isPositive();
    assertThat(s.get("salesOrders").asLong()).isPositive();
    JsonNode incremental = s.get("runs").get(1);
    assertThat(incremental.get("full").asBoolean()).isFalse();
    assertThat(incremental.get("deactivated").asLong()).isPositive(); // the hidden product's variants
    assertThat(incremental.get("stockLevels").asLong()).isPositive(); // the stock change
    assertThat(export("skus")).hasSize((int) s.get("skus").asLong());
  }

  /**
   * The eCom progress shows each stream once per sync, with the figures of the summary: an order's
   * lines ({@code orders/1/products.json}) are part of sales, not a second "catalogue".
   */
  @Test
  void ecomProgressShowsEachStreamOnceWithTheSummarysFigures() throws IOException {
    Path summary = dir.resolve("ecom-progress.json");

    AppRun run = AppRun.of("sync", "--platform", "ecom", "--db", db(), "--testkit-items", "200", "--testkit-sales",
        "200", "--time-scale", "1000", "--progress", "log", "--no-activity", "--summary-json", summary.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode s = read(summary);
    List<String> done = run.outLines().stream().filter(l -> l.endsWith(" done")).toList();
    assertThat(done).as(run.out()).hasSize(2);
    assertThat(done.get(0)).startsWith("catalogue ").contains(String.format(java.util.Locale.ROOT, "%,d SKUs",
        s.get("skus").asLong()));
    assertThat(done.get(1)).startsWith("sales ").contains(String.format(java.util.Locale.ROOT, "%,d sales orders",
        s.get("salesOrders").asLong()));
    assertThat(s.get("salesOrders").asLong()).isPositive();
  }

  /**
   * One database holds one account: an R-Series item and an eCom variant can share an id, so a
   * second account synced into the same database would overwrite the first one's records.
   */
  @Test
  @org.junit.jupiter.api.Timeout(120) // webhooks serves until stopped: a regression must fail, not hang
  void aSecondAccountIsRefusedADatabaseThatHoldsAnotherAccountsDataAndNothingIsOverwritten() throws IOException {
    AppRun retail = AppRun.of("sync", "--db", db(), "--testkit-items", "200", "--testkit-sales", "100",
        "--testkit-shops", "2", "--time-scale", "1000", "--progress", "none", "--no-activity");
    assertThat(retail.exitCode()).as(retail.err()).isZero();
    List<JsonNode> skus = export("skus");
    List<JsonNode> stock = export("stock");

    AppRun ecom = AppRun.of("sync", "--platform", "ecom", "--db", db(), "--testkit-items", "200", "--testkit-sales",
        "200", "--time-scale", "1000", "--progress", "none", "--no-activity");
    AppRun xseries = AppRun.of("sync", "--platform", "xseries", "--db", db(), "--testkit-items", "100",
        "--testkit-sales", "50", "--time-scale", "1000", "--progress", "none", "--no-activity");
    AppRun webhooks = AppRun.of("webhooks", "--db", db(), "--port", "0");
    AppRun sameAccount = AppRun.of("sync", "--db", db(), "--testkit-items", "200", "--testkit-sales", "100",
        "--testkit-shops", "2", "--time-scale", "1000", "--progress", "none", "--no-activity");

    for (AppRun refused : List.of(ecom, xseries, webhooks)) {
      assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.SETTINGS_MISMATCH);
      assertThat(refused.errLines()).as(refused.err()).hasSize(1).first().asString()
          .contains("holds the synced data of account retail:").contains("a database of its own (--db)");
    }
    assertThat(export("skus")).isEqualTo(skus);
    assertThat(export("stock")).isEqualTo(stock);
    assertThat(sameAccount.exitCode()).as(sameAccount.err()).isZero(); // the account itself syncs on
  }

  @Test
  void anUnknownPlatformIsOneLineAndExitStatusTwo() {
    AppRun run = AppRun.of("sync", "--platform", "x-series", "--db", db());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("retail, ecom or xseries");
  }

  @Test
  void reimportFromADateReadsTheOlderRecordsAgain() throws IOException {
    start(TestkitConfig.builder().shops(2).items(150).sales(120).orders(0));
    Path first = dir.resolve("first.json");
    Path again = dir.resolve("again.json");
    assertThat(AppRun.of(accountArgs("--summary-json", first.toString()).toArray(String[]::new)).exitCode()).isZero();

    AppRun reimport = AppRun.of(accountArgs("--reimport-from", "2020-01-01", "--summary-json", again.toString())
        .toArray(String[]::new));

    assertThat(reimport.exitCode()).as(reimport.err()).isZero();
    JsonNode s = read(again);
    assertThat(s.get("full").asBoolean()).isFalse();
    assertThat(s.get("skus").asLong()).isEqualTo(read(first).get("skus").asLong());
    assertThat(s.get("salesOrders").asLong()).isEqualTo(read(first).get("salesOrders").asLong());
    assertThat(AppRun.of(accountArgs("--reimport-from", "last tuesday").toArray(String[]::new)).exitCode())
        .isEqualTo(2);
  }

  @Test
  void dryRunReadsButWritesNothing() throws IOException {
    start(TestkitConfig.builder().shops(2).items(50).sales(20).orders(0));
    Path summary = dir.resolve("dry.json");

    AppRun run = AppRun.of(accountArgs("--dry-run", "--summary-json", summary.toString()).toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(read(summary).get("skus").asLong()).isPositive();
    assertThat(export("skus")).isEmpty();
    assertThat(export("stock")).isEmpty();
  }

  @Test
  void helpNamesTheEnvironmentVariables() {
    AppRun run = AppRun.of("sync", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("LIGHTSPEED_CLIENT_SECRET", "LIGHTSPEED_REFRESH_TOKEN", "--summary-json",
        "--read-only", "--dry-run", "--locations", "--default-location", "--sales");
  }

  private List<JsonNode> export(String what) throws IOException {
    AppRun run = AppRun.of("export", "--db", db(), "--what", what);
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.outLines()) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private Map<String, Long> exportedStock() throws IOException {
    Map<String, Long> out = new TreeMap<>();
    for (JsonNode n : export("stock")) {
      out.put(n.get("skuId").asText() + "@" + n.get("locationId").asText(), n.get("onHand").asLong());
    }
    return out;
  }

  private Map<String, Long> truthStock() {
    Map<String, Long> out = new TreeMap<>();
    server.retail().stream("ItemShop").filter(r -> r.getLong("shopID") != 0)
        .forEach(r -> out.put(r.getLong("itemID") + "@" + r.getLong("shopID"), r.getDecimal("qoh").longValue()));
    return out;
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}
