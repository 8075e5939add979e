package dev.lightspeedsync.sync.lightspeed.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.sync.engine.SyncRunException;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.lightspeed.CrashingSink;
import dev.lightspeedsync.sync.lightspeed.EngineRun;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.FaultPlan;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End-to-end: the R-Series connector, through the engine, against the fake server, compared with its ground truth. */
class RetailConnectorTest {
  final ManualTimeSource time = new ManualTimeSource();
  LightspeedTestServer server;
  RetailClient client;
  final SyncMetrics metrics = new SyncMetrics();

  private void start(long items, long sales) {
    start(TestkitConfig.builder().seed(42).timeSource(time).shops(3).items(items).sales(sales).orders(0));
  }

  private void start(TestkitConfig.Builder config) {
    server = LightspeedTestServer.start(config.build());
    RetailCredentials creds = server.retailCredentials();
    Clock clock = time.asClock();
    Sleeper sleeper = time::sleep;
    client = RetailClient.builder()
        .accountId(creds.accountId())
        .baseUrl(server.origin() + "/")
        .oauth(OauthClientCredentials.of(creds.clientId(), creds.clientSecret()),
            TokenStore.inMemory(TokenPair.of(creds.accessToken(), creds.refreshToken(),
                time.now().plusSeconds(creds.expiresInSeconds()))))
        .listener(metrics)
        .clock(clock)
        .sleeper(sleeper)
        .build();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private EngineRun runner(dev.lightspeedsync.sync.spi.SyncSink sink) {
    String anyShop = server.retail().stream("Shop").findFirst().orElseThrow().require("name");
    Clock clock = Clock.fixed(time.now(), ZoneOffset.UTC);
    return new EngineRun(RetailConnector.builder().client(client).metrics(metrics).clock(clock).build(), sink,
        SyncSettings.builder()
            .location(LocationConfig.builder().strategy(LocationStrategy.ALL).defaultLocationCode(anyShop).build())
            .build(), clock);
  }

  /** What the sink must hold according to the server's ground truth and the default rules. */
  private void assertSinkEqualsTruth(InMemorySyncSink sink) {
    Map<String, String> shops = server.retail().stream("Shop")
        .collect(Collectors.toMap(r -> Long.toString(r.id()), r -> r.require("name")));
    assertThat(sink.locations().stream().collect(Collectors.toMap(l -> l.id(), l -> l.code()))).isEqualTo(shops);
    Map<String, String> vendors = server.retail().stream("Vendor")
        .collect(Collectors.toMap(r -> Long.toString(r.id()), r -> r.get("name").filter(n -> !n.isBlank())
            .orElse("Vendor " + r.id())));
    assertThat(vendors).isNotEmpty();
    assertThat(sink.findSuppliers(vendors.keySet()).values().stream()
        .collect(Collectors.toMap(s -> s.id(), s -> s.name()))).isEqualTo(vendors);
    List<TestkitRecord> items = server.retail().stream("Item").collect(Collectors.toList());
    Set<String> allIds = items.stream().map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    Set<String> expectedActive = items.stream()
        .filter(r -> !r.getBoolean("archived") && !r.require("itemType").equals("non_inventory"))
        .map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    Map<String, Sku> stored = sink.findSkus(allIds);

    // Rule 2 (seed 000/001): synced SKUs without a (known) vendor get an "Unknown Supplier" entry in the
    // connection log; the purchase price is the item's default cost.
    Set<String> noVendor = items.stream()
        .filter(r -> expectedActive.contains(Long.toString(r.id())) && !vendors.containsKey(r.require("defaultVendorID")))
        .map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    Set<String> flagged = sink.openIssues(RecordKind.SKU).stream()
        .filter(i -> i.reason() == ReasonCode.UNKNOWN_SUPPLIER).map(i -> i.recordId()).collect(Collectors.toSet());
    assertThat(noVendor).isNotEmpty();

    assertThat(flagged).containsAll(noVendor);
    for (String id : flagged) {
      TestkitRecord item = items.stream().filter(r -> Long.toString(r.id()).equals(id)).findFirst().orElseThrow();
      assertThat(vendors).as("flagged item " + id + " has a known vendor").doesNotContainKey(item.require("defaultVendorID"));
    }
    for (TestkitRecord r : items) {
      Sku sku = stored.get(Long.toString(r.id()));
      if (sku != null && sku.active() && r.get("defaultCost").isPresent()) {
        assertThat(sku.purchasePrice()).as("purchase price of " + r.id()).hasValueSatisfying(
            p -> assertThat(p).isEqualByComparingTo(r.getDecimal("defaultCost")));
      }
    }
    Set<String> storedActive = stored.values().stream().filter(Sku::active).map(Sku::id).collect(Collectors.toSet());
    Set<String> missing = new java.util.TreeSet<>(expectedActive);
    missing.removeAll(storedActive);
    Set<String> extra = new java.util.TreeSet<>(storedActive);
    extra.removeAll(expectedActive);
    assertThat(missing).as("active SKUs missing from the sink (of %s expected, %s stored)", expectedActive.size(),
        stored.size()).isEmpty();
    assertThat(extra).as("SKUs active in the sink but not in Lightspeed").isEmpty();

    Map<String, Long> expectedStock = new TreeMap<>();
    server.retail().stream("ItemShop").filter(r -> r.getLong("shopID") != 0)
        .forEach(r -> expectedStock.put(r.getLong("itemID") + "@" + r.getLong("shopID"),
            r.getDecimal("qoh").longValue()));
    Map<String, Long> storedStock = new TreeMap<>();
    for (StockLevel s : sink.findStock(allIds)) {
      assertThat(storedStock.put(s.skuId() + "@" + s.locationId(), s.onHand())).as("duplicate stock row").isNull();
    }
    Map<String, Long> wrongStock = new TreeMap<>();
    expectedStock.forEach((k, v) -> {
      if (!v.equals(storedStock.get(k))) {
        wrongStock.put(k, storedStock.get(k));
      }
    });
    assertThat(wrongStock).as("stock rows missing or wrong (of %s expected, %s stored)", expectedStock.size(),
        storedStock.size()).isEmpty();
    Set<String> phantom = new java.util.TreeSet<>(storedStock.keySet());
    phantom.removeAll(expectedStock.keySet());
    assertThat(phantom).as("stock rows that do not exist").isEmpty();

    List<TestkitRecord> sales = server.retail().stream("Sale").collect(Collectors.toList());
    Set<String> expectedSales = sales.stream()
        .filter(r -> r.getBoolean("completed") && !r.getBoolean("voided") && !r.getBoolean("archived"))
        .map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    Map<String, SalesOrder> storedSales = sink.findSales(sales.stream().map(r -> Long.toString(r.id())).collect(Collectors.toList()));
    Set<String> counted = storedSales.values().stream().filter(o -> o.status() == SaleStatus.COMPLETED)
        .map(SalesOrder::id).collect(Collectors.toSet());
    Set<String> missingSales = new java.util.TreeSet<>(expectedSales);
    missingSales.removeAll(counted);
    Set<String> extraSales = new java.util.TreeSet<>(counted);
    extraSales.removeAll(expectedSales);
    assertThat(missingSales).as("completed sales missing (of %s expected, %s stored in total)", expectedSales.size(),
        storedSales.size()).isEmpty();
    assertThat(extraSales).as("sales counted but not completed in Lightspeed").isEmpty();
    Map<String, Long> expectedLines = server.retail().stream("SaleLine")
        .filter(l -> l.getLong("itemID") != 0 && l.getDecimal("unitQuantity").signum() != 0)
        .collect(Collectors.groupingBy(l -> Long.toString(l.getLong("saleID")), Collectors.counting()));
    for (SalesOrder o : storedSales.values()) {
      if (o.status() == SaleStatus.COMPLETED) {
        assertThat((long) o.lines().size()).as("lines of sale " + o.id()).isEqualTo(expectedLines.getOrDefault(o.id(), 0L));
      }
    }
  }

  @Test
  void fullThenIncrementalSyncEqualsTheTruthAndIncrementalCostsScaleWithChanges() {
    start(2_000, 3_000);
    InMemorySyncSink sink = new InMemorySyncSink();
    EngineRun runner = runner(sink);

    SyncReport full = runner.runOnce();

    assertThat(full.full()).isTrue();
    assertThat(full.rateLimited()).isZero();
    assertSinkEqualsTruth(sink);
    assertThat(EngineRun.stream(full, SyncStream.CATALOGUE).read()).isEqualTo(2_000);

    // Mutations: stock changes, a new sale, an archived item.
    time.advance(Duration.ofMinutes(30));
    server.retail().setStock(5, 1, 77);
    server.retail().adjustStock(6, 2, 3);
    long newSale = server.retail().addCompletedSale(1, Map.of(7L, 2L));
    server.retail().archiveItem(8);
    time.advance(Duration.ofMinutes(1));

    SyncReport incremental = runner.runOnce();

    assertThat(incremental.full()).isFalse();
    assertSinkEqualsTruth(sink);
    assertThat(sink.findSales(List.of(Long.toString(newSale)))).containsKey(Long.toString(newSale));
    // One page per pass (shops, vendors, items, assemblies and boxes, ItemShop feed, customers, sales,
    // voided re-check): requests follow the changes, not the 2,000-item catalogue.
    assertThat(incremental.requests()).isLessThanOrEqualTo(8);
    assertThat(full.requests()).isGreaterThan(40);
  }

  @Test
  void twentyThousandSkusAndFiftyThousandSalesUnderFaultsAndALowBucketEqualTheTruth() {
    FaultPlan faults = FaultPlan.seeded(5)
        .with(Fault.SERVER_ERROR, 0.05)
        .with(Fault.DROP_CONNECTION, 0.02)
        .with(Fault.TRUNCATED_BODY, 0.01);
    start(TestkitConfig.builder().seed(43).timeSource(time).shops(3).items(20_000).sales(50_000).orders(0)
        .bucketSize(30).dripRate(1).faults(faults));
    InMemorySyncSink sink = new InMemorySyncSink();

    SyncReport report = runner(sink).runOnce();

    assertSinkEqualsTruth(sink);
    assertThat(report.retries()).isPositive();
    assertThat(report.rateLimited()).isZero();
    assertThat(server.inspect().faults(Fault.SERVER_ERROR)).isPositive();
    assertThat(server.inspect().faults(Fault.DROP_CONNECTION)).isPositive();
    assertThat(server.inspect().faults(Fault.TRUNCATED_BODY)).isPositive();
  }

  @ParameterizedTest(name = "crash after {0} pages, then resume")
  @ValueSource(ints = {1, 7, 23, 41})
  void aSyncKilledAtAPageResumesFromItsCheckpointWithoutDuplicates(int pagesBeforeCrash) {
    start(1_500, 2_500);
    InMemorySyncSink durable = new InMemorySyncSink();
    CrashingSink crashing = new CrashingSink(durable, pagesBeforeCrash);

    assertThatThrownBy(() -> runner(crashing).runOnce()).isInstanceOf(CrashingSink.Crash.class);
    long requestsBefore = metrics.requests();
    runner(durable.reopen()).runOnce();
    long resumeRequests = metrics.requests() - requestsBefore;

    assertSinkEqualsTruth(durable);
    // the rerun continued from the checkpoint instead of starting over
    int totalPages = 1 + 15 + 60 + 25; // shops, items, item shops (3 shops + summary row), sales
    assertThat(resumeRequests).isLessThanOrEqualTo(totalPages - pagesBeforeCrash + 3);
  }

  @Test
  void anUnknownLocationFailsBeforeAnythingIsWrittenNamingTheNearMatch() {
    start(50, 10);
    InMemorySyncSink sink = new InMemorySyncSink();
    String shop = server.retail().stream("Shop").findFirst().orElseThrow().require("name");
    EngineRun runner = new EngineRun(RetailConnector.builder().client(client).build(), sink, SyncSettings.builder()
        .location(LocationConfig.builder().strategy(LocationStrategy.ONE).defaultLocationCode(shop.toUpperCase()).build())
        .build(), Clock.systemUTC());

    assertThatThrownBy(runner::runOnce).isInstanceOf(SyncRunException.class)
        .hasMessageContaining("did you mean '" + shop + "'");
    assertThat(sink.checkpoint(runner.streamName(SyncStream.CATALOGUE))).isEmpty();
  }

  @Test
  void aSaleVoidedAfterItWasSyncedStopsCountingAsDemand() {
    start(100, 50);
    InMemorySyncSink sink = new InMemorySyncSink();
    EngineRun runner = runner(sink);
    runner.runOnce();
    long saleId = server.retail().stream("Sale")
        .filter(r -> r.getBoolean("completed") && !r.getBoolean("voided") && !r.getBoolean("archived")).findFirst().orElseThrow().id();
    assertThat(sink.findSales(List.of(Long.toString(saleId))).get(Long.toString(saleId)).status())
        .isEqualTo(SaleStatus.COMPLETED);

    time.advance(Duration.ofMinutes(10));
    server.retail().voidSale(saleId);
    runner.runOnce();

    assertThat(sink.findSales(List.of(Long.toString(saleId))).get(Long.toString(saleId)).status())
        .isEqualTo(SaleStatus.VOIDED);
    assertSinkEqualsTruth(sink);
  }

  @Test
  void reimportFromADateMovesTheCheckpointBack() {
    start(200, 100);
    InMemorySyncSink sink = new InMemorySyncSink();
    EngineRun runner = runner(sink);
    runner.runOnce();
    Checkpoint before = sink.checkpoint(runner.streamName(SyncStream.SALES)).orElseThrow();

    SyncReport again = runner.reimportFrom(Instant.EPOCH, Set.of(SyncStream.SALES));

    assertThat(EngineRun.stream(again, SyncStream.SALES).read()).isEqualTo(100);
    assertThat(sink.checkpoint(runner.streamName(SyncStream.SALES)).orElseThrow().position())
        .isEqualTo(before.position());
    assertSinkEqualsTruth(sink);
  }

  @Test
  void assembliesAndBoxesAreReadWithTheirComponentsOnlyAndTheirSalesBecomeDemandOnTheComponents() {
    start(2_000, 3_000);
    InMemorySyncSink sink = new InMemorySyncSink();
    server.inspect().reset();

    runner(sink).runOnce();

    Map<String, Map<String, Long>> truth = new TreeMap<>();
    server.retail().stream("ItemComponent").forEach(c -> truth.computeIfAbsent(c.require("assemblyItemID"),
        k -> new TreeMap<>()).merge(c.require("componentItemID"), c.getLong("quantity"), Long::sum));
    assertThat(truth).as("the testkit has assemblies and boxes").hasSizeGreaterThan(20);
    Map<String, Sku> stored = sink.findSkus(truth.keySet());
    truth.forEach((id, components) -> {
      Sku sku = stored.get(id);
      if (sku != null && sku.active()) {
        assertThat(sku.composite()).as("components of %s", id).hasValueSatisfying(d -> assertThat(
            d.components().stream().collect(Collectors.toMap(c -> c.skuId(), c -> c.quantity(), Long::sum)))
            .isEqualTo(components));
      }
    });
    // ItemComponents is loaded only on the filtered walk of the items that can have components
    List<String> withComponents = server.inspect().recentRequests().stream().map(r -> r.target())
        .filter(t -> t.contains("ItemComponents")).collect(Collectors.toList());
    assertThat(withComponents).isNotEmpty().allMatch(t -> t.contains("itemType"));
    long itemPages = server.inspect().recentRequests().stream().filter(r -> r.target().contains("/Item.json")).count();
    assertThat(withComponents.size()).as("pages of composites vs all item pages").isLessThan((int) itemPages / 5);

    // a completed sale of an assembly is demand on its components, not on the assembly
    SalesOrder sold = sink.findSales(server.retail().stream("Sale").map(r -> Long.toString(r.id())).toList()).values()
        .stream().filter(o -> o.status() == SaleStatus.COMPLETED)
        .filter(o -> o.lines().stream().anyMatch(l -> stored.containsKey(l.skuId()) && stored.get(l.skuId()).active()))
        .findFirst().orElseThrow();
    var line = sold.lines().stream().filter(l -> stored.containsKey(l.skuId())).findFirst().orElseThrow();
    Set<String> components = truth.get(line.skuId()).keySet();
    List<dev.lightspeedsync.sync.model.Demand> demand = sink.findDemand(components).stream()
        .filter(d -> d.orderId().equals(sold.id()) && d.lineId().equals(line.lineId())).toList();
    assertThat(demand).isNotEmpty().allSatisfy(d -> {
      assertThat(d.path()).startsWith(line.skuId());
      assertThat(d.soldSkuId()).isEqualTo(line.skuId());
    });
    assertThat(sink.findDemand(List.of(line.skuId()))).filteredOn(d -> d.orderId().equals(sold.id())
        && d.lineId().equals(line.lineId())).isEmpty();
  }

  @Test
  void customersAreSyncedWithTheirContactDataAndArchivedOnesAreStoredInactive() {
    start(TestkitConfig.builder().seed(42).timeSource(time).shops(1).items(10).sales(0).orders(0).customers(450));
    InMemorySyncSink sink = new InMemorySyncSink();

    SyncReport report = runner(sink).run(Set.of(SyncStream.CUSTOMERS));

    List<TestkitRecord> truth = server.retail().stream("Customer").collect(Collectors.toList());
    Map<String, dev.lightspeedsync.sync.model.Customer> stored =
        sink.findCustomers(truth.stream().map(r -> Long.toString(r.id())).toList());
    assertThat(stored).hasSize(truth.size());
    assertThat(EngineRun.stream(report, SyncStream.CUSTOMERS).pages()).isEqualTo(5);
    for (TestkitRecord r : truth) {
      dev.lightspeedsync.sync.model.Customer c = stored.get(Long.toString(r.id()));
      assertThat(c.lastName()).as("customer %s", r.id()).contains(r.require("lastName"));
      assertThat(c.firstName()).contains(r.require("firstName"));
      assertThat(c.company()).isEqualTo(r.get("company").filter(v -> !v.isBlank()));
      // the testkit renders the contact's e-mail as customer<id>@mail.example (4 in 5 customers have one)
      c.email().ifPresent(e -> assertThat(e).isEqualTo("customer" + r.id() + "@mail.example"));
      assertThat(c.active()).isEqualTo(!r.getBoolean("archived"));
    }
    assertThat(stored.values()).anyMatch(c -> !c.active()).anyMatch(c -> c.email().isPresent())
        .anyMatch(c -> c.email().isEmpty()).anyMatch(c -> c.phone().isPresent());
  }
}
