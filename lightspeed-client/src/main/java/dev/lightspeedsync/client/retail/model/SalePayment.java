package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A payment of a sale.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableSalePayment.class)
public interface SalePayment {
  @JsonProperty("salePaymentID")
  long id();

  @JsonProperty("amount")
  @Value.Default
  default BigDecimal amount() {
    return BigDecimal.ZERO;
  }

  @JsonProperty("paymentTypeID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> paymentTypeId();

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  @JsonProperty("createTime")
  Optional<Instant> createTime();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SalePayment}, for example in tests of host code. */
  final class Builder extends ImmutableSalePayment.Builder {}
}
