package dev.lightspeedsync.client.ecom;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link EcomClient} last learned about its API key's rate limit: the three windows of
 * {@code X-RateLimit-Limit/-Remaining/-Reset} (5 minutes, 1 hour, 1 day) as the last response
 * reported them. Use it for run reports and to plan large syncs (a key allows 12,000 requests a
 * day by default). Immutable and thread-safe.
 */
public final class EcomRateLimit {
  private final @Nullable Window fiveMinutes;
  private final @Nullable Window hour;
  private final @Nullable Window day;
  private final Instant observedAt;

  /** Creates a snapshot; used by the client, public so tests of host code can build one. */
  public EcomRateLimit(@Nullable Window fiveMinutes, @Nullable Window hour, @Nullable Window day, Instant observedAt) {
    this.fiveMinutes = fiveMinutes;
    this.hour = hour;
    this.day = day;
    this.observedAt = Objects.requireNonNull(observedAt, "observedAt == null");
  }

  /** The 5-minute window (300 requests by default); empty when the response did not report it. */
  public Optional<Window> fiveMinutes() {
    return Optional.ofNullable(fiveMinutes);
  }

  /** The hourly window (3,000 requests by default). */
  public Optional<Window> hour() {
    return Optional.ofNullable(hour);
  }

  /** The daily window (12,000 requests by default). */
  public Optional<Window> day() {
    return Optional.ofNullable(day);
  }

  /** When the response carrying these figures arrived. */
  public Instant observedAt() {
    return observedAt;
  }

  @Override
  public String toString() {
    return "EcomRateLimit{fiveMinutes=" + fiveMinutes + ", hour=" + hour + ", day=" + day + ", observedAt="
        + observedAt + "}";
  }

  /**
   * One rate-limit window.
   *
   * @param limit requests allowed per window
   * @param remaining requests left in the current window as the server counted them (can be
   *     {@code -1} on the window that was exceeded)
   * @param resetsAt when the window resets
   */
  public record Window(long limit, long remaining, Instant resetsAt) {
    public Window {
      Objects.requireNonNull(resetsAt, "resetsAt == null");
    }
  }
}
