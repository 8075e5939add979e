package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An inventory count of one shop; counted quantities change stock only when the count is reconciled.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableInventoryCount.class)
public interface InventoryCount {
  @JsonProperty("inventoryCountID")
  long id();

  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("shopID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> shopId();

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  @JsonProperty("timeStamp")
  Optional<Instant> timeStamp();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link InventoryCount}, for example in tests of host code. */
  final class Builder extends ImmutableInventoryCount.Builder {}
}
