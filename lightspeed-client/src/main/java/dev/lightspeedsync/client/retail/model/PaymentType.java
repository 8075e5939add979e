package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A method of payment (Cash, Credit Card, Gift Card, a user-defined one ...). Every sale payment
 * names one by id: find it by {@link #name()} with
 * {@link dev.lightspeedsync.client.retail.RetailClient#findPaymentType(String)}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutablePaymentType.class)
public interface PaymentType {
  @JsonProperty("paymentTypeID")
  long id();

  @JsonProperty("name")
  String name();

  /**
   * One of {@code cash}, {@code gift card}, {@code credit account}, {@code credit card},
   * {@code ecom}, {@code adjustment} (the reserved types) or {@code user defined}.
   */
  @JsonProperty("type")
  Optional<String> type();

  /** A sale using this payment type needs a customer. */
  @JsonProperty("requireCustomer")
  @Value.Default
  default boolean requireCustomer() {
    return false;
  }

  /** A predefined, system payment type that cannot be changed. */
  @JsonProperty("internalReserved")
  @Value.Default
  default boolean internalReserved() {
    return false;
  }

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  /** The payment type refunds are paid with; empty when any may be used. */
  @JsonProperty("refundAsPaymentTypeID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> refundAsPaymentTypeId();

  /**
   * Whether this payment type is called {@code name}, ignoring case and surrounding spaces, the way
   * {@link dev.lightspeedsync.client.retail.RetailClient#findPaymentType(String)} matches.
   */
  default boolean hasName(String name) {
    return name().strip().equalsIgnoreCase(name.strip());
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PaymentType}, for example in tests of host code. */
  final class Builder extends ImmutablePaymentType.Builder {}
}
