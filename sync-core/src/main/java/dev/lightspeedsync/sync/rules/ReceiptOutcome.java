package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.ReasonCode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What applying one receipt to one purchase order did. When {@link #applied()} is false the order is
 * returned unchanged and {@link #rejectedBecause()} says why. {@link #notes()} lists per-line reasons
 * (rejected, capped or accepted over-receipts; recordId {@code receiptId/lineId}). Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface ReceiptOutcome {
  /** The order after the receipt (unchanged when not applied). Store it. */
  PurchaseOrder purchaseOrder();

  boolean applied();

  Optional<ReasonCode> rejectedBecause();

  List<Exclusion> notes();

  /** Stock bookings to execute; empty unless booking is enabled and the receipt was applied. */
  List<StockBooking> bookings();

  /** {@code BOOKING_DISABLED} when the receipt was applied but booking is off. */
  Optional<ReasonCode> bookingSkippedBecause();
}
