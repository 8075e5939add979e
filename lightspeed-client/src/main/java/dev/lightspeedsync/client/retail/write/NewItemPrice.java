package dev.lightspeedsync.client.retail.write;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One price of an item to write, at a price level named by id ({@code useTypeID}, the
 * {@code priceLevelID}) or by name ({@code useType}: {@code Default}, {@code MSRP}, {@code Online}
 * or a custom level).
 */
@Value.Immutable
public interface NewItemPrice {
  Optional<Long> priceLevelId();

  Optional<String> useType();

  BigDecimal amount();

  @Value.Check
  default void check() {
    if (priceLevelId().isEmpty() == useType().isEmpty()) {
      throw new IllegalArgumentException("an item price names its level either by priceLevelId or by useType");
    }
    if (amount().signum() < 0) {
      throw new IllegalArgumentException("a price cannot be negative but was " + amount().toPlainString());
    }
  }

  /** A price at the price level with this id. */
  static NewItemPrice atLevel(long priceLevelId, BigDecimal amount) {
    return ImmutableNewItemPrice.builder().priceLevelId(priceLevelId).amount(amount).build();
  }

  /** A price at the level with this name, for example {@code Default} or {@code MSRP}. */
  static NewItemPrice of(String useType, BigDecimal amount) {
    return ImmutableNewItemPrice.builder().useType(useType).amount(amount).build();
  }
}
