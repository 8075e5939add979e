package dev.lightspeedsync.sync.lightspeed.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.xseries.write.CustomerDetails;
import dev.lightspeedsync.client.xseries.write.NewProduct;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncRequest;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesMapping;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesTruth;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesWriter;
import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.rules.MasterDataConfig;
import dev.lightspeedsync.sync.rules.MasterSide;
import dev.lightspeedsync.sync.rules.OutletLink;
import dev.lightspeedsync.sync.rules.OutletMapping;
import dev.lightspeedsync.sync.rules.ProductField;
import dev.lightspeedsync.sync.rules.SkuRule;
import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.TestkitRecord;
import dev.lightspeedsync.testkit.XSeriesData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 (an ERP on Lightspeed Retail X-Series: outlets and registers), sentence by sentence,
 * through the public engine, the X-Series connector and {@link XSeriesWriter}, the testkit and an
 * in-memory sink. No rule is called directly.
 */
class Seed002XSeriesErpTest {
  SeedFixture f = SeedFixture.xseries(300, 260);
  XSeriesTruth truth = new XSeriesTruth(f.server.xseries());

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  private XSeriesData x() {
    return f.server.xseries();
  }

  private static SyncSettings.Builder allOutlets() {
    return SyncSettings.builder().location(LocationConfig.builder().strategy(LocationStrategy.ALL)
        .defaultLocationCode("Main Street").build());
  }

  private SyncReport run(SyncSettings settings) {
    return f.run(settings);
  }

  @Test
  @DisplayName("By dragging and dropping your outlets into warehouses, it maps sales and stock on hand between Lightspeed and the ERP")
  void outletsMapSalesAndStockOnHandToWarehouses() {
    run(allOutlets().build());

    Map<String, String> outlets = x().stream("outlets").collect(Collectors.toMap(TestkitRecord::key, r -> r.require("name")));
    assertThat(f.sink.locations().stream().collect(Collectors.toMap(l -> l.id(), l -> l.code()))).isEqualTo(outlets);
    for (String outlet : outlets.keySet()) {
      Map<String, Long> stock = new TreeMap<>();
      f.sink.findStock(truth.productIds()).stream().filter(s -> s.locationId().equals(outlet)
          && !x().get("products", s.skuId()).orElseThrow().get("deleted_at").isPresent())
          .forEach(s -> stock.put(s.skuId() + "@" + s.locationId(), s.onHand()));
      assertThat(stock).as("stock on hand of outlet " + outlets.get(outlet)).isNotEmpty()
          .isEqualTo(truth.expectedStock(outlet::equals));
      Set<String> sales = f.sink.findSales(truth.saleIds()).values().stream()
          .filter(o -> o.locationId().equals(java.util.Optional.of(outlet))).map(SalesOrder::id).collect(Collectors.toSet());
      assertThat(sales).as("sales of outlet " + outlets.get(outlet)).isNotEmpty()
          .isEqualTo(truth.expectedCompletedSales(outlet::equals).keySet());
    }
  }

