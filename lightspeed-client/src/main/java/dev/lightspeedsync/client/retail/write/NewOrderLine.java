package dev.lightspeedsync.client.retail.write;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/** A line to add to a purchase order. */
@Value.Immutable
public interface NewOrderLine {
  long orderId();

  long itemId();

  BigDecimal quantity();

  /** Unit cost in the default currency, after discount. */
  Optional<BigDecimal> price();

  Optional<BigDecimal> originalPrice();

  /** Quantity received but not yet checked in. */
  Optional<BigDecimal> numReceived();

  @Value.Check
  default void check() {
    if (orderId() <= 0 || itemId() <= 0) {
      throw new IllegalArgumentException("orderId and itemId must be positive but were " + orderId() + ", " + itemId());
    }
    if (quantity().signum() <= 0) {
      throw new IllegalArgumentException("quantity must be positive but was " + quantity().toPlainString());
    }
    numReceived().ifPresent(n -> {
      if (n.signum() < 0) {
        throw new IllegalArgumentException("numReceived cannot be negative but was " + n.toPlainString());
      }
    });
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewOrderLine}. */
  final class Builder extends ImmutableNewOrderLine.Builder {}
}
