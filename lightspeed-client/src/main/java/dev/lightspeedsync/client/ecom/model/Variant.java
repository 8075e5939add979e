package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An eCom variant: the sellable unit with its SKU/EAN/article code, prices and stock. Change its
 * stock with {@code EcomClient.setVariantStockLevel} and its cost with
 * {@code EcomClient.updateVariantCost}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableVariant.class)
public interface Variant {
  @JsonProperty("id")
  long id();

  @JsonProperty("createdAt")
  Optional<Instant> createdAt();

  @JsonProperty("updatedAt")
  Optional<Instant> updatedAt();

  /** Whether this is the product's default variant ({@code isDefault}). */
  @JsonProperty("isDefault")
  Optional<Boolean> defaultVariant();

  @JsonProperty("sortOrder")
  Optional<Long> sortOrder();

  @JsonProperty("title")
  Optional<String> title();

  @JsonProperty("articleCode")
  Optional<String> articleCode();

  @JsonProperty("ean")
  Optional<String> ean();

  @JsonProperty("sku")
  Optional<String> sku();

  /** The customs (HS) code. */
  @JsonProperty("hs")
  Optional<String> hs();

  @JsonProperty("priceExcl")
  Optional<BigDecimal> priceExcl();

  @JsonProperty("priceIncl")
  Optional<BigDecimal> priceIncl();

  /** The purchase (cost) price. */
  @JsonProperty("priceCost")
  Optional<BigDecimal> priceCost();

  @JsonProperty("oldPriceExcl")
  Optional<BigDecimal> oldPriceExcl();

  @JsonProperty("oldPriceIncl")
  Optional<BigDecimal> oldPriceIncl();

  @JsonProperty("unitPrice")
  Optional<BigDecimal> unitPrice();

  @JsonProperty("unitUnit")
  Optional<String> unitUnit();

  /** The raw wire value of {@code stockTracking}. */
  @JsonProperty("stockTracking")
  Optional<String> stockTrackingRaw();

  @JsonProperty("stockLevel")
  Optional<Long> stockLevel();

  @JsonProperty("stockAlert")
  Optional<Long> stockAlert();

  @JsonProperty("stockMinimum")
  Optional<Long> stockMinimum();

  @JsonProperty("stockSold")
  Optional<Long> stockSold();

  @JsonProperty("stockBuyMinimum")
  Optional<Long> stockBuyMinimum();

  @JsonProperty("stockBuyMaximum")
  Optional<Long> stockBuyMaximum();

  @JsonProperty("weight")
  Optional<BigDecimal> weight();

  @JsonProperty("volume")
  Optional<BigDecimal> volume();

  @JsonProperty("colli")
  Optional<BigDecimal> colli();

  /** The product this variant belongs to. */
  @JsonProperty("product")
  Optional<Relation> product();

  @JsonProperty("tax")
  Optional<Relation> tax();

  @JsonProperty("matrix")
  Optional<Relation> matrix();

  @JsonProperty("additionalcost")
  Optional<Relation> additionalCost();

  /** The stock mode; {@link StockTracking#UNKNOWN} for an absent or new value (see {@link #stockTrackingRaw()}). */
  default StockTracking stockTracking() {
    return StockTracking.fromWire(stockTrackingRaw().orElse(""));
  }

  /** The id of the product this variant belongs to. */
  default Optional<Long> productId() {
    return product().flatMap(Relation::id);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Variant}, for example in tests of host code. */
  final class Builder extends ImmutableVariant.Builder {}
}
