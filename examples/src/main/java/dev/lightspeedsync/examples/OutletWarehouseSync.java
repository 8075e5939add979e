package dev.lightspeedsync.examples;

import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.ConnectionSource;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesConnector;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Seed 002, an ERP on X-Series: "connect your Lightspeed outlets to warehouses". Each outlet is
 * mapped to one warehouse (one to one: two outlets on one warehouse are refused, never merged); the
 * sync reads the outlets, the products, the stock on hand per outlet and the sales, full the first
 * time and then incremental by X-Series' version cursor; plain SQL over the synced tables then gives
 * each warehouse its stock on hand and its units sold.
 *
 * <p>Runs offline against the embedded testkit's X-Series retailer: {@code java -cp
 * lightspeed-sync-app.jar dev.lightspeedsync.examples.OutletWarehouseSync}. Against a real retailer,
 * build the client with {@code XSeriesClient.builder().domainPrefix("mystore").personalToken(token).listener(metrics)}.
 */
public final class OutletWarehouseSync {
  private final XSeriesClient client;
  private final SyncMetrics metrics;
  private final java.time.Clock clock;
  private final dev.lightspeedsync.sync.engine.Sleeper sleeper;
  private final ConnectionSource db;
  private final Map<String, String> warehouseByOutlet;

  /**
   * @param metrics the listener registered with {@code client} (the runs' request counts come from it)
   * @param warehouseByOutlet outlet name to warehouse name, one to one; only these outlets are synced
   */
  public OutletWarehouseSync(XSeriesClient client, SyncMetrics metrics, java.time.Clock clock, dev.lightspeedsync.sync.engine.Sleeper sleeper,
      ConnectionSource db, Map<String, String> warehouseByOutlet) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.metrics = Objects.requireNonNull(metrics, "metrics == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.db = Objects.requireNonNull(db, "db == null");
    if (warehouseByOutlet.isEmpty()) {
      throw new IllegalArgumentException("map at least one outlet to a warehouse");
    }
    if (new HashSet<>(warehouseByOutlet.values()).size() != warehouseByOutlet.size()) {
      throw new IllegalArgumentException("one outlet per warehouse: two outlets are mapped to the same warehouse");
    }
    this.warehouseByOutlet = Map.copyOf(warehouseByOutlet);
  }

  /** One warehouse's figures: the outlet it is mapped from, stock on hand and units sold there. */
  public record Warehouse(String name, String outlet, long onHand, long unitsSold) {}

  /** One sync run: SKUs, stock rows and sales stored, and the requests it took. */
  public record Run(boolean full, long skus, long stockRows, long sales, long requests) {
    static Run of(SyncReport r) {
      return new Run(r.full(), stored(r, SyncStream.CATALOGUE), stored(r, SyncStream.STOCK), stored(r, SyncStream.SALES),
          r.requests());
    }

    private static long stored(SyncReport r, SyncStream s) {
      return r.stream(s).map(x -> x.stored()).orElse(0L);
    }
  }

  /** Syncs the mapped outlets (full the first time, incremental after) and returns the run. */
  public Run sync() {
    SyncEngine engine = SyncEngine.builder()
        .sink(JdbcSyncSink.migrated(db))
        .settings(SyncSettings.builder()
            .location(LocationConfig.builder().strategy(LocationStrategy.MULTIPLE)
                .locationCodes(List.copyOf(warehouseByOutlet.keySet()))
                .defaultLocationCode(warehouseByOutlet.keySet().iterator().next()).build())
            .build())
        .clock(clock)
        .sleeper(sleeper)
        .build();
    return Run.of(engine.run(XSeriesConnector.builder().client(client).metrics(metrics).clock(clock).build()));
  }

  /** Per warehouse: stock on hand of the active SKUs and units sold in completed sales, from the database. */
  public List<Warehouse> warehouses() throws SQLException {
    String sql = "SELECT l.code,"
        + " (SELECT COALESCE(SUM(st.on_hand), 0) FROM ls_stock_level st JOIN ls_sku s ON s.id = st.sku_id"
        + "   WHERE st.location_id = l.id AND s.active),"
        + " (SELECT COALESCE(SUM(sl.quantity), 0) FROM ls_sales_line sl JOIN ls_sales_order o ON o.id = sl.order_id"
        + "   WHERE o.location_id = l.id AND o.status = 'COMPLETED')"
        + " FROM ls_location l WHERE NOT l.archived ORDER BY l.pos";
    List<Warehouse> out = new ArrayList<>();
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String outlet = rs.getString(1);
        String warehouse = warehouseByOutlet.get(outlet);
        if (warehouse != null) {
          out.add(new Warehouse(warehouse, outlet, rs.getLong(2), rs.getLong(3)));
        }
      }
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    SyncMetrics metrics = new SyncMetrics();
    try (EmbeddedLightspeed lightspeed = EmbeddedLightspeed.xseries(3, 2_000, 600, 60);
        XSeriesClient client = lightspeed.xseriesClient(metrics);
        ConnectionPool db = ConnectionPool.open("jdbc:h2:mem:erp;DB_CLOSE_DELAY=-1")) {
      Map<String, String> mapping = new LinkedHashMap<>();
      List<String> outlets = lightspeed.server().xseries().stream("outlets").map(r -> r.require("name")).toList();
      System.out.println("Lightspeed outlets available: " + outlets.size() + " " + outlets);
      for (int i = 0; i < outlets.size(); i++) {
        mapping.put(outlets.get(i), "WH-" + (i + 1));
      }
      OutletWarehouseSync erp = new OutletWarehouseSync(client, metrics, lightspeed.clock(), lightspeed.sleeper(), db, mapping);
      Run full = erp.sync();
      System.out.printf("Full sync: %d SKUs, %d stock rows, %d sales (%d requests)%n", full.skus(), full.stockRows(),
          full.sales(), full.requests());
      System.out.println("Retailer activity: " + lightspeed.simulateXSeriesActivity());
      Run incremental = erp.sync();
      System.out.printf("Incremental sync: %d SKUs, %d stock rows, %d sales (%d requests)%n", incremental.skus(),
          incremental.stockRows(), incremental.sales(), incremental.requests());
      System.out.println("Warehouses (outlet, stock on hand, units sold):");
      for (Warehouse w : erp.warehouses()) {
        System.out.printf("  %-6s %-30s %8d %8d%n", w.name(), w.outlet(), w.onHand(), w.unitsSold());
      }
    }
  }
}
