package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import org.immutables.value.Value;

/**
 * An R-Series price level ("Default", "MSRP", "Online", a sale level). Prices on a {@link Sku} are
 * keyed by {@link #name()}. Immutable, thread-safe.
 */
@Value.Immutable
public interface PriceLevel extends WithPriceLevel {
  String id();

  String name();

  static Builder builder() {
    return new Builder();
  }

  static PriceLevel of(String id, String name) {
    return builder().id(id).name(name).build();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("PriceLevel", "id", id());
    Checks.notBlank("PriceLevel", "name", name());
  }

  /** Builds a {@link PriceLevel}; not thread-safe. */
  final class Builder extends ImmutablePriceLevel.Builder {}
}
