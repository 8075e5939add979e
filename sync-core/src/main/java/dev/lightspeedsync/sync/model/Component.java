package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import org.immutables.value.Value;

/**
 * One line of a {@link CompositeDefinition}: {@link #quantity()} units of {@link #skuId()} go into one
 * unit of the composite. The component may itself be a composite (nesting). Immutable, thread-safe.
 */
@Value.Immutable
public interface Component extends WithComponent {
  /** The component's SKU id. */
  String skuId();

  /** Units of the component per unit of the composite; positive. */
  long quantity();

  static Builder builder() {
    return new Builder();
  }

  static Component of(String skuId, long quantity) {
    return builder().skuId(skuId).quantity(quantity).build();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("Component", "skuId", skuId());
    Checks.positive("Component", "quantity", quantity());
  }

  /** Builds a {@link Component}; not thread-safe. */
  final class Builder extends ImmutableComponent.Builder {}
}
