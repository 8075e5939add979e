package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Rule 8, "can this item be published" (seed 004, "If you want items to sync you need ..."): a price
 * above zero on the selected level, and a UPC, an EAN or a manufacturer SKU ("If a UPC isn't
 * available, add the MPN"). Pure and stateless: safe to share between threads.
 */
public final class PublishRule {
  private final PublishConfig config;

  private PublishRule(PublishConfig config) {
    this.config = config;
  }

  public static PublishRule of(PublishConfig config) {
    return new PublishRule(Objects.requireNonNull(config, "config == null"));
  }

  public PublishCheck check(Sku sku, Instant asOf) {
    Objects.requireNonNull(sku, "sku == null");
    Objects.requireNonNull(asOf, "asOf == null");
    GtinMapping ids = GtinMapping.of(sku);
    ImmutablePublishCheck.Builder out =
        ImmutablePublishCheck.builder().skuId(sku.id()).identifiers(ids);
    BigDecimal price = sku.prices().get(config.priceLevel());
    if (price == null || price.signum() <= 0) {
      out.addMissing(ReasonCode.PUBLISH_PRICE_MISSING);
      out.addIssues(RecordIssue.of(RecordKind.SKU, sku.id(), ReasonCode.PUBLISH_PRICE_MISSING,
          "No " + config.priceLevel() + " price above zero, so the item cannot be published",
          "Enter a " + config.priceLevel() + " price for this item in Lightspeed", asOf));
    }
    if (ids.gtin1().isEmpty() && ids.gtin2().isEmpty() && ids.mpn().isEmpty()) {
      out.addMissing(ReasonCode.PUBLISH_IDENTIFIER_MISSING);
      out.addIssues(RecordIssue.of(RecordKind.SKU, sku.id(), ReasonCode.PUBLISH_IDENTIFIER_MISSING,
          "No UPC, EAN or manufacturer SKU, so the item cannot be published",
          "Add a UPC/GTIN to the UPC field in Lightspeed, or the MPN to the Manufact. SKU field",
          asOf));
    }
    return out.build();
  }
}
