package dev.lightspeedsync.client.xseries;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link XSeriesClient} last learned about its retailer's rate limit: the
 * {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining} of the last response that carried
 * them (the limit is {@code 300 x registers + 50} requests per 5 minutes), and until when the
 * client pauses every request after a 429. Use it in run reports and to plan large syncs.
 * Immutable and thread-safe.
 */
public final class XSeriesRateLimit {
  private final long limit;
  private final long remaining;
  private final Instant observedAt;
  private final @Nullable Instant pausedUntil;

  /**
   * Creates a snapshot; used by the client, public so tests of host code can build one.
   *
   * @param limit requests allowed per 5-minute window
   * @param remaining requests left in the window, as the server reported them
   * @param observedAt when the response was read (client clock)
   * @param pausedUntil until when a 429 paused the retailer, or null when not paused
   */
  public XSeriesRateLimit(long limit, long remaining, Instant observedAt, @Nullable Instant pausedUntil) {
    this.limit = limit;
    this.remaining = remaining;
    this.observedAt = Objects.requireNonNull(observedAt, "observedAt == null");
    this.pausedUntil = pausedUntil;
  }

  /** Requests allowed per 5-minute window ({@code X-RateLimit-Limit}). */
  public long limit() {
    return limit;
  }

  /** Requests left in the window ({@code X-RateLimit-Remaining}) when the response was read. */
  public long remaining() {
    return remaining;
  }

  /** When the response was read, on the client's clock. */
  public Instant observedAt() {
    return observedAt;
  }

  /** Until when a 429 paused every request to the retailer; empty when no pause was imposed. */
  public Optional<Instant> pausedUntil() {
    return Optional.ofNullable(pausedUntil);
  }

  @Override
  public String toString() {
    return "XSeriesRateLimit{limit=" + limit + ", remaining=" + remaining + ", observedAt=" + observedAt
        + (pausedUntil == null ? "" : ", pausedUntil=" + pausedUntil) + "}";
  }
}
