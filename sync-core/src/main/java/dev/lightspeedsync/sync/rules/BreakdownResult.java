package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import java.util.AbstractList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Output of {@link CompositeBreakdown#breakDown}: demand rows in input order, one per plain sales line
 * and one per leaf component of a composite line.
 *
 * <p>Stored column-wise (primitive and shared-reference arrays) because a breakdown of a million lines
 * yields millions of rows: read them allocation-free with {@link #size()}, {@link #skuId(int)} and
 * {@link #quantity(int)}, or as {@link ComponentDemand} values through {@link #demand()}, a read-only
 * list view that creates each value on access. Immutable and thread-safe.
 */
public final class BreakdownResult {
  private final List<SalesOrder> orders;
  private final int size;
  private final int[] orderIndex;
  private final int[] lineIndex;
  private final String[] skuIds;
  private final long[] quantities;
  private final List<String>[] paths;
  private volatile @Nullable Map<String, Long> totals;

  BreakdownResult(List<SalesOrder> orders, int size, int[] orderIndex, int[] lineIndex,
      String[] skuIds, long[] quantities, List<String>[] paths) {
    this.orders = orders;
    this.size = size;
    this.orderIndex = orderIndex;
    this.lineIndex = lineIndex;
    this.skuIds = skuIds;
    this.quantities = quantities;
    this.paths = paths;
  }

  /** Number of demand rows. */
  public int size() {
    return size;
  }

  /** The SKU carrying demand row {@code i}. */
  public String skuId(int i) {
    Objects.checkIndex(i, size);
    return skuIds[i];
  }

  /** The quantity of demand row {@code i}. */
  public long quantity(int i) {
    Objects.checkIndex(i, size);
    return quantities[i];
  }

  /** Demand row {@code i} with its provenance. */
  public ComponentDemand get(int i) {
    Objects.checkIndex(i, size);
    SalesOrder order = orders.get(orderIndex[i]);
    SalesLine line = order.lines().get(lineIndex[i]);
    return new ComponentDemand(order.id(), line.lineId(), line.skuId(), skuIds[i], quantities[i],
        paths[i]);
  }

  /** All rows as a read-only, random-access list view. */
  public List<ComponentDemand> demand() {
    return new View();
  }

  /** Total demand per SKU, sorted by SKU id; computed on first use. */
  public Map<String, Long> totalsBySku() {
    Map<String, Long> t = totals;
    if (t == null) {
      Map<String, Long> sum = new TreeMap<>();
      for (int i = 0; i < size; i++) {
        sum.merge(skuIds[i], quantities[i], Long::sum);
      }
      t = Collections.unmodifiableMap(sum);
      totals = t; // a race only computes the same map twice
    }
    return t;
  }

  @Override
  public String toString() {
    return "BreakdownResult{rows=" + size + "}";
  }

  private final class View extends AbstractList<ComponentDemand> implements RandomAccess {
    @Override
    public ComponentDemand get(int index) {
      return BreakdownResult.this.get(index);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
