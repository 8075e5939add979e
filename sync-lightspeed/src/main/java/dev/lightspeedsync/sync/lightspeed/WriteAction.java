package dev.lightspeedsync.sync.lightspeed;

import java.util.Objects;
import java.util.Optional;

/**
 * One write to Lightspeed as planned or performed by {@code RetailWriter} or {@code EcomWriter}: what it is about
 * ({@link #kind()}, {@link #key()}), the request in words ({@link #request()}, for example
 * {@code PUT Item/12.json ItemShop shop 1 qoh 5 -> 8}), what happened ({@link #status()}), why
 * ({@link #detail()}) and what Lightspeed returned ({@link #externalId()}). In a dry run every write
 * that would be sent has status {@link Status#PLANNED}. {@link #toString()} is one printable line.
 *
 * @param kind what kind of write
 * @param key the record the write is about: a booking key, a host order id, a purchase order id, a
 *     {@code skuId@locationId} stock key, a {@code shipment/{id}} key, a host product or customer id
 * @param request the request in words, with the absolute values it sets
 * @param status what happened
 * @param detail why, in words a user understands; empty when there is nothing to add
 * @param externalId what Lightspeed returned (a sale id, an order id, an item or customer id), when known
 */
public record WriteAction(Kind kind, String key, String request, Status status, String detail,
    Optional<String> externalId) {

  /** What kind of write. */
  public enum Kind {
    /** An absolute quantity on hand pushed from host availability. */
    STOCK_PUSH,
    /** A purchase-order receipt raising Lightspeed stock, exactly once. */
    STOCK_BOOKING,
    /** A host order exported as a completed sale, exactly once. */
    ORDER_EXPORT,
    /** A host purchase order created as an R-Series Order. */
    BUY_ORDER,
    /** One OrderLine of a buy order. */
    BUY_ORDER_LINE,
    /** A host shipment written back to an eCom order (tracking code, shipped status), exactly once. */
    SHIPMENT,
    /** A host product created or updated as an R-Series Item (created exactly once). */
    PRODUCT_EXPORT,
    /** A host customer created or updated as an R-Series Customer with its Contact (created exactly once). */
    CUSTOMER_EXPORT,
    /**
     * A host receipt received as an X-Series SUPPLIER consignment (created, products with their
     * received quantities, then RECEIVED), exactly once.
     */
    CONSIGNMENT_RECEIPT
  }

  /** What happened to a write. */
  public enum Status {
    /** Dry run: this request would be sent; nothing was sent. */
    PLANNED,
    /** Sent, answered with success and (where there is a ledger) confirmed in it. */
    DONE,
    /** Already done earlier (ledger or Lightspeed says so); nothing sent. */
    ALREADY_DONE,
    /**
     * An earlier write whose outcome was unknown turned out to be applied; it was confirmed in the
     * ledger without being sent again.
     */
    RECOVERED,
    /**
     * The outcome is unknown and Lightspeed does not show it yet; the next run checks again and
     * sends it again only when Lightspeed shows it was not applied.
     */
    PENDING,
    /**
     * Lightspeed's state fits neither "applied" nor "not applied": nothing was sent and a
     * connection-log issue tells the user what to check.
     */
    NEEDS_ATTENTION,
    /** Lightspeed refused the request; nothing was applied. The next run tries again. */
    FAILED,
    /** Not sent because of a data problem (for example a SKU that is not an R-Series item id). */
    SKIPPED
  }

  /** Validates and keeps the components. */
  public WriteAction {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(detail, "detail == null");
    Objects.requireNonNull(externalId, "externalId == null");
  }

  public static WriteAction of(Kind kind, String key, String request, Status status, String detail) {
    return new WriteAction(kind, key, request, status, detail, Optional.empty());
  }

  public WriteAction withExternalId(String id) {
    return new WriteAction(kind, key, request, status, detail, Optional.of(id));
  }

  @Override
  public String toString() {
    return status + " " + kind + " " + key + ": " + request
        + externalId.map(id -> " => " + id).orElse("") + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
