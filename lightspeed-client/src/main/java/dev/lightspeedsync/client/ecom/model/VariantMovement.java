package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One change of a variant's stock ({@code /variants/movements}, read-only, envelope
 * {@code variantsMovements}): Lightspeed records one for every stock change, whoever made it. A
 * writer that sets absolute stock levels reads them to learn whether its own write landed
 * (eCom has no relative stock change on writes).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableVariantMovement.class)
public interface VariantMovement {
  @JsonProperty("id")
  long id();

  @JsonProperty("createdAt")
  Optional<Instant> createdAt();

  /** Where the change came from, e.g. {@code api}, {@code backoffice} or a sales channel. */
  @JsonProperty("channel")
  Optional<String> channel();

  /** The change in stock, negative for a decrease. */
  @JsonProperty("stockLevelChange")
  @Value.Default
  default long stockLevelChange() {
    return 0;
  }

  @JsonProperty("product")
  Optional<Relation> product();

  @JsonProperty("variant")
  Optional<Relation> variant();

  /** The id of the variant whose stock changed. */
  default Optional<Long> variantId() {
    return variant().flatMap(Relation::id);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link VariantMovement}, for example in tests of host code. */
  final class Builder extends ImmutableVariantMovement.Builder {}
}
