package dev.lightspeedsync.sync.model;

/**
 * Shipment state of an order (eCom {@code shipmentStatus}). Forward compatible through {@link #UNKNOWN}.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum ShipmentStatus {
  NOT_SHIPPED,
  PARTIALLY_SHIPPED,
  SHIPPED,
  CANCELLED,
  UNKNOWN
}
