package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * Which side masters product data (seed 002). When the host is master, products must be exported to
 * Lightspeed ("Export products to Lightspeed"), otherwise the host's changes could never reach it.
 * Immutable, thread-safe; validated at {@code build()}.
 */
@Value.Immutable
public interface MasterDataConfig extends WithMasterDataConfig {
  @Value.Default
  default MasterSide master() {
    return MasterSide.LIGHTSPEED;
  }

  /** "Export products to Lightspeed". Off by default. */
  @Value.Default
  default boolean exportProducts() {
    return false;
  }

  static Builder builder() {
    return new Builder();
  }

  static MasterDataConfig defaults() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    if (master() == MasterSide.HOST && !exportProducts()) {
      throw new IllegalStateException("MasterDataConfig.exportProducts must be on when master is"
          + " HOST: the host's product changes can only reach Lightspeed by export");
    }
  }

  /** Builds a {@link MasterDataConfig}; not thread-safe. */
  final class Builder extends ImmutableMasterDataConfig.Builder {}
}
