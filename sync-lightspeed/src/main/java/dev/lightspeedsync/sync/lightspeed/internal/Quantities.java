package dev.lightspeedsync.sync.lightspeed.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/** Conversions every connector's mapping shares: decimal quantities to whole units, the later of two times. */
public final class Quantities {
  private Quantities() {}

  /**
   * Whole units, rounding half away from zero: R-Series and X-Series send quantities as decimals,
   * sync-core counts whole units. The sign is kept (returns and negative stock stay negative).
   */
  public static long wholeUnits(BigDecimal quantity) {
    return quantity.setScale(0, RoundingMode.HALF_UP).longValue();
  }

  /** The later of two optional times; either when the other is absent. */
  public static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }
}
