package dev.lightspeedsync.client.xseries.write;

import java.math.BigDecimal;
import java.util.Optional;

/** Validation shared by the write inputs. */
final class Writes {
  private Writes() {}

  static void requireId(String id, String name) {
    if (id.isBlank()) {
      throw new IllegalArgumentException(name + " is blank; pass the id the API returned");
    }
  }

  static void requireNonNegative(Optional<BigDecimal> value, String name) {
    value.ifPresent(v -> requireNonNegative(v, name));
  }

  static void requireNonNegative(BigDecimal value, String name) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " cannot be negative but was " + value.toPlainString());
    }
  }
}
