package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One component of a composite product: a product and how many of it one composite contains.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableCompositeComponent.class)
public interface CompositeComponent {
  @JsonProperty("product_id")
  Optional<String> productId();

  @JsonProperty("quantity")
  Optional<BigDecimal> quantity();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CompositeComponent}, for example in tests of host code. */
  final class Builder extends ImmutableCompositeComponent.Builder {}
}
