package dev.lightspeedsync.sync.rules;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static dev.lightspeedsync.sync.Fixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.Seeds;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule 8 beyond linking: import filters, price levels, GTIN mapping, publishing, master data. */
class ProductRulesTest {

  // --- item import filters (seed 004) ------------------------------------------------------

  @ParameterizedTest(name = "switches onHand={0} onOrder={1} reorder={2}; stock {3}/{4}/{5}/{6}"
      + " -> imported {7}")
  @CsvSource({
      "true,false,false,1,0,0,0,true",
      "true,false,false,0,5,5,5,false",
      "false,true,false,0,5,0,0,true",
      "false,true,false,3,0,0,0,false",
      "false,false,true,0,0,2,0,true",
      "false,false,true,0,0,0,4,true",
      "false,false,true,9,9,0,0,false",
      "true,true,false,0,1,0,0,true",
      "false,false,false,0,0,0,0,true",
      "true,false,false,-2,0,0,0,false"})
  @DisplayName(Seeds.S004 + "'Balance On Hand is greater than 0 / Balance On Order is greater than"
      + " 0 / Reorder Point or Maximum Stock Level is greater than 0': each filter is a switch")
  void importFilters(boolean onHand, boolean onOrder, boolean reorder, long qoh, long qoo,
      long point, long level, boolean imported) {
    ItemImportFilter filter = ItemImportFilter.of(ItemImportConfig.builder()
        .onHandAboveZero(onHand).onOrderAboveZero(onOrder).reorderAboveZero(reorder).build());
    StockLevel s = StockLevel.builder().skuId("1").locationId("L").onHand(qoh).onOrder(qoo)
        .reorderPoint(point).reorderLevel(level).build();

    Selection<Sku> selection = filter.filter(List.of(sku("1").build()), List.of(s));

    assertThat(selection.kept()).hasSize(imported ? 1 : 0);
    assertThat(selection.exclusions()).containsExactlyElementsOf(imported ? List.of()
        : List.of(new Exclusion("1", ReasonCode.IMPORT_FILTER_NOT_MET)));
  }

  @Test
  @DisplayName(Seeds.S004 + "'Most common selections: on hand > 0 - on, on order > 0 - off, reorder"
      + " > 0 - off' are the defaults; stock is summed over the mapped locations")
  void importFilterDefaults() {
    ItemImportConfig d = ItemImportConfig.defaults();
    List<StockLevel> stock = List.of(
        StockLevel.builder().skuId("1").locationId("A").onHand(-1).build(),
        StockLevel.builder().skuId("1").locationId("B").onHand(2).build(),
        StockLevel.builder().skuId("2").locationId("A").onHand(0).build());

    Selection<Sku> selection = ItemImportFilter.of(d)
        .filter(List.of(sku("1").build(), sku("2").build(), sku("3").build()), stock);

    assertThat(d.onHandAboveZero()).isTrue();
    assertThat(d.onOrderAboveZero()).isFalse();
    assertThat(d.reorderAboveZero()).isFalse();
    assertThat(selection.kept()).extracting(Sku::id).containsExactly("1");
  }

  // --- price levels (seed 004) -------------------------------------------------------------

  private static Sku priced() {
    return sku("1").putPrices("Default", new BigDecimal("100.00"))
        .putPrices("Sale", new BigDecimal("80.00")).putPrices("MSRP", new BigDecimal("120.00"))
        .build();
  }

  @Test
  @DisplayName(Seeds.S004 + "'If Use POS pricing is not enabled, all pricing will come from"
      + " SmartEtailing'")
  void noPosPricing() {
    PriceSelection p = PriceLevelRule.of(PriceLevelConfig.defaults()).prices(priced(), AS_OF);

    assertThat(p.fromPos()).isFalse();
    assertThat(p.regularPrice()).isEmpty();
    assertThat(p.salePrice()).isEmpty();
  }

