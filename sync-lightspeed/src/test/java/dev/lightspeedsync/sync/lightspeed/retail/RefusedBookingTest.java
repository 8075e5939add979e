package dev.lightspeedsync.sync.lightspeed.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.ReceiptLine;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.rules.PurchaseOrderConfig;
import dev.lightspeedsync.sync.rules.PurchaseOrderRule;
import dev.lightspeedsync.sync.rules.StockBooking;
import dev.lightspeedsync.sync.spi.ForwardingSyncSink;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerOutcome;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A receipt for an item whose UPC another item also uses: the testkit, like Lightspeed, answers the
 * stock write with 422 every time. The refusal is logged once, reruns send nothing and add nothing
 * to the ledger, and the booking goes through once the item is fixed.
 */
class RefusedBookingTest {
  static final SyncSettings BOOKING_ON = SyncSettings.builder()
      .purchaseOrders(PurchaseOrderConfig.builder().bookingEnabled(true).build()).build();
  static final String SHARED_UPC = "012345678905"; // the testkit's duplicate barcode

  WriterFixture fx;
  long item;
  LedgerRows sink;

  /** Counts the ledger rows the writer adds. */
  static final class LedgerRows extends ForwardingSyncSink {
    final AtomicLong rows = new AtomicLong();

    LedgerRows(InMemorySyncSink delegate) {
      super(delegate);
    }

    @Override
    public List<LedgerOutcome> recordInLedger(List<LedgerEntry> entries) {
      List<LedgerOutcome> out = super.recordInLedger(entries);
      rows.addAndGet(out.stream().filter(LedgerOutcome::recorded).count());
      return out;
    }
  }

  @BeforeEach
  void start() {
    fx = new WriterFixture();
    item = fx.stockItem(0);
    fx.server.retail().setStock(item, 1, 5);
    fx.time.advance(Duration.ofMinutes(1));
    fx.server.retail().updateItem(item, Map.of("upc", SHARED_UPC));
    sink = new LedgerRows(new InMemorySyncSink());
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  List<StockBooking> receive() {
    PurchaseOrder po = PurchaseOrder.builder().id("PO-9").locationId("1").createdAt(Instant.parse("2026-05-01T00:00:00Z"))
        .addLines(PurchaseOrderLine.of("L1", Long.toString(item), 10)).build();
    return PurchaseOrderRule.of(PurchaseOrderConfig.builder().bookingEnabled(true).build())
        .applyReceipt(po, Receipt.builder().id("R1").purchaseOrderId("PO-9")
            .receivedAt(Instant.parse("2026-05-02T00:00:00Z")).addLines(ReceiptLine.of("L1", 3)).build())
        .bookings();
  }

  long stockWrites() {
    return fx.server.inspect().requests("PUT Item/{id}.json");
  }

  @Test
  void aRefusedBookingIsLoggedOnceAndRerunsNeitherSendNorGrowTheLedgerUntilTheItemIsFixed() {
    List<StockBooking> bookings = receive();

    WriteReport first = fx.writer(sink, BOOKING_ON).bookReceipts(bookings);
    long rowsAfterFirst = sink.rows.get();
    long writesAfterFirst = stockWrites();
    List<RecordIssue> logged = sink.openIssues(RecordKind.RECEIPT);
    WriteReport second = fx.writer(sink, BOOKING_ON).bookReceipts(bookings);
    WriteReport third = fx.writer(sink, BOOKING_ON).bookReceipts(bookings);

    assertThat(first.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.FAILED);
      assertThat(a.detail()).contains("HTTP 422");
    });
    assertThat(logged).singleElement().satisfies(i -> {
      assertThat(i.reason()).isEqualTo(ReasonCode.WRITE_NOT_POSSIBLE);
      assertThat(i.problem()).contains("refused", "HTTP 422", "UPC or EAN", "item " + item);
      assertThat(i.remedy()).contains("UPC");
    });
    for (WriteReport rerun : List.of(second, third)) {
      assertThat(rerun.actions()).singleElement().satisfies(a -> {
        assertThat(a.status()).isEqualTo(Status.NEEDS_ATTENTION);
        assertThat(a.detail()).contains("not sent again");
      });
    }
    assertThat(sink.rows.get()).as("ledger rows after the reruns").isEqualTo(rowsAfterFirst);
    assertThat(stockWrites()).as("stock writes sent by the reruns").isEqualTo(writesAfterFirst);
    assertThat(sink.openIssues(RecordKind.RECEIPT)).isEqualTo(logged);
    assertThat(fx.server.retail().qoh(item, 1)).isEqualTo(5);

    // the user gives the item its own barcode: the next run books the receipt, once
    fx.time.advance(Duration.ofMinutes(5));
    fx.server.retail().updateItem(item, Map.of("upc", "400000000777"));
    WriteReport fixed = fx.writer(sink, BOOKING_ON).bookReceipts(bookings);
    WriteReport after = fx.writer(sink, BOOKING_ON).bookReceipts(bookings);

    assertThat(fixed.actions()).singleElement().extracting(a -> a.status()).isEqualTo(Status.DONE);
    assertThat(after.actions()).singleElement().extracting(a -> a.status()).isEqualTo(Status.ALREADY_DONE);
    assertThat(fx.server.retail().qoh(item, 1)).isEqualTo(8);
    assertThat(sink.openIssues(RecordKind.RECEIPT)).as("resolved by the booking").isEmpty();
  }

  @Test
  void resolvingTheIssueSendsTheBookingAgain() {
    List<StockBooking> bookings = receive();
    fx.writer(sink, BOOKING_ON).bookReceipts(bookings);
    long writes = stockWrites();

    sink.resolveIssues(RecordKind.RECEIPT, bookings.get(0).key());
    WriteReport retried = fx.writer(sink, BOOKING_ON).bookReceipts(bookings);

    assertThat(stockWrites()).isEqualTo(writes + 1);
    assertThat(retried.actions()).singleElement().extracting(a -> a.status()).isEqualTo(Status.FAILED);
    assertThat(sink.openIssues(RecordKind.RECEIPT)).hasSize(1);
  }
}
