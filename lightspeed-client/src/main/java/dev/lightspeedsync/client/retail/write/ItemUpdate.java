package dev.lightspeedsync.client.retail.write;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Changes to an item ({@code PUT Item/{id}}, a partial update): fields left empty keep their
 * values; only the listed {@link #prices()} change. An empty string clears a code. Stock is written
 * with {@link dev.lightspeedsync.client.retail.RetailClient#setQuantitiesOnHand}, not here.
 */
@Value.Immutable
public interface ItemUpdate {
  Optional<String> description();

  Optional<String> customSku();

  Optional<String> manufacturerSku();

  Optional<String> upc();

  Optional<String> ean();

  Optional<BigDecimal> defaultCost();

  Optional<Long> defaultVendorId();

  Optional<Long> categoryId();

  Optional<Long> manufacturerId();

  List<NewItemPrice> prices();

  @Value.Check
  default void check() {
    description().ifPresent(d -> {
      if (d.isBlank()) {
        throw new IllegalArgumentException("an item's description cannot be cleared");
      }
    });
    WriteChecks.codes(upc(), ean(), defaultCost(), defaultVendorId());
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ItemUpdate}. */
  final class Builder extends ImmutableItemUpdate.Builder {}
}
