package dev.lightspeedsync.sync.lightspeed.xseries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.EngineRun;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.AvailabilityConfig;
import dev.lightspeedsync.sync.rules.AvailabilityRule;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.rules.OutletLink;
import dev.lightspeedsync.sync.rules.OutletMapping;
import dev.lightspeedsync.sync.rules.PushPlan;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 002 "Export Stock On Hand to Lightspeed": available = on hand - allocated, each level written once. */
class XSeriesStockPushTest {
  static final SyncSettings PUSH_ON = SyncSettings.builder()
      .availability(AvailabilityConfig.builder().pushStock(true).build()).build();

  final ManualTimeSource time = new ManualTimeSource();
  final InMemorySyncSink sink = new InMemorySyncSink();
  LightspeedTestServer server;
  XSeriesClient client;
  String productA;
  String productB;
  String outlet1;
  String outlet2;

  @BeforeEach
  void start() {
    server = XSeriesWriterRetailer.start(time);
    client = XSeriesWriterRetailer.client(server, time);
    List<String> tracked = server.xseries().stream("products")
        .filter(p -> p.getBoolean("has_inventory") && p.get("deleted_at").isEmpty()).map(TestkitRecord::key)
        .limit(2).toList();
    productA = tracked.get(0);
    productB = tracked.get(1);
    outlet1 = server.xseries().outletIds().get(0);
    outlet2 = server.xseries().outletIds().get(1);
    // the host knows the retailer's outlets from a read sync
    new EngineRun(XSeriesConnector.builder().client(client).build(), sink, SyncSettings.defaults(), time.asClock(),
        time::sleep)
        .run(Set.of(SyncStream.SUPPLIERS));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private PushPlan plan(SyncSettings settings, List<StockLevel> stock, Map<String, Long> lastPushed) {
    return AvailabilityRule.of(settings.effectiveAvailability())
        .plan(stock, CompositeBreakdown.compile(List.of(), CompositeConfig.defaults(), time.now()), lastPushed);
  }

  private List<StockLevel> hostStock() {
    return List.of(
        StockLevel.builder().skuId(productA).locationId(outlet1).onHand(12).allocated(2).build(),
        StockLevel.builder().skuId(productA).locationId(outlet2).onHand(5).build(),
        StockLevel.builder().skuId(productB).locationId(outlet1).onHand(3).allocated(7).build());
  }

  private XSeriesWriter writer(SyncSettings settings, boolean dryRun) {
    return XSeriesWriter.builder().client(client).sink(sink).settings(settings).clock(time.asClock()).dryRun(dryRun)
        .build();
  }

  private long level(String product, String outlet) {
    return server.xseries().inventoryLevel(product, outlet);
  }

  private long puts() {
    return server.inspect().recentRequests().stream().filter(r -> r.method().equals("PUT")).count();
  }

  @Test
  @DisplayName("002: the available amount (on hand - allocated) is pushed per outlet, one request per product")
  void pushesAvailablePerOutlet() {
    WriteReport report = writer(PUSH_ON, false).pushStock(plan(PUSH_ON, hostStock(), Map.of()));

    assertThat(level(productA, outlet1)).isEqualTo(10);
    assertThat(level(productA, outlet2)).isEqualTo(5);
    assertThat(level(productB, outlet1)).as("negative availability is written as 0").isZero();
    assertThat(puts()).as("one PUT per product").isLessThanOrEqualTo(2);
    assertThat(report.pushedValues()).containsEntry(productA + "@" + outlet1, 10L)
        .containsEntry(productB + "@" + outlet1, -4L);
    assertThat(report.actions()).allMatch(a -> a.status() == Status.DONE || a.status() == Status.ALREADY_DONE);
  }

  @Test
  @DisplayName("002: only values that changed since the last push are sent")
  void onlyChangedValues() {
    long before = level(productB, outlet1);
    WriteReport report = writer(PUSH_ON, false).pushStock(plan(PUSH_ON, hostStock(),
        Map.of(productB + "@" + outlet1, -4L)));

    assertThat(level(productB, outlet1)).isEqualTo(before);
    assertThat(report.exclusions()).extracting(e -> e.reason()).containsExactly(ReasonCode.UNCHANGED_SINCE_LAST_PUSH);
  }

  @Test
  @DisplayName("a write applied and answered with 500 is pushed again by the next plan and a restart, and written once")
  void writeThen500IsWrittenOnce() {
    server.injectNext(Fault.APPLY_THEN_500, "PUT /api/2.1/products/" + productA);
    PushPlan plan = plan(PUSH_ON, hostStock().subList(0, 2), Map.of());

    WriteReport first = writer(PUSH_ON, false).pushStock(plan);

    assertThat(first.actions()).extracting(a -> a.status()).containsOnly(Status.PENDING);
    assertThat(first.pushedValues()).isEmpty();
    assertThat(level(productA, outlet1)).as("applied although answered 500").isEqualTo(10);
    long putsAfterFirst = puts();

    // the host pushes again (nothing recorded as pushed), then again after a restart (a new writer)
    WriteReport second = writer(PUSH_ON, false).pushStock(plan(PUSH_ON, hostStock().subList(0, 2), Map.of()));
    WriteReport restarted = XSeriesWriter.builder().client(client).sink(sink.reopen()).settings(PUSH_ON).build()
        .pushStock(plan);

    assertThat(second.actions()).extracting(a -> a.status()).containsOnly(Status.ALREADY_DONE);
    assertThat(restarted.actions()).extracting(a -> a.status()).containsOnly(Status.ALREADY_DONE);
    assertThat(second.pushedValues()).containsOnlyKeys(productA + "@" + outlet1, productA + "@" + outlet2);
    assertThat(puts()).as("no second write of what Lightspeed already holds").isEqualTo(putsAfterFirst);
    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
  }

  @Test
  @DisplayName("a dry run reads and lists the pushes and sends none; read-only and the default push nothing")
  void dryRunReadOnlyAndDefault() {
    long before = level(productA, outlet1);
    PushPlan planned = plan(PUSH_ON, hostStock(), Map.of());

    WriteReport dry = writer(PUSH_ON, true).pushStock(planned);
    WriteReport readOnly = writer(PUSH_ON.withReadOnly(true), false).pushStock(planned);
    WriteReport off = writer(SyncSettings.defaults(), false).pushStock(planned);

    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.actions()).isNotEmpty().allMatch(a -> a.status() == Status.PLANNED || a.status() == Status.ALREADY_DONE);
    assertThat(dry.toString()).contains("PUT api/2.1/products/" + productA + " inventory outlet " + outlet1
        + " current_amount " + before + " -> 10");
    assertThat(dry.pushedValues()).isEmpty();
    assertThat(readOnly.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(off.suppressedBecause()).contains(ReasonCode.PUSH_DISABLED);
    assertThat(level(productA, outlet1)).isEqualTo(before);
    assertThat(puts()).isZero();
  }

  @Test
  @DisplayName("002: with the outlet-to-warehouse mapping, each warehouse's availability goes to its one outlet")
  void warehousesPushToTheirMappedOutlets() {
    OutletMapping mapping = OutletMapping.builder().addLinks(OutletLink.of(outlet1, "WH-A"), OutletLink.of(outlet2, "WH-B"))
        .build();
    List<StockLevel> stock = List.of(
        StockLevel.builder().skuId(productA).locationId("WH-A").onHand(9).allocated(1).build(),
        StockLevel.builder().skuId(productA).locationId("WH-B").onHand(4).build(),
        StockLevel.builder().skuId(productA).locationId("WH-C").onHand(6).build());

    WriteReport report = XSeriesWriter.builder().client(client).sink(sink).settings(PUSH_ON).outletMapping(mapping)
        .build().pushStock(plan(PUSH_ON, stock, Map.of()));

    assertThat(level(productA, outlet1)).isEqualTo(8);
    assertThat(level(productA, outlet2)).isEqualTo(4);
    assertThat(report.pushedValues()).containsOnlyKeys(productA + "@WH-A", productA + "@WH-B");
    assertThat(report.actions()).filteredOn(a -> a.key().equals(productA + "@WH-C")).singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(Status.SKIPPED));
    assertThat(report.issues()).singleElement().satisfies(i -> {
      assertThat(i.reason()).isEqualTo(ReasonCode.OUTLET_NOT_FOUND);
      assertThat(i.problem()).contains("'WH-C' is not mapped");
    });
  }

  @Test
  @DisplayName("a location that is not an outlet, or a product Lightspeed does not have, is skipped and logged")
  void notAnOutletOrProduct() {
    List<StockLevel> stock = List.of(
        StockLevel.builder().skuId(productA).locationId("WH-9").onHand(4).build(),
        StockLevel.builder().skuId("00000000-0000-0000-0000-000000000000").locationId(outlet1).onHand(4).build());

    WriteReport report = writer(PUSH_ON, false).pushStock(plan(PUSH_ON, stock, Map.of()));

    assertThat(report.actions()).extracting(a -> a.status()).containsOnly(Status.SKIPPED).hasSize(2);
    assertThat(report.issues()).extracting(i -> i.reason())
        .containsExactlyInAnyOrder(ReasonCode.OUTLET_NOT_FOUND, ReasonCode.WRITE_NOT_POSSIBLE);
    assertThat(sink.openIssues(dev.lightspeedsync.sync.model.RecordKind.STOCK)).hasSize(2);
    assertThat(puts()).isZero();
  }
}
