package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An X-Series supplier. The spec's supplier schema has no {@code version}; it is read when the
 * API sends it.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableSupplier.class)
public interface Supplier {
  @JsonProperty("id")
  String id();

  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("description")
  Optional<String> description();

  @JsonProperty("source")
  Optional<String> source();

  @JsonProperty("default_markup")
  Optional<BigDecimal> defaultMarkup();

  /** When the record was deleted; present only on lists read with deleted records included. */
  @JsonProperty("deleted_at")
  Optional<Instant> deletedAt();

  /** The global version of the record's last change: the incremental bookmark. */
  @JsonProperty("version")
  Optional<Long> version();

  /** Whether the record is deleted (it has a {@code deleted_at}). */
  default boolean deleted() {
    return deletedAt().isPresent();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Supplier}, for example in tests of host code. */
  final class Builder extends ImmutableSupplier.Builder {}
}
