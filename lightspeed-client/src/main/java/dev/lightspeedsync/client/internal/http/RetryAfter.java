package dev.lightspeedsync.client.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Parses {@code Retry-After}: delta-seconds or an HTTP-date. Pure. */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * The wait a {@code Retry-After} value asks for, measured from {@code now}; empty when absent or
   * unparseable. An HTTP-date in the past gives zero.
   */
  public static Optional<Duration> parse(@Nullable String value, Instant now) {
    return parse(value, now, null);
  }

  /**
   * Like {@link #parse(String, Instant)}, but an HTTP-date is measured from the response's own
   * {@code Date} header when that parses, so that a skewed client clock neither cuts the wait
   * short nor stretches it (X-Series sends {@code Retry-After} only as an HTTP-date).
   */
  public static Optional<Duration> parse(@Nullable String value, Instant now, @Nullable String dateHeader) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      double seconds = Double.parseDouble(v);
      if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Instant from = now;
        if (dateHeader != null && !dateHeader.isBlank()) {
          try {
            from = ZonedDateTime.parse(dateHeader.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          } catch (DateTimeParseException badDate) {
            from = now;
          }
        }
        Duration d = Duration.between(from, at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
