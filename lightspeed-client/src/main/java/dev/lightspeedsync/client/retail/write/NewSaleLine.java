package dev.lightspeedsync.client.retail.write;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/** A line of a sale to create: an item, a quantity and optionally the unit price charged. */
@Value.Immutable
public interface NewSaleLine {
  long itemId();

  BigDecimal unitQuantity();

  /** The unit price; when absent Lightspeed uses the item's default price. */
  Optional<BigDecimal> unitPrice();

  @Value.Check
  default void check() {
    if (itemId() <= 0) {
      throw new IllegalArgumentException("itemId must be positive but was " + itemId());
    }
    if (unitQuantity().signum() == 0) {
      throw new IllegalArgumentException("unitQuantity cannot be zero");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewSaleLine}. */
  final class Builder extends ImmutableNewSaleLine.Builder {}
}
