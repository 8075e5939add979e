package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The retailer's currency.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableRetailerCurrency.class)
public interface RetailerCurrency {
  @JsonProperty("code")
  Optional<String> code();

  @JsonProperty("symbol")
  Optional<String> symbol();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RetailerCurrency}, for example in tests of host code. */
  final class Builder extends ImmutableRetailerCurrency.Builder {}
}
