package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A price level (for example Default, MSRP, Online, or a custom sale level); item prices refer to it by id.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutablePriceLevel.class)
public interface PriceLevel {
  @JsonProperty("priceLevelID")
  long id();

  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  @JsonProperty("type")
  Optional<String> type();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PriceLevel}, for example in tests of host code. */
  final class Builder extends ImmutablePriceLevel.Builder {}
}
