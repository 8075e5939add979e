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
 * A line of a sale. {@link #unitQuantity()} is negative on refund lines.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableSaleLine.class)
public interface SaleLine {
  @JsonProperty("saleLineID")
  long id();

  @JsonProperty("saleID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> saleId();

  @JsonProperty("itemID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> itemId();

  @JsonProperty("shopID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> shopId();

  @JsonProperty("unitQuantity")
  @Value.Default
  default BigDecimal unitQuantity() {
    return BigDecimal.ZERO;
  }

  @JsonProperty("unitPrice")
  Optional<BigDecimal> unitPrice();

  @JsonProperty("normalUnitPrice")
  Optional<BigDecimal> normalUnitPrice();

  @JsonProperty("calcTotal")
  Optional<BigDecimal> calcTotal();

  @JsonProperty("calcSubtotal")
  Optional<BigDecimal> calcSubtotal();

  @JsonProperty("avgCost")
  Optional<BigDecimal> avgCost();

  @JsonProperty("isLayaway")
  @Value.Default
  default boolean layaway() {
    return false;
  }

  @JsonProperty("isWorkorder")
  @Value.Default
  default boolean workorder() {
    return false;
  }

  @JsonProperty("isSpecialOrder")
  @Value.Default
  default boolean specialOrder() {
    return false;
  }

  @JsonProperty("parentSaleLineID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> parentSaleLineId();

  @JsonProperty("lineType")
  Optional<String> lineType();

  @JsonProperty("createTime")
  Optional<Instant> createTime();

  @JsonProperty("timeStamp")
  Optional<Instant> timeStamp();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SaleLine}, for example in tests of host code. */
  final class Builder extends ImmutableSaleLine.Builder {}
}
