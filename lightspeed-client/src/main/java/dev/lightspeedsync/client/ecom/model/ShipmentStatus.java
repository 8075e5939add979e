package dev.lightspeedsync.client.ecom.model;

import java.util.Locale;

/** The shipment status of an eCom order ({@code shipmentStatus}) or the status of a shipment. Values Lightspeed adds later map to {@link #UNKNOWN}; the raw value stays on the record. */
public enum ShipmentStatus {
  NOT_SHIPPED("not_shipped"),
  PARTIALLY_SHIPPED("partially_shipped"),
  SHIPPED("shipped"),
  CANCELLED("cancelled"),
  /** A value this version of the SDK does not know (or no value); read the raw value from the record. */
  UNKNOWN("");

  private final String wire;

  ShipmentStatus(String wire) {
    this.wire = wire;
  }

  /** The value as Lightspeed writes it; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return wire;
  }

  /** The constant for a wire value (case-insensitive), or {@link #UNKNOWN}. */
  public static ShipmentStatus fromWire(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (ShipmentStatus c : values()) {
      if (c != UNKNOWN && c.wire.equals(v)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
