package dev.lightspeedsync.sync.lightspeed.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.ItemImportConfig;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 004 (e-commerce platform on R-Series), sentence by sentence, through the engine and the R-Series connector. */
class Seed004EcommercePlatformTest {
  SeedFixture f = SeedFixture.retail(300, 50);

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  private SyncSettings.Builder settings(LocationStrategy strategy, String... codes) {
    return SyncSettings.builder().location(LocationConfig.builder().strategy(strategy).defaultLocationCode(f.shop(0))
        .locationCodes(java.util.List.of(codes)).build());
  }

  @Test
  @DisplayName("Import items where Balance On Hand is greater than 0 (on): out-of-stock items are not imported")
  void onHandAboveZero() {
    SyncReport report = f.run(settings(LocationStrategy.ALL).itemImport(ItemImportConfig.defaults()).build());
    Set<String> ids = f.server.retail().stream("Item").map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    Map<String, Long> onHand = f.server.retail().stream("ItemShop").filter(r -> r.getLong("shopID") != 0)
        .collect(Collectors.groupingBy(r -> Long.toString(r.getLong("itemID")),
            Collectors.summingLong(r -> r.getDecimal("qoh").longValue())));
    Map<String, Sku> stored = f.sink.findSkus(ids);
    assertThat(stored.values()).filteredOn(Sku::active).isNotEmpty()
        .allMatch(s -> onHand.getOrDefault(s.id(), 0L) > 0, "on hand > 0");
    assertThat(report.stream(SyncStream.CATALOGUE).orElseThrow().leftOut()).containsKey(ReasonCode.IMPORT_FILTER_NOT_MET);
  }

  @Test
  @DisplayName("The balance on hand is judged on the selected store locations only")
  void filterOnSelectedLocations() {
    f.run(settings(LocationStrategy.ONE).itemImport(ItemImportConfig.defaults()).build());
    String shopId = Long.toString(f.server.retail().stream("Shop").findFirst().orElseThrow().id());
    Set<String> ids = f.server.retail().stream("Item").map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    Map<String, Long> onHandHere = f.server.retail().stream("ItemShop")
        .filter(r -> Long.toString(r.getLong("shopID")).equals(shopId))
        .collect(Collectors.toMap(r -> Long.toString(r.getLong("itemID")), r -> r.getDecimal("qoh").longValue()));
    assertThat(f.sink.findSkus(ids).values()).filteredOn(Sku::active).isNotEmpty()
        .allMatch(s -> onHandHere.getOrDefault(s.id(), 0L) > 0, "on hand > 0 at the selected shop");
    assertThat(f.sink.findStock(ids)).extracting(StockLevel::locationId).containsOnly(shopId);
  }

  @Test
  @DisplayName("Without item import filters every inventory item is imported")
  void noFilter() {
    f.run(settings(LocationStrategy.ALL).build());
    long expected = f.server.retail().stream("Item")
        .filter(r -> !r.getBoolean("archived") && !r.require("itemType").equals("non_inventory")).count();
    Set<String> ids = f.server.retail().stream("Item").map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    assertThat(f.sink.findSkus(ids).values().stream().filter(Sku::active).count()).isEqualTo(expected);
  }
}
