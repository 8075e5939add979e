package dev.lightspeedsync.sync.engine;

import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesChannel;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What the fake platform holds: locations, SKUs with their change time, stock rows with theirs,
 * sales with theirs, and "silent" voids (a sale voided without a new change time, which only the
 * voided-sales re-check sees, as on R-Series). Mutable; tests change it between runs.
 */
final class FakeTruth {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  static final String MAIN = "L1";
  static final String DOWNTOWN = "L2";

  /** A record and the time it last changed. */
  record Stamped<T>(T value, Instant at) {}

  final List<Location> locations = new ArrayList<>(
      List.of(Location.of(MAIN, "Main Warehouse"), Location.of(DOWNTOWN, "Downtown Store")));
  final Map<String, Sku> skus = new TreeMap<>();
  final Map<String, Stamped<StockLevel>> stock = new TreeMap<>();
  final Map<String, SalesOrder> sales = new TreeMap<>();
  /** Sales voided without a new updatedAt: id to the time of the void. */
  final Map<String, Instant> silentVoids = new LinkedHashMap<>();
  /** SKUs the platform returns in a shape the mapping cannot read. */
  final Set<String> malformedSkus = new HashSet<>();

  /**
   * {@code skuCount} SKUs {@code S001..}, SKU {@code i} changed at T0 + i minutes; one stock row per
   * SKU at {@link #MAIN} changed 30 seconds later; one completed sale at MAIN for every second SKU,
   * changed at T0 + i minutes + 10 seconds.
   */
  static FakeTruth generate(int skuCount) {
    FakeTruth t = new FakeTruth();
    for (int i = 1; i <= skuCount; i++) {
      String id = skuId(i);
      Instant at = T0.plus(Duration.ofMinutes(i));
      t.skus.put(id, Sku.builder().id(id).sku("SKU-" + id).name("Product " + i)
          .putPrices("cost", BigDecimal.valueOf(i)).updatedAt(at).build());
      t.setStock(id, MAIN, i, at.plusSeconds(30));
      if (i % 2 == 0) {
        t.putSale(sale("V" + id, SaleStatus.COMPLETED, MAIN, id, at.plusSeconds(10)));
      }
    }
    return t;
  }

  static String skuId(int i) {
    return String.format("S%03d", i);
  }

  static SalesOrder sale(String id, SaleStatus status, String location, String skuId, Instant at) {
    return SalesOrder.builder().id(id).channel(SalesChannel.RETAIL).status(status).locationId(location)
        .createdAt(at).updatedAt(at).addLines(SalesLine.of(id + "-1", skuId, 1)).build();
  }

  void putSale(SalesOrder sale) {
    sales.put(sale.id(), sale);
  }

  void setStock(String skuId, String locationId, long onHand, Instant at) {
    stock.put(skuId + "@" + locationId,
        new Stamped<>(StockLevel.builder().skuId(skuId).locationId(locationId).onHand(onHand).build(), at));
  }

  /** Changes a SKU and stamps it with {@code at}. */
  void changeSku(String id, Instant at, UnaryOperator<Sku> change) {
    Sku old = skus.get(id);
    skus.put(id, change.apply(old).withUpdatedAt(at));
  }

  void addSku(String id, Instant at) {
    skus.put(id, Sku.builder().id(id).sku("SKU-" + id).name("Product " + id)
        .putPrices("cost", BigDecimal.ONE).updatedAt(at).build());
  }

  /** A status change that gives the sale a new updatedAt (the main sales walk sees it). */
  void changeSale(String id, SaleStatus status, Instant at) {
    sales.put(id, sales.get(id).withStatus(status).withUpdatedAt(at));
  }

  /** A void the main sales walk does not see: only the voided-sales re-check does. */
  void voidSilently(String id, Instant at) {
    sales.put(id, sales.get(id).withStatus(SaleStatus.VOIDED));
    silentVoids.put(id, at);
  }

  /** The newest change of the SKUs. */
  Instant newestSku() {
    return skus.values().stream().map(s -> s.updatedAt().orElseThrow()).max(Comparator.naturalOrder()).orElseThrow();
  }

  Instant newestStock() {
    return stock.values().stream().map(Stamped::at).max(Comparator.naturalOrder()).orElseThrow();
  }

  Instant newestSale() {
    return sales.values().stream().map(SalesOrder::updatedAt).max(Comparator.naturalOrder()).orElseThrow();
  }

  long skusChangedSince(Instant since) {
    return skus.values().stream().filter(s -> !s.updatedAt().orElseThrow().isBefore(since)).count();
  }
}
