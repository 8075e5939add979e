package dev.lightspeedsync.client.retail.write;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An item to create, with its codes, default vendor and prices. Codes are sent exactly as given
 * (apply your whitespace policy before building). POST is not idempotent: search by
 * {@code customSku} before creating it again after an unknown outcome.
 */
@Value.Immutable
public interface NewItem {
  /** Required by Lightspeed. */
  String description();

  Optional<String> customSku();

  Optional<String> manufacturerSku();

  /** 11 to 14 digits. */
  Optional<String> upc();

  /** 11 to 14 digits. */
  Optional<String> ean();

  Optional<BigDecimal> defaultCost();

  Optional<Long> defaultVendorId();

  Optional<Long> categoryId();

  Optional<Long> manufacturerId();

  /** {@code default}, {@code non_inventory}, {@code box} or {@code assembly}; Lightspeed's default is {@code default}. */
  Optional<String> itemType();

  List<NewItemPrice> prices();

  @Value.Check
  default void check() {
    if (description().isBlank()) {
      throw new IllegalArgumentException("an item needs a description");
    }
    WriteChecks.codes(upc(), ean(), defaultCost(), defaultVendorId());
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewItem}. */
  final class Builder extends ImmutableNewItem.Builder {}
}
