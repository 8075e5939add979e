package dev.lightspeedsync.sync.engine;

import static dev.lightspeedsync.sync.engine.FakeTruth.MAIN;
import static dev.lightspeedsync.sync.engine.SinkState.assertMatchesTruth;
import static dev.lightspeedsync.sync.engine.SinkState.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.engine.FakeConnector.ReadCall;
import dev.lightspeedsync.sync.engine.internal.Position;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.spi.Bookmark;
import dev.lightspeedsync.sync.spi.CursorRejectedException;
import dev.lightspeedsync.sync.spi.SourceRateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Crashes, failed passes, rate limits, deadlines, interruptions and rejected cursors: every rerun ends equal to the truth. */
class SyncEngineResumeTest {

  /** An account whose shape varies with the seed: page size, one walk or two, a voided-sales re-check. */
  private static Harness account(int seed) {
    Harness h = new Harness(37);
    h.truth.voidSilently("VS010", FakeTruth.T0.plus(Duration.ofMinutes(30)));
    h.connectorOptions = c -> {
      c.pageSize = 3 + seed % 5;
      c.combinedFullWalk = seed % 2 == 0;
      c.voidRecheck = seed % 3 == 0;
    };
    return h;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void aRunKilledAtARandomWriteResumesWithTheSinkEqualToTheTruthAndNothingStoredTwiceBeyondTheOverlap(int seed) {
    Harness clean = account(seed);
    clean.run();
    int killAt = 1 + new Random(seed).nextInt(clean.sink.writes);

    Harness h = account(seed);
    h.sink.killAtWrite = killAt;
    assertThatThrownBy(h::run).isInstanceOf(RecordingSink.Killed.class);
    RecordingSink killed = h.sink;
    h.restart();
    SyncReport rerun = h.run();

    assertThat(rerun.complete()).isTrue();
    assertMatchesTruth(h.store, h.truth);
    int pageSize = h.last.pageSize;
    assertStoredAtMostTwice(killed.skuUpserts, h.sink.skuUpserts, pageSize);
    assertStoredAtMostTwice(killed.stockUpserts, h.sink.stockUpserts, pageSize);
    assertStoredAtMostTwice(killed.saleUpserts, h.sink.saleUpserts, pageSize);
  }

  /** Each record at most twice over both runs; only the replayed page and the overlap (3 records) twice. */
  private static void assertStoredAtMostTwice(Map<String, Integer> first, Map<String, Integer> second, int pageSize) {
    Map<String, Integer> total = new HashMap<>(first);
    second.forEach((id, n) -> total.merge(id, n, Integer::sum));
    assertThat(total.values()).allMatch(n -> n <= 2);
    assertThat(total.values().stream().filter(n -> n == 2).count()).isLessThanOrEqualTo(pageSize + 3);
  }

  @Test
  void aVoidedSalesRecheckThatFailsHalfWayLeavesTheBookmarkAndTheRerunAppliesTheVoids() {
    Harness h = new Harness(20);
    h.connectorOptions = c -> {
      c.voidRecheck = true;
      c.pageSize = 2;
    };
    h.run();
    Bookmark before = position(h.store, SyncStream.SALES).bookmark();
    Instant voidedAt = before.asTime().plus(Duration.ofMinutes(1));
    h.truth.voidSilently("VS004", voidedAt);
    h.truth.voidSilently("VS008", voidedAt);
    h.truth.voidSilently("VS012", voidedAt);
    // a new sale, well after the voids: a bookmark moved to it would start the re-check after them
    Instant newSale = before.asTime().plus(Duration.ofMinutes(10));
    h.truth.putSale(FakeTruth.sale("VNEW", SaleStatus.COMPLETED, MAIN, "S001", newSale));
    h.later();
    h.connectorOptions = h.connectorOptions.andThen(c -> c.beforeRead = call -> {
      if (call.pass().equals("voided") && call.cursor() != null) {
        throw new IllegalStateException("connection reset");
      }
    });

    assertThatThrownBy(h::run).hasMessage("connection reset");

    Position failed = position(h.store, SyncStream.SALES);
    assertThat(failed.bookmark()).as("bookmark after the failed re-check").isEqualTo(before);
    assertThat(failed.inProgress()).isTrue();
    assertThat(h.store.findSales(List.of("VS004", "VS008")).values()).extracting(o -> o.status())
        .containsOnly(SaleStatus.VOIDED);
    assertThat(h.store.findSales(List.of("VS012")).get("VS012").status()).isEqualTo(SaleStatus.COMPLETED);

    h.connectorOptions = c -> {
      c.voidRecheck = true;
      c.pageSize = 2;
    };
    SyncReport rerun = h.run();

    assertThat(rerun.complete()).isTrue();
    assertThat(h.last.calls("voided").get(0).cursor()).isEqualTo("2");
    assertThat(h.store.findSales(List.of("VS012")).get("VS012").status()).isEqualTo(SaleStatus.VOIDED);
    assertThat(position(h.store, SyncStream.SALES).bookmark()).isEqualTo(Bookmark.time(newSale));
    assertMatchesTruth(h.store, h.truth);
  }

  @Test
  void withPolicyWaitTheEngineSleepsUntilTheWindowAndReadsTheSamePageAgain() {
    Harness h = new Harness(25);
    AtomicReference<Instant> retryAt = new AtomicReference<>();
    h.connectorOptions = c -> c.beforeRead = call -> {
      if (call.index() == 3) { // skus, third page
        retryAt.set(h.clock.instant().plusSeconds(90));
        throw new SourceRateLimitedException(retryAt.get(), "429: window full", null);
      }
    };

    SyncReport report = h.run();

    assertThat(report.status()).isEqualTo(SyncReport.Status.COMPLETE);
    assertThat(h.clock.sleeps()).containsExactly(Duration.ofSeconds(90));
    List<ReadCall> calls = h.last.calls;
    assertThat(calls.get(4).samePage(calls.get(3))).isTrue();
    assertThat(report.rateLimitWaits()).isEqualTo(1);
    assertThat(report.rateLimited()).isEqualTo(1);
    assertThat(report.requests()).isEqualTo(calls.size());
    assertMatchesTruth(h.store, h.truth);
  }

  @Test
  void withPolicyStopTheRunStopsAtTheCheckpointAndTheNextRunAsksForTheRefusedPage() {
    Harness h = new Harness(25);
    h.engineOptions = b -> b.rateLimitPolicy(RateLimitPolicy.STOP);
    Instant retryAt = h.clock.instant().plus(Duration.ofMinutes(5));
    h.connectorOptions = c -> c.beforeRead = call -> {
      if (call.index() == 2) { // skus, second page
        throw new SourceRateLimitedException(retryAt, "429: window full", null);
      }
    };

    SyncReport stopped = h.run();

    assertThat(stopped.status()).isEqualTo(SyncReport.Status.STOPPED_FOR_RATE_LIMIT);
    assertThat(stopped.complete()).isFalse();
    assertThat(stopped.resumeAfter()).contains(retryAt);
    assertThat(h.clock.sleeps()).isEmpty();
    ReadCall refused = h.last.calls.get(2);
    assertThat(refused.cursor()).isEqualTo("10");

    h.connectorOptions = c -> {};
    h.clock.set(retryAt);
    SyncReport resumed = h.run();

    assertThat(resumed.complete()).isTrue();
    assertThat(h.last.calls("skus").get(0).samePage(refused)).isTrue();
    assertMatchesTruth(h.store, h.truth);
  }

  @Test
  void aRunThatReachesItsDeadlineKeepsItsCheckpointAndTheRerunCompletes() {
    Harness h = new Harness(25);
    h.connectorOptions = c -> c.perRead = Duration.ofMinutes(1);
    h.engineOptions = b -> b.deadline(Duration.ofMinutes(3)); // locations, skus page 1 and 2

    SyncReport first = h.run();

    assertThat(first.status()).isEqualTo(SyncReport.Status.DEADLINE_REACHED);
    Position kept = position(h.store, SyncStream.CATALOGUE);
    assertThat(kept.inProgress()).isTrue();
    assertThat(kept.cursor()).isEqualTo("20");

    h.engineOptions = b -> {};
    SyncReport rerun = h.run();

    assertThat(rerun.complete()).isTrue();
    assertThat(h.last.calls("skus")).extracting(ReadCall::cursor).containsExactly("20");
    assertMatchesTruth(h.store, h.truth);
  }

  @Test
  void anInterruptedRunStopsAtThePageBoundaryKeepsTheInterruptAndTheRerunCompletes() {
    Harness h = new Harness(25);
    h.connectorOptions = c -> c.beforeRead = call -> {
      if (call.index() == 2) {
        Thread.currentThread().interrupt();
      }
    };

    SyncReport first = h.run();

    assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    assertThat(first.status()).isEqualTo(SyncReport.Status.INTERRUPTED);
    assertThat(position(h.store, SyncStream.CATALOGUE).cursor()).isEqualTo("20");

    h.connectorOptions = c -> {};
    SyncReport rerun = h.run();

    assertThat(rerun.complete()).isTrue();
    assertThat(h.last.calls("skus")).extracting(ReadCall::cursor).containsExactly("20");
    assertMatchesTruth(h.store, h.truth);
  }

  @Test
  void anInterruptDuringARateLimitWaitStopsTheRunAtItsCheckpoint() {
    Harness h = new Harness(25);
    h.engineOptions = b -> b.sleeper(d -> {
      throw new InterruptedException();
    });
    h.connectorOptions = c -> c.beforeRead = call -> {
      if (call.index() == 2) {
        throw new SourceRateLimitedException(h.clock.instant().plusSeconds(30), "429", null);
      }
    };

    SyncReport first = h.run();

    assertThat(Thread.interrupted()).isTrue();
    assertThat(first.status()).isEqualTo(SyncReport.Status.INTERRUPTED);
    assertThat(position(h.store, SyncStream.CATALOGUE).cursor()).isEqualTo("10");
  }

  @Test
  void aSavedCursorThatIsRejectedIsReportedAndThePlanRestarts() {
    Harness h = new Harness(25);
    h.connectorOptions = c -> c.perRead = Duration.ofMinutes(1);
    h.engineOptions = b -> b.deadline(Duration.ofMinutes(3));
    h.run(); // stops with the catalogue at cursor 20
    AtomicBoolean rejected = new AtomicBoolean();
    h.engineOptions = b -> {};
    h.connectorOptions = c -> c.beforeRead = call -> {
      if (call.pass().equals("skus") && call.cursor() != null && rejected.compareAndSet(false, true)) {
        throw new CursorRejectedException("cursor " + call.cursor() + " belongs to another list", null);
      }
    };

    SyncReport report = h.run();

    assertThat(report.complete()).isTrue();
    assertThat(report.notices()).anySatisfy(n -> assertThat(n).contains("CATALOGUE").contains("could not be used")
        .contains("belongs to another list"));
    assertThat(h.last.calls("skus")).extracting(ReadCall::cursor).containsExactly("20", null, "10", "20");
    assertMatchesTruth(h.store, h.truth);
  }
}
