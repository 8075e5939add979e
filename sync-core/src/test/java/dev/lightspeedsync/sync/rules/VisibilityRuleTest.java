package dev.lightspeedsync.sync.rules;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static dev.lightspeedsync.sync.Fixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.Seeds;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockTracking;
import dev.lightspeedsync.sync.model.Visibility;
import dev.lightspeedsync.sync.Fixtures;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VisibilityRuleTest {
  private static final VisibilityRule RULE = VisibilityRule.of(VisibilityConfig.defaults());

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(Seeds.S000 + "'Always visible' products are shown",
            Visibility.VISIBLE, StockTracking.ENABLED, false, null),
        Arguments.of(Seeds.S000 + "'Visible when in stock' products are shown",
            Visibility.AUTO, StockTracking.ENABLED, false, null),
        Arguments.of(Seeds.S000 + "stock shown only as indicator is still tracked, so shown",
            Visibility.VISIBLE, StockTracking.INDICATOR, false, null),
        Arguments.of(Seeds.S000 + "'Hidden' / 'Stop selling' products are not shown and not"
            + " included", Visibility.HIDDEN, StockTracking.ENABLED, false, ReasonCode.HIDDEN),
        Arguments.of(Seeds.S000 + "variants whose stock is not tracked are not included",
            Visibility.VISIBLE, StockTracking.DISABLED, false, ReasonCode.STOCK_NOT_TRACKED),
        Arguments.of(Seeds.S000 + "a product removed from Lightspeed is not included",
            Visibility.VISIBLE, StockTracking.ENABLED, true, ReasonCode.DELETED_AT_SOURCE),
        Arguments.of(Seeds.DESIGN + "unknown visibility values are kept (and reported)",
            Visibility.UNKNOWN, StockTracking.ENABLED, false, null),
        Arguments.of(Seeds.DESIGN + "unknown stock tracking values are kept (and reported)",
            Visibility.VISIBLE, StockTracking.UNKNOWN, false, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("Rule 1: which SKUs are synced")
  void syncsOnlyVisibleTrackedSkus(String sentence, Visibility visibility, StockTracking tracking,
      boolean deleted, ReasonCode expected) {
    Sku s = sku("1").visibility(visibility).stockTracking(tracking).deleted(deleted).build();

    VisibilityResult result = RULE.apply(List.of(s), List.of(), Set.of(), AS_OF);

    if (expected == null) {
      assertThat(result.upserts()).containsExactly(s);
      assertThat(result.exclusions()).isEmpty();
    } else {
      assertThat(result.upserts()).isEmpty();
      assertThat(result.exclusions()).containsExactly(new Exclusion("1", expected));
    }
    assertThat(result.deactivations()).as("unknown to the host: nothing to deactivate").isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"HIDDEN,HIDDEN", "VISIBLE_UNTRACKED,STOCK_NOT_TRACKED", "DELETED,DELETED_AT_SOURCE"})
  @DisplayName(Seeds.S000 + "'give the product the status Hidden ... it will still be visible in the"
      + " placed order, but no longer in Optiply': a SKU active in the host is deactivated")
  void deactivatesSkusThatBecomeHiddenUntrackedOrDeleted(String change, ReasonCode reason) {
    Sku.Builder b = sku("1");
    if (change.equals("HIDDEN")) {
      b.visibility(Visibility.HIDDEN);
    } else if (change.equals("VISIBLE_UNTRACKED")) {
      b.stockTracking(StockTracking.DISABLED);
    } else {
      b.deleted(true);
    }

    VisibilityResult result = RULE.apply(List.of(b.build()), List.of(), Set.of("1"), AS_OF);

    assertThat(result.deactivations()).singleElement().satisfies(d -> {
      assertThat(d.skuId()).isEqualTo("1");
      assertThat(d.reason()).isEqualTo(reason);
      assertThat(d.asOf()).isEqualTo(AS_OF);
    });
  }

  @Test
  @DisplayName(Seeds.S000 + "'First give it the status Hidden ... You can then remove the product"
      + " from Lightspeed': a deletion deactivates, never erases; past sales stay")
  void deletedSkuIsDeactivatedAndHistoryStays() {
    InMemorySyncSink sink = new InMemorySyncSink();
    sink.upsertSkus(List.of(sku("1").build()));
    SalesOrder sale = Fixtures.retailSale("S1", SaleStatus.COMPLETED)
        .lines(List.of(SalesLine.of("L1", "1", 2))).build();
    sink.upsertSales(List.of(sale));

    VisibilityResult hidden = RULE.apply(
        List.of(sku("1").visibility(Visibility.HIDDEN).build()), List.of(), Set.of("1"), AS_OF);
    sink.deactivateSkus(hidden.deactivations());
    VisibilityResult deleted = RULE.apply(List.of(), List.of("1"), Set.of("1"), AS_OF);
    sink.deactivateSkus(deleted.deactivations());

    assertThat(deleted.exclusions()).containsExactly(
        new Exclusion("1", ReasonCode.DELETED_AT_SOURCE));
    assertThat(sink.findSkus(List.of("1"))).hasEntrySatisfying("1",
        s -> assertThat(s.active()).isFalse());
    assertThat(sink.findSales(List.of("S1"))).containsEntry("S1", sale);
  }

  @Test
  @DisplayName(Seeds.S000 + "a hidden product made visible again is synced as active again")
  void reactivatesVisibleSku() {
    Sku inactive = sku("1").active(false).build();

    VisibilityResult result = RULE.apply(List.of(inactive), List.of(), Set.of(), AS_OF);

    assertThat(result.upserts()).singleElement().satisfies(s -> assertThat(s.active()).isTrue());
  }

  @Test
  @DisplayName(Seeds.DESIGN + "'Unknown visibility values are kept and reported, not crashed on'")
  void unknownValuesAreReported() {
    Sku s = sku("1").visibility(Visibility.fromWire("teaser")).visibilityRaw("teaser")
        .stockTracking(StockTracking.fromWire("sometimes")).build();

    VisibilityResult kept = RULE.apply(List.of(s), List.of(), Set.of(), AS_OF);
    VisibilityResult dropped = VisibilityRule.of(
        VisibilityConfig.builder().keepUnknownValues(false).build())
        .apply(List.of(s), List.of(), Set.of("1"), AS_OF);

    assertThat(kept.upserts()).containsExactly(s);
    assertThat(kept.issues()).extracting(i -> i.reason()).containsExactly(
        ReasonCode.UNKNOWN_VISIBILITY, ReasonCode.UNKNOWN_STOCK_TRACKING);
    assertThat(kept.issues().get(0).problem()).contains("'teaser'");
    assertThat(dropped.upserts()).isEmpty();
    assertThat(dropped.exclusions()).containsExactly(
        new Exclusion("1", ReasonCode.UNKNOWN_VISIBILITY));
    assertThat(dropped.deactivations()).hasSize(1);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({"visible,VISIBLE", "auto,AUTO", "hidden,HIDDEN", "' Hidden ',HIDDEN", "true,VISIBLE",
      "false,HIDDEN", "teaser,UNKNOWN", "'',UNKNOWN"})
  @DisplayName(Seeds.S000 + "wire visibility values map to the three statuses, anything else to"
      + " UNKNOWN")
  void visibilityFromWire(String raw, Visibility expected) {
    assertThat(Visibility.fromWire(raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({"enabled,ENABLED", "indicator,INDICATOR", "disabled,DISABLED", "other,UNKNOWN"})
  @DisplayName(Seeds.S000 + "wire stock tracking values map, anything else to UNKNOWN")
  void trackingFromWire(String raw, StockTracking expected) {
    assertThat(StockTracking.fromWire(raw)).isEqualTo(expected);
  }

  @Test
  @DisplayName("Rule 1: results keep input order and report every exclusion")
  void keepsInputOrder() {
    List<Sku> skus = List.of(sku("3").build(), sku("1").visibility(Visibility.HIDDEN).build(),
        sku("2").build());

    VisibilityResult result = RULE.apply(skus, List.of(), Set.of(), AS_OF);

    assertThat(result.upserts()).extracting(Sku::id).containsExactly("3", "2");
    assertThat(result.exclusions()).extracting(Exclusion::recordId).containsExactly("1");
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of(EnumSet.noneOf(Visibility.class), "syncedVisibilities must not be empty"),
        Arguments.of(EnumSet.of(Visibility.VISIBLE, Visibility.UNKNOWN),
            "syncedVisibilities must not contain UNKNOWN"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badConfigs")
  @DisplayName("VisibilityConfig rejects a bad configuration naming the field")
  void badConfig(Set<Visibility> visibilities, String message) {
    assertThatThrownBy(() -> VisibilityConfig.builder().syncedVisibilities(visibilities).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VisibilityConfig." + message);
  }
}
