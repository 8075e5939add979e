package dev.lightspeedsync.sync.model;

import java.util.Locale;

/**
 * How Lightspeed tracks stock for a SKU (eCom {@code stockTracking}). Variants whose stock is not
 * tracked ({@link #DISABLED}) are not synced (seed 000).
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum StockTracking {
  /** Stock is tracked and enforced. */
  ENABLED,
  /** Stock is tracked and only shown as an indicator. */
  INDICATOR,
  /** Stock is not tracked: the SKU is left out of the sync. */
  DISABLED,
  /** A value this version does not know; kept and reported. */
  UNKNOWN;

  /** Maps a wire value ({@code enabled}, {@code indicator}, {@code disabled}); otherwise {@link #UNKNOWN}. */
  public static StockTracking fromWire(String raw) {
    switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "enabled":
        return ENABLED;
      case "indicator":
        return INDICATOR;
      case "disabled":
        return DISABLED;
      default:
        return UNKNOWN;
    }
  }
}
