package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receipt booking against the testkit: each receipt raises Lightspeed stock exactly once. */
class ReceiptBookingTest {
  static final SyncSettings BOOKING_ON = SyncSettings.builder()
      .purchaseOrders(PurchaseOrderConfig.builder().bookingEnabled(true).build()).build();

  WriterFixture fx;
  long item;
  InMemorySyncSink sink;

  @BeforeEach
  void start() {
    fx = new WriterFixture();
    item = fx.stockItem(0);
    fx.server.retail().setStock(item, 1, 5);
    sink = new InMemorySyncSink();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  /** The bookings of receiving {@code quantity} of {@link #item} at shop 1, as the host would plan them. */
  List<StockBooking> receive(String receiptId, long quantity) {
    PurchaseOrder po = PurchaseOrder.builder().id("PO-1").locationId("1").createdAt(Instant.parse("2026-05-01T00:00:00Z"))
        .addLines(PurchaseOrderLine.of("L1", Long.toString(item), 10)).build();
    ReceiptOutcome outcome = PurchaseOrderRule.of(PurchaseOrderConfig.builder().bookingEnabled(true).build())
        .applyReceipt(po, Receipt.builder().id(receiptId).purchaseOrderId("PO-1")
            .receivedAt(Instant.parse("2026-05-02T00:00:00Z")).addLines(ReceiptLine.of("L1", quantity)).build());
    assertThat(outcome.bookings()).hasSize(1);
    return outcome.bookings();
  }

  long qoh() {
    return fx.server.retail().qoh(item, 1);
  }

  long stockWrites() {
    return fx.server.inspect().requests("PUT Item/{id}.json");
  }

  @Test
  void receiptRaisesStockByTheReceivedQuantityAndIsConfirmedInTheLedger() {
    WriteReport report = fx.writer(sink, BOOKING_ON).bookReceipts(receive("R1", 3));

    assertThat(qoh()).isEqualTo(8);
    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.request()).contains("qoh 5 -> 8");
    });
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, "receipt/PO-1/R1/L1")).hasValueSatisfying(e ->
        assertThat(e.confirmed()).isTrue());
  }

  @Test
  void bookingTheSameReceiptAgainRaisesStockOnlyOnce() {
    List<StockBooking> bookings = receive("R1", 3);
    fx.writer(sink, BOOKING_ON).bookReceipts(bookings);
    WriteReport again = fx.writer(sink.reopen(), BOOKING_ON).bookReceipts(bookings);

    assertThat(qoh()).isEqualTo(8);
    assertThat(again.count(Status.ALREADY_DONE)).isEqualTo(1);
    assertThat(stockWrites()).isEqualTo(1);
  }

  @Test
  void twoReceiptsOfTheSameLineEachRaiseStockOnce() {
    RetailWriter writer = fx.writer(sink, BOOKING_ON);
    writer.bookReceipts(receive("R1", 3));
    writer.bookReceipts(receive("R2", 2));
    writer.bookReceipts(receive("R1", 3));

    assertThat(qoh()).isEqualTo(10);
  }

  @Test
  void writeAppliedThenAnswered500IsConfirmedWithoutWritingAgain() {
    fx.server.injectNext(Fault.APPLY_THEN_500, fx.path("PUT", "Item/"));
    List<StockBooking> bookings = receive("R1", 3);

    WriteReport report = fx.writer(sink, BOOKING_ON).bookReceipts(bookings);

    assertThat(fx.server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    assertThat(qoh()).isEqualTo(8);
    assertThat(fx.writer(sink.reopen(), BOOKING_ON).bookReceipts(bookings).count(Status.ALREADY_DONE)).isEqualTo(1);
    assertThat(qoh()).isEqualTo(8);
    assertThat(stockWrites()).isEqualTo(1);
  }

  @Test
  void restartBetweenTheWriteAndTheLedgerConfirmRaisesStockOnce() {
    List<StockBooking> bookings = receive("R1", 3);
    var dying = WriterFixture.killing(sink, (method, key) -> method.equals("confirmInLedger")
        && key.equals("receipt/PO-1/R1/L1"), false);

    assertThatThrownBy(() -> fx.writer(dying, BOOKING_ON).bookReceipts(bookings))
        .isInstanceOf(WriterFixture.Killed.class);
    assertThat(qoh()).as("the write reached Lightspeed before the kill").isEqualTo(8);
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, "receipt/PO-1/R1/L1")).hasValueSatisfying(e ->
        assertThat(e.confirmed()).isFalse());

    WriteReport rerun = fx.writer(sink.reopen(), BOOKING_ON).bookReceipts(bookings);

    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    assertThat(qoh()).isEqualTo(8);
    assertThat(stockWrites()).isEqualTo(1);
  }

  @Test
  void restartAfterTheClaimButBeforeTheWriteWritesOnTheRerun() {
    List<StockBooking> bookings = receive("R1", 3);
    // dies right after the plan (level before, target) is stored: the write was never sent
    var dying = WriterFixture.killing(sink, (method, key) -> method.equals("confirmInLedger")
        && key.contains("#attempt/"), true);

    assertThatThrownBy(() -> fx.writer(dying, BOOKING_ON).bookReceipts(bookings))
        .isInstanceOf(WriterFixture.Killed.class);
    assertThat(qoh()).isEqualTo(5);

    WriteReport rerun = fx.writer(sink.reopen(), BOOKING_ON).bookReceipts(bookings);

    assertThat(rerun.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.detail()).contains("not applied");
    });
    assertThat(qoh()).isEqualTo(8);
    assertThat(stockWrites()).isEqualTo(1);
  }

  @Test
  void droppedConnectionLeavesTheBookingPendingAndTheNextRunWritesItOnce() {
    fx.server.injectNext(Fault.DROP_CONNECTION, fx.path("PUT", "Item/"));
    List<StockBooking> bookings = receive("R1", 3);

    WriteReport first = fx.writer(sink, BOOKING_ON).bookReceipts(bookings);
    long afterFirst = qoh();
    WriteReport second = fx.writer(sink.reopen(), BOOKING_ON).bookReceipts(bookings);

    assertThat(fx.server.inspect().faults(Fault.DROP_CONNECTION)).isEqualTo(1);
    if (afterFirst == 5) {
      assertThat(first.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.PENDING));
      assertThat(second.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.DONE));
    } else {
      assertThat(first.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    }
    assertThat(qoh()).isEqualTo(8);
  }

  @Test
  void stockThatMovedForAnotherReasonAfterAnUnknownOutcomeIsNotGuessedButLogged() {
    List<StockBooking> bookings = receive("R1", 3);
    var dying = WriterFixture.killing(sink, (method, key) -> method.equals("confirmInLedger")
        && key.equals("receipt/PO-1/R1/L1"), false);
    assertThatThrownBy(() -> fx.writer(dying, BOOKING_ON).bookReceipts(bookings))
        .isInstanceOf(WriterFixture.Killed.class);
    fx.time.advance(java.time.Duration.ofMinutes(1));
    fx.server.retail().adjustStock(item, 1, -1); // a sale in the shop: 8 -> 7

    WriteReport rerun = fx.writer(sink.reopen(), BOOKING_ON).bookReceipts(bookings);

    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.NEEDS_ATTENTION));
    assertThat(qoh()).as("nothing written on a guess").isEqualTo(7);
    assertThat(stockWrites()).isEqualTo(1);
    assertThat(sink.openIssues(RecordKind.RECEIPT)).singleElement().satisfies(i -> {
      assertThat(i.recordId()).isEqualTo("receipt/PO-1/R1/L1");
      assertThat(i.problem()).contains("qoh 7").contains("(5)").contains("(8)");
      assertThat(i.remedy()).contains("inventory log");
    });

    RetailWriter writer = fx.writer(sink.reopen(), BOOKING_ON);
    writer.settleBookingByHand("receipt/PO-1/R1/L1", "checked the inventory log: booked");
    assertThat(writer.bookReceipts(bookings).count(Status.ALREADY_DONE)).isEqualTo(1);
    assertThat(sink.openIssues(RecordKind.RECEIPT)).isEmpty();
    assertThat(qoh()).isEqualTo(7);
  }

  @Test
  void levelBackAtItsOldValueButTouchedSinceThePlanIsNotTakenAsNotApplied() {
    List<StockBooking> bookings = receive("R1", 3);
    // dies right after the plan is stored: from the ledger alone the write may or may not have been sent
    var dying = WriterFixture.killing(sink, (method, key) -> method.equals("confirmInLedger")
        && key.contains("#attempt/"), true);
    assertThatThrownBy(() -> fx.writer(dying, BOOKING_ON).bookReceipts(bookings))
        .isInstanceOf(WriterFixture.Killed.class);
    fx.time.advance(java.time.Duration.ofMinutes(1));
    fx.server.retail().adjustStock(item, 1, -1); // a sale ...
    fx.time.advance(java.time.Duration.ofMinutes(1));
    fx.server.retail().adjustStock(item, 1, +1); // ... and its refund: qoh 5 again, but the row moved

    WriteReport rerun = fx.writer(sink.reopen(), BOOKING_ON).bookReceipts(bookings);

    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.NEEDS_ATTENTION));
    assertThat(qoh()).isEqualTo(5);
    assertThat(stockWrites()).isZero();
    assertThat(sink.openIssues(RecordKind.RECEIPT)).hasSize(1);
  }

  @Test
  void oversoldStockThatCannotBeRaisedToANonNegativeLevelIsLoggedNotWritten() {
    fx.server.retail().setStock(item, 1, -10);

    WriteReport report = fx.writer(sink, BOOKING_ON).bookReceipts(receive("R1", 3));

    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.NEEDS_ATTENTION));
    assertThat(sink.openIssues(RecordKind.RECEIPT)).singleElement()
        .satisfies(i -> assertThat(i.problem()).contains("cannot set a negative quantity"));
    assertThat(stockWrites()).isZero();
    assertThat(qoh()).isEqualTo(-10);
  }

  @Test
  void aSecondConcurrentWriteCallForTheSameAccountIsRefused() {
    RetailWriter[] writer = new RetailWriter[1];
    Throwable[] refused = new Throwable[1];
    // while the first call is in the ledger, a second call for the same account arrives
    var reentrant = (dev.lightspeedsync.sync.spi.SyncSink) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {dev.lightspeedsync.sync.spi.SyncSink.class}, (p, m, args) -> {
          if (m.getName().equals("recordInLedger") && refused[0] == null) {
            try {
              writer[0].bookReceipts(receive("R2", 1));
            } catch (RuntimeException e) {
              refused[0] = e;
            }
          }
          return m.invoke(sink, args);
        });
    writer[0] = fx.writer(reentrant, BOOKING_ON);

    writer[0].bookReceipts(receive("R1", 3));

    assertThat(refused[0]).isInstanceOf(dev.lightspeedsync.sync.lightspeed.SyncException.class)
        .hasMessageContaining("already running");
    assertThat(qoh()).isEqualTo(8);
  }

  @Test
  void bookingIsOffByDefaultAndRefusedInReadOnlyMode() {
    List<StockBooking> bookings = receive("R1", 3);

    WriteReport off = fx.writer(sink, SyncSettings.defaults()).bookReceipts(bookings);
    WriteReport readOnly = fx.writer(sink, BOOKING_ON.withReadOnly(true)).bookReceipts(bookings);

    assertThat(off.suppressedBecause()).contains(ReasonCode.BOOKING_DISABLED);
    assertThat(readOnly.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(off.actions()).isEmpty();
    assertThat(readOnly.actions()).isEmpty();
    assertThat(fx.writeRequests()).isZero();
    assertThat(qoh()).isEqualTo(5);
    assertThat(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, "receipt/PO-1/R1/L1")).isEmpty();
  }
}