  @Test
  @DisplayName("You can only map one outlet in Lightspeed to one warehouse: outlets are never merged")
  void outletsMapOneToOneToWarehouses() {
    run(allOutlets().build());

    // each stock row is one product at one outlet, with that outlet's own level
    List<StockLevel> rows = f.sink.findStock(truth.productIds());
    assertThat(rows.stream().map(s -> s.skuId() + "@" + s.locationId()).distinct().count()).isEqualTo(rows.size());
    String product = rows.get(0).skuId();
    Map<String, Long> perOutlet = rows.stream().filter(s -> s.skuId().equals(product))
        .collect(Collectors.toMap(StockLevel::locationId, StockLevel::onHand));
    assertThat(perOutlet).hasSize(3);
    perOutlet.forEach((outlet, level) -> assertThat(level).isEqualTo(x().inventoryLevel(product, outlet)));
    // two outlets on one warehouse are refused when the mapping is set up
    List<String> outlets = f.sink.locations().stream().map(l -> l.id()).sorted().collect(Collectors.toList());
    assertThatThrownBy(() -> OutletMapping.builder().addLinks(OutletLink.of(outlets.get(0), "WH-A"),
        OutletLink.of(outlets.get(1), "WH-A")).build()).hasMessageContaining("one to one");

    // a sync with two of the three outlets mapped takes stock and sales from those two only
    OutletMapping twoOutlets = OutletMapping.builder().addLinks(OutletLink.of(outlets.get(0), "WH-A"),
        OutletLink.of(outlets.get(1), "WH-B")).build();
    dev.lightspeedsync.sync.testing.InMemorySyncSink mappedSink = new dev.lightspeedsync.sync.testing.InMemorySyncSink();
    SyncEngine.builder().sink(mappedSink).settings(allOutlets().outletMapping(twoOutlets).build())
        .clock(f.time.asClock()).sleeper(f.time::sleep).build().run(f.connector, SyncRequest.builder().forceFull(true).build());
    assertThat(mappedSink.findStock(truth.productIds())).isNotEmpty().extracting(StockLevel::locationId)
        .containsOnly(outlets.get(0), outlets.get(1));
    assertThat(mappedSink.findSales(truth.saleIds()).values()).isNotEmpty()
        .allMatch(o -> o.locationId().filter(l -> l.equals(outlets.get(0)) || l.equals(outlets.get(1))).isPresent());

    // a mapping naming an outlet the account does not have fails before anything is written
    OutletMapping unknown = OutletMapping.builder().addLinks(OutletLink.of("no-such-outlet", "WH-Z")).build();
    dev.lightspeedsync.sync.testing.InMemorySyncSink untouched = new dev.lightspeedsync.sync.testing.InMemorySyncSink();
    assertThatThrownBy(() -> SyncEngine.builder().sink(untouched).settings(allOutlets().outletMapping(unknown).build())
        .clock(f.time.asClock()).sleeper(f.time::sleep).build().run(f.connector))
        .isInstanceOfSatisfying(dev.lightspeedsync.sync.engine.SyncRunException.class, e -> assertThat(e.getMessage())
            .contains("no-such-outlet", "WH-Z"));
    assertThat(untouched.locations()).isEmpty();
  }

  @Test
  @DisplayName("Reload Lightspeed Outlets: every run reads the outlets available in Lightspeed")
  void reloadLightspeedOutletsShowsHowManyOutletsAreAvailable() {
    SyncReport first = run(allOutlets().build());
    f.time.advance(Duration.ofMinutes(30));
    SyncReport second = run(allOutlets().build());

    assertThat(first.stream(SyncStream.LOCATIONS).orElseThrow().read()).isEqualTo(3);
    assertThat(second.stream(SyncStream.LOCATIONS).orElseThrow().read()).isEqualTo(3);
    assertThat(second.stream(SyncStream.LOCATIONS).orElseThrow().full()).isTrue();
  }

  @Test
  @DisplayName("Products in Lightspeed are imported into the ERP automatically")
  void productsInLightspeedAreImportedAutomatically() {
    SyncReport first = run(allOutlets().build());
    assertThat(first.full()).isTrue();
    assertThat(f.sink.findSkus(truth.productIds()).values().stream().filter(Sku::active).map(Sku::id)
        .collect(Collectors.toSet())).isEqualTo(truth.expectedActiveSkus());

    f.time.advance(Duration.ofMinutes(30));
    String created = f.xseriesClient.createProduct(NewProduct.builder().name("New Lamp").sku("LAMP-1")
        .priceExcludingTax(new BigDecimal("30.00")).supplyPrice(new BigDecimal("12.00")).build()).get(0);
    String renamed = truth.expectedActiveSkus().iterator().next();
    x().updateProduct(renamed, Map.of("name", "Renamed in Lightspeed", "variant_name", "Renamed in Lightspeed"));
    f.time.advance(Duration.ofMinutes(1));
    SyncReport second = run(allOutlets().build());

    assertThat(second.full()).isFalse();
    Map<String, Sku> stored = f.sink.findSkus(List.of(created, renamed));
    assertThat(stored.get(created).sku()).contains("LAMP-1");
    assertThat(stored.get(created).purchasePrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("12.00"));
    assertThat(stored.get(renamed).name()).isEqualTo("Renamed in Lightspeed");
  }

