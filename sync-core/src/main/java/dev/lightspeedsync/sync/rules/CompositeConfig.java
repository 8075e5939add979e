package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * Configuration of {@link CompositeBreakdown}. Seed 000 transfers "the sales history of the
 * composite product ... to the underlying products", so by default the composite itself gets no
 * demand. Immutable, thread-safe; validated at {@code build()}.
 */
@Value.Immutable
public interface CompositeConfig extends WithCompositeConfig {
  /** Deepest allowed nesting (a composite of plain SKUs has depth 1). 1 to 16, default 8. */
  @Value.Default
  default int maxDepth() {
    return 8;
  }

  /**
   * Composites the host defines (seed 000: "Tell us the composition of the combinations"), for
   * platforms without composites (eCom) or to override one. A host definition wins over the
   * platform's definition of the same SKU (R-Series assemblies and boxes, X-Series composites).
   */
  java.util.List<dev.lightspeedsync.sync.model.CompositeDefinition> definitions();

  /** Also keep the demand on the sold composite itself (for hosts that stock composites). */
  @Value.Default
  default boolean keepCompositeDemand() {
    return false;
  }

  static Builder builder() {
    return new Builder();
  }

  static CompositeConfig defaults() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    if (maxDepth() < 1 || maxDepth() > 16) {
      throw new IllegalStateException(
          "CompositeConfig.maxDepth must be between 1 and 16, was " + maxDepth());
    }
  }

  /** Builds a {@link CompositeConfig}; not thread-safe. */
  final class Builder extends ImmutableCompositeConfig.Builder {}
}
