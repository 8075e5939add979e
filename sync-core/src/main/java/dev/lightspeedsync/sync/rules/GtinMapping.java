package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Sku;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Product identifiers as a webshop expects them (seed 004): "UPC in Lightspeed - GTIN1", "EAN in
 * Lightspeed - GTIN2", "Man. SKU in Lightspeed - MPN". Blank values count as absent. Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface GtinMapping {
  Optional<String> gtin1();

  Optional<String> gtin2();

  Optional<String> mpn();

  /** Maps a SKU's UPC, EAN and manufacturer SKU. */
  static GtinMapping of(Sku sku) {
    return ImmutableGtinMapping.builder().gtin1(sku.upc().filter(s -> !s.isBlank()))
        .gtin2(sku.ean().filter(s -> !s.isBlank()))
        .mpn(sku.manufacturerSku().filter(s -> !s.isBlank())).build();
  }
}
