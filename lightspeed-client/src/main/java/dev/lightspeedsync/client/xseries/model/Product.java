package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An X-Series product. Every variant is a product of its own: a variant has a
 * {@link #variantParentId()} (the family) and {@link #variantOptions()}; a family parent has
 * {@link #hasVariants()}. Composites are flagged by {@link #composite()}; whether API 2.0 returns
 * their bill of materials on a read is not documented, so {@link #components()} is empty unless the
 * response carries a {@code composite} list.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableProduct.class)
public interface Product {
  @JsonProperty("id")
  String id();

  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("description")
  Optional<String> description();

  @JsonProperty("handle")
  Optional<String> handle();

  @JsonProperty("sku")
  Optional<String> sku();

  /** Where the product was created: {@code USER}, {@code SHOPIFY} ... */
  @JsonProperty("source")
  Optional<String> source();

  @JsonProperty("source_id")
  Optional<String> sourceId();

  @JsonProperty("source_variant_id")
  Optional<String> sourceVariantId();

  @JsonProperty("active")
  Optional<Boolean> active();

  /** Whether stock is tracked. */
  @JsonProperty("has_inventory")
  Optional<Boolean> hasInventory();

  @JsonProperty("is_composite")
  Optional<Boolean> composite();

  @JsonProperty("has_variants")
  Optional<Boolean> hasVariants();

  /** The family (parent product) of a variant. */
  @JsonProperty("variant_parent_id")
  Optional<String> variantParentId();

  @JsonProperty("variant_name")
  Optional<String> variantName();

  @JsonProperty("variant_options")
  List<VariantOption> variantOptions();

  @JsonProperty("variant_count")
  Optional<Long> variantCount();

  @JsonProperty("price_including_tax")
  Optional<BigDecimal> priceIncludingTax();

  @JsonProperty("price_excluding_tax")
  Optional<BigDecimal> priceExcludingTax();

  /** The purchase (cost) price. */
  @JsonProperty("supply_price")
  Optional<BigDecimal> supplyPrice();

  @JsonProperty("supplier_id")
  Optional<String> supplierId();

  @JsonProperty("supplier_code")
  Optional<String> supplierCode();

  @JsonProperty("product_suppliers")
  List<ProductSupplier> productSuppliers();

  @JsonProperty("product_type_id")
  Optional<String> productTypeId();

  @JsonProperty("brand_id")
  Optional<String> brandId();

  @JsonProperty("tag_ids")
  List<String> tagIds();

  @JsonProperty("image_url")
  Optional<String> imageUrl();

  @JsonProperty("image_thumbnail_url")
  Optional<String> imageThumbnailUrl();

  @JsonProperty("images")
  List<ProductImage> images();

  /** The bill of materials of a composite, when the response carries it. */
  @JsonProperty("composite")
  @com.fasterxml.jackson.annotation.JsonAlias({"composites", "composite_products"})
  List<CompositeComponent> components();

  @JsonProperty("weight")
  Optional<BigDecimal> weight();

  /** {@code CT}, {@code G}, {@code OZ}, {@code LB} or {@code KG}. */
  @JsonProperty("weight_unit")
  Optional<String> weightUnit();

  @JsonProperty("length")
  Optional<BigDecimal> length();

  @JsonProperty("width")
  Optional<BigDecimal> width();

  @JsonProperty("height")
  Optional<BigDecimal> height();

  @JsonProperty("dimensions_unit")
  Optional<String> dimensionsUnit();

  @JsonProperty("loyalty_amount")
  Optional<BigDecimal> loyaltyAmount();

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

  /** Builds a {@link Product}, for example in tests of host code. */
  final class Builder extends ImmutableProduct.Builder {}
}
