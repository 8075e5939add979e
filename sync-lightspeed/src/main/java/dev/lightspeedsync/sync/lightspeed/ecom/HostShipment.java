package dev.lightspeedsync.sync.lightspeed.ecom;

import java.util.Objects;

/**
 * A shipment the host (a warehouse system, seed 003: "Send shipments and update status") sent for
 * one eCom order: the input of {@link EcomWriter#shipOrders}. The writer marks the order's shipment
 * {@code shipped} with {@link #trackingCode()} and moves the order to {@code completed_shipped},
 * exactly once per {@link #id()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the host's shipment id: the idempotency key (the ledger key is {@code shipment/{id}})
 * @param orderId the eCom order id, as the order import stored it ({@code SalesOrder.id()})
 * @param trackingCode the carrier's tracking code, at most 255 characters
 * @param notifyCustomer whether Lightspeed e-mails the customer that the order shipped and its
 *     tracking code ({@code doNotifyShipped}, {@code doNotifyTrackingCode})
 */
public record HostShipment(String id, String orderId, String trackingCode, boolean notifyCustomer) {
  /** Validates the components. */
  public HostShipment {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(orderId, "orderId == null");
    Objects.requireNonNull(trackingCode, "trackingCode == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("HostShipment.id must not be blank: it makes the shipment happen once");
    }
    if (orderId.isBlank()) {
      throw new IllegalArgumentException("HostShipment.orderId must not be blank");
    }
    if (trackingCode.isBlank() || trackingCode.length() > 255 || trackingCode.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException("HostShipment.trackingCode must be 1 to 255 characters without control"
          + " characters (shipment " + id + ")");
    }
  }

  /** A shipment without customer notification. */
  public static HostShipment of(String id, String orderId, String trackingCode) {
    return new HostShipment(id, orderId, trackingCode, false);
  }

  /** The ledger key of this shipment. */
  public String key() {
    return "shipment/" + id;
  }
}
