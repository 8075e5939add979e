package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * One outlet (Lightspeed store) mapped to one host warehouse or location (seeds 002 and 004).
 * Immutable, thread-safe.
 */
@Value.Immutable
public interface OutletLink extends WithOutletLink {
  /** The Lightspeed outlet / shop id. */
  String outletId();

  /** The host's warehouse or location code. */
  String warehouseCode();

  static OutletLink of(String outletId, String warehouseCode) {
    return ImmutableOutletLink.builder().outletId(outletId).warehouseCode(warehouseCode).build();
  }

  @Value.Check
  default void check() {
    if (outletId().isBlank()) {
      throw new IllegalStateException("OutletLink.outletId must not be blank");
    }
    if (warehouseCode().isBlank()) {
      throw new IllegalStateException(
          "OutletLink.warehouseCode must not be blank (outlet " + outletId() + ")");
    }
  }
}
