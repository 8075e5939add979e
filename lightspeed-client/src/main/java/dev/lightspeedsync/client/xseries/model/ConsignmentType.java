package dev.lightspeedsync.client.xseries.model;

import java.util.Locale;

/** The type of an X-Series consignment ({@code type}). Values Lightspeed adds later map to {@link #UNKNOWN}; the raw value stays on the record. */
public enum ConsignmentType {
  /** A purchase order from a supplier. */
  SUPPLIER,
  /** A transfer between outlets. */
  OUTLET,
  /** An inventory count. */
  STOCKTAKE,
  /** A return to a supplier. */
  RETURN,
  /** A value this version of the SDK does not know (or no value); read the raw value from the record. */
  UNKNOWN;

  /** The value as Lightspeed writes it; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return this == UNKNOWN ? "" : name();
  }

  /** The constant for a wire value (case-insensitive), or {@link #UNKNOWN}. */
  public static ConsignmentType fromWire(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    for (ConsignmentType c : values()) {
      if (c != UNKNOWN && c.name().equals(v)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
