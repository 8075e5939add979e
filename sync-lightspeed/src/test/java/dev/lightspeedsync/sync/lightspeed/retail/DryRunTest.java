package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.model.HostOrder;
import dev.lightspeedsync.sync.model.HostOrderLine;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.ReceiptLine;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.AvailabilityConfig;
import dev.lightspeedsync.sync.rules.AvailabilityRule;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.rules.PurchaseOrderRule;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.OrderExportConfig;
import dev.lightspeedsync.sync.rules.PurchaseOrderConfig;
import dev.lightspeedsync.sync.rules.PushPlan;
import dev.lightspeedsync.sync.rules.StockBooking;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dry run prints the plan of writes of every write path without sending any write or touching the sink. */
class DryRunTest {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  WriterFixture fx;
  InMemorySyncSink sink;
  long item;
  SyncSettings allOn;

  @BeforeEach
  void start() {
    fx = new WriterFixture();
    sink = new InMemorySyncSink();
    item = fx.stockItem(0);
    fx.server.retail().setStock(item, 1, 5);
    long register = fx.server.retail().stream("Register").findFirst().orElseThrow().id();
    allOn = SyncSettings.builder()
        .location(LocationConfig.builder().defaultLocationCode("Warehouse").build())
        .purchaseOrders(PurchaseOrderConfig.builder().bookingEnabled(true).build())
        .availability(AvailabilityConfig.builder().pushStock(true).build())
        .orderExport(OrderExportConfig.builder().enabled(true).employeeId("1").registerId(Long.toString(register))
            .build())
        .build();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  RetailWriter dryRun(SyncSettings settings) {
    return RetailWriter.builder().client(fx.client).sink(sink).settings(settings).clock(fx.clock).dryRun(true)
        .buyOrders(true).salePaymentTypeId(1).build();
  }

  StockBooking booking() {
    PurchaseOrder po = PurchaseOrder.builder().id("PO-1").locationId("1").createdAt(NOW)
        .addLines(PurchaseOrderLine.of("L1", Long.toString(item), 10)).build();
    return PurchaseOrderRule.of(allOn.effectivePurchaseOrders()).applyReceipt(po, Receipt.builder().id("R1")
        .purchaseOrderId("PO-1").receivedAt(NOW).addLines(ReceiptLine.of("L1", 3)).build()).bookings().get(0);
  }

  HostOrder hostOrder() {
    return HostOrder.builder().id("WEB-1").placedAt(NOW).total(new BigDecimal("21.60"))
        .amountPaid(new BigDecimal("21.60")).addLines(HostOrderLine.builder().skuId(Long.toString(item)).quantity(2)
            .unitPrice(new BigDecimal("10.00")).build()).build();
  }

  PushPlan pushPlan() {
    return AvailabilityRule.of(allOn.effectiveAvailability()).plan(
        List.of(StockLevel.builder().skuId(Long.toString(item)).locationId("1").onHand(9).allocated(1).build()),
        CompositeBreakdown.compile(List.of(), CompositeConfig.defaults(), NOW), Map.of());
  }

  @Test
  void everyWritePathPlansItsWritesWithoutSendingAny() {
    RetailWriter writer = dryRun(allOn);
    PurchaseOrder po = PurchaseOrder.builder().id("PO-9").locationId("3").createdAt(NOW)
        .addLines(PurchaseOrderLine.of("L1", Long.toString(item), 6)).build();

    WriteReport booking = writer.bookReceipts(List.of(booking()));
    WriteReport export = writer.exportOrders(List.of(hostOrder()));
    WriteReport buy = writer.exportBuyOrders(List.of(po));
    WriteReport push = writer.pushStock(pushPlan());

    assertThat(fx.writeRequests()).as("write requests sent by a dry run").isZero();
    for (WriteReport r : List.of(booking, export, buy, push)) {
      assertThat(r.dryRun()).isTrue();
      assertThat(r.suppressedBecause()).isEmpty();
      assertThat(r.actions()).isNotEmpty().allSatisfy(a -> assertThat(a.status()).isEqualTo(Status.PLANNED));
    }
    assertThat(booking.actions()).singleElement().satisfies(a ->
        assertThat(a.request()).isEqualTo("PUT Item/" + item + ".json ItemShop shop 1 qoh 5 -> 8"));
    assertThat(export.actions()).singleElement().satisfies(a ->
        assertThat(a.request()).startsWith("POST Sale.json completed referenceNumber=WEB-1 employee 1"));
    assertThat(buy.actions()).extracting(WriteAction::kind).containsExactly(Kind.BUY_ORDER, Kind.BUY_ORDER_LINE);
    assertThat(buy.actions().get(0).request()).contains("shop 3 ('Warehouse') refNum=PO-9");
    assertThat(push.actions()).singleElement().satisfies(a ->
        assertThat(a.request()).isEqualTo("PUT Item/" + item + ".json ItemShop shop 1 qoh 8"));
    assertThat(push.pushedValues()).as("nothing was pushed").isEmpty();
    assertThat(booking.toString()).startsWith("Dry run (nothing sent)").contains("PLANNED STOCK_BOOKING receipt/PO-1/R1/L1");

    assertThat(fx.server.retail().qoh(item, 1)).isEqualTo(5);
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, "receipt/PO-1/R1/L1")).isEmpty();
    assertThat(sink.ledgerEntry(LedgerKind.ORDER_EXPORT, "WEB-1")).isEmpty();
  }

  @Test
  void dryRunOfABookingWithAnUnknownOutcomeSaysItWillReconcileFirst() {
    var dying = WriterFixture.killing(sink, (method, key) -> method.equals("confirmInLedger")
        && key.equals("receipt/PO-1/R1/L1"), false);
    assertThatThrownBy(() -> RetailWriter.builder().client(fx.client).sink(dying).settings(allOn).build()
        .bookReceipts(List.of(booking()))).isInstanceOf(WriterFixture.Killed.class);
    long writes = fx.writeRequests();

    WriteReport plan = dryRun(allOn).bookReceipts(List.of(booking()));

    assertThat(plan.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.PLANNED);
      assertThat(a.detail()).contains("re-reads the level and decides first");
    });
    assertThat(fx.writeRequests()).isEqualTo(writes);
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, "receipt/PO-1/R1/L1").orElseThrow().confirmed()).isFalse();
  }

  @Test
  void dryRunInReadOnlyModePlansNothing() {
    RetailWriter writer = dryRun(allOn.withReadOnly(true));

    assertThat(writer.bookReceipts(List.of(booking())).suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(writer.exportOrders(List.of(hostOrder())).suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(writer.pushStock(pushPlan()).suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(fx.server.inspect().totalRequests()).isZero();
  }
}
