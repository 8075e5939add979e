package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A supplier of a product with its price and supplier code.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableProductSupplier.class)
public interface ProductSupplier {
  @JsonProperty("supplier_id")
  Optional<String> supplierId();

  @JsonProperty("price")
  Optional<BigDecimal> price();

  @JsonProperty("code")
  Optional<String> code();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProductSupplier}, for example in tests of host code. */
  final class Builder extends ImmutableProductSupplier.Builder {}
}
