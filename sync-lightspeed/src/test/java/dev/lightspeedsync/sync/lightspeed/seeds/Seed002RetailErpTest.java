package dev.lightspeedsync.sync.lightspeed.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.rules.MasterDataConfig;
import dev.lightspeedsync.sync.rules.MasterSide;
import dev.lightspeedsync.sync.rules.SkuRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 (ERP), its R-Series part: the exports to Lightspeed, sentence by sentence, through the
 * public {@link RetailWriter} and, for the way back, the engine and the R-Series connector.
 */
class Seed002RetailErpTest {
  SeedFixture f = SeedFixture.retail(60, 0);

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  private SyncSettings settings(MasterSide master) {
    return SyncSettings.builder()
        .location(LocationConfig.builder().strategy(LocationStrategy.ALL).defaultLocationCode(f.shop(0)).build())
        .masterData(MasterDataConfig.builder().master(master).exportProducts(true).build()).build();
  }

  private RetailWriter writer(SyncSettings settings) {
    return RetailWriter.builder().client(f.retailClient()).sink(f.sink).settings(settings).clock(f.time.asClock())
        .exportCustomers(true).build();
  }

  private static Sku lamp(String code, String price) {
    return Sku.builder().id("ERP-LAMP").sku(code).name("Desk lamp").prices(Map.of("Default", new BigDecimal(price)))
        .build();
  }

  private long itemsWithCode(String code) {
    return f.server.retail().stream("Item").filter(i -> i.get("customSku").orElse("").equals(code)).count();
  }

  @Test
  @DisplayName("Export products to Lightspeed: enabling this will export products from the ERP into Lightspeed")
  void exportProductsToLightspeed() {
    SyncSettings off = SyncSettings.builder().build();
    assertThat(writer(off).exportProducts(List.of(lamp("LAMP-1", "30.00"))).actions()).as("off by default").isEmpty();

    writer(settings(MasterSide.LIGHTSPEED)).exportProducts(List.of(lamp("LAMP-1", "30.00")));
    writer(settings(MasterSide.LIGHTSPEED)).exportProducts(List.of(lamp("LAMP-1", "30.00")));

    assertThat(itemsWithCode("LAMP-1")).as("created once across runs").isEqualTo(1);
  }

  @Test
  @DisplayName("Spacing is removed from product codes sent to Lightspeed, so a sale of a product whose code had"
      + " spaces still goes back to the ERP")
  void aSaleOfAProductWhoseCodeHadSpacesGoesBack() {
    SyncSettings settings = settings(MasterSide.LIGHTSPEED);
    String hostCode = "LAMP 1";
    WriteReport export = writer(settings).exportProducts(List.of(lamp(hostCode, "30.00")));
    long itemId = Long.parseLong(export.actions().get(0).externalId().orElseThrow());
    assertThat(itemsWithCode("LAMP1")).isEqualTo(1);
    f.run(settings);

    long shopId = f.server.retail().stream("Shop").findFirst().orElseThrow().id();
    long sale = f.server.retail().addCompletedSale(shopId, Map.of(itemId, 2L));
    f.time.advance(Duration.ofMinutes(30));
    f.run(settings);

    SalesOrder order = f.sink.findSales(List.of(Long.toString(sale))).get(Long.toString(sale));
    String code = SkuRule.of(settings.skus()).normalize(hostCode);
    assertThat(f.sink.findSkuIdsByCode(List.of(code)).get(code)).as("the ERP links its product by its own code")
        .containsExactly(order.lines().get(0).skuId());
  }

  @Test
  @DisplayName("Update products selects which system is the master for product information such as pricing")
  void updateProductsSelectsTheMaster() {
    writer(settings(MasterSide.HOST)).exportProducts(List.of(lamp("LAMP-1", "30.00")));

    WriteReport lightspeedMaster = writer(settings(MasterSide.LIGHTSPEED))
        .exportProducts(List.of(lamp("LAMP-1", "35.00")));
    long id = Long.parseLong(lightspeedMaster.actions().get(0).externalId().orElseThrow());
    assertThat(f.server.retail().prices(id).get("Default")).as("Lightspeed masters: not overwritten")
        .isEqualByComparingTo("30.00");

    WriteReport hostMaster = writer(settings(MasterSide.HOST)).exportProducts(List.of(lamp("LAMP-1", "35.00")));
    assertThat(hostMaster.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.DONE));
    assertThat(f.server.retail().prices(id).get("Default")).as("the ERP masters: its price is sent")
        .isEqualByComparingTo("35.00");
  }

  @Test
  @DisplayName("Export customers to Lightspeed: enabling this will export customers from the ERP into Lightspeed")
  void exportCustomersToLightspeed() {
    Customer ada = Customer.builder().id("ERP-C1").firstName("Ada").lastName("Lovelace").email("ada@example.com")
        .city("London").build();
    RetailWriter writer = writer(settings(MasterSide.LIGHTSPEED));

    WriteReport first = writer.exportCustomers(List.of(ada));
    writer.exportCustomers(List.of(ada));
    String customerId = first.actions().get(0).externalId().orElseThrow();
    f.run(settings(MasterSide.LIGHTSPEED));

    assertThat(f.server.retail().stream("Customer").filter(c -> c.get("lastName").orElse("").equals("Lovelace"))
        .count()).as("created once across runs").isEqualTo(1);
    Customer back = f.sink.findCustomers(List.of(customerId)).get(customerId);
    assertThat(back.email()).as("imported back with its contact").contains("ada@example.com");
    assertThat(back.city()).contains("London");
  }
}
