package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Rule 8, price levels (seed 004): the regular price level and the optional sale price level.
 * A regular level the item has no price on is reported; a missing sale price is normal (no sale) and
 * is not. Pure and stateless: safe to share between threads.
 */
public final class PriceLevelRule {
  private final PriceLevelConfig config;

  private PriceLevelRule(PriceLevelConfig config) {
    this.config = config;
  }

  public static PriceLevelRule of(PriceLevelConfig config) {
    return new PriceLevelRule(Objects.requireNonNull(config, "config == null"));
  }

  public PriceSelection prices(Sku sku, Instant asOf) {
    Objects.requireNonNull(sku, "sku == null");
    Objects.requireNonNull(asOf, "asOf == null");
    ImmutablePriceSelection.Builder out =
        ImmutablePriceSelection.builder().skuId(sku.id()).fromPos(config.usePosPricing());
    if (!config.usePosPricing()) {
      return out.build();
    }
    String regular = config.regularPriceLevel().orElseThrow();
    BigDecimal regularPrice = sku.prices().get(regular);
    if (regularPrice == null) {
      out.addIssues(RecordIssue.of(RecordKind.SKU, sku.id(), ReasonCode.PRICE_LEVEL_MISSING,
          "No price on the regular price level '" + regular + "'",
          "Enter a '" + regular + "' price for this item in Lightspeed", asOf));
    } else {
      out.regularPrice(regularPrice);
    }
    config.salePriceLevel().map(sku.prices()::get).ifPresent(out::salePrice);
    return out.build();
  }
}
