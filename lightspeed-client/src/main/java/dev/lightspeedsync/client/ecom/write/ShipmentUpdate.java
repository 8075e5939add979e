package dev.lightspeedsync.client.ecom.write;

import dev.lightspeedsync.client.ecom.model.ShipmentStatus;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The shipment fields a fulfilment system changes, the input of {@code EcomClient.updateShipment}
 * ({@code PUT shipments/{id}.json}); fields left unset are not sent.
 *
 * <pre>{@code
 * ShipmentUpdate.shipped("3SABCD1234567");   // status shipped with its tracking code
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public interface ShipmentUpdate {
  /** At most this many characters in a tracking code (a guard against pasting whole documents). */
  int MAX_TRACKING_CODE = 255;

  Optional<ShipmentStatus> status();

  /** The carrier's tracking code. */
  Optional<String> trackingCode();

  /** Whether Lightspeed e-mails the customer that the shipment left ({@code doNotifyShipped}). */
  Optional<Boolean> notifyShipped();

  /** Whether Lightspeed e-mails the customer the tracking code ({@code doNotifyTrackingCode}). */
  Optional<Boolean> notifyTrackingCode();

  /** Status {@code shipped} with a tracking code. */
  static ShipmentUpdate shipped(String trackingCode) {
    return builder().status(ShipmentStatus.SHIPPED).trackingCode(trackingCode).build();
  }

  @Value.Check
  default void check() {
    if (status().isEmpty() && trackingCode().isEmpty() && notifyShipped().isEmpty() && notifyTrackingCode().isEmpty()) {
      throw new IllegalArgumentException("a ShipmentUpdate must change at least one field");
    }
    if (status().filter(s -> s == ShipmentStatus.UNKNOWN).isPresent()) {
      throw new IllegalArgumentException("UNKNOWN is not a shipment status that can be written");
    }
    trackingCode().ifPresent(t -> {
      if (t.length() > MAX_TRACKING_CODE || t.chars().anyMatch(c -> c < 0x20)) {
        throw new IllegalArgumentException("trackingCode must be at most " + MAX_TRACKING_CODE
            + " characters without control characters");
      }
    });
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ShipmentUpdate}. Not thread-safe. */
  final class Builder extends ImmutableShipmentUpdate.Builder {}
}
