package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomWriter;
import dev.lightspeedsync.sync.lightspeed.ecom.HostShipment;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code ship-orders}: each line is a shipment the host (a warehouse, seed 003 "Send shipments and
 * update status") sent for one eCom order; the order's shipment gets the tracking code and becomes
 * shipped, the order {@code completed_shipped}, exactly once per host shipment id ({@code
 * EcomWriter.shipOrders}: claimed in the ledger, reconciled by reading the order's shipments after an
 * unknown outcome, so the customer is never notified twice).
 */
@Command(name = "ship-orders", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Sends host shipments to their eCom orders: tracking code and order status, each exactly once (seed 003).",
        "eCom only (--platform ecom).",
        "Input: one JSON object a line (--in FILE, or - for stdin):",
        "  {\"id\":\"S-1\",\"orderId\":\"10234\",\"trackingCode\":\"3SPICQ0001\",\"notifyCustomer\":true}",
        "  id: the host's shipment id (the ledger key shipment/ID: the same shipment is never sent twice);",
        "  orderId: the eCom order id (as sync --orders stored it); trackingCode: the carrier's code, 1 to 255",
        "  characters; notifyCustomer (optional, default false): Lightspeed e-mails the customer the shipment.",
        "  A shipment ships the whole order.",
        "Output: one JSON object a line per shipment: {\"line\",\"key\",\"kind\",\"status\",\"request\",\"detail\",\"externalId\"},",
        "  status as for book-receipts; NEEDS_ATTENTION for a cancelled order or one shipped with another code."})
final class ShipOrdersCommand extends WriteFlowCommand {
  static final List<String> FIELDS = List.of("id", "orderId", "trackingCode", "notifyCustomer");

  ShipOrdersCommand(PrintStream out, PrintStream err) {
    super(out, err, List.of("ecom"), FIELDS, 3);
  }

  private static HostShipment shipment(Line l) {
    JsonNode notify = l.json().get("notifyCustomer");
    if (notify != null && !notify.isNull() && !notify.isBoolean()) {
      throw new IllegalArgumentException("'notifyCustomer' must be true or false");
    }
    for (String f : List.of("id", "orderId", "trackingCode")) {
      if (!l.json().get(f).isValueNode()) {
        throw new IllegalArgumentException("'" + f + "' must be text");
      }
    }
    if (!text(l, "orderId").matches("\\d{1,18}")) {
      throw new IllegalArgumentException("'orderId' must be an eCom order id (a number)");
    }
    return new HostShipment(text(l, "id"), text(l, "orderId"), text(l, "trackingCode"), notify != null && notify.asBoolean());
  }

  @Override
  void validate(Line line) {
    shipment(line);
  }

  @Override
  String keyOf(Line line) {
    return shipment(line).key();
  }

  @Override
  WriteReport write(Target target, List<Line> lines) {
    return EcomWriter.builder().client(target.ecom()).sink(target.sink).settings(SyncSettings.builder().readOnly(readOnly())
        .build()).dryRun(dryRun).shipments(true).build().shipOrders(lines.stream().map(ShipOrdersCommand::shipment).toList());
  }
}
