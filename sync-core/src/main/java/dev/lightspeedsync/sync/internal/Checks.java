package dev.lightspeedsync.sync.internal;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Validation helpers shared by {@code @Value.Check} methods. Not API.
 *
 * <p>Stateless and thread-safe.
 */
public final class Checks {
  private Checks() {}

  public static void notBlank(String type, String field, String value) {
    if (value.isBlank()) {
      throw new IllegalStateException(type + "." + field + " must not be blank");
    }
  }

  public static void notNegative(String type, String field, long value) {
    if (value < 0) {
      throw new IllegalStateException(type + "." + field + " must not be negative, was " + value);
    }
  }

  public static void positive(String type, String field, long value) {
    if (value <= 0) {
      throw new IllegalStateException(type + "." + field + " must be positive, was " + value);
    }
  }

  public static void notNegative(String type, String field, BigDecimal value) {
    if (value.signum() < 0) {
      throw new IllegalStateException(type + "." + field + " must not be negative, was " + value);
    }
  }

  public static void positive(String type, String field, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalStateException(type + "." + field + " must be positive, was " + value);
    }
  }
}
