package dev.lightspeedsync.client.xseries.write;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/** A line of a sale to create ({@code register_sale_products[]}): unit price and tax excluding tax. */
@Value.Immutable
public interface NewRegisterSaleLine {
  String productId();

  BigDecimal quantity();

  /** The unit price excluding tax. */
  BigDecimal price();

  /** The unit tax. */
  BigDecimal tax();

  String taxId();

  Optional<BigDecimal> cost();

  Optional<BigDecimal> discount();

  @Value.Check
  default void check() {
    Writes.requireId(productId(), "productId");
    Writes.requireId(taxId(), "taxId");
    if (quantity().signum() == 0) {
      throw new IllegalArgumentException("quantity cannot be zero");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewRegisterSaleLine}. */
  final class Builder extends ImmutableNewRegisterSaleLine.Builder {}
}
