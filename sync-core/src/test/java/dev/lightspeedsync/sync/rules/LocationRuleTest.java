package dev.lightspeedsync.sync.rules;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static dev.lightspeedsync.sync.Fixtures.location;
import static dev.lightspeedsync.sync.Fixtures.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.Fixtures;
import dev.lightspeedsync.sync.Seeds;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.StockLevel;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LocationRuleTest {
  private static final List<Location> ACCOUNT = List.of(
      location("1", "Main Warehouse"), location("2", "DowntownStore"),
      location("3", "WarehouseMain"), Location.builder().id("4").code("Old Shop").archived(true)
          .build());

  private static LocationConfig.Builder config(String defaultCode, LocationStrategy strategy) {
    LocationConfig.Builder b = LocationConfig.builder();
    b.defaultLocationCode(defaultCode).strategy(strategy);
    return b;
  }

  static Stream<Arguments> strategies() {
    return Stream.of(
        Arguments.of(Seeds.S001 + "'All Locations: Optiply syncs data from every location defined"
            + " in Lightspeed' (archived ones are not active)", LocationStrategy.ALL, "",
            List.of("1", "2", "3")),
        Arguments.of(Seeds.S001 + "'Multiple Locations: Enter the location codes separated by"
            + " commas (e.g., DowntownStore, WarehouseMain)'", LocationStrategy.MULTIPLE,
            "DowntownStore, WarehouseMain", List.of("2", "3")),
        Arguments.of(Seeds.S001 + "'One Location: Syncs data only from the Default Location'",
            LocationStrategy.ONE, "", List.of("1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  @DisplayName("Rule 3: location strategies")
  void strategySelectsLocations(String sentence, LocationStrategy strategy, String codes,
      List<String> expectedIds) {
    LocationConfig.Builder b = config("Main Warehouse", strategy);
    if (!codes.isEmpty()) {
      b.locationCodes(LocationConfig.parseCodeList(codes));
    }

    LocationSelection selection = LocationRule.select(b.build(), ACCOUNT);

    assertThat(selection.valid()).isTrue();
    assertThat(selection.selected()).extracting(Location::id).containsExactlyElementsOf(expectedIds);
  }

  @Test
  @DisplayName(Seeds.S001 + "'Default Location Code: The main location where Buy Orders created in"
      + " Optiply will be exported to'")
  void buyOrdersGoToTheDefaultLocation() {
    LocationSelection selection = LocationRule.select(
        config("WarehouseMain", LocationStrategy.ALL).build(), ACCOUNT);

    assertThat(selection.buyOrderLocation()).map(Location::id).contains("3");
  }

  static Stream<Arguments> mismatches() {
    return Stream.of(
        Arguments.of("main warehouse", "Main Warehouse"),
        Arguments.of("MainWarehouse", "Main Warehouse"),
        Arguments.of("Main Warehose", "Main Warehouse"),
        Arguments.of("downtownstore", "DowntownStore"),
        Arguments.of("Zanzibar", null));
  }

  @ParameterizedTest(name = "''{0}'' -> near match {1}")
  @MethodSource("mismatches")
  @DisplayName(Seeds.S001 + "'If your location in Lightspeed is \"Main Warehouse\" but you entered"
      + " \"main warehouse\" in Optiply, the export will fail': exact, case-sensitive match; the"
      + " error names the near match")
  void mismatchNamesNearMatch(String typed, String nearMatch) {
    LocationSelection selection = LocationRule.select(
        config(typed, LocationStrategy.ONE).build(), ACCOUNT);

    assertThat(selection.valid()).isFalse();
    assertThat(selection.selected()).isEmpty();
    assertThat(selection.buyOrderLocation()).isEmpty();
    assertThat(selection.errors()).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("defaultLocationCode");
      assertThat(e.code()).isEqualTo(typed);
      if (nearMatch == null) {
        assertThat(e.nearMatch()).isEmpty();
        assertThat(e.message()).doesNotContain("did you mean");
      } else {
        assertThat(e.nearMatch()).contains(nearMatch);
        assertThat(e.message()).endsWith("did you mean '" + nearMatch + "'?");
      }
      assertThat(e.message()).contains("case-sensitive");
    });
  }

  @Test
  @DisplayName(Seeds.S001 + "'Note: Codes must match exactly (case-sensitive)' for Multiple"
      + " Locations too")
  void multipleCodesMatchExactly() {
    LocationSelection selection = LocationRule.select(config("Main Warehouse",
        LocationStrategy.MULTIPLE).locationCodes(List.of("DowntownStore", "warehousemain"))
        .build(), ACCOUNT);

    assertThat(selection.valid()).isFalse();
    assertThat(selection.selected()).extracting(Location::id).containsExactly("2");
    assertThat(selection.errors()).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("locationCodes");
      assertThat(e.nearMatch()).contains("WarehouseMain");
    });
  }

  @Test
  @DisplayName(Seeds.S001 + "an archived location is not a valid default location")
  void archivedLocationIsAnError() {
    LocationSelection selection = LocationRule.select(
        config("Old Shop", LocationStrategy.ONE).build(), ACCOUNT);

    assertThat(selection.errors()).singleElement().satisfies(e -> {
      assertThat(e.archived()).isTrue();
      assertThat(e.message()).contains("archived");
    });
  }

  @Test
  @DisplayName(Seeds.DESIGN + "'Stock and sales are taken only from selected locations'")
  void stockAndSalesRestricted() {
    LocationSelection selection = LocationRule.select(config("Main Warehouse",
        LocationStrategy.MULTIPLE).locationCodes(List.of("Main Warehouse", "DowntownStore"))
        .build(), ACCOUNT);
    List<StockLevel> stock = List.of(stock("A", "1", 5), stock("A", "3", 7), stock("B", "2", 1));
    SalesOrder inMain = Fixtures.retailSale("S1", SaleStatus.COMPLETED).locationId("1").build();
    SalesOrder inOther = Fixtures.retailSale("S2", SaleStatus.COMPLETED).locationId("3").build();
    SalesOrder noLocation = Fixtures.retailSale("S3", SaleStatus.COMPLETED).build();

    Selection<StockLevel> s = LocationRule.filterStock(selection, stock);
    Selection<SalesOrder> o = LocationRule.filterSales(selection,
        List.of(inMain, inOther, noLocation));

    assertThat(s.kept()).extracting(StockLevel::locationId).containsExactly("1", "2");
    assertThat(s.excluded()).containsExactly(stock.get(1));
    assertThat(s.exclusions()).as("built once, then reused").isSameAs(s.exclusions());
    assertThat(s).hasToString("Selection{kept=2, excluded=1}");
    assertThat(s.exclusions()).containsExactly(
        new Exclusion("A@3", ReasonCode.LOCATION_NOT_SELECTED));
    assertThat(o.kept()).containsExactly(inMain);
    assertThat(o.exclusions()).containsExactly(
        new Exclusion("S2", ReasonCode.LOCATION_NOT_SELECTED),
        new Exclusion("S3", ReasonCode.LOCATION_MISSING));
  }

  @Test
  @DisplayName(Seeds.S001 + "with All Locations a sale without a location (a webshop order) counts")
  void allKeepsSalesWithoutLocation() {
    LocationSelection all = LocationRule.select(
        config("Main Warehouse", LocationStrategy.ALL).build(), ACCOUNT);
    SalesOrder noLocation = Fixtures.retailSale("S3", SaleStatus.COMPLETED).build();

    assertThat(LocationRule.filterSales(all, List.of(noLocation)).kept())
        .containsExactly(noLocation);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(delimiter = '|', value = {
      "DowntownStore, WarehouseMain|DowntownStore;WarehouseMain",
      "Main Warehouse,DowntownStore|Main Warehouse;DowntownStore",
      "  A ,B  |A;B",
      "A,,B|A;;B"})
  @DisplayName(Seeds.S001 + "'Enter the location codes separated by commas': spaces around commas"
      + " are separators, spaces inside a code and case are kept")
  void parsesCommaList(String input, String expected) {
    assertThat(LocationConfig.parseCodeList(input))
        .containsExactlyElementsOf(Arrays.asList(expected.split(";", -1)));
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of(config(" ", LocationStrategy.ONE),
            "LocationConfig.defaultLocationCode must not be blank"),
        Arguments.of(config("Main", LocationStrategy.MULTIPLE),
            "LocationConfig.locationCodes must list at least one code when strategy is MULTIPLE"),
        Arguments.of(config("Main", LocationStrategy.MULTIPLE)
            .locationCodes(LocationConfig.parseCodeList("A,,B")),
            "LocationConfig.locationCodes[1] is blank"),
        Arguments.of(config("Main", LocationStrategy.MULTIPLE).locationCodes(List.of("A", "A")),
            "LocationConfig.locationCodes lists 'A' twice"),
        Arguments.of(config("Main", LocationStrategy.ONE).locationCodes(List.of("A")),
            "LocationConfig.locationCodes is only used with strategy MULTIPLE"),
        Arguments.of(config("Main", LocationStrategy.ALL).locationCodes(List.of("A")),
            "LocationConfig.locationCodes is only used with strategy MULTIPLE"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badConfigs")
  @DisplayName("LocationConfig rejects a bad configuration naming the field")
  void badConfig(LocationConfig.Builder builder, String message) {
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(message);
  }

  static Stream<Arguments> badMappings() {
    return Stream.of(
        Arguments.of(Seeds.S004 + "'At least one Lightspeed store must be connected to a"
            + " SmartEtailing location'", List.of(), "must map at least one"),
        Arguments.of(Seeds.S002 + "'You cannot have multiple outlets in Lightspeed mapped to one"
            + " warehouse in Unleashed'", List.of(OutletLink.of("1", "WH-A"),
            OutletLink.of("2", "WH-A")), "maps outlets 1 and 2 to warehouse 'WH-A'"),
        Arguments.of(Seeds.S002 + "'You can only map one outlet in Lightspeed to one warehouse'",
            List.of(OutletLink.of("1", "WH-A"), OutletLink.of("1", "WH-B")),
            "maps outlet 1 to both 'WH-A' and 'WH-B'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badMappings")
  @DisplayName("Rule 3: outlet-to-warehouse mapping is one to one, with at least one link")
  void badMapping(String sentence, List<OutletLink> links, String message) {
    assertThatThrownBy(() -> OutletMapping.builder().links(links).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OutletMapping.links").hasMessageContaining(message);
  }

  @ParameterizedTest(name = "outletId=''{0}'' warehouse=''{1}''")
  @CsvSource({"'',WH", "1,' '"})
  @DisplayName("OutletLink rejects blank ids, naming the field")
  void badLink(String outlet, String warehouse) {
    assertThatThrownBy(() -> OutletLink.of(outlet, warehouse))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("OutletLink.");
  }

  @Test
  @DisplayName(Seeds.S002 + "'Connect your Lightspeed outlets to Unleashed warehouses': a valid"
      + " mapping resolves, and a mapped outlet that does not exist is reported")
  void mappingAgainstOutlets() {
    OutletMapping mapping = OutletMapping.builder()
        .addLinks(OutletLink.of("1", "WH-A"), OutletLink.of("9", "WH-B")).build();

    assertThat(mapping.warehouseFor("1")).contains("WH-A");
    assertThat(mapping.warehouseFor("2")).isEmpty();
    assertThat(LocationRule.validateMapping(mapping, ACCOUNT, AS_OF)).singleElement()
        .satisfies(i -> {
          assertThat(i.reason()).isEqualTo(ReasonCode.OUTLET_NOT_FOUND);
          assertThat(i.recordId()).isEqualTo("9");
          assertThat(i.remedy()).contains("Reload the Lightspeed outlets");
        });
  }
}
