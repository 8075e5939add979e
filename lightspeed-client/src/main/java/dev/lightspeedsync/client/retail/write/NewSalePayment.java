package dev.lightspeedsync.client.retail.write;

import java.math.BigDecimal;
import org.immutables.value.Value;

/** A payment of a sale to create. */
@Value.Immutable
public interface NewSalePayment {
  @Value.Parameter
  long paymentTypeId();

  @Value.Parameter
  BigDecimal amount();

  @Value.Check
  default void check() {
    if (paymentTypeId() <= 0) {
      throw new IllegalArgumentException("paymentTypeId must be positive but was " + paymentTypeId());
    }
  }

  static NewSalePayment of(long paymentTypeId, BigDecimal amount) {
    return ImmutableNewSalePayment.of(paymentTypeId, amount);
  }
}
