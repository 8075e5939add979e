package dev.lightspeedsync.examples;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.ConnectionSource;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncRequest;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomConnector;
import dev.lightspeedsync.sync.rules.EcomOrderMode;
import dev.lightspeedsync.sync.rules.OrderImportConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Seed 003, a warehouse system on eCom: import the webshop orders that are eligible to ship (paid or
 * cash on delivery, not shipped) and changed within the last 12 hours, and hand each one to the
 * warehouse's pick list <em>exactly once</em>, however often the import runs.
 *
 * <p>The engine's order import does it all ({@code SyncSettings.orderImport()}, stream
 * {@code ORDER_IMPORT}): it reads only the orders changed in the window, imports each order's missing
 * products first, and hands each selected order to the sink's {@code handOverOrders}. The JDBC sink
 * writes an order and its lines to {@code ls_order_import} / {@code ls_order_import_line} (the pick
 * list) in one transaction whose primary key refuses a second hand-over: exactly once without a
 * separate ledger round trip.
 *
 * <p>Runs offline against the embedded testkit: {@code java -cp lightspeed-sync-app.jar
 * dev.lightspeedsync.examples.WarehouseOrderImport}.
 */
public final class WarehouseOrderImport {
  private final EmbeddedLightspeed lightspeed;
  private final ConnectionSource db;

  public WarehouseOrderImport(EmbeddedLightspeed lightspeed, ConnectionSource db) {
    this.lightspeed = lightspeed;
    this.db = db;
  }

  /** What one import did: orders read in the window, and orders newly handed to the warehouse. */
  public record Result(long ordersRead, List<String> handedOver) {}

  public Result run() throws SQLException {
    JdbcSyncSink sink = JdbcSyncSink.migrated(db);
    SyncMetrics metrics = new SyncMetrics();
    Set<String> before = handedOverIds();
    SyncReport report;
    try (EcomClient client = lightspeed.ecomClient(metrics)) {
      SyncEngine engine = SyncEngine.builder()
          .sink(sink)
          .settings(SyncSettings.builder()
              .orderImport(OrderImportConfig.builder().mode(EcomOrderMode.ELIGIBLE_TO_SHIP)
                  .changeWindow(Duration.ofHours(12)).build())
              .build())
          .clock(lightspeed.clock())
          .sleeper(lightspeed.sleeper())
          .build();
      // only the import: the missing products of the imported orders come with it
      report = engine.run(EcomConnector.builder().client(client)
              .shopKey(Long.toString(lightspeed.server().ecomCredentials().shopId()))
              .metrics(metrics).clock(lightspeed.clock()).build(),
          SyncRequest.builder().streams(Set.of(SyncStream.ORDER_IMPORT)).build());
    }
    List<String> handedOver = new ArrayList<>(handedOverIds());
    handedOver.removeAll(before);
    return new Result(report.stream(SyncStream.ORDER_IMPORT).map(r -> r.read()).orElse(0L), handedOver);
  }

  private Set<String> handedOverIds() throws SQLException {
    Set<String> ids = new java.util.TreeSet<>();
    try (Connection c = db.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT order_id FROM ls_order_import")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    } catch (SQLException e) {
      if (!"42S02".equals(e.getSQLState()) && !"42P01".equals(e.getSQLState())) { // no table yet
        throw e;
      }
    }
    return ids;
  }

  public static void main(String[] args) throws Exception {
    try (EmbeddedLightspeed lightspeed = EmbeddedLightspeed.webshop(300, 400, 60);
        ConnectionPool db = ConnectionPool.open("jdbc:h2:mem:wms;DB_CLOSE_DELAY=-1")) {
      System.out.println("Webshop activity: " + lightspeed.touchRecentEcomOrders() + " orders changed in the last 12 hours");
      WarehouseOrderImport wms = new WarehouseOrderImport(lightspeed, db);
      Result first = wms.run();
      Result second = wms.run();
      System.out.printf("First import: %d orders changed in the last 12 hours read, %d handed to the warehouse%n",
          first.ordersRead(), first.handedOver().size());
      System.out.printf("Second import: %d handed over (each order goes to the warehouse once)%n",
          second.handedOver().size());
    }
  }
}
