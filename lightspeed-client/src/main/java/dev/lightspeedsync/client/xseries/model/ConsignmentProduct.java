package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One product line of a consignment. The spec types {@code count}, {@code received} and
 * {@code cost} as strings; they are read as decimals (numbers are accepted too).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableConsignmentProduct.class)
public interface ConsignmentProduct {
  @JsonProperty("product_id")
  Optional<String> productId();

  @JsonProperty("product_sku")
  Optional<String> productSku();

  /** The quantity ordered (expected). */
  @JsonProperty("count")
  Optional<BigDecimal> count();

  /** The quantity received so far. */
  @JsonProperty("received")
  Optional<BigDecimal> received();

  /** The unit cost. */
  @JsonProperty("cost")
  Optional<BigDecimal> cost();

  @JsonProperty("is_included")
  Optional<Boolean> included();

  /** {@code PENDING} or {@code SUCCESS} on the wire. */
  @JsonProperty("status")
  Optional<String> statusRaw();

  @JsonProperty("created_at")
  Optional<Instant> createdAt();

  @JsonProperty("updated_at")
  Optional<Instant> updatedAt();

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

  /** Builds a {@link ConsignmentProduct}, for example in tests of host code. */
  final class Builder extends ImmutableConsignmentProduct.Builder {}
}
