package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One price of an item at one price level ({@code useTypeID} is the price level id; {@code Default}, {@code MSRP} and {@code Online} are built in).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableItemPrice.class)
public interface ItemPrice {
  @JsonProperty("amount")
  @Value.Default
  default BigDecimal amount() {
    return BigDecimal.ZERO;
  }

  @JsonProperty("useTypeID")
  long priceLevelId();

  @JsonProperty("useType")
  Optional<String> useType();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ItemPrice}, for example in tests of host code. */
  final class Builder extends ImmutableItemPrice.Builder {}
}
