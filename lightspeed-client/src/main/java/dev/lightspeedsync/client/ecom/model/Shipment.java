package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An eCom shipment of (part of) an order. Read the shipments of one order with the filter
 * {@code order} on {@code EcomClient.shipments()}.
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
