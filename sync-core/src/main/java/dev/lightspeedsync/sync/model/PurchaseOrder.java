package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A purchase order kept by the host ("Lightspeed does not work with purchase orders", seed 000).
 * Receipts arrive in parts and are applied by the purchase order rule, which returns the updated order;
 * {@link #appliedReceiptIds()} makes applying the same receipt twice a no-op. {@link #status()} is
 * derived from the lines unless the order was {@linkplain #closedManually() closed by hand}.
 * Immutable, thread-safe.
 */
@Value.Immutable
public interface PurchaseOrder extends WithPurchaseOrder {
  String id();

  /** The supplier; absent when unknown. */
  Optional<String> supplierId();

  /** Where the goods are received (the default location for buy orders, seed 001). */
  String locationId();

  Instant createdAt();

  List<PurchaseOrderLine> lines();

  /** True once a user closed the order by hand. */
  @Value.Default
  default boolean closedManually() {
    return false;
  }

  /** Ids of receipts already applied; insertion-ordered. */
  Set<String> appliedReceiptIds();

  /** Derived from the lines and {@link #closedManually()}. */
  @Value.Derived
  default PurchaseOrderStatus status() {
    if (closedManually()) {
      return PurchaseOrderStatus.CLOSED;
    }
    boolean anyReceived = false;
    boolean allReceived = true;
    for (PurchaseOrderLine line : lines()) {
      anyReceived |= line.receivedQuantity() > 0;
      allReceived &= line.outstandingQuantity() == 0;
    }
    if (allReceived) {
      return PurchaseOrderStatus.RECEIVED;
    }
    return anyReceived ? PurchaseOrderStatus.PARTIALLY_RECEIVED : PurchaseOrderStatus.OPEN;
  }

  /** Units of {@code skuId} still expected on this order; zero once closed or received. */
  default long openQuantity(String skuId) {
    if (status() == PurchaseOrderStatus.CLOSED) {
      return 0;
    }
    long open = 0;
    for (PurchaseOrderLine line : lines()) {
      if (line.skuId().equals(skuId)) {
        open += line.outstandingQuantity();
      }
    }
    return open;
  }

  static Builder builder() {
    return new Builder();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("PurchaseOrder", "id", id());
    Checks.notBlank("PurchaseOrder", "locationId", locationId());
    if (lines().isEmpty()) {
      throw new IllegalStateException("PurchaseOrder.lines must not be empty (order " + id() + ")");
    }
    Set<String> ids = new HashSet<>();
    for (PurchaseOrderLine line : lines()) {
      if (!ids.add(line.lineId())) {
        throw new IllegalStateException(
            "PurchaseOrder.lines has line id " + line.lineId() + " twice (order " + id() + ")");
      }
    }
  }

  /** Builds a {@link PurchaseOrder}; not thread-safe. */
  final class Builder extends ImmutablePurchaseOrder.Builder {}
}
