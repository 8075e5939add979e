package dev.lightspeedsync.testkit.internal;

import dev.lightspeedsync.testkit.TimeSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The X-Series limit: {@code 300 x registers + 50} requests per 5-minute window, kept per application
 * (personal token, OAuth client). A sliding window: a request is admitted when fewer than the limit
 * were admitted in the last 300 seconds of API time, so no burst across a window edge gets through.
 */
public final class XLimiter {
  public static final long WINDOW_MILLIS = 300_000;
  /** IMF-fixdate (RFC 7231 / RFC 1123 with a two-digit day), e.g. {@code Wed, 15 Jul 2020 15:04:05 GMT}. */
  public static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** Outcome of one admission. */
  public record Admission(boolean allowed, int limit, int remaining, String retryAfter) {}

  private final TimeSource clock;
  private final int limit;
  private final Map<String, ArrayDeque<Long>> windows = new ConcurrentHashMap<>();
  private long rejected;
  private int peak;

  public XLimiter(TimeSource clock, int limit) {
    this.clock = clock;
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }

  private boolean unlimited() {
    return limit >= 1_000_000_000;
  }

  public synchronized Admission admit(String application) {
    if (unlimited()) {
      return new Admission(true, limit, limit, null);
    }
    long now = clock.now().toEpochMilli();
    ArrayDeque<Long> w = windows.computeIfAbsent(application, k -> new ArrayDeque<>());
    while (!w.isEmpty() && w.peekFirst() <= now - WINDOW_MILLIS) {
      w.removeFirst();
    }
    if (w.size() >= limit) {
      rejected++;
      long retryAt = w.peekFirst() + WINDOW_MILLIS;
      long seconds = Math.floorDiv(retryAt + 999, 1000);
      return new Admission(false, limit, 0, HTTP_DATE.format(Instant.ofEpochSecond(seconds)));
    }
    w.addLast(now);
    peak = Math.max(peak, w.size());
    return new Admission(true, limit, limit - w.size(), null);
  }

  public synchronized long rejected() {
    return rejected;
  }

  /** The most requests one application had in a window. */
  public synchronized int peak() {
    return peak;
  }
}
