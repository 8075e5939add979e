package dev.lightspeedsync.sync.rules;

/** Product fields compared by {@link MasterDataRule}. */
public enum ProductField {
  NAME,
  UPC,
  EAN,
  MANUFACTURER_SKU,
  PRICES
}
