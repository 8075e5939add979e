package dev.lightspeedsync.sync.rules;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * Configuration of {@link SchedulePolicy}: the sync interval ("Every 30 Minutes", seeds 001 and 004)
 * and the retry of failed runs ("Failed syncs are retried automatically", seed 001) with exponential
 * backoff. Immutable, thread-safe; validated at {@code build()}.
 */
@Value.Immutable
public interface ScheduleConfig extends WithScheduleConfig {
  /** Time between the starts of two scheduled runs; at least one minute. Default 30 minutes. */
  @Value.Default
  default Duration interval() {
    return Duration.ofMinutes(30);
  }

  /** Wait before the first retry of a failed run. Default 1 minute. */
  @Value.Default
  default Duration retryInitialBackoff() {
    return Duration.ofMinutes(1);
  }

  /** Upper bound of the backoff; at least the initial backoff. Default 15 minutes. */
  @Value.Default
  default Duration retryMaxBackoff() {
    return Duration.ofMinutes(15);
  }

  /** Backoff growth per failure; 1 (constant) to 10. Default 2. */
  @Value.Default
  default int retryMultiplier() {
    return 2;
  }

  /** Retries after a failure before falling back to the interval; 0 to 20. Default 5. */
  @Value.Default
  default int maxRetries() {
    return 5;
  }

  static Builder builder() {
    return new Builder();
  }

  static ScheduleConfig defaults() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    if (interval().compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalStateException(
          "ScheduleConfig.interval must be at least 1 minute, was " + interval());
    }
    if (retryInitialBackoff().isNegative() || retryInitialBackoff().isZero()) {
      throw new IllegalStateException("ScheduleConfig.retryInitialBackoff must be positive, was "
          + retryInitialBackoff());
    }
    if (retryMaxBackoff().compareTo(retryInitialBackoff()) < 0) {
      throw new IllegalStateException("ScheduleConfig.retryMaxBackoff must not be less than"
          + " retryInitialBackoff (" + retryMaxBackoff() + " < " + retryInitialBackoff() + ")");
    }
    if (retryMultiplier() < 1 || retryMultiplier() > 10) {
      throw new IllegalStateException(
          "ScheduleConfig.retryMultiplier must be between 1 and 10, was " + retryMultiplier());
    }
    if (maxRetries() < 0 || maxRetries() > 20) {
      throw new IllegalStateException(
          "ScheduleConfig.maxRetries must be between 0 and 20, was " + maxRetries());
    }
  }

  /** Builds a {@link ScheduleConfig}; not thread-safe. */
  final class Builder extends ImmutableScheduleConfig.Builder {}
}
