package dev.lightspeedsync.sync.engine;

import static dev.lightspeedsync.sync.engine.FakeTruth.MAIN;
import static dev.lightspeedsync.sync.engine.FakeTruth.T0;
import static dev.lightspeedsync.sync.engine.SinkState.assertMatchesTruth;
import static dev.lightspeedsync.sync.engine.SinkState.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lightspeedsync.sync.engine.FakeConnector.ReadCall;
import dev.lightspeedsync.sync.spi.Bookmark;
import dev.lightspeedsync.sync.spi.PlanContext;
import dev.lightspeedsync.sync.spi.ReadPlan;
import dev.lightspeedsync.sync.spi.ReadStart;
import dev.lightspeedsync.sync.spi.RunLock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine's main flows against a fake connector: full, incremental, checkpoints, re-import, dry run, locking. */
class SyncEngineFlowTest {
  private static final Duration OVERLAP = Duration.ofMinutes(2);

  @Test
  void firstRunIsFullThenTheNextReadsOnlyChangesAndTheOverlap() {
    Harness h = new Harness(25);

    SyncReport first = h.run();

    assertThat(first.complete()).isTrue();
    assertThat(first.full()).isTrue();
    assertThat(first.stream(SyncStream.CATALOGUE).orElseThrow().plan()).isEqualTo("catalogue:full");
    assertThat(first.stream(SyncStream.STOCK).orElseThrow().plan()).isEqualTo("stock:full");
    assertThat(first.stream(SyncStream.SALES).orElseThrow().plan()).isEqualTo("sales:full");
    assertThat(first.stream(SyncStream.CATALOGUE).orElseThrow().full()).isTrue();
    assertThat(h.last.calls("skus")).allMatch(c -> c.start().full());
    assertMatchesTruth(h.store, h.truth);
    Instant bookmark = h.truth.newestSku();
    assertThat(position(h.store, SyncStream.CATALOGUE).bookmark()).isEqualTo(Bookmark.time(bookmark));

    Instant changedAt = h.clock.instant();
    h.truth.changeSku("S003", changedAt, s -> s.withName("Renamed 3"));
    h.truth.changeSku("S007", changedAt, s -> s.withName("Renamed 7"));
    h.truth.setStock("S003", MAIN, 99, changedAt);
    h.later();
    SyncReport second = h.run();

    assertThat(second.complete()).isTrue();
    assertThat(second.full()).isFalse();
    StreamReport catalogue = second.stream(SyncStream.CATALOGUE).orElseThrow();
    assertThat(catalogue.plan()).isEqualTo("catalogue:changes");
    assertThat(catalogue.full()).isFalse();
    assertThat(h.last.calls("skus")).extracting(ReadCall::start)
        .containsOnly(ReadStart.from(Bookmark.time(bookmark.minus(OVERLAP))));
    // 2 changed + S023..S025, inside the 2-minute overlap before the bookmark
    assertThat(catalogue.read()).isEqualTo(5).isEqualTo(h.truth.skusChangedSince(bookmark.minus(OVERLAP)));
    // S003's new row + S023..S025
    assertThat(second.stream(SyncStream.STOCK).orElseThrow().read()).isEqualTo(4);
    assertThat(h.sink.skuUpserts).containsEntry("S003", 2).containsEntry("S001", 1);
    assertMatchesTruth(h.store, h.truth);
    assertThat(position(h.store, SyncStream.CATALOGUE).bookmark()).isEqualTo(Bookmark.time(changedAt));
  }

  @Test
  void everyPageSavesOneCheckpoint() {
    Harness h = new Harness(25); // pages of 10: catalogue 3, stock 3, sales (12) 2

    SyncReport report = h.run();

    long pages = report.streams().entrySet().stream().filter(e -> e.getKey() != SyncStream.LOCATIONS)
        .mapToLong(e -> e.getValue().pages()).sum();
    assertThat(pages).isEqualTo(8);
    assertThat(h.sink.checkpoints).hasSize(8);
    assertThat(h.sink.checkpointsOf(SyncStream.CATALOGUE)).isEqualTo(3);
    assertThat(h.sink.checkpointsOf(SyncStream.STOCK)).isEqualTo(3);
    assertThat(h.sink.checkpointsOf(SyncStream.SALES)).isEqualTo(2);
    assertThat(h.sink.checkpointsOf(SyncStream.LOCATIONS)).isZero();
  }

