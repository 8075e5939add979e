package dev.lightspeedsync.sync.rules;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.Seeds;
import dev.lightspeedsync.sync.model.Component;
import dev.lightspeedsync.sync.model.CompositeDefinition;
import dev.lightspeedsync.sync.model.CompositeKind;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.StockLevel;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvailabilityRuleTest {
  private static final AvailabilityRule PUSH = AvailabilityRule.of(
      AvailabilityConfig.builder().pushStock(true).build());
  private static final CompositeBreakdown KIT = CompositeBreakdown.compile(List.of(
      CompositeDefinition.builder().compositeSkuId("KIT").kind(CompositeKind.ASSEMBLY)
          .addComponents(Component.of("a", 1), Component.of("b", 2)).build()),
      CompositeConfig.defaults(), AS_OF);
  private static final CompositeBreakdown NONE = CompositeBreakdown.compile(List.of(),
      CompositeConfig.defaults(), AS_OF);

  static StockLevel stock(String sku, String loc, long onHand, long allocated) {
    return StockLevel.builder().skuId(sku).locationId(loc).onHand(onHand).allocated(allocated)
        .build();
  }

  @ParameterizedTest(name = "on hand {0}, allocated {1} -> {2}")
  @CsvSource({"10,3,7", "3,3,0", "2,5,-3", "-1,0,-1", "0,0,0"})
  @DisplayName(Seeds.S002 + "'Available amount is a Stock On Hand minus allocated stock'")
  void availableIsOnHandMinusAllocated(long onHand, long allocated, long expected) {
    assertThat(AvailabilityRule.available(stock("A", "1", onHand, allocated))).isEqualTo(expected);

    PushPlan plan = PUSH.plan(List.of(stock("A", "1", onHand, allocated)), NONE, Map.of());
    assertThat(plan.pushes()).singleElement()
        .satisfies(p -> assertThat(p.available()).isEqualTo(expected));
  }

  @Test
  @DisplayName(Seeds.S002 + "'If enabled, the Available Quantity will also include the quantity for"
      + " auto-assembled products'")
  void includesAssemblable() {
    List<StockLevel> stock = List.of(stock("KIT", "1", 1, 0), stock("a", "1", 5, 1),
        stock("b", "1", 9, 1), stock("KIT", "2", 0, 0), stock("a", "2", 1, 0));
    AvailabilityRule withAssembly = AvailabilityRule.of(AvailabilityConfig.builder()
        .pushStock(true).includeAssemblable(true).build());

    PushPlan without = PUSH.plan(stock, KIT, Map.of());
    PushPlan with = withAssembly.plan(stock, KIT, Map.of());

    assertThat(without.pushes()).filteredOn(p -> p.skuId().equals("KIT"))
        .extracting(StockPush::available).containsExactly(1L, 0L);
    assertThat(with.pushes()).filteredOn(p -> p.skuId().equals("KIT"))
        .extracting(StockPush::available).as("1 + min(4/1, 8/2) at 1; 0 + 0 at 2 (no b)")
        .containsExactly(5L, 0L);
  }

  @Test
  @DisplayName(Seeds.S002 + "'any changes to stock inside Unleashed will update the count in"
      + " Lightspeed': only values that changed since the last push are pushed")
  void pushesOnlyChanges() {
    List<StockLevel> stock = List.of(stock("A", "1", 10, 0), stock("B", "1", 4, 1),
        stock("C", "1", 2, 0));

    PushPlan plan = PUSH.plan(stock, NONE, Map.of("A@1", 10L, "B@1", 4L));

    assertThat(plan.pushes()).extracting(StockPush::key, StockPush::available,
        StockPush::previous).containsExactly(
            org.assertj.core.groups.Tuple.tuple("B@1", 3L, OptionalLong.of(4)),
            org.assertj.core.groups.Tuple.tuple("C@1", 2L, OptionalLong.empty()));
    assertThat(plan.unchanged()).containsExactly(
        new Exclusion("A@1", ReasonCode.UNCHANGED_SINCE_LAST_PUSH));
    assertThat(plan.suppressedBecause()).isEmpty();
  }

  @Test
  @DisplayName(Seeds.S002 + "'Stock on hand exports are controlled at a global level, you cannot"
      + " turn off stock on hand exports for a particular mapping': one switch, none per outlet link")
  void stockExportIsGlobal() {
    assertThat(java.util.Arrays.stream(OutletLink.class.getDeclaredMethods())
        .filter(m -> !m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
        .map(java.lang.reflect.Method::getName))
        .containsExactlyInAnyOrder("outletId", "warehouseCode");
    assertThat(AvailabilityConfig.builder().pushStock(true).build().pushStock()).isTrue();
  }

  @Test
  @DisplayName(Seeds.S003 + "'If that setting is set to Yes, Picqer will only get information from"
      + " Lightspeed, but will not push any information back': read-only pushes nothing at all")
  void readOnlyPushesNothing() {
    AvailabilityRule readOnly = AvailabilityRule.of(AvailabilityConfig.builder().pushStock(true)
        .includeAssemblable(true).readOnly(true).build());

    PushPlan plan = readOnly.plan(List.of(stock("A", "1", 10, 0)), KIT, Map.of());

    assertThat(plan.pushes()).isEmpty();
    assertThat(plan.unchanged()).isEmpty();
    assertThat(plan.suppressedBecause()).contains(ReasonCode.READ_ONLY);
  }

  @Test
  @DisplayName(Seeds.S003 + "'By default ... we only import products and orders, but do not yet send"
      + " shipments or stock changes': stock push is off by default")
  void pushOffByDefault() {
    PushPlan plan = AvailabilityRule.of(AvailabilityConfig.defaults())
        .plan(List.of(stock("A", "1", 10, 0)), NONE, Map.of());

    assertThat(plan.pushes()).isEmpty();
    assertThat(plan.suppressedBecause()).contains(ReasonCode.PUSH_DISABLED);
  }

  @Test
  @DisplayName(Seeds.S002 + "'Include quantities for auto-assembled products: Available only if the"
      + " Export Stock On Hand to Lightspeed option is selected'")
  void assemblableRequiresPush() {
    assertThatThrownBy(() -> AvailabilityConfig.builder().includeAssemblable(true).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AvailabilityConfig.includeAssemblable requires pushStock");
  }
}
