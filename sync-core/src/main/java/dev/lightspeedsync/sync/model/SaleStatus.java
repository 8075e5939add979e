package dev.lightspeedsync.sync.model;

/**
 * The lifecycle state of a sale or webshop order, mapped to one vocabulary for both product lines.
 * Forward compatible through {@link #UNKNOWN}; the wire value stays in {@link SalesOrder#statusRaw()}.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum SaleStatus {
  /** Completed (R-Series {@code completed=true}; eCom {@code completed*}). */
  COMPLETED,
  /** Saved but not finalised (an R-Series saved sale, a quote-like sale). */
  SAVED,
  /** In progress / pending (R-Series open sale; eCom {@code processing_*}, {@code on_hold}). */
  PENDING,
  /** Voided (R-Series {@code voided=true}): never demand. */
  VOIDED,
  /** Cancelled (eCom {@code cancelled}): never demand. */
  CANCELLED,
  /** A value this version does not know. */
  UNKNOWN
}
