package dev.lightspeedsync.client.xseries.write;

import java.math.BigDecimal;
import org.immutables.value.Value;

/** A component of a composite product to create: a product and its quantity per composite. */
@Value.Immutable
public interface ComponentQuantity {
  String productId();

  BigDecimal quantity();

  @Value.Check
  default void check() {
    Writes.requireId(productId(), "productId");
    if (quantity().signum() <= 0) {
      throw new IllegalArgumentException("quantity must be positive but was " + quantity().toPlainString());
    }
  }

  static ComponentQuantity of(String productId, BigDecimal quantity) {
    return builder().productId(productId).quantity(quantity).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ComponentQuantity}. */
  final class Builder extends ImmutableComponentQuantity.Builder {}
}
