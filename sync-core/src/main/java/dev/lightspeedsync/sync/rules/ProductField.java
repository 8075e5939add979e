package dev.lightspeedsync.sync.rules;

/**
 * Product fields compared by {@link MasterDataRule}.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum ProductField {
  NAME,
  UPC,
  EAN,
  MANUFACTURER_SKU,
  PRICES
}
