package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An eCom order (read and update only: orders are created through checkouts). Its lines are read
 * with {@code EcomClient.orderLines(orderId)}; its shipments with
 * {@code EcomClient.shipmentsOfOrder(orderId)}. Whether it is paid is {@link #paymentStatus()} ==
 * {@link PaymentStatus#PAID} ({@link #isPaid()}): the API has no {@code isPaid} field. Cash on
 * delivery is a property of the chosen shipping method, {@code shipmentIsCashOnDelivery}
 * ({@link #isCashOnDelivery()}); such an order stays {@code not_paid} until it is delivered.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableOrder.class)
public interface Order {
  @JsonProperty("id")
  long id();

  @JsonProperty("createdAt")
  Optional<Instant> createdAt();

  @JsonProperty("updatedAt")
  Optional<Instant> updatedAt();

  /** The order number shown to the customer, e.g. {@code ORD00018} (a string). */
  @JsonProperty("number")
  Optional<String> number();

  /** The raw wire value of {@code status}. */
  @JsonProperty("status")
  Optional<String> statusRaw();

  @JsonProperty("customStatusId")
  Optional<Long> customStatusId();

  /** The raw wire value of {@code paymentStatus}. */
  @JsonProperty("paymentStatus")
  Optional<String> paymentStatusRaw();

  /** The raw wire value of {@code shipmentStatus}. */
  @JsonProperty("shipmentStatus")
  Optional<String> shipmentStatusRaw();

  /** The sales channel, e.g. {@code main}, {@code facebook}, {@code api}, {@code mobile}. */
  @JsonProperty("channel")
  Optional<String> channel();

  /** The payment method's id, e.g. {@code ideal} or a provider-specific key. */
  @JsonProperty("paymentId")
  Optional<String> paymentId();

  /** The payment method's title as the customer saw it. */
  @JsonProperty("paymentTitle")
  Optional<String> paymentTitle();

  /** The shipping method's id, e.g. {@code core|33265|55707}. */
  @JsonProperty("shipmentId")
  Optional<String> shipmentId();

  @JsonProperty("shipmentTitle")
  Optional<String> shipmentTitle();

  /** Whether the customer pays on delivery ({@code shipmentIsCashOnDelivery}). */
  @JsonProperty("shipmentIsCashOnDelivery")
  Optional<Boolean> shipmentIsCashOnDelivery();

  /** Whether the customer picks the order up ({@code shipmentIsPickup}). */
  @JsonProperty("shipmentIsPickup")
  Optional<Boolean> shipmentIsPickup();

  /** Whether the payment method is "pay by post" ({@code paymentIsPost}). */
  @JsonProperty("paymentIsPost")
  Optional<Boolean> paymentIsPost();

  /**
   * When the order was (or is planned to be) shipped ({@code shippingDate}), as Lightspeed writes it
   * (a date-time or a date; its shape is not documented).
   */
  @JsonProperty("shippingDate")
  Optional<String> shippingDate();

  /** The delivery date the customer chose ({@code deliveryDate}), as Lightspeed writes it. */
  @JsonProperty("deliveryDate")
  Optional<String> deliveryDate();

  /** The shop's internal note ({@code memo}). */
  @JsonProperty("memo")
  Optional<String> memo();

  @JsonProperty("priceCost")
  Optional<BigDecimal> priceCost();

  @JsonProperty("priceExcl")
  Optional<BigDecimal> priceExcl();

  @JsonProperty("priceIncl")
  Optional<BigDecimal> priceIncl();

  @JsonProperty("email")
  Optional<String> email();

  @JsonProperty("firstname")
  Optional<String> firstName();

  @JsonProperty("lastname")
  Optional<String> lastName();

  @JsonProperty("companyName")
  Optional<String> companyName();

  @JsonProperty("language")
  Optional<Language> language();

  @JsonProperty("customer")
  Optional<Relation> customer();

  /** To-many link to the order's lines. */
  @JsonProperty("products")
  Optional<Relation> products();

  @JsonProperty("shipments")
  Optional<Relation> shipments();

  @JsonProperty("invoices")
  Optional<Relation> invoices();

  /** The status; {@link OrderStatus#UNKNOWN} for an absent or new value (see {@link #statusRaw()}). */
  default OrderStatus status() {
    return OrderStatus.fromWire(statusRaw().orElse(""));
  }

  /** The payment status; {@link PaymentStatus#UNKNOWN} for an absent or new value. */
  default PaymentStatus paymentStatus() {
    return PaymentStatus.fromWire(paymentStatusRaw().orElse(""));
  }

  /** The shipment status; {@link ShipmentStatus#UNKNOWN} for an absent or new value. */
  default ShipmentStatus shipmentStatus() {
    return ShipmentStatus.fromWire(shipmentStatusRaw().orElse(""));
  }

  /** Whether {@code paymentStatus} is {@code paid}. */
  default boolean isPaid() {
    return paymentStatus() == PaymentStatus.PAID;
  }

  /** Whether the customer pays on delivery ({@code shipmentIsCashOnDelivery} is true). */
  default boolean isCashOnDelivery() {
    return shipmentIsCashOnDelivery().orElse(false);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Order}, for example in tests of host code. */
  final class Builder extends ImmutableOrder.Builder {}
}
