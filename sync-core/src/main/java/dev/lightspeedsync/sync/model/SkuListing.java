package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import dev.lightspeedsync.sync.rules.ProductField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What the product rules of DESIGN.md rule 8 decided about one SKU, stored next to it by the sync
 * engine so that a host can query it: the code it links by, the regular and sale price of the
 * configured price levels, the GTIN/MPN identifiers, whether the SKU passes the publish check and
 * which product fields Lightspeed changed while the host masters them. Written for every SKU the
 * engine stores; rewritten whenever the SKU is read again. Immutable, thread-safe.
 */
@Value.Immutable
public interface SkuListing extends WithSkuListing {
  /** The SKU ({@link Sku#id()}). */
  String skuId();

  /**
   * The SKU code as compared under the configured whitespace policy ({@code SkuConfig}); empty when
   * the SKU has none. A host links its product to the one active SKU with the same code, and to none
   * when several share it (the connection log names them).
   */
  Optional<String> code();

  /** The price on the configured regular price level, when POS pricing is used and the SKU has one. */
  Optional<BigDecimal> regularPrice();

  /** The price on the configured sale price level, when one is configured and the SKU has one. */
  Optional<BigDecimal> salePrice();

  /** UPC, as GTIN1. */
  Optional<String> gtin1();

  /** EAN, as GTIN2. */
  Optional<String> gtin2();

  /** Manufacturer SKU, as MPN. */
  Optional<String> mpn();

  /** Why the SKU cannot be published (empty when it can). */
  List<ReasonCode> publishMissing();

  /** Whether the SKU passes the publish check: a price on the publish price level and an identifier. */
  default boolean publishable() {
    return publishMissing().isEmpty();
  }

  /**
   * The fields Lightspeed holds differently from the host while the host is master of product data
   * ({@code MasterDataConfig.master() == HOST}): the stored SKU keeps the host's values, and a product
   * export sends these fields to Lightspeed. Empty when Lightspeed is master.
   */
  Set<ProductField> pendingExport();

  static Builder builder() {
    return new Builder();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("SkuListing", "skuId", skuId());
    regularPrice().ifPresent(p -> Checks.notNegative("SkuListing", "regularPrice", p));
    salePrice().ifPresent(p -> Checks.notNegative("SkuListing", "salePrice", p));
  }

  /** Builds a {@link SkuListing}; not thread-safe. */
  final class Builder extends ImmutableSkuListing.Builder {}
}
