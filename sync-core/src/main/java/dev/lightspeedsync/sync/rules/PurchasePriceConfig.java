package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * Configuration of {@link PurchasePriceRule}: which price field of a SKU is read as the purchase
 * price. The default is {@code "cost"}: every connector maps the platform's purchase price there (the
 * R-Series item's default cost, the eCom variant's {@code priceCost}). Seed 000's "Price" is the
 * price the planner buys at, that is the purchase price, not the selling price ({@code "price"}).
 * Immutable, thread-safe; validated at {@code build()}.
 */
@Value.Immutable
public interface PurchasePriceConfig extends WithPurchasePriceConfig {
  /** Key into {@code Sku.prices()} read as the purchase price. */
  @Value.Default
  default String priceField() {
    return "cost";
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
