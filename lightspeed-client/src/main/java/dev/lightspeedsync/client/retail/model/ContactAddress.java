package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A postal address of a {@link Contact}. Absent and {@code ""} values are empty.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableContactAddress.class)
public interface ContactAddress {
  @JsonProperty("address1")
  Optional<String> address1();

  @JsonProperty("address2")
  Optional<String> address2();

  @JsonProperty("city")
  Optional<String> city();

  @JsonProperty("state")
  Optional<String> state();

  /** The ISO code of the state or province. */
  @JsonProperty("stateCode")
  Optional<String> stateCode();

  @JsonProperty("zip")
  Optional<String> zip();

  @JsonProperty("country")
  Optional<String> country();

  /** The ISO country code. */
  @JsonProperty("countryCode")
  Optional<String> countryCode();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContactAddress}, also for writes. */
  final class Builder extends ImmutableContactAddress.Builder {}
}
