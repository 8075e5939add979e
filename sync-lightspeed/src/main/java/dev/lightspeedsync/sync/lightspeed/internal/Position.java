package dev.lightspeedsync.sync.lightspeed.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The checkpoint of one stream: the time from which the next walk starts ({@code since}), the
 * cursor of the next page when a walk was interrupted, and the newest record time seen in the
 * current walk. Stored as {@code since=..&cursor=..&seen=..}.
 */
public record Position(@Nullable Instant since, @Nullable String cursor, @Nullable Instant seen) {
  public static final Position START = new Position(null, null, null);

  public static Position parse(String text) {
    Instant since = null;
    String cursor = null;
    Instant seen = null;
    for (String part : text.split("&")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = part.substring(0, eq);
      String value = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      if (value.isEmpty()) {
        continue;
      }
      switch (key) {
        case "since":
          since = Instant.parse(value);
          break;
        case "cursor":
          cursor = value;
          break;
        case "seen":
          seen = Instant.parse(value);
          break;
        default:
          break;
      }
    }
    return new Position(since, cursor, seen);
  }

  public String format() {
    return "since=" + enc(since == null ? "" : since.toString())
        + "&cursor=" + enc(cursor == null ? "" : cursor)
        + "&seen=" + enc(seen == null ? "" : seen.toString());
  }

  public Optional<String> cursorValue() {
    return Optional.ofNullable(cursor);
  }

  /** Newer of the two, null-tolerant. */
  public static @Nullable Instant max(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isAfter(b) ? a : b;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
