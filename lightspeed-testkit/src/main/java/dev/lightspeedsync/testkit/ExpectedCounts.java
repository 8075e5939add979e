package dev.lightspeedsync.testkit;

/**
 * How many records a correct full sync of the fake account stores under lightspeed-sync's default
 * rules: the ground truth a host's own tests compare their storage with, so they need not restate
 * the rules. Get it from {@link RetailData#expected()} or {@link EcomData#expected()}; each
 * documents which records count. Counts are taken when called (mutations included). Immutable.
 *
 * @param skus active SKUs (records the sync keeps as sellable products)
 * @param stockRows stock rows (one per SKU and location)
 * @param sales sales orders that count as demand
 */
public record ExpectedCounts(long skus, long stockRows, long sales) {
  /** Validates that no count is negative. */
  public ExpectedCounts {
    if (skus < 0 || stockRows < 0 || sales < 0) {
      throw new IllegalArgumentException("counts must not be negative: " + skus + ", " + stockRows + ", " + sales);
    }
  }
}
