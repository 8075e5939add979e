package dev.lightspeedsync.client.xseries.write;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The stock to set for a product at one outlet ({@code details.inventory[]} of
 * {@code PUT /api/2.1/products/{id}}, or {@code inventory[]} of a create). {@code currentAmount} is
 * absolute and may be negative. Lightspeed recommends stock flows (sales, consignments,
 * stocktakes) over direct sets, which write vague product history and affect cost.
 */
@Value.Immutable
public interface InventoryLevel {
  String outletId();

  /** The quantity on hand to set (absolute). */
  BigDecimal currentAmount();

  Optional<BigDecimal> reorderPoint();

  Optional<BigDecimal> reorderAmount();

  @Value.Check
  default void check() {
    Writes.requireId(outletId(), "outletId");
  }

  static InventoryLevel of(String outletId, BigDecimal currentAmount) {
    return builder().outletId(outletId).currentAmount(currentAmount).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InventoryLevel}. */
  final class Builder extends ImmutableInventoryLevel.Builder {}
}
