package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An eCom shipment of (part of) an order. Lightspeed creates it with the order (the API has no call
 * to create one); a fulfilment system ships it with {@code EcomClient.updateShipment} (status
 * {@code shipped} and the tracking code). Read the shipments of one order with
 * {@code EcomClient.shipmentsOfOrder(orderId)} and the shipped lines with
 * {@code EcomClient.shipmentProducts(shipmentId)}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableShipment.class)
public interface Shipment {
  @JsonProperty("id")
  long id();

  @JsonProperty("createdAt")
  Optional<Instant> createdAt();

  @JsonProperty("updatedAt")
  Optional<Instant> updatedAt();

  /** The shipment number, e.g. {@code SHIP00038}. */
  @JsonProperty("number")
  Optional<String> number();

  /** The raw wire value of {@code status}. */
  @JsonProperty("status")
  Optional<String> statusRaw();

  @JsonProperty("trackingCode")
  Optional<String> trackingCode();

  /** Whether Lightspeed e-mails the customer when the shipment is shipped. */
  @JsonProperty("doNotifyShipped")
  Optional<Boolean> doNotifyShipped();

  /** Whether Lightspeed e-mails the customer the tracking code. */
  @JsonProperty("doNotifyTrackingCode")
  Optional<Boolean> doNotifyTrackingCode();

  @JsonProperty("order")
  Optional<Relation> order();

  @JsonProperty("customer")
  Optional<Relation> customer();

  /** To-many link to the shipped lines. */
  @JsonProperty("products")
  Optional<Relation> products();

  /** The status (its full set of values is not documented; new ones map to UNKNOWN). */
  default ShipmentStatus status() {
    return ShipmentStatus.fromWire(statusRaw().orElse(""));
  }

  /** The id of the order shipped. */
  default Optional<Long> orderId() {
    return order().flatMap(Relation::id);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Shipment}, for example in tests of host code. */
  final class Builder extends ImmutableShipment.Builder {}
}
