package dev.lightspeedsync.client.internal.ecom;

import dev.lightspeedsync.client.ecom.EcomRateLimit;
import dev.lightspeedsync.client.internal.http.RateLimiter;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.internal.http.RetryAfter;
import dev.lightspeedsync.client.RateLimitState;
import java.util.List;
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
 * Client-side model of one eCom API key's rate limits, shared by every thread of an
 * {@code EcomClient}: three fixed windows (5 minutes, 1 hour, 1 day) reported in
 * {@code X-RateLimit-Limit/-Remaining/-Reset}, and a cap of 20 requests per second.
 *
 * <p>Windows. Every window's remaining count is tracked locally: each admitted request reserves
 * one request in every window before it is sent, so concurrent threads cannot overspend. Each
 * response reports the server's count {@code r}, which does not yet include the other requests
 * still in flight; the estimate becomes {@code min(local, r - othersInFlight)} (other processes may
 * use the same key), or {@code r - othersInFlight} when the response shows a new window. A request
 * is admitted only when, for every window {@code w}, {@code remaining(w) > reserve(w)} with
 * {@code reserve(w) = max(1, limit(w) / 100)} (3, 30 and 120 with the default 300/3000/12000
 * quotas); otherwise it waits {@code resetAt(w) + 1 s - now}, the longest such wait when several
 * windows are low. {@code resetAt(w)} is the earliest {@code responseTime + Reset(w)} seen in the
 * window, an upper bound of the server's reset (a response cannot be read before it was sent).
 *
 * <p>Per second. A request occupies one of the 20 places per second from its admission until one
 * second after its answer. Whatever the latency, every request the server counts in one of its
 * seconds still occupies its place at the end of that second, so no server second sees more than
 * 20. A sync therefore spends each window down to its reserve and then pauses, and never receives
 * a 429 while it is the key's only user.
 *
 * <p>On a 429 every request of the key is paused (at least 1 s): until the exhausted window
 * (remaining {@code <= 0} in the 429's headers; the longest one when several are) resets plus 1 s,
 * or for {@code Retry-After} when that is longer; when no window is exhausted, for
 * {@code Retry-After} when present, else 1 s if the headers show room in every window (the
 * per-second cap was hit), else (no headers at all) until the last known 5-minute reset, or 60 s.
 */
public final class EcomRateLimiter implements RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(EcomRateLimiter.class);
  /** Requests per second per shop and key (announced Nov 2021). */
  static final int PER_SECOND = 20;

  static final Duration SECOND = Duration.ofSeconds(1);
  /** Added to every reset: {@code Reset} is whole seconds and clocks differ. */
  static final Duration GRACE = Duration.ofSeconds(1);

  private static final Duration[] LENGTHS = {Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1)};
  private static final Duration NEW_WINDOW_TOLERANCE = Duration.ofSeconds(2);
  private static final Duration UNKNOWN_PAUSE = Duration.ofSeconds(60);
  /** How soon to ask again when every place of the second is held by a request still in flight. */
  private static final Duration IN_FLIGHT_POLL = Duration.ofMillis(50);
  /** Bounds the in-flight record should outcomes go unreported. */
  private static final int MAX_IN_FLIGHT = 10_000;

  private final long[] limit = new long[3];
  private final long[] remaining = new long[3];
  private final Instant[] resetAt = new Instant[3];
  private final boolean[] known = new boolean[3];
  /** Admission times of the requests in flight, oldest first. */
  private final Deque<Instant> inFlight = new ArrayDeque<>();
  /** Answer time + 1 s of recently answered requests, in order. */
  private final Deque<Instant> occupiedUntil = new ArrayDeque<>();
  private final int perSecond;
  private Instant pausedUntil = Instant.MIN;
  private @Nullable EcomRateLimit snapshot;
  private boolean warnedMissing;

  public EcomRateLimiter() {
    this(PER_SECOND);
  }

  EcomRateLimiter(int perSecond) {
    this.perSecond = perSecond;
  }

  /** The requests kept in reserve in a window of {@code limit}: admitted while remaining exceeds it. */
  static long reserve(long limit) {
    return Math.max(1, limit / 100);
  }

  @Override
  public synchronized Duration tryAcquire(RequestSpec spec, Instant now) {
    if (now.isBefore(pausedUntil)) {
      return Duration.between(now, pausedUntil);
    }
    Duration wait = Duration.ZERO;
    for (int i = 0; i < 3; i++) {
      if (!known[i]) {
        continue;
      }
      if (!now.isBefore(resetAt[i])) {
        // The window has reset: assume it is full until a response says otherwise.
        remaining[i] = limit[i];
        resetAt[i] = now.plus(LENGTHS[i]);
      }
      if (remaining[i] <= reserve(limit[i])) {
        Duration w = Duration.between(now, resetAt[i].plus(GRACE));
        if (w.compareTo(wait) > 0) {
          wait = w;
        }
      }
    }
    if (!wait.isZero()) {
      return wait;
    }
    while (!occupiedUntil.isEmpty() && !occupiedUntil.peekFirst().isAfter(now)) {
      occupiedUntil.pollFirst();
    }
    if (inFlight.size() + occupiedUntil.size() >= perSecond) {
      return occupiedUntil.isEmpty() ? IN_FLIGHT_POLL : Duration.between(now, occupiedUntil.peekFirst());
    }
    for (int i = 0; i < 3; i++) {
      if (known[i]) {
        remaining[i]--;
      }
    }
    inFlight.addLast(now);
    if (inFlight.size() > MAX_IN_FLIGHT) {
      inFlight.pollFirst();
    }
    return Duration.ZERO;
  }

  @Override
  public synchronized void onResponse(RequestSpec spec, Headers headers, Instant now) {
    learn(spec, RateHeaders.parse(headers), now);
  }

  @Override
  public synchronized void onNoResponse(RequestSpec spec, Instant now) {
    inFlight.pollFirst(); // the server may or may not have counted it: keep its place for a second
    occupy(now);
  }

  @Override
  public synchronized Duration onRateLimited(RequestSpec spec, Headers headers, Instant now) {
    RateHeaders parsed = RateHeaders.parse(headers);
    learn(spec, parsed, now);
    Optional<Duration> retryAfter = RetryAfter.parse(headers.get("Retry-After"), now);
    Duration pause;
    String reason;
    Duration exhaustedWait = Duration.ZERO;
    int exhausted = -1;
    RateHeaders.Window[] w = parsed.windows();
    for (int i = 0; i < 3; i++) {
      // Wait for the longest exhausted window: a shorter one resetting does not help.
      if (w[i] != null && w[i].remaining() <= 0) {
        Duration d = Duration.ofSeconds(w[i].resetSeconds()).plus(GRACE);
        if (d.compareTo(exhaustedWait) > 0) {
          exhaustedWait = d;
          exhausted = i;
        }
      }
    }
    if (exhausted >= 0) {
      pause = exhaustedWait;
      reason = "window " + LENGTHS[exhausted] + " exhausted";
      if (retryAfter.isPresent() && retryAfter.get().compareTo(pause) > 0) {
        pause = retryAfter.get();
        reason = "Retry-After";
      }
    } else if (retryAfter.isPresent()) {
      pause = retryAfter.get();
      reason = "Retry-After";
    } else if (parsed.any()) {
      pause = SECOND;
      reason = "per-second cap";
    } else if (known[0] && resetAt[0].isAfter(now)) {
      pause = Duration.between(now, resetAt[0]).plus(GRACE);
      reason = "no headers; 5-minute window";
    } else {
      pause = UNKNOWN_PAUSE;
      reason = "no headers";
    }
    if (pause.compareTo(SECOND) < 0) {
      pause = SECOND;
    }
    Instant until = now.plus(pause);
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
    LOG.debug("HTTP 429 on {} ({}); pausing the API key for {} ms", spec.describe(), reason, pause.toMillis());
    return Duration.between(now, pausedUntil);
  }

  /** What the last response said about the windows, if any response carried them. */
  @Override
  public synchronized Optional<RateLimitState> state() {
    EcomRateLimit s = snapshot;
    if (s == null) {
      return Optional.empty();
    }
    // the tightest window: the one with the smallest share left
    EcomRateLimit.@Nullable Window tightest = null;
    for (Optional<EcomRateLimit.Window> o : List.of(s.fiveMinutes(), s.hour(), s.day())) {
      EcomRateLimit.Window w = o.orElse(null);
      if (w == null || w.limit() <= 0) {
        continue;
      }
      if (tightest == null || (double) w.remaining() / w.limit() < (double) tightest.remaining() / tightest.limit()) {
        tightest = w;
      }
    }
    return tightest == null ? Optional.empty()
        : Optional.of(new RateLimitState(RateLimitState.Api.ECOM, tightest.limit(), tightest.remaining(),
            s.observedAt()));
  }

  public synchronized Optional<EcomRateLimit> snapshot() {
    return Optional.ofNullable(snapshot);
  }

  private void occupy(Instant now) {
    Instant until = now.plus(SECOND);
    if (occupiedUntil.isEmpty() || !until.isBefore(occupiedUntil.peekLast())) {
      occupiedUntil.addLast(until);
    } else {
      occupiedUntil.addLast(occupiedUntil.peekLast()); // keep the deque ordered; a later end is safe
    }
  }

  private void learn(RequestSpec spec, RateHeaders h, Instant now) {
    // Match the response to the oldest request in flight: its admission is a lower bound for when
    // the server counted this one.
    Instant admitted = inFlight.pollFirst();
    if (admitted == null || admitted.isAfter(now)) {
      admitted = now;
    }
    occupy(now);
    int othersInFlight = inFlight.size();
    if (!h.any()) {
      if (!warnedMissing) {
        warnedMissing = true;
        LOG.warn("{} returned no usable X-RateLimit-Limit/-Remaining/-Reset headers; pacing on local counts only",
            spec.describe());
      }
      return;
    }
    RateHeaders.Window[] w = h.windows();
    EcomRateLimit.Window[] snap = new EcomRateLimit.Window[3];
    for (int i = 0; i < 3; i++) {
      if (w[i] == null) {
        continue;
      }
      // The server counted the request between its admission and now, so its window resets
      // between these two moments. resetAt keeps the tightest upper bound (safe for waiting); a new
      // window is recognised only when even the lower bound is past the known reset.
      Instant earliestReset = admitted.plusSeconds(w[i].resetSeconds());
      Instant latestReset = now.plusSeconds(w[i].resetSeconds());
      long reported = w[i].remaining() - othersInFlight;
      if (!known[i] || earliestReset.isAfter(resetAt[i].plus(NEW_WINDOW_TOLERANCE))) {
        remaining[i] = reported; // first sight, or a new window began
        resetAt[i] = latestReset;
      } else {
        // Same window: keep the lower count (the server's may include other processes using the
        // key; a late response may be older than what we know).
        remaining[i] = Math.min(remaining[i], reported);
        if (latestReset.isBefore(resetAt[i])) {
          resetAt[i] = latestReset;
        }
      }
      limit[i] = w[i].limit();
      known[i] = true;
      snap[i] = new EcomRateLimit.Window(w[i].limit(), w[i].remaining(), latestReset);
    }
    snapshot = new EcomRateLimit(snap[0], snap[1], snap[2], now);
  }
}
