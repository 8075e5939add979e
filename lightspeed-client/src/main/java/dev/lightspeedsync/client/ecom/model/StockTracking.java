package dev.lightspeedsync.client.ecom.model;

import java.util.Locale;

/** Whether a variant's stock is tracked ({@code stockTracking}). Values Lightspeed adds later map to {@link #UNKNOWN}; the raw value stays on the record. */
public enum StockTracking {
  /** The stock level is tracked. */
  ENABLED("enabled"),
  /** The stock level is not tracked. */
  DISABLED("disabled"),
  /** A third mode, best understood as tracked but shown only as an in/out-of-stock indicator; its exact storefront and backorder behaviour is not documented. */
  INDICATOR("indicator"),
  /** A value this version of the SDK does not know (or no value); read the raw value from the record. */
  UNKNOWN("");

  private final String wire;

  StockTracking(String wire) {
    this.wire = wire;
  }

  /** The value as Lightspeed writes it; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return wire;
  }

  /** The constant for a wire value (case-insensitive), or {@link #UNKNOWN}. */
  public static StockTracking fromWire(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (StockTracking c : values()) {
      if (c != UNKNOWN && c.wire.equals(v)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
