package dev.lightspeedsync.client.retail.write;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/** Changes to a purchase-order line; only the values set are sent. */
@Value.Immutable
public interface OrderLineUpdate {
  Optional<BigDecimal> quantity();

  Optional<BigDecimal> numReceived();

  Optional<BigDecimal> price();

  @Value.Check
  default void check() {
    if (quantity().isEmpty() && numReceived().isEmpty() && price().isEmpty()) {
      throw new IllegalArgumentException("an order line update must change at least one field");
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

  /** Builds an {@link OrderLineUpdate}. */
  final class Builder extends ImmutableOrderLineUpdate.Builder {}
}
