package dev.lightspeedsync.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.model.Component;
import dev.lightspeedsync.sync.model.CompositeDefinition;
import dev.lightspeedsync.sync.model.CompositeKind;
import dev.lightspeedsync.sync.model.Demand;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.SkuListing;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.rules.MasterDataConfig;
import dev.lightspeedsync.sync.rules.MasterSide;
import dev.lightspeedsync.sync.rules.PriceLevelConfig;
import dev.lightspeedsync.sync.rules.ProductField;
import dev.lightspeedsync.sync.rules.PublishConfig;
import dev.lightspeedsync.sync.rules.SkuConfig;
import dev.lightspeedsync.sync.rules.WhitespacePolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product rules as the engine applies them to what a connector reads (DESIGN.md rules 5 and 8):
 * composite breakdown into stored demand, the listing stored per SKU (link code, price levels,
 * GTIN/MPN, publish check), missing and duplicate SKU codes in the connection log, and master data.
 */
class SyncEngineProductRulesTest {

  private static CompositeDefinition composite(String id, CompositeKind kind, Component... components) {
    return CompositeDefinition.builder().compositeSkuId(id).kind(kind).addComponents(components).build();
  }

  private static Instant later(FakeTruth t) {
    return t.newestSku().plus(Duration.ofHours(2));
  }

  private static List<Demand> demandOf(Harness h, String orderId) {
    return h.store.findDemand(h.truth.skus.keySet()).stream().filter(d -> d.orderId().equals(orderId)).toList();
  }

  // Rule 5 ---------------------------------------------------------------------------------------

  @Test
  void salesOfACompositeBecomeDemandOnItsNestedComponentsWithProvenance() {
    Harness h = new Harness(10);
    // S002 (sold in VS002) is 2 x S003 + 1 x S004, and S004 is a box of 3 x S005
    h.truth.changeSku("S002", FakeTruth.T0.plusSeconds(125), s -> s.withComposite(composite("S002",
        CompositeKind.ASSEMBLY, Component.of("S003", 2), Component.of("S004", 1))));
    h.truth.changeSku("S004", FakeTruth.T0.plusSeconds(245), s -> s.withComposite(composite("S004",
        CompositeKind.BOX, Component.of("S005", 3))));

    h.run();

    assertThat(demandOf(h, "VS002")).extracting(Demand::skuId, Demand::quantity, Demand::path)
        .containsExactlyInAnyOrder(tuple("S003", 2L, List.of("S002")), tuple("S005", 3L, List.of("S002", "S004")));
    assertThat(demandOf(h, "VS004")).as("S004 sold on its own breaks down as a box too")
        .extracting(Demand::skuId, Demand::quantity, Demand::path).containsExactly(tuple("S005", 3L, List.of("S004")));
    assertThat(demandOf(h, "VS006")).as("a plain SKU is direct demand")
        .extracting(Demand::skuId, Demand::quantity, Demand::fromComposite).containsExactly(tuple("S006", 1L, false));
    assertThat(demandOf(h, "VS002")).allSatisfy(d -> {
      assertThat(d.soldSkuId()).isEqualTo("S002");
      assertThat(d.locationId()).contains(FakeTruth.MAIN);
    });
  }

  @Test
  void aVoidedSaleOfACompositeNoLongerCountsAsDemandOnItsComponents() {
    Harness h = new Harness(10);
    h.truth.changeSku("S002", FakeTruth.T0.plusSeconds(125), s -> s.withComposite(composite("S002",
        CompositeKind.ASSEMBLY, Component.of("S003", 2))));
    h.run();
    assertThat(demandOf(h, "VS002")).hasSize(1);

    h.truth.changeSale("VS002", SaleStatus.VOIDED, later(h.truth));
    h.later();
    h.run();

    assertThat(demandOf(h, "VS002")).isEmpty();
    assertThat(h.store.findDemand(List.of("S003"))).isEmpty();
  }

