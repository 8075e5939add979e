package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import org.immutables.value.Value;

/**
 * Stock of one SKU at one location. On hand may be negative (R-Series allows selling below zero);
 * every other figure is zero or more. Whole units. Immutable, thread-safe.
 */
@Value.Immutable
public interface StockLevel extends WithStockLevel {
  String skuId();

  String locationId();

  /** Physically present (R-Series {@code qoh}). May be negative. */
  long onHand();

  /** Reserved for open orders; "available" is on hand minus this (seed 002). */
  @Value.Default
  default long allocated() {
    return 0;
  }

  /** On order from suppliers (R-Series "Balance On Order"). */
  @Value.Default
  default long onOrder() {
    return 0;
  }

  /** Backordered: sold or promised but not in stock; lowers the inventory position. */
  @Value.Default
  default long backorder() {
    return 0;
  }

  /** Reorder point. */
  @Value.Default
  default long reorderPoint() {
    return 0;
  }

  /** Reorder level ("Maximum Stock Level"). */
  @Value.Default
  default long reorderLevel() {
    return 0;
  }

  static Builder builder() {
    return new Builder();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("StockLevel", "skuId", skuId());
    Checks.notBlank("StockLevel", "locationId", locationId());
    Checks.notNegative("StockLevel", "allocated", allocated());
    Checks.notNegative("StockLevel", "onOrder", onOrder());
    Checks.notNegative("StockLevel", "backorder", backorder());
    Checks.notNegative("StockLevel", "reorderPoint", reorderPoint());
    Checks.notNegative("StockLevel", "reorderLevel", reorderLevel());
  }

  /** Builds a {@link StockLevel}; not thread-safe. */
  final class Builder extends ImmutableStockLevel.Builder {}
}
