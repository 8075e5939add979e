package dev.lightspeedsync.client.internal.ecom;

import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The eCom rate-limit headers of one response, parsed leniently. {@code X-RateLimit-Limit},
 * {@code -Remaining} and {@code -Reset} each hold three slash-separated values, for the 5-minute,
 * hourly and daily windows in that order; {@code Reset} is in seconds until the window resets.
 * A window whose three values are not all present and numeric is null. Pure.
 */
public record RateHeaders(@Nullable Window fiveMinutes, @Nullable Window hour, @Nullable Window day) {
  /** Index of each window in {@link #windows()}. */
  public static final int FIVE_MINUTES = 0;

  public static final int HOUR = 1;
  public static final int DAY = 2;

  /**
   * One window as the server reported it.
   *
   * @param limit requests allowed in the window
   * @param remaining requests left ({@code -1} has been seen on the window that was exceeded)
   * @param resetSeconds seconds until the window resets (never negative)
   */
  public record Window(long limit, long remaining, long resetSeconds) {}

  public static RateHeaders parse(Headers headers) {
    long[] limit = triple(headers.get("X-RateLimit-Limit"));
    long[] remaining = triple(headers.get("X-RateLimit-Remaining"));
    long[] reset = triple(headers.get("X-RateLimit-Reset"));
    Window[] w = new Window[3];
    for (int i = 0; i < 3; i++) {
      if (limit != null && remaining != null && reset != null && limit[i] > 0) {
        w[i] = new Window(limit[i], remaining[i], Math.max(0, reset[i]));
      }
    }
    return new RateHeaders(w[0], w[1], w[2]);
  }

  /** The windows in header order; elements may be null. */
  public @Nullable Window[] windows() {
    return new Window[] {fiveMinutes, hour, day};
  }

  /** Whether any window could be read. */
  public boolean any() {
    return fiveMinutes != null || hour != null || day != null;
  }

  private static long @Nullable [] triple(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String[] parts = value.split("/", -1);
    if (parts.length != 3) {
      return null;
    }
    long[] out = new long[3];
    for (int i = 0; i < 3; i++) {
      try {
        out[i] = Long.parseLong(parts[i].trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return out;
  }
}
