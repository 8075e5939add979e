package dev.lightspeedsync.sync.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which Lightspeed outlet maps to which host warehouse. Seed 002: "You cannot have multiple outlets
 * in Lightspeed mapped to one warehouse. You can only map one outlet in Lightspeed to one warehouse";
 * seed 004: "At least one Lightspeed store must be connected". Both are enforced at {@code build()}.
 * Stock export is a global switch ({@link AvailabilityConfig#pushStock()}), not per link. Immutable,
 * thread-safe.
 */
@Value.Immutable
public interface OutletMapping extends WithOutletMapping {
  List<OutletLink> links();

  static Builder builder() {
    return new Builder();
  }

  /** The warehouse an outlet maps to, if mapped. */
  default Optional<String> warehouseFor(String outletId) {
    for (OutletLink link : links()) {
      if (link.outletId().equals(outletId)) {
        return Optional.of(link.warehouseCode());
      }
    }
    return Optional.empty();
  }

  @Value.Check
  default void check() {
    if (links().isEmpty()) {
      throw new IllegalStateException(
          "OutletMapping.links must map at least one Lightspeed outlet to a warehouse");
    }
    Map<String, String> byOutlet = new HashMap<>();
    Map<String, String> byWarehouse = new HashMap<>();
    for (OutletLink link : links()) {
      String otherWarehouse = byOutlet.putIfAbsent(link.outletId(), link.warehouseCode());
      if (otherWarehouse != null) {
        throw new IllegalStateException("OutletMapping.links maps outlet " + link.outletId()
            + " to both '" + otherWarehouse + "' and '" + link.warehouseCode()
            + "'; an outlet maps to exactly one warehouse");
      }
      String otherOutlet = byWarehouse.putIfAbsent(link.warehouseCode(), link.outletId());
      if (otherOutlet != null) {
        throw new IllegalStateException("OutletMapping.links maps outlets " + otherOutlet + " and "
            + link.outletId() + " to warehouse '" + link.warehouseCode()
            + "'; mappings are one to one");
      }
    }
  }

  /** Builds an {@link OutletMapping}; not thread-safe. */
  final class Builder extends ImmutableOutletMapping.Builder {}
}
