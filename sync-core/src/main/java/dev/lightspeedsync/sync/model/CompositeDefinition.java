package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a composite SKU (a combination, an R-Series assembly or box) is made of. Sales of the composite
 * become demand on its components through the composite breakdown rule. Definitions may nest; a cycle
 * is not rejected here (it may span several definitions) but by the rule, which names it.
 * Immutable, thread-safe.
 */
@Value.Immutable
public interface CompositeDefinition extends WithCompositeDefinition {
  /** The composite's own SKU id. */
  String compositeSkuId();

  /** Components, in the order given; never empty, each SKU at most once. */
  List<Component> components();

  /** Where the definition comes from; defaults to {@link CompositeKind#HOST_DEFINED}. */
  @Value.Default
  default CompositeKind kind() {
    return CompositeKind.HOST_DEFINED;
  }

  static Builder builder() {
    return new Builder();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("CompositeDefinition", "compositeSkuId", compositeSkuId());
    if (components().isEmpty()) {
      throw new IllegalStateException(
          "CompositeDefinition.components must not be empty (composite " + compositeSkuId() + ")");
    }
    Set<String> seen = new HashSet<>();
    for (Component c : components()) {
      if (!seen.add(c.skuId())) {
        throw new IllegalStateException("CompositeDefinition.components lists SKU " + c.skuId()
            + " twice (composite " + compositeSkuId() + "); give one line with the total quantity");
      }
    }
    if (kind() == CompositeKind.BOX && components().size() != 1) {
      throw new IllegalStateException("CompositeDefinition.components of a BOX must hold exactly one"
          + " component (composite " + compositeSkuId() + ")");
    }
  }

  /** Builds a {@link CompositeDefinition}; not thread-safe. */
  final class Builder extends ImmutableCompositeDefinition.Builder {}
}
