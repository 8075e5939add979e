package dev.lightspeedsync.testkit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money/decimal formatting as the APIs print it. */
public final class Money {
  private Money() {}

  /** Two decimals, or more when the value has more ({@code "51.73875"}). */
  public static String fmt(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.scale() <= 2) {
      return v.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
    return s.toPlainString();
  }

  public static BigDecimal cents(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  public static BigDecimal parse(String s) {
    if (s == null || s.isBlank()) {
      return BigDecimal.ZERO;
    }
    return new BigDecimal(s.trim());
  }
}
