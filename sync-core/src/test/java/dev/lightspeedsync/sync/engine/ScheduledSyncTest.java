package dev.lightspeedsync.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.rules.ScheduleConfig;
import dev.lightspeedsync.sync.rules.ScheduleDecision;
import dev.lightspeedsync.sync.rules.SchedulePolicy;
import dev.lightspeedsync.sync.rules.ScheduleState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScheduledSyncTest {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  static final SyncReport OK = new SyncReport(SyncReport.Status.COMPLETE, Map.of(), 1, 0, 0, 0, Duration.ZERO, null,
      List.of(), false);

  /** A job that fails a given number of times, then succeeds, recording each decision. */
  static final class FlakyJob implements ScheduledSync.Job {
    int failuresLeft;
    final List<ScheduleDecision> runs = new ArrayList<>();

    FlakyJob(int failures) {
      this.failuresLeft = failures;
    }

    @Override
    public SyncReport run(ScheduleDecision decision) {
      runs.add(decision);
      if (failuresLeft-- > 0) {
        throw new IllegalStateException("page failed");
      }
      return OK;
    }
  }

  @Test
  @DisplayName("001: a failed sync is retried with backoff, then the 30-minute schedule resumes")
  void failedRunsAreRetriedWithBackoffThenTheIntervalResumes() {
    FlakyJob job = new FlakyJob(2);
    SchedulePolicy policy = SchedulePolicy.of(ScheduleConfig.defaults());
    ScheduledSync schedule = ScheduledSync.of(policy, job, ScheduleState.initial());

    ScheduledSync.Tick first = schedule.tick(T0);
    assertThat(first.failure()).isPresent();
    assertThat(first.decision().trigger()).isEqualTo(ScheduleDecision.Trigger.INITIAL);
    Instant retryAt = first.nextDue();
    assertThat(retryAt).isEqualTo(T0.plus(policy.backoff(1)));

    assertThat(schedule.tick(retryAt.minusSeconds(1)).ran()).as("not before the backoff").isFalse();
    ScheduledSync.Tick second = schedule.tick(retryAt);
    assertThat(second.decision().trigger()).isEqualTo(ScheduleDecision.Trigger.RETRY);
    assertThat(second.failure()).isPresent();
    assertThat(second.nextDue()).isEqualTo(retryAt.plus(policy.backoff(2)));

    ScheduledSync.Tick third = schedule.tick(second.nextDue());
    assertThat(third.report()).contains(OK);
    assertThat(third.nextDue()).isEqualTo(second.nextDue().plus(Duration.ofMinutes(30)));
    assertThat(schedule.state().consecutiveFailures()).isZero();
    assertThat(job.runs).hasSize(3);
  }

  @Test
  @DisplayName("001/002: the manual trigger runs at once; a re-import runs from the given date once")
  void manualTriggerAndReimport() {
    FlakyJob job = new FlakyJob(0);
    ScheduledSync schedule = ScheduledSync.of(SchedulePolicy.of(ScheduleConfig.defaults()), job, ScheduleState.initial());
    schedule.tick(T0);
    Instant later = T0.plus(Duration.ofMinutes(5));
    assertThat(schedule.tick(later).ran()).isFalse();

    schedule.triggerNow(later);
    assertThat(schedule.tick(later).decision().trigger()).isEqualTo(ScheduleDecision.Trigger.MANUAL);
    assertThat(schedule.tick(later.plusSeconds(1)).ran()).as("the trigger is answered once").isFalse();

    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    schedule.reimportFrom(from);
    ScheduledSync.Tick reimport = schedule.tick(later.plusSeconds(2));
    assertThat(reimport.decision().kind()).isEqualTo(ScheduleDecision.RunKind.REIMPORT);
    assertThat(reimport.decision().since()).contains(from);
    assertThat(schedule.tick(later.plusSeconds(3)).ran()).isFalse();
    assertThat(job.runs).hasSize(3);
  }
}
