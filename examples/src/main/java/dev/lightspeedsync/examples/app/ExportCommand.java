package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.Schema;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export}: the synced data as JSON lines, one record a line, streamed from the database in a
 * stable order (constant memory, whatever the size).
 *
 * <ul>
 *   <li>{@code skus}: {@code {"id","sku","name","active"}} ({@code sku} is null when Lightspeed has none)
 *   <li>{@code stock}: {@code {"skuId","locationId","onHand"}}
 *   <li>{@code sales}: {@code {"orderId","lineId","skuId","quantity"}}, lines of orders that count
 *       (voided orders are kept in the database but not exported)
 *   <li>{@code orders}: {@code {"orderId","seq","paymentStatus","shipmentStatus","cashOnDelivery","lineId","skuId","quantity"}},
 *       the lines of the eCom orders the order import ({@code sync --orders}) handed over, in
 *       hand-over order ({@code seq}) and line order
 * </ul>
 * Ids are Lightspeed's ids as strings (R-Series itemID, shopID, saleID, saleLineID).
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Writes synced SKUs, stock, sales lines or handed-over order lines as JSON lines (one JSON object a line).")
final class ExportCommand implements Callable<Integer> {
  private final PrintStream out;

  @Option(names = "--db", defaultValue = "${env:LIGHTSPEED_SYNC_DB:-" + LightspeedSyncApp.DEFAULT_DB + "}",
      description = {"JDBC URL of the database sync wrote. Default: $LIGHTSPEED_SYNC_DB, else:",
          "  " + LightspeedSyncApp.DEFAULT_DB, "A database that does not exist is refused (exit 7), never created."})
  String db;

  @Option(names = "--what", required = true, description = {"skus, stock, sales or orders:",
      "  skus   {\"id\",\"sku\",\"name\",\"active\"}",
      "  stock  {\"skuId\",\"locationId\",\"onHand\"}",
      "  sales  {\"orderId\",\"lineId\",\"skuId\",\"quantity\"} (voided orders left out)",
      "  orders {\"orderId\",\"seq\",\"paymentStatus\",\"shipmentStatus\",\"cashOnDelivery\",\"lineId\",\"skuId\",\"quantity\"}",
      "         lines of the eCom orders sync --orders handed over, in hand-over order"})
  String what;

  @Option(names = "--out", description = "Write to this file instead of standard output.")
  Path file;

  ExportCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    String kind = what.toLowerCase(Locale.ROOT);
    String sql = switch (kind) {
      case "skus" -> "SELECT id, sku, name, active FROM ls_sku ORDER BY id";
      case "stock" -> "SELECT sku_id, location_id, on_hand FROM ls_stock_level ORDER BY sku_id, location_id";
      case "sales" -> "SELECT l.order_id, l.line_id, l.sku_id, l.quantity FROM ls_sales_line l"
          + " JOIN ls_sales_order o ON o.id = l.order_id WHERE o.status <> 'VOIDED' ORDER BY l.order_id, l.pos";
      case "orders" -> "SELECT o.order_id, o.seq, o.payment_status, o.shipment_status, o.cash_on_delivery, l.line_id,"
          + " l.sku_id, l.quantity FROM ls_order_import o JOIN ls_order_import_line l ON l.order_id = o.order_id"
          + " ORDER BY o.seq, l.pos";
      default -> throw new AppException(ExitCodes.USAGE, "--what must be skus, stock, sales or orders");
    };
    long rows = 0;
    try (ConnectionPool pool = open(); Connection c = pool.connection()) {
      Schema.migrate(pool); // a database of an older release: brought to this schema
      c.setAutoCommit(false); // lets drivers stream with the fetch size
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(1000);
        OutputStream target = file != null ? Files.newOutputStream(file) : nonClosing(out);
        try (ResultSet rs = ps.executeQuery();
            JsonGenerator g = new JsonFactory().createGenerator(target, JsonEncoding.UTF8)) {
          g.setRootValueSeparator(null);
          while (rs.next()) {
            g.writeStartObject();
            switch (kind) {
              case "skus" -> {
                g.writeStringField("id", rs.getString(1));
                g.writeStringField("sku", rs.getString(2));
                g.writeStringField("name", rs.getString(3));
                g.writeBooleanField("active", rs.getBoolean(4));
              }
              case "stock" -> {
                g.writeStringField("skuId", rs.getString(1));
                g.writeStringField("locationId", rs.getString(2));
                g.writeNumberField("onHand", rs.getLong(3));
              }
              case "orders" -> {
                g.writeStringField("orderId", rs.getString(1));
                g.writeNumberField("seq", rs.getLong(2));
                g.writeStringField("paymentStatus", rs.getString(3));
                g.writeStringField("shipmentStatus", rs.getString(4));
                g.writeBooleanField("cashOnDelivery", rs.getBoolean(5));
                g.writeStringField("lineId", rs.getString(6));
                g.writeStringField("skuId", rs.getString(7));
                g.writeNumberField("quantity", rs.getLong(8));
              }
              default -> {
                g.writeStringField("orderId", rs.getString(1));
                g.writeStringField("lineId", rs.getString(2));
                g.writeStringField("skuId", rs.getString(3));
                g.writeNumberField("quantity", rs.getLong(4));
              }
            }
            g.writeEndObject();
            g.writeRaw('\n');
            rows++;
          }
        }
      }
    }
    if (file != null) {
      out.printf(Locale.ROOT, "Wrote %,d %s to %s%n", rows, kind, file);
    }
    return 0;
  }

  private ConnectionPool open() {
    return RunGuard.openExisting(db); // one line when it cannot open; never creates a database
  }

  private static OutputStream nonClosing(PrintStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        out.write(b, off, len);
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public void close() {
        out.flush();
      }
    };
  }
}
