package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
import dev.lightspeedsync.sync.model.HostOrder;
import dev.lightspeedsync.sync.model.HostOrderLine;
import dev.lightspeedsync.sync.rules.OrderExportConfig;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export-orders}: each line is a host (webshop) order; a balanced one becomes one completed
 * R-Series sale, exactly once ({@code RetailWriter.exportOrders}: the order id is claimed in the
 * ledger and sent as the sale's referenceNumber; after an unknown outcome the sale is searched
 * before anything is posted again).
 */
@Command(name = "export-orders", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Exports host orders to R-Series as completed sales, each exactly once (seed 004).",
        "Input: one JSON object a line (--in FILE, or - for stdin):",
        "  {\"id\":\"W-1001\",\"placedAt\":\"2026-05-01T10:00:00Z\",\"total\":\"21.60\",\"amountPaid\":\"21.60\",",
        "   \"lines\":[{\"skuId\":\"123\",\"quantity\":2,\"unitPrice\":\"10.00\"}]}",
        "  id: the host order id (the sale's referenceNumber and the ledger key); placedAt: an instant;",
        "  total, amountPaid: decimals (tax included; only balanced orders are exported, others are LEFT_OUT);",
        "  lines: skuId (the R-Series itemID), quantity (positive), unitPrice (excluding tax).",
        "Output: one JSON object a line per order: {\"line\",\"key\",\"kind\",\"status\",\"request\",\"detail\",\"externalId\"}",
        "  (externalId: the saleID), status as for book-receipts, or LEFT_OUT with the reason."})
final class ExportOrdersCommand extends WriteFlowCommand {
  static final List<String> FIELDS = List.of("id", "placedAt", "total", "amountPaid", "lines");

  @Option(names = "--employee-id", required = true, description = "The Lightspeed employeeID the sales come in under.")
  String employeeId;

  @Option(names = "--register-id", required = true, description = "The Lightspeed registerID (its shop is the sale's shop).")
  String registerId;

  @Option(names = "--payment-type-id", required = true, description = "The Lightspeed paymentTypeID of the sale's payment.")
  long paymentTypeId;

  ExportOrdersCommand(PrintStream out, PrintStream err) {
    super(out, err, List.of("retail"), FIELDS, FIELDS.size());
  }

  @Override
  void checkOptions() {
    if (!employeeId.matches("\\d{1,18}")) {
      throw SyncOptions.usage("--employee-id must be a Lightspeed employeeID (a number)");
    }
    if (!registerId.matches("\\d{1,18}")) {
      throw SyncOptions.usage("--register-id must be a Lightspeed registerID (a number)");
    }
    if (paymentTypeId <= 0) {
      throw SyncOptions.usage("--payment-type-id must be a positive Lightspeed paymentTypeID");
    }
  }

  private static HostOrder order(Line l) {
    Instant placedAt;
    try {
      placedAt = Instant.parse(text(l, "placedAt"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'placedAt' must be an instant such as 2026-05-01T10:00:00Z");
    }
    List<Line> lines = members(l, "lines", List.of("skuId", "quantity", "unitPrice"));
    HostOrder.Builder b = HostOrder.builder().id(text(l, "id")).placedAt(placedAt).total(decimal(l, "total"))
        .amountPaid(decimal(l, "amountPaid"));
    for (Line item : lines) {
      b.addLines(HostOrderLine.builder().skuId(text(item, "skuId")).quantity(wholeNumber(item, "quantity"))
          .unitPrice(decimal(item, "unitPrice")).build());
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

  @Override
  WriteReport write(Target target, List<Line> lines) {
    SyncSettings settings = SyncSettings.builder().readOnly(readOnly()).orderExport(OrderExportConfig.builder().enabled(true)
        .employeeId(employeeId).registerId(registerId).build()).build();
    RetailWriter writer = RetailWriter.builder().client(target.retail()).sink(target.sink).settings(settings).dryRun(dryRun)
        .salePaymentTypeId(paymentTypeId).build();
    return writer.exportOrders(lines.stream().map(ExportOrdersCommand::order).toList());
  }
}
