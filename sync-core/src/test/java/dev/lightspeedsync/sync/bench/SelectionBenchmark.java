package dev.lightspeedsync.sync.bench;

import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationRule;
import dev.lightspeedsync.sync.rules.LocationSelection;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.rules.SalesSelectionConfig;
import dev.lightspeedsync.sync.rules.SalesSelectionRule;
import dev.lightspeedsync.sync.rules.Selection;
import dev.lightspeedsync.sync.rules.VisibilityConfig;
import dev.lightspeedsync.sync.rules.VisibilityResult;
import dev.lightspeedsync.sync.rules.VisibilityRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rules 1, 3 and 4 on 1,000,000 records each: visibility over 1,000,000 SKUs, location filter over
 * 1,000,000 stock rows, location filter + sales selection over 1,000,000 sales orders (a quarter of
 * them eCom, with mixed states). {@code pipeline} runs all three. Single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class SelectionBenchmark {
  private static final int N = 1_000_000;

  private List<Sku> skus;
  private Set<String> activeInHost;
  private List<StockLevel> stock;
  private List<SalesOrder> sales;
  private VisibilityRule visibility;
  private LocationSelection locations;
  private SalesSelectionRule salesSelection;

  @Setup
  public void setUp() {
    skus = BenchData.skus(N);
    activeInHost = new HashSet<>();
    for (Sku s : skus) {
      activeInHost.add(s.id());
    }
    stock = BenchData.stock(N);
    sales = BenchData.sales(N, 1, true);
    visibility = VisibilityRule.of(VisibilityConfig.defaults());
    List<String> codes = List.of("Shop 0", "Shop 1", "Shop 2", "Shop 3", "Shop 4", "Shop 5",
        "Shop 6", "Shop 7", "Shop 8", "Shop 9");
    locations = LocationRule.select(LocationConfig.builder().defaultLocationCode("Shop 0")
        .strategy(LocationStrategy.MULTIPLE).locationCodes(codes).build(), BenchData.locations());
    if (!locations.valid()) {
      throw new IllegalStateException(locations.errors().toString());
    }
    salesSelection = SalesSelectionRule.of(SalesSelectionConfig.builder().syncAllSales(true)
        .build());
  }

  /** Rule 1 over 1,000,000 SKUs (all active in the host, so hidden ones are deactivated). */
  @Benchmark
  public VisibilityResult visibilityMillionSkus() {
    return visibility.apply(skus, List.of(), activeInHost, BenchData.AS_OF);
  }

  /** Rule 3 over 1,000,000 stock rows (half of the 20 locations selected). */
  @Benchmark
  public Selection<StockLevel> locationMillionStockRows() {
    return LocationRule.filterStock(locations, stock);
  }

  /** Rules 3 + 4 over 1,000,000 sales orders. */
  @Benchmark
  public Selection<SalesOrder> locationAndSalesSelectionMillionSales() {
    return salesSelection.select(LocationRule.filterSales(locations, sales).kept(),
        BenchData.AS_OF);
  }

  /** All of the above in one operation: 3,000,000 records. */
  @Benchmark
  public void pipeline(Blackhole bh) {
    bh.consume(visibilityMillionSkus());
    bh.consume(locationMillionStockRows());
    bh.consume(locationAndSalesSelectionMillionSales());
  }
}
