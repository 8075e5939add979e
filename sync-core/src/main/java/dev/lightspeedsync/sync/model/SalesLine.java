package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of a {@link SalesOrder}: a quantity of one SKU. The quantity may be negative (a refund
 * line); zero is rejected. Immutable, thread-safe.
 */
@Value.Immutable
public interface SalesLine extends WithSalesLine {
  String lineId();

  String skuId();

  /** Units sold; negative for a return, never zero. */
  long quantity();

  /** Price per unit, when known. */
  Optional<BigDecimal> unitPrice();

  static Builder builder() {
    return new Builder();
  }

  static SalesLine of(String lineId, String skuId, long quantity) {
    return builder().lineId(lineId).skuId(skuId).quantity(quantity).build();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("SalesLine", "lineId", lineId());
    Checks.notBlank("SalesLine", "skuId", skuId());
    if (quantity() == 0) {
      throw new IllegalStateException("SalesLine.quantity must not be zero (line " + lineId() + ")");
    }
  }

  /** Builds a {@link SalesLine}; not thread-safe. */
  final class Builder extends ImmutableSalesLine.Builder {}
}
