package dev.lightspeedsync.examples;

import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.ConnectionSource;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.lightspeed.retail.RetailConnector;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncRequest;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.rules.SalesSelectionConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001, an inventory planner on R-Series: sync one location (strategy ONE, the Default Location
 * Code), completed sales only, a full sync then incremental ones; then plan from plain SQL over the
 * synced tables: the best sellers of that location with their stock on hand.
 *
 * <p>Runs offline against the embedded testkit: {@code java -cp lightspeed-sync-app.jar
 * dev.lightspeedsync.examples.InventoryPlannerSync}.
 */
public final class InventoryPlannerSync {
  private final EmbeddedLightspeed lightspeed;
  private final ConnectionSource db;

  public InventoryPlannerSync(EmbeddedLightspeed lightspeed, ConnectionSource db) {
    this.lightspeed = lightspeed;
    this.db = db;
  }

  /** One planning line: a SKU, its units sold at the location and its stock there. */
  public record Advice(String skuId, String name, long unitsSold, long onHand) {}

  /** What {@link #run()} did. */
  public record Result(String location, SyncReport full, SyncReport incremental, List<Advice> bestSellers) {}

  public Result run() throws SQLException {
    SyncMetrics metrics = new SyncMetrics();
    JdbcSyncSink sink = JdbcSyncSink.migrated(db);
    String location = lightspeed.firstShopName();
    try (RetailClient client = lightspeed.retailClient(metrics, null)) {
      SyncEngine engine = SyncEngine.builder()
          .sink(sink)
          .settings(dev.lightspeedsync.sync.SyncSettings.builder()
              .location(LocationConfig.builder().strategy(LocationStrategy.ONE).defaultLocationCode(location).build())
              .salesSelection(SalesSelectionConfig.defaults()) // completed sales only
              .build())
          .clock(lightspeed.clock())
          .sleeper(lightspeed.sleeper()) // rate-limit windows pass in API time, 60 times faster
          .build();
      RetailConnector account = RetailConnector.builder().client(client).metrics(metrics).clock(lightspeed.clock()).build();
      SyncReport full = engine.run(account);          // no checkpoints yet: a full sync
      SyncReport incremental = engine.run(account);   // the 30-minute schedule would run this
      return new Result(location, full, incremental, bestSellers(5));
    }
  }

  /** Plain SQL over the synced tables: units sold per SKU (completed sales) and stock on hand. */
  private List<Advice> bestSellers(int limit) throws SQLException {
    String sql = "SELECT s.id, s.name, SUM(l.quantity) AS sold,"
        + " COALESCE((SELECT SUM(st.on_hand) FROM ls_stock_level st WHERE st.sku_id = s.id), 0) AS on_hand"
        + " FROM ls_sales_line l JOIN ls_sales_order o ON o.id = l.order_id JOIN ls_sku s ON s.id = l.sku_id"
        + " WHERE o.status = 'COMPLETED' AND s.active"
        + " GROUP BY s.id, s.name ORDER BY sold DESC, s.id FETCH FIRST " + limit + " ROWS ONLY";
    List<Advice> out = new ArrayList<>();
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Advice(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
      }
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    try (EmbeddedLightspeed lightspeed = EmbeddedLightspeed.start(3, 2_000, 1_500, 60);
        ConnectionPool db = ConnectionPool.open("jdbc:h2:mem:planner;DB_CLOSE_DELAY=-1")) {
      Result r = new InventoryPlannerSync(lightspeed, db).run();
      System.out.printf("Location '%s': full sync stored %d SKUs, %d stock rows, %d sales (%d requests);"
              + " incremental sync: %d requests%n", r.location(),
          r.full().stream(dev.lightspeedsync.sync.engine.SyncStream.CATALOGUE).map(x -> x.stored()).orElse(0L),
          r.full().stream(dev.lightspeedsync.sync.engine.SyncStream.STOCK).map(x -> x.stored()).orElse(0L),
          r.full().stream(dev.lightspeedsync.sync.engine.SyncStream.SALES).map(x -> x.stored()).orElse(0L), r.full().requests(),
          r.incremental().requests());
      System.out.println("Best sellers (units sold, on hand):");
      r.bestSellers().forEach(a -> System.out.printf("  %-8s %-40s %5d %5d%n", a.skuId(), a.name(), a.unitsSold(), a.onHand()));
    }
  }
}
