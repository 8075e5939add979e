package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An image of a product.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableProductImage.class)
public interface ProductImage {
  @JsonProperty("id")
  Optional<String> id();

  @JsonProperty("url")
  Optional<String> url();

  @JsonProperty("version")
  Optional<Long> version();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProductImage}, for example in tests of host code. */
  final class Builder extends ImmutableProductImage.Builder {}
}
