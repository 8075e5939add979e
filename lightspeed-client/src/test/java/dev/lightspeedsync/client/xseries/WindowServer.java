package dev.lightspeedsync.client.xseries;

import dev.lightspeedsync.client.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A small X-Series products endpoint on the fake clock: {@code count} products with versions
 * 1..count, paged by {@code after} and {@code page_size}, behind a rate limit of {@code limit}
 * requests per 5 minutes that is either fixed (windows from the first request) or sliding. Over
 * the limit it answers 429 with an HTTP-date {@code Retry-After}, as X-Series does.
 */
final class WindowServer extends Dispatcher {
  static final Duration WINDOW = Duration.ofMinutes(5);
  static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  final FakeTime time;
  final long limit;
  final boolean sliding;
  final int count;
  final AtomicInteger served = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  final List<String> reasons = new ArrayList<>();
  private final Deque<Instant> counted = new ArrayDeque<>();
  private Instant windowStart;

  WindowServer(FakeTime time, long limit, boolean sliding, int count) {
    this.time = time;
    this.limit = limit;
    this.sliding = sliding;
    this.count = count;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    Instant now = time.instant();
    Instant resetAt;
    if (sliding) {
      while (!counted.isEmpty() && !counted.peekFirst().plus(WINDOW).isAfter(now)) {
        counted.pollFirst();
      }
      resetAt = counted.isEmpty() ? now : counted.peekFirst().plus(WINDOW);
    } else {
      if (windowStart == null || !windowStart.plus(WINDOW).isAfter(now)) {
        windowStart = now;
        counted.clear();
      }
      resetAt = windowStart.plus(WINDOW);
    }
    if (counted.size() >= limit) {
      refused.incrementAndGet();
      reasons.add("429 at " + now + " with " + counted.size() + " in the window");
      return new MockResponse.Builder().code(429)
          .addHeader("Content-Type", "application/json")
          .addHeader("Date", HTTP_DATE.format(now))
          .addHeader("Retry-After", HTTP_DATE.format(resetAt.plusMillis(999)))
          .addHeader("X-RateLimit-Limit", Long.toString(limit))
          .addHeader("X-RateLimit-Remaining", "0")
          .body("{\"error\":\"Too Many Requests\",\"message\":\"Rate limiting enforced\"}")
          .build();
    }
    counted.addLast(now);
    served.incrementAndGet();
    HttpUrl url = request.getUrl();
    long after = Long.parseLong(url.queryParameter("after"));
    String size = url.queryParameter("page_size");
    int pageSize = size == null ? 100 : Integer.parseInt(size);
    List<String> records = new ArrayList<>();
    for (long v = after + 1; v <= count && records.size() < pageSize; v++) {
      records.add(XBodies.product(v, v));
    }
    String body = records.isEmpty() ? XBodies.empty()
        : XBodies.page(records, after + 1, after + records.size());
    return new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json")
        .addHeader("Date", HTTP_DATE.format(now))
        .addHeader("X-RateLimit-Limit", Long.toString(limit))
        .addHeader("X-RateLimit-Remaining", Long.toString(limit - counted.size()))
        .body(body)
        .build();
  }
}
