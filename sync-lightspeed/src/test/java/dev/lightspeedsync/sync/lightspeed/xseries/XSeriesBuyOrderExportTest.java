package dev.lightspeedsync.sync.lightspeed.xseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.EngineRun;
import dev.lightspeedsync.sync.lightspeed.SyncException;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitRecord;
import dev.lightspeedsync.testkit.XSeriesData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Host buy orders exported as X-Series SUPPLIER consignments in status OPEN at the default outlet
 * (seed 001's buy orders on X-Series, issue 14's "the write-flow subcommands work for X-Series
 * too"), exactly once, against the testkit.
 */
class XSeriesBuyOrderExportTest {
  /** The testkit's outlet 1; outlet 2 is "main street", the case-sensitivity trap. */
  static final String DEFAULT_OUTLET = "Main Street";

  final ManualTimeSource time = new ManualTimeSource();
  final InMemorySyncSink sink = new InMemorySyncSink();
  LightspeedTestServer server;
  XSeriesClient client;
  String productA;
  String productB;
  String outlet;
  String supplier;

  @BeforeEach
  void start() {
    server = XSeriesWriterRetailer.start(time);
    client = XSeriesWriterRetailer.client(server, time);
    List<String> plain = XSeriesWriterRetailer.plainProducts(server, 2);
    productA = plain.get(0);
    productB = plain.get(1);
    outlet = x().stream("outlets").filter(o -> o.require("name").equals(DEFAULT_OUTLET)).findFirst().orElseThrow().key();
    supplier = XSeriesWriterRetailer.supplier(server);
    // the host knows the retailer's products (with their supply prices) from a read sync
    new EngineRun(XSeriesConnector.builder().client(client).build(), sink, SyncSettings.defaults(), time.asClock(),
        time::sleep).run(Set.of(SyncStream.CATALOGUE));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private XSeriesData x() {
    return server.xseries();
  }

  private PurchaseOrder order(String id) {
    return PurchaseOrder.builder().id(id).supplierId(supplier).locationId(DEFAULT_OUTLET).createdAt(Instant.EPOCH)
        .addLines(PurchaseOrderLine.of("1", productA, 10), PurchaseOrderLine.of("2", productB, 4),
            PurchaseOrderLine.of("3", productA, 2)).build();
  }

  private static SyncSettings settings(String defaultLocation, boolean readOnly) {
    return SyncSettings.builder().readOnly(readOnly).location(LocationConfig.builder().strategy(LocationStrategy.ONE)
        .defaultLocationCode(defaultLocation).build()).build();
  }

  private WriteReport export(boolean enabled, boolean dryRun, SyncSettings settings, PurchaseOrder... orders) {
    return XSeriesWriter.builder().client(client).sink(sink).settings(settings).clock(time.asClock()).dryRun(dryRun)
        .buyOrders(enabled).build().exportBuyOrders(List.of(orders));
  }

  private WriteReport export(PurchaseOrder... orders) {
    return export(true, false, settings(DEFAULT_OUTLET, false), orders);
  }

  private List<TestkitRecord> consignments(String reference) {
    return x().stream("consignments").filter(c -> c.get("reference").orElse("").equals(reference))
        .collect(Collectors.toList());
  }

  /** The one consignment of {@code reference}: its products' counts by product id. */
  private Map<String, BigDecimal> onlyConsignmentCounts(String reference) {
    List<TestkitRecord> found = consignments(reference);
    assertThat(found).as("one consignment for buy order " + reference).hasSize(1);
    return x().consignmentProducts(found.get(0).key()).stream().collect(Collectors.toMap(
        p -> p.require("product_id"), p -> p.getDecimal("count").stripTrailingZeros(), (a, b) -> a, TreeMap::new));
  }

  private long writes() {
    return XSeriesWriterRetailer.writes(server);
  }

  private static Map<Status, Long> statuses(WriteReport report) {
    return report.actions().stream().collect(Collectors.groupingBy(WriteAction::status, TreeMap::new,
        Collectors.counting()));
  }

  @Test
  @DisplayName("a buy order becomes one OPEN supplier consignment at the default outlet, lines of one product summed")
  void aBuyOrderBecomesOneOpenSupplierConsignment() {
    WriteReport report = export(order("BO-1"));

    assertThat(statuses(report)).isEqualTo(Map.of(Status.DONE, 3L));
    TestkitRecord c = consignments("BO-1").get(0);
    assertThat(c.require("type")).isEqualTo("SUPPLIER");
    assertThat(c.require("status")).as("books no stock: the buyer sends it").isEqualTo("OPEN");
    assertThat(c.require("outlet_id")).isEqualTo(outlet);
    assertThat(c.require("supplier_id")).isEqualTo(supplier);
    assertThat(onlyConsignmentCounts("BO-1")).isEqualTo(Map.of(productA, new BigDecimal("12"), productB,
        new BigDecimal("4")));
    WriteAction created = report.actions().stream().filter(a -> a.kind() == Kind.BUY_ORDER).findFirst().orElseThrow();
    assertThat(created.externalId()).contains(c.key());
    // the product's supply price, as the sync stored it, is the line's cost
    BigDecimal cost = sink.findSkus(List.of(productA)).get(productA).purchasePrice().orElseThrow();
    assertThat(x().consignmentProducts(c.key()).stream().filter(p -> p.require("product_id").equals(productA))
        .findFirst().orElseThrow().getDecimal("cost")).isEqualByComparingTo(cost);
  }

  @Test
  @DisplayName("a rerun finds the consignment by its reference and sends nothing")
  void aRerunSendsNothing() {
    export(order("BO-1"));
    long before = writes();

    WriteReport again = export(order("BO-1"));

    assertThat(statuses(again)).isEqualTo(Map.of(Status.ALREADY_DONE, 3L));
    assertThat(writes()).isEqualTo(before);
    assertThat(consignments("BO-1")).hasSize(1);
  }

  @Test
  @DisplayName("create applied then 500: found by its reference at once, completed, not created again")
  void createAppliedThen500IsFoundByReference() {
    server.injectNext(Fault.APPLY_THEN_500, "POST /api/2.0/consignments");

    WriteReport report = export(order("BO-1"));

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(statuses(report)).isEqualTo(Map.of(Status.DONE, 2L, Status.RECOVERED, 1L));
    assertThat(onlyConsignmentCounts("BO-1")).isEqualTo(Map.of(productA, new BigDecimal("12"), productB,
        new BigDecimal("4")));
  }

  @Test
  @DisplayName("a dropped product write is PENDING; the next run adds only the product the consignment lacks")
  void aDroppedProductWriteIsCompletedOnce() {
    server.injectNext(Fault.DROP_CONNECTION, "POST /api/2.0/consignments/");

    WriteReport first = export(order("BO-1"));

    assertThat(server.inspect().faults(Fault.DROP_CONNECTION)).isEqualTo(1);
    assertThat(first.actions().stream().filter(a -> a.kind() == Kind.BUY_ORDER_LINE).map(WriteAction::status))
        .containsExactly(Status.PENDING);
    // the drop closes the connection without an answer: whether the product was applied is unknown to the writer
    boolean applied = x().consignmentProducts(consignments("BO-1").get(0).key()).size() == 1;

    WriteReport second = export(order("BO-1"));

    assertThat(second.actions().stream().map(WriteAction::status)).containsExactly(Status.ALREADY_DONE,
        applied ? Status.ALREADY_DONE : Status.DONE, Status.DONE);
    assertThat(onlyConsignmentCounts("BO-1")).isEqualTo(Map.of(productA, new BigDecimal("12"), productB,
        new BigDecimal("4")));
  }

  @Test
  @DisplayName("the default location is an outlet's exact name: 'main street' for 'Main Street' would be the other one,"
      + " 'MAIN STREET' sends nothing and names the near match")
  void theDefaultLocationIsMatchedExactly() {
    long before = writes();

    assertThatThrownBy(() -> export(true, false, settings("MAIN STREET", false), order("BO-1")))
        .isInstanceOf(SyncException.class).hasMessageContaining("nothing was sent").hasMessageContaining("Main Street");
    assertThat(writes()).isEqualTo(before);
    assertThat(consignments("BO-1")).isEmpty();

    export(true, false, settings("main street", false), order("BO-2"));
    assertThat(consignments("BO-2").get(0).require("outlet_id")).isNotEqualTo(outlet);
  }

  @Test
  @DisplayName("off by default, refused in read-only mode, and a dry run lists what it would send: nothing is sent")
  void offByDefaultReadOnlyAndDryRunSendNothing() {
    long before = writes();

    WriteReport off = export(false, false, settings(DEFAULT_OUTLET, false), order("BO-1"));
    WriteReport readOnly = export(true, false, settings(DEFAULT_OUTLET, true), order("BO-1"));
    WriteReport dry = export(true, true, settings(DEFAULT_OUTLET, false), order("BO-1"));

    assertThat(off.suppressedBecause()).contains(ReasonCode.EXPORT_DISABLED);
    assertThat(readOnly.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(statuses(dry)).isEqualTo(Map.of(Status.PLANNED, 3L));
    assertThat(writes()).isEqualTo(before);
    assertThat(consignments("BO-1")).isEmpty();
  }

  @Test
  @DisplayName("a consignment cancelled in Lightspeed is not created again")
  void aCancelledConsignmentIsNotCreatedAgain() {
    export(order("BO-1"));
    String id = consignments("BO-1").get(0).key();
    client.setConsignmentStatus(id, dev.lightspeedsync.client.xseries.model.ConsignmentStatus.CANCELLED);
    long before = writes();

    WriteReport cancelled = export(order("BO-1"));

    assertThat(statuses(cancelled)).isEqualTo(Map.of(Status.NEEDS_ATTENTION, 1L));
    assertThat(writes()).isEqualTo(before);
    assertThat(consignments("BO-1")).hasSize(1);
    assertThat(sink.openIssues(RecordKind.PURCHASE_ORDER)).anySatisfy(i -> {
      assertThat(i.recordId()).isEqualTo("BO-1");
      assertThat(i.problem()).contains("cancelled in Lightspeed");
    });
  }

  @Test
  @DisplayName("a consignment of another outlet with the same reference is not this buy order")
  void anotherOutletsConsignmentIsNotThisBuyOrder() {
    String other = x().outletIds().stream().filter(o -> !o.equals(outlet)).findFirst().orElseThrow();
    client.createConsignment(dev.lightspeedsync.client.xseries.write.NewConsignment.builder().outletId(other)
        .reference("BO-1").build());

    WriteReport report = export(order("BO-1"));

    assertThat(statuses(report)).isEqualTo(Map.of(Status.DONE, 3L));
    assertThat(consignments("BO-1").stream().map(c -> c.require("outlet_id"))).containsExactlyInAnyOrder(other, outlet);
  }
}
