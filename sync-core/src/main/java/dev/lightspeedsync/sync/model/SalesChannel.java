package dev.lightspeedsync.sync.model;

/**
 * Which Lightspeed product line a sale comes from; the sales selection rule applies different modes.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum SalesChannel {
  /** Lightspeed Retail (R-Series / X-Series) point-of-sale sales. */
  RETAIL,
  /** Lightspeed eCom (C-Series) webshop orders. */
  ECOM
}
