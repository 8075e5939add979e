package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A sale (R-Series) or webshop order (eCom) with its lines: the demand history a planner forecasts
 * from. The sales selection rule decides which ones count, the location rule which locations, and the
 * composite breakdown turns composite lines into component demand. Immutable, thread-safe.
 */
@Value.Immutable
public interface SalesOrder extends WithSalesOrder {
  String id();

  SalesChannel channel();

  SaleStatus status();

  /** The wire status, kept for reports when {@link #status()} is {@link SaleStatus#UNKNOWN}. */
  Optional<String> statusRaw();

  @Value.Default
  default PaymentStatus paymentStatus() {
    return PaymentStatus.UNKNOWN;
  }

  @Value.Default
  default ShipmentStatus shipmentStatus() {
    return ShipmentStatus.UNKNOWN;
  }

  /** True when the order is paid on delivery (eCom {@code shipmentIsCashOnDelivery}). */
  @Value.Default
  default boolean cashOnDelivery() {
    return false;
  }

  /** The location (shop, outlet) that booked the sale; eCom orders usually have none. */
  Optional<String> locationId();

  Instant createdAt();

  /** Last change at the source; the eCom change window is measured against it. */
  Instant updatedAt();

  Optional<Instant> completedAt();

  List<SalesLine> lines();

  static Builder builder() {
    return new Builder();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("SalesOrder", "id", id());
    if (updatedAt().isBefore(createdAt())) {
      throw new IllegalStateException("SalesOrder.updatedAt must not be before createdAt (order "
          + id() + ": " + updatedAt() + " < " + createdAt() + ")");
    }
  }

  /** Builds a {@link SalesOrder}; not thread-safe. */
  final class Builder extends ImmutableSalesOrder.Builder {}
}
