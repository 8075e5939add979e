package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A shop (location) of the account. Shop names are case-sensitive.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableShop.class)
public interface Shop {
  @JsonProperty("shopID")
  long id();

  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("timeZone")
  Optional<String> timeZone();

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  @JsonProperty("priceLevelID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> priceLevelId();

  @JsonProperty("timeStamp")
  Optional<Instant> timeStamp();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Shop}, for example in tests of host code. */
  final class Builder extends ImmutableShop.Builder {}
}
