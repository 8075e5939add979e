package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import dev.lightspeedsync.client.internal.json.RelationListDeserializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A purchase order. Setting {@link #orderedDate()} moves it to "Ordered", {@link #receivedDate()} to "Check-In". Lines are created separately (OrderLine).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableOrder.class)
public interface Order {
  @JsonProperty("orderID")
  long id();

  @JsonProperty("orderedDate")
  Optional<Instant> orderedDate();

  @JsonProperty("receivedDate")
  Optional<Instant> receivedDate();

  @JsonProperty("arrivalDate")
  Optional<Instant> arrivalDate();

  @JsonProperty("refNum")
  Optional<String> refNum();

  @JsonProperty("complete")
  @Value.Default
  default boolean complete() {
    return false;
  }

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  @JsonProperty("vendorID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> vendorId();

  @JsonProperty("shopID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> shopId();

  @JsonProperty("totalQuantity")
  Optional<BigDecimal> totalQuantity();

  @JsonProperty("totalCost")
  Optional<BigDecimal> totalCost();

  @JsonProperty("createTime")
  Optional<Instant> createTime();

  @JsonProperty("timeStamp")
  Optional<Instant> timeStamp();

  /** Empty unless the {@code OrderLines} relation was loaded. */
  @JsonProperty("OrderLines")
  @JsonDeserialize(using = RelationListDeserializer.class)
  List<OrderLine> lines();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Order}, for example in tests of host code. */
  final class Builder extends ImmutableOrder.Builder {}
}
