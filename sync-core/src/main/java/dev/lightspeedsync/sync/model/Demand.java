package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Demand on one SKU from one sales line, as the sync engine stores it (rule 5 of DESIGN.md): the
 * line's own SKU, or, when the sold SKU is a composite, each of its components with the quantity
 * multiplied through every level. {@link #path()} is the provenance: the composites between the sold
 * SKU and this one, empty for direct demand. A planner sums {@link #quantity()} per {@link #skuId()}
 * over time. Immutable, thread-safe.
 */
@Value.Immutable
public interface Demand extends WithDemand {
  /** The sales order the demand comes from. */
  String orderId();

  /** The line of that order. */
  String lineId();

  /** The SKU on the sales line. */
  String soldSkuId();

  /** The SKU the demand is on: the sold SKU itself, or one of its components. */
  String skuId();

  /** Units; negative for a refund line. Never zero. */
  long quantity();

  /** The composites from the sold SKU down to (not including) {@link #skuId()}; empty when direct. */
  List<String> path();

  /** Where the sale was made, when the platform says so. */
  Optional<String> locationId();

  /** When the demand arose: the order's completion time, else its creation time. */
  Instant at();

  /** Whether this is demand on a component of a sold composite. */
  default boolean fromComposite() {
    return !path().isEmpty();
  }

  static Builder builder() {
    return new Builder();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("Demand", "orderId", orderId());
    Checks.notBlank("Demand", "lineId", lineId());
    Checks.notBlank("Demand", "soldSkuId", soldSkuId());
    Checks.notBlank("Demand", "skuId", skuId());
    if (quantity() == 0) {
      throw new IllegalStateException("Demand.quantity must not be zero (order " + orderId() + ", line "
          + lineId() + ")");
    }
  }

  /** Builds a {@link Demand}; not thread-safe. */
  final class Builder extends ImmutableDemand.Builder {}
}
