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
   * Like {@link #parse(String, Instant)}, but an HTTP-date is also measured from the response's own
   * {@code Date} header when that parses, and the longer of the two waits is returned: a client
   * clock running ahead of the server's then cannot cut the pause short (X-Series sends
   * {@code Retry-After} only as an HTTP-date), and a {@code Date} that disagrees with the server's
   * {@code Retry-After} clock cannot either.
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
        Duration d = Duration.between(now, at);
        if (dateHeader != null && !dateHeader.isBlank()) {
          try {
            Instant served = ZonedDateTime.parse(dateHeader.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration byServer = Duration.between(served, at);
            if (byServer.compareTo(d) > 0) {
              d = byServer;
            }
          } catch (DateTimeParseException badDate) {
            // keep the wait measured on our own clock
          }
        }
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
