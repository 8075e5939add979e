package dev.lightspeedsync.client.xseries.write;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A product to create with {@code POST /api/2.0/products}: a standard product, or a composite
 * when {@link #components()} is set (composites cannot be ordered on supplier consignments).
 */
@Value.Immutable
public interface NewProduct {
  String name();

  /** Sent exactly as given (apply your SKU whitespace rule before). */
  Optional<String> sku();

  Optional<String> handle();

  Optional<String> description();

  Optional<Boolean> active();

  /** Not together with {@link #priceIncludingTax()}. */
  Optional<BigDecimal> priceExcludingTax();

  /** Not together with {@link #priceExcludingTax()}. */
  Optional<BigDecimal> priceIncludingTax();

  Optional<BigDecimal> supplyPrice();

  Optional<String> supplierId();

  Optional<String> supplierCode();

  Optional<String> brandId();

  Optional<String> productTypeId();

  /** Initial stock per outlet. */
  List<InventoryLevel> inventory();

  /** The bill of materials of a composite ({@code composite[]}); empty for a standard product. */
  List<ComponentQuantity> components();

  @Value.Check
  default void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("name is blank; a product needs a name");
    }
    if (priceExcludingTax().isPresent() && priceIncludingTax().isPresent()) {
      throw new IllegalArgumentException("set priceExcludingTax or priceIncludingTax, not both (the API refuses both)");
    }
    Writes.requireNonNegative(supplyPrice(), "supplyPrice");
    sku().ifPresent(s -> Writes.requireId(s, "sku"));
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewProduct}. */
  final class Builder extends ImmutableNewProduct.Builder {}
}
