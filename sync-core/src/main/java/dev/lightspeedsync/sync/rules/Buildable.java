package dev.lightspeedsync.sync.rules;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * How many units of an assembly can be built from the components' available stock:
 * {@code min over components of floor(available / quantity per unit)}. Immutable, thread-safe.
 */
@Value.Immutable
public interface Buildable {
  String compositeSkuId();

  /** Units that can be built; zero or more. */
  long quantity();

  /** The component that limits the quantity; empty when the SKU is not a usable composite. */
  Optional<String> limitingSkuId();
}
