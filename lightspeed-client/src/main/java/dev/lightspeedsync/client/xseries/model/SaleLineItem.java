package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of an X-Series sale.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableSaleLineItem.class)
public interface SaleLineItem {
  @JsonProperty("id")
  Optional<String> id();

  @JsonProperty("product_id")
  Optional<String> productId();

  /** Negative on returns. */
  @JsonProperty("quantity")
  Optional<BigDecimal> quantity();

  /** Unit price excluding tax. */
  @JsonProperty("price")
  Optional<BigDecimal> price();

  @JsonProperty("cost")
  Optional<BigDecimal> cost();

  @JsonProperty("discount")
  Optional<BigDecimal> discount();

  @JsonProperty("tax")
  Optional<BigDecimal> tax();

  @JsonProperty("tax_id")
  Optional<String> taxId();

  @JsonProperty("price_total")
  Optional<BigDecimal> priceTotal();

  @JsonProperty("cost_total")
  Optional<BigDecimal> costTotal();

  @JsonProperty("tax_total")
  Optional<BigDecimal> taxTotal();

  @JsonProperty("discount_total")
  Optional<BigDecimal> discountTotal();

  @JsonProperty("loyalty_value")
  Optional<BigDecimal> loyaltyValue();

  @JsonProperty("price_set")
  Optional<Boolean> priceSet();

  @JsonProperty("sequence")
  Optional<Long> sequence();

  @JsonProperty("note")
  Optional<String> note();

  @JsonProperty("is_return")
  Optional<Boolean> isReturn();

  /** The wire value of {@code status}. */
  @JsonProperty("status")
  Optional<String> statusRaw();

  @JsonProperty("salesperson_id")
  Optional<String> salespersonId();

  /** The line status; {@link LineItemStatus#UNKNOWN} for an absent or new value (see {@link #statusRaw()}). */
  default LineItemStatus status() {
    return LineItemStatus.fromWire(statusRaw().orElse(""));
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SaleLineItem}, for example in tests of host code. */
  final class Builder extends ImmutableSaleLineItem.Builder {}
}
