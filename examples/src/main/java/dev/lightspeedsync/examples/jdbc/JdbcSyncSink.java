package dev.lightspeedsync.examples.jdbc;

import java.sql.Statement;
import dev.lightspeedsync.sync.model.Supplier;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.Component;
import dev.lightspeedsync.sync.model.CompositeDefinition;
import dev.lightspeedsync.sync.model.CompositeKind;
import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.Deactivation;
import dev.lightspeedsync.sync.model.Demand;
import dev.lightspeedsync.sync.model.SkuListing;
import dev.lightspeedsync.sync.rules.ProductField;
import dev.lightspeedsync.sync.model.PaymentStatus;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.ReceiptLine;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesChannel;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.ShipmentStatus;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.model.StockTracking;
import dev.lightspeedsync.sync.model.Visibility;
import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.LedgerOutcome;
import dev.lightspeedsync.sync.spi.RunLock;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.spi.SyncSinkException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SyncSink} over plain JDBC: real tables (see {@link Schema}), upserts through SQL
 * {@code MERGE}, one transaction per batch, and an export ledger whose at-most-once guarantee comes
 * from a unique key ({@code ls_ledger (kind, ledger_key)}), not from a read-then-write.
 *
 * <p>It passes the {@code SyncSinkContract} of the sync-core test-jar ({@code JdbcSyncSinkTest}).
 * Copy it as the starting point of your own sink: the SQL is standard and tested on H2 2.x.
 *
 * <p><b>Durability.</b> Every write is committed before the call returns, as {@link SyncSink}
 * requires; whether a commit survives a {@code kill -9} is up to the database. H2's default
 * {@code WRITE_DELAY} of 500 ms loses it: open H2 through {@link ConnectionPool#open} (which adds
 * {@code WRITE_DELAY=0}) or set it in your URL, and check your database with
 * {@link Durability#require} at startup, as the app does.
 *
 * <p><b>Run lock.</b> {@link #tryLockRun} is taken in the database (see there), so two processes
 * syncing the same account on one database exclude each other.
 *
 * <p><b>One account per database.</b> Records are keyed by their Lightspeed id alone, and ids of two
 * accounts overlap: give each account its own database (or schema), and check
 * {@link #syncedAccounts} before a sync, as the app does. A multi-account sink would add the account
 * to every key.
 *
 * <p>Thread-safe: every call borrows its own connection from the {@link ConnectionSource}.
 */
public final class JdbcSyncSink implements SyncSink {
  private static final int IN_CHUNK = 500;

  /** How long a run lock row outlives a holder that stopped renewing it (crashed): 90 seconds. */
  public static final Duration DEFAULT_RUN_LOCK_LEASE = Duration.ofSeconds(90);

  private final ConnectionSource db;
  private final Clock clock;
  private final Duration runLockLease;
  private volatile Boolean postgres;

  /** A sink over {@code db}; call {@link Schema#migrate} first (or use {@link #migrated}). */
  public JdbcSyncSink(ConnectionSource db) {
    this(db, Clock.systemUTC(), DEFAULT_RUN_LOCK_LEASE);
  }

  /**
   * A sink over {@code db} whose run lock rows (databases other than PostgreSQL) use {@code clock}
   * and expire {@code runLockLease} after the holder last renewed them.
   */
  public JdbcSyncSink(ConnectionSource db, Clock clock, Duration runLockLease) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.runLockLease = Objects.requireNonNull(runLockLease, "runLockLease == null");
    if (runLockLease.isNegative() || runLockLease.isZero()) {
      throw new IllegalArgumentException("runLockLease must be positive but was " + runLockLease);
    }
  }

  /** Migrates the schema of {@code db}, then returns a sink over it. */
  public static JdbcSyncSink migrated(ConnectionSource db) {
    Schema.migrate(db);
    return new JdbcSyncSink(db);
  }

  // ---------------------------------------------------------------------------------------------
  // SKUs

  private static final String MERGE_SKU = "MERGE INTO ls_sku t USING (SELECT"
      + " CAST(? AS VARCHAR) AS id, CAST(? AS VARCHAR) AS sku, CAST(? AS VARCHAR) AS name,"
      + " CAST(? AS VARCHAR) AS upc, CAST(? AS VARCHAR) AS ean, CAST(? AS VARCHAR) AS manufacturer_sku,"
      + " CAST(? AS DECIMAL(19,4)) AS purchase_price, CAST(? AS VARCHAR) AS supplier_id,"
      + " CAST(? AS VARCHAR) AS visibility, CAST(? AS VARCHAR) AS visibility_raw,"
      + " CAST(? AS VARCHAR) AS stock_tracking, CAST(? AS VARCHAR) AS composite_kind,"
      + " CAST(? AS BOOLEAN) AS active, CAST(? AS BOOLEAN) AS deleted,"
      + " CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS updated_at,"
      + " CAST(? AS BIGINT) AS order_by_quantity, CAST(? AS BIGINT) AS minimum_order_quantity,"
      + " CAST(? AS VARCHAR) AS image_urls) s"
      + " ON t.id = s.id"
      + " WHEN MATCHED THEN UPDATE SET sku = s.sku, name = s.name, upc = s.upc, ean = s.ean,"
      + " manufacturer_sku = s.manufacturer_sku, purchase_price = s.purchase_price, supplier_id = s.supplier_id,"
      + " visibility = s.visibility, visibility_raw = s.visibility_raw, stock_tracking = s.stock_tracking,"
      + " composite_kind = s.composite_kind, active = s.active, deleted = s.deleted, updated_at = s.updated_at,"
      + " image_urls = s.image_urls,"
      // host-owned fields survive an upsert that does not carry them
      + " order_by_quantity = COALESCE(s.order_by_quantity, t.order_by_quantity),"
      + " minimum_order_quantity = COALESCE(s.minimum_order_quantity, t.minimum_order_quantity),"
      + " deactivation_reason = CASE WHEN s.active THEN NULL ELSE t.deactivation_reason END,"
      + " deactivated_at = CASE WHEN s.active THEN NULL ELSE t.deactivated_at END"
      + " WHEN NOT MATCHED THEN INSERT (id, sku, name, upc, ean, manufacturer_sku, purchase_price, supplier_id,"
      + " visibility, visibility_raw, stock_tracking, composite_kind, active, deleted, updated_at,"
      + " order_by_quantity, minimum_order_quantity, image_urls) VALUES (s.id, s.sku, s.name, s.upc, s.ean,"
      + " s.manufacturer_sku, s.purchase_price, s.supplier_id, s.visibility, s.visibility_raw, s.stock_tracking,"
      + " s.composite_kind, s.active, s.deleted, s.updated_at, s.order_by_quantity, s.minimum_order_quantity,"
      + " s.image_urls)";

  /** Image URLs in one column, one a line (a URL has no line break), in order; {@code null} for none. */
  private static String joinUrls(List<String> urls) {
    return urls.isEmpty() ? null : String.join("\n", urls);
  }

  private static List<String> splitUrls(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
  }

  @Override
  public void upsertSkus(List<Sku> skus) {
    if (skus.isEmpty()) {
      return;
    }
    inTransaction("upsert SKUs", c -> {
      try (PreparedStatement merge = c.prepareStatement(MERGE_SKU);
          PreparedStatement delPrices = c.prepareStatement("DELETE FROM ls_sku_price WHERE sku_id = ?");
          PreparedStatement delComponents = c.prepareStatement("DELETE FROM ls_sku_component WHERE sku_id = ?");
          PreparedStatement insPrice = c.prepareStatement(
              "INSERT INTO ls_sku_price (sku_id, pos, price_level, amount) VALUES (?, ?, ?, ?)");
          PreparedStatement insComponent = c.prepareStatement(
              "INSERT INTO ls_sku_component (sku_id, pos, component_sku_id, quantity) VALUES (?, ?, ?, ?)")) {
        for (Sku s : lastById(skus, Sku::id)) {
          int i = 1;
          merge.setString(i++, s.id());
          merge.setString(i++, s.sku().orElse(null));
          merge.setString(i++, s.name());
          merge.setString(i++, s.upc().orElse(null));
          merge.setString(i++, s.ean().orElse(null));
          merge.setString(i++, s.manufacturerSku().orElse(null));
          merge.setBigDecimal(i++, s.purchasePrice().orElse(null));
          merge.setString(i++, s.supplierId().orElse(null));
          merge.setString(i++, s.visibility().name());
          merge.setString(i++, s.visibilityRaw().orElse(null));
          merge.setString(i++, s.stockTracking().name());
          merge.setString(i++, s.composite().map(d -> d.kind().name()).orElse(null));
          merge.setBoolean(i++, s.active());
          merge.setBoolean(i++, s.deleted());
          setInstant(merge, i++, s.updatedAt().orElse(null));
          setLong(merge, i++, s.orderByQuantity().orElse(null));
          setLong(merge, i++, s.minimumOrderQuantity().orElse(null));
          merge.setString(i, joinUrls(s.imageUrls()));
          merge.addBatch();
          delPrices.setString(1, s.id());
          delPrices.addBatch();
          delComponents.setString(1, s.id());
          delComponents.addBatch();
          int pos = 0;
          for (Map.Entry<String, BigDecimal> p : s.prices().entrySet()) {
            insPrice.setString(1, s.id());
            insPrice.setInt(2, pos++);
            insPrice.setString(3, p.getKey());
            insPrice.setBigDecimal(4, p.getValue());
            insPrice.addBatch();
          }
          if (s.composite().isPresent()) {
            pos = 0;
            for (Component comp : s.composite().get().components()) {
              insComponent.setString(1, s.id());
              insComponent.setInt(2, pos++);
              insComponent.setString(3, comp.skuId());
              insComponent.setLong(4, comp.quantity());
              insComponent.addBatch();
            }
          }
        }
        merge.executeBatch();
        delPrices.executeBatch();
        delComponents.executeBatch();
        insPrice.executeBatch();
        insComponent.executeBatch();
      }
      return null;
    });
  }

  @Override
  public void deactivateSkus(List<Deactivation> deactivations) {
    if (deactivations.isEmpty()) {
      return;
    }
    inTransaction("deactivate SKUs", c -> {
      // The first deactivation's reason and time are kept; repeating it changes nothing.
      try (PreparedStatement ps = c.prepareStatement("UPDATE ls_sku SET active = FALSE,"
          + " deactivation_reason = COALESCE(deactivation_reason, ?), deactivated_at = COALESCE(deactivated_at, ?)"
          + " WHERE id = ?")) {
        for (Deactivation d : deactivations) {
          ps.setString(1, d.reason().name());
          setInstant(ps, 2, d.asOf());
          ps.setString(3, d.skuId());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public Map<String, Sku> findSkus(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return read("find SKUs", c -> {
      Map<String, Sku.Builder> builders = new LinkedHashMap<>();
      Map<String, String> compositeKinds = new LinkedHashMap<>();
      for (List<String> chunk : chunks(ids)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, sku, name, upc, ean, manufacturer_sku,"
            + " purchase_price, supplier_id, visibility, visibility_raw, stock_tracking, composite_kind, active, deleted,"
            + " updated_at, order_by_quantity, minimum_order_quantity, image_urls FROM ls_sku WHERE id IN ("
            + marks(chunk) + ")")) {
          bind(ps, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String id = rs.getString("id");
              Sku.Builder b = Sku.builder().id(id).name(rs.getString("name"))
                  .sku(Optional.ofNullable(rs.getString("sku")))
                  .upc(Optional.ofNullable(rs.getString("upc")))
                  .ean(Optional.ofNullable(rs.getString("ean")))
                  .manufacturerSku(Optional.ofNullable(rs.getString("manufacturer_sku")))
                  .purchasePrice(Optional.ofNullable(rs.getBigDecimal("purchase_price")))
                  .supplierId(Optional.ofNullable(rs.getString("supplier_id")))
                  .visibility(Visibility.valueOf(rs.getString("visibility")))
                  .visibilityRaw(Optional.ofNullable(rs.getString("visibility_raw")))
                  .stockTracking(StockTracking.valueOf(rs.getString("stock_tracking")))
                  .active(rs.getBoolean("active"))
                  .deleted(rs.getBoolean("deleted"))
                  .updatedAt(Optional.ofNullable(instant(rs, "updated_at")))
                  .orderByQuantity(Optional.ofNullable(getLong(rs, "order_by_quantity")))
                  .minimumOrderQuantity(Optional.ofNullable(getLong(rs, "minimum_order_quantity")))
                  .imageUrls(splitUrls(rs.getString("image_urls")));
              builders.put(id, b);
              String kind = rs.getString("composite_kind");
              if (kind != null) {
                compositeKinds.put(id, kind);
              }
            }
          }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT sku_id, price_level, amount FROM ls_sku_price"
            + " WHERE sku_id IN (" + marks(chunk) + ") ORDER BY sku_id, pos")) {
          bind(ps, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Sku.Builder b = builders.get(rs.getString(1));
              if (b != null) {
                b.putPrices(rs.getString(2), rs.getBigDecimal(3));
              }
            }
          }
        }
        if (!compositeKinds.isEmpty()) {
          Map<String, List<Component>> components = new LinkedHashMap<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT sku_id, component_sku_id, quantity FROM ls_sku_component"
              + " WHERE sku_id IN (" + marks(chunk) + ") ORDER BY sku_id, pos")) {
            bind(ps, chunk);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                components.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(Component.of(rs.getString(2), rs.getLong(3)));
              }
            }
          }
          compositeKinds.forEach((id, kind) -> {
            Sku.Builder b = builders.get(id);
            if (b != null && components.containsKey(id)) {
              b.composite(CompositeDefinition.builder().compositeSkuId(id).kind(CompositeKind.valueOf(kind))
                  .components(components.get(id)).build());
            }
          });
        }
      }
      Map<String, Sku> out = new LinkedHashMap<>();
      builders.forEach((id, b) -> out.put(id, b.build()));
      return out;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Stock

  private static final String MERGE_LOCATION = "MERGE INTO ls_location t USING (SELECT"
      + " CAST(? AS VARCHAR) AS id, CAST(? AS VARCHAR) AS code, CAST(? AS BOOLEAN) AS archived,"
      + " CAST(? AS BIGINT) AS pos) s ON t.id = s.id"
      + " WHEN MATCHED THEN UPDATE SET code = s.code, archived = s.archived"
      + " WHEN NOT MATCHED THEN INSERT (id, code, archived, pos) VALUES (s.id, s.code, s.archived, s.pos)";

  private static final String MERGE_SUPPLIER = "MERGE INTO ls_supplier t USING (SELECT"
      + " CAST(? AS VARCHAR) AS id, CAST(? AS VARCHAR) AS name) s ON t.id = s.id"
      + " WHEN MATCHED THEN UPDATE SET name = s.name"
      + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)";

  @Override
  public void upsertLocations(List<Location> locations) {
    if (locations.isEmpty()) {
      return;
    }
    inTransaction("upsert locations", c -> {
      long next;
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(pos), 0) FROM ls_location")) {
        rs.next();
        next = rs.getLong(1);
      }
      try (PreparedStatement ps = c.prepareStatement(MERGE_LOCATION)) {
        for (Location l : lastById(locations, Location::id)) {
          ps.setString(1, l.id());
          ps.setString(2, l.code());
          ps.setBoolean(3, l.archived());
          ps.setLong(4, ++next);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<Location> locations() {
    return read("read locations", c -> {
      List<Location> out = new ArrayList<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, code, archived FROM ls_location ORDER BY pos")) {
        while (rs.next()) {
          out.add(Location.builder().id(rs.getString(1)).code(rs.getString(2)).archived(rs.getBoolean(3)).build());
        }
      }
      return out;
    });
  }

  @Override
  public void upsertSuppliers(List<Supplier> suppliers) {
    if (suppliers.isEmpty()) {
      return;
    }
    inTransaction("upsert suppliers", c -> {
      try (PreparedStatement ps = c.prepareStatement(MERGE_SUPPLIER)) {
        for (Supplier s : lastById(suppliers, Supplier::id)) {
          ps.setString(1, s.id());
          ps.setString(2, s.name());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public Map<String, Supplier> findSuppliers(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return read("find suppliers", c -> {
      Map<String, Supplier> out = new LinkedHashMap<>();
      for (List<String> chunk : chunks(ids)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM ls_supplier WHERE id IN ("
            + marks(chunk) + ")")) {
          bind(ps, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), Supplier.of(rs.getString(1), rs.getString(2)));
            }
          }
        }
      }
      return out;
    });
  }

  private static final String MERGE_STOCK = "MERGE INTO ls_stock_level t USING (SELECT"
      + " CAST(? AS VARCHAR) AS sku_id, CAST(? AS VARCHAR) AS location_id, CAST(? AS BIGINT) AS on_hand,"
      + " CAST(? AS BIGINT) AS allocated, CAST(? AS BIGINT) AS on_order, CAST(? AS BIGINT) AS backorder,"
      + " CAST(? AS BIGINT) AS reorder_point, CAST(? AS BIGINT) AS reorder_level) s"
      + " ON t.sku_id = s.sku_id AND t.location_id = s.location_id"
      + " WHEN MATCHED THEN UPDATE SET on_hand = s.on_hand, allocated = s.allocated, on_order = s.on_order,"
      + " backorder = s.backorder, reorder_point = s.reorder_point, reorder_level = s.reorder_level"
      + " WHEN NOT MATCHED THEN INSERT (sku_id, location_id, on_hand, allocated, on_order, backorder, reorder_point,"
      + " reorder_level) VALUES (s.sku_id, s.location_id, s.on_hand, s.allocated, s.on_order, s.backorder,"
      + " s.reorder_point, s.reorder_level)";

  @Override
  public void upsertStock(List<StockLevel> stock) {
    if (stock.isEmpty()) {
      return;
    }
    inTransaction("upsert stock", c -> {
      try (PreparedStatement ps = c.prepareStatement(MERGE_STOCK)) {
        for (StockLevel s : lastById(stock, s -> s.skuId() + "\u0000" + s.locationId())) {
          ps.setString(1, s.skuId());
          ps.setString(2, s.locationId());
          ps.setLong(3, s.onHand());
          ps.setLong(4, s.allocated());
          ps.setLong(5, s.onOrder());
          ps.setLong(6, s.backorder());
          ps.setLong(7, s.reorderPoint());
          ps.setLong(8, s.reorderLevel());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<StockLevel> findStock(Collection<String> skuIds) {
    if (skuIds.isEmpty()) {
      return List.of();
    }
    return read("find stock", c -> {
      List<StockLevel> out = new ArrayList<>();
      for (List<String> chunk : chunks(skuIds)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT sku_id, location_id, on_hand, allocated, on_order,"
            + " backorder, reorder_point, reorder_level FROM ls_stock_level WHERE sku_id IN (" + marks(chunk) + ")")) {
          bind(ps, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(StockLevel.builder().skuId(rs.getString(1)).locationId(rs.getString(2)).onHand(rs.getLong(3))
                  .allocated(rs.getLong(4)).onOrder(rs.getLong(5)).backorder(rs.getLong(6))
                  .reorderPoint(rs.getLong(7)).reorderLevel(rs.getLong(8)).build());
            }
          }
        }
      }
      return out;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Sales

  /**
   * Binds the 11 header columns of a sales order in the order of {@code ls_sales_order} and
   * {@code ls_order_import}: id, channel, status, status_raw, payment_status, shipment_status,
   * cash_on_delivery, location_id, created_at, updated_at, completed_at.
   */
  private static void bindHeader(PreparedStatement ps, SalesOrder o) throws SQLException {
    int i = 1;
    ps.setString(i++, o.id());
    ps.setString(i++, o.channel().name());
    ps.setString(i++, o.status().name());
    ps.setString(i++, o.statusRaw().orElse(null));
    ps.setString(i++, o.paymentStatus().name());
    ps.setString(i++, o.shipmentStatus().name());
    ps.setBoolean(i++, o.cashOnDelivery());
    ps.setString(i++, o.locationId().orElse(null));
    setInstant(ps, i++, o.createdAt());
    setInstant(ps, i++, o.updatedAt());
    setInstant(ps, i, o.completedAt().orElse(null));
  }

  /** Reads the header columns {@link #bindHeader} binds, selected in the same order. */
  private static SalesOrder.Builder header(ResultSet rs) throws SQLException {
    return SalesOrder.builder().id(rs.getString(1))
        .channel(SalesChannel.valueOf(rs.getString(2)))
        .status(SaleStatus.valueOf(rs.getString(3)))
        .statusRaw(Optional.ofNullable(rs.getString(4)))
        .paymentStatus(PaymentStatus.valueOf(rs.getString(5)))
        .shipmentStatus(ShipmentStatus.valueOf(rs.getString(6)))
        .cashOnDelivery(rs.getBoolean(7))
        .locationId(Optional.ofNullable(rs.getString(8)))
        .createdAt(instant(rs, "created_at"))
        .updatedAt(instant(rs, "updated_at"))
        .completedAt(Optional.ofNullable(instant(rs, "completed_at")));
  }

  /** Adds the lines a query of (order_id, line_id, sku_id, quantity, unit_price) returns to their orders. */
  private static void addLines(PreparedStatement ps, Map<String, SalesOrder.Builder> builders) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        SalesOrder.Builder b = builders.get(rs.getString(1));
        if (b != null) {
          b.addLines(SalesLine.builder().lineId(rs.getString(2)).skuId(rs.getString(3)).quantity(rs.getLong(4))
              .unitPrice(Optional.ofNullable(rs.getBigDecimal(5))).build());
        }
      }
    }
  }

  private static final String MERGE_SALE = "MERGE INTO ls_sales_order t USING (SELECT"
      + " CAST(? AS VARCHAR) AS id, CAST(? AS VARCHAR) AS channel, CAST(? AS VARCHAR) AS status,"
      + " CAST(? AS VARCHAR) AS status_raw, CAST(? AS VARCHAR) AS payment_status,"
      + " CAST(? AS VARCHAR) AS shipment_status, CAST(? AS BOOLEAN) AS cash_on_delivery,"
      + " CAST(? AS VARCHAR) AS location_id, CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS created_at,"
      + " CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS updated_at,"
      + " CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS completed_at) s ON t.id = s.id"
      + " WHEN MATCHED THEN UPDATE SET channel = s.channel, status = s.status, status_raw = s.status_raw,"
      + " payment_status = s.payment_status, shipment_status = s.shipment_status,"
      + " cash_on_delivery = s.cash_on_delivery, location_id = s.location_id, created_at = s.created_at,"
      + " updated_at = s.updated_at, completed_at = s.completed_at"
      + " WHEN NOT MATCHED THEN INSERT (id, channel, status, status_raw, payment_status, shipment_status,"
      + " cash_on_delivery, location_id, created_at, updated_at, completed_at) VALUES (s.id, s.channel, s.status,"
      + " s.status_raw, s.payment_status, s.shipment_status, s.cash_on_delivery, s.location_id, s.created_at,"
      + " s.updated_at, s.completed_at)";

  @Override
  public void upsertSales(List<SalesOrder> sales) {
    if (sales.isEmpty()) {
      return;
    }
    inTransaction("upsert sales", c -> {
      try (PreparedStatement merge = c.prepareStatement(MERGE_SALE);
          PreparedStatement del = c.prepareStatement("DELETE FROM ls_sales_line WHERE order_id = ?");
          PreparedStatement ins = c.prepareStatement("INSERT INTO ls_sales_line (order_id, pos, line_id, sku_id,"
              + " quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (SalesOrder o : lastById(sales, SalesOrder::id)) {
          bindHeader(merge, o);
          merge.addBatch();
          del.setString(1, o.id());
          del.addBatch();
          int pos = 0;
          for (SalesLine l : o.lines()) {
            ins.setString(1, o.id());
            ins.setInt(2, pos++);
            ins.setString(3, l.lineId());
            ins.setString(4, l.skuId());
            ins.setLong(5, l.quantity());
            ins.setBigDecimal(6, l.unitPrice().orElse(null));
            ins.addBatch();
          }
        }
        merge.executeBatch();
        del.executeBatch();
        ins.executeBatch();
      }
      return null;
    });
  }

  @Override
  public Map<String, SalesOrder> findSales(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return read("find sales", c -> {
      Map<String, SalesOrder.Builder> builders = new LinkedHashMap<>();
      for (List<String> chunk : chunks(ids)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, channel, status, status_raw, payment_status,"
            + " shipment_status, cash_on_delivery, location_id, created_at, updated_at, completed_at"
            + " FROM ls_sales_order WHERE id IN (" + marks(chunk) + ")")) {
          bind(ps, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              builders.put(rs.getString(1), header(rs));
            }
          }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT order_id, line_id, sku_id, quantity, unit_price"
            + " FROM ls_sales_line WHERE order_id IN (" + marks(chunk) + ") ORDER BY order_id, pos")) {
          bind(ps, chunk);
          addLines(ps, builders);
        }
      }
      Map<String, SalesOrder> out = new LinkedHashMap<>();
      builders.forEach((id, b) -> out.put(id, b.build()));
      return out;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Customers

  private static final String[] CUSTOMER_COLUMNS = {"id", "code", "first_name", "last_name", "company", "email",
      "phone", "street", "city", "postal_code", "region", "country", "updated_at", "active"};

  @Override
  public void upsertCustomers(List<Customer> customers) {
    if (customers.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("MERGE INTO ls_customer t USING (SELECT ");
    for (int i = 0; i < CUSTOMER_COLUMNS.length; i++) {
      String type = CUSTOMER_COLUMNS[i].equals("updated_at") ? "TIMESTAMP(9) WITH TIME ZONE"
          : CUSTOMER_COLUMNS[i].equals("active") ? "BOOLEAN" : "VARCHAR";
      sql.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(type).append(") AS ").append(CUSTOMER_COLUMNS[i]);
    }
    sql.append(") s ON t.id = s.id WHEN MATCHED THEN UPDATE SET ");
    for (int i = 1; i < CUSTOMER_COLUMNS.length; i++) {
      sql.append(i == 1 ? "" : ", ").append(CUSTOMER_COLUMNS[i]).append(" = s.").append(CUSTOMER_COLUMNS[i]);
    }
    sql.append(" WHEN NOT MATCHED THEN INSERT (").append(String.join(", ", CUSTOMER_COLUMNS)).append(") VALUES (s.")
        .append(String.join(", s.", CUSTOMER_COLUMNS)).append(")");
    inTransaction("upsert customers", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (Customer x : lastById(customers, Customer::id)) {
          int i = 1;
          ps.setString(i++, x.id());
          for (Optional<String> v : List.of(x.code(), x.firstName(), x.lastName(), x.company(), x.email(), x.phone(),
              x.street(), x.city(), x.postalCode(), x.region(), x.country())) {
            ps.setString(i++, v.orElse(null));
          }
          setInstant(ps, i++, x.updatedAt().orElse(null));
          ps.setBoolean(i, x.active());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public Map<String, Customer> findCustomers(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return read("find customers", c -> {
      Map<String, Customer> out = new LinkedHashMap<>();
      for (List<String> chunk : chunks(ids)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", CUSTOMER_COLUMNS)
            + " FROM ls_customer WHERE id IN (" + marks(chunk) + ")")) {
          bind(ps, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Customer x = Customer.builder().id(rs.getString("id")).code(Optional.ofNullable(rs.getString("code")))
                  .firstName(Optional.ofNullable(rs.getString("first_name")))
                  .lastName(Optional.ofNullable(rs.getString("last_name")))
                  .company(Optional.ofNullable(rs.getString("company")))
                  .email(Optional.ofNullable(rs.getString("email")))
                  .phone(Optional.ofNullable(rs.getString("phone")))
                  .street(Optional.ofNullable(rs.getString("street")))
                  .city(Optional.ofNullable(rs.getString("city")))
                  .postalCode(Optional.ofNullable(rs.getString("postal_code")))
                  .region(Optional.ofNullable(rs.getString("region")))
                  .country(Optional.ofNullable(rs.getString("country")))
                  .updatedAt(Optional.ofNullable(instant(rs, "updated_at")))
                  .active(rs.getBoolean("active")).build();
              out.put(x.id(), x);
            }
          }
        }
      }
      return out;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Order import: each order handed over once, in one transaction with its lines

  @Override
  public List<String> handOverOrders(List<SalesOrder> orders) {
    if (orders.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (SalesOrder o : lastById(orders, SalesOrder::id)) {
      boolean handed = inTransaction("hand over order " + o.id(), c -> {
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO ls_order_import (order_id, channel, status,"
            + " status_raw, payment_status, shipment_status, cash_on_delivery, location_id, created_at, updated_at,"
            + " completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          bindHeader(ins, o);
          Savepoint before = c.setSavepoint();
          try {
            ins.executeUpdate();
          } catch (SQLException e) {
            if (isUniqueViolation(e)) {
              c.rollback(before);
              return false; // handed over before (by this or another process)
            }
            throw e;
          }
        }
        try (PreparedStatement line = c.prepareStatement("INSERT INTO ls_order_import_line (order_id, pos, line_id,"
            + " sku_id, quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?)")) {
          int pos = 0;
          for (SalesLine l : o.lines()) {
            line.setString(1, o.id());
            line.setInt(2, pos++);
            line.setString(3, l.lineId());
            line.setString(4, l.skuId());
            line.setLong(5, l.quantity());
            line.setBigDecimal(6, l.unitPrice().orElse(null));
            line.addBatch();
          }
          line.executeBatch();
        }
        return true;
      });
      if (handed) {
        out.add(o.id());
      }
    }
    return out;
  }

  @Override
  public Map<String, SalesOrder> findHandedOverOrders(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return read("find handed-over orders", c -> {
      Map<String, SalesOrder.Builder> builders = new LinkedHashMap<>();
      for (List<String> chunk : chunks(ids)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT order_id, channel, status, status_raw, payment_status,"
            + " shipment_status, cash_on_delivery, location_id, created_at, updated_at, completed_at"
            + " FROM ls_order_import WHERE order_id IN (" + marks(chunk) + ") ORDER BY seq")) {
          bind(ps, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              builders.put(rs.getString(1), header(rs));
            }
          }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT order_id, line_id, sku_id, quantity, unit_price"
            + " FROM ls_order_import_line WHERE order_id IN (" + marks(chunk) + ") ORDER BY order_id, pos")) {
          bind(ps, chunk);
          addLines(ps, builders);
        }
      }
      Map<String, SalesOrder> out = new LinkedHashMap<>();
      builders.forEach((id, b) -> out.put(id, b.build()));
      return out;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Demand (composites broken down) and listings (product rules per SKU)

  /** Separates the SKU ids of a demand path in its column; SKU ids never hold control characters. */
  private static final String PATH_SEPARATOR = "\u001f";

  @Override
  public void replaceDemand(Collection<String> orderIds, List<Demand> demand) {
    if (orderIds.isEmpty()) {
      return;
    }
    for (Demand d : demand) {
      if (!orderIds.contains(d.orderId())) {
        throw new IllegalArgumentException("demand of order " + d.orderId()
            + " is not among the orders whose demand is replaced");
      }
    }
    inTransaction("replace demand", c -> {
      for (List<String> chunk : chunks(orderIds)) {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM ls_demand WHERE order_id IN (" + marks(chunk) + ")")) {
          bind(del, chunk);
          del.executeUpdate();
        }
      }
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO ls_demand (order_id, pos, line_id, sold_sku_id,"
          + " sku_id, quantity, path, location_id, demand_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        Map<String, Integer> pos = new HashMap<>();
        for (Demand d : demand) {
          ins.setString(1, d.orderId());
          ins.setInt(2, pos.merge(d.orderId(), 1, Integer::sum));
          ins.setString(3, d.lineId());
          ins.setString(4, d.soldSkuId());
          ins.setString(5, d.skuId());
          ins.setLong(6, d.quantity());
          ins.setString(7, String.join(PATH_SEPARATOR, d.path()));
          ins.setString(8, d.locationId().orElse(null));
          setInstant(ins, 9, d.at());
          ins.addBatch();
        }
        ins.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<Demand> findDemand(Collection<String> skuIds) {
    if (skuIds.isEmpty()) {
      return List.of();
    }
    return read("find demand", c -> {
      List<Demand> out = new ArrayList<>();
      for (List<String> chunk : chunks(skuIds)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT order_id, line_id, sold_sku_id, sku_id, quantity, path,"
            + " location_id, demand_at FROM ls_demand WHERE sku_id IN (" + marks(chunk) + ") ORDER BY order_id, pos")) {
          bind(ps, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String path = rs.getString(6);
              out.add(Demand.builder().orderId(rs.getString(1)).lineId(rs.getString(2)).soldSkuId(rs.getString(3))
                  .skuId(rs.getString(4)).quantity(rs.getLong(5))
                  .path(path.isEmpty() ? List.of() : List.of(path.split(PATH_SEPARATOR, -1)))
                  .locationId(Optional.ofNullable(rs.getString(7))).at(instant(rs, "demand_at")).build());
            }
          }
        }
      }
      return out;
    });
  }

  private static final String MERGE_LISTING = "MERGE INTO ls_sku_listing t USING (SELECT"
      + " CAST(? AS VARCHAR) AS sku_id, CAST(? AS VARCHAR) AS code, CAST(? AS DECIMAL(19,4)) AS regular_price,"
      + " CAST(? AS DECIMAL(19,4)) AS sale_price, CAST(? AS VARCHAR) AS gtin1, CAST(? AS VARCHAR) AS gtin2,"
      + " CAST(? AS VARCHAR) AS mpn, CAST(? AS VARCHAR) AS publish_missing,"
      + " CAST(? AS VARCHAR) AS pending_export) s ON t.sku_id = s.sku_id"
      + " WHEN MATCHED THEN UPDATE SET code = s.code, regular_price = s.regular_price, sale_price = s.sale_price,"
      + " gtin1 = s.gtin1, gtin2 = s.gtin2, mpn = s.mpn, publish_missing = s.publish_missing,"
      + " pending_export = s.pending_export"
      + " WHEN NOT MATCHED THEN INSERT (sku_id, code, regular_price, sale_price, gtin1, gtin2, mpn, publish_missing,"
      + " pending_export) VALUES (s.sku_id, s.code, s.regular_price, s.sale_price, s.gtin1, s.gtin2, s.mpn,"
      + " s.publish_missing, s.pending_export)";

  @Override
  public void upsertListings(List<SkuListing> listings) {
    if (listings.isEmpty()) {
      return;
    }
    inTransaction("upsert listings", c -> {
      try (PreparedStatement ps = c.prepareStatement(MERGE_LISTING)) {
        for (SkuListing l : lastById(listings, SkuListing::skuId)) {
          ps.setString(1, l.skuId());
          ps.setString(2, l.code().orElse(null));
          ps.setBigDecimal(3, l.regularPrice().orElse(null));
          ps.setBigDecimal(4, l.salePrice().orElse(null));
          ps.setString(5, l.gtin1().orElse(null));
          ps.setString(6, l.gtin2().orElse(null));
          ps.setString(7, l.mpn().orElse(null));
          ps.setString(8, names(l.publishMissing()));
          ps.setString(9, names(l.pendingExport()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public Map<String, SkuListing> findListings(Collection<String> skuIds) {
    if (skuIds.isEmpty()) {
      return Map.of();
    }
    return read("find listings", c -> {
      Map<String, SkuListing> out = new LinkedHashMap<>();
      for (List<String> chunk : chunks(skuIds)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT sku_id, code, regular_price, sale_price, gtin1, gtin2,"
            + " mpn, publish_missing, pending_export FROM ls_sku_listing WHERE sku_id IN (" + marks(chunk) + ")")) {
          bind(ps, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              SkuListing.Builder b = SkuListing.builder().skuId(rs.getString(1))
                  .code(Optional.ofNullable(rs.getString(2)))
                  .regularPrice(Optional.ofNullable(rs.getBigDecimal(3)))
                  .salePrice(Optional.ofNullable(rs.getBigDecimal(4)))
                  .gtin1(Optional.ofNullable(rs.getString(5))).gtin2(Optional.ofNullable(rs.getString(6)))
                  .mpn(Optional.ofNullable(rs.getString(7)));
              for (String r : split(rs.getString(8))) {
                b.addPublishMissing(ReasonCode.valueOf(r));
              }
              for (String f : split(rs.getString(9))) {
                b.addPendingExport(ProductField.valueOf(f));
              }
              SkuListing l = b.build();
              out.put(l.skuId(), l);
            }
          }
        }
      }
      return out;
    });
  }

  @Override
  public Map<String, List<String>> findSkuIdsByCode(Collection<String> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    return read("find SKUs by code", c -> {
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (List<String> chunk : chunks(codes)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT l.code, l.sku_id FROM ls_sku_listing l"
            + " JOIN ls_sku s ON s.id = l.sku_id WHERE s.active AND l.code IN (" + marks(chunk) + ")"
            + " ORDER BY l.code, l.sku_id")) {
          bind(ps, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
          }
        }
      }
      return out;
    });
  }

  private static String names(Collection<? extends Enum<?>> values) {
    StringBuilder b = new StringBuilder();
    for (Enum<?> v : values) {
      b.append(b.length() == 0 ? "" : ",").append(v.name());
    }
    return b.toString();
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  // ---------------------------------------------------------------------------------------------
  // Purchase orders and receipts

  @Override
  public void upsertPurchaseOrders(List<PurchaseOrder> orders) {
    if (orders.isEmpty()) {
      return;
    }
    inTransaction("upsert purchase orders", c -> {
      try (PreparedStatement merge = c.prepareStatement("MERGE INTO ls_purchase_order t USING (SELECT"
              + " CAST(? AS VARCHAR) AS id, CAST(? AS VARCHAR) AS supplier_id,"
              + " CAST(? AS VARCHAR) AS location_id, CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS created_at,"
              + " CAST(? AS BOOLEAN) AS closed_manually) s ON t.id = s.id"
              + " WHEN MATCHED THEN UPDATE SET supplier_id = s.supplier_id, location_id = s.location_id,"
              + " created_at = s.created_at, closed_manually = s.closed_manually"
              + " WHEN NOT MATCHED THEN INSERT (id, supplier_id, location_id, created_at, closed_manually)"
              + " VALUES (s.id, s.supplier_id, s.location_id, s.created_at, s.closed_manually)");
          PreparedStatement delLines = c.prepareStatement("DELETE FROM ls_purchase_order_line WHERE order_id = ?");
          PreparedStatement delApplied = c.prepareStatement(
              "DELETE FROM ls_purchase_order_applied_receipt WHERE order_id = ?");
          PreparedStatement insLine = c.prepareStatement("INSERT INTO ls_purchase_order_line (order_id, pos, line_id,"
              + " sku_id, ordered_quantity, received_quantity) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement insApplied = c.prepareStatement(
              "INSERT INTO ls_purchase_order_applied_receipt (order_id, pos, receipt_id) VALUES (?, ?, ?)")) {
        for (PurchaseOrder po : lastById(orders, PurchaseOrder::id)) {
          merge.setString(1, po.id());
          merge.setString(2, po.supplierId().orElse(null));
          merge.setString(3, po.locationId());
          setInstant(merge, 4, po.createdAt());
          merge.setBoolean(5, po.closedManually());
          merge.addBatch();
          delLines.setString(1, po.id());
          delLines.addBatch();
          delApplied.setString(1, po.id());
          delApplied.addBatch();
          int pos = 0;
          for (PurchaseOrderLine l : po.lines()) {
            insLine.setString(1, po.id());
            insLine.setInt(2, pos++);
            insLine.setString(3, l.lineId());
            insLine.setString(4, l.skuId());
            insLine.setLong(5, l.orderedQuantity());
            insLine.setLong(6, l.receivedQuantity());
            insLine.addBatch();
          }
          pos = 0;
          for (String r : po.appliedReceiptIds()) {
            insApplied.setString(1, po.id());
            insApplied.setInt(2, pos++);
            insApplied.setString(3, r);
            insApplied.addBatch();
          }
        }
        merge.executeBatch();
        delLines.executeBatch();
        delApplied.executeBatch();
        insLine.executeBatch();
        insApplied.executeBatch();
      }
      return null;
    });
  }

  @Override
  public Optional<PurchaseOrder> findPurchaseOrder(String id) {
    return read("find purchase order", c -> {
      PurchaseOrder.Builder b;
      try (PreparedStatement ps = c.prepareStatement("SELECT supplier_id, location_id, created_at, closed_manually"
          + " FROM ls_purchase_order WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<PurchaseOrder>empty();
          }
          b = PurchaseOrder.builder().id(id).supplierId(Optional.ofNullable(rs.getString(1)))
              .locationId(rs.getString(2)).createdAt(instant(rs, "created_at")).closedManually(rs.getBoolean(4));
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT line_id, sku_id, ordered_quantity, received_quantity"
          + " FROM ls_purchase_order_line WHERE order_id = ? ORDER BY pos")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            b.addLines(PurchaseOrderLine.builder().lineId(rs.getString(1)).skuId(rs.getString(2))
                .orderedQuantity(rs.getLong(3)).receivedQuantity(rs.getLong(4)).build());
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT receipt_id FROM ls_purchase_order_applied_receipt"
          + " WHERE order_id = ? ORDER BY pos")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            b.addAppliedReceiptIds(rs.getString(1));
          }
        }
      }
      return Optional.of(b.build());
    });
  }

  @Override
  public void recordReceipts(List<Receipt> receipts) {
    if (receipts.isEmpty()) {
      return;
    }
    inTransaction("record receipts", c -> {
      try (PreparedStatement ins = c.prepareStatement("MERGE INTO ls_receipt t USING (SELECT"
              + " CAST(? AS VARCHAR) AS id, CAST(? AS VARCHAR) AS purchase_order_id,"
              + " CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS received_at) s ON t.id = s.id"
              + " WHEN NOT MATCHED THEN INSERT (id, purchase_order_id, received_at)"
              + " VALUES (s.id, s.purchase_order_id, s.received_at)");
          PreparedStatement insLine = c.prepareStatement("INSERT INTO ls_receipt_line (receipt_id, pos,"
              + " purchase_order_line_id, quantity) VALUES (?, ?, ?, ?)")) {
        for (Receipt r : receipts) {
          ins.setString(1, r.id());
          ins.setString(2, r.purchaseOrderId());
          setInstant(ins, 3, r.receivedAt());
          if (ins.executeUpdate() == 0) {
            continue; // recorded before: kept as it is
          }
          int pos = 0;
          for (ReceiptLine l : r.lines()) {
            insLine.setString(1, r.id());
            insLine.setInt(2, pos++);
            insLine.setString(3, l.purchaseOrderLineId());
            insLine.setLong(4, l.quantity());
            insLine.addBatch();
          }
          insLine.executeBatch();
        }
      }
      return null;
    });
  }

  @Override
  public List<Receipt> findReceipts(String purchaseOrderId) {
    return read("find receipts", c -> {
      Map<String, Receipt.Builder> builders = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, received_at FROM ls_receipt"
          + " WHERE purchase_order_id = ? ORDER BY seq")) {
        ps.setString(1, purchaseOrderId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            builders.put(rs.getString(1), Receipt.builder().id(rs.getString(1)).purchaseOrderId(purchaseOrderId)
                .receivedAt(instant(rs, "received_at")));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT l.receipt_id, l.purchase_order_line_id, l.quantity"
          + " FROM ls_receipt_line l JOIN ls_receipt r ON r.id = l.receipt_id WHERE r.purchase_order_id = ?"
          + " ORDER BY l.receipt_id, l.pos")) {
        ps.setString(1, purchaseOrderId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            builders.get(rs.getString(1)).addLines(ReceiptLine.of(rs.getString(2), rs.getLong(3)));
          }
        }
      }
      List<Receipt> out = new ArrayList<>();
      builders.values().forEach(b -> out.add(b.build()));
      return out;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Checkpoints

  @Override
  public Optional<Checkpoint> checkpoint(String stream) {
    return read("read checkpoint", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT position, saved_at FROM ls_checkpoint WHERE stream = ?")) {
        ps.setString(1, stream);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(Checkpoint.of(stream, rs.getString(1), instant(rs, "saved_at")))
              : Optional.<Checkpoint>empty();
        }
      }
    });
  }

  /**
   * The accounts whose sync has saved a checkpoint in this database, sorted: the engine names each
   * checkpoint {@code ACCOUNT:STREAM} ({@code SyncEngine.checkpointName}). These tables hold one
   * account: records are keyed by their Lightspeed id alone, and the ids of two accounts overlap
   * (an R-Series item and an eCom variant can both be {@code 100}), so a second account synced into
   * the same database would overwrite the first one's records. Give each account a database (or
   * schema) of its own; the example app refuses to sync a second one ({@code RunGuard}).
   */
  public java.util.SortedSet<String> syncedAccounts() {
    return read("read the synced accounts", c -> {
      java.util.SortedSet<String> accounts = new java.util.TreeSet<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT stream FROM ls_checkpoint");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          int stream = name.lastIndexOf(':');
          if (stream > 0) {
            accounts.add(name.substring(0, stream));
          }
        }
      }
      return accounts;
    });
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    inTransaction("save checkpoint", c -> {
      try (PreparedStatement ps = c.prepareStatement("MERGE INTO ls_checkpoint t USING (SELECT"
          + " CAST(? AS VARCHAR) AS stream, CAST(? AS VARCHAR) AS position,"
          + " CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS saved_at) s ON t.stream = s.stream"
          + " WHEN MATCHED THEN UPDATE SET position = s.position, saved_at = s.saved_at"
          + " WHEN NOT MATCHED THEN INSERT (stream, position, saved_at) VALUES (s.stream, s.position, s.saved_at)")) {
        ps.setString(1, checkpoint.stream());
        ps.setString(2, checkpoint.position());
        setInstant(ps, 3, checkpoint.savedAt());
        ps.executeUpdate();
      }
      return null;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Ledger

  @Override
  public List<LedgerOutcome> recordInLedger(List<LedgerEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return inTransaction("record in the ledger", c -> {
          List<LedgerOutcome> out = new ArrayList<>();
          try (PreparedStatement ins = c.prepareStatement(
              "INSERT INTO ls_ledger (kind, ledger_key, external_id, recorded_at) VALUES (?, ?, ?, ?)")) {
            for (LedgerEntry e : entries) {
              // A savepoint per entry: a refused key must not abort the rest of the batch
              // (PostgreSQL aborts the whole transaction on an error without one).
              Savepoint sp = c.setSavepoint();
              ins.setString(1, e.kind().name());
              ins.setString(2, e.key());
              ins.setString(3, e.externalId().orElse(null));
              setInstant(ins, 4, e.recordedAt());
              try {
                ins.executeUpdate();
                c.releaseSavepoint(sp);
                out.add(LedgerOutcome.recorded(e));
              } catch (SQLException ex) {
                if (!isUniqueViolation(ex)) {
                  throw ex;
                }
                c.rollback(sp);
                out.add(LedgerOutcome.refused(ledgerEntry(c, e.kind(), e.key()).orElseThrow(() -> ex)));
              }
            }
          }
          return out;
        });
      } catch (SyncSinkException e) {
        // Two transactions racing for one key: the loser may time out on the row lock instead of
        // seeing the unique violation; retrying sees the winner's committed entry.
        if (!e.isRetryable() || attempt >= 5) {
          throw e;
        }
      }
    }
  }

  @Override
  public Optional<LedgerEntry> ledgerEntry(LedgerKind kind, String key) {
    return read("read the ledger", c -> ledgerEntry(c, kind, key));
  }

  private static Optional<LedgerEntry> ledgerEntry(Connection c, LedgerKind kind, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT external_id, recorded_at FROM ls_ledger WHERE kind = ? AND ledger_key = ?")) {
      ps.setString(1, kind.name());
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(LedgerEntry.of(kind, key, instant(rs, "recorded_at"))
            .withExternalId(Optional.ofNullable(rs.getString(1))));
      }
    }
  }

  @Override
  public Optional<LedgerEntry> confirmInLedger(LedgerKind kind, String key, String externalId) {
    return inTransaction("confirm in the ledger", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE ls_ledger SET external_id = ? WHERE kind = ? AND ledger_key = ? AND external_id IS NULL")) {
        ps.setString(1, externalId);
        ps.setString(2, kind.name());
        ps.setString(3, key);
        ps.executeUpdate();
      }
      return ledgerEntry(c, kind, key);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Connection log

  @Override
  public void logIssues(List<RecordIssue> issues) {
    if (issues.isEmpty()) {
      return;
    }
    inTransaction("log issues", c -> {
      try (PreparedStatement ps = c.prepareStatement("MERGE INTO ls_connection_log t USING (SELECT"
          + " CAST(? AS VARCHAR) AS record_kind, CAST(? AS VARCHAR) AS record_id,"
          + " CAST(? AS VARCHAR) AS reason, CAST(? AS VARCHAR) AS problem,"
          + " CAST(? AS VARCHAR) AS remedy, CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS detected_at) s"
          + " ON t.record_kind = s.record_kind AND t.record_id = s.record_id AND t.reason = s.reason"
          + " WHEN MATCHED THEN UPDATE SET problem = s.problem, remedy = s.remedy, detected_at = s.detected_at"
          + " WHEN NOT MATCHED THEN INSERT (record_kind, record_id, reason, problem, remedy, detected_at)"
          + " VALUES (s.record_kind, s.record_id, s.reason, s.problem, s.remedy, s.detected_at)")) {
        // One row per issue, batched in order, so that first-logged order (the identity) is kept.
        for (RecordIssue i : issues) {
          ps.setString(1, i.recordKind().name());
          ps.setString(2, i.recordId());
          ps.setString(3, i.reason().name());
          ps.setString(4, clip(i.problem()));
          ps.setString(5, clip(i.remedy()));
          setInstant(ps, 6, i.detectedAt());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /** The length of the connection log's text columns. */
  private static final int LOG_TEXT = 4000;

  /**
   * A message longer than its column is shortened, marked with an ellipsis: it is text for a person.
   * Everything else (ids, codes) is refused when too long, never cut.
   */
  private static String clip(String text) {
    return text.length() <= LOG_TEXT ? text : text.substring(0, LOG_TEXT - 1) + "\u2026";
  }

  @Override
  public List<RecordIssue> openIssues(RecordKind kind) {
    return read("read the connection log", c -> {
      List<RecordIssue> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT record_id, reason, problem, remedy, detected_at"
          + " FROM ls_connection_log WHERE record_kind = ? ORDER BY seq")) {
        ps.setString(1, kind.name());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(RecordIssue.of(kind, rs.getString(1), ReasonCode.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), instant(rs, "detected_at")));
          }
        }
      }
      return out;
    });
  }

  @Override
  public void resolveIssues(RecordKind kind, String recordId) {
    inTransaction("resolve issues", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM ls_connection_log WHERE record_kind = ? AND record_id = ?")) {
        ps.setString(1, kind.name());
        ps.setString(2, recordId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void resolveIssues(RecordKind kind, Collection<String> recordIds, Set<ReasonCode> reasons) {
    if (recordIds.isEmpty() || reasons.isEmpty()) {
      return;
    }
    List<String> reasonNames = new ArrayList<>();
    reasons.forEach(r -> reasonNames.add(r.name()));
    inTransaction("resolve issues", c -> {
      // one statement per record, batched: equality on (record_kind, record_id) is a key lookup, where
      // "record_id IN (...)" makes H2 scan every entry of the kind (a sync grew quadratic with it)
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM ls_connection_log WHERE record_kind = ?"
          + " AND record_id = ? AND reason IN (" + marks(reasonNames) + ")")) {
        for (String id : new LinkedHashSet<>(recordIds)) {
          ps.setString(1, kind.name());
          ps.setString(2, id);
          for (int i = 0; i < reasonNames.size(); i++) {
            ps.setString(i + 3, reasonNames.get(i));
          }
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public String toString() {
    return "JdbcSyncSink{" + db + "}";
  }

  // ---------------------------------------------------------------------------------------------
  // Plumbing

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** The unit of work the calling thread is in ({@link #unitOfWork}): its connection, and whether a call in it failed. */
  private static final class Unit {
    final Connection connection;
    boolean failed;

    Unit(Connection connection) {
      this.connection = connection;
    }
  }

  private final ThreadLocal<Unit> unit = new ThreadLocal<>();

  /**
   * One transaction for everything {@code work} does on this sink from the calling thread, committed
   * once when it returns (the engine's page: records, connection log and checkpoint together) and
   * rolled back when it throws. A unit begun inside another joins it. A unit in which a call failed
   * is rolled back even if {@code work} caught the failure, and this method then throws.
   */
  @Override
  public void unitOfWork(Runnable work) {
    if (unit.get() != null) {
      work.run();
      return;
    }
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      Unit u = new Unit(c);
      unit.set(u);
      try {
        work.run();
      } catch (RuntimeException | Error e) {
        rollbackAfter(c, e);
        throw e;
      } finally {
        unit.remove();
      }
      if (u.failed) {
        c.rollback();
        throw new SyncSinkException("cannot commit a unit of work: a write in it failed and was caught; nothing of"
            + " the unit was applied", false);
      }
      c.commit();
    } catch (SQLException e) {
      throw failure("commit a unit of work", e);
    }
  }

  private static void rollbackAfter(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private <T> T inTransaction(String what, Work<T> work) {
    Unit joined = unit.get();
    if (joined != null) {
      return inUnit(joined, what, work);
    }
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private <T> T inUnit(Unit joined, String what, Work<T> work) {
    try {
      return work.run(joined.connection);
    } catch (SQLException e) {
      joined.failed = true;
      throw failure(what, e);
    } catch (RuntimeException e) {
      joined.failed = true;
      throw e;
    }
  }

  private <T> T read(String what, Work<T> work) {
    Unit joined = unit.get();
    if (joined != null) {
      return inUnit(joined, what, work);
    }
    try (Connection c = db.connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static SyncSinkException failure(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    // connection problems (08), serialization failures and deadlocks (40), lock timeouts (HYT00)
    boolean retryable = state.startsWith("08") || state.startsWith("40") || state.equals("HYT00");
    return new SyncSinkException("cannot " + what + ": " + e.getMessage() + " (SQLState " + state + ")", retryable, e);
  }

  private static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  /** Later duplicates in one batch win, as if the calls had been made one after the other. */
  private static <T> Collection<T> lastById(List<T> records, java.util.function.Function<T, String> key) {
    if (records.size() < 2) {
      return records;
    }
    Map<String, T> byKey = new LinkedHashMap<>();
    for (T r : records) {
      byKey.remove(key.apply(r));
      byKey.put(key.apply(r), r);
    }
    return byKey.values();
  }

  private static List<List<String>> chunks(Collection<String> ids) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i += IN_CHUNK) {
      out.add(distinct.subList(i, Math.min(distinct.size(), i + IN_CHUNK)));
    }
    return out;
  }

  private static String marks(List<String> chunk) {
    return String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
  }

  private static void bind(PreparedStatement ps, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(i + 1, values.get(i));
    }
  }

  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  private static Long getLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  // ---------------------------------------------------------------------------------------------
  // Run lock

  /**
   * Takes the run lock of {@code accountKey} in the database, so that it holds across processes and
   * machines sharing it.
   *
   * <ul>
   *   <li><b>PostgreSQL:</b> a session advisory lock ({@code pg_try_advisory_lock}) on a connection
   *       held until {@link RunLock#close()}. The server releases it when that session ends, so a
   *       killed process never keeps it. The key is derived from the schema and the account, so
   *       sinks in different schemas do not block each other.
   *   <li><b>Other databases (H2):</b> a row of {@code ls_run_lock} with a lease: the holder renews
   *       it every third of the lease on a daemon thread, and a row whose lease has run out (its
   *       holder died) is taken over. The lease ({@link #DEFAULT_RUN_LOCK_LEASE} unless given to the
   *       constructor) is also how long an account stays blocked after a crash. Clocks of the
   *       processes must agree to well within the lease.
   * </ul>
   * In both cases the row names the holder ({@link #runLockHolder}).
   */
  @Override
  public Optional<RunLock> tryLockRun(String accountKey) {
    Objects.requireNonNull(accountKey, "accountKey == null");
    String token = java.util.UUID.randomUUID().toString();
    Instant now = clock.instant();
    String owner = "pid " + ProcessHandle.current().pid() + " on " + hostName() + " since " + now;
    return isPostgres() ? advisoryLock(accountKey, token, owner, now) : leaseLock(accountKey, token, owner, now);
  }

  /**
   * Who holds the run lock of {@code accountKey}, as {@code "pid 123 on host since 2026-..."}, if
   * anyone does (after a crash on PostgreSQL the row may name a holder that is gone; the lock itself
   * is free then).
   */
  public Optional<String> runLockHolder(String accountKey) {
    return read("read the run lock", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM ls_run_lock WHERE account_key = ?")) {
        ps.setString(1, accountKey);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  private Optional<RunLock> advisoryLock(String accountKey, String token, String owner, Instant now) {
    Connection held = null;
    try {
      held = db.connection();
      held.setAutoCommit(true);
      long key;
      try (Statement st = held.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
        rs.next();
        key = advisoryKey(rs.getString(1) + "|" + accountKey);
      }
      boolean locked;
      try (PreparedStatement ps = held.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        ps.setLong(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          locked = rs.getBoolean(1);
        }
      }
      if (!locked) {
        held.close();
        return Optional.empty();
      }
      writeOwnerRow(accountKey, token, owner, now, now.plus(Duration.ofDays(36500)));
      Connection session = held;
      java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
      return Optional.of(() -> {
        if (!open.compareAndSet(true, false)) {
          return;
        }
        deleteOwnerRow(accountKey, token);
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          ps.setLong(1, key);
          ps.execute();
        } catch (SQLException e) {
          // the session is broken, which releases the lock on the server
        }
        closeQuietly(session);
      });
    } catch (SQLException | RuntimeException e) {
      if (held != null) {
        closeQuietly(held);
      }
      throw e instanceof SQLException sql ? failure("take the run lock of " + accountKey, sql) : (RuntimeException) e;
    }
  }

  private Optional<RunLock> leaseLock(String accountKey, String token, String owner, Instant now) {
    boolean acquired = inTransaction("take the run lock of " + accountKey, c -> {
      Savepoint sp = c.setSavepoint();
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO ls_run_lock (account_key, owner_token, owner,"
          + " acquired_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
        ins.setString(1, accountKey);
        ins.setString(2, token);
        ins.setString(3, owner);
        setInstant(ins, 4, now);
        setInstant(ins, 5, now.plus(runLockLease));
        ins.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (!isUniqueViolation(e)) {
          throw e;
        }
        c.rollback(sp);
      }
      // Held, or left behind by a process that died: take it over only once its lease ran out.
      try (PreparedStatement up = c.prepareStatement("UPDATE ls_run_lock SET owner_token = ?, owner = ?,"
          + " acquired_at = ?, expires_at = ? WHERE account_key = ? AND expires_at < ?")) {
        up.setString(1, token);
        up.setString(2, owner);
        setInstant(up, 3, now);
        setInstant(up, 4, now.plus(runLockLease));
        up.setString(5, accountKey);
        setInstant(up, 6, now);
        return up.executeUpdate() == 1;
      }
    });
    if (!acquired) {
      return Optional.empty();
    }
    java.util.concurrent.ScheduledExecutorService renewer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "lightspeed-sync run lock " + accountKey);
          t.setDaemon(true);
          return t;
        });
    long every = Math.max(1, runLockLease.toMillis() / 3);
    heldLeases.put(token, accountKey);
    renewer.scheduleWithFixedDelay(() -> {
      try {
        if (!renew(accountKey, token)) {
          heldLeases.remove(token);
          renewer.shutdown(); // taken over after our lease ran out: nothing left to renew
        }
      } catch (RuntimeException e) {
        // a failed renewal is retried at the next tick; the lease covers two missed ones
      }
    }, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
    return Optional.of(() -> {
      if (open.compareAndSet(true, false)) {
        renewer.shutdownNow();
        heldLeases.remove(token);
        deleteOwnerRow(accountKey, token);
      }
    });
  }

  /** Lease tokens of the run locks this sink holds, by token (for {@link #renewHeldRunLocks}). */
  private final Map<String, String> heldLeases = new java.util.concurrent.ConcurrentHashMap<>();

  /** Renews the lease of every run lock this sink holds now (what the renewer thread does); the count renewed. */
  int renewHeldRunLocks() {
    int n = 0;
    for (Map.Entry<String, String> e : heldLeases.entrySet()) {
      n += renew(e.getValue(), e.getKey()) ? 1 : 0;
    }
    return n;
  }

  private boolean renew(String accountKey, String token) {
    return inTransaction("renew the run lock of " + accountKey, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE ls_run_lock SET expires_at = ? WHERE account_key = ? AND owner_token = ?")) {
        setInstant(ps, 1, clock.instant().plus(runLockLease));
        ps.setString(2, accountKey);
        ps.setString(3, token);
        return ps.executeUpdate() == 1;
      }
    });
  }

  private void writeOwnerRow(String accountKey, String token, String owner, Instant now, Instant expires) {
    inTransaction("name the holder of the run lock", c -> {
      try (PreparedStatement ps = c.prepareStatement("MERGE INTO ls_run_lock t USING (SELECT"
          + " CAST(? AS VARCHAR) AS account_key, CAST(? AS VARCHAR) AS owner_token,"
          + " CAST(? AS VARCHAR) AS owner, CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS acquired_at,"
          + " CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS expires_at) s ON t.account_key = s.account_key"
          + " WHEN MATCHED THEN UPDATE SET owner_token = s.owner_token, owner = s.owner,"
          + " acquired_at = s.acquired_at, expires_at = s.expires_at"
          + " WHEN NOT MATCHED THEN INSERT (account_key, owner_token, owner, acquired_at, expires_at)"
          + " VALUES (s.account_key, s.owner_token, s.owner, s.acquired_at, s.expires_at)")) {
        ps.setString(1, accountKey);
        ps.setString(2, token);
        ps.setString(3, owner);
        setInstant(ps, 4, now);
        setInstant(ps, 5, expires);
        ps.executeUpdate();
      }
      return null;
    });
  }

  private void deleteOwnerRow(String accountKey, String token) {
    try {
      inTransaction("release the run lock", c -> {
        try (PreparedStatement ps = c.prepareStatement(
            "DELETE FROM ls_run_lock WHERE account_key = ? AND owner_token = ?")) {
          ps.setString(1, accountKey);
          ps.setString(2, token);
          ps.executeUpdate();
        }
        return null;
      });
    } catch (RuntimeException e) {
      // RunLock.close never throws; a row left behind expires with its lease
    }
  }

  private boolean isPostgres() {
    Boolean p = postgres;
    if (p == null) {
      p = read("detect the database", c -> c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
          .contains("postgres"));
      postgres = p;
    }
    return p;
  }

  /** A 64-bit advisory lock key: the first 8 bytes of the SHA-256 of {@code name}. */
  static long advisoryKey(String name) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(("lightspeed-sync run lock|" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.nio.ByteBuffer.wrap(d).getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "an unknown host";
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
  }
}
