package dev.lightspeedsync.sync.lightspeed.xseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.CrashingSink;
import dev.lightspeedsync.sync.lightspeed.EngineRun;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.ReceiptLine;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.rules.OutletLink;
import dev.lightspeedsync.sync.rules.OutletMapping;
import dev.lightspeedsync.sync.rules.PurchaseOrderConfig;
import dev.lightspeedsync.sync.rules.PurchaseOrderRule;
import dev.lightspeedsync.sync.rules.ReceiptOutcome;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitRecord;
import dev.lightspeedsync.testkit.XSeriesData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Receiving a host purchase order as an X-Series SUPPLIER consignment (issue 14): created, products
 * with their received quantities, RECEIVED, exactly once per host receipt, against the testkit.
 */
class XSeriesConsignmentReceiptTest {
  static final SyncSettings BOOKING_ON = SyncSettings.builder()
      .purchaseOrders(PurchaseOrderConfig.builder().bookingEnabled(true).build()).build();
  static final String KEY = "consignment/PO-1/R1";

  final ManualTimeSource time = new ManualTimeSource();
  final InMemorySyncSink sink = new InMemorySyncSink();
  LightspeedTestServer server;
  XSeriesClient client;
  String productA;
  String productB;
  String outlet;
  String supplier;
  long stockA;
  long stockB;

