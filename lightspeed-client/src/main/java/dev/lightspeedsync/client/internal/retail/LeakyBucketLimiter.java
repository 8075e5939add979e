package dev.lightspeedsync.client.internal.retail;

import dev.lightspeedsync.client.RateLimitSnapshot;
import dev.lightspeedsync.client.internal.http.RateLimiter;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.internal.http.RetryAfter;
import java.math.BigDecimal;
import dev.lightspeedsync.client.RateLimitState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side model of one account's R-Series leaky bucket and burst limiter, shared by every
 * thread of a {@code RetailClient}.
 *
 * <p>The bucket level is tracked locally: it drains at the drip rate and every request admitted
 * adds its estimated cost, so concurrent requests reserve capacity before they are sent. Each
 * response's {@code X-LS-API-Bucket-Level} corrects the estimate upwards (another process of the
 * same app may share the bucket) and teaches the real size and drip rate. A request is admitted
 * only when the bucket has room for its whole cost, so a steady stream never overflows and never
 * gets a 429. For the burst limiter (fixed one-second windows on the server) a request counts from
 * the moment it is admitted until one second after its response: whatever the latency and
 * whichever server window it lands in, every request the server counted in the window of a new
 * request is still counted here when that request is admitted. A 429 pauses every request of the
 * account until its {@code Retry-After} has passed.
 *
 * <p>Cost estimates: the documented cost of the request's shape, replaced by the cost the server
 * reported ({@code X-LS-API-Request-Cost}) the last time the same shape was sent.
 */
