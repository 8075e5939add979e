package dev.lightspeedsync.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.engine.FakeTruth.Stamped;
import dev.lightspeedsync.sync.engine.internal.Position;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.model.StockTracking;
import dev.lightspeedsync.sync.model.Visibility;
import dev.lightspeedsync.sync.rules.PurchasePriceConfig;
import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything a sink holds about the fake account, read through the {@code SyncSink} port, so two
 * states compare with {@code equals}; and the check that a sink holds what the truth says.
 */
record SinkState(Map<String, Sku> skus, Map<String, StockLevel> stock, Map<String, SalesOrder> sales,
    List<Location> locations, Map<SyncStream, Optional<Checkpoint>> checkpoints,
    Map<RecordKind, List<RecordIssue>> issues) {

  /** What {@code sink} holds for every id the truth has ever had. */
  static SinkState of(SyncSink sink, FakeTruth truth) {
    Set<String> skuIds = new HashSet<>(truth.skus.keySet());
    Map<String, StockLevel> stock = new TreeMap<>();
    sink.findStock(skuIds).forEach(s -> stock.put(s.skuId() + "@" + s.locationId(), s));
    Map<SyncStream, Optional<Checkpoint>> checkpoints = new EnumMap<>(SyncStream.class);
    for (SyncStream s : SyncStream.values()) {
      checkpoints.put(s, sink.checkpoint(SyncEngine.checkpointName(FakeConnector.ACCOUNT, s)));
    }
    Map<RecordKind, List<RecordIssue>> issues = new EnumMap<>(RecordKind.class);
    for (RecordKind k : RecordKind.values()) {
      issues.put(k, sink.openIssues(k));
    }
    return new SinkState(new TreeMap<>(sink.findSkus(skuIds)), stock,
        new TreeMap<>(sink.findSales(truth.sales.keySet())), sink.locations(), checkpoints, issues);
  }

  /** The stream's decoded checkpoint. */
  static Position position(SyncSink sink, SyncStream stream) {
    return sink.checkpoint(SyncEngine.checkpointName(FakeConnector.ACCOUNT, stream))
        .map(c -> Position.parse(c.position())).orElse(Position.NONE);
  }

  /** {@link #assertMatchesTruth(SyncSink, FakeTruth, Set)} with every location selected. */
  static void assertMatchesTruth(SyncSink sink, FakeTruth truth) {
    assertMatchesTruth(sink, truth, truth.locations.stream().map(Location::id).collect(Collectors.toSet()));
  }

  /**
   * The sink equals the truth: the active SKUs are exactly the synced ones (with the purchase price
   * read from the default price field); every stock row at the selected locations is that of the
   * truth (stock of SKUs the rules leave out is kept too, so it is there when they are shown again); every completed
   * sale at a selected location is stored as it is now, and every stored sale is its current version.
   */
  static void assertMatchesTruth(SyncSink sink, FakeTruth truth, Set<String> selectedLocations) {
    Map<String, Sku> expectedSkus = new TreeMap<>();
    for (Sku s : truth.skus.values()) {
      boolean synced = (s.visibility() == Visibility.VISIBLE || s.visibility() == Visibility.AUTO)
          && s.stockTracking() != StockTracking.DISABLED && !s.deleted() && !truth.malformedSkus.contains(s.id());
      if (synced) {
        Optional<BigDecimal> price = Optional.ofNullable(s.prices().get(PurchasePriceConfig.defaults().priceField()));
        expectedSkus.put(s.id(), s.withPurchasePrice(price).withActive(true));
      }
    }
    Map<String, Sku> active = new TreeMap<>();
    sink.findSkus(truth.skus.keySet()).values().stream().filter(Sku::active).forEach(s -> active.put(s.id(), s));
    assertThat(active).as("active SKUs").isEqualTo(expectedSkus);

    Map<String, StockLevel> expectedStock = new TreeMap<>();
    for (Map.Entry<String, Stamped<StockLevel>> e : truth.stock.entrySet()) {
      StockLevel row = e.getValue().value();
      if (selectedLocations.contains(row.locationId())) {
        expectedStock.put(e.getKey(), e.getValue().value());
      }
    }
    Map<String, StockLevel> stored = new TreeMap<>();
    sink.findStock(truth.skus.keySet()).forEach(s -> stored.put(s.skuId() + "@" + s.locationId(), s));
    assertThat(stored).as("stock").isEqualTo(expectedStock);

    Map<String, SalesOrder> storedSales = sink.findSales(truth.sales.keySet());
    for (SalesOrder o : truth.sales.values()) {
      boolean counts = o.status() == SaleStatus.COMPLETED
          && o.locationId().map(selectedLocations::contains).orElse(false);
      if (counts) {
        assertThat(storedSales.get(o.id())).as("completed sale %s", o.id()).isEqualTo(o);
      }
    }
    storedSales.values().forEach(o -> assertThat(o).as("stored sale %s is current", o.id())
        .isEqualTo(truth.sales.get(o.id())));
  }
}