  @ParameterizedTest(name = "regular {0}, sale {1} -> {2} / {3}")
  @CsvSource(nullValues = "-", value = {
      "Default,-,100.00,-",
      "Default,Sale,100.00,80.00",
      "MSRP,Sale,120.00,80.00",
      "Default,Clearance,100.00,-"})
  @DisplayName(Seeds.S004 + "'You must select a Regular Price Level ... You may optionally select a"
      + " Sale Price Level'")
  void regularAndSalePriceLevels(String regular, String sale, BigDecimal expectedRegular,
      BigDecimal expectedSale) {
    PriceLevelConfig config = PriceLevelConfig.builder().usePosPricing(true)
        .regularPriceLevel(regular).salePriceLevel(Optional.ofNullable(sale)).build();

    PriceSelection p = PriceLevelRule.of(config).prices(priced(), AS_OF);

    assertThat(p.fromPos()).isTrue();
    assertThat(p.regularPrice()).contains(expectedRegular);
    assertThat(p.salePrice()).isEqualTo(Optional.ofNullable(expectedSale));
    assertThat(p.issues()).isEmpty();
  }

  @Test
  @DisplayName(Seeds.S004 + "an item without a price on the regular level is reported")
  void missingRegularPriceReported() {
    PriceLevelConfig config = PriceLevelConfig.builder().usePosPricing(true)
        .regularPriceLevel("Online").build();

    PriceSelection p = PriceLevelRule.of(config).prices(priced(), AS_OF);

    assertThat(p.regularPrice()).isEmpty();
    assertThat(p.issues()).extracting(RecordIssue::reason)
        .containsExactly(ReasonCode.PRICE_LEVEL_MISSING);
  }

