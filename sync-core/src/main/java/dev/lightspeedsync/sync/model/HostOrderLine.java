package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.math.BigDecimal;
import org.immutables.value.Value;

/** One line of a {@link HostOrder}. Immutable, thread-safe. */
@Value.Immutable
public interface HostOrderLine extends WithHostOrderLine {
  String skuId();

  /** Units ordered; positive. */
  long quantity();

  BigDecimal unitPrice();

  /** True once the line was fulfilled (by a supplier or a store fulfilment). */
  @Value.Default
  default boolean fulfilled() {
    return false;
  }

  static Builder builder() {
    return new Builder();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("HostOrderLine", "skuId", skuId());
    Checks.positive("HostOrderLine", "quantity", quantity());
    Checks.notNegative("HostOrderLine", "unitPrice", unitPrice());
  }

  /** Builds a {@link HostOrderLine}; not thread-safe. */
  final class Builder extends ImmutableHostOrderLine.Builder {}
}
