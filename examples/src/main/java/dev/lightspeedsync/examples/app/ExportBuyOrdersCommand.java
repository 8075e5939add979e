package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesWriter;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export-buy-orders}: each line is a host (planner) buy order; it becomes one R-Series Order
 * with its OrderLines at the default location ({@code RetailWriter.exportBuyOrders}). The location is
 * matched exactly and case-sensitively against the account's shops before anything is sent (seed 001:
 * "This field is case-sensitive"); a mismatch ends the command with one line naming the near match.
 * An order already created for a buy order (found by {@code refNum}) only gets its missing lines, so
 * a rerun never creates it twice.
 *
 * <p>X-Series ({@code XSeriesWriter.exportBuyOrders}): one SUPPLIER consignment in status OPEN at the
 * default outlet, with {@code reference} = the buy order's id (found again by it), one product per
 * SKU with the ordered count; the buyer sends it from Lightspeed.
 */
@Command(name = "export-buy-orders", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Exports host buy orders to R-Series purchase orders or X-Series supplier consignments at the default location, each created once (seed 001).",
        "Input: one JSON object a line (--in FILE, or - for stdin):",
        "  {\"id\":\"BO-1\",\"supplierId\":\"3\",\"lines\":[{\"lineId\":\"1\",\"skuId\":\"123\",\"quantity\":12}]}",
        "  id: the host's buy order id (the Order's refNum: found again by it, never created twice);",
        "  lines: skuId (the R-Series itemID), quantity (a positive whole number), lineId (optional: the host's",
        "  line id, default its position); supplierId (optional): the R-Series vendorID.",
        "Output: one JSON object a line per order and per order line: {\"line\",\"key\",\"kind\",\"status\",\"request\",",
        "  \"detail\",\"externalId\"} (kind BUY_ORDER with the orderID, BUY_ORDER_LINE with the orderLineID, key",
        "  ID/item/ITEM), status as for book-receipts.",
        "A --default-location that is not a shop's exact name (\"main warehouse\" for \"Main Warehouse\") sends",
        "nothing and exits 5 with the near match.",
        "X-Series (--platform xseries), the differences: each buy order becomes a SUPPLIER consignment in status OPEN",
        "(found again by its reference, the buy order's id; the buyer sends it from Lightspeed) at the outlet named",
        "--default-location; skuId is the X-Series product id, supplierId an X-Series supplier id; kind BUY_ORDER has",
        "the consignment id, BUY_ORDER_LINE (key ID/product/PRODUCT) one product with its count. A consignment",
        "cancelled in Lightspeed is not created again (NEEDS_ATTENTION)."})
final class ExportBuyOrdersCommand extends WriteFlowCommand {
  static final List<String> FIELDS = List.of("id", "lines", "supplierId");
  /** The line keys' separators: R-Series {@code BO-1/item/123}, X-Series {@code BO-1/product/UUID}. */
  private static final List<String> LINE_SUFFIXES = List.of("/item/", "/product/");

  @Option(names = "--default-location", required = true,
      description = "The shop (X-Series: outlet) buy orders are delivered to: its exact name, case-sensitive (seed 001 \"Default Location Code\").")
  String defaultLocation;

  ExportBuyOrdersCommand(PrintStream out, PrintStream err) {
    super(out, err, List.of("retail", "xseries"), FIELDS, 2);
  }

  @Override
  void checkOptions() {
    if (defaultLocation.isBlank()) {
      throw SyncOptions.usage("--default-location must be a shop's name");
    }
  }

  private PurchaseOrder order(Line l) {
    List<Line> lines = members(l, "lines", List.of("skuId", "quantity"));
    PurchaseOrder.Builder b = PurchaseOrder.builder().id(text(l, "id")).locationId(defaultLocation)
        .createdAt(Instant.EPOCH);
    String supplier = text(l, "supplierId");
    if (supplier != null && !supplier.isBlank()) {
      b.supplierId(supplier);
    }
    int i = 0;
    for (Line item : lines) {
      i++;
      long quantity = wholeNumber(item, "quantity");
      if (quantity <= 0) {
        throw new IllegalArgumentException("lines[" + i + "]: 'quantity' must be a positive whole number");
      }
      String lineId = item.json().hasNonNull("lineId") ? text(item, "lineId") : Integer.toString(i);
      b.addLines(PurchaseOrderLine.of(lineId, text(item, "skuId"), quantity));
    }
    return b.build();
  }

  @Override
  void validate(Line line) {
    order(line);
  }

  @Override
  String keyOf(Line line) {
    return text(line, "id");
  }

  /** An order line's action ({@code BO-1/item/123}, {@code BO-1/product/UUID}) belongs to its buy order's input line. */
  @Override
  String lineKeyOf(String actionKey) {
    for (String suffix : LINE_SUFFIXES) {
      int cut = actionKey.lastIndexOf(suffix);
      if (cut >= 0) {
        return actionKey.substring(0, cut);
      }
    }
    return actionKey;
  }

  @Override
  WriteReport write(Target target, List<Line> lines) {
    SyncSettings settings = SyncSettings.builder().readOnly(readOnly()).location(LocationConfig.builder()
        .strategy(LocationStrategy.ONE).defaultLocationCode(defaultLocation).build()).build();
    List<PurchaseOrder> orders = lines.stream().map(this::order).toList();
    if (platform().equals("xseries")) {
      return XSeriesWriter.builder().client(target.xseries()).sink(target.sink).settings(settings).dryRun(dryRun)
          .buyOrders(true).build().exportBuyOrders(orders);
    }
    return RetailWriter.builder().client(target.retail()).sink(target.sink).settings(settings).dryRun(dryRun)
        .buyOrders(true).build().exportBuyOrders(orders);
  }
}
