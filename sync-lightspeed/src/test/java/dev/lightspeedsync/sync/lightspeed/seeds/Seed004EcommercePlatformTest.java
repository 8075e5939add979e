package dev.lightspeedsync.sync.lightspeed.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
import dev.lightspeedsync.sync.model.HostOrder;
import dev.lightspeedsync.sync.model.HostOrderLine;
import dev.lightspeedsync.sync.rules.OrderExportConfig;
import java.time.Instant;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.SkuListing;
import dev.lightspeedsync.sync.rules.PriceLevelConfig;
import dev.lightspeedsync.sync.rules.PublishConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.ItemImportConfig;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 004 (e-commerce platform on R-Series), sentence by sentence, through the engine and the R-Series connector. */
class Seed004EcommercePlatformTest {
  SeedFixture f = SeedFixture.retail(300, 50);

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  private SyncSettings.Builder settings(LocationStrategy strategy, String... codes) {
    return SyncSettings.builder().location(LocationConfig.builder().strategy(strategy).defaultLocationCode(f.shop(0))
        .locationCodes(java.util.List.of(codes)).build());
  }

  @Test
  @DisplayName("Import items where Balance On Hand is greater than 0 (on): out-of-stock items are not imported")
  void onHandAboveZero() {
    SyncReport report = f.run(settings(LocationStrategy.ALL).itemImport(ItemImportConfig.defaults()).build());
    Set<String> ids = f.server.retail().stream("Item").map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    Map<String, Long> onHand = f.server.retail().stream("ItemShop").filter(r -> r.getLong("shopID") != 0)
        .collect(Collectors.groupingBy(r -> Long.toString(r.getLong("itemID")),
            Collectors.summingLong(r -> r.getDecimal("qoh").longValue())));
    Map<String, Sku> stored = f.sink.findSkus(ids);
    assertThat(stored.values()).filteredOn(Sku::active).isNotEmpty()
        .allMatch(s -> onHand.getOrDefault(s.id(), 0L) > 0, "on hand > 0");
    assertThat(report.stream(SyncStream.CATALOGUE).orElseThrow().leftOut()).containsKey(ReasonCode.IMPORT_FILTER_NOT_MET);
  }

  @Test
  @DisplayName("The balance on hand is judged on the selected store locations only")
  void filterOnSelectedLocations() {
    f.run(settings(LocationStrategy.ONE).itemImport(ItemImportConfig.defaults()).build());
    String shopId = Long.toString(f.server.retail().stream("Shop").findFirst().orElseThrow().id());
    Set<String> ids = f.server.retail().stream("Item").map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    Map<String, Long> onHandHere = f.server.retail().stream("ItemShop")
        .filter(r -> Long.toString(r.getLong("shopID")).equals(shopId))
        .collect(Collectors.toMap(r -> Long.toString(r.getLong("itemID")), r -> r.getDecimal("qoh").longValue()));
    assertThat(f.sink.findSkus(ids).values()).filteredOn(Sku::active).isNotEmpty()
        .allMatch(s -> onHandHere.getOrDefault(s.id(), 0L) > 0, "on hand > 0 at the selected shop");
    assertThat(f.sink.findStock(ids)).extracting(StockLevel::locationId).containsOnly(shopId);
  }

  @Test
  @DisplayName("Without item import filters every inventory item is imported")
  void noFilter() {
    f.run(settings(LocationStrategy.ALL).build());
    long expected = f.server.retail().stream("Item")
        .filter(r -> !r.getBoolean("archived") && !r.require("itemType").equals("non_inventory")).count();
    Set<String> ids = f.server.retail().stream("Item").map(r -> Long.toString(r.id())).collect(Collectors.toSet());
    assertThat(f.sink.findSkus(ids).values().stream().filter(Sku::active).count()).isEqualTo(expected);
  }

  private Map<String, TestkitRecord> items() {
    return f.server.retail().stream("Item").collect(Collectors.toMap(r -> Long.toString(r.id()), r -> r));
  }

  private Map<String, SkuListing> listings(Set<String> ids) {
    Set<String> stored = f.sink.findSkus(ids).values().stream().filter(Sku::active).map(Sku::id).collect(Collectors.toSet());
    return f.sink.findListings(stored);
  }

