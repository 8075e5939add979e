package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The counted quantity of one item in an inventory count.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableInventoryCountItem.class)
public interface InventoryCountItem {
  @JsonProperty("inventoryCountItemID")
  long id();

  @JsonProperty("inventoryCountID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> inventoryCountId();

  @JsonProperty("itemID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> itemId();

  @JsonProperty("qty")
  @Value.Default
  default BigDecimal quantity() {
    return BigDecimal.ZERO;
  }

  @JsonProperty("employeeID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> employeeId();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link InventoryCountItem}, for example in tests of host code. */
  final class Builder extends ImmutableInventoryCountItem.Builder {}
}
