package dev.lightspeedsync.sync.rules;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.Seeds;
import dev.lightspeedsync.sync.rules.ScheduleDecision.RunKind;
import dev.lightspeedsync.sync.rules.ScheduleDecision.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SchedulePolicyTest {
  private static final SchedulePolicy POLICY = SchedulePolicy.of(ScheduleConfig.defaults());

  static ScheduleState.Builder after(Duration sinceStart, RunOutcome outcome, int failures) {
    Instant start = AS_OF.minus(sinceStart);
    ScheduleState.Builder b = ScheduleState.builder();
    b.lastRunStartedAt(start).lastRunFinishedAt(start.plusSeconds(60)).lastOutcome(outcome)
        .consecutiveFailures(failures).hasCheckpoint(true);
    return b;
  }

  @Test
  @DisplayName(Seeds.S001 + "'Initial Sync: Upon the first connection, Optiply performs a full"
      + " historical sync'")
  void firstRunIsFull() {
    ScheduleDecision d = POLICY.decide(ScheduleState.initial(), AS_OF);

    assertThat(d.runNow()).isTrue();
    assertThat(d.trigger()).isEqualTo(Trigger.INITIAL);
    assertThat(d.kind()).isEqualTo(RunKind.FULL);
  }

  @ParameterizedTest(name = "{0} after the last start -> run {1}")
  @CsvSource({"PT29M59S,false", "PT30M,true", "PT2H,true"})
  @DisplayName(Seeds.S001 + "'Imports (Lightspeed -> Optiply): Every 30 Minutes' and 'Incremental"
      + " Sync: After the initial load, only new and updated records are synchronised'")
  void everyThirtyMinutesIncremental(Duration sinceStart, boolean run) {
    ScheduleDecision d = POLICY.decide(after(sinceStart, RunOutcome.SUCCEEDED, 0).build(), AS_OF);

    assertThat(d.runNow()).isEqualTo(run);
    assertThat(d.trigger()).isEqualTo(Trigger.INTERVAL);
    assertThat(d.kind()).isEqualTo(RunKind.INCREMENTAL);
    assertThat(d.notBefore()).isEqualTo(run ? AS_OF : AS_OF.minus(sinceStart)
        .plus(Duration.ofMinutes(30)));
  }

  @Test
  @DisplayName(Seeds.S004 + "'update inventory and prices as frequently as every 30 minutes': the"
      + " default interval is 30 minutes and configurable")
  void intervalIsConfigurable() {
    SchedulePolicy hourly = SchedulePolicy.of(ScheduleConfig.builder()
        .interval(Duration.ofHours(1)).build());

    assertThat(ScheduleConfig.defaults().interval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(hourly.decide(after(Duration.ofMinutes(45), RunOutcome.SUCCEEDED, 0).build(),
        AS_OF).runNow()).isFalse();
  }

  @ParameterizedTest(name = "failure #{0} -> backoff {1}")
  @CsvSource({"1,PT1M", "2,PT2M", "3,PT4M", "4,PT8M", "5,PT15M", "30,PT15M"})
  @DisplayName(Seeds.S001 + "'Error Handling: Failed syncs are retried automatically': exponential"
      + " backoff, capped")
  void backoff(int failures, Duration expected) {
    assertThat(POLICY.backoff(failures)).isEqualTo(expected);
  }

  static Stream<Arguments> retries() {
    return Stream.of(
        Arguments.of(1, Duration.ofSeconds(61), false, Trigger.RETRY),
        Arguments.of(1, Duration.ofMinutes(2), true, Trigger.RETRY),
        Arguments.of(3, Duration.ofMinutes(4), false, Trigger.RETRY),
        Arguments.of(3, Duration.ofMinutes(6), true, Trigger.RETRY),
        Arguments.of(6, Duration.ofMinutes(10), false, Trigger.INTERVAL),
        Arguments.of(6, Duration.ofMinutes(31), true, Trigger.INTERVAL));
  }

  @ParameterizedTest(name = "{0} failures, last start {1} ago -> run {2} ({3})")
  @MethodSource("retries")
  @DisplayName(Seeds.S001 + "'Failed syncs are retried automatically'; after maxRetries the"
      + " 30-minute interval applies again")
  void retriesFailedRuns(int failures, Duration sinceStart, boolean run, Trigger trigger) {
    ScheduleDecision d = POLICY.decide(after(sinceStart, RunOutcome.FAILED, failures).build(),
        AS_OF);

    assertThat(d.runNow()).isEqualTo(run);
    assertThat(d.trigger()).isEqualTo(trigger);
  }

  @Test
  @DisplayName(Seeds.S001 + "'Can I trigger a sync manually? Yes ... you can trigger a manual sync"
      + " directly from the Optiply dashboard'")
  void manualTrigger() {
    ScheduleState state = after(Duration.ofMinutes(5), RunOutcome.SUCCEEDED, 0)
        .manualTriggerAt(AS_OF.minusSeconds(1)).build();

    ScheduleDecision d = POLICY.decide(state, AS_OF);

    assertThat(d.runNow()).isTrue();
    assertThat(d.trigger()).isEqualTo(Trigger.MANUAL);
    assertThat(d.kind()).isEqualTo(RunKind.INCREMENTAL);
  }

  @Test
  @DisplayName(Seeds.S002 + "'These options allow you to select a date to import these products,"
      + " customers or invoices' / 'Re-import previous customers, products or invoices'")
  void reimportFromDate() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    ScheduleState state = after(Duration.ofMinutes(5), RunOutcome.SUCCEEDED, 0)
        .reimportFrom(from).build();

    ScheduleDecision d = POLICY.decide(state, AS_OF);

    assertThat(d.runNow()).isTrue();
    assertThat(d.trigger()).isEqualTo(Trigger.REIMPORT);
    assertThat(d.kind()).isEqualTo(RunKind.REIMPORT);
    assertThat(d.since()).contains(from);
  }

  @Test
  @DisplayName(Seeds.S002 + "a re-import date in the future is not run")
  void reimportFromFuture() {
    ScheduleState state = ScheduleState.builder().reimportFrom(AS_OF.plusSeconds(3600)).build();

    ScheduleDecision d = POLICY.decide(state, AS_OF);

    assertThat(d.runNow()).isFalse();
    assertThat(d.explanation()).contains("in the future");
  }

  @Test
  @DisplayName(Seeds.S001 + "a run still in progress blocks manual and scheduled runs")
  void noOverlap() {
    ScheduleState state = ScheduleState.builder().lastRunStartedAt(AS_OF.minusSeconds(7200))
        .manualTriggerAt(AS_OF).build();

    ScheduleDecision d = POLICY.decide(state, AS_OF);

    assertThat(d.runNow()).isFalse();
    assertThat(d.explanation()).contains("in progress");
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of(ScheduleConfig.builder().interval(Duration.ofSeconds(59)),
            "ScheduleConfig.interval must be at least 1 minute"),
        Arguments.of(ScheduleConfig.builder().retryInitialBackoff(Duration.ZERO),
            "ScheduleConfig.retryInitialBackoff must be positive"),
        Arguments.of(ScheduleConfig.builder().retryMaxBackoff(Duration.ofSeconds(30)),
            "ScheduleConfig.retryMaxBackoff must not be less than retryInitialBackoff"),
        Arguments.of(ScheduleConfig.builder().retryMultiplier(0),
            "ScheduleConfig.retryMultiplier must be between 1 and 10"),
        Arguments.of(ScheduleConfig.builder().retryMultiplier(11),
            "ScheduleConfig.retryMultiplier must be between 1 and 10"),
        Arguments.of(ScheduleConfig.builder().maxRetries(-1),
            "ScheduleConfig.maxRetries must be between 0 and 20"),
        Arguments.of(ScheduleConfig.builder().maxRetries(21),
            "ScheduleConfig.maxRetries must be between 0 and 20"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badConfigs")
  @DisplayName("ScheduleConfig rejects a bad configuration naming the field")
  void badConfig(ScheduleConfig.Builder builder, String message) {
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(message);
  }

  static Stream<Arguments> badStates() {
    return Stream.of(
        Arguments.of(ScheduleState.builder().consecutiveFailures(-1),
            "ScheduleState.consecutiveFailures must not be negative"),
        Arguments.of(ScheduleState.builder().lastRunFinishedAt(AS_OF).lastOutcome(
            RunOutcome.SUCCEEDED), "ScheduleState.lastRunFinishedAt is set but lastRunStartedAt"),
        Arguments.of(ScheduleState.builder().lastRunStartedAt(AS_OF).lastRunFinishedAt(AS_OF),
            "ScheduleState.lastOutcome is required"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badStates")
  @DisplayName("ScheduleState rejects inconsistent state naming the field")
  void badState(ScheduleState.Builder builder, String message) {
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("SchedulePolicy.backoff rejects a failure count below 1")
  void backoffArgument() {
    assertThatThrownBy(() -> POLICY.backoff(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failures must be at least 1");
  }
}
