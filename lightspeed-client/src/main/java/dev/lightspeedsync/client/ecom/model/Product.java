package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An eCom product: the storefront listing that groups one or more {@link Variant}s (which hold the
 * SKUs, prices and stock). Its supplier, brand and variants are {@link Relation}s, not ids.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableProduct.class)
public interface Product {
  @JsonProperty("id")
  long id();

  @JsonProperty("createdAt")
  Optional<Instant> createdAt();

  @JsonProperty("updatedAt")
  Optional<Instant> updatedAt();

  /** The separate {@code isVisible} flag; how it relates to {@link #visibility()} is not documented. */
  @JsonProperty("isVisible")
  Optional<Boolean> visible();

  /** The raw wire value of {@code visibility}. */
  @JsonProperty("visibility")
  Optional<String> visibilityRaw();

  @JsonProperty("hasMatrix")
  Optional<Boolean> hasMatrix();

  /** The URL slug. */
  @JsonProperty("url")
  Optional<String> url();

  @JsonProperty("title")
  Optional<String> title();

  @JsonProperty("fulltitle")
  Optional<String> fullTitle();

  @JsonProperty("description")
  Optional<String> description();

  /** The long description (HTML). */
  @JsonProperty("content")
  Optional<String> content();

  @JsonProperty("data01")
  Optional<String> data01();

  @JsonProperty("data02")
  Optional<String> data02();

  @JsonProperty("data03")
  Optional<String> data03();

  @JsonProperty("brand")
  Optional<Relation> brand();

  /** The supplier (it lives on the product, not on the variant). */
  @JsonProperty("supplier")
  Optional<Relation> supplier();

  @JsonProperty("type")
  Optional<Relation> type();

  @JsonProperty("deliverydate")
  Optional<Relation> deliveryDate();

  /** To-many link to the product's variants. */
  @JsonProperty("variants")
  Optional<Relation> variants();

  @JsonProperty("categories")
  Optional<Relation> categories();

  /** The main image (its URLs), when the product has one ({@code image}, {@code false} when it has none). */
  @JsonProperty("image")
  Optional<Image> image();

  /** To-many link to all images of the product; read them with {@code EcomClient.productImages(productId)}. */
  @JsonProperty("images")
  Optional<Relation> images();

  @JsonProperty("tags")
  Optional<Relation> tags();

  /** The visibility; {@link Visibility#UNKNOWN} for an absent or new value (see {@link #visibilityRaw()}). */
  default Visibility visibility() {
    return Visibility.fromWire(visibilityRaw().orElse(""));
  }

  /** The supplier's id, when the product has a supplier. */
  default Optional<Long> supplierId() {
    return supplier().flatMap(Relation::id);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Product}, for example in tests of host code. */
  final class Builder extends ImmutableProduct.Builder {}
}
