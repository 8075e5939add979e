package dev.lightspeedsync.sync.model;

/** Shipment state of an order (eCom {@code shipmentStatus}). Forward compatible through {@link #UNKNOWN}. */
public enum ShipmentStatus {
  NOT_SHIPPED,
  PARTIALLY_SHIPPED,
  SHIPPED,
  CANCELLED,
  UNKNOWN
}