  private static Optional<String> field(TestkitRecord r, String name) {
    return r.get(name).filter(v -> !v.isBlank());
  }

  @Test
  @DisplayName("Use POS Pricing: select a 'Regular Price Level' and optionally a 'Sale Price Level' from Lightspeed Retail")
  void posPricingLevels() {
    f.run(settings(LocationStrategy.ALL).priceLevels(PriceLevelConfig.builder().usePosPricing(true)
        .regularPriceLevel("Default").salePriceLevel("MSRP").build()).build());

    Map<String, SkuListing> listings = listings(items().keySet());
    assertThat(listings).isNotEmpty();
    listings.forEach((id, l) -> {
      Map<String, BigDecimal> prices = f.server.retail().prices(Long.parseLong(id));
      assertThat(l.regularPrice()).as("regular price of %s", id).hasValueSatisfying(
          p -> assertThat(p).isEqualByComparingTo(prices.get("Default")));
      assertThat(l.salePrice()).as("sale price of %s", id).hasValueSatisfying(
          p -> assertThat(p).isEqualByComparingTo(prices.get("MSRP")));
    });
  }

  @Test
  @DisplayName("If Use POS pricing is not enabled, all pricing will come from SmartEtailing")
  void withoutPosPricing() {
    f.run(settings(LocationStrategy.ALL).build());

    assertThat(listings(items().keySet()).values()).isNotEmpty()
        .allMatch(l -> l.regularPrice().isEmpty() && l.salePrice().isEmpty());
  }

  @Test
  @DisplayName("UPC in Lightspeed - GTIN1; EAN in Lightspeed - GTIN2; Man. SKU in Lightspeed - MPN")
  void gtinMapping() {
    f.run(settings(LocationStrategy.ALL).build());

    Map<String, TestkitRecord> items = items();
    Map<String, SkuListing> listings = listings(items.keySet());
    assertThat(listings.values()).anyMatch(l -> l.gtin1().isPresent()).anyMatch(l -> l.gtin2().isPresent())
        .anyMatch(l -> l.mpn().isPresent()).anyMatch(l -> l.gtin1().isEmpty());
    listings.forEach((id, l) -> {
      TestkitRecord item = items.get(id);
      assertThat(l.gtin1()).as("GTIN1 of %s", id).isEqualTo(field(item, "upc"));
      assertThat(l.gtin2()).as("GTIN2 of %s", id).isEqualTo(field(item, "ean"));
      assertThat(l.mpn()).as("MPN of %s", id).isEqualTo(field(item, "manufacturerSku"));
    });
  }

  @Test
  @DisplayName("If you want items to sync you need: Default OR MSRP (whichever you selected), UPC or EAN, Manufacturer's Part Number")
  void publishCheck() {
    f.run(settings(LocationStrategy.ALL).publish(PublishConfig.builder().priceLevel("MSRP").enabled(true).build()).build());

    Map<String, TestkitRecord> items = items();
    Map<String, SkuListing> listings = listings(items.keySet());
    assertThat(listings.values()).anyMatch(SkuListing::publishable).anyMatch(l -> !l.publishable());
    listings.forEach((id, l) -> {
      TestkitRecord item = items.get(id);
      BigDecimal msrp = f.server.retail().prices(Long.parseLong(id)).get("MSRP");
      boolean identified = field(item, "upc").isPresent() || field(item, "ean").isPresent()
          || field(item, "manufacturerSku").isPresent();
      assertThat(l.publishable()).as("item %s", id).isEqualTo(msrp != null && msrp.signum() > 0 && identified);
    });
    Set<String> logged = f.sink.openIssues(dev.lightspeedsync.sync.model.RecordKind.SKU).stream()
        .filter(i -> i.reason() == ReasonCode.PUBLISH_IDENTIFIER_MISSING || i.reason() == ReasonCode.PUBLISH_PRICE_MISSING)
        .map(i -> i.recordId()).collect(Collectors.toSet());
    assertThat(logged).as("every item that cannot be published is in the connection log, with what it lacks")
        .isEqualTo(listings.values().stream().filter(l -> !l.publishable()).map(SkuListing::skuId).collect(Collectors.toSet()));
  }

