package dev.lightspeedsync.client.internal.xseries;

import dev.lightspeedsync.client.internal.http.RateLimiter;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.internal.http.RetryAfter;
import dev.lightspeedsync.client.xseries.XSeriesRateLimit;
import dev.lightspeedsync.client.RateLimitState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side model of one X-Series retailer's rate limit, shared by every thread of an
 * {@code XSeriesClient}: {@code 300 x registers + 50} requests per 5-minute window, reported as
 * {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining} on JSON responses (no reset time is
 * documented for the API endpoints).
 *
 * <p>Whether the server's window is fixed or sliding is not documented, so the limiter keeps to
 * the stricter reading: in <em>any</em> 5 minutes (plus 1 s of grace for clock and latency) it sends
 * at most {@code limit - reserve} requests, with {@code reserve = max(1, limit / 100)}. A request
 * occupies its place from its admission until 5 minutes and 1 s after its answer (the server
 * counted it somewhere in between), so no server window, fixed or sliding and however aligned, sees
 * more than the limit from this client. A sync therefore spends the window at full speed, then
 * continues at the rate at which its oldest requests leave the window, and never receives a 429
 * while it is the retailer's only user of the application's bucket. Before the first response the
 * limit is taken as 350, the smallest one (a store with one register).
 *
 * <p>The server's {@code X-RateLimit-Remaining} is also followed (other processes of the same
 * application share the bucket): when it falls to the reserve, requests wait until this client's
 * oldest request leaves the window, or a whole window after the report when none of its requests
 * is in it.
 *
 * <p>On a 429 every request of the retailer pauses until {@code Retry-After}, an HTTP-date
 * (RFC 1123), measured on the client's clock and against the response's own {@code Date} header,
 * whichever gives the longer wait (so a client clock running ahead does not shorten the pause),
 * plus 1 s for the date's whole-second precision; without
 * a usable {@code Retry-After}, for a whole window. After the pause the server's limiter has reset,
 * so the local count starts afresh.
 */
public final class XSeriesRateLimiter implements RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(XSeriesRateLimiter.class);

  /** The documented window. */
  public static final Duration WINDOW = Duration.ofMinutes(5);
  /** Added to every window and pause: whole-second dates, clocks and latency. */
  static final Duration GRACE = Duration.ofSeconds(1);
  /** The limit of a store with one register, assumed until a response reports the real one. */
  static final long DEFAULT_LIMIT = 350;
  /** How soon to ask again when every place is held by a request still in flight. */
  private static final Duration IN_FLIGHT_POLL = Duration.ofMillis(50);

  private long limit = DEFAULT_LIMIT;
  private long serverRemaining = DEFAULT_LIMIT;
  private int inFlight;
  /** When each answered request leaves the trailing window, oldest first. */
  private final Deque<Instant> leaves = new ArrayDeque<>();
  private @Nullable Instant lastReportAt;
  private Instant pausedUntil = Instant.MIN;
  private boolean resetAfterPause;
  private @Nullable XSeriesRateLimit snapshot;
  private boolean warnedMissing;

  /** The requests kept in reserve in a window of {@code limit}. */
  static long reserve(long limit) {
    return Math.max(1, limit / 100);
  }

  @Override
  public synchronized Duration tryAcquire(RequestSpec spec, Instant now) {
    if (now.isBefore(pausedUntil)) {
      return Duration.between(now, pausedUntil);
    }
    if (resetAfterPause) {
      resetAfterPause = false;
      leaves.clear();
      serverRemaining = limit;
    }
    while (!leaves.isEmpty() && !leaves.peekFirst().isAfter(now)) {
      leaves.pollFirst();
      serverRemaining = Math.min(limit, serverRemaining + 1);
    }
    long reserve = reserve(limit);
    if (inFlight + leaves.size() >= limit - reserve) {
      return leaves.isEmpty() ? IN_FLIGHT_POLL : Duration.between(now, leaves.peekFirst());
    }
    if (serverRemaining <= reserve) {
      if (!leaves.isEmpty()) {
        return Duration.between(now, leaves.peekFirst());
      }
      if (inFlight > 0) {
        return IN_FLIGHT_POLL;
      }
      Instant fresh = (lastReportAt == null ? now : lastReportAt).plus(WINDOW).plus(GRACE);
      if (now.isBefore(fresh)) {
        return Duration.between(now, fresh);
      }
      serverRemaining = limit; // a whole window has passed since the report
    }
    inFlight++;
    serverRemaining--;
    return Duration.ZERO;
  }

  @Override
  public synchronized void onResponse(RequestSpec spec, Headers headers, Instant now) {
    answered(now);
    learn(spec, headers, now);
  }

  @Override
  public synchronized void onNoResponse(RequestSpec spec, Instant now) {
    answered(now); // the server may have counted it: it keeps its place for a window
  }

  @Override
  public synchronized Duration onRateLimited(RequestSpec spec, Headers headers, Instant now) {
    answered(now);
    learn(spec, headers, now);
    Optional<Duration> retryAfter = RetryAfter.parse(headers.get("Retry-After"), now, headers.get("Date"));
    Duration pause = retryAfter.map(d -> d.plus(GRACE)).orElse(WINDOW.plus(GRACE));
    Instant until = now.plus(pause);
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
    resetAfterPause = true;
    serverRemaining = 0;
    snapshot = new XSeriesRateLimit(limit, 0, now, pausedUntil);
    LOG.debug("HTTP 429 on {} ({}); pausing the retailer for {} ms", spec.describe(),
        retryAfter.isPresent() ? "Retry-After" : "no usable Retry-After: one window", pause.toMillis());
    return Duration.between(now, pausedUntil);
  }

  /** What the last response said about the limit, if any response carried it. */
  @Override
  public synchronized Optional<RateLimitState> state() {
    XSeriesRateLimit s = snapshot;
    if (s == null || s.limit() <= 0) {
      return Optional.empty();
    }
    return Optional.of(new RateLimitState(RateLimitState.Api.XSERIES, s.limit(), s.remaining(), s.observedAt()));
  }

  public synchronized Optional<XSeriesRateLimit> snapshot() {
    return Optional.ofNullable(snapshot);
  }

  private void answered(Instant now) {
    if (inFlight > 0) {
      inFlight--;
    }
    Instant leavesAt = now.plus(WINDOW).plus(GRACE);
    Instant last = leaves.peekLast();
    leaves.addLast(last != null && last.isAfter(leavesAt) ? last : leavesAt); // keep the deque ordered
  }

  private void learn(RequestSpec spec, Headers headers, Instant now) {
    Long l = number(headers.get("X-RateLimit-Limit"));
    Long r = number(headers.get("X-RateLimit-Remaining"));
    if (l == null || l <= 0 || r == null) {
      if (!warnedMissing && spec.url().encodedPath().contains("/api/2.")) {
        warnedMissing = true;
        LOG.warn("{} returned no usable X-RateLimit-Limit/-Remaining headers; pacing on local counts only",
            spec.describe());
      }
      return;
    }
    limit = l;
    // The requests still in flight may not be in the server's count yet.
    serverRemaining = Math.min(l, r - inFlight);
    lastReportAt = now;
    snapshot = new XSeriesRateLimit(l, r, now, now.isBefore(pausedUntil) ? pausedUntil : null);
  }

  private static @Nullable Long number(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
