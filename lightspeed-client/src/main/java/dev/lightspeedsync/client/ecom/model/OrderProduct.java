package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A line of an eCom order ({@code /orders/{id}/products}). {@link #priceExcl()} and
 * {@link #priceIncl()} are line totals; the {@code basePrice} fields are unit prices. Quantities
 * absent on the wire read as 0.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableOrderProduct.class)
public interface OrderProduct {
  @JsonProperty("id")
  long id();

  @JsonProperty("productTitle")
  Optional<String> productTitle();

  @JsonProperty("variantTitle")
  Optional<String> variantTitle();

  @JsonProperty("supplierTitle")
  Optional<String> supplierTitle();

  @JsonProperty("brandTitle")
  Optional<String> brandTitle();

  @JsonProperty("articleCode")
  Optional<String> articleCode();

  @JsonProperty("ean")
  Optional<String> ean();

  @JsonProperty("sku")
  Optional<String> sku();

  @JsonProperty("quantityOrdered")
  @Value.Default
  default long quantityOrdered() {
    return 0;
  }

  @JsonProperty("quantityInvoiced")
  @Value.Default
  default long quantityInvoiced() {
    return 0;
  }

  @JsonProperty("quantityShipped")
  @Value.Default
  default long quantityShipped() {
    return 0;
  }

  @JsonProperty("quantityRefunded")
  @Value.Default
  default long quantityRefunded() {
    return 0;
  }

  @JsonProperty("quantityReturned")
  @Value.Default
  default long quantityReturned() {
    return 0;
  }

  @JsonProperty("priceCost")
  Optional<BigDecimal> priceCost();

  /** Unit price excluding tax. */
  @JsonProperty("basePriceExcl")
  Optional<BigDecimal> basePriceExcl();

  /** Unit price including tax. */
  @JsonProperty("basePriceIncl")
  Optional<BigDecimal> basePriceIncl();

  /** Line total excluding tax. */
  @JsonProperty("priceExcl")
  Optional<BigDecimal> priceExcl();

  /** Line total including tax. */
  @JsonProperty("priceIncl")
  Optional<BigDecimal> priceIncl();

  @JsonProperty("discountExcl")
  Optional<BigDecimal> discountExcl();

  @JsonProperty("discountIncl")
  Optional<BigDecimal> discountIncl();

  @JsonProperty("taxRate")
  Optional<BigDecimal> taxRate();

  @JsonProperty("product")
  Optional<Relation> product();

  /** The variant sold; empty when the variant no longer exists. */
  @JsonProperty("variant")
  Optional<Relation> variant();

  /** The id of the product sold, when known (empty when the product no longer exists). */
  default Optional<Long> productId() {
    return product().flatMap(Relation::id);
  }

  /** The id of the variant sold, when known. */
  default Optional<Long> variantId() {
    return variant().flatMap(Relation::id);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link OrderProduct}, for example in tests of host code. */
  final class Builder extends ImmutableOrderProduct.Builder {}
}