  static Stream<Arguments> crashAfterCheckpoint() {
    return Stream.of(Arguments.of(1, "skus", "10"), Arguments.of(2, "skus", "20"), Arguments.of(4, "stock", "10"));
  }

  @ParameterizedTest(name = "after checkpoint {0} the rerun asks {1} for the page at {2}")
  @MethodSource("crashAfterCheckpoint")
  void theCheckpointOfPageKLetsANewRunContinueAtPageKPlusOne(int checkpoints, String pass, String cursor) {
    Harness h = new Harness(25);
    h.sink.killAfterCheckpoints = checkpoints;
    assertThatThrownBy(h::run).isInstanceOf(RecordingSink.Killed.class);

    h.restart();
    SyncReport rerun = h.run();

    assertThat(rerun.complete()).isTrue();
    List<ReadCall> calls = h.last.calls(pass);
    assertThat(calls.get(0).cursor()).isEqualTo(cursor);
    assertThat(calls.get(0).start().full()).isTrue();
    assertThat(calls).hasSize(3 - Integer.parseInt(cursor) / 10);
    assertMatchesTruth(h.store, h.truth);
  }

  @ParameterizedTest(name = "overlap {0}: late record picked up = {1}")
  @MethodSource("overlaps")
  void aRecordWrittenLateWithAnEarlierTimestampIsPickedUpInsideTheOverlap(Duration overlap, boolean pickedUp) {
    Harness h = new Harness(25);
    h.engineOptions = b -> b.overlap(overlap);
    h.run();
    Instant bookmark = h.truth.newestSku();

    h.truth.addSku("S900", bookmark.minus(Duration.ofMinutes(1))); // committed late, stamped earlier
    h.later();
    h.run();

    assertThat(h.store.findSkus(List.of("S900"))).hasSize(pickedUp ? 1 : 0);
    assertThat(h.sink.skuUpserts.getOrDefault("S900", 0)).isEqualTo(pickedUp ? 1 : 0);
  }

  static Stream<Arguments> overlaps() {
    return Stream.of(Arguments.of(OVERLAP, true), Arguments.of(Duration.ZERO, false));
  }

  @Test
  void reimportFromADateMovesTheBookmarkBackAndReadsEverythingAfterItAgain() {
    Harness h = new Harness(25);
    h.run();
    Instant from = T0.plus(Duration.ofMinutes(10));

    SyncReport report = h.run(SyncRequest.builder().reimportFrom(from).build());

    assertThat(report.complete()).isTrue();
    assertThat(h.last.calls("skus")).extracting(ReadCall::start)
        .containsOnly(ReadStart.from(Bookmark.time(from.minus(OVERLAP))));
    assertThat(report.stream(SyncStream.CATALOGUE).orElseThrow().read()).isEqualTo(18); // S008..S025
    assertThat(h.sink.skuUpserts).containsEntry("S015", 2).containsEntry("S002", 1);
    assertThat(position(h.store, SyncStream.CATALOGUE).bookmark()).isEqualTo(Bookmark.time(h.truth.newestSku()));
    assertMatchesTruth(h.store, h.truth);
  }

  @Test
  void aReimportFromADateAfterTheBookmarkDoesNotSkipChangesNotReadYet() {
    Harness h = new Harness(25);
    h.run();
    Instant changedAt = h.clock.instant();
    h.truth.changeSku("S003", changedAt, s -> s.withName("Renamed 3"));
    h.later();

    h.run(SyncRequest.builder().reimportFrom(changedAt.plus(Duration.ofMinutes(30))).build());

    assertThat(h.store.findSkus(List.of("S003")).get("S003").name()).isEqualTo("Renamed 3");
    assertMatchesTruth(h.store, h.truth);
  }

