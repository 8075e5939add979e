package dev.lightspeedsync.sync.lightspeed.ecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ecom.EcomQuery;
import dev.lightspeedsync.client.ecom.model.VariantMovement;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.ReceiptLine;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.rules.PurchaseOrderConfig;
import dev.lightspeedsync.sync.rules.PurchaseOrderRule;
import dev.lightspeedsync.sync.rules.ReceiptOutcome;
import dev.lightspeedsync.sync.rules.StockBooking;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 000 "optional stock booking" on eCom: each receipt raises the variant's stock exactly once. */
class EcomReceiptBookingTest {
  static final SyncSettings BOOKING_ON = SyncSettings.builder()
      .purchaseOrders(PurchaseOrderConfig.builder().bookingEnabled(true).build()).build();
  static final String KEY = "receipt/PO-1/R1/L1";

  EcomWriterFixture fx;
  InMemorySyncSink sink;
  long variant;

  @BeforeEach
  void start() {
    fx = new EcomWriterFixture();
    variant = fx.server.ecom().stream("variants").filter(v -> v.require("stockTracking").equals("enabled"))
        .findFirst().orElseThrow().id();
    fx.server.ecom().setVariantStock(variant, 5);
    fx.time.advance(Duration.ofMinutes(1));
    sink = new InMemorySyncSink();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  /** The bookings of receiving {@code quantity} of {@link #variant} at the webshop, as the host plans them. */
  List<StockBooking> receive(String receiptId, long quantity) {
    PurchaseOrder po = PurchaseOrder.builder().id("PO-1").locationId(EcomMapping.WEBSHOP)
        .createdAt(Instant.parse("2026-05-01T00:00:00Z"))
        .addLines(PurchaseOrderLine.of("L1", Long.toString(variant), 10)).build();
    ReceiptOutcome outcome = PurchaseOrderRule.of(PurchaseOrderConfig.builder().bookingEnabled(true).build())
        .applyReceipt(po, Receipt.builder().id(receiptId).purchaseOrderId("PO-1")
            .receivedAt(Instant.parse("2026-05-02T00:00:00Z")).addLines(ReceiptLine.of("L1", quantity)).build());
    assertThat(outcome.bookings()).hasSize(1);
    return outcome.bookings();
  }

  static StockBooking booking(String poId, String skuId, String locationId) {
    PurchaseOrder po = PurchaseOrder.builder().id(poId).locationId(locationId).createdAt(Instant.parse("2026-05-01T00:00:00Z"))
        .addLines(PurchaseOrderLine.of("L1", skuId, 10)).build();
    return PurchaseOrderRule.of(PurchaseOrderConfig.builder().bookingEnabled(true).build())
        .applyReceipt(po, Receipt.builder().id("R1").purchaseOrderId(poId).receivedAt(Instant.parse("2026-05-02T00:00:00Z"))
            .addLines(ReceiptLine.of("L1", 2)).build()).bookings().get(0);
  }

  EcomWriter writer(SyncSettings settings) {
    return fx.writer(sink, settings).build();
  }

  long stockLevel() {
    return fx.server.ecom().get("variants", variant).orElseThrow().getLong("stockLevel");
  }

  /** Stock writes the server applied (answered 200, or applied then answered 500). */
  long stockWrites() {
    return fx.server.inspect().requests("PUT variants/{id}.json", 200) + fx.server.inspect().faults(Fault.APPLY_THEN_500);
  }

  /** The stock changes Lightspeed recorded for the variant after the setup (5 on hand). */
  List<Long> movements() {
    return fx.client.variantMovements().list(EcomQuery.builder().filter("variant", variant).build()).stream()
        .map(VariantMovement::stockLevelChange).filter(c -> c == 3 || c == 2).toList();
  }

  @Test
  @DisplayName("000: a receipt raises the variant's stock level by the received quantity and is confirmed in the ledger")
  void receiptRaisesStock() {
    WriteReport report = writer(BOOKING_ON).bookReceipts(receive("R1", 3));

    assertThat(stockLevel()).isEqualTo(8);
    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.request()).isEqualTo("PUT variants/" + variant + ".json stockLevel 5 -> 8");
      assertThat(a.externalId()).contains("variants/" + variant + " stockLevel 5->8");
    });
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, KEY)).hasValueSatisfying(e -> assertThat(e.confirmed()).isTrue());
    assertThat(movements()).containsExactly(3L);
  }

  @Test
  void theSameReceiptAgainAndASecondReceiptEachRaiseStockOnce() {
    writer(BOOKING_ON).bookReceipts(receive("R1", 3));
    WriteReport again = fx.writer(sink.reopen(), BOOKING_ON).build().bookReceipts(receive("R1", 3));
    writer(BOOKING_ON).bookReceipts(receive("R2", 2));

    assertThat(again.count(Status.ALREADY_DONE)).isEqualTo(1);
    assertThat(stockLevel()).isEqualTo(10);
    assertThat(stockWrites()).isEqualTo(2);
  }

  @Test
  @DisplayName("write applied then answered 500: confirmed from the variant's level, never written twice")
  void writeThen500() {
    fx.injectNext(Fault.APPLY_THEN_500, "PUT", "variants/");
    List<StockBooking> bookings = receive("R1", 3);

    WriteReport report = writer(BOOKING_ON).bookReceipts(bookings);

    assertThat(fx.server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.RECOVERED);
      assertThat(a.detail()).contains("HTTP 500").contains("applied");
    });
    assertThat(writer(BOOKING_ON).bookReceipts(bookings).count(Status.ALREADY_DONE)).isEqualTo(1);
    assertThat(stockLevel()).isEqualTo(8);
    assertThat(fx.server.inspect().requests("PUT variants/{id}.json")).isEqualTo(1);
    assertThat(movements()).containsExactly(3L);
  }

  @Test
  @DisplayName("a dropped connection: not applied, pending, written by the next call, raised once")
  void droppedConnection() {
    fx.injectNext(Fault.DROP_CONNECTION, "PUT", "variants/");
    List<StockBooking> bookings = receive("R1", 3);

    WriteReport first = writer(BOOKING_ON).bookReceipts(bookings);

    assertThat(first.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.PENDING));
    assertThat(stockLevel()).isEqualTo(5);
    WriteReport second = fx.writer(sink.reopen(), BOOKING_ON).build().bookReceipts(bookings);
    assertThat(second.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.detail()).contains("not applied");
    });
    assertThat(stockLevel()).isEqualTo(8);
    assertThat(writer(BOOKING_ON).bookReceipts(bookings).count(Status.ALREADY_DONE)).isEqualTo(1);
    assertThat(movements()).containsExactly(3L);
  }

  @Test
  @DisplayName("a restart between the write and the ledger confirmation raises stock once")
  void restartBetweenWriteAndLedger() {
    List<StockBooking> bookings = receive("R1", 3);

    assertThatThrownBy(() -> fx.writer(new CrashingLedgerSink(sink, KEY), BOOKING_ON).build().bookReceipts(bookings))
        .isInstanceOf(CrashingLedgerSink.Crash.class);
    assertThat(stockLevel()).as("the write reached Lightspeed before the crash").isEqualTo(8);
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, KEY)).hasValueSatisfying(e -> assertThat(e.confirmed()).isFalse());

    WriteReport rerun = fx.writer(sink.reopen(), BOOKING_ON).build().bookReceipts(bookings);

    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    assertThat(stockLevel()).isEqualTo(8);
    assertThat(fx.server.inspect().requests("PUT variants/{id}.json")).isEqualTo(1);
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, KEY)).hasValueSatisfying(e -> assertThat(e.confirmed()).isTrue());
  }

  @Test
  @DisplayName("stock moved by a sale after an unknown outcome: not guessed, logged, settled by hand")
  void stockMovedMeanwhileNeedsAttention() {
    fx.injectNext(Fault.DROP_CONNECTION, "PUT", "variants/");
    List<StockBooking> bookings = receive("R1", 3);
    writer(BOOKING_ON).bookReceipts(bookings);
    fx.time.advance(Duration.ofMinutes(1));
    fx.server.ecom().setVariantStock(variant, 4); // a sale in the webshop

    WriteReport report = writer(BOOKING_ON).bookReceipts(bookings);

    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.NEEDS_ATTENTION));
    assertThat(sink.openIssues(RecordKind.RECEIPT)).singleElement().satisfies(i -> {
      assertThat(i.reason()).isEqualTo(ReasonCode.WRITE_OUTCOME_UNKNOWN);
      assertThat(i.problem()).contains("stockLevel 4").contains("(5)").contains("(8)");
      assertThat(i.remedy()).contains("stock movements");
    });
    assertThat(stockLevel()).isEqualTo(4);

    EcomWriter w = writer(BOOKING_ON);
    assertThat(w.settleBookingByHand(KEY, "added by hand")).hasValueSatisfying(e -> assertThat(e.confirmed()).isTrue());
    assertThat(sink.openIssues(RecordKind.RECEIPT)).isEmpty();
    assertThat(w.bookReceipts(bookings).count(Status.ALREADY_DONE)).isEqualTo(1);
    assertThat(fx.server.inspect().requests("PUT variants/{id}.json", 200)).isZero();
  }

  @Test
  @DisplayName("003 read-only mode and booking off (the default): nothing is sent")
  void readOnlyAndOffSendNothing() {
    SyncSettings readOnly = BOOKING_ON.withReadOnly(true);

    WriteReport ro = writer(readOnly).bookReceipts(receive("R1", 3));
    WriteReport off = writer(SyncSettings.defaults()).bookReceipts(receive("R1", 3));
    WriteReport roDry = fx.writer(sink, readOnly).dryRun(true).build().bookReceipts(receive("R1", 3));

    assertThat(ro.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(roDry.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(off.suppressedBecause()).contains(ReasonCode.BOOKING_DISABLED);
    assertThat(ro.actions()).isEmpty();
    assertThat(fx.writeRequests()).isZero();
    assertThat(fx.server.inspect().totalRequests()).as("not even a read").isZero();
    assertThat(stockLevel()).isEqualTo(5);
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, KEY)).isEmpty();
  }

  @Test
  @DisplayName("dry run: reads the level, reports the write it would send, sends nothing and stores nothing")
  void dryRun() {
    WriteReport report = fx.writer(sink, BOOKING_ON).dryRun(true).build().bookReceipts(receive("R1", 3));

    assertThat(report.dryRun()).isTrue();
    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.PLANNED);
      assertThat(a.request()).isEqualTo("PUT variants/" + variant + ".json stockLevel 5 -> 8");
    });
    assertThat(report.toString()).startsWith("Dry run (nothing sent)").contains("PLANNED STOCK_BOOKING " + KEY);
    assertThat(fx.writeRequests()).isZero();
    assertThat(stockLevel()).isEqualTo(5);
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, KEY)).isEmpty();
  }

  @Test
  void aSkuThatIsNoVariantOrALocationThatIsNotTheWebshopIsSkippedAndLogged() {
    StockBooking notVariant = booking("PO-2", "ABC-1", EcomMapping.WEBSHOP);
    StockBooking otherLocation = booking("PO-3", Long.toString(variant), "1");

    WriteReport report = writer(BOOKING_ON).bookReceipts(List.of(notVariant, otherLocation));

    assertThat(report.actions()).extracting(a -> a.status()).containsExactly(Status.SKIPPED, Status.SKIPPED);
    assertThat(sink.openIssues(RecordKind.RECEIPT)).hasSize(2).allMatch(i -> i.reason() == ReasonCode.SKU_NOT_LINKED);
    assertThat(fx.writeRequests()).isZero();
  }
}
