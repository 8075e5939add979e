package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A line of an eCom shipment ({@code /shipments/{id}/products}, read-only): what is (to be) sent
 * and how many. Quantities absent on the wire read as 0.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableShipmentProduct.class)
public interface ShipmentProduct {
  @JsonProperty("id")
  long id();

  @JsonProperty("quantity")
  @Value.Default
  default long quantity() {
    return 0;
  }

  /** The product title. */
  @JsonProperty("title")
  Optional<String> title();

  @JsonProperty("articleCode")
  Optional<String> articleCode();

  @JsonProperty("ean")
  Optional<String> ean();

  @JsonProperty("sku")
  Optional<String> sku();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ShipmentProduct}, for example in tests of host code. */
  final class Builder extends ImmutableShipmentProduct.Builder {}
}
