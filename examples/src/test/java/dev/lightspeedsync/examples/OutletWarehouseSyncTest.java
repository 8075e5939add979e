package dev.lightspeedsync.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.testkit.TestkitRecord;
import dev.lightspeedsync.testkit.XSeriesData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The seed-002 recipe against the embedded X-Series retailer, compared with its ground truth. */
class OutletWarehouseSyncTest {
  @Test
  void eachMappedOutletIsOneWarehouseWithItsStockOnHandAndUnitsSold() throws Exception {
    SyncMetrics metrics = new SyncMetrics();
    try (EmbeddedLightspeed lightspeed = EmbeddedLightspeed.xseries(3, 200, 120, 1000);
        XSeriesClient client = lightspeed.xseriesClient(metrics);
        ConnectionPool db = ConnectionPool.open("jdbc:h2:mem:erp-test;DB_CLOSE_DELAY=-1")) {
      XSeriesData x = lightspeed.server().xseries();
      List<TestkitRecord> outlets = x.stream("outlets").toList();
      Map<String, String> mapping = new LinkedHashMap<>();
      mapping.put(outlets.get(0).require("name"), "WH-A");
      mapping.put(outlets.get(2).require("name"), "WH-C"); // the second outlet is not mapped: not synced
      OutletWarehouseSync erp = new OutletWarehouseSync(client, metrics, lightspeed.clock(), lightspeed.sleeper(), db, mapping);

      OutletWarehouseSync.Run full = erp.sync();
      lightspeed.simulateXSeriesActivity();
      OutletWarehouseSync.Run incremental = erp.sync();
      List<OutletWarehouseSync.Warehouse> warehouses = erp.warehouses();

      assertThat(full.full()).isTrue();
      assertThat(incremental.full()).isFalse();
      assertThat(incremental.requests()).isLessThan(full.requests());
      assertThat(warehouses).extracting(OutletWarehouseSync.Warehouse::name).containsExactly("WH-A", "WH-C");
      Set<String> live = x.stream("products").filter(p -> p.get("deleted_at").isEmpty() && p.getBoolean("active")
          && (p.getBoolean("has_inventory") || p.getBoolean("is_composite"))).map(TestkitRecord::key)
          .collect(Collectors.toSet());
      for (OutletWarehouseSync.Warehouse w : warehouses) {
        String outletId = outlets.stream().filter(o -> o.require("name").equals(w.outlet())).findFirst().orElseThrow().key();
        long onHand = x.stream("inventory").filter(r -> r.get("deleted_at").isEmpty()
                && r.require("outlet_id").equals(outletId) && live.contains(r.require("product_id")))
            .mapToLong(r -> r.getDecimal("inventory_level").longValue()).sum();
        assertThat(w.onHand()).as(w.name()).isEqualTo(onHand);
      }
      assertThat(warehouses.stream().mapToLong(OutletWarehouseSync.Warehouse::unitsSold).sum()).isPositive();
    }
  }

  @Test
  void twoOutletsOnOneWarehouseAreRefused() throws Exception {
    try (EmbeddedLightspeed lightspeed = EmbeddedLightspeed.xseries(2, 10, 0, 1000);
        XSeriesClient client = lightspeed.xseriesClient(ClientListener.NONE);
        ConnectionPool db = ConnectionPool.open("jdbc:h2:mem:erp-refused;DB_CLOSE_DELAY=-1")) {
      assertThatThrownBy(() -> new OutletWarehouseSync(client, new SyncMetrics(), lightspeed.clock(), lightspeed.sleeper(), db,
          Map.of("A", "WH", "B", "WH"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one outlet per warehouse");
    }
  }
}
