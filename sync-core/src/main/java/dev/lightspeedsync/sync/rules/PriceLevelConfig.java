package dev.lightspeedsync.sync.rules;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * "Use POS Pricing" (seed 004). Off by default: then all pricing comes from the host. When on, a
 * regular price level is required and a sale price level is optional. Names match
 * {@code Sku.prices()} keys. Immutable, thread-safe; validated at {@code build()}.
 */
@Value.Immutable
public interface PriceLevelConfig extends WithPriceLevelConfig {
  @Value.Default
  default boolean usePosPricing() {
    return false;
  }

  Optional<String> regularPriceLevel();

  Optional<String> salePriceLevel();

  static Builder builder() {
    return new Builder();
  }

  static PriceLevelConfig defaults() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    regularPriceLevel().ifPresent(l -> {
      if (l.isBlank()) {
        throw new IllegalStateException("PriceLevelConfig.regularPriceLevel must not be blank");
      }
    });
    salePriceLevel().ifPresent(l -> {
      if (l.isBlank()) {
        throw new IllegalStateException("PriceLevelConfig.salePriceLevel must not be blank");
      }
    });
    if (usePosPricing() && regularPriceLevel().isEmpty()) {
      throw new IllegalStateException("PriceLevelConfig.regularPriceLevel is required when"
          + " usePosPricing is on: select the level you use for in-store prices");
    }
    if (!usePosPricing() && (regularPriceLevel().isPresent() || salePriceLevel().isPresent())) {
      throw new IllegalStateException("PriceLevelConfig.regularPriceLevel and salePriceLevel are"
          + " only used when usePosPricing is on");
    }
    if (salePriceLevel().isPresent() && salePriceLevel().equals(regularPriceLevel())) {
      throw new IllegalStateException("PriceLevelConfig.salePriceLevel must differ from"
          + " regularPriceLevel ('" + salePriceLevel().get() + "')");
    }
  }

  /** Builds a {@link PriceLevelConfig}; not thread-safe. */
  final class Builder extends ImmutablePriceLevelConfig.Builder {}
}
