package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.RecordIssue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The regular and sale price of one SKU under a {@link PriceLevelConfig}. Both empty when POS pricing
 * is off (the host prices the item). Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface PriceSelection {
  String skuId();

  /** True when the prices come from Lightspeed. */
  boolean fromPos();

  Optional<BigDecimal> regularPrice();

  Optional<BigDecimal> salePrice();

  /** Missing levels, for the connection log. */
  List<RecordIssue> issues();
}
