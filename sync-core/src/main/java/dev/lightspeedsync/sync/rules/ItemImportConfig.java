package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * Item import filters (seed 004 "Import Settings"), each a switch. Defaults are the "most common
 * selections": balance on hand &gt; 0 on, balance on order &gt; 0 off, reorder point or maximum stock
 * level &gt; 0 off. An item passes when any switched-on condition holds; with every switch off, every
 * item passes. Immutable, thread-safe. Every combination is valid.
 */
@Value.Immutable
public interface ItemImportConfig extends WithItemImportConfig {
  @Value.Default
  default boolean onHandAboveZero() {
    return true;
  }

  @Value.Default
  default boolean onOrderAboveZero() {
    return false;
  }

  /** Reorder point or reorder level ("Maximum Stock Level") &gt; 0. */
  @Value.Default
  default boolean reorderAboveZero() {
    return false;
  }

  static Builder builder() {
    return new Builder();
  }

  static ItemImportConfig defaults() {
    return builder().build();
  }

  /** Builds an {@link ItemImportConfig}; not thread-safe. */
  final class Builder extends ImmutableItemImportConfig.Builder {}
}