  @Test
  void aDryRunWritesNothingButCountsWhatItWouldStore() {
    Harness h = new Harness(25);
    SinkState empty = SinkState.of(h.store, h.truth);
    SyncReport dryFirst = h.run(SyncRequest.builder().dryRun(true).build());
    assertThat(dryFirst.dryRun()).isTrue();
    assertThat(dryFirst.stream(SyncStream.CATALOGUE).orElseThrow().stored()).isEqualTo(25);
    assertThat(SinkState.of(h.store, h.truth)).isEqualTo(empty);
    assertThat(h.store.locations()).isEmpty();

    h.run();
    h.truth.changeSku("S003", h.clock.instant(), s -> s.withName("Renamed 3"));
    h.later();
    SinkState before = SinkState.of(h.store, h.truth);
    int writes = h.sink.writes;

    SyncReport dry = h.run(SyncRequest.builder().dryRun(true).build());

    assertThat(dry.complete()).isTrue();
    assertThat(SinkState.of(h.store, h.truth)).isEqualTo(before);
    assertThat(h.sink.writes).as("writes reaching the host's sink").isEqualTo(writes);
    assertThat(dry.stream(SyncStream.CATALOGUE).orElseThrow().stored()).isEqualTo(4); // S003 + 3 of overlap
    assertThat(h.store.findSkus(List.of("S003")).get("S003").name()).isEqualTo("Product 3");
  }

  @Test
  void aHostCanWatchWhatADryRunWouldWriteThroughTheDryRunSink() {
    Harness h = new Harness(25);
    h.run();
    h.truth.changeSku("S003", h.clock.instant(), s -> s.withName("Renamed 3"));
    h.later();
    SinkState before = SinkState.of(h.store, h.truth);
    int writes = h.sink.writes;
    // the host's own observer sits between the engine and the dry-run overlay, as the example app's counters do
    RecordingSink watched = new RecordingSink(SyncEngine.dryRunSink(h.sink));

    SyncReport report = SyncEngine.builder().sink(watched).settings(h.settings).clock(h.clock).sleeper(h.clock.sleeper())
        .build().run(h.connector(), SyncRequest.all());

    assertThat(report.complete()).isTrue();
    assertThat(watched.skuUpserts).as("what the dry run would write").containsEntry("S003", 1);
    assertThat(watched.findSkus(List.of("S003")).get("S003").name()).as("reads see the overlay").isEqualTo("Renamed 3");
    assertThat(h.sink.writes).as("writes reaching the host's sink").isEqualTo(writes);
    assertThat(SinkState.of(h.store, h.truth)).isEqualTo(before);
    assertThat(h.store.findSkus(List.of("S003")).get("S003").name()).isEqualTo("Product 3");
  }

  @Test
  void aSecondRunOfTheSameAccountIsRefusedWhileTheLockIsHeld() {
    Harness h = new Harness(5);
    try (RunLock held = h.store.tryLockRun(FakeConnector.ACCOUNT).orElseThrow()) {
      assertThatThrownBy(h::run).isInstanceOfSatisfying(SyncRunException.class, e -> {
        assertThat(e.reason()).isEqualTo(SyncRunException.Reason.ALREADY_RUNNING);
        assertThat(e.accountKey()).isEqualTo(FakeConnector.ACCOUNT);
      });
      assertThat(h.last.calls).isEmpty();
    }
    assertThat(h.run().complete()).isTrue();
  }

  @Test
  void aRunStartedWhileAnotherRunsIsRefusedAndTheFirstCompletes() {
    Harness h = new Harness(25);
    Throwable[] nested = new Throwable[1];
    h.connectorOptions = c -> c.beforeRead = call -> {
      if (call.index() == 2) {
        nested[0] = catchThrowable(() -> h.engine().run(new FakeConnector(h.truth, h.clock)));
      }
    };

    SyncReport outer = h.run();

    assertThat(outer.complete()).isTrue();
    assertThat(nested[0]).isInstanceOfSatisfying(SyncRunException.class,
        e -> assertThat(e.reason()).isEqualTo(SyncRunException.Reason.ALREADY_RUNNING));
    assertMatchesTruth(h.store, h.truth);
  }

