package dev.lightspeedsync.sync.lightspeed.xseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.RateLimitPolicy;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncRunException;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.CrashingSink;
import dev.lightspeedsync.sync.lightspeed.EngineRun;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.model.Demand;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.spi.Bookmark;
import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.spi.ForwardingSyncSink;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import dev.lightspeedsync.testkit.XSeriesCredentials;
import dev.lightspeedsync.testkit.XSeriesData;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End-to-end: the X-Series connector, through the engine, against the fake retailer, compared with its ground truth. */
class XSeriesConnectorTest {
  final ManualTimeSource time = new ManualTimeSource();
  final SyncMetrics metrics = new SyncMetrics();
  LightspeedTestServer server;
  XSeriesClient client;
  XSeriesTruth truth;

  static TestkitConfig.Builder retailer(long products, long sales) {
    return TestkitConfig.builder().seed(21).items(0).sales(0).orders(0).xseriesOutlets(3).xseriesProducts(products)
        .xseriesSales(sales);
  }

  private void start(TestkitConfig.Builder config) {
    start(config, null);
  }

  /** Starts the retailer and a client; {@code retry} null keeps the client's default (waits up to one window). */
  private void start(TestkitConfig.Builder config, RetryConfig retry) {
    server = LightspeedTestServer.start(config.timeSource(time).build());
    XSeriesCredentials c = server.xseriesCredentials();
    Sleeper sleeper = time::sleep;
    XSeriesClient.Builder b = XSeriesClient.builder().domainPrefix(c.domainPrefix())
        .baseUrl(server.xseriesOrigin().toString()).personalToken(c.personalToken()).clock(time.asClock())
        .sleeper(sleeper).listener(metrics);
    if (retry != null) {
      b.retry(retry);
    }
    client = b.build();
    truth = new XSeriesTruth(server.xseries());
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

  private XSeriesData x() {
    return server.xseries();
  }

  private XSeriesConnector connector(Clock clock) {
    return XSeriesConnector.builder().client(client).metrics(metrics).clock(clock).build();
  }

  private EngineRun runner(SyncSink sink) {
    return runner(sink, SyncSettings.builder()
        .location(LocationConfig.builder().strategy(LocationStrategy.ALL).defaultLocationCode("Main Street").build())
        .build());
  }

  private EngineRun runner(SyncSink sink, SyncSettings settings) {
    Clock clock = Clock.fixed(time.now(), ZoneOffset.UTC);
    return new EngineRun(connector(clock), sink, settings, clock, time::sleep);
  }

  private String outlet(int index) {
    return x().outletIds().get(index);
  }

  @Test
  void fullSyncEqualsTheTruthAlthoughRecordsReappearDuringTheWalk() {
    start(retailer(1_000, 500).xseriesWalkChurn(2));
    InMemorySyncSink sink = new InMemorySyncSink();

    SyncReport full = runner(sink).runOnce();

    assertThat(full.complete()).as(full.toString()).isTrue();
    assertThat(full.full()).isTrue();
    assertThat(full.rateLimited()).isZero();
    truth.assertSinkEqualsTruth(sink);
    assertThat(EngineRun.stream(full, SyncStream.CATALOGUE).plan()).isEqualTo("products");
    assertThat(EngineRun.stream(full, SyncStream.CATALOGUE).read())
        .as("churned products are read twice, and stored once in their latest state").isGreaterThan(1_000);
    assertThat(truth.expectedStock(o -> true).values()).as("negative levels are legal").anyMatch(l -> l < 0);
    // every stream's bookmark is the version its walk reached
    for (SyncStream s : List.of(SyncStream.SUPPLIERS, SyncStream.CATALOGUE, SyncStream.STOCK, SyncStream.SALES)) {
      String position = sink.checkpoint(runner(sink).streamName(s)).orElseThrow().position();
      assertThat(position).as(s + " checkpoint").contains("bm=S%3A");
    }
  }

  @Test
  void incrementalSyncAfterMutationsEqualsTheTruthWithRequestsInProportionToTheChanges() {
    start(retailer(1_000, 500));
    InMemorySyncSink sink = new InMemorySyncSink();
    SyncReport full = runner(sink).runOnce();
    truth.assertSinkEqualsTruth(sink);

    time.advance(Duration.ofMinutes(30));
    List<String> active = List.copyOf(truth.expectedActiveSkus());
    String tracked = x().stream("products").filter(p -> p.getBoolean("has_inventory") && !XSeriesTruth.deleted(p)
        && p.getBoolean("active")).map(TestkitRecord::key).findFirst().orElseThrow();
    x().setInventory(tracked, outlet(0), -7);
    x().updateProduct(active.get(3), Map.of("name", "Renamed product"));
    x().updateProduct(active.get(4), Map.of("active", "false"));
    String deleted = x().stream("products").filter(p -> p.getBoolean("has_inventory") && !XSeriesTruth.deleted(p)
        && p.getBoolean("active") && !p.key().equals(tracked)).skip(10).map(TestkitRecord::key).findFirst().orElseThrow();
    x().deleteProduct(deleted);
    String newSale = x().addSale(outlet(1), "CLOSED", Map.of(tracked, 2L));
    time.advance(Duration.ofMinutes(1));
    long before = metrics.requests();

    SyncReport incremental = runner(sink).runOnce();

    assertThat(incremental.full()).isFalse();
    truth.assertSinkEqualsTruth(sink);
    assertThat(sink.findSkus(List.of(active.get(3))).get(active.get(3)).name()).isEqualTo("Renamed product");
    assertThat(sink.findSales(List.of(newSale))).containsKey(newSale);
    Sku gone = sink.findSkus(List.of(deleted)).get(deleted);
    assertThat(gone).as("a deleted product is deactivated, never erased").isNotNull();
    assertThat(gone.active()).isFalse();
    // outlets (1 page + the empty one), then per stream one page of changes and the empty page
    long requests = metrics.requests() - before;
    assertThat(requests).as("requests follow the changes, not the 1,000-product catalogue").isLessThanOrEqualTo(11);
    assertThat(full.requests()).isGreaterThan(40);
    assertThat(EngineRun.stream(incremental, SyncStream.CATALOGUE).read()).isBetween(3L, 6L);

    long idle = metrics.requests();
    SyncReport nothing = runner(sink).runOnce();
    assertThat(metrics.requests() - idle).as("no changes: one empty page per stream (customers included), plus the outlets")
        .isLessThanOrEqualTo(7);
    assertThat(EngineRun.stream(nothing, SyncStream.CATALOGUE).read()).isZero();
  }

  @Test
  void customersAreSyncedFullThenIncrementallyAndDeletedOnesAreStoredInactive() {
    start(retailer(20, 0).xseriesCustomers(450));
    InMemorySyncSink sink = new InMemorySyncSink();

    SyncReport full = runner(sink).run(Set.of(SyncStream.CUSTOMERS));

    assertThat(full.complete()).as(full.toString()).isTrue();
    truth.assertCustomersEqualTruth(sink);
    assertThat(EngineRun.stream(full, SyncStream.CUSTOMERS).plan()).isEqualTo("customers");
    assertThat(EngineRun.stream(full, SyncStream.CUSTOMERS).pages()).as("450 customers, 100 a page, + the empty page")
        .isEqualTo(6);
    List<String> deletedAtStart = x().deletedIds("customers").collect(Collectors.toList());
    assertThat(deletedAtStart).as("the retailer has deleted customers").isNotEmpty();
    assertThat(sink.findCustomers(deletedAtStart).values()).as("deleted customers are stored inactive")
        .hasSameSizeAs(deletedAtStart).noneMatch(dev.lightspeedsync.sync.model.Customer::active);
    String checkpoint = sink.checkpoint(runner(sink).streamName(SyncStream.CUSTOMERS)).orElseThrow().position();
    assertThat(checkpoint).as("the bookmark is the version the walk reached").contains("bm=S%3A");

    time.advance(Duration.ofMinutes(30));
    List<String> live = x().expectedIds("customers").limit(2).collect(Collectors.toList());
    x().updateCustomer(live.get(0), Map.of("email", "changed@mail.example", "last_name", "Changed"));
    x().deleteCustomer(live.get(1));
    SyncReport incremental = runner(sink).run(Set.of(SyncStream.CUSTOMERS));

    assertThat(incremental.full()).isFalse();
    truth.assertCustomersEqualTruth(sink);
    assertThat(EngineRun.stream(incremental, SyncStream.CUSTOMERS).read()).as("only the two changed customers are read")
        .isEqualTo(2);
    assertThat(EngineRun.stream(incremental, SyncStream.CUSTOMERS).pages()).isLessThanOrEqualTo(2);
    dev.lightspeedsync.sync.model.Customer changed = sink.findCustomers(List.of(live.get(0))).get(live.get(0));
    assertThat(changed.email()).contains("changed@mail.example");
    assertThat(changed.lastName()).contains("Changed");
    assertThat(changed.active()).isTrue();
    dev.lightspeedsync.sync.model.Customer gone = sink.findCustomers(List.of(live.get(1))).get(live.get(1));
    assertThat(gone).as("a customer deleted in Lightspeed stays in the sink").isNotNull();
    assertThat(gone.active()).isFalse();
  }

  /** Counts the checkpoints a run saves. */
  static final class CountingSink extends ForwardingSyncSink {
    int checkpoints;

    CountingSink(SyncSink delegate) {
      super(delegate);
    }

    @Override
    public void saveCheckpoint(Checkpoint checkpoint) {
      checkpoints++;
      super.saveCheckpoint(checkpoint);
    }
  }

  @ParameterizedTest(name = "seed {0}: crash at a random page, then resume")
  @ValueSource(longs = {1, 2, 3, 4})
  void aSyncKilledAtARandomPageResumesWithNothingLostOrStoredTwice(long seed) {
    start(retailer(600, 400));
    CountingSink counting = new CountingSink(new InMemorySyncSink());
    long cleanStart = metrics.requests();
    runner(counting).runOnce();
    long cleanRequests = metrics.requests() - cleanStart;
    int crashAt = 1 + new Random(seed).nextInt(counting.checkpoints - 1);

    InMemorySyncSink durable = new InMemorySyncSink();
    assertThatThrownBy(() -> runner(new CrashingSink(durable, crashAt)).runOnce())
        .isInstanceOf(CrashingSink.Crash.class);
    long before = metrics.requests();
    SyncReport resumed = runner(durable.reopen()).runOnce();
    long resumeRequests = metrics.requests() - before;

    assertThat(resumed.complete()).isTrue();
    truth.assertSinkEqualsTruth(durable);
    // the rerun continued from the page after the checkpoint instead of starting over
    assertThat(resumeRequests).as("crash after checkpoint %s of %s", crashAt, counting.checkpoints)
        .isLessThanOrEqualTo(cleanRequests - crashAt + 4);
  }

  @Test
  void aSaleVoidedAfterItWasSyncedStopsCountingAsDemand() {
    start(retailer(200, 150));
    InMemorySyncSink sink = new InMemorySyncSink();
    EngineRun runner = runner(sink);
    runner.runOnce();
    String sale = x().stream("sales").filter(s -> s.require("status").equals("CLOSED")).map(TestkitRecord::key)
        .findFirst().orElseThrow();
    SalesOrder stored = sink.findSales(List.of(sale)).get(sale);
    assertThat(stored.status()).isEqualTo(SaleStatus.COMPLETED);
    Set<String> sold = stored.lines().stream().map(l -> l.skuId()).collect(Collectors.toSet());
    assertThat(sink.findDemand(sold)).anyMatch(d -> d.orderId().equals(sale));

    time.advance(Duration.ofMinutes(10));
    x().setSaleStatus(sale, "VOIDED");
    runner(sink).runOnce();

    SalesOrder voided = sink.findSales(List.of(sale)).get(sale);
    assertThat(voided.status()).isEqualTo(SaleStatus.VOIDED);
    assertThat(voided.statusRaw()).contains("VOIDED");
    assertThat(sink.findDemand(sold)).extracting(Demand::orderId).doesNotContain(sale);
    truth.assertSinkEqualsTruth(sink);
  }

  @Test
  void compositeSalesBecomeDemandOnTheirComponents() {
    start(retailer(200, 0));
    InMemorySyncSink sink = new InMemorySyncSink();
    runner(sink).runOnce();
    String composite = x().stream("products").filter(p -> p.getBoolean("is_composite") && !XSeriesTruth.deleted(p)
        && p.getBoolean("active")).map(TestkitRecord::key).findFirst().orElseThrow();
    Map<String, java.math.BigDecimal> bom = x().compositeComponents(composite);
    String sale = x().addSale(outlet(0), "CLOSED", Map.of(composite, 3L));
    time.advance(Duration.ofMinutes(5));

    runner(sink).runOnce();

    Map<String, Long> onComponents = sink.findDemand(bom.keySet()).stream().filter(d -> d.orderId().equals(sale))
        .collect(Collectors.toMap(Demand::skuId, Demand::quantity, Long::sum));
    assertThat(onComponents).isEqualTo(bom.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> 3 * e.getValue().longValue())));
  }

  @Test
  void oneOutletSettingTakesStockAndSalesOfThatOutletOnlyAndMatchesCaseSensitively() {
    start(retailer(200, 200));
    InMemorySyncSink sink = new InMemorySyncSink();
    // outlets 1 and 2 are "Main Street" and "main street": the code selects exactly one of them
    runner(sink, SyncSettings.builder().location(LocationConfig.builder().strategy(LocationStrategy.ONE)
        .defaultLocationCode("main street").build()).build()).runOnce();

    String second = outlet(1);
    truth.assertSinkEqualsTruth(sink, second::equals);
    assertThat(sink.findStock(truth.productIds())).extracting(StockLevel::locationId).containsOnly(second);
    assertThat(sink.findSales(truth.saleIds()).values()).isNotEmpty()
        .allMatch(o -> o.locationId().equals(java.util.Optional.of(second)));
  }

  @Test
  void multipleOutletsSettingTakesStockAndSalesOfTheListedOutlets() {
    start(retailer(200, 200));
    InMemorySyncSink sink = new InMemorySyncSink();
    runner(sink, SyncSettings.builder().location(LocationConfig.builder().strategy(LocationStrategy.MULTIPLE)
        .defaultLocationCode("Main Street").locationCodes(List.of("Main Street", "Outlet 3")).build()).build())
        .runOnce();

    Set<String> selected = Set.of(outlet(0), outlet(2));
    truth.assertSinkEqualsTruth(sink, selected::contains);
    assertThat(sink.findStock(truth.productIds())).extracting(StockLevel::locationId)
        .containsOnly(outlet(0), outlet(2));
  }

  @Test
  void anOutletCodeInTheWrongCaseFailsBeforeAnythingIsWrittenNamingTheNearMatch() {
    start(retailer(50, 10));
    InMemorySyncSink sink = new InMemorySyncSink();
    EngineRun runner = runner(sink, SyncSettings.builder().location(LocationConfig.builder()
        .strategy(LocationStrategy.ONE).defaultLocationCode("OUTLET 3").build()).build());

    assertThatThrownBy(runner::runOnce).isInstanceOf(SyncRunException.class)
        .hasMessageContaining("did you mean 'Outlet 3'");
    assertThat(sink.checkpoint(runner.streamName(SyncStream.CATALOGUE))).isEmpty();
    assertThat(sink.findSkus(truth.productIds())).isEmpty();
  }

  @Test
  void aRateLimitWindowTheClientWillNotWaitForReachesTheEngineWhichStopsAtTheCheckpoint() {
    // 20 requests per 5 minutes, and a client that waits at most a second in-process
    start(retailer(600, 0).xseriesRateLimit(20), RetryConfig.defaults().withMaxWait(Duration.ofSeconds(1)));
    InMemorySyncSink sink = new InMemorySyncSink();
    Clock clock = time.asClock();
    SyncEngine engine = SyncEngine.builder().sink(sink).clock(clock).rateLimitPolicy(RateLimitPolicy.STOP).build();

    SyncReport stopped = engine.run(connector(clock));

    assertThat(stopped.status()).isEqualTo(SyncReport.Status.STOPPED_FOR_RATE_LIMIT);
    assertThat(stopped.resumeAfter()).isPresent();
    assertThat(stopped.rateLimited()).as("paced, not refused").isZero();
    time.set(stopped.resumeAfter().get());
    SyncReport resumed = engine.run(connector(clock));
    while (resumed.status() == SyncReport.Status.STOPPED_FOR_RATE_LIMIT) {
      time.set(resumed.resumeAfter().get());
      resumed = engine.run(connector(clock));
    }
    assertThat(resumed.complete()).isTrue();
    assertThat(sink.findSkus(truth.productIds()).values().stream().filter(Sku::active).map(Sku::id)
        .collect(Collectors.toSet())).isEqualTo(truth.expectedActiveSkus());
  }

  @Test
  void aBookmarkThatIsNotAVersionIsReadFromTheBeginning() {
    start(retailer(100, 0));
    XSeriesConnector connector = connector(time.asClock());
    var pass = connector.plans(new dev.lightspeedsync.sync.spi.PlanContext(Set.of(SyncStream.CATALOGUE), Set.of(),
        List.of())).get(0).passes().get(0);

    var page = pass.read(dev.lightspeedsync.sync.spi.ReadStart.from(Bookmark.time(time.now())), null);

    assertThat(page.batch().skus()).isNotEmpty();
    assertThat(page.newest()).hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo(Bookmark.Kind.SEQUENCE));
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void aFullSyncOverSeveralWindowsTakesAtMostThreePercentOverTheFloorWithNo429() {
    // 50 requests per 5 minutes, so that a full read of 3,000 products on 3 outlets needs several windows
    start(retailer(3_000, 300).xseriesRateLimit(50));
    InMemorySyncSink sink = new InMemorySyncSink();
    Clock clock = time.asClock();
    SyncEngine engine = SyncEngine.builder().sink(sink).clock(clock).sleeper(time::sleep).build();
    SyncReport full = engine.run(connector(clock));

    assertThat(full.complete()).isTrue();
    assertThat(full.rateLimited()).isZero();
    assertThat(full.rateLimitWaits()).as("windows the client did not wait for itself").isZero();
    assertThat(server.inspect().xseriesRateLimited()).isZero();
    long floor = XSeriesConnector.floorMinutes(full.requests(), 50);
    assertThat(floor).isGreaterThanOrEqualTo(10);
    assertThat(full.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(floor));
    assertThat((double) full.elapsed().toMillis()).as("elapsed %s for %s requests, floor %s min", full.elapsed(),
        full.requests(), floor).isLessThanOrEqualTo(1.03 * Duration.ofMinutes(floor).toMillis());
    truth.assertSinkEqualsTruth(sink);
  }

  @Test
  void theFloorOfAWalkIsOneWindowPerLimitOfRequestsAfterTheFirst() {
    assertThat(XSeriesConnector.floorMinutes(0, 350)).isZero();
    assertThat(XSeriesConnector.floorMinutes(350, 350)).isZero();
    assertThat(XSeriesConnector.floorMinutes(351, 350)).isEqualTo(5);
    assertThat(XSeriesConnector.floorMinutes(1_051, 350)).isEqualTo(15);
    assertThatThrownBy(() -> XSeriesConnector.floorMinutes(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
