package dev.lightspeedsync.client;

import java.time.Instant;
import java.util.Objects;

/**
 * The rate-limit state of an account as the client last learned it, in one shape for all three
 * APIs, for metrics and run reports: how much of the limit is left, of how much. Immutable.
 *
 * <ul>
 *   <li>R-Series: the leaky bucket; {@code limit} is the bucket size and {@code remaining} the drips
 *       left (size minus level, never below 0). Details: {@link RateLimitSnapshot}.
 *   <li>eCom: the tightest of the three windows (the one with the smallest share left); details:
 *       {@code EcomClient.rateLimit()}.
 *   <li>X-Series: the 5-minute window; details: {@code XSeriesClient.rateLimit()}.
 * </ul>
 *
 * @param api which API the state belongs to
 * @param limit the capacity of the limit (drips or requests per window), greater than 0
 * @param remaining what is left of it as the server last reported it, between 0 and {@code limit}
 * @param observedAt when the response carrying these figures arrived (client clock)
 */
public record RateLimitState(Api api, double limit, double remaining, Instant observedAt) {
  /** The API whose limit a state describes. */
  public enum Api {
    /** Lightspeed Retail (R-Series): a leaky bucket per account. */
    RETAIL,
    /** Lightspeed eCom (C-Series): 5-minute, hourly and daily windows per API key. */
    ECOM,
    /** Lightspeed Retail (X-Series): a 5-minute window per retailer. */
    XSERIES
  }

  /**
   * Validates and clamps: {@code remaining} is kept between 0 and {@code limit} (a bucket can report
   * a level above its size, a window {@code -1} remaining).
   */
  public RateLimitState {
    Objects.requireNonNull(api, "api == null");
    Objects.requireNonNull(observedAt, "observedAt == null");
    if (!(limit > 0) || Double.isInfinite(limit)) {
      throw new IllegalArgumentException("limit must be positive and finite but was " + limit);
    }
    if (Double.isNaN(remaining)) {
      throw new IllegalArgumentException("remaining is NaN");
    }
    remaining = Math.max(0, Math.min(limit, remaining));
  }

  /** The share of the limit in use, from 0 (idle) to 1 (exhausted). */
  public double usedFraction() {
    return (limit - remaining) / limit;
  }
}
