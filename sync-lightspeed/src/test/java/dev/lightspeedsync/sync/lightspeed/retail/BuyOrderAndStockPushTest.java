package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.SyncException;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.AvailabilityConfig;
import dev.lightspeedsync.sync.rules.AvailabilityRule;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.PushPlan;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buy orders (host purchase order -> R-Series Order + OrderLines) and the stock push, against the testkit. */
class BuyOrderAndStockPushTest {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  WriterFixture fx;
  InMemorySyncSink sink;
  long itemA;
  long itemB;

  @BeforeEach
  void start() {
    fx = new WriterFixture();
    sink = new InMemorySyncSink();
    itemA = fx.stockItem(0);
    itemB = fx.stockItem(1);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  static SyncSettings at(String defaultLocation) {
    return SyncSettings.builder().location(LocationConfig.builder().defaultLocationCode(defaultLocation).build())
        .build();
  }

  PurchaseOrder po(String id) {
    return PurchaseOrder.builder().id(id).supplierId("1").locationId("3").createdAt(NOW)
        .addLines(PurchaseOrderLine.of("L1", Long.toString(itemA), 12), PurchaseOrderLine.of("L2",
            Long.toString(itemB), 4)).build();
  }

  List<TestkitRecord> ordersWithRef(String ref) {
    return fx.server.retail().stream("Order").filter(o -> o.get("refNum").orElse("").equals(ref))
        .collect(Collectors.toList());
  }

  @Test
  void purchaseOrderBecomesAnOrderWithOrderLinesAtTheDefaultLocation() {
    WriteReport report = fx.writer(sink, at("Warehouse")).exportBuyOrders(List.of(po("PO-7")));

    assertThat(ordersWithRef("PO-7")).singleElement().satisfies(o -> {
      assertThat(o.getLong("shopID")).isEqualTo(3);
      assertThat(o.getLong("vendorID")).isEqualTo(1);
      assertThat(fx.server.retail().orderLines(o.id()).stream()
          .collect(Collectors.toMap(l -> l.getLong("itemID"), l -> l.getDecimal("quantity").longValueExact())))
          .isEqualTo(Map.of(itemA, 12L, itemB, 4L));
    });
    assertThat(report.actions()).extracting(WriteAction::kind, WriteAction::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Kind.BUY_ORDER, Status.DONE),
        org.assertj.core.groups.Tuple.tuple(Kind.BUY_ORDER_LINE, Status.DONE),
        org.assertj.core.groups.Tuple.tuple(Kind.BUY_ORDER_LINE, Status.DONE));
  }

  @Test
  void caseMismatchedDefaultLocationFailsBeforeAnyWriteNamingTheNearMatch() {
    assertThatThrownBy(() -> fx.writer(sink, at("warehouse")).exportBuyOrders(List.of(po("PO-7"))))
        .isInstanceOf(SyncException.class)
        .hasMessageContaining("'warehouse'").hasMessageContaining("did you mean 'Warehouse'?");
    assertThatThrownBy(() -> fx.writer(sink, at("Back Room")).exportBuyOrders(List.of(po("PO-7"))))
        .isInstanceOf(SyncException.class).hasMessageContaining("no location named 'Back Room'");
    assertThat(fx.writeRequests()).isZero();
    assertThat(ordersWithRef("PO-7")).isEmpty();
  }

  @Test
  void rerunAfterAnOrderLineWithUnknownOutcomeAddsOnlyTheMissingLines() {
    fx.server.injectNext(Fault.APPLY_THEN_500, fx.path("POST", "OrderLine"));

    WriteReport first = fx.writer(sink, at("Warehouse")).exportBuyOrders(List.of(po("PO-7")));
    WriteReport rerun = fx.writer(sink, at("Warehouse")).exportBuyOrders(List.of(po("PO-7")));

    assertThat(first.actions()).extracting(WriteAction::status).containsExactly(Status.DONE, Status.PENDING);
    assertThat(rerun.actions()).extracting(WriteAction::status)
        .containsExactly(Status.ALREADY_DONE, Status.ALREADY_DONE, Status.DONE);
    assertThat(ordersWithRef("PO-7")).singleElement().satisfies(o ->
        assertThat(fx.server.retail().orderLines(o.id())).hasSize(2));
  }

  @Test
  void buyOrdersAreOffByDefaultAndRefusedInReadOnlyMode() {
    RetailWriter defaults = RetailWriter.builder().client(fx.client).sink(sink).settings(at("Warehouse")).build();

    assertThat(defaults.exportBuyOrders(List.of(po("PO-7"))).suppressedBecause()).contains(ReasonCode.EXPORT_DISABLED);
    assertThat(fx.writer(sink, at("Warehouse").withReadOnly(true)).exportBuyOrders(List.of(po("PO-7")))
        .suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(fx.writeRequests()).isZero();
  }

  static final SyncSettings PUSH_ON = SyncSettings.builder()
      .availability(AvailabilityConfig.builder().pushStock(true).build()).build();

  PushPlan plan(SyncSettings settings, Map<String, Long> lastPushed) {
    List<StockLevel> stock = List.of(
        StockLevel.builder().skuId(Long.toString(itemA)).locationId("1").onHand(12).allocated(2).build(),
        StockLevel.builder().skuId(Long.toString(itemA)).locationId("3").onHand(4).build(),
        StockLevel.builder().skuId(Long.toString(itemB)).locationId("1").onHand(7).build());
    return AvailabilityRule.of(settings.effectiveAvailability())
        .plan(stock, CompositeBreakdown.compile(List.of(), CompositeConfig.defaults(), NOW), lastPushed);
  }

  @Test
  void stockPushWritesOnlyChangedAvailabilityAsAbsoluteQuantitiesPerLocation() {
    fx.server.retail().setStock(itemB, 1, 99);
    PushPlan plan = plan(PUSH_ON, Map.of(itemB + "@1", 7L)); // itemB unchanged since the last push

    WriteReport report = fx.writer(sink, PUSH_ON).pushStock(plan);

    assertThat(fx.server.retail().qoh(itemA, 1)).isEqualTo(10);
    assertThat(fx.server.retail().qoh(itemA, 3)).isEqualTo(4);
    assertThat(fx.server.retail().qoh(itemB, 1)).as("unchanged since the last push: not written").isEqualTo(99);
    assertThat(fx.server.inspect().requests("PUT Item/{id}.json")).as("one request per item").isEqualTo(1);
    assertThat(report.count(Status.DONE)).isEqualTo(2);
    assertThat(report.pushedValues()).isEqualTo(Map.of(itemA + "@1", 10L, itemA + "@3", 4L));
    assertThat(report.exclusions()).extracting(e -> e.reason()).containsExactly(ReasonCode.UNCHANGED_SINCE_LAST_PUSH);
  }

  @Test
  void stockPushIsOffByDefaultAndRefusedInReadOnlyModeEvenWithAPlanInHand() {
    PushPlan planned = plan(PUSH_ON, Map.of());

    WriteReport off = fx.writer(sink, SyncSettings.defaults()).pushStock(planned);
    WriteReport readOnly = fx.writer(sink, PUSH_ON.withReadOnly(true)).pushStock(planned);

    assertThat(planned.pushes()).hasSize(3);
    assertThat(off.suppressedBecause()).contains(ReasonCode.PUSH_DISABLED);
    assertThat(readOnly.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(fx.writeRequests()).isZero();
  }
}
