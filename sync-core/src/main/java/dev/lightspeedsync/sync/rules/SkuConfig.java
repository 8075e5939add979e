package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * Configuration of {@link SkuRule}: whitespace handling in SKU codes. Immutable, thread-safe. Every
 * value is valid.
 */
@Value.Immutable
public interface SkuConfig extends WithSkuConfig {
  @Value.Default
  default WhitespacePolicy whitespace() {
    return WhitespacePolicy.STRIP_ALL;
  }

  static Builder builder() {
    return new Builder();
  }

  static SkuConfig defaults() {
    return builder().build();
  }

  /** Builds a {@link SkuConfig}; not thread-safe. */
  final class Builder extends ImmutableSkuConfig.Builder {}
}
