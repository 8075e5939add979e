package dev.lightspeedsync.sync.engine;

/**
 * The streams of one account's sync, in the order the engine runs them. A connector offers those
 * its platform has; {@link #LOCATIONS} always runs first, because the location strategy decides
 * which stock and sales are kept.
 */
public enum SyncStream {
  /** Shops, outlets or the webshop: validated against the location settings before any data is written. */
  LOCATIONS,
  /** Suppliers (R-Series vendors, eCom suppliers). */
  SUPPLIERS,
  /** The catalogue: one SKU per R-Series item or eCom variant. */
  CATALOGUE,
  /** Stock per SKU and location. */
  STOCK,
  /** Customers with contact data (seed 002); deleted or archived ones stored inactive. */
  CUSTOMERS,
  /** Sales history: every sale or order that counts as demand (seeds 000, 001). */
  SALES,
  /**
   * Order import (seed 003): orders handed to the host to fulfil, each exactly once
   * ({@code SyncSink.handOverOrders}), with their missing products imported first. Runs only when
   * {@code SyncSettings.orderImport()} is set, and reads only the orders changed within its window.
   */
  ORDER_IMPORT
}