  @Test
  void aPlanThatReadsTwoStreamsInOneWalkGivesEachStreamItsOwnNewestBookmark() {
    Harness h = new Harness(25);
    h.connectorOptions = c -> c.combinedFullWalk = true;
    Instant stockNewest = T0.plus(Duration.ofHours(3));
    h.truth.setStock("S005", MAIN, 7, stockNewest);

    SyncReport first = h.run();

    assertThat(first.stream(SyncStream.CATALOGUE).orElseThrow().plan()).isEqualTo("skus+stock");
    assertThat(first.stream(SyncStream.STOCK).orElseThrow().plan()).isEqualTo("skus+stock");
    assertThat(first.stream(SyncStream.STOCK).orElseThrow().full()).isTrue();
    assertThat(position(h.store, SyncStream.CATALOGUE).bookmark()).isEqualTo(Bookmark.time(h.truth.newestSku()));
    assertThat(position(h.store, SyncStream.STOCK).bookmark()).isEqualTo(Bookmark.time(stockNewest));
    assertThat(h.sink.checkpointsOf(SyncStream.CATALOGUE)).isEqualTo(3);
    assertThat(h.sink.checkpointsOf(SyncStream.STOCK)).isEqualTo(1);
    assertMatchesTruth(h.store, h.truth);

    h.later();
    SyncReport second = h.run();

    assertThat(second.stream(SyncStream.STOCK).orElseThrow().plan()).isEqualTo("stock:changes");
    assertThat(h.last.calls("stock")).extracting(ReadCall::start)
        .containsOnly(ReadStart.from(Bookmark.time(stockNewest.minus(OVERLAP))));
    assertThat(second.stream(SyncStream.STOCK).orElseThrow().read()).isEqualTo(1);
  }

  static Stream<Arguments> contractViolations() {
    BiFunction<FakeConnector, PlanContext, List<ReadPlan>> missingStock =
        (c, ctx) -> List.of(c.catalogue(true), c.salesPlan(true));
    BiFunction<FakeConnector, PlanContext, List<ReadPlan>> catalogueTwice =
        (c, ctx) -> List.of(c.catalogue(true), c.catalogue(false),
            ReadPlan.of("stock", SyncStream.STOCK, ReadPlan.BookmarkRule.NEWEST_RECORD, "", c.stock()),
            c.salesPlan(true));
    BiFunction<FakeConnector, PlanContext, List<ReadPlan>> notAskedFor =
        (c, ctx) -> List.of(c.catalogue(true),
            ReadPlan.of("stock", SyncStream.STOCK, ReadPlan.BookmarkRule.NEWEST_RECORD, "", c.stock()),
            c.salesPlan(true));
    return Stream.of(
        Arguments.of("a requested stream is not covered", SyncRequest.all(), missingStock, "were asked for"),
        Arguments.of("a stream is covered twice", SyncRequest.all(), catalogueTwice, "covered by two read plans"),
        Arguments.of("a stream is covered that was not asked for",
            SyncRequest.builder().streams(EnumSet.of(SyncStream.CATALOGUE, SyncStream.SALES)).build(), notAskedFor,
            "were asked for"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractViolations")
  void aConnectorThatBreaksThePlanContractFailsTheRun(String name, SyncRequest request,
      BiFunction<FakeConnector, PlanContext, List<ReadPlan>> plans, String message) {
    Harness h = new Harness(5);
    h.connectorOptions = c -> c.planOverride = ctx -> plans.apply(c, ctx);

    assertThatThrownBy(() -> h.run(request)).isInstanceOfSatisfying(SyncRunException.class, e -> {
      assertThat(e.reason()).isEqualTo(SyncRunException.Reason.CONNECTOR);
      assertThat(e.getMessage()).contains("connector bug").contains(message);
    });
    assertThat(h.sink.checkpoints).isEmpty();
    assertThat(h.last.calls).extracting(ReadCall::pass).containsOnly("locations");
  }
}
