package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rule 8, item import filters (seed 004): which items are imported, judged on their stock summed over
 * the given (already location-filtered) stock rows. Pure and stateless: safe to share between threads.
 */
public final class ItemImportFilter {
  private final ItemImportConfig config;

  private ItemImportFilter(ItemImportConfig config) {
    this.config = config;
  }

  public static ItemImportFilter of(ItemImportConfig config) {
    return new ItemImportFilter(Objects.requireNonNull(config, "config == null"));
  }

  public Selection<Sku> filter(List<Sku> skus, List<StockLevel> stock) {
    Objects.requireNonNull(skus, "skus == null");
    Objects.requireNonNull(stock, "stock == null");
    boolean anySwitch = config.onHandAboveZero() || config.onOrderAboveZero()
        || config.reorderAboveZero();
    Selection.Collector<Sku> out = new Selection.Collector<>(skus.size(), Sku::id);
    if (!anySwitch) {
      skus.forEach(out::keep);
      return out.build();
    }
    Map<String, long[]> totals = new HashMap<>();
    for (StockLevel s : stock) {
      long[] t = totals.computeIfAbsent(s.skuId(), k -> new long[3]);
      t[0] += s.onHand();
      t[1] += s.onOrder();
      t[2] += Math.max(s.reorderPoint(), s.reorderLevel());
    }
    long[] none = new long[3];
    for (Sku sku : skus) {
      long[] t = totals.getOrDefault(sku.id(), none);
      boolean pass = (config.onHandAboveZero() && t[0] > 0)
          || (config.onOrderAboveZero() && t[1] > 0)
          || (config.reorderAboveZero() && t[2] > 0);
      if (pass) {
        out.keep(sku);
      } else {
        out.exclude(sku, ReasonCode.IMPORT_FILTER_NOT_MET);
      }
    }
    return out.build();
  }
}
