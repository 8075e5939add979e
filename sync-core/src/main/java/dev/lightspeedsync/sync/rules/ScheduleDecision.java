package dev.lightspeedsync.sync.rules;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link SchedulePolicy} decided: run now (and how), or wait until {@link #notBefore()}.
 * Immutable, thread-safe.
 */
@Value.Immutable
public interface ScheduleDecision {
  /** Why a run is due. */
  enum Trigger {
    /** Nothing ran yet: the initial full sync. */
    INITIAL,
    /** The interval elapsed. */
    INTERVAL,
    /** A user asked for it. */
    MANUAL,
    /** Retry of a failed run. */
    RETRY,
    /** Re-import from a given date. */
    REIMPORT
  }

  /** What kind of run. */
  enum RunKind {
    /** Read everything (no checkpoint yet). */
    FULL,
    /** Read changes since the checkpoint. */
    INCREMENTAL,
    /** Read changes since {@link #since()}, ignoring the checkpoint. */
    REIMPORT
  }

  boolean runNow();

  /** When the next run is due (equal to {@code asOf} when {@link #runNow()}). */
  Instant notBefore();

  Trigger trigger();

  RunKind kind();

  /** For {@link RunKind#REIMPORT}: the date to re-import from. */
  Optional<Instant> since();

  /** A sentence explaining the decision, for status screens. */
  String explanation();
}
