package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomWriter;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesWriter;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.ReceiptLine;
import dev.lightspeedsync.sync.rules.PurchaseOrderConfig;
import dev.lightspeedsync.sync.rules.PurchaseOrderRule;
import dev.lightspeedsync.sync.rules.StockBooking;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code book-receipts}: each line is a received purchase-order line; Lightspeed's stock of the SKU
 * at the location is raised by the quantity exactly once. R-Series ({@code RetailWriter.bookReceipts})
 * and eCom ({@code EcomWriter.bookReceipts}): ledger claim, level before and target stored before the
 * absolute write, reconciled after an unknown outcome. X-Series ({@code
 * XSeriesWriter.receiveConsignments}): each receipt of a purchase order becomes one SUPPLIER
 * consignment at the order's outlet, RECEIVED once; its lines share the consignment's result.
 */
@Command(name = "book-receipts", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Books received purchase-order lines as Lightspeed stock, each exactly once (seeds 000, 001, 002).",
        "Input: one JSON object a line (--in FILE, or - for stdin):",
        "  {\"purchaseOrderId\":\"PO-1\",\"receiptId\":\"R1\",\"lineId\":\"L1\",\"skuId\":\"123\",\"locationId\":\"1\",\"quantity\":3}",
        "  purchaseOrderId, receiptId, lineId: the host's ids; together the booking's key (receipt/PO/R/L),",
        "    so the same line booked again is never booked twice;",
        "  skuId: retail the itemID, ecom the variant id, xseries the product id;",
        "  locationId: retail the shopID, ecom webshop, xseries the outlet id;",
        "    with --outlet-mapping (retail, xseries) the host's warehouse code, written to the shop or outlet it maps to;",
        "    one per purchase order on xseries;",
        "  quantity: units received, a positive whole number;",
        "  supplierId (xseries only, optional): the consignment's supplier id (one per purchase order).",
        "  X-Series receives each receipt (purchaseOrderId + receiptId) as one SUPPLIER consignment, key",
        "  consignment/PO/R: give all lines of a receipt in the same run; its lines share one result.",
        "Output: one JSON object a line per input line: {\"line\",\"key\",\"kind\",\"status\",\"request\",\"detail\"},",
        "  status DONE, ALREADY_DONE, RECOVERED (an earlier unknown outcome was applied), PLANNED (--dry-run),",
        "  SKIPPED, PENDING or NEEDS_ATTENTION (rerun; see the notice), FAILED, SUPPRESSED (--read-only), INVALID."})
final class BookReceiptsCommand extends WriteFlowCommand {
  static final List<String> FIELDS = List.of("purchaseOrderId", "receiptId", "lineId", "skuId", "locationId", "quantity");
  /** X-Series: the consignment's supplier. */
  static final List<String> XSERIES_FIELDS = List.of("purchaseOrderId", "receiptId", "lineId", "skuId", "locationId",
      "quantity", "supplierId");

  private static final Instant EPOCH = Instant.EPOCH;
  private static final PurchaseOrderConfig BOOKING = PurchaseOrderConfig.builder().bookingEnabled(true).build();
  private static final PurchaseOrderRule RULE = PurchaseOrderRule.of(BOOKING);

  @Mixin
  OutletMappingOption outlets = new OutletMappingOption();

  @Override
  OutletMappingOption outletMapping() {
    return outlets;
  }

  BookReceiptsCommand(PrintStream out, PrintStream err) {
    super(out, err, List.of("retail", "ecom", "xseries"), FIELDS, FIELDS.size());
  }

  @Override
  List<String> fields() {
    return xseries() ? XSERIES_FIELDS : FIELDS;
  }

  private boolean xseries() {
    return platform().equals("xseries");
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
    return xseries() ? "consignment/" + text(line, "purchaseOrderId") + "/" + text(line, "receiptId") : booking(line).key();
  }

  @Override
  boolean oneActionForManyLines() {
    return xseries();
  }

  /** X-Series: a purchase order is received at one outlet from one supplier. */
  @Override
  Map<Integer, String> validateTogether(List<Line> lines) {
    if (!xseries()) {
      return Map.of();
    }
    Map<String, Line> firstOfOrder = new LinkedHashMap<>();
    Map<Integer, String> invalid = new LinkedHashMap<>();
    for (Line l : lines) {
      Line first = firstOfOrder.putIfAbsent(text(l, "purchaseOrderId"), l);
      if (first == null) {
        continue;
      }
      for (String f : List.of("locationId", "supplierId")) {
        if (!Objects.equals(text(first, f), text(l, f))) {
          invalid.put(l.number(), "'" + f + "' differs from line " + first.number() + " of purchase order "
              + text(l, "purchaseOrderId") + ": an X-Series purchase order is received at one outlet from one supplier");
          break;
        }
      }
    }
    return invalid;
  }

  @Override
  WriteReport write(Target target, List<Line> lines) {
    SyncSettings settings = SyncSettings.builder().readOnly(readOnly()).purchaseOrders(BOOKING).build();
    List<StockBooking> bookings = lines.stream().map(BookReceiptsCommand::booking).toList();
    return switch (platform()) {
      case "ecom" -> EcomWriter.builder().client(target.ecom()).sink(target.sink).settings(settings).dryRun(dryRun).build()
          .bookReceipts(bookings);
      case "xseries" -> receiveConsignments(XSeriesWriter.builder().client(target.xseries()).sink(target.sink)
          .settings(settings).dryRun(dryRun).build(), lines);
      default -> RetailWriter.builder().client(target.retail()).sink(target.sink).settings(settings).dryRun(dryRun).build()
          .bookReceipts(bookings);
    };
  }

  /** One call per purchase order; the reports joined. */
  private WriteReport receiveConsignments(XSeriesWriter writer, List<Line> lines) {
    Map<String, List<Line>> byOrder = new LinkedHashMap<>();
    lines.forEach(l -> byOrder.computeIfAbsent(text(l, "purchaseOrderId"), k -> new ArrayList<>()).add(l));
    List<WriteReport> reports = new ArrayList<>();
    for (Map.Entry<String, List<Line>> e : byOrder.entrySet()) {
      Line first = e.getValue().get(0);
      PurchaseOrder.Builder order = PurchaseOrder.builder().id(e.getKey()).locationId(text(first, "locationId"))
          .createdAt(EPOCH);
      Optional.ofNullable(text(first, "supplierId")).filter(s -> !s.isBlank()).ifPresent(order::supplierId);
      Map<String, Line> byLineId = new LinkedHashMap<>();
      e.getValue().forEach(l -> byLineId.putIfAbsent(text(l, "lineId"), l));
      byLineId.values().forEach(l -> order.addLines(PurchaseOrderLine.of(text(l, "lineId"), text(l, "skuId"),
          wholeNumber(l, "quantity"))));
      WriteReport report = writer.receiveConsignments(order.build(), e.getValue().stream().map(BookReceiptsCommand::booking)
          .toList());
      if (report.suppressedBecause().isPresent()) {
        return report;
      }
      reports.add(report);
    }
    return joined(writer.dryRun(), reports);
  }
}
