package dev.lightspeedsync.client.ecom.model;

import java.util.Locale;

/** How a product is shown in the storefront ({@code visibility}). Values Lightspeed adds later map to {@link #UNKNOWN}; the raw value stays on the record. */
public enum Visibility {
  /** Always visible (back-office label "Always visible"). */
  VISIBLE("visible"),
  /** Visible only while in stock ("Visible when in stock"). */
  AUTO("auto"),
  /** Not shown. Archiving the item in Lightspeed Retail (R-Series) sets this. */
  HIDDEN("hidden"),
  /** A value this version of the SDK does not know (or no value); read the raw value from the record. */
  UNKNOWN("");

  private final String wire;

  Visibility(String wire) {
    this.wire = wire;
  }

  /** The value as Lightspeed writes it; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return wire;
  }

  /** The constant for a wire value (case-insensitive), or {@link #UNKNOWN}. */
  public static Visibility fromWire(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (Visibility c : values()) {
      if (c != UNKNOWN && c.wire.equals(v)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
