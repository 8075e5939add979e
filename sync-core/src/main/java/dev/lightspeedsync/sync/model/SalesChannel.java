package dev.lightspeedsync.sync.model;

/** Which Lightspeed product line a sale comes from; the sales selection rule applies different modes. */
public enum SalesChannel {
  /** Lightspeed Retail (R-Series / X-Series) point-of-sale sales. */
  RETAIL,
  /** Lightspeed eCom (C-Series) webshop orders. */
  ECOM
}
