package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.ReceiptLine;
import dev.lightspeedsync.sync.rules.PurchaseOrderRule;
import dev.lightspeedsync.sync.rules.PurchaseOrderConfig;
import dev.lightspeedsync.sync.rules.StockBooking;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code book-receipts}: each line is a received purchase-order line; Lightspeed's stock of the SKU
 * at the location is raised by the quantity exactly once ({@code RetailWriter.bookReceipts}: ledger
 * claim, level before and target stored before the absolute write, reconciled after an unknown
 * outcome).
 */
@Command(name = "book-receipts", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Books received purchase-order lines as Lightspeed stock, each exactly once (seed 000/001 receipts).",
        "Input: one JSON object a line (--in FILE, or - for stdin):",
        "  {\"purchaseOrderId\":\"PO-1\",\"receiptId\":\"R1\",\"lineId\":\"L1\",\"skuId\":\"123\",\"locationId\":\"1\",\"quantity\":3}",
        "  purchaseOrderId, receiptId, lineId: the host's ids; together the booking's key (receipt/PO/R/L),",
        "    so the same line booked again is never booked twice;",
        "  skuId: the R-Series itemID; locationId: the shopID; quantity: units received, a positive whole number.",
        "Output: one JSON object a line per input line: {\"line\",\"key\",\"kind\",\"status\",\"request\",\"detail\"},",
        "  status DONE, ALREADY_DONE, RECOVERED (an earlier unknown outcome was applied), PLANNED (--dry-run),",
        "  SKIPPED, PENDING or NEEDS_ATTENTION (rerun; see the notice), FAILED, SUPPRESSED (--read-only), INVALID."})
final class BookReceiptsCommand extends WriteFlowCommand {
  static final List<String> FIELDS = List.of("purchaseOrderId", "receiptId", "lineId", "skuId", "locationId", "quantity");

  private static final java.time.Instant EPOCH = java.time.Instant.EPOCH;
  private static final PurchaseOrderRule RULE = PurchaseOrderRule.of(PurchaseOrderConfig.builder().bookingEnabled(true).build());

  BookReceiptsCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  List<String> fields() {
    return FIELDS;
  }

  @Override
  int required() {
    return FIELDS.size();
  }

  private static StockBooking booking(Line l) {
    long quantity = wholeNumber(l, "quantity");
    if (quantity <= 0) {
      throw new IllegalArgumentException("'quantity' must be a positive whole number");
    }
    // the host's receipt of one purchase-order line, through sync-core's rule: the booking and its key
    String po = text(l, "purchaseOrderId");
    String line = text(l, "lineId");
    PurchaseOrder order = PurchaseOrder.builder().id(po).locationId(text(l, "locationId")).createdAt(EPOCH)
        .addLines(PurchaseOrderLine.of(line, text(l, "skuId"), quantity)).build();
    List<StockBooking> bookings = RULE.applyReceipt(order, Receipt.builder().id(text(l, "receiptId")).purchaseOrderId(po)
        .receivedAt(EPOCH).addLines(ReceiptLine.of(line, quantity)).build()).bookings();
    if (bookings.size() != 1) {
      throw new IllegalStateException("the receipt line books nothing");
    }
    return bookings.get(0);
  }

  @Override
  void validate(Line line) {
    booking(line);
  }

  @Override
  String keyOf(Line line) {
    return booking(line).key();
  }

  @Override
  WriteReport write(RetailClient client, SyncSink sink, dev.lightspeedsync.examples.jdbc.ConnectionPool db, List<Line> lines) {
    SyncSettings settings = SyncSettings.builder().readOnly(readOnly)
        .purchaseOrders(PurchaseOrderConfig.builder().bookingEnabled(true).build()).build();
    RetailWriter writer = RetailWriter.builder().client(client).sink(sink).settings(settings).dryRun(dryRun).build();
    return writer.bookReceipts(lines.stream().map(BookReceiptsCommand::booking).toList());
  }
}
