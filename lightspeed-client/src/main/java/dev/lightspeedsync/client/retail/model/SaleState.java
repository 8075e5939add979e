package dev.lightspeedsync.client.retail.model;

/** The state of an R-Series sale, derived from its {@code completed} and {@code voided} flags. */
public enum SaleState {
  /** Paid and completed: stock was removed and payments equal the total. */
  COMPLETED,
  /** In progress (what other systems call saved or pending): not completed, not voided. */
  OPEN,
  /** Voided: excluded from totals, stock restocked. Never demand. */
  VOIDED
}
