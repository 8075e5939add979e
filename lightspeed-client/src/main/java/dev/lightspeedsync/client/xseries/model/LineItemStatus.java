package dev.lightspeedsync.client.xseries.model;

import java.util.Locale;

/** The status of a sale line ({@code status}). Values Lightspeed adds later map to {@link #UNKNOWN}; the raw value stays on the record. */
public enum LineItemStatus {
  SAVED,
  VOIDED,
  CONFIRMED,
  /** A value this version of the SDK does not know (or no value); read the raw value from the record. */
  UNKNOWN;

  /** The value as Lightspeed writes it; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return this == UNKNOWN ? "" : name();
  }

  /** The constant for a wire value (case-insensitive), or {@link #UNKNOWN}. */
  public static LineItemStatus fromWire(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    for (LineItemStatus c : values()) {
      if (c != UNKNOWN && c.name().equals(v)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
