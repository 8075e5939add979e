package dev.lightspeedsync.client.internal.ecom;

import dev.lightspeedsync.client.ecom.EcomRateLimit;
import dev.lightspeedsync.client.internal.http.RateLimiter;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.internal.http.RetryAfter;
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
 * <p>Pacing. Every window's remaining count is tracked locally: each admitted request reserves one
 * request in every window before it is sent, so concurrent threads cannot overspend, and each
 * response corrects the count downwards (other processes may use the same key) or replaces it when
 * the response shows a new window. A request is admitted only when, for every window {@code w},
 * {@code remaining(w) > reserve(w)} with {@code reserve(w) = max(1, limit(w) / 100)} (3, 30 and 120
 * with the default 300/3000/12000 quotas): otherwise it waits until that window resets plus one
 * second ({@code wait = resetAt(w) + 1 s - now}, the longest such wait when several windows are low).
 * The per-second cap is kept with a sliding one-second window of at most 20 sends, stricter than
 * the server's fixed seconds. A sync therefore spends each window down to its reserve and then
 * pauses, and never receives a 429 while it is the key's only user.
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

  private final long[] limit = new long[3];
  private final long[] remaining = new long[3];
  private final Instant[] resetAt = new Instant[3];
  private final boolean[] known = new boolean[3];
  private final Deque<Instant> recentSends = new ArrayDeque<>();
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
    while (!recentSends.isEmpty() && !recentSends.peekFirst().plus(SECOND).isAfter(now)) {
      recentSends.pollFirst();
    }
    if (recentSends.size() >= perSecond) {
      return Duration.between(now, recentSends.peekFirst().plus(SECOND));
    }
    for (int i = 0; i < 3; i++) {
      if (known[i]) {
        remaining[i]--;
      }
    }
    recentSends.addLast(now);
    return Duration.ZERO;
  }

  @Override
  public synchronized void onResponse(RequestSpec spec, Headers headers, Instant now) {
    learn(spec, RateHeaders.parse(headers), now);
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
  public synchronized Optional<EcomRateLimit> snapshot() {
    return Optional.ofNullable(snapshot);
  }

  private void learn(RequestSpec spec, RateHeaders h, Instant now) {
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
      Instant serverReset = now.plusSeconds(w[i].resetSeconds());
      if (!known[i] || serverReset.isAfter(resetAt[i].plus(NEW_WINDOW_TOLERANCE))) {
        remaining[i] = w[i].remaining(); // first sight, or a new window began
      } else {
        // Same window: our count includes requests still in flight, the server's may include
        // other processes using the key. Keep the lower figure.
        remaining[i] = Math.min(remaining[i], w[i].remaining());
      }
      limit[i] = w[i].limit();
      resetAt[i] = serverReset;
      known[i] = true;
      snap[i] = new EcomRateLimit.Window(w[i].limit(), w[i].remaining(), serverReset);
    }
    snapshot = new EcomRateLimit(snap[0], snap[1], snap[2], now);
  }
}
