package dev.lightspeedsync.sync.rules;

import java.util.Set;
import org.immutables.value.Value;

/**
 * Which way product data must flow for one linked product, and which fields differ. Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface MasterDataDecision {
  /** Where to write: no write when {@link #differingFields()} is empty. */
  enum Direction {
    NONE,
    UPDATE_HOST,
    UPDATE_LIGHTSPEED
  }

  String skuId();

  Direction direction();

  /** Fields that differ, in {@link ProductField} order. */
  Set<ProductField> differingFields();
}