  @BeforeEach
  void start() {
    server = XSeriesWriterRetailer.start(time);
    client = XSeriesWriterRetailer.client(server, time);
    List<String> plain = XSeriesWriterRetailer.plainProducts(server, 2);
    productA = plain.get(0);
    productB = plain.get(1);
    outlet = x().outletIds().get(1);
    supplier = XSeriesWriterRetailer.supplier(server);
    stockA = x().inventoryLevel(productA, outlet);
    stockB = x().inventoryLevel(productB, outlet);
    // the host knows the retailer's outlets and products (with their supply prices) from a read sync
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

  private PurchaseOrder order(String location) {
    return PurchaseOrder.builder().id("PO-1").supplierId(supplier).locationId(location)
        .createdAt(Instant.parse("2026-05-01T00:00:00Z"))
        .addLines(PurchaseOrderLine.of("L1", productA, 10), PurchaseOrderLine.of("L2", productB, 4),
            PurchaseOrderLine.of("L3", productA, 2)).build();
  }

  /** The host applies a receipt to its order, as PurchaseOrderRule plans it: the order after it and the bookings. */
  private ReceiptOutcome receive(PurchaseOrder order, String receiptId, long a, long b) {
    Receipt.Builder r = Receipt.builder().id(receiptId).purchaseOrderId("PO-1")
        .receivedAt(Instant.parse("2026-05-02T00:00:00Z")).addLines(ReceiptLine.of("L1", a));
    if (b > 0) {
      r.addLines(ReceiptLine.of("L2", b));
    }
    ReceiptOutcome outcome = PurchaseOrderRule.of(PurchaseOrderConfig.builder().bookingEnabled(true).build())
        .applyReceipt(order, r.build());
    assertThat(outcome.applied()).isTrue();
    return outcome;
  }

  private WriteReport send(SyncSink to, SyncSettings settings, boolean dryRun, ReceiptOutcome receipt) {
    return writer(to, settings, dryRun).receiveConsignments(receipt.purchaseOrder(), receipt.bookings());
  }

  private XSeriesWriter writer(SyncSink to, SyncSettings settings, boolean dryRun) {
    return XSeriesWriter.builder().client(client).sink(to).settings(settings).clock(time.asClock()).dryRun(dryRun)
        .build();
  }

  /** The consignments whose reference is {@code reference}. */
  private List<TestkitRecord> consignments(String reference) {
    return x().stream("consignments").filter(c -> c.get("reference").orElse("").equals(reference))
        .collect(Collectors.toList());
  }

  private long writes() {
    return XSeriesWriterRetailer.writes(server);
  }

  private static WriteAction only(WriteReport report, Status status) {
    return XSeriesWriterRetailer.only(report, status);
  }

  private void assertReceivedOnce(String reference, long a, long b) {
    List<TestkitRecord> found = consignments(reference);
    assertThat(found).as("one consignment for receipt " + reference).hasSize(1);
    assertThat(found.get(0).require("status")).isEqualTo("RECEIVED");
    assertThat(x().inventoryLevel(productA, outlet)).as("stock of A raised once").isEqualTo(stockA + a);
    assertThat(x().inventoryLevel(productB, outlet)).as("stock of B raised once").isEqualTo(stockB + b);
  }

  @Test
  @DisplayName("a receipt becomes one SUPPLIER consignment at the outlet with the supplier, received quantities, then RECEIVED")
  void receiptBecomesAReceivedSupplierConsignment() {
    WriteReport report = send(sink, BOOKING_ON, false, receive(order(outlet), "R1", 3, 4));

    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(WriteAction.Kind.CONSIGNMENT_RECEIPT);
      assertThat(a.status()).as(a.toString()).isEqualTo(Status.DONE);
      assertThat(a.key()).isEqualTo(KEY);
    });
    assertReceivedOnce("PO-1/R1", 3, 4);
    TestkitRecord c = consignments("PO-1/R1").get(0);
    assertThat(c.require("type")).isEqualTo("SUPPLIER");
    assertThat(c.require("outlet_id")).isEqualTo(outlet);
    assertThat(c.require("supplier_id")).isEqualTo(supplier);
    assertThat(report.actions().get(0).externalId()).contains(c.key());
    List<TestkitRecord> lines = x().consignmentProducts(c.key());
    assertThat(lines).hasSize(2);
    TestkitRecord lineA = lines.stream().filter(l -> l.require("product_id").equals(productA)).findFirst().orElseThrow();
    assertThat(lineA.getDecimal("received")).isEqualByComparingTo("3");
    assertThat(lineA.getDecimal("count")).isEqualByComparingTo("3");
    BigDecimal supply = new BigDecimal(x().get("products", productA).orElseThrow().require("supply_price"));
    assertThat(lineA.getDecimal("cost")).as("cost: the stored SKU's purchase price").isEqualByComparingTo(supply);
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, KEY)).hasValueSatisfying(e -> {
      assertThat(e.confirmed()).isTrue();
      assertThat(e.externalId()).contains(c.key());
    });
  }

  @Test
  @DisplayName("the same receipt again sends nothing; a second receipt of the order is a second consignment")
  void sameReceiptAgainIsAlreadyDoneAndASecondReceiptIsItsOwnConsignment() {
    ReceiptOutcome first = receive(order(outlet), "R1", 3, 4);
    send(sink, BOOKING_ON, false, first);
    long after = writes();

    WriteReport again = send(sink, BOOKING_ON, false, first);

    assertThat(again.count(Status.ALREADY_DONE)).isEqualTo(1);
    assertThat(writes()).as("nothing sent").isEqualTo(after);
    ReceiptOutcome second = receive(first.purchaseOrder(), "R2", 5, 0);
    assertThat(send(sink, BOOKING_ON, false, second).count(Status.DONE)).isEqualTo(1);
    assertThat(consignments("PO-1/R1")).hasSize(1);
    assertThat(consignments("PO-1/R2")).hasSize(1);
    assertThat(x().inventoryLevel(productA, outlet)).isEqualTo(stockA + 8);
    assertThat(x().inventoryLevel(productB, outlet)).isEqualTo(stockB + 4);
  }

  @Test
  @DisplayName("create applied then 500: the consignment is found by its reference and completed, not created again")
  void createAppliedThen500IsFoundByReference() {
    server.injectNext(Fault.APPLY_THEN_500, "POST /api/2.0/consignments");

    WriteReport report = send(sink, BOOKING_ON, false, receive(order(outlet), "R1", 3, 4));

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    only(report, Status.RECOVERED);
    assertThat(report.actions().get(0).detail()).contains("exists");
    assertReceivedOnce("PO-1/R1", 3, 4);
  }

  @Test
  @DisplayName("RECEIVED applied then 500: read back, confirmed as RECOVERED, stock raised once")
  void receivedAppliedThen500IsRecovered() {
    ReceiptOutcome r = receive(order(outlet), "R1", 3, 4);
    server.injectNext(Fault.APPLY_THEN_500, "PUT /api/2.0/consignments/");

    WriteReport report = send(sink, BOOKING_ON, false, r);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    only(report, Status.RECOVERED);
    assertReceivedOnce("PO-1/R1", 3, 4);
    assertThat(send(sink, BOOKING_ON, false, r).count(Status.ALREADY_DONE)).isEqualTo(1);
    assertReceivedOnce("PO-1/R1", 3, 4);
  }

  @Test
  @DisplayName("a dropped connection while adding products leaves it PENDING; the next call completes it once")
  void droppedProductWriteIsCompletedByTheNextCall() {
    ReceiptOutcome r = receive(order(outlet), "R1", 3, 4);
    server.injectNext(Fault.DROP_CONNECTION, "POST /api/2.0/consignments/");

    WriteReport first = send(sink, BOOKING_ON, false, r);

    assertThat(server.inspect().faults(Fault.DROP_CONNECTION)).isEqualTo(1);
    only(first, Status.PENDING);
    assertThat(x().inventoryLevel(productA, outlet)).as("not received yet").isEqualTo(stockA);

    WriteReport second = send(sink, BOOKING_ON, false, r);

    only(second, Status.RECOVERED);
    assertReceivedOnce("PO-1/R1", 3, 4);
    assertThat(x().consignmentProducts(consignments("PO-1/R1").get(0).key())).hasSize(2);
  }

  @Test
  @DisplayName("a restart between RECEIVED and the ledger's confirmation sends nothing more and raises stock once")
  void restartBetweenReceivedAndConfirmation() {
    ReceiptOutcome r = receive(order(outlet), "R1", 3, 4);
    CrashingSink dying = CrashingSink.beforeConfirming(sink, KEY::equals);

    assertThatThrownBy(() -> send(dying, BOOKING_ON, false, r)).isInstanceOf(CrashingSink.Crash.class);
    assertReceivedOnce("PO-1/R1", 3, 4);
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, KEY)).hasValueSatisfying(e -> assertThat(e.confirmed())
        .isFalse());
    long before = writes();

    WriteReport rerun = send(sink, BOOKING_ON, false, r);

    only(rerun, Status.RECOVERED);
    assertThat(writes()).as("nothing written again").isEqualTo(before);
    assertReceivedOnce("PO-1/R1", 3, 4);
  }

  @Test
  @DisplayName("a restart right after the consignment was created continues with it: one consignment")
  void restartAfterCreateContinuesWithTheSameConsignment() {
    ReceiptOutcome r = receive(order(outlet), "R1", 3, 4);
    CrashingSink dying = CrashingSink.afterConfirming(sink, k -> k.equals(KEY + "#consignment"));

    assertThatThrownBy(() -> send(dying, BOOKING_ON, false, r)).isInstanceOf(CrashingSink.Crash.class);
    assertThat(consignments("PO-1/R1")).singleElement().satisfies(c -> assertThat(c.require("status"))
        .isEqualTo("SENT"));

    WriteReport rerun = send(sink, BOOKING_ON, false, r);

    only(rerun, Status.RECOVERED);
    assertReceivedOnce("PO-1/R1", 3, 4);
  }

  @Test
  @DisplayName("a restart after create but before its id reached the ledger finds it by reference")
  void restartBeforeTheIdWasKeptFindsItByReference() {
    ReceiptOutcome r = receive(order(outlet), "R1", 3, 4);
    CrashingSink dying = CrashingSink.beforeConfirming(sink, k -> k.equals(KEY + "#consignment"));

    assertThatThrownBy(() -> send(dying, BOOKING_ON, false, r)).isInstanceOf(CrashingSink.Crash.class);

    WriteReport rerun = send(sink, BOOKING_ON, false, r);

    only(rerun, Status.RECOVERED);
    assertReceivedOnce("PO-1/R1", 3, 4);
  }

  @Test
  @DisplayName("off by default and refused in read-only mode: nothing is sent")
  void offByDefaultAndRefusedInReadOnlyMode() {
    ReceiptOutcome r = receive(order(outlet), "R1", 3, 4);
    long before = writes();

    WriteReport off = send(sink, SyncSettings.defaults(), false, r);
    WriteReport readOnly = send(sink, SyncSettings.builder().from(BOOKING_ON).readOnly(true).build(), false, r);

    assertThat(off.suppressedBecause()).contains(ReasonCode.BOOKING_DISABLED);
    assertThat(readOnly.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(off.actions()).isEmpty();
    assertThat(readOnly.actions()).isEmpty();
    assertThat(writes()).isEqualTo(before);
    assertThat(consignments("PO-1/R1")).isEmpty();
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, KEY)).isEmpty();
  }

  @Test
  @DisplayName("a dry run lists the consignment it would send, sends nothing and leaves the ledger alone")
  void dryRunPlansOnly() {
    ReceiptOutcome r = receive(order(outlet), "R1", 3, 4);
    long before = writes();

    WriteReport plan = send(sink, BOOKING_ON, true, r);

    assertThat(plan.dryRun()).isTrue();
    assertThat(plan.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.PLANNED);
      assertThat(a.request()).contains("SUPPLIER", outlet, supplier, productA + " received 3", productB + " received 4",
          "RECEIVED");
    });
    assertThat(writes()).isEqualTo(before);
    assertThat(consignments("PO-1/R1")).isEmpty();
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, KEY)).isEmpty();
  }

  @Test
  @DisplayName("002: a warehouse code is received at its outlet; a warehouse without an outlet is skipped and logged")
  void warehouseCodesGoToTheirOutlet() {
    OutletMapping mapping = OutletMapping.builder().addLinks(OutletLink.of(outlet, "WH-B")).build();
    XSeriesWriter mapped = XSeriesWriter.builder().client(client).sink(sink).settings(BOOKING_ON)
        .clock(time.asClock()).outletMapping(mapping).build();

    ReceiptOutcome atWarehouse = receive(order("WH-B"), "R1", 3, 4);
    assertThat(mapped.receiveConsignments(atWarehouse.purchaseOrder(), atWarehouse.bookings()).count(Status.DONE))
        .isEqualTo(1);
    assertReceivedOnce("PO-1/R1", 3, 4);

    ReceiptOutcome nowhere = receive(order("WH-Z"), "R9", 1, 1);
    long before = writes();
    WriteReport skipped = mapped.receiveConsignments(nowhere.purchaseOrder(), nowhere.bookings());

    assertThat(skipped.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.SKIPPED));
    assertThat(writes()).isEqualTo(before);
    assertThat(sink.openIssues(RecordKind.RECEIPT)).anyMatch(i -> i.recordId().equals("consignment/PO-1/R9")
        && i.reason() == ReasonCode.OUTLET_NOT_FOUND);
  }

  @Test
  @DisplayName("a composite product is refused by Lightspeed: FAILED and logged, nothing received")
  void refusedProductIsLoggedAndNothingReceived() {
    String composite = x().stream("products").filter(p -> p.getBoolean("is_composite") && p.get("deleted_at").isEmpty())
        .map(TestkitRecord::key).findFirst().orElseThrow();
    PurchaseOrder po = PurchaseOrder.builder().id("PO-1").locationId(outlet).createdAt(Instant.parse("2026-05-01T00:00:00Z"))
        .addLines(PurchaseOrderLine.of("L1", composite, 2)).build();
    ReceiptOutcome r = PurchaseOrderRule.of(PurchaseOrderConfig.builder().bookingEnabled(true).build()).applyReceipt(po,
        Receipt.builder().id("R1").purchaseOrderId("PO-1").receivedAt(Instant.parse("2026-05-02T00:00:00Z"))
            .addLines(ReceiptLine.of("L1", 2)).build());

    WriteReport report = writer(sink, BOOKING_ON, false).receiveConsignments(r.purchaseOrder(), r.bookings());

    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.FAILED));
    assertThat(sink.openIssues(RecordKind.RECEIPT)).anyMatch(i -> i.recordId().equals(KEY)
        && i.reason() == ReasonCode.WRITE_NOT_POSSIBLE);
    assertThat(consignments("PO-1/R1")).singleElement().satisfies(c -> assertThat(c.require("status"))
        .isNotEqualTo("RECEIVED"));
  }

  @Test
  @DisplayName("a consignment cancelled in Lightspeed after an unknown outcome is left to the user, never recreated")
  void cancelledConsignmentNeedsAttention() {
    ReceiptOutcome r = receive(order(outlet), "R1", 3, 4);
    server.injectNext(Fault.DROP_CONNECTION, "POST /api/2.0/consignments/");
    only(send(sink, BOOKING_ON, false, r), Status.PENDING);
    String id = consignments("PO-1/R1").get(0).key();
    client.setConsignmentStatus(id, dev.lightspeedsync.client.xseries.model.ConsignmentStatus.CANCELLED);
    long before = writes();

    WriteAction a = only(send(sink, BOOKING_ON, false, r), Status.NEEDS_ATTENTION);

    assertThat(a.externalId()).contains(id);
    assertThat(writes()).as("nothing sent").isEqualTo(before);
    assertThat(consignments("PO-1/R1")).as("not created again").hasSize(1);
    assertThat(x().inventoryLevel(productA, outlet)).isEqualTo(stockA);
    assertThat(sink.openIssues(RecordKind.RECEIPT)).anyMatch(i -> i.recordId().equals(KEY)
        && i.reason() == ReasonCode.WRITE_NOT_POSSIBLE && i.problem().contains("cancelled"));
  }
}