  @Test
  void hostDefinedCompositesBreakDownSalesOfPlatformsWithoutComposites() {
    Harness h = new Harness(10);
    h.settings = SyncSettings.builder().composites(CompositeConfig.builder().keepCompositeDemand(true)
        .addDefinitions(composite("S008", CompositeKind.HOST_DEFINED, Component.of("S001", 4))).build()).build();

    h.run();

    assertThat(demandOf(h, "VS008")).extracting(Demand::skuId, Demand::quantity)
        .containsExactlyInAnyOrder(tuple("S008", 1L), tuple("S001", 4L));
  }

  @Test
  void aCompositeCycleIsLoggedNamingTheCycleAndItsSalesStayDirectDemand() {
    Harness h = new Harness(10);
    h.truth.changeSku("S002", FakeTruth.T0.plusSeconds(125), s -> s.withComposite(composite("S002",
        CompositeKind.ASSEMBLY, Component.of("S003", 1))));
    h.truth.changeSku("S003", FakeTruth.T0.plusSeconds(185), s -> s.withComposite(composite("S003",
        CompositeKind.ASSEMBLY, Component.of("S002", 1))));

    h.run();

    assertThat(h.store.openIssues(RecordKind.COMPOSITE)).filteredOn(i -> i.reason() == ReasonCode.COMPOSITE_CYCLE)
        .isNotEmpty().allSatisfy(i -> assertThat(i.problem()).contains("S002").contains("S003"));
    assertThat(demandOf(h, "VS002")).extracting(Demand::skuId).containsExactly("S002");
  }

  @Test
  void theEngineGivesTheAvailabilityRuleTheBuildableQuantityOfStoredComposites() {
    Harness h = new Harness(10);
    h.truth.changeSku("S002", FakeTruth.T0.plusSeconds(125), s -> s.withComposite(composite("S002",
        CompositeKind.ASSEMBLY, Component.of("S003", 2), Component.of("S004", 1))));
    h.run();

    var composites = h.engine().composites(List.of("S002"));

    assertThat(composites.isComposite("S002")).isTrue();
    assertThat(composites.buildable("S002", Map.of("S003", 7L, "S004", 5L)).quantity()).isEqualTo(3);
  }

  // Rule 8 ---------------------------------------------------------------------------------------