  @Test
  @DisplayName("Customers in Lightspeed are imported into Unleashed automatically")
  void customersInLightspeedAreImportedAutomatically() {
    SyncReport first = run(allOutlets().build());
    assertThat(first.stream(SyncStream.CUSTOMERS)).as("customers are part of every run").isPresent();
    truth.assertCustomersEqualTruth(f.sink);

    // a customer created in Lightspeed, one edited there and one deleted there reach the ERP on the next run
    f.time.advance(Duration.ofMinutes(30));
    String created = f.xseriesClient.createCustomer(CustomerDetails.builder().firstName("Nia").lastName("Walker")
        .email("nia@mail.example").build()).id();
    List<String> live = x().expectedIds("customers").limit(2).collect(Collectors.toList());
    x().updateCustomer(live.get(0), Map.of("phone", "+64 9 555 1234"));
    x().deleteCustomer(live.get(1));
    f.time.advance(Duration.ofMinutes(1));
    SyncReport second = run(allOutlets().build());

    assertThat(second.stream(SyncStream.CUSTOMERS).orElseThrow().full()).isFalse();
    truth.assertCustomersEqualTruth(f.sink);
    Map<String, dev.lightspeedsync.sync.model.Customer> stored = f.sink.findCustomers(List.of(created, live.get(0),
        live.get(1)));
    assertThat(stored.get(created).displayName()).isEqualTo("Nia Walker");
    assertThat(stored.get(created).email()).contains("nia@mail.example");
    assertThat(stored.get(live.get(0)).phone()).contains("+64 9 555 1234");
    assertThat(stored.get(live.get(1)).active()).as("deleted in Lightspeed: kept, inactive").isFalse();
  }

  @Test
  @DisplayName("Spacing is removed from product codes, so a product with spaces still links its Lightspeed sales back")
  void spacesInProductCodesDoNotBreakTheLinkBackFromSales() {
    run(allOutlets().build());

    TestkitRecord spaced = x().stream("products").filter(p -> p.require("sku").contains(" ")
        && truth.expectedActiveSkus().contains(p.key())).findFirst().orElseThrow();
    String code = spaced.require("sku").replaceAll("\\s+", "");
    assertThat(f.sink.findListings(List.of(spaced.key())).get(spaced.key()).code()).contains(code);
    assertThat(f.sink.findSkuIdsByCode(List.of(code))).containsEntry(code, List.of(spaced.key()));

    String sale = x().addSale(x().outletIds().get(0), "CLOSED", Map.of(spaced.key(), 1L));
    f.time.advance(Duration.ofMinutes(5));
    run(allOutlets().build());
    SalesOrder order = f.sink.findSales(List.of(sale)).get(sale);
    String soldSku = order.lines().get(0).skuId();
    assertThat(f.sink.findListings(List.of(soldSku)).get(soldSku).code()).as("the sale links back by code").contains(code);
  }

  @Test
  @DisplayName("Update products selects which system is the master for product information such as pricing")
  void updateProductsSelectsWhichSystemMastersProductInformation() {
    run(allOutlets().build());
    String id = truth.expectedActiveSkus().iterator().next();
    Sku stored = f.sink.findSkus(List.of(id)).get(id);
    // the ERP edits the product in its own storage
    f.sink.upsertSkus(List.of(Sku.builder().from(stored).name("ERP name").build()));

    // Lightspeed as master (the default): Lightspeed's data wins on the next change
    f.time.advance(Duration.ofMinutes(10));
    x().updateProduct(id, Map.of("price_excluding_tax", "99.00"));
    run(allOutlets().build());
    assertThat(f.sink.findSkus(List.of(id)).get(id).name()).isNotEqualTo("ERP name");

    // the ERP as master: its product data is kept and marked for export to Lightspeed
    f.sink.upsertSkus(List.of(Sku.builder().from(f.sink.findSkus(List.of(id)).get(id)).name("ERP name").build()));
    f.time.advance(Duration.ofMinutes(10));
    x().updateProduct(id, Map.of("price_excluding_tax", "98.00"));
    run(allOutlets().masterData(MasterDataConfig.builder().master(MasterSide.HOST).exportProducts(true).build()).build());
    assertThat(f.sink.findSkus(List.of(id)).get(id).name()).isEqualTo("ERP name");
    assertThat(f.sink.findListings(List.of(id)).get(id).pendingExport()).contains(ProductField.NAME);
  }

