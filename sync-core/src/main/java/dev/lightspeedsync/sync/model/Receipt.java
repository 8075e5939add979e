package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * Goods received against a purchase order; an order may be received in several parts (seed 000).
 * {@link #id()} must be stable across retries: it is what makes booking the receipt idempotent.
 * Immutable, thread-safe.
 */
@Value.Immutable
public interface Receipt extends WithReceipt {
  String id();

  String purchaseOrderId();

  Instant receivedAt();

  List<ReceiptLine> lines();

  static Builder builder() {
    return new Builder();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("Receipt", "id", id());
    Checks.notBlank("Receipt", "purchaseOrderId", purchaseOrderId());
    if (lines().isEmpty()) {
      throw new IllegalStateException("Receipt.lines must not be empty (receipt " + id() + ")");
    }
  }

  /** Builds a {@link Receipt}; not thread-safe. */
  final class Builder extends ImmutableReceipt.Builder {}
}
