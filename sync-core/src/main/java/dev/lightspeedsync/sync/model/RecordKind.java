package dev.lightspeedsync.sync.model;

/**
 * What kind of record a {@link RecordIssue} or an {@link Exclusion} is about.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum RecordKind {
  SKU,
  LOCATION,
  /** A supplier (R-Series vendor, eCom supplier). */
  SUPPLIER,
  STOCK,
  SALES_ORDER,
  /** A customer (seed 002). */
  CUSTOMER,
  PURCHASE_ORDER,
  RECEIPT,
  HOST_ORDER,
  COMPOSITE,
  CONFIGURATION
}
