package dev.lightspeedsync.sync.rules;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the schedule policy needs to know about past runs and pending requests of one sync stream.
 * The host stores it (for example next to its checkpoints). Immutable, thread-safe.
 */
@Value.Immutable
public interface ScheduleState extends WithScheduleState {
  /** Start of the last run; empty before the first run. */
  Optional<Instant> lastRunStartedAt();

  /** End of the last run; empty while it is still running. */
  Optional<Instant> lastRunFinishedAt();

  Optional<RunOutcome> lastOutcome();

  /** Failed runs in a row (0 after a success). */
  @Value.Default
  default int consecutiveFailures() {
    return 0;
  }

  /** True once a checkpoint exists: runs are incremental instead of full. */
  @Value.Default
  default boolean hasCheckpoint() {
    return false;
  }

  /** A manual trigger ("trigger a manual sync directly from the dashboard") not yet served. */
  Optional<Instant> manualTriggerAt();

  /** A pending request to re-import everything changed since this instant (seed 002). */
  Optional<Instant> reimportFrom();

  static Builder builder() {
    return new Builder();
  }

  /** The state of a stream that never ran. */
  static ScheduleState initial() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    if (consecutiveFailures() < 0) {
      throw new IllegalStateException(
          "ScheduleState.consecutiveFailures must not be negative, was " + consecutiveFailures());
    }
    if (lastRunFinishedAt().isPresent() && lastRunStartedAt().isEmpty()) {
      throw new IllegalStateException(
          "ScheduleState.lastRunFinishedAt is set but lastRunStartedAt is not");
    }
    if (lastRunFinishedAt().isPresent() && lastOutcome().isEmpty()) {
      throw new IllegalStateException(
          "ScheduleState.lastOutcome is required once lastRunFinishedAt is set");
    }
  }

  /** Builds a {@link ScheduleState}; not thread-safe. */
  final class Builder extends ImmutableScheduleState.Builder {}
}