  record ListingCase(String name, SyncSettings settings, java.util.function.UnaryOperator<Sku> change,
      java.util.function.Consumer<SkuListing> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ListingCase> listingCases() {
    SyncSettings pos = SyncSettings.builder().priceLevels(PriceLevelConfig.builder().usePosPricing(true)
        .regularPriceLevel("Default").salePriceLevel("Sale").build()).build();
    return Stream.of(
        new ListingCase("the regular and the sale price come from the selected price levels", pos,
            s -> s.withPrices(Map.of("Default", new BigDecimal("20"), "Sale", new BigDecimal("15"), "MSRP",
                new BigDecimal("25"))), l -> {
              assertThat(l.regularPrice()).contains(new BigDecimal("20"));
              assertThat(l.salePrice()).contains(new BigDecimal("15"));
            }),
        new ListingCase("without POS pricing no price is taken from Lightspeed", SyncSettings.defaults(),
            s -> s.withPrices(Map.of("Default", new BigDecimal("20"))), l -> {
              assertThat(l.regularPrice()).isEmpty();
              assertThat(l.salePrice()).isEmpty();
            }),
        new ListingCase("UPC is GTIN1, EAN is GTIN2, manufacturer SKU is MPN", SyncSettings.defaults(),
            s -> s.withUpc("0012345678905").withEan("8712345678906").withManufacturerSku("MPN-7"), l -> {
              assertThat(l.gtin1()).contains("0012345678905");
              assertThat(l.gtin2()).contains("8712345678906");
              assertThat(l.mpn()).contains("MPN-7");
            }),
        new ListingCase("an item with a Default price and an MPN can be published", SyncSettings.defaults(),
            s -> s.withPrices(Map.of("Default", new BigDecimal("9"))).withManufacturerSku("MPN-7"),
            l -> assertThat(l.publishable()).isTrue()),
        new ListingCase("an item without a price on the publish level or an identifier cannot be published",
            SyncSettings.builder().publish(PublishConfig.builder().priceLevel("MSRP").build()).build(),
            s -> s.withPrices(Map.of("Default", new BigDecimal("9"))),
            l -> assertThat(l.publishMissing()).containsExactlyInAnyOrder(ReasonCode.PUBLISH_PRICE_MISSING,
                ReasonCode.PUBLISH_IDENTIFIER_MISSING)),
        new ListingCase("spaces are removed from SKU codes by default", SyncSettings.defaults(),
            s -> s.withSku("AB 12 C"), l -> assertThat(l.code()).contains("AB12C")),
        new ListingCase("with the exact whitespace policy the code is kept as it is",
            SyncSettings.builder().skus(SkuConfig.builder().whitespace(WhitespacePolicy.EXACT).build()).build(),
            s -> s.withSku("AB 12 C"), l -> assertThat(l.code()).contains("AB 12 C")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listingCases")
  void theEngineStoresWhatTheProductRulesDecidePerSku(ListingCase c) {
    Harness h = new Harness(10);
    h.settings = c.settings();
    h.truth.changeSku("S004", FakeTruth.T0.plusSeconds(245), c.change());

    h.run();

    c.check().accept(h.store.findListings(List.of("S004")).get("S004"));
  }

  @Test
  void aSkuCodeWithSpacesStillLinksBackByItsNormalisedCode() {
    Harness h = new Harness(10);
    h.truth.changeSku("S004", FakeTruth.T0.plusSeconds(245), s -> s.withSku(" AB 12 "));

    h.run();

    String hostCode = "AB12"; // the host sent "AB 12" and Lightspeed removed the space
    assertThat(h.store.findSkuIdsByCode(List.of(hostCode))).containsEntry(hostCode, List.of("S004"));
  }

  @Test
  void theConnectionLogNamesSkusWithoutACodeAndForgetsThemOnceTheyHaveOne() {
    Harness h = new Harness(10);
    h.truth.changeSku("S007", FakeTruth.T0.plusSeconds(425), s -> s.withSku(Optional.empty()));
    h.run();
    assertThat(h.store.openIssues(RecordKind.SKU)).filteredOn(i -> i.reason() == ReasonCode.SKU_MISSING)
        .extracting(RecordIssue::recordId).containsExactly("S007");

    h.truth.changeSku("S007", later(h.truth), s -> s.withSku("NEW-7"));
    h.later();
    h.run();

    assertThat(h.store.openIssues(RecordKind.SKU)).filteredOn(i -> i.reason() == ReasonCode.SKU_MISSING).isEmpty();
  }

  @Test
  void duplicateSkuCodesOnDifferentPagesAreLoggedForEveryHolderAndNeverLinked() {
    Harness h = new Harness(30); // pages of 10: S003 and S025 are on different pages
    h.truth.changeSku("S025", FakeTruth.T0.plus(Duration.ofMinutes(25)), s -> s.withSku("SKU-S003"));

    h.run();

    assertThat(h.store.openIssues(RecordKind.SKU)).filteredOn(i -> i.reason() == ReasonCode.SKU_DUPLICATE)
        .extracting(RecordIssue::recordId).containsExactlyInAnyOrder("S003", "S025");
    assertThat(h.store.findSkuIdsByCode(List.of("SKU-S003")).get("SKU-S003")).hasSize(2);

    // the second holder gets its own code: the first one links again and leaves the log
    h.truth.changeSku("S025", later(h.truth), s -> s.withSku("SKU-S025"));
    h.later();
    h.run();

    assertThat(h.store.openIssues(RecordKind.SKU)).filteredOn(i -> i.reason() == ReasonCode.SKU_DUPLICATE).isEmpty();
    assertThat(h.store.findSkuIdsByCode(List.of("SKU-S003"))).containsEntry("SKU-S003", List.of("S003"));
  }

  @Test
  void aCodeSharedByManySkusOnManyPagesGivesEachHolderOneEntryNamingHowManyShareIt() {
    Harness h = new Harness(30); // pages of 10
    List<String> holders = List.of("S003", "S008", "S010", "S013", "S018", "S020", "S023", "S028");
    for (String id : holders.subList(1, holders.size())) {
      int minute = Integer.parseInt(id.substring(1));
      h.truth.changeSku(id, FakeTruth.T0.plus(Duration.ofMinutes(minute)), s -> s.withSku("SKU-S003"));
    }

    h.run();

    List<RecordIssue> duplicates = h.store.openIssues(RecordKind.SKU).stream()
        .filter(i -> i.reason() == ReasonCode.SKU_DUPLICATE).collect(java.util.stream.Collectors.toList());
    assertThat(duplicates).extracting(RecordIssue::recordId).containsExactlyInAnyOrderElementsOf(holders);
    assertThat(duplicates).filteredOn(i -> i.recordId().equals("S028")).singleElement()
        .satisfies(i -> assertThat(i.problem()).isEqualTo("SKU 'SKU-S003' is shared by 8 Lightspeed SKUs"
            + " (S003, S008, S010, S013, S018 and 3 more); none of them is linked"));
    assertThat(h.store.findSkuIdsByCode(List.of("SKU-S003")).get("SKU-S003")).hasSize(8);
  }

  @Test
  void aFixedDataProblemLeavesTheConnectionLogWhenTheSkuIsReadAgainAndOthersStay() {
    Harness h = new Harness(10);
    h.settings = SyncSettings.builder().publish(PublishConfig.builder().enabled(true).build()).build();
    h.run();
    assertThat(h.store.openIssues(RecordKind.SKU)).filteredOn(i -> i.recordId().equals("S004"))
        .extracting(RecordIssue::reason).containsExactlyInAnyOrder(ReasonCode.UNKNOWN_SUPPLIER,
            ReasonCode.PUBLISH_PRICE_MISSING, ReasonCode.PUBLISH_IDENTIFIER_MISSING);

    h.truth.changeSku("S004", later(h.truth), s -> s.withPrices(Map.of("cost", BigDecimal.ONE, "Default",
        BigDecimal.TEN)).withUpc("0012345678905"));
    h.later();
    h.run();

    assertThat(h.store.openIssues(RecordKind.SKU)).filteredOn(i -> i.recordId().equals("S004"))
        .extracting(RecordIssue::reason).as("the supplier is still unknown").containsExactly(ReasonCode.UNKNOWN_SUPPLIER);
  }

  static Stream<Arguments> masters() {
    return Stream.of(Arguments.of(MasterSide.LIGHTSPEED, "Lightspeed name", new BigDecimal("30")),
        Arguments.of(MasterSide.HOST, "Host name", new BigDecimal("4")));
  }

  @ParameterizedTest(name = "with {0} as master the stored SKU has name ''{1}'' and cost {2}")
  @MethodSource("masters")
  void theMasterSideDecidesWhoseProductDataAnUpdateKeeps(MasterSide master, String name, BigDecimal cost) {
    Harness h = new Harness(10);
    h.settings = SyncSettings.builder().masterData(MasterDataConfig.builder().master(master)
        .exportProducts(master == MasterSide.HOST).build()).build();
    h.run();
    Sku stored = h.store.findSkus(List.of("S004")).get("S004");
    h.store.upsertSkus(List.of(stored.withName("Host name"))); // the host edits its product

    h.truth.changeSku("S004", later(h.truth), s -> s.withName("Lightspeed name")
        .withPrices(Map.of("cost", new BigDecimal("30"))));
    h.later();
    h.run();

    Sku after = h.store.findSkus(List.of("S004")).get("S004");
    assertThat(after.name()).isEqualTo(name);
    assertThat(after.prices().get("cost")).isEqualByComparingTo(cost);
    assertThat(h.store.findListings(List.of("S004")).get("S004").pendingExport())
        .isEqualTo(master == MasterSide.HOST ? java.util.Set.of(ProductField.NAME, ProductField.PRICES)
            : java.util.Set.of());
  }
}
