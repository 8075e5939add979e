package dev.lightspeedsync.client.retail.model;

import java.util.Locale;

/** The type of an R-Series item. Values Lightspeed adds later map to {@link #UNKNOWN}. */
public enum ItemType {
  DEFAULT("default"),
  NON_INVENTORY("non_inventory"),
  BOX("box"),
  ASSEMBLY("assembly"),
  SERIALIZED("serialized"),
  SERIALIZED_ASSEMBLY("serialized_assembly"),
  /** A type this version of the SDK does not know; the raw value is on the item. */
  UNKNOWN("");

  private final String wire;

  ItemType(String wire) {
    this.wire = wire;
  }

  /** The value as Lightspeed writes it; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return wire;
  }

  /** Whether items of this type hold stock (everything but non-inventory items). */
  public boolean tracksStock() {
    return this != NON_INVENTORY;
  }

  /** Whether items of this type are built from components (assemblies and boxes). */
  public boolean isComposite() {
    return this == ASSEMBLY || this == BOX || this == SERIALIZED_ASSEMBLY;
  }

  /** The type for a wire value, or {@link #UNKNOWN}. */
  public static ItemType fromWire(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (ItemType t : values()) {
      if (t != UNKNOWN && t.wire.equals(v)) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