  static Stream<Arguments> badPriceConfigs() {
    return Stream.of(
        Arguments.of(PriceLevelConfig.builder().usePosPricing(true),
            "PriceLevelConfig.regularPriceLevel is required when usePosPricing is on"),
        Arguments.of(PriceLevelConfig.builder().regularPriceLevel("Default"),
            "PriceLevelConfig.regularPriceLevel and salePriceLevel are only used when"),
        Arguments.of(PriceLevelConfig.builder().salePriceLevel("Sale"),
            "PriceLevelConfig.regularPriceLevel and salePriceLevel are only used when"),
        Arguments.of(PriceLevelConfig.builder().usePosPricing(true).regularPriceLevel("Default")
            .salePriceLevel("Default"), "PriceLevelConfig.salePriceLevel must differ"),
        Arguments.of(PriceLevelConfig.builder().usePosPricing(true).regularPriceLevel(" "),
            "PriceLevelConfig.regularPriceLevel must not be blank"),
        Arguments.of(PriceLevelConfig.builder().usePosPricing(true).regularPriceLevel("Default")
            .salePriceLevel(""), "PriceLevelConfig.salePriceLevel must not be blank"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badPriceConfigs")
  @DisplayName(Seeds.S004 + "PriceLevelConfig rejects a bad configuration naming the field")
  void badPriceConfig(PriceLevelConfig.Builder builder, String message) {
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(message);
  }

  // --- GTIN mapping and publishing (seed 004) ------------------------------------------------

  @Test
  @DisplayName(Seeds.S004 + "'UPC in Lightspeed - GTIN1, EAN in Lightspeed - GTIN2, Man. SKU in"
      + " Lightspeed - MPN'")
  void gtinMapping() {
    GtinMapping m = GtinMapping.of(sku("1").upc("012345678905").ean("4006381333931")
        .manufacturerSku("MPN-7").build());
    GtinMapping blank = GtinMapping.of(sku("2").upc(" ").build());

    assertThat(m.gtin1()).contains("012345678905");
    assertThat(m.gtin2()).contains("4006381333931");
    assertThat(m.mpn()).contains("MPN-7");
    assertThat(blank.gtin1()).as("blank counts as absent").isEmpty();
  }

  @ParameterizedTest(name = "price {0}, upc {1}, ean {2}, mpn {3} -> missing {4}")
  @CsvSource(nullValues = "-", value = {
      "10,U,-,-,-",
      "10,-,E,-,-",
      "10,-,-,M,-",
      "-,U,-,-,PUBLISH_PRICE_MISSING",
      "0,U,-,-,PUBLISH_PRICE_MISSING",
      "10,-,-,-,PUBLISH_IDENTIFIER_MISSING",
      "-,-,-,-,PUBLISH_PRICE_MISSING;PUBLISH_IDENTIFIER_MISSING"})
  @DisplayName(Seeds.S004 + "'If you want items to sync you need: Default OR MSRP (whichever you"
      + " have selected), UPC or EAN, Manufacturer's Part Number' ('If a UPC isn't available, add"
      + " the MPN')")
  void publishCheck(BigDecimal price, String upc, String ean, String mpn, String missing) {
    Sku.Builder b = sku("1").upc(Optional.ofNullable(upc)).ean(Optional.ofNullable(ean))
        .manufacturerSku(Optional.ofNullable(mpn));
    if (price != null) {
      b.putPrices("MSRP", price);
    }
    PublishRule rule = PublishRule.of(PublishConfig.builder().priceLevel("MSRP").build());

    PublishCheck check = rule.check(b.build(), AS_OF);

    List<ReasonCode> expected = missing == null ? List.of()
        : Stream.of(missing.split(";")).map(ReasonCode::valueOf).toList();
    assertThat(check.missing()).containsExactlyElementsOf(expected);
    assertThat(check.publishable()).isEqualTo(expected.isEmpty());
    assertThat(check.issues()).extracting(RecordIssue::reason)
        .containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName(Seeds.S004 + "the publish price level defaults to 'Default' and must not be blank")
  void publishConfig() {
    assertThat(PublishConfig.defaults().priceLevel()).isEqualTo("Default");
    assertThatThrownBy(() -> PublishConfig.builder().priceLevel("").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PublishConfig.priceLevel must not be blank");
  }

  // --- master data (seed 002) ----------------------------------------------------------------

  static Stream<Arguments> masterCases() {
    Sku base = sku("1").name("Bike").upc("1").putPrices("Default", new BigDecimal("10.0"))
        .build();
    return Stream.of(
        Arguments.of(MasterSide.LIGHTSPEED, base, base.withName("Bicycle"),
            MasterDataDecision.Direction.UPDATE_HOST, EnumSet.of(ProductField.NAME)),
        Arguments.of(MasterSide.HOST, base, base.withName("Bicycle"),
            MasterDataDecision.Direction.UPDATE_LIGHTSPEED, EnumSet.of(ProductField.NAME)),
        Arguments.of(MasterSide.HOST, base,
            base.withPrices(java.util.Map.of("Default", new BigDecimal("10.00"))),
            MasterDataDecision.Direction.NONE, EnumSet.noneOf(ProductField.class)),
        Arguments.of(MasterSide.LIGHTSPEED, base,
            base.withPrices(java.util.Map.of("Default", new BigDecimal("11"))).withUpc("2")
                .withEan("3").withManufacturerSku("M"),
            MasterDataDecision.Direction.UPDATE_HOST, EnumSet.of(ProductField.UPC,
                ProductField.EAN, ProductField.MANUFACTURER_SKU, ProductField.PRICES)));
  }

  @ParameterizedTest(name = "master {0} -> {3} {4}")
  @MethodSource("masterCases")
  @DisplayName(Seeds.S002 + "'Update products: Enabling this selects what system is the master for"
      + " product information such as Pricing'")
  void masterData(MasterSide master, Sku lightspeed, Sku host,
      MasterDataDecision.Direction direction, EnumSet<ProductField> fields) {
    MasterDataRule rule = MasterDataRule.of(MasterDataConfig.builder().master(master)
        .exportProducts(master == MasterSide.HOST).build());

    MasterDataDecision d = rule.decide(lightspeed, host);

    assertThat(d.direction()).isEqualTo(direction);
    assertThat(d.differingFields()).containsExactlyElementsOf(fields);
  }

  @Test
  @DisplayName(Seeds.S002 + "'Export products to Lightspeed' must be on when the host masters"
      + " product data; Lightspeed masters by default")
  void hostMasterNeedsExport() {
    assertThat(MasterDataConfig.defaults().master()).isEqualTo(MasterSide.LIGHTSPEED);
    assertThatThrownBy(() -> MasterDataConfig.builder().master(MasterSide.HOST).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MasterDataConfig.exportProducts must be on when master is HOST");
  }
}
