package dev.lightspeedsync.client.xseries.write;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Changes to one product (variant) through {@code PUT /api/2.1/products/{id}}: family-wide fields
 * go to {@code common}, the variant's own fields and its stock per outlet to {@code details}.
 * Only the fields that are set are sent.
 */
@Value.Immutable
public interface ProductUpdate {
  /** The family name ({@code common.name}). */
  Optional<String> name();

  /** {@code common.description}. */
  Optional<String> description();

  /** {@code common.brand_id}. */
  Optional<String> brandId();

  /** {@code details.sku}; sent exactly as given (apply your SKU whitespace rule before). */
  Optional<String> sku();

  /** {@code details.is_active}. */
  Optional<Boolean> active();

  /** {@code details.price_excluding_tax}; not together with {@link #priceIncludingTax()}. */
  Optional<BigDecimal> priceExcludingTax();

  /** {@code details.price_including_tax}; not together with {@link #priceExcludingTax()}. */
  Optional<BigDecimal> priceIncludingTax();

  /** {@code details.supply_price}, the purchase (cost) price. */
  Optional<BigDecimal> supplyPrice();

  /** {@code details.inventory}: absolute stock per outlet. */
  List<InventoryLevel> inventory();

  @Value.Check
  default void check() {
    if (priceExcludingTax().isPresent() && priceIncludingTax().isPresent()) {
      throw new IllegalArgumentException("set priceExcludingTax or priceIncludingTax, not both (the API refuses both)");
    }
    Writes.requireNonNegative(supplyPrice(), "supplyPrice");
    sku().ifPresent(s -> Writes.requireId(s, "sku"));
    if (name().isEmpty() && description().isEmpty() && brandId().isEmpty() && sku().isEmpty() && active().isEmpty()
        && priceExcludingTax().isEmpty() && priceIncludingTax().isEmpty() && supplyPrice().isEmpty()
        && inventory().isEmpty()) {
      throw new IllegalArgumentException("the product update changes nothing: set at least one field");
    }
  }

  /** An update that sets only stock levels. */
  static ProductUpdate inventory(List<InventoryLevel> levels) {
    return builder().addAllInventory(levels).build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProductUpdate}. */
  final class Builder extends ImmutableProductUpdate.Builder {}
}
