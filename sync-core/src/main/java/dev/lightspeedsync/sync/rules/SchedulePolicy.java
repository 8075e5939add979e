package dev.lightspeedsync.sync.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Rule 10 (seeds 001, 002, 004): when the next sync runs.
 *
 * <p>In order of precedence: a run in progress blocks every other; a re-import request runs at once
 * from its date (a date after {@code asOf} is refused); a manual trigger runs at once; the first run
 * is a full sync; after a failure the run is retried with exponential backoff (initial x
 * multiplier^(failures-1), capped) until {@code maxRetries} is used up, then the interval applies
 * again; otherwise a run is due one interval after the last start. Deterministic: no jitter, no
 * clock. Pure and stateless: safe to share between threads.
 */
public final class SchedulePolicy {
  private final ScheduleConfig config;

  private SchedulePolicy(ScheduleConfig config) {
    this.config = config;
  }

  public static SchedulePolicy of(ScheduleConfig config) {
    return new SchedulePolicy(Objects.requireNonNull(config, "config == null"));
  }

  public ScheduleDecision decide(ScheduleState state, Instant asOf) {
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(asOf, "asOf == null");
    ScheduleDecision.RunKind normal = state.hasCheckpoint()
        ? ScheduleDecision.RunKind.INCREMENTAL : ScheduleDecision.RunKind.FULL;
    if (state.lastRunStartedAt().isPresent() && state.lastRunFinishedAt().isEmpty()) {
      return waitUntil(asOf.plus(config.interval()), ScheduleDecision.Trigger.INTERVAL, normal,
          "A run started at " + state.lastRunStartedAt().get() + " is still in progress");
    }
    if (state.reimportFrom().isPresent()) {
      Instant from = state.reimportFrom().get();
      if (from.isAfter(asOf)) {
        return waitUntil(from, ScheduleDecision.Trigger.REIMPORT, ScheduleDecision.RunKind.REIMPORT,
            "Re-import date " + from + " is in the future; nothing to re-import yet");
      }
      return ImmutableScheduleDecision.builder().runNow(true).notBefore(asOf)
          .trigger(ScheduleDecision.Trigger.REIMPORT).kind(ScheduleDecision.RunKind.REIMPORT)
          .since(from).explanation("Re-import of records changed since " + from).build();
    }
    if (state.manualTriggerAt().isPresent() && !state.manualTriggerAt().get().isAfter(asOf)) {
      return run(asOf, ScheduleDecision.Trigger.MANUAL, normal, "Manual sync requested at "
          + state.manualTriggerAt().get());
    }
    if (state.lastRunStartedAt().isEmpty()) {
      return run(asOf, ScheduleDecision.Trigger.INITIAL, ScheduleDecision.RunKind.FULL,
          "First run: full sync");
    }
    Instant lastStart = state.lastRunStartedAt().get();
    Instant lastEnd = state.lastRunFinishedAt().orElseThrow();
    int failures = state.consecutiveFailures();
    if (state.lastOutcome().orElseThrow() == RunOutcome.FAILED && failures > 0
        && failures <= config.maxRetries()) {
      Instant due = lastEnd.plus(backoff(failures));
      String why = "Retry " + failures + " of " + config.maxRetries() + " after a failed run";
      return due.isAfter(asOf)
          ? waitUntil(due, ScheduleDecision.Trigger.RETRY, normal, why)
          : run(asOf, ScheduleDecision.Trigger.RETRY, normal, why);
    }
    Instant due = lastStart.plus(config.interval());
    String why = state.lastOutcome().get() == RunOutcome.FAILED
        ? "Retries used up; back to the " + config.interval().toMinutes() + "-minute interval"
        : "Every " + config.interval().toMinutes() + " minutes";
    return due.isAfter(asOf)
        ? waitUntil(due, ScheduleDecision.Trigger.INTERVAL, normal, why)
        : run(asOf, ScheduleDecision.Trigger.INTERVAL, normal, why);
  }

  /** The wait before retry number {@code failures} (1-based). */
  public Duration backoff(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1, was " + failures);
    }
    Duration max = config.retryMaxBackoff();
    Duration d = config.retryInitialBackoff();
    for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(config.retryMultiplier());
    }
    return d.compareTo(max) > 0 ? max : d;
  }

  private static ScheduleDecision run(Instant asOf, ScheduleDecision.Trigger trigger,
      ScheduleDecision.RunKind kind, String why) {
    return ImmutableScheduleDecision.builder().runNow(true).notBefore(asOf).trigger(trigger)
        .kind(kind).explanation(why).build();
  }

  private static ScheduleDecision waitUntil(Instant when, ScheduleDecision.Trigger trigger,
      ScheduleDecision.RunKind kind, String why) {
    return ImmutableScheduleDecision.builder().runNow(false).notBefore(when).trigger(trigger)
        .kind(kind).explanation(why).build();
  }
}
