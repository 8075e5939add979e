package dev.lightspeedsync.client.retail.write;

import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * An absolute quantity on hand for an item in one shop (R-Series stock writes set values, they do
 * not add deltas). The quantity cannot be negative and the all-shops summary row (shop 0) cannot
 * be written.
 */
@Value.Immutable
public interface ItemShopQuantity {
  @Value.Parameter
  long shopId();

  @Value.Parameter
  BigDecimal quantityOnHand();

  @Value.Check
  default void check() {
    if (shopId() <= 0) {
      throw new IllegalArgumentException("shopId must be a real shop (> 0) but was " + shopId()
          + "; shop 0 is the read-only all-shops summary row");
    }
    if (quantityOnHand().signum() < 0) {
      throw new IllegalArgumentException("quantityOnHand cannot be negative through the API but was "
          + quantityOnHand().toPlainString());
    }
  }

  static ItemShopQuantity of(long shopId, BigDecimal quantityOnHand) {
    return ImmutableItemShopQuantity.of(shopId, quantityOnHand);
  }
}
