package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeSourceTest {
  @Test
  void manualClockMovesOnlyWhenTold() {
    ManualTimeSource t = new ManualTimeSource(Instant.parse("2026-01-01T00:00:00Z"));
    Clock clock = t.asClock();
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    t.advance(Duration.ofSeconds(90));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:01:30Z"));
    t.set(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(t.now()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
  }

  @Test
  void sleepingOnAManualClockAdvancesItAndAScaledOneSleepsLess() throws InterruptedException {
    ManualTimeSource manual = new ManualTimeSource(Instant.parse("2026-01-01T00:00:00Z"));
    long t0 = System.nanoTime();
    manual.sleep(Duration.ofHours(3));
    assertThat(manual.now()).isEqualTo(Instant.parse("2026-01-01T03:00:00Z"));
    manual.sleep(Duration.ofSeconds(-1));
    assertThat(manual.now()).isEqualTo(Instant.parse("2026-01-01T03:00:00Z"));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    TimeSource fast = TimeSource.scaled(1_000_000);
    Instant before = fast.now();
    long t1 = System.nanoTime();
    fast.sleep(Duration.ofSeconds(20)); // 20 microseconds of real time
    assertThat(Duration.between(before, fast.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
    assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void scaledRejectsNonsense() {
    assertThatThrownBy(() -> TimeSource.scaled(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimeSource.scaled(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(TimeSource.system().scale()).isEqualTo(1.0);
  }

  @Test
  void faultPlanValidatesProbabilities() {
    assertThatThrownBy(() -> FaultPlan.seeded(1).with(Fault.SERVER_ERROR, 0.7).with(Fault.DROP_CONNECTION, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultPlan.seeded(1).with(Fault.SERVER_ERROR, 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(FaultPlan.none().rates()).isEmpty();
  }
}
