package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * Configuration of {@link PublishRule}: the price level an item needs a price on to be published
 * ("Default OR MSRP (whichever you have selected in Settings)", seed 004). Immutable, thread-safe;
 * validated at {@code build()}.
 */
@Value.Immutable
public interface PublishConfig extends WithPublishConfig {
  @Value.Default
  default String priceLevel() {
    return "Default";
  }

  /**
   * Whether SKUs that fail the publish check get a connection-log entry saying what is missing
   * (seed 004, for storefronts that publish only items with a price and an identifier). Off by
   * default; the check's result is stored per SKU ({@code SkuListing}) either way.
   */
  @Value.Default
  default boolean enabled() {
    return false;
  }

  static Builder builder() {
    return new Builder();
  }

  static PublishConfig defaults() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    if (priceLevel().isBlank()) {
      throw new IllegalStateException("PublishConfig.priceLevel must not be blank; select the"
          + " price level (for example Default or MSRP) an item needs a price on");
    }
  }

  /** Builds a {@link PublishConfig}; not thread-safe. */
  final class Builder extends ImmutablePublishConfig.Builder {}
}