public final class LeakyBucketLimiter implements RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(LeakyBucketLimiter.class);
  /** The smallest bucket of the current model (one register). */
  static final double DEFAULT_SIZE = 90;

  static final double DEFAULT_DRIP_RATE = 1;
  /** Requests per second assumed until a response tells the burst limit. */
  static final int DEFAULT_BURST = 10;

  private static final Duration BURST_WINDOW = Duration.ofSeconds(1);
  /** How long to wait when the burst limit is reached by requests that are all still in flight. */
  private static final Duration IN_FLIGHT_POLL = Duration.ofMillis(50);

  private final Map<String, BigDecimal> learnedCosts = new HashMap<>();
  /** When requests that got their answer stop counting against the burst limit. */
  private final Deque<Instant> answeredUntil = new ArrayDeque<>();
  /** Requests admitted and not yet answered. */
  private int inFlight;
  private double level;
  private double size = DEFAULT_SIZE;
  private double dripRate = DEFAULT_DRIP_RATE;
  private int burstLimit = DEFAULT_BURST;
  private @Nullable Instant lastUpdate;
  private Instant pausedUntil = Instant.MIN;
  private @Nullable RateLimitSnapshot snapshot;
  private boolean warnedUnparseable;

  @Override
  public synchronized Duration tryAcquire(RequestSpec spec, Instant now) {
    drain(now);
    if (now.isBefore(pausedUntil)) {
      return Duration.between(now, pausedUntil);
    }
    while (!answeredUntil.isEmpty() && !answeredUntil.peekFirst().isAfter(now)) {
      answeredUntil.pollFirst();
    }
    if (inFlight + answeredUntil.size() >= burstLimit) {
      return answeredUntil.isEmpty() ? IN_FLIGHT_POLL : Duration.between(now, answeredUntil.peekFirst());
    }
    double cost = cost(spec);
    double over = level + cost - size;
    if (over > 1e-9) {
      // A request costing more than the whole bucket waits for an empty bucket.
      double needed = cost > size ? level : over;
      return Duration.ofNanos(Math.max(1_000_000L, (long) Math.ceil(needed / dripRate * 1e9)));
    }
    level += cost;
    inFlight++;
    return Duration.ZERO;
  }

  @Override
  public synchronized void onResponse(RequestSpec spec, Headers headers, Instant now) {
    answered(now);
    learn(spec, BucketHeaders.parse(headers), now);
  }

  @Override
  public synchronized void onNoResponse(RequestSpec spec, Instant now) {
    answered(now);
  }

  private void answered(Instant now) {
    if (inFlight > 0) {
      inFlight--;
    }
    Instant until = now.plus(BURST_WINDOW);
    // keep the deque sorted even if the clock was read out of order by concurrent threads
    if (!answeredUntil.isEmpty() && answeredUntil.peekLast().isAfter(until)) {
      until = answeredUntil.peekLast();
    }
    answeredUntil.addLast(until);
  }

  @Override
  public synchronized Duration onRateLimited(RequestSpec spec, Headers headers, Instant now) {
    answered(now);
    BucketHeaders parsed = BucketHeaders.parse(headers);
    learn(spec, parsed, now);
    Optional<Duration> retryAfter = RetryAfter.parse(headers.get("Retry-After"), now);
    Duration pause;
    if (retryAfter.isPresent()) {
      pause = retryAfter.get();
    } else if ("api-burst-limiter".equalsIgnoreCase(headers.get("X-LS-API-RateLimit-Type"))) {
      pause = BURST_WINDOW;
    } else {
      // No Retry-After: wait until the bucket has drained enough for this request.
      double over = Math.max(level + cost(spec) - size, 1);
      pause = Duration.ofMillis((long) Math.ceil(over / dripRate * 1000));
    }
    Instant until = now.plus(pause);
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
    LOG.debug("HTTP 429 ({}); pausing the account for {} ms", headers.get("X-LS-API-RateLimit-Type"), pause.toMillis());
    return Duration.between(now, pausedUntil);
  }

  /** What the last response said about the bucket, if any response was seen. */
  @Override
  public synchronized Optional<RateLimitState> state() {
    RateLimitSnapshot s = snapshot;
    if (s == null || s.bucketSize().signum() <= 0) {
      return Optional.empty();
    }
    double size = s.bucketSize().doubleValue();
    return Optional.of(new RateLimitState(RateLimitState.Api.RETAIL, size, size - s.bucketLevel().doubleValue(),
        s.observedAt()));
  }

  public synchronized Optional<RateLimitSnapshot> snapshot() {
    return Optional.ofNullable(snapshot);
  }

  /** The local estimate of the bucket level at {@code now}. */
  synchronized double estimatedLevel(Instant now) {
    drain(now);
    return level;
  }

  private void learn(RequestSpec spec, BucketHeaders h, Instant now) {
    drain(now);
    if (h.bucketLevel() == null || h.dripRate() == null) {
      if (!warnedUnparseable) {
        warnedUnparseable = true;
        LOG.warn("{} returned no usable X-LS-API-Bucket-Level/X-LS-API-Drip-Rate headers; pacing on estimates",
            spec.describe());
      }
    }
    if (h.bucketSize() != null) {
      size = h.bucketSize().doubleValue();
    }
    if (h.dripRate() != null) {
      dripRate = h.dripRate().doubleValue();
    }
    if (h.bucketLevel() != null) {
      // The server's level includes this request but not those still in flight, which our estimate
      // already holds; it can also include other processes' requests. Keep the higher figure.
      level = Math.max(level, h.bucketLevel().doubleValue());
      snapshot = new RateLimitSnapshot(h.bucketLevel(), h.bucketSize() == null ? BigDecimal.valueOf(size) : h.bucketSize(),
          BigDecimal.valueOf(dripRate), now);
    }
    if (h.burstLimit() != null && h.burstLimit().intValue() > 0) {
      burstLimit = h.burstLimit().intValue();
    }
    if (h.requestCost() != null && h.requestCost().signum() > 0) {
      learnedCosts.put(spec.operationKey(), h.requestCost());
    }
  }

  private double cost(RequestSpec spec) {
    BigDecimal learned = learnedCosts.get(spec.operationKey());
    return (learned != null ? learned : spec.estimatedCost()).doubleValue();
  }

  private void drain(Instant now) {
    if (lastUpdate != null && now.isAfter(lastUpdate)) {
      double seconds = Duration.between(lastUpdate, now).toNanos() / 1e9;
      level = Math.max(0, level - seconds * dripRate);
    }
    if (lastUpdate == null || now.isAfter(lastUpdate)) {
      lastUpdate = now;
    }
  }
}
