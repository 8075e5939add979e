package dev.lightspeedsync.sync.engine;

import static dev.lightspeedsync.sync.engine.FakeTruth.DOWNTOWN;
import static dev.lightspeedsync.sync.engine.FakeTruth.MAIN;
import static dev.lightspeedsync.sync.engine.SinkState.assertMatchesTruth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.FakeConnector.ReadCall;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.model.StockTracking;
import dev.lightspeedsync.sync.model.Visibility;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules as the engine applies them, once, to what a connector reads; and the report's counts. */
class SyncEngineRulesTest {
  private static final SyncSettings ALL_LOCATIONS = SyncSettings.defaults();
  private static final SyncSettings MAIN_ONLY = SyncSettings.builder()
      .location(LocationConfig.builder().defaultLocationCode("Main Warehouse").build()).build();

  /** A change between a first and a second run, and what the second run must have done. */
  record RuleCase(String name, SyncSettings settings, Consumer<FakeTruth> change, SyncStream stream,
      ReasonCode leftOutAs, BiConsumer<InMemorySyncSink, StreamReport> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<RuleCase> ruleCases() {
    return Stream.of(
        new RuleCase("a SKU that becomes hidden is deactivated, not erased", ALL_LOCATIONS,
            t -> t.changeSku("S003", at(t), s -> s.withVisibility(Visibility.HIDDEN)), SyncStream.CATALOGUE,
            ReasonCode.HIDDEN, (sink, r) -> {
              Sku stored = sink.findSkus(List.of("S003")).get("S003");
              assertThat(stored).isNotNull();
              assertThat(stored.active()).isFalse();
              assertThat(sink.findSales(List.of("VS004"))).isNotEmpty();
              assertThat(r.deactivated()).isEqualTo(1);
            }),
        new RuleCase("a SKU whose stock tracking is switched off is deactivated", ALL_LOCATIONS,
            t -> t.changeSku("S004", at(t), s -> s.withStockTracking(StockTracking.DISABLED)), SyncStream.CATALOGUE,
            ReasonCode.STOCK_NOT_TRACKED, (sink, r) -> {
              assertThat(sink.findSkus(List.of("S004")).get("S004").active()).isFalse();
              assertThat(r.deactivated()).isEqualTo(1);
            }),
        new RuleCase("a SKU deleted at the source is deactivated, not erased", ALL_LOCATIONS,
            t -> t.changeSku("S005", at(t), s -> s.withDeleted(true)), SyncStream.CATALOGUE,
            ReasonCode.DELETED_AT_SOURCE, (sink, r) -> {
              assertThat(sink.findSkus(List.of("S005")).get("S005").active()).isFalse();
              assertThat(r.deactivated()).isEqualTo(1);
            }),
        new RuleCase("stock of a location that is not selected is left out", MAIN_ONLY,
            t -> t.setStock("S006", DOWNTOWN, 5, at(t)), SyncStream.STOCK, ReasonCode.LOCATION_NOT_SELECTED,
            (sink, r) -> assertThat(sink.findStock(List.of("S006"))).extracting(StockLevel::locationId)
                .containsExactly(MAIN)),
        new RuleCase("a voided sale that was stored as completed is replaced", ALL_LOCATIONS,
            t -> t.changeSale("VS004", SaleStatus.VOIDED, at(t)), SyncStream.SALES, null,
            (sink, r) -> assertThat(sink.findSales(List.of("VS004")).get("VS004").status())
                .isEqualTo(SaleStatus.VOIDED)),
        new RuleCase("a sale at a location that is not selected is left out", MAIN_ONLY,
            t -> t.putSale(FakeTruth.sale("VD1", SaleStatus.COMPLETED, DOWNTOWN, "S001", at(t))), SyncStream.SALES,
            ReasonCode.LOCATION_NOT_SELECTED, (sink, r) -> assertThat(sink.findSales(List.of("VD1"))).isEmpty()),
        new RuleCase("a saved sale is not demand by default", ALL_LOCATIONS,
            t -> t.putSale(FakeTruth.sale("VSAVED", SaleStatus.SAVED, MAIN, "S001", at(t))), SyncStream.SALES,
            ReasonCode.SALE_NOT_COMPLETED, (sink, r) -> assertThat(sink.findSales(List.of("VSAVED"))).isEmpty()));
  }

  private static java.time.Instant at(FakeTruth t) {
    return t.newestSku().plus(Duration.ofHours(2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleCases")
  void theEngineAppliesEachRuleToWhatTheConnectorReads(RuleCase c) {
    Harness h = new Harness(10);
    h.settings = c.settings();
    h.run();
    c.change().accept(h.truth);
    h.later();

    SyncReport second = h.run();

    assertThat(second.complete()).isTrue();
    StreamReport stream = second.stream(c.stream()).orElseThrow();
    if (c.leftOutAs() != null) {
      assertThat(stream.leftOut()).containsEntry(c.leftOutAs(), 1L);
    }
    c.check().accept(h.store, stream);
    assertMatchesTruth(h.store, h.truth, c.settings() == MAIN_ONLY ? Set.of(MAIN) : Set.of(MAIN, DOWNTOWN));
  }

  static Stream<Arguments> wrongLocationCodes() {
    return Stream.of(
        Arguments.of("main warehouse", "did you mean 'Main Warehouse'?"),
        Arguments.of("MainWarehouse", "did you mean 'Main Warehouse'?"),
        Arguments.of("Main Warehose", "did you mean 'Main Warehouse'?"),
        Arguments.of("Backroom", "no location named 'Backroom'"));
  }

  @ParameterizedTest(name = "''{0}'' fails with \"{1}\"")
  @MethodSource("wrongLocationCodes")
  void locationSettingsThatNameAMissingLocationFailBeforeAnythingIsWritten(String code, String message) {
    Harness h = new Harness(10);
    h.settings = SyncSettings.builder().location(LocationConfig.builder().defaultLocationCode(code).build()).build();
    SinkState empty = SinkState.of(h.store, h.truth);

    assertThatThrownBy(h::run).isInstanceOfSatisfying(SyncRunException.class, e -> {
      assertThat(e.reason()).isEqualTo(SyncRunException.Reason.SETTINGS);
      assertThat(e.getMessage()).contains(message);
    });
    assertThat(SinkState.of(h.store, h.truth)).isEqualTo(empty);
    assertThat(h.store.locations()).isEmpty();
    assertThat(h.last.calls).extracting(ReadCall::pass).containsOnly("locations");
  }

  @Test
  void locationSettingsAreCheckedAgainstEveryPageOfLocations() {
    Harness h = new Harness(10);
    h.settings = SyncSettings.builder().location(LocationConfig.builder().defaultLocationCode("Downtown Store")
        .strategy(LocationStrategy.ONE).build()).build();
    h.truth.setStock("S001", DOWNTOWN, 4, FakeTruth.T0);
    h.connectorOptions = c -> c.locationsPageSize = 1; // Downtown Store is on the second page

    SyncReport report = h.run();

    assertThat(report.complete()).isTrue();
    assertThat(report.stream(SyncStream.LOCATIONS).orElseThrow().pages()).isEqualTo(2);
    assertThat(h.store.locations()).hasSize(2);
    assertMatchesTruth(h.store, h.truth, Set.of(DOWNTOWN));
  }

  @Test
  void aMalformedRecordGoesToTheConnectionLogAndTheRestOfThePageIsStored() {
    Harness h = new Harness(10);
    h.truth.malformedSkus.add("S005");

    SyncReport report = h.run();

    assertThat(report.complete()).isTrue();
    assertThat(h.store.findSkus(List.of("S005"))).isEmpty();
    assertThat(h.store.findSkus(List.of("S004", "S006"))).hasSize(2);
    assertThat(h.store.openIssues(RecordKind.SKU)).filteredOn(i -> i.reason() == ReasonCode.MALFORMED_RECORD)
        .extracting(RecordIssue::recordId).containsExactly("S005");
    StreamReport catalogue = report.stream(SyncStream.CATALOGUE).orElseThrow();
    assertThat(catalogue.rejected()).isEqualTo(1);
    assertThat(catalogue.stored()).isEqualTo(9);
    assertMatchesTruth(h.store, h.truth);
  }

  @Test
  void theReportCountsAddUpForEveryStreamAndRequestsComeFromTheTransport() {
    Harness h = new Harness(30);
    h.settings = MAIN_ONLY;
    FakeTruth t = h.truth;
    t.changeSku("S003", FakeTruth.T0.plusSeconds(200), s -> s.withVisibility(Visibility.HIDDEN));
    t.changeSku("S004", FakeTruth.T0.plusSeconds(260), s -> s.withStockTracking(StockTracking.DISABLED));
    t.malformedSkus.add("S005");
    for (int i = 10; i < 15; i++) {
      t.setStock(FakeTruth.skuId(i), DOWNTOWN, i, FakeTruth.T0.plus(Duration.ofMinutes(i)));
    }
    t.putSale(FakeTruth.sale("VSAVED", SaleStatus.SAVED, MAIN, "S001", FakeTruth.T0.plusSeconds(100)));
    t.putSale(FakeTruth.sale("VDOWN", SaleStatus.COMPLETED, DOWNTOWN, "S001", FakeTruth.T0.plusSeconds(110)));
    t.changeSale("VS008", SaleStatus.VOIDED, FakeTruth.T0.plus(Duration.ofMinutes(8)).plusSeconds(20));
    FakeConnector connector = h.connector();
    connector.voidRecheck = true;
    SyncEngine engine = h.engine();

    SyncReport first = engine.run(connector);
    int firstCalls = connector.calls.size();
    assertCountsAddUp(first);
    assertThat(first.requests()).isEqualTo(firstCalls);
    assertThat(first.stream(SyncStream.CATALOGUE).orElseThrow().leftOut())
        .containsEntry(ReasonCode.HIDDEN, 1L).containsEntry(ReasonCode.STOCK_NOT_TRACKED, 1L);
    assertThat(first.stream(SyncStream.STOCK).orElseThrow().leftOut())
        .containsEntry(ReasonCode.LOCATION_NOT_SELECTED, 5L);

    t.voidSilently("VS012", t.newestSale().minusSeconds(30)); // only the re-check sees it
    t.changeSku("S006", h.clock.instant(), s -> s.withName("Renamed 6"));
    AtomicRateLimit.once(connector, h);
    h.later();
    SyncReport second = engine.run(connector);

    assertCountsAddUp(second);
    assertThat(second.requests()).isEqualTo(connector.calls.size() - firstCalls);
    assertThat(second.rateLimited()).isEqualTo(1);
    assertThat(h.store.findSales(List.of("VS012")).get("VS012").status()).isEqualTo(SaleStatus.VOIDED);
    assertMatchesTruth(h.store, h.truth, Set.of(MAIN));
  }

  /** read == stored + left out + rejected, for every stream. */
  private static void assertCountsAddUp(SyncReport report) {
    Map<SyncStream, String> sums = report.streams().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue().read() + " = " + (e.getValue().stored() + e.getValue().leftOutTotal() + e.getValue().rejected())));
    report.streams().forEach((s, r) -> assertThat(r.read()).as("%s read = stored + left out + rejected: %s", s, sums)
        .isEqualTo(r.stored() + r.leftOutTotal() + r.rejected()));
  }

  /** A single 429 on the connector's next skus read. */
  private static final class AtomicRateLimit {
    static void once(FakeConnector c, Harness h) {
      boolean[] fired = {false};
      c.beforeRead = call -> {
        if (!fired[0] && call.pass().equals("skus")) {
          fired[0] = true;
          throw new dev.lightspeedsync.sync.spi.SourceRateLimitedException(h.clock.instant().plusSeconds(10), "429",
              null);
        }
      };
    }
  }
}
