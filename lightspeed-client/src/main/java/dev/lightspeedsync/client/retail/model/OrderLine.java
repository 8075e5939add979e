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
 * A line of a purchase order. {@link #numReceived()} is received but not yet checked in; {@link #checkedIn()} is already in stock.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableOrderLine.class)
public interface OrderLine {
  @JsonProperty("orderLineID")
  long id();

  @JsonProperty("orderID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> orderId();

  @JsonProperty("itemID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> itemId();

  @JsonProperty("quantity")
  @Value.Default
  default BigDecimal quantity() {
    return BigDecimal.ZERO;
  }

  @JsonProperty("price")
  Optional<BigDecimal> price();

  @JsonProperty("originalPrice")
  Optional<BigDecimal> originalPrice();

  @JsonProperty("checkedIn")
  @Value.Default
  default BigDecimal checkedIn() {
    return BigDecimal.ZERO;
  }

  @JsonProperty("numReceived")
  @Value.Default
  default BigDecimal numReceived() {
    return BigDecimal.ZERO;
  }

  @JsonProperty("total")
  Optional<BigDecimal> total();

  @JsonProperty("createTime")
  Optional<Instant> createTime();

  @JsonProperty("timeStamp")
  Optional<Instant> timeStamp();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link OrderLine}, for example in tests of host code. */
  final class Builder extends ImmutableOrderLine.Builder {}
}
