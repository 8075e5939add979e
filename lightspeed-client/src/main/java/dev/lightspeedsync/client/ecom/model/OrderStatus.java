package dev.lightspeedsync.client.ecom.model;

import java.util.Locale;

/** The status of an eCom order ({@code status}). Values Lightspeed adds later map to {@link #UNKNOWN}; the raw value stays on the record. */
public enum OrderStatus {
  ON_HOLD("on_hold"),
  PROCESSING_AWAITING_PAYMENT("processing_awaiting_payment"),
  PROCESSING_AWAITING_SHIPMENT("processing_awaiting_shipment"),
  PROCESSING_AWAITING_PICKUP("processing_awaiting_pickup"),
  PROCESSING_READY_FOR_PICKUP("processing_ready_for_pickup"),
  COMPLETED("completed"),
  COMPLETED_SHIPPED("completed_shipped"),
  COMPLETED_PICKED_UP("completed_picked_up"),
  CANCELLED("cancelled"),
  /** Seen only in older clients (legacy). */
  NEW("new"),
  /** Seen only in older clients (legacy). */
  OFFER("offer"),
  /** Seen only in older clients (legacy). */
  PROCESSING("processing"),
  /** Seen only in older clients (legacy). */
  PROCESSING_PARTIALLY_PAID("processing_partially_paid"),
  /** Seen only in older clients (legacy). */
  PROCESSING_PARTIALLY_SHIPPED("processing_partially_shipped"),
  /** Seen only in older clients (legacy). */
  PROCESSING_PARTIALLY_PICKED_UP("processing_partially_picked_up"),
  /** A value this version of the SDK does not know (or no value); read the raw value from the record. */
  UNKNOWN("");

  private final String wire;

  OrderStatus(String wire) {
    this.wire = wire;
  }

  /** The value as Lightspeed writes it; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return wire;
  }

  /** The constant for a wire value (case-insensitive), or {@link #UNKNOWN}. */
  public static OrderStatus fromWire(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (OrderStatus c : values()) {
      if (c != UNKNOWN && c.wire.equals(v)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
