package dev.lightspeedsync.sync.engine;

import dev.lightspeedsync.sync.rules.RunOutcome;
import dev.lightspeedsync.sync.rules.ScheduleDecision;
import dev.lightspeedsync.sync.rules.SchedulePolicy;
import dev.lightspeedsync.sync.rules.ScheduleState;
import dev.lightspeedsync.sync.spi.Connector;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Applies sync-core's {@link SchedulePolicy} to a sync: call {@link #tick(Instant)} whenever the
 * host's scheduler fires (every minute, or at {@link Tick#nextDue()}). It runs the sync when the
 * policy says it is due (the interval, 30 minutes by default; a manual trigger; a re-import from a
 * date), and after a failed run it retries with the policy's backoff before returning to the
 * interval. A run that fails leaves the checkpoints as they were after the last completed page, so
 * the retry continues from there.
 *
 * <p>The {@link ScheduleState} is kept here and exposed by {@link #state()} so that a host can
 * persist it between process restarts and pass it back to {@link #of}. Calls are serialised: the
 * object is thread-safe, and a tick while a run is in progress does not start a second one.
 */
public final class ScheduledSync {
  /** The sync the schedule runs. */
  @FunctionalInterface
  public interface Job {
    /** Runs the sync the decision asks for (normal, or a re-import from {@code decision.since()}). */
    SyncReport run(ScheduleDecision decision);
  }

  /**
   * What one tick did.
   *
   * @param decision the policy's decision at the tick
   * @param report the report of the run, if one ran and finished
   * @param failure the failure of the run, if one ran and failed
   * @param nextDue when the next run is due according to the state after this tick
   */
  public record Tick(ScheduleDecision decision, Optional<SyncReport> report, Optional<RuntimeException> failure,
      Instant nextDue) {
    public boolean ran() {
      return report.isPresent() || failure.isPresent();
    }
  }

  private final SchedulePolicy policy;
  private final Job job;
  private ScheduleState state;

  private ScheduledSync(SchedulePolicy policy, Job job, ScheduleState state) {
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.job = Objects.requireNonNull(job, "job == null");
    this.state = Objects.requireNonNull(state, "state == null");
  }

  /** A schedule for {@code job} starting from a persisted (or the initial) state. */
  public static ScheduledSync of(SchedulePolicy policy, Job job, ScheduleState state) {
    return new ScheduledSync(policy, job, state);
  }

  /**
   * The job of one account: a normal run of every stream, or a re-import of every stream from the
   * decision's date.
   */
  public static Job job(SyncEngine engine, Connector connector) {
    Objects.requireNonNull(engine, "engine == null");
    Objects.requireNonNull(connector, "connector == null");
    return d -> engine.run(connector, d.kind() == ScheduleDecision.RunKind.REIMPORT && d.since().isPresent()
        ? SyncRequest.builder().reimportFrom(d.since().get()).build()
        : SyncRequest.all());
  }

  /** Asks for a run at the next tick (the manual "sync now" button). */
  public synchronized void triggerNow(Instant at) {
    state = ScheduleState.builder().from(state).manualTriggerAt(at).build();
  }

  /** Asks for a re-import of records changed since {@code from} at the next tick. */
  public synchronized void reimportFrom(Instant from) {
    state = ScheduleState.builder().from(state).reimportFrom(from).build();
  }

  /** The schedule's state, to persist. */
  public synchronized ScheduleState state() {
    return state;
  }

  /**
   * Runs the sync if it is due at {@code now} ({@code now} is also the finish time recorded; pass a
   * clock's instant). Never throws for a failed run: the failure is in the returned tick and counts
   * towards the policy's retries.
   */
  public synchronized Tick tick(Instant now) {
    ScheduleDecision decision = policy.decide(state, now);
    if (!decision.runNow()) {
      return new Tick(decision, Optional.empty(), Optional.empty(), decision.notBefore());
    }
    ScheduleState started = ScheduleState.builder().from(state).lastRunStartedAt(now).lastRunFinishedAt(Optional.empty())
        .build();
    state = started;
    SyncReport report = null;
    RuntimeException failure = null;
    try {
      report = job.run(decision);
    } catch (RuntimeException e) {
      failure = e;
    }
    state = finished(started, decision, now, failure);
    Instant next = policy.decide(state, now).notBefore();
    return new Tick(decision, Optional.ofNullable(report), Optional.ofNullable(failure), next);
  }

  private static ScheduleState finished(ScheduleState started, ScheduleDecision decision, Instant now,
      @Nullable RuntimeException failure) {
    ScheduleState.Builder b = ScheduleState.builder().from(started).lastRunFinishedAt(now);
    if (decision.trigger() == ScheduleDecision.Trigger.MANUAL) {
      b.manualTriggerAt(Optional.empty()); // answered; a failure is retried with backoff, not at once
    }
    if (failure == null) {
      b.lastOutcome(RunOutcome.SUCCEEDED).consecutiveFailures(0).hasCheckpoint(true);
      if (decision.kind() == ScheduleDecision.RunKind.REIMPORT) {
        b.reimportFrom(Optional.empty());
      }
    } else {
      b.lastOutcome(RunOutcome.FAILED).consecutiveFailures(started.consecutiveFailures() + 1);
    }
    return b.build();
  }
}