  @Test
  @DisplayName("Import products, customers and invoices from Lightspeed again from a selected date")
  void reimportProductsCustomersOrInvoicesFromADate() {
    run(allOutlets().build());
    // the ERP lost its data but kept the sync's checkpoints: a normal run reads only what changed
    InMemorySyncSink restored = new InMemorySyncSink();
    for (SyncStream s : SyncStream.values()) {
      f.sink.checkpoint(SyncEngine.checkpointName(f.connector.accountKey(), s)).ifPresent(restored::saveCheckpoint);
    }
    SyncEngine engine = SyncEngine.builder().sink(restored).settings(allOutlets().build()).clock(f.time.asClock()).build();
    f.time.advance(Duration.ofMinutes(30));
    engine.run(f.connector);
    assertThat(restored.findSales(truth.saleIds())).isEmpty();

    // X-Series bookmarks are versions, not dates: a re-import from a date reads those streams in full
    // (the connector may narrow the read to records changed since the date) and says so
    SyncReport again = engine.run(f.connector, SyncRequest.builder().streams(Set.of(SyncStream.CATALOGUE,
        SyncStream.CUSTOMERS, SyncStream.SALES)).reimportFrom(f.time.now().minus(Duration.ofDays(365))).build());
    assertThat(again.notices()).anyMatch(n -> n.contains("sequence number") && n.contains("read in full"));

    assertThat(again.stream(SyncStream.CATALOGUE).orElseThrow().full()).isTrue();
    assertThat(again.stream(SyncStream.CUSTOMERS).orElseThrow().full()).isTrue();
    truth.assertCustomersEqualTruth(restored);
    assertThat(restored.findSkus(truth.productIds()).values().stream().filter(Sku::active).map(Sku::id)
        .collect(Collectors.toSet())).isEqualTo(truth.expectedActiveSkus());
    assertThat(restored.findSales(truth.saleIds()).values().stream().filter(o -> o.status() == SaleStatus.COMPLETED)
        .map(SalesOrder::id).collect(Collectors.toSet())).isEqualTo(truth.expectedCompletedSales(o -> true).keySet());
    Checkpoint sales = restored.checkpoint(SyncEngine.checkpointName(f.connector.accountKey(), SyncStream.SALES))
        .orElseThrow();
    assertThat(sales.position()).as("the re-import ends on the current version").contains("bm=S%3A");
  }

  @Test
  @DisplayName("If errors occur during the import, you can view the fault in the connection log and fix accordingly")
  void failedRecordsAppearInTheConnectionLog() {
    String product = truth.expectedActiveSkus().iterator().next();
    x().updateProduct(product, Map.of("sku", ""));
    run(allOutlets().build());

    List<RecordIssue> log = f.sink.openIssues(RecordKind.SKU);
    assertThat(log).filteredOn(i -> i.recordId().equals(product)).extracting(RecordIssue::reason)
        .contains(ReasonCode.SKU_MISSING);
    assertThat(log).filteredOn(i -> i.reason() == ReasonCode.SKU_MISSING).singleElement()
        .satisfies(i -> assertThat(i.remedy()).isNotBlank());
    assertThat(log).as("products without a supplier are logged too").anyMatch(i -> i.reason() == ReasonCode.UNKNOWN_SUPPLIER);

    // fixed in Lightspeed: the next run reads the product again and the entry leaves the log
    f.time.advance(Duration.ofMinutes(10));
    x().updateProduct(product, Map.of("sku", "FIXED-1"));
    run(allOutlets().build());
    assertThat(f.sink.openIssues(RecordKind.SKU)).noneMatch(i -> i.recordId().equals(product)
        && i.reason() == ReasonCode.SKU_MISSING);
  }

  // The export sentences ("Choose how Unleashed and Lightspeed integrate"), through XSeriesWriter.

  private static SyncSettings exporting(MasterSide master) {
    return allOutlets().masterData(MasterDataConfig.builder().master(master).exportProducts(true).build()).build();
  }

  private XSeriesWriter writer(SyncSettings settings) {
    return XSeriesWriter.builder().client(f.xseriesClient).sink(f.sink).settings(settings).clock(f.time.asClock())
        .exportCustomers(true).build();
  }

  private static Sku lamp(String code, String price) {
    return Sku.builder().id("ERP-LAMP").sku(code).name("Desk lamp")
        .putPrices(XSeriesMapping.PRICE, new BigDecimal(price)).build();
  }

  private long productsWithCode(String code) {
    return x().stream("products").filter(p -> p.get("sku").orElse("").equals(code) && p.get("deleted_at").isEmpty())
        .count();
  }

