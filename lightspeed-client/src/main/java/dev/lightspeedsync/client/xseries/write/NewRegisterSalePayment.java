package dev.lightspeedsync.client.xseries.write;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A payment of a sale to create ({@code register_sale_payments[]}). */
@Value.Immutable
public interface NewRegisterSalePayment {
  String retailerPaymentTypeId();

  BigDecimal amount();

  Optional<Instant> paymentDate();

  @Value.Check
  default void check() {
    Writes.requireId(retailerPaymentTypeId(), "retailerPaymentTypeId");
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewRegisterSalePayment}. */
  final class Builder extends ImmutableNewRegisterSalePayment.Builder {}
}
