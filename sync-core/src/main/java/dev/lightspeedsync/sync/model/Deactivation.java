package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * An instruction to deactivate (never delete) a SKU in the host: it became hidden, untracked or was
 * deleted at the source. Past sales and open orders of the SKU stay (seed 000). Immutable, thread-safe.
 */
@Value.Immutable
public interface Deactivation extends WithDeactivation {
  String skuId();

  ReasonCode reason();

  Instant asOf();

  static Builder builder() {
    return new Builder();
  }

  static Deactivation of(String skuId, ReasonCode reason, Instant asOf) {
    return builder().skuId(skuId).reason(reason).asOf(asOf).build();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("Deactivation", "skuId", skuId());
  }

  /** Builds a {@link Deactivation}; not thread-safe. */
  final class Builder extends ImmutableDeactivation.Builder {}
}
