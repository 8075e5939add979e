package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * A host product linked to a Lightspeed SKU by equal (normalised) SKU codes. Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface SkuLink {
  String hostId();

  /** The Lightspeed {@code Sku.id()}. */
  String skuId();

  /** The normalised SKU code both sides share. */
  String sku();
}
