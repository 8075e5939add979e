package dev.lightspeedsync.examples;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.ConnectionSource;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomMapping;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomConnector;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncRequest;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.AvailabilityConfig;
import dev.lightspeedsync.sync.rules.AvailabilityRule;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.rules.PushPlan;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomWriter;
import java.util.EnumSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds 002 and 003, the stock push: the warehouse (the host) owns stock; the storefront (an eCom
 * webshop) must show what is <em>available</em> there, on hand minus allocated, and only changed
 * figures are sent. Read-only mode pushes nothing.
 *
 * <ol>
 *   <li>Sync the webshop: the sink's stock rows at location {@code WEBSHOP} are what the storefront
 *       shows now.
 *   <li>Plan with {@link AvailabilityRule}: the warehouse's figures ({@code wms_stock}) against what
 *       the storefront shows; only the differences are pushes.
 *   <li>Push with sync-lightspeed's {@link EcomWriter} (variant stock levels; a negative availability
 *       is written as 0) and remember what was pushed ({@code wms_last_pushed}), so a second run
 *       plans nothing.
 * </ol>
 *
 * <p>Runs offline against the embedded testkit: {@code java -cp lightspeed-sync-app.jar
 * dev.lightspeedsync.examples.StorefrontStockPush}.
 */
public final class StorefrontStockPush {
  private final EmbeddedLightspeed lightspeed;
  private final ConnectionSource db;
  private final boolean readOnly;

  public StorefrontStockPush(EmbeddedLightspeed lightspeed, ConnectionSource db, boolean readOnly) {
    this.lightspeed = lightspeed;
    this.db = db;
    this.readOnly = readOnly;
  }

  /** What one run did: the figures written, how many were unchanged, and why nothing was sent (if so). */
  public record Result(Map<String, Long> pushed, int unchanged, String suppressedBecause) {}

  public Result run() throws SQLException {
    JdbcSyncSink sink = JdbcSyncSink.migrated(db);
    createWarehouseStock();
    SyncMetrics metrics = new SyncMetrics();
    SyncSettings settings = SyncSettings.builder().readOnly(readOnly)
        .availability(AvailabilityConfig.builder().pushStock(true).build()).build();
    try (EcomClient client = lightspeed.ecomClient(metrics)) {
      SyncEngine.builder().sink(sink).settings(settings).clock(lightspeed.clock()).sleeper(lightspeed.sleeper())
          .build().run(
          EcomConnector.builder().client(client).shopKey(Long.toString(lightspeed.server().ecomCredentials().shopId()))
              .metrics(metrics).clock(lightspeed.clock()).build(),
          SyncRequest.builder().streams(EnumSet.of(SyncStream.CATALOGUE, SyncStream.STOCK)).build());

      // What the storefront shows now, overlaid with what this warehouse pushed before (a negative
      // availability is shown as 0, so the pushed value is the one to compare with).
      Map<String, Long> lastPushed = new HashMap<>();
      List<StockLevel> warehouse = new ArrayList<>();
      try (Connection c = db.connection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT w.sku_id, w.on_hand, w.allocated, st.on_hand, p.available"
              + " FROM wms_stock w"
              + " JOIN ls_stock_level st ON st.sku_id = w.sku_id AND st.location_id = '" + EcomMapping.WEBSHOP + "'"
              + " JOIN ls_sku k ON k.id = w.sku_id"
              + " LEFT JOIN wms_last_pushed p ON p.push_key = CONCAT(w.sku_id, '@" + EcomMapping.WEBSHOP + "')"
              + " WHERE k.active")) {
        while (rs.next()) {
          warehouse.add(StockLevel.builder().skuId(rs.getString(1)).locationId(EcomMapping.WEBSHOP)
              .onHand(rs.getLong(2)).allocated(rs.getLong(3)).build());
          long pushed = rs.getLong(5);
          boolean neverPushed = rs.wasNull(); // right after getLong(5): wasNull() reports the last column read
          lastPushed.put(AvailabilityRule.key(rs.getString(1), EcomMapping.WEBSHOP), neverPushed ? rs.getLong(4) : pushed);
        }
      }
      PushPlan plan = AvailabilityRule.of(settings.effectiveAvailability())
          .plan(warehouse, CompositeBreakdown.compile(List.of(), CompositeConfig.defaults(), lightspeed.clock().instant()),
              lastPushed);
      WriteReport report = EcomWriter.builder().client(client).sink(sink).settings(settings).clock(lightspeed.clock())
          .build().pushStock(plan);
      rememberPushed(report.pushedValues());
      return new Result(report.pushedValues(), plan.unchanged().size(),
          report.suppressedBecause().map(Enum::name).orElse(null));
    }
  }

  private void rememberPushed(Map<String, Long> pushed) throws SQLException {
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("MERGE INTO wms_last_pushed t"
        + " USING (SELECT CAST(? AS VARCHAR(200)) AS push_key, CAST(? AS BIGINT) AS available) s"
        + " ON t.push_key = s.push_key WHEN MATCHED THEN UPDATE SET available = s.available"
        + " WHEN NOT MATCHED THEN INSERT (push_key, available) VALUES (s.push_key, s.available)")) {
      for (Map.Entry<String, Long> e : pushed.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setLong(2, e.getValue());
        ps.executeUpdate();
      }
    }
  }

  /**
   * The warehouse's own stock table. On first use it is filled from the storefront's figures with a
   * few differences (recounts and allocations), as a warehouse system would have after a day.
   */
  private void createWarehouseStock() throws SQLException {
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS wms_stock (sku_id VARCHAR(64) PRIMARY KEY, on_hand BIGINT NOT NULL,"
          + " allocated BIGINT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS wms_last_pushed (push_key VARCHAR(200) PRIMARY KEY, available BIGINT NOT NULL)");
    }
  }

  /** Demo data: the warehouse knows every tracked variant, with a recount on every 10th and allocations on every 7th. */
  public void seedWarehouseFromStorefront() throws SQLException {
    createWarehouseStock();
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO wms_stock"
        + " (sku_id, on_hand, allocated) VALUES (?, ?, ?)")) {
      lightspeed.server().ecom().stream("variants").filter(v -> v.require("stockTracking").equals("enabled"))
          .forEach(v -> {
            try {
              long level = v.getLong("stockLevel");
              ps.setString(1, Long.toString(v.id()));
              ps.setLong(2, v.id() % 10 == 0 ? Math.max(0, level) + 5 : level);
              ps.setLong(3, v.id() % 7 == 0 ? 1 : 0);
              ps.executeUpdate();
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  public static void main(String[] args) throws Exception {
    try (EmbeddedLightspeed lightspeed = EmbeddedLightspeed.webshop(200, 10, 60);
        ConnectionPool db = ConnectionPool.open("jdbc:h2:mem:storefront;DB_CLOSE_DELAY=-1")) {
      StorefrontStockPush push = new StorefrontStockPush(lightspeed, db, false);
      push.seedWarehouseFromStorefront();
      Result first = push.run();
      Result second = push.run();
      System.out.printf("First run: %d figures pushed to the storefront, %d unchanged%n", first.pushed().size(),
          first.unchanged());
      System.out.printf("Second run: %d pushed (only changes are sent)%n", second.pushed().size());
    }
  }
}
