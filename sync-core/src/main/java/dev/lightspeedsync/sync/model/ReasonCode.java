package dev.lightspeedsync.sync.model;

/**
 * Why a rule did what it did. Every exclusion, deactivation, skipped push and data-quality entry
 * carries one, so "why is this record missing?" is answered from data instead of logs. The
 * codes are grouped by rule; each group names the seed files it comes from.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum ReasonCode {
  // Rule 1: visibility and stock tracking (seed 000)
  /** Product visibility is "Hidden" / "Stop selling". */
  HIDDEN,
  /** The variant's stock is not tracked. */
  STOCK_NOT_TRACKED,
  /**
   * The source record could not be read (a field of the wrong type, a missing id): logged with its
   * id, the rest of its page is stored.
   */
  MALFORMED_RECORD,
  /** Deleted or archived at the source. */
  DELETED_AT_SOURCE,
  /** Visibility value this SDK does not know; kept and reported. */
  UNKNOWN_VISIBILITY,
  /** Stock tracking value this SDK does not know; kept and reported. */
  UNKNOWN_STOCK_TRACKING,

  // Rule 2: purchase price and supplier (seed 000)
  /** No supplier assigned in Lightspeed: "Unknown Supplier". */
  UNKNOWN_SUPPLIER,
  /** The configured purchase price field has no value. */
  PURCHASE_PRICE_MISSING,

  // Rule 3: locations (seeds 001, 002, 004)
  /** The record's location is not among the selected locations. */
  LOCATION_NOT_SELECTED,
  /** The record carries no location although location selection requires one. */
  LOCATION_MISSING,
  /** A configured location code matches no location exactly (case-sensitive). */
  LOCATION_CODE_NOT_FOUND,
  /** A mapped outlet does not exist at the source. */
  OUTLET_NOT_FOUND,

  // Rule 4: sales selection (seeds 001, 003)
  /** Not completed and "sync all sales" is off. */
  SALE_NOT_COMPLETED,
  /** Voided or cancelled: never demand. */
  SALE_VOIDED,
  /** Status this SDK does not know. */
  SALE_STATUS_UNKNOWN,
  /** Not paid, and the import mode needs paid (or cash on delivery). */
  ORDER_NOT_PAID,
  /** Already shipped. */
  ORDER_ALREADY_SHIPPED,
  /** Last changed before the change window. */
  ORDER_OUTSIDE_CHANGE_WINDOW,
  /** The sale comes from the other product line than the rule's mode. */
  WRONG_CHANNEL,

  // Rule 5: composites (seeds 000, 002)
  /** The composite definitions form a cycle. */
  COMPOSITE_CYCLE,
  /** The composite nests deeper than allowed. */
  COMPOSITE_TOO_DEEP,
  /** Two definitions name the same composite; the first is used. */
  COMPOSITE_DEFINED_TWICE,

  // Rule 6: purchase orders (seeds 000, 001)
  /** The receipt was applied before; nothing changes. */
  RECEIPT_ALREADY_APPLIED,
  /** The receipt names a purchase order line that does not exist. */
  RECEIPT_LINE_UNKNOWN,
  /** The receipt targets a different or a closed purchase order. */
  PURCHASE_ORDER_CLOSED,
  /** The receipt targets a different purchase order. */
  PURCHASE_ORDER_MISMATCH,
  /** More received than outstanding, rejected by policy. */
  OVER_RECEIPT_REJECTED,
  /** More received than outstanding, capped to the outstanding quantity by policy. */
  OVER_RECEIPT_CAPPED,
  /** More received than outstanding, accepted by policy. */
  OVER_RECEIPT_ACCEPTED,
  /** Stock booking is off (the default). */
  BOOKING_DISABLED,
  /** The ledger already holds this booking or export. */
  ALREADY_IN_LEDGER,
  /**
   * A write was sent but its outcome is unknown and Lightspeed's current state does not tell whether
   * it was applied: a person must check before it is repeated.
   */
  WRITE_OUTCOME_UNKNOWN,
  /** A write cannot be made as asked (for example a stock level the API cannot set). */
  WRITE_NOT_POSSIBLE,

  // Rule 7: availability (seed 002, 003)
  /** Value unchanged since the last push. */
  UNCHANGED_SINCE_LAST_PUSH,
  /** Read-only mode: nothing is written to Lightspeed. */
  READ_ONLY,
  /** Stock push is switched off. */
  PUSH_DISABLED,

  // Rule 8: products (seeds 002, 003, 004)
  /** The record has no SKU code. */
  SKU_MISSING,
  /** Two or more records share the SKU code (after whitespace handling). */
  SKU_DUPLICATE,
  /** No counterpart with the same SKU on the other side. */
  SKU_NOT_LINKED,
  /** None of the enabled item import filters holds. */
  IMPORT_FILTER_NOT_MET,
  /** The configured price level has no price for the item. */
  PRICE_LEVEL_MISSING,
  /** Item cannot be published: no price on the selected level. */
  PUBLISH_PRICE_MISSING,
  /** Item cannot be published: no UPC, EAN or manufacturer SKU. */
  PUBLISH_IDENTIFIER_MISSING,

  // Rule 9: order export (seed 004)
  /** Balance due is not zero: not "paid in full". */
  ORDER_NOT_BALANCED,
  /** Not every item is fulfilled and the configuration requires it. */
  ORDER_NOT_FULFILLED,
  /** Order export is switched off. */
  EXPORT_DISABLED
}
