package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The canonical unit of sync-core: one stock-keeping unit (an R-Series Item, or an eCom variant
 * together with its product).
 *
 * <p>Use it as the single shape every adapter maps to and every rule reads. Fields fall in three
 * groups: identity and catalogue data owned by Lightspeed; sync state ({@link #active()},
 * {@link #deleted()}); and host-owned planning fields ({@link #orderByQuantity()},
 * {@link #minimumOrderQuantity()}) that Lightspeed never supplies and a sync never overwrites (seed 000,
 * "Order By and MOQ"). Quantities in sync-core are whole units ({@code long}); money is
 * {@link BigDecimal}. Immutable and thread-safe.
 */
@Value.Immutable
public interface Sku extends WithSku {
  /** The source system's id (R-Series {@code itemID}, eCom variant id). The sink's key. */
  String id();

  /**
   * The SKU code users link products by (R-Series {@code customSku}/{@code systemSku}, eCom
   * {@code sku}). Lightspeed does not require it, so it may be absent; the SKU rule reports that.
   */
  Optional<String> sku();

  /** Display name. */
  String name();

  /** UPC barcode; maps to GTIN1 on a webshop (seed 004). */
  Optional<String> upc();

  /** EAN barcode; maps to GTIN2 on a webshop (seed 004). */
  Optional<String> ean();

  /** Manufacturer SKU ("Manufact. SKU"); maps to MPN (seed 004). */
  Optional<String> manufacturerSku();

  /**
   * Every price Lightspeed holds for the SKU, keyed by price field or price level name as the adapter
   * reports it (for example {@code "price"}, {@code "cost"}, {@code "Default"}, {@code "MSRP"}).
   * Insertion order is kept.
   */
  Map<String, BigDecimal> prices();

  /** The resolved purchase price; set by the purchase price rule from the configured field. */
  Optional<BigDecimal> purchasePrice();

  /** The supplier's id; absent means "Unknown Supplier" (seed 000). */
  Optional<String> supplierId();

  /** Visibility as mapped; {@link Visibility#UNKNOWN} keeps the wire value in {@link #visibilityRaw()}. */
  @Value.Default
  default Visibility visibility() {
    return Visibility.VISIBLE;
  }

  /** The wire value of the visibility, when the adapter had one. */
  Optional<String> visibilityRaw();

  /** Stock tracking as mapped. */
  @Value.Default
  default StockTracking stockTracking() {
    return StockTracking.ENABLED;
  }

  /**
   * The URLs of the product's images, the main image first; empty when the source reported none (or
   * the adapter does not read images). eCom: the product's main image always, all its images when
   * the connector is set to read them (seed 003: "Picqer will also import all product images").
   * Kept in the source's order, duplicates removed.
   */
  List<String> imageUrls();

  /** Present when this SKU is a composite (combination, assembly or box). */
  Optional<CompositeDefinition> composite();

  /** False once the SKU was deactivated (hidden, untracked or deleted at the source). History stays. */
  @Value.Default
  default boolean active() {
    return true;
  }

  /** True when the source reports the SKU as deleted or archived. */
  @Value.Default
  default boolean deleted() {
    return false;
  }

  /** When the source last changed the SKU, if known. */
  Optional<Instant> updatedAt();

  /** Host-owned: the order-by (pack) quantity. Never read from Lightspeed; survives every sync. */
  Optional<Long> orderByQuantity();

  /** Host-owned: the minimum order quantity (MOQ). Never read from Lightspeed; survives every sync. */
  Optional<Long> minimumOrderQuantity();

  static Builder builder() {
    return new Builder();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("Sku", "id", id());
    prices().forEach((level, price) -> {
      Checks.notBlank("Sku", "prices key", level);
      Checks.notNegative("Sku", "prices[" + level + "]", price);
    });
    purchasePrice().ifPresent(p -> Checks.notNegative("Sku", "purchasePrice", p));
    imageUrls().forEach(u -> {
      Checks.notBlank("Sku", "imageUrls[]", u);
      if (u.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalStateException("Sku.imageUrls[] must be a URL without whitespace (encode a space as %20),"
            + " was '" + u + "'");
      }
    });
    orderByQuantity().ifPresent(q -> Checks.positive("Sku", "orderByQuantity", q));
    minimumOrderQuantity().ifPresent(q -> Checks.positive("Sku", "minimumOrderQuantity", q));
    composite().ifPresent(c -> {
      if (!c.compositeSkuId().equals(id())) {
        throw new IllegalStateException("Sku.composite.compositeSkuId must equal Sku.id ("
            + c.compositeSkuId() + " != " + id() + ")");
      }
    });
  }

  /** Builds a {@link Sku}; not thread-safe. */
  final class Builder extends ImmutableSku.Builder {}
}
