package dev.lightspeedsync.examples;

import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.ConnectionSource;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
import dev.lightspeedsync.sync.model.HostOrder;
import dev.lightspeedsync.sync.model.HostOrderLine;
import dev.lightspeedsync.sync.rules.OrderExportConfig;
import java.math.BigDecimal;
import java.util.List;

/**
 * Seed 004, an e-commerce platform on R-Series: webshop orders are exported to Lightspeed as
 * completed sales with the configured employee and register, only when balanced (paid in full),
 * and each exactly once, however often the export runs or fails half-way. sync-lightspeed's
 * {@link RetailWriter} does the work: it claims each order in the sink's ledger before the sale is
 * created and confirms it with the sale's id after.
 *
 * <p>Runs offline against the embedded testkit: {@code java -cp lightspeed-sync-app.jar
 * dev.lightspeedsync.examples.WebshopOrderExport}.
 */
public final class WebshopOrderExport {
  private final EmbeddedLightspeed lightspeed;
  private final ConnectionSource db;

  public WebshopOrderExport(EmbeddedLightspeed lightspeed, ConnectionSource db) {
    this.lightspeed = lightspeed;
    this.db = db;
  }

  /** The webshop's orders (in a real platform: its order table), selling R-Series items by itemID. */
  public List<HostOrder> webshopOrders() {
    List<Long> items = lightspeed.server().retail().stream("Item")
        .filter(r -> !r.getBoolean("archived") && r.require("itemType").equals("default"))
        .limit(3).map(r -> r.id()).toList();
    // Unit prices exclude tax; totals include the shop's sales tax (8 % in the testkit), because
    // Lightspeed computes the sale's total itself and refuses a completed sale that is not fully paid.
    return List.of(
        order("W-1001", "27.00", "27.00", line(items.get(0), 1, "25.00")),
        order("W-1002", "43.20", "43.20", line(items.get(1), 2, "20.00")),
        order("W-1003", "32.40", "10.00", line(items.get(2), 1, "30.00")), // not paid in full: not exported
        order("W-1004", "16.20", "16.20", line(items.get(0), 1, "15.00")));
  }

  /** Exports the balanced orders; returns the writer's report. */
  public WriteReport run(List<HostOrder> orders) {
    String register = Long.toString(lightspeed.server().retail().stream("Register").findFirst().orElseThrow().id());
    SyncSettings settings = SyncSettings.builder()
        .orderExport(OrderExportConfig.builder().enabled(true).employeeId("1").registerId(register).build())
        .build();
    try (RetailClient client = lightspeed.retailClient(new SyncMetrics(), null)) {
      RetailWriter writer = RetailWriter.builder().client(client).sink(JdbcSyncSink.migrated(db)).settings(settings)
          .salePaymentTypeId(1).clock(lightspeed.clock()).build();
      return writer.exportOrders(orders);
    }
  }

  private static HostOrder order(String id, String total, String paid, HostOrderLine line) {
    return HostOrder.builder().id(id).placedAt(java.time.Instant.parse("2026-06-01T10:00:00Z"))
        .total(new BigDecimal(total)).amountPaid(new BigDecimal(paid)).addLines(line).build();
  }

  private static HostOrderLine line(long itemId, long quantity, String unitPrice) {
    return HostOrderLine.builder().skuId(Long.toString(itemId)).quantity(quantity).unitPrice(new BigDecimal(unitPrice))
        .build();
  }

  public static void main(String[] args) throws Exception {
    try (EmbeddedLightspeed lightspeed = EmbeddedLightspeed.start(2, 200, 0, 60);
        ConnectionPool db = ConnectionPool.open("jdbc:h2:mem:export;DB_CLOSE_DELAY=-1")) {
      WebshopOrderExport export = new WebshopOrderExport(lightspeed, db);
      List<HostOrder> orders = export.webshopOrders();
      WriteReport first = export.run(orders);
      WriteReport second = export.run(orders);
      System.out.printf("First export: %d sales created, %d orders left out (%s)%n",
          first.count(WriteAction.Status.DONE), first.exclusions().size(), first.exclusions());
      first.actions().forEach(a -> System.out.println("  " + a));
      System.out.printf("Second export: %d created; left out: %s (each order is exported once)%n",
          second.count(WriteAction.Status.DONE), second.exclusions());
    }
  }
}
