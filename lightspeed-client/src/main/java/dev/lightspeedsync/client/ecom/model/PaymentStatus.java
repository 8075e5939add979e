package dev.lightspeedsync.client.ecom.model;

import java.util.Locale;

/** The payment status of an eCom order ({@code paymentStatus}). An order is paid when this is {@link #PAID}; the API has no {@code isPaid} field. Values Lightspeed adds later map to {@link #UNKNOWN}; the raw value stays on the record. */
public enum PaymentStatus {
  NOT_PAID("not_paid"),
  PARTIALLY_PAID("partially_paid"),
  PAID("paid"),
  CANCELLED("cancelled"),
  /** A value this version of the SDK does not know (or no value); read the raw value from the record. */
  UNKNOWN("");

  private final String wire;

  PaymentStatus(String wire) {
    this.wire = wire;
  }

  /** The value as Lightspeed writes it; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return wire;
  }

  /** The constant for a wire value (case-insensitive), or {@link #UNKNOWN}. */
  public static PaymentStatus fromWire(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (PaymentStatus c : values()) {
      if (c != UNKNOWN && c.wire.equals(v)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
