package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One payment of an X-Series sale.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableSalePayment.class)
public interface SalePayment {
  @JsonProperty("id")
  Optional<String> id();

  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("register_id")
  Optional<String> registerId();

  @JsonProperty("retailer_payment_type_id")
  Optional<String> retailerPaymentTypeId();

  @JsonProperty("payment_type_id")
  Optional<String> paymentTypeId();

  @JsonProperty("payment_date")
  Optional<Instant> paymentDate();

  @JsonProperty("amount")
  Optional<BigDecimal> amount();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SalePayment}, for example in tests of host code. */
  final class Builder extends ImmutableSalePayment.Builder {}
}
