package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * An order placed in the host (a website order) that may be exported to Lightspeed Retail as a
 * completed sale (seed 004). {@link #id()} is the idempotency reference of the export.
 * Immutable, thread-safe.
 */
@Value.Immutable
public interface HostOrder extends WithHostOrder {
  /** The host's order id; stable, and the export's idempotency reference. */
  String id();

  Instant placedAt();

  BigDecimal total();

  BigDecimal amountPaid();

  List<HostOrderLine> lines();

  /** Total minus amount paid; zero or less means "balanced (paid in full)". */
  default BigDecimal balanceDue() {
    return total().subtract(amountPaid());
  }

  static Builder builder() {
    return new Builder();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("HostOrder", "id", id());
    Checks.notNegative("HostOrder", "total", total());
    Checks.notNegative("HostOrder", "amountPaid", amountPaid());
    if (lines().isEmpty()) {
      throw new IllegalStateException("HostOrder.lines must not be empty (order " + id() + ")");
    }
  }

  /** Builds a {@link HostOrder}; not thread-safe. */
  final class Builder extends ImmutableHostOrder.Builder {}
}
