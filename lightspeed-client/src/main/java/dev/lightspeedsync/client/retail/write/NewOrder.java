package dev.lightspeedsync.client.retail.write;

import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A purchase order to create at a shop. Lines cannot be sent with the order: create them with
 * {@code createOrderLine} afterwards. Setting {@link OrderUpdate#orderedDate()} marks the order "Ordered",
 * which needs at least one line, so set it with an update once the lines exist.
 */
@Value.Immutable
public interface NewOrder {
  long shopId();

  Optional<Long> vendorId();

  Optional<String> refNum();

  Optional<LocalDate> arrivalDate();

  @Value.Check
  default void check() {
    if (shopId() <= 0) {
      throw new IllegalArgumentException("shopId must be positive but was " + shopId());
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewOrder}. */
  final class Builder extends ImmutableNewOrder.Builder {}
}
