package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The stock of one product at one outlet. {@link #inventoryLevel()} can be negative: X-Series
 * sells below zero and reports it so.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableInventory.class)
public interface Inventory {
  @JsonProperty("id")
  Optional<String> id();

  @JsonProperty("product_id")
  Optional<String> productId();

  @JsonProperty("outlet_id")
  Optional<String> outletId();

  /** The quantity on hand; negative levels are legal. */
  @JsonProperty("inventory_level")
  Optional<BigDecimal> inventoryLevel();

  @JsonProperty("reorder_point")
  Optional<BigDecimal> reorderPoint();

  @JsonProperty("reorder_amount")
  Optional<BigDecimal> reorderAmount();

  @JsonProperty("version")
  Optional<Long> version();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Inventory}, for example in tests of host code. */
  final class Builder extends ImmutableInventory.Builder {}
}
