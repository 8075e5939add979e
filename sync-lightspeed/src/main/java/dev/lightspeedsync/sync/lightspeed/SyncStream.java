package dev.lightspeedsync.sync.lightspeed;

/** The streams a sync reads from Lightspeed, each with its own checkpoint. */
public enum SyncStream {
  /** Shops / locations: read in full on every run (few records); validates the location settings. */
  LOCATIONS,
  /** Suppliers (R-Series vendors, eCom suppliers), stored for purchase advice and buy orders. */
  SUPPLIERS,
  /** Products and their SKUs, with deactivation of those that leave the catalogue. */
  CATALOGUE,
  /** Stock per SKU and selected location. */
  STOCK,
  /** Sales orders and lines of the selected locations. */
  SALES
}
