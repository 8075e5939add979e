package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 2 (seed 000): purchase price, supplier resolution and host-owned fields.
 *
 * <ul>
 *   <li>The purchase price is read from the configured price field.
 *   <li>A SKU without a supplier, or with a supplier the account does not know, is kept with an
 *       "Unknown Supplier" data-quality entry telling the user to assign a supplier in Lightspeed.
 *   <li>Order-by quantity and MOQ "are not available in Lightspeed": whatever the incoming SKU says,
 *       the host's stored values are kept, so host overrides survive every sync.
 * </ul>
 *
 * <p>Pure and stateless: safe to share between threads.
 */
public final class PurchasePriceRule {
  private final PurchasePriceConfig config;

  private PurchasePriceRule(PurchasePriceConfig config) {
    this.config = config;
  }

  public static PurchasePriceRule of(PurchasePriceConfig config) {
    return new PurchasePriceRule(Objects.requireNonNull(config, "config == null"));
  }

  /**
   * Applies the rule.
   *
   * @param incoming SKUs as read from Lightspeed
   * @param stored the host's current SKUs by id (for host-owned fields); missing ids are new SKUs
   * @param knownSupplierIds the account's supplier ids
   * @param asOf the run's instant
   */
  public PurchasePriceResult apply(List<Sku> incoming, Map<String, Sku> stored,
      Set<String> knownSupplierIds, Instant asOf) {
    Objects.requireNonNull(incoming, "incoming == null");
    Objects.requireNonNull(stored, "stored == null");
    Objects.requireNonNull(knownSupplierIds, "knownSupplierIds == null");
    Objects.requireNonNull(asOf, "asOf == null");
    String field = config.priceField();
    List<Sku> out = new ArrayList<>(incoming.size());
    List<RecordIssue> issues = new ArrayList<>();
    for (Sku sku : incoming) {
      Optional<BigDecimal> price = Optional.ofNullable(sku.prices().get(field));
      if (price.isEmpty()) {
        issues.add(RecordIssue.of(RecordKind.SKU, sku.id(), ReasonCode.PURCHASE_PRICE_MISSING,
            "No '" + field + "' price, so there is no purchase price",
            "Enter a '" + field + "' price for this product in Lightspeed", asOf));
      }
      Optional<String> supplier = sku.supplierId();
      if (supplier.isEmpty()) {
        issues.add(RecordIssue.of(RecordKind.SKU, sku.id(), ReasonCode.UNKNOWN_SUPPLIER,
            "Unknown Supplier: the product has no supplier in Lightspeed",
            "Assign a supplier to this product in Lightspeed", asOf));
      } else if (!knownSupplierIds.contains(supplier.get())) {
        issues.add(RecordIssue.of(RecordKind.SKU, sku.id(), ReasonCode.UNKNOWN_SUPPLIER,
            "Unknown Supplier: supplier " + supplier.get() + " does not exist in Lightspeed",
            "Assign an existing supplier to this product in Lightspeed", asOf));
        supplier = Optional.empty();
      }
      Sku previous = stored.get(sku.id());
      Optional<Long> orderBy = previous == null ? Optional.empty() : previous.orderByQuantity();
      Optional<Long> moq = previous == null ? Optional.empty() : previous.minimumOrderQuantity();
      out.add(sku.withPurchasePrice(price).withSupplierId(supplier).withOrderByQuantity(orderBy)
          .withMinimumOrderQuantity(moq));
    }
    return ImmutablePurchasePriceResult.builder().skus(out).issues(issues).build();
  }
}
