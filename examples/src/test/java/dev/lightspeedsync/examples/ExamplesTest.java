package dev.lightspeedsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each task-named example runs offline against the testkit and does what its Javadoc says. */
class ExamplesTest {
  // API time runs 1000x faster: the rate limiter's few waits take milliseconds of real time.
  static final double SCALE = 1000;

  EmbeddedLightspeed lightspeed;
  ConnectionPool db;

  private ConnectionPool db(String name) {
    db = ConnectionPool.open("jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    return db;
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
    if (lightspeed != null) {
      lightspeed.close();
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void inventoryPlannerSyncsOneLocationThenIncrementallyAndPlansFromSql() throws Exception {
    lightspeed = EmbeddedLightspeed.start(3, 300, 400, SCALE);

    InventoryPlannerSync.Result r = new InventoryPlannerSync(lightspeed, db("planner")).run();

    String shopId = Long.toString(lightspeed.server().retail().stream("Shop").findFirst().orElseThrow().id());
    assertThat(r.full().full()).isTrue();
    assertThat(r.incremental().full()).isFalse();
    assertThat(r.incremental().requests()).isLessThanOrEqualTo(8); // one page per pass: shops, vendors, items, composites, ItemShop, customers, sales, voided
    assertThat(r.full().requests()).isGreaterThan(r.incremental().requests());
    assertThat(r.full().stream(dev.lightspeedsync.sync.engine.SyncStream.STOCK).orElseThrow().plan())
        .as("stock read with the item walk").isEqualTo("items+ItemShops");
    assertThat(count("SELECT COUNT(*) FROM ls_stock_level")).isPositive()
        .isEqualTo(count("SELECT COUNT(*) FROM ls_stock_level WHERE location_id = '" + shopId + "'"));
    assertThat(count("SELECT COUNT(*) FROM ls_sales_order WHERE location_id <> '" + shopId + "'")).isZero();
    assertThat(r.bestSellers()).isNotEmpty();
    assertThat(r.bestSellers()).extracting(InventoryPlannerSync.Advice::unitsSold)
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void warehouseOrderImportHandsEachEligibleOrderOverExactlyOnce() throws Exception {
    lightspeed = EmbeddedLightspeed.webshop(100, 300, SCALE);
    lightspeed.touchRecentEcomOrders();
    WarehouseOrderImport wms = new WarehouseOrderImport(lightspeed, db("wms"));
    // the window starts no earlier than 12 hours before this (the testkit also generates orders
    // updated in the 48 hours before it started, besides the ones touched above)
    java.time.Instant windowFloor = lightspeed.clock().instant().minus(java.time.Duration.ofHours(12)).minusSeconds(1);

    WarehouseOrderImport.Result first = wms.run();
    WarehouseOrderImport.Result second = wms.run();

    assertThat(first.handedOver()).isNotEmpty();
    for (String id : first.handedOver()) {
      TestkitRecord o = lightspeed.server().ecom().get("orders", Long.parseLong(id)).orElseThrow();
      assertThat(java.time.Instant.parse(o.require("updatedAt").replace("+00:00", "Z")))
          .as("only orders changed in the last 12 hours").isAfterOrEqualTo(windowFloor);
      assertThat(o.require("paymentStatus").equals("paid") || o.getBoolean("shipmentIsCashOnDelivery"))
          .as("order %s is paid or cash on delivery", id).isTrue();
      assertThat(o.require("shipmentStatus")).as("order %s", id).isNotEqualTo("shipped");
      assertThat(o.require("status")).as("order %s", id).isNotEqualTo("cancelled");
    }
    List<String> eligible = first.handedOver();
    assertThat(second.handedOver()).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM ls_order_import")).isEqualTo(eligible.size());
    assertThat(count("SELECT COUNT(*) FROM ls_order_import_line")).as("the pick list holds the orders' lines").isPositive();
    assertThat(count("SELECT COUNT(*) FROM ls_order_import_line WHERE order_id NOT IN (SELECT order_id FROM ls_order_import)"))
        .isZero();
  }

  @Test
  void webshopOrderExportCreatesOneCompletedSalePerBalancedOrderExactlyOnce() throws Exception {
    lightspeed = EmbeddedLightspeed.start(2, 100, 0, SCALE);
    WebshopOrderExport export = new WebshopOrderExport(lightspeed, db("export"));
    var orders = export.webshopOrders();
    long salesBefore = lightspeed.server().retail().count("Sale");

    var first = export.run(orders);
    var second = export.run(orders);

    assertThat(first.count(WriteAction.Status.DONE)).isEqualTo(3);
    assertThat(first.exclusions()).extracting(e -> e.recordId()).containsExactly("W-1003");
    assertThat(second.count(WriteAction.Status.DONE)).isZero();
    assertThat(lightspeed.server().retail().count("Sale") - salesBefore).isEqualTo(3);
    List<TestkitRecord> created = lightspeed.server().retail().stream("Sale")
        .filter(r -> r.get("referenceNumber").map(v -> v.toString().startsWith("W-")).orElse(false)).toList();
    assertThat(created).extracting(r -> r.require("referenceNumber")).containsExactlyInAnyOrder("W-1001", "W-1002",
        "W-1004");
    assertThat(created).allSatisfy(r -> assertThat(r.getBoolean("completed")).isTrue());
    assertThat(count("SELECT COUNT(*) FROM ls_ledger WHERE kind = 'ORDER_EXPORT' AND external_id IS NOT NULL"))
        .isEqualTo(3);
  }

  @Test
  void storefrontStockPushSendsOnlyChangedAvailabilityAndNothingWhenReadOnly() throws Exception {
    lightspeed = EmbeddedLightspeed.webshop(60, 5, SCALE);
    db("storefront");
    new StorefrontStockPush(lightspeed, db, false).seedWarehouseFromStorefront();
    long movementsBefore = lightspeed.server().ecom().count("variantsMovements");

    StorefrontStockPush.Result readOnly = new StorefrontStockPush(lightspeed, db, true).run();
    assertThat(readOnly.pushed()).isEmpty();
    assertThat(readOnly.suppressedBecause()).isEqualTo("READ_ONLY");
    assertThat(lightspeed.server().ecom().count("variantsMovements")).isEqualTo(movementsBefore);

    // what differs after the read-only run's sync: the warehouse's availability against what the storefront shows
    java.util.Set<String> differing = new java.util.TreeSet<>();
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT w.sku_id FROM wms_stock w JOIN ls_stock_level st ON st.sku_id = w.sku_id AND st.location_id = 'webshop'"
            + " JOIN ls_sku k ON k.id = w.sku_id WHERE k.active AND w.on_hand - w.allocated <> st.on_hand")) {
      while (rs.next()) {
        differing.add(rs.getString(1) + "@webshop");
      }
    }

    StorefrontStockPush.Result first = new StorefrontStockPush(lightspeed, db, false).run();
    StorefrontStockPush.Result second = new StorefrontStockPush(lightspeed, db, false).run();

    assertThat(first.pushed()).as("wms %s, webshop stock %s, skus %s, locations %s", count("SELECT COUNT(*) FROM wms_stock"),
        count("SELECT COUNT(*) FROM ls_stock_level WHERE location_id = 'webshop'"), count("SELECT COUNT(*) FROM ls_sku"),
        count("SELECT COUNT(DISTINCT location_id) FROM ls_stock_level")).isNotEmpty();
    assertThat(first.unchanged()).isPositive();
    assertThat(differing).isNotEmpty();
    assertThat(new java.util.TreeSet<>(first.pushed().keySet())).as("exactly the figures that differ").isEqualTo(differing);
    first.pushed().forEach((key, available) -> {
      long variantId = Long.parseLong(key.substring(0, key.indexOf('@')));
      TestkitRecord variant = lightspeed.server().ecom().get("variants", variantId).orElseThrow();
      // the warehouse's available quantity; a negative one is shown as 0 by the storefront
      assertThat(variant.getLong("stockLevel")).as("variant " + variantId).isEqualTo(Math.max(0, available));
    });
    // a push that writes the level the storefront already shows (a negative availability as 0) moves nothing
    assertThat(lightspeed.server().ecom().count("variantsMovements") - movementsBefore).isPositive()
        .isLessThanOrEqualTo(first.pushed().size());
    assertThat(second.pushed()).isEmpty();
    assertThat(second.suppressedBecause()).isNull();
  }
}
