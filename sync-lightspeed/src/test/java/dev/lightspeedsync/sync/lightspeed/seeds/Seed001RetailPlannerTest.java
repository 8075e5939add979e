package dev.lightspeedsync.sync.lightspeed.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncRunException;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.rules.SalesSelectionConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 001 (inventory planner on R-Series), sentence by sentence, through the engine and the R-Series connector. */
class Seed001RetailPlannerTest {
  SeedFixture f = SeedFixture.retail(300, 200);

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  private SyncSettings locations(LocationStrategy strategy, String defaultCode, String... codes) {
    return SyncSettings.builder().location(LocationConfig.builder().strategy(strategy).defaultLocationCode(defaultCode)
        .locationCodes(List.of(codes)).build()).build();
  }

  private Set<String> stockLocations() {
    Set<String> ids = f.server.retail().stream("Item").map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    return f.sink.findStock(ids).stream().map(StockLevel::locationId).collect(Collectors.toSet());
  }

  private String shopId(int index) {
    return Long.toString(f.server.retail().stream("Shop").skip(index).findFirst().orElseThrow().id());
  }

  @Test
  @DisplayName("All Locations: Optiply syncs data from every location defined in Lightspeed")
  void allLocations() {
    f.run(locations(LocationStrategy.ALL, f.shop(0)));
    assertThat(stockLocations()).containsExactlyInAnyOrder(shopId(0), shopId(1), shopId(2));
  }

  @Test
  @DisplayName("Multiple Locations: sync specific locations only, codes separated by commas")
  void multipleLocations() {
    f.run(locations(LocationStrategy.MULTIPLE, f.shop(0), f.shop(0), f.shop(2)));
    assertThat(stockLocations()).containsExactlyInAnyOrder(shopId(0), shopId(2));
  }

  @Test
  @DisplayName("One Location: syncs data only from the Default Location")
  void oneLocation() {
    f.run(locations(LocationStrategy.ONE, f.shop(1)));
    assertThat(stockLocations()).containsExactly(shopId(1));
  }

  @Test
  @DisplayName("Default Location Code must match the location name in Lightspeed exactly (case-sensitive)")
  void defaultLocationIsCaseSensitive() {
    String shop = f.shop(0);
    assertThatThrownBy(() -> f.run(locations(LocationStrategy.ONE, shop.toUpperCase())))
        .isInstanceOf(SyncRunException.class).hasMessageContaining("did you mean '" + shop + "'");
    assertThat(f.sink.findSkus(List.of("1"))).as("nothing written").isEmpty();
  }

  @Test
  @DisplayName("Default behaviour: Optiply syncs only completed sales orders")
  void completedSalesOnly() {
    f.run(locations(LocationStrategy.ALL, f.shop(0)));
    Map<String, SalesOrder> stored = storedSales();
    assertThat(stored).isNotEmpty();
    assertThat(stored.values()).allMatch(s -> s.status() == SaleStatus.COMPLETED);
    long completed = f.server.retail().stream("Sale").filter(r -> r.getBoolean("completed") && !r.getBoolean("voided") && !r.getBoolean("archived"))
        .count();
    assertThat(stored).hasSize((int) completed);
  }

  @Test
  @DisplayName("Sync All Sales Orders includes pending and saved orders (voided never)")
  void allSales() {
    SyncSettings settings = SyncSettings.builder().from(locations(LocationStrategy.ALL, f.shop(0)))
        .salesSelection(SalesSelectionConfig.builder().syncAllSales(true).build()).build();
    f.run(settings);
    Map<String, SalesOrder> stored = storedSales();
    long notVoided = f.server.retail().stream("Sale").filter(r -> !r.getBoolean("voided") && !r.getBoolean("archived")).count();
    assertThat(stored).hasSize((int) notVoided);
    assertThat(stored.values()).anyMatch(s -> s.status() != SaleStatus.COMPLETED);
  }

  @Test
  @DisplayName("Initial Sync: a full historical sync first, then incremental syncs of the changes")
  void fullThenIncremental() {
    SyncSettings settings = locations(LocationStrategy.ALL, f.shop(0));
    SyncReport first = f.run(settings);
    f.time.advance(Duration.ofMinutes(30));
    long before = f.metrics.requests();
    SyncReport second = f.run(settings);
    assertThat(first.full()).isTrue();
    assertThat(first.stream(SyncStream.CATALOGUE).orElseThrow().plan()).isEqualTo("items+ItemShops");
    assertThat(second.full()).isFalse();
    assertThat(second.stream(SyncStream.STOCK).orElseThrow().plan()).isEqualTo("ItemShop feed");
    assertThat(f.metrics.requests() - before).as("an incremental run with no changes").isLessThanOrEqualTo(8);
  }

  @Test
  @DisplayName("A voided sale never counts as demand, even when it was completed at the last sync")
  void voidedSaleStopsCounting() {
    SyncSettings settings = locations(LocationStrategy.ALL, f.shop(0));
    f.run(settings);
    TestkitRecord sale = f.server.retail().stream("Sale")
        .filter(r -> r.getBoolean("completed") && !r.getBoolean("voided") && !r.getBoolean("archived")).findFirst().orElseThrow();
    f.time.advance(Duration.ofMinutes(10));
    f.server.retail().voidSale(sale.id());
    f.run(settings);
    assertThat(f.sink.findSales(List.of(Long.toString(sale.id()))).get(Long.toString(sale.id())).status())
        .isEqualTo(SaleStatus.VOIDED);
  }

  private Map<String, SalesOrder> storedSales() {
    Set<String> ids = f.server.retail().stream("Sale").map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    return f.sink.findSales(ids);
  }

  @Test
  @DisplayName("An archived sale never counts as demand: it is stored as cancelled, its demand removed")
  void archivedSalesDoNotCount() {
    f.run(locations(LocationStrategy.ALL, f.shop(0)));
    List<String> archived = f.server.retail().stream("Sale").filter(r -> r.getBoolean("archived"))
        .map(r -> Long.toString(r.id())).toList();
    assertThat(archived).as("the testkit has archived sales").isNotEmpty();
    assertThat(f.sink.findSales(archived).values()).allMatch(s -> s.status() != SaleStatus.COMPLETED);
    assertThat(f.sink.findDemand(f.server.retail().stream("Item").map(r -> Long.toString(r.id())).toList()))
        .noneMatch(d -> archived.contains(d.orderId()));
  }
}
