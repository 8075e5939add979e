package dev.lightspeedsync.sync.model;

import java.util.Locale;

/**
 * Whether a product is shown in the shop, as Lightspeed reports it. The visibility rule syncs
 * {@link #VISIBLE} and {@link #AUTO} SKUs and deactivates {@link #HIDDEN} ones (seed 000).
 *
 * <p>Forward compatible: a wire value this SDK does not know maps to {@link #UNKNOWN}; the raw value
 * stays available in {@link Sku#visibilityRaw()}.
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum Visibility {
  /** "Always visible". */
  VISIBLE,
  /** "Visible when in stock" / "for sale due to lack of stock". */
  AUTO,
  /** "Hidden" / "Stop selling". */
  HIDDEN,
  /** A value this version does not know; kept and reported, never crashed on. */
  UNKNOWN;

  /**
   * Maps a Lightspeed wire value ({@code visible}, {@code auto}, {@code hidden}, and the R-Series
   * style {@code true}/{@code false} of a "publish" flag) to a constant; anything else is
   * {@link #UNKNOWN}.
   */
  public static Visibility fromWire(String raw) {
    switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "visible":
      case "always":
      case "true":
        return VISIBLE;
      case "auto":
        return AUTO;
      case "hidden":
      case "false":
        return HIDDEN;
      default:
        return UNKNOWN;
    }
  }
}
