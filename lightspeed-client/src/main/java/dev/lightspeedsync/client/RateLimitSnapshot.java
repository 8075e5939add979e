package dev.lightspeedsync.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a client last learned about an account's R-Series rate limit: the leaky bucket's level and
 * size, its drip rate, and the time of the observation. Immutable.
 *
 * @param bucketLevel drips in the bucket as reported by the last response (may exceed the size)
 * @param bucketSize the bucket's capacity in drips
 * @param dripRate drips drained per second
 * @param observedAt when the response carrying these figures arrived
 */
public record RateLimitSnapshot(BigDecimal bucketLevel, BigDecimal bucketSize, BigDecimal dripRate, Instant observedAt) {
  public RateLimitSnapshot {
    Objects.requireNonNull(bucketLevel, "bucketLevel == null");
    Objects.requireNonNull(bucketSize, "bucketSize == null");
    Objects.requireNonNull(dripRate, "dripRate == null");
    Objects.requireNonNull(observedAt, "observedAt == null");
  }
}
