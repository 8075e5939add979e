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
 * An item's stock in one shop. The row with shop id 0 is Lightspeed's all-shops summary (see
 * {@link #isSummaryRow()}); never write to it. Read through {@code RetailClient.itemShops()}, the
 * change feed for stock: an Item's own timestamp does not move when its stock does.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableItemShop.class)
public interface ItemShop {
  @JsonProperty("itemShopID")
  long id();

  @JsonProperty("itemID")
  long itemId();

  /** The shop; 0 for the all-shops summary row. */
  @JsonProperty("shopID")
  long shopId();

  /** Quantity on hand; may be negative when oversold. */
  @JsonProperty("qoh")
  @Value.Default
  default BigDecimal quantityOnHand() {
    return BigDecimal.ZERO;
  }

  /** Quantity on open purchase orders. */
  @JsonProperty("backorder")
  @Value.Default
  default BigDecimal backorder() {
    return BigDecimal.ZERO;
  }

  @JsonProperty("reorderPoint")
  @Value.Default
  default BigDecimal reorderPoint() {
    return BigDecimal.ZERO;
  }

  @JsonProperty("reorderLevel")
  @Value.Default
  default BigDecimal reorderLevel() {
    return BigDecimal.ZERO;
  }

  @JsonProperty("componentQoh")
  Optional<BigDecimal> componentQuantityOnHand();

  @JsonProperty("onLayaway")
  Optional<BigDecimal> onLayaway();

  @JsonProperty("onSpecialOrder")
  Optional<BigDecimal> onSpecialOrder();

  @JsonProperty("onWorkOrder")
  Optional<BigDecimal> onWorkOrder();

  @JsonProperty("onTransferIn")
  Optional<BigDecimal> onTransferIn();

  @JsonProperty("onTransferOut")
  Optional<BigDecimal> onTransferOut();

  /** Average cost; Lightspeed fills it on the summary row only. */
  @JsonProperty("averageCost")
  Optional<BigDecimal> averageCost();

  @JsonProperty("timeStamp")
  Optional<Instant> timeStamp();

  /** True for the all-shops summary row (shop id 0). */
  default boolean isSummaryRow() {
    return shopId() == 0;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ItemShop}, for tests of host code. */
  final class Builder extends ImmutableItemShop.Builder {}
}
