package dev.lightspeedsync.client.xseries.model;

import java.util.Locale;

/** The status of an X-Series sale ({@code status}), as in the documented table. Values Lightspeed adds later map to {@link #UNKNOWN}; the raw value stays on the record. */
public enum SaleStatus {
  /** Parked, still pending. */
  SAVED,
  /** Finalized; decrements inventory; can only go to {@link #VOIDED}. */
  CLOSED,
  /** Pending: the goods left the store but are not fully paid. */
  ONACCOUNT,
  /** On account, now paid in full. */
  ONACCOUNT_CLOSED,
  /** Pending: the goods usually leave once paid. */
  LAYBY,
  /** Layby, now paid in full. */
  LAYBY_CLOSED,
  /** Awaiting shipping (typically from e-commerce). */
  AWAITING_DISPATCH,
  /** Awaiting customer pickup (typically from e-commerce). */
  AWAITING_PICKUP,
  /** Was awaiting dispatch, now shipped. */
  DISPATCHED_CLOSED,
  /** Was awaiting pickup, now picked up. */
  PICKED_UP_CLOSED,
  /** Cancelled: items return to stock, payments are removed. */
  VOIDED,
  /** Contains labour items. */
  SERVICE,
  /** A service sale, paid and complete. */
  SERVICE_CLOSED,
  /** A value this version of the SDK does not know (or no value); read the raw value from the record. */
  UNKNOWN;

  /** Whether the sale is finalized: {@link #CLOSED} or one of the {@code *_CLOSED} statuses. */
  public boolean completed() {
    return this == CLOSED || name().endsWith("_CLOSED");
  }

  /** Whether the sale is still open: saved, layby, on account, awaiting dispatch or pickup, or service. */
  public boolean open() {
    return this == SAVED || this == LAYBY || this == ONACCOUNT || this == AWAITING_DISPATCH || this == AWAITING_PICKUP
        || this == SERVICE;
  }

  /** The value as Lightspeed writes it; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return this == UNKNOWN ? "" : name();
  }

  /** The constant for a wire value (case-insensitive), or {@link #UNKNOWN}. */
  public static SaleStatus fromWire(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    for (SaleStatus c : values()) {
      if (c != UNKNOWN && c.name().equals(v)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
