package dev.lightspeedsync.client.ecom.write;

import dev.lightspeedsync.client.ecom.model.OrderStatus;
import dev.lightspeedsync.client.ecom.model.PaymentStatus;
import dev.lightspeedsync.client.ecom.model.ShipmentStatus;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The order fields a fulfilment system changes, the input of {@code EcomClient.updateOrder}
 * ({@code PUT orders/{id}.json}); fields left unset are not sent and stay as they are.
 *
 * <pre>{@code
 * OrderUpdate.builder().status(OrderStatus.COMPLETED_SHIPPED).shipmentStatus(ShipmentStatus.SHIPPED).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public interface OrderUpdate {
  /** The order status, e.g. {@link OrderStatus#COMPLETED_SHIPPED}. */
  Optional<OrderStatus> status();

  Optional<PaymentStatus> paymentStatus();

  /** The shipment status of the whole order, e.g. {@link ShipmentStatus#SHIPPED}. */
  Optional<ShipmentStatus> shipmentStatus();

  /** The shop's internal note on the order. */
  Optional<String> memo();

  @Value.Check
  default void check() {
    if (status().isEmpty() && paymentStatus().isEmpty() && shipmentStatus().isEmpty() && memo().isEmpty()) {
      throw new IllegalArgumentException("an OrderUpdate must change at least one of status, paymentStatus, "
          + "shipmentStatus or memo");
    }
    if (status().filter(s -> s == OrderStatus.UNKNOWN).isPresent()
        || paymentStatus().filter(s -> s == PaymentStatus.UNKNOWN).isPresent()
        || shipmentStatus().filter(s -> s == ShipmentStatus.UNKNOWN).isPresent()) {
      throw new IllegalArgumentException("UNKNOWN is not a status that can be written; pick a documented value");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrderUpdate}. Not thread-safe. */
  final class Builder extends ImmutableOrderUpdate.Builder {}
}
