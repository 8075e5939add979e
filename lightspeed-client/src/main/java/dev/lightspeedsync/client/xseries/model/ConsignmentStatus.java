package dev.lightspeedsync.client.xseries.model;

import java.util.Locale;

/** The status of an X-Series consignment ({@code status}); the documented list "may be extended in future". Values Lightspeed adds later map to {@link #UNKNOWN}; the raw value stays on the record. */
public enum ConsignmentStatus {
  OPEN,
  SENT,
  DISPATCHED,
  RECEIVED,
  CANCELLED,
  STOCKTAKE_SCHEDULED,
  STOCKTAKE_IN_PROGRESS,
  STOCKTAKE_IN_PROGRESS_PROCESSED,
  STOCKTAKE_COMPLETE,
  CLOSED,
  /** A value this version of the SDK does not know (or no value); read the raw value from the record. */
  UNKNOWN;

  /** The value as Lightspeed writes it; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return this == UNKNOWN ? "" : name();
  }

  /** The constant for a wire value (case-insensitive), or {@link #UNKNOWN}. */
  public static ConsignmentStatus fromWire(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    for (ConsignmentStatus c : values()) {
      if (c != UNKNOWN && c.name().equals(v)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