  @Test
  @DisplayName("Export products to Lightspeed: enabling this will export products from the ERP into Lightspeed")
  void exportProductsToLightspeed() {
    WriteReport off = writer(allOutlets().build()).exportProducts(List.of(lamp("LAMP-1", "30.00")));
    assertThat(off.actions()).as("off by default").isEmpty();
    assertThat(off.suppressedBecause()).contains(ReasonCode.EXPORT_DISABLED);

    WriteReport first = writer(exporting(MasterSide.LIGHTSPEED)).exportProducts(List.of(lamp("LAMP-1", "30.00")));
    run(exporting(MasterSide.LIGHTSPEED));
    writer(exporting(MasterSide.LIGHTSPEED)).exportProducts(List.of(lamp("LAMP-1", "30.00")));

    assertThat(productsWithCode("LAMP-1")).as("created once across runs").isEqualTo(1);
    String id = first.actions().get(0).externalId().orElseThrow();
    assertThat(f.sink.findSkus(List.of(id)).get(id).name()).as("and imported back as it is").isEqualTo("Desk lamp");
  }

  @Test
  @DisplayName("Spacing is removed from the product name when it is sent to Lightspeed, so a sale of a product"
      + " whose code had spaces still goes back to the ERP")
  void spacingIsRemovedWhenSentSoASaleStillGoesBack() {
    SyncSettings settings = exporting(MasterSide.LIGHTSPEED);
    String hostCode = "LAMP 1";
    WriteReport export = writer(settings).exportProducts(List.of(lamp(hostCode, "30.00")));
    String productId = export.actions().get(0).externalId().orElseThrow();
    assertThat(productsWithCode("LAMP1")).isEqualTo(1);
    run(settings);

    String sale = x().addSale(x().outletIds().get(0), "CLOSED", Map.of(productId, 2L));
    f.time.advance(Duration.ofMinutes(30));
    run(settings);

    SalesOrder order = f.sink.findSales(List.of(sale)).get(sale);
    String code = SkuRule.of(settings.skus()).normalize(hostCode);
    assertThat(f.sink.findSkuIdsByCode(List.of(code)).get(code)).as("the ERP links the sale by its own code")
        .containsExactly(order.lines().get(0).skuId());
  }

  @Test
  @DisplayName("Update products: enabling this selects what system is the master for product information such as"
      + " Pricing, Notes etc.")
  void updateProductsSelectsTheMasterForPricing() {
    String id = writer(exporting(MasterSide.HOST)).exportProducts(List.of(lamp("LAMP-1", "30.00"))).actions().get(0)
        .externalId().orElseThrow();

    writer(exporting(MasterSide.LIGHTSPEED)).exportProducts(List.of(lamp("LAMP-1", "35.00")));
    assertThat(x().get("products", id).orElseThrow().getDecimal("price_excluding_tax"))
        .as("Lightspeed masters: its price is kept").isEqualByComparingTo("30.00");

    WriteReport hostMaster = writer(exporting(MasterSide.HOST)).exportProducts(List.of(lamp("LAMP-1", "35.00")));
    assertThat(hostMaster.actions()).singleElement().satisfies(a ->
        assertThat(a.status()).isEqualTo(WriteAction.Status.DONE));
    assertThat(x().get("products", id).orElseThrow().getDecimal("price_excluding_tax"))
        .as("the ERP masters: its price is sent").isEqualByComparingTo("35.00");
    assertThat(productsWithCode("LAMP-1")).isEqualTo(1);
  }

  @Test
  @DisplayName("Export customers to Lightspeed: enabling this will export Customers from the ERP into Lightspeed")
  void exportCustomersToLightspeed() {
    Customer ada = Customer.builder().id("ERP-C1").firstName("Ada").lastName("Lovelace").email("ada@example.com")
        .city("London").build();
    assertThat(XSeriesWriter.builder().client(f.xseriesClient).sink(f.sink).settings(allOutlets().build()).build()
        .exportCustomers(List.of(ada)).actions()).as("off by default").isEmpty();

    WriteReport first = writer(allOutlets().build()).exportCustomers(List.of(ada));
    writer(allOutlets().build()).exportCustomers(List.of(ada));
    String customerId = first.actions().get(0).externalId().orElseThrow();
    run(allOutlets().build());

    assertThat(x().stream("customers").filter(c -> c.get("last_name").orElse("").equals("Lovelace")).count())
        .as("created once across runs").isEqualTo(1);
    Customer back = f.sink.findCustomers(List.of(customerId)).get(customerId);
    assertThat(back.email()).as("imported back with its contact").contains("ada@example.com");
    assertThat(back.city()).contains("London");
    assertThat(back.code()).as("under the ERP's key").contains("ERP-C1");
  }
}
