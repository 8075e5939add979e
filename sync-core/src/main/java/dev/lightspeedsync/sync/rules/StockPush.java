package dev.lightspeedsync.sync.rules;

import java.util.OptionalLong;
import org.immutables.value.Value;

/** Set Lightspeed's stock of a SKU at a location to {@link #available()}. Immutable, thread-safe. */
@Value.Immutable
public interface StockPush {
  String skuId();

  String locationId();

  long available();

  /** The value pushed last time, if any. */
  OptionalLong previous();

  /** The key the last pushed values are stored under: {@code skuId@locationId}. */
  @Value.Derived
  default String key() {
    return AvailabilityRule.key(skuId(), locationId());
  }
}
