package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One option of a variant, e.g. {@code Colour = Red}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableVariantOption.class)
public interface VariantOption {
  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("value")
  Optional<String> value();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link VariantOption}, for example in tests of host code. */
  final class Builder extends ImmutableVariantOption.Builder {}
}
