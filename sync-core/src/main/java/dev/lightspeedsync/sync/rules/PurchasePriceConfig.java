package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * Configuration of {@link PurchasePriceRule}: which price field of a SKU is read as the purchase
 * price. Seed 000: 'Products in Lightspeed have a "Price", which we read out as purchase price', so
 * the default is {@code "price"}; an R-Series host would typically choose {@code "cost"}.
 * Immutable, thread-safe; validated at {@code build()}.
 */
@Value.Immutable
public interface PurchasePriceConfig extends WithPurchasePriceConfig {
  /** Key into {@code Sku.prices()} read as the purchase price. */
  @Value.Default
  default String priceField() {
    return "price";
  }

  static Builder builder() {
    return new Builder();
  }

  static PurchasePriceConfig defaults() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    if (priceField().isBlank()) {
      throw new IllegalStateException("PurchasePriceConfig.priceField must not be blank;"
          + " name the Sku.prices() key to read as purchase price (for example \"price\" or \"cost\")");
    }
    if (!priceField().equals(priceField().trim())) {
      throw new IllegalStateException("PurchasePriceConfig.priceField must not have leading or"
          + " trailing spaces, was '" + priceField() + "'");
    }
  }

  /** Builds a {@link PurchasePriceConfig}; not thread-safe. */
  final class Builder extends ImmutablePurchasePriceConfig.Builder {}
}
