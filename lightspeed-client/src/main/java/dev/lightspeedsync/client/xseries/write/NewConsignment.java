package dev.lightspeedsync.client.xseries.write;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A consignment to create with {@code POST /consignments}; by default a supplier purchase order
 * ({@code SUPPLIER}) in status {@code OPEN} (a {@code DISPATCHED} or {@code RECEIVED} supplier
 * consignment cannot be created directly). Add its products with
 * {@code XSeriesClient.addConsignmentProduct}.
 */
@Value.Immutable
public interface NewConsignment {
  /** The receiving outlet. */
  String outletId();

  /** {@code SUPPLIER}, {@code OUTLET}, {@code RETURN} or {@code STOCKTAKE}. */
  @Value.Default
  default String type() {
    return "SUPPLIER";
  }

  /** {@code OPEN} (default) or {@code SENT} for a supplier order. */
  @Value.Default
  default String status() {
    return "OPEN";
  }

  Optional<String> supplierId();

  /** The source outlet of a transfer. */
  Optional<String> sourceOutletId();

  /** The note. */
  Optional<String> name();

  /** The order number: use your purchase order's number to find the consignment again after an unknown outcome. */
  Optional<String> reference();

  Optional<Instant> dueAt();

  @Value.Check
  default void check() {
    Writes.requireId(outletId(), "outletId");
    if (type().equals("SUPPLIER") && (status().equals("DISPATCHED") || status().equals("RECEIVED"))) {
      throw new IllegalArgumentException("a SUPPLIER consignment cannot be created " + status()
          + "; create it OPEN or SENT, add products, then receive it");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewConsignment}. */
  final class Builder extends ImmutableNewConsignment.Builder {}
}
