package dev.lightspeedsync.client.xseries.write;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A product line of a consignment to add or change: the ordered {@code count}, the
 * {@code received} quantity and the unit {@code cost}. They are sent as decimal strings, as the
 * spec types them. Setting {@code received} on a SENT supplier order moves it to DISPATCHED.
 */
@Value.Immutable
public interface ConsignmentLine {
  String productId();

  Optional<BigDecimal> count();

  Optional<BigDecimal> received();

  Optional<BigDecimal> cost();

  @Value.Check
  default void check() {
    Writes.requireId(productId(), "productId");
    Writes.requireNonNegative(count(), "count");
    Writes.requireNonNegative(received(), "received");
    Writes.requireNonNegative(cost(), "cost");
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ConsignmentLine}. */
  final class Builder extends ImmutableConsignmentLine.Builder {}
}
