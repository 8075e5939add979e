package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A vendor (supplier).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableVendor.class)
public interface Vendor {
  @JsonProperty("vendorID")
  long id();

  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("accountNumber")
  Optional<String> accountNumber();

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

  /** Builds a {@link Vendor}, for example in tests of host code. */
  final class Builder extends ImmutableVendor.Builder {}
}