  @Test
  @DisplayName("Reorder Point or Maximum Stock Level is greater than 0 (off by default): when on, only such items are imported")
  void reorderAboveZero() {
    SyncReport report = f.run(settings(LocationStrategy.ALL).itemImport(ItemImportConfig.builder()
        .onHandAboveZero(false).reorderAboveZero(true).build()).build());

    Set<String> ids = items().keySet();
    List<StockLevel> stock = f.sink.findStock(ids);
    Map<String, Long> reorder = stock.stream().collect(Collectors.groupingBy(StockLevel::skuId,
        Collectors.summingLong(s -> s.reorderPoint() + s.reorderLevel())));
    assertThat(f.sink.findSkus(ids).values()).filteredOn(Sku::active).isNotEmpty()
        .allMatch(s -> reorder.getOrDefault(s.id(), 0L) > 0, "reorder point or level > 0");
    assertThat(report.stream(SyncStream.CATALOGUE).orElseThrow().leftOut()).containsKey(ReasonCode.IMPORT_FILTER_NOT_MET);
  }

  // Use Order Exporting ----------------------------------------------------------------------------------

  private WriteReport exportOrders(OrderExportConfig.Builder export, HostOrder... orders) {
    TestkitRecord register = f.server.retail().stream("Register").findFirst().orElseThrow();
    SyncSettings settings = SyncSettings.builder().orderExport(export.enabled(true).employeeId("1")
        .registerId(Long.toString(register.id())).build()).build();
    return RetailWriter.builder().client(f.retailClient()).sink(f.sink).settings(settings).clock(f.time.asClock())
        .salePaymentType("Webshop").completeAtLightspeedTotal(true).build().exportOrders(List.of(orders));
  }

  /** A webshop order paid in full at the webshop's price (which may leave out Lightspeed's tax). */
  private HostOrder webOrder(String id) {
    long item = f.server.retail().stream("Item")
        .filter(r -> !r.getBoolean("archived") && r.require("itemType").equals("default")).findFirst().orElseThrow()
        .id();
    return HostOrder.builder().id(id).placedAt(Instant.parse("2026-05-01T10:00:00Z")).total(new BigDecimal("30.00"))
        .amountPaid(new BigDecimal("30.00")).addLines(HostOrderLine.builder().skuId(Long.toString(item)).quantity(3)
            .unitPrice(new BigDecimal("10.00")).build()).build();
  }

  private List<TestkitRecord> salesWithReference(String ref) {
    return f.server.retail().stream("Sale").filter(s -> s.get("referenceNumber").orElse("").equals(ref)).toList();
  }

  @Test
  @DisplayName("Orders will be exported to Lightspeed as \"completed sales,\" Orders can only be exported from your"
      + " website to Lightspeed Retail once")
  void ordersAreExportedAsCompletedSalesOnce() {
    WriteReport first = exportOrders(OrderExportConfig.builder(), webOrder("WEB-100"));
    WriteReport again = exportOrders(OrderExportConfig.builder(), webOrder("WEB-100"));

    assertThat(first.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(WriteAction.Status.DONE));
    assertThat(again.actions()).isEmpty();
    assertThat(again.exclusions()).singleElement().satisfies(e -> assertThat(e.reason())
        .isEqualTo(ReasonCode.ALREADY_IN_LEDGER));
    assertThat(salesWithReference("WEB-100")).singleElement().satisfies(sale -> {
      assertThat(sale.getBoolean("completed")).isTrue();
      // balanced at Lightspeed's tax-inclusive total, whatever the webshop charged
      assertThat(f.server.retail().salePayments(sale.id())).singleElement()
          .satisfies(p -> assertThat(new BigDecimal(p.require("amount"))).isEqualByComparingTo("32.40"));
    });
  }

  @Test
  @DisplayName("What status should be applied to exported orders? (Optional) Updates the status of an order on your"
      + " website after it has been exported to Lightspeed Retail; 'No Change' at first")
  void theStatusToApplyToExportedOrdersIsReportedForTheHostToSet() {
    WriteReport noChange = exportOrders(OrderExportConfig.builder(), webOrder("WEB-200"));
    WriteReport withStatus = exportOrders(OrderExportConfig.builder().statusAfterExport("Sent to POS"),
        webOrder("WEB-201"));

    assertThat(noChange.hostStatusUpdates()).isEmpty();
    assertThat(withStatus.hostStatusUpdates()).containsExactly(Map.entry("WEB-201", "Sent to POS"));
  }
}
