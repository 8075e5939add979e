package dev.lightspeedsync.sync.lightspeed.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.ItemPrice;
import dev.lightspeedsync.client.retail.write.ItemUpdate;
import dev.lightspeedsync.client.retail.write.NewItem;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.EngineRun;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.rules.MasterDataConfig;
import dev.lightspeedsync.sync.rules.MasterSide;
import dev.lightspeedsync.sync.rules.SkuRule;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Product export to R-Series Items against the testkit, through the public writer. */
class ProductExportTest {
  WriterFixture fx;
  InMemorySyncSink sink;
  long vendor;
  SyncSettings lightspeedMaster;
  SyncSettings hostMaster;

  @BeforeEach
  void start() {
    fx = new WriterFixture();
    sink = new InMemorySyncSink();
    vendor = fx.server.retail().stream("Vendor").findFirst().orElseThrow().id();
    LocationConfig all = LocationConfig.builder().strategy(LocationStrategy.ALL)
        .defaultLocationCode(fx.server.retail().stream("Shop").findFirst().orElseThrow().require("name")).build();
    lightspeedMaster = SyncSettings.builder().location(all)
        .masterData(MasterDataConfig.builder().master(MasterSide.LIGHTSPEED).exportProducts(true).build()).build();
    hostMaster = lightspeedMaster.withMasterData(MasterDataConfig.builder().master(MasterSide.HOST)
        .exportProducts(true).build());
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  Sku product(String hostId, String code, String name, String defaultPrice) {
    return Sku.builder().id(hostId).sku(code).name(name).upc("0 12345 67890 5").manufacturerSku("MPN 7")
        .supplierId(Long.toString(vendor))
        .prices(Map.of("Default", new BigDecimal(defaultPrice), "MSRP", new BigDecimal("25.00"),
            "cost", new BigDecimal("4.10")))
        .build();
  }

  RetailWriter writer(SyncSink s, SyncSettings settings) {
    return fx.writer(s, settings);
  }

  List<Item> itemsWithCode(String code) {
    return fx.client.items().list().stream().filter(i -> code.equals(i.customSku().orElse(null)))
        .collect(Collectors.toList());
  }

  long posts() {
    return fx.server.inspect().requests("POST Item.json");
  }

  long puts() {
    return fx.server.inspect().requests("PUT Item/{id}.json");
  }

  static BigDecimal price(Item item, String useType) {
    return item.prices().stream().filter(p -> useType.equals(p.useType().orElse(null))).map(ItemPrice::amount)
        .findFirst().orElseThrow();
  }

  /** A catalogue sync of the account into {@code into}. */
  void syncCatalogue(SyncSink into, SyncSettings settings) {
    new EngineRun(RetailConnector.builder().client(fx.client).clock(fx.clock).build(), into, settings, fx.clock)
        .run(Set.of(SyncStream.CATALOGUE));
  }

  @Test
  void aHostProductBecomesAnItemWithNormalisedCodesPricesAndVendor() {
    WriteReport report = writer(sink, lightspeedMaster).exportProducts(List.of(product("H-1", " AB 12 3", "Mug",
        "12.50")));

    Item item = itemsWithCode("AB123").get(0);
    assertThat(itemsWithCode("AB123")).hasSize(1);
    assertThat(item.description()).contains("Mug");
    assertThat(item.upc()).contains("012345678905");
    assertThat(item.manufacturerSku()).contains("MPN7");
    assertThat(item.defaultVendorId()).contains(vendor);
    assertThat(item.defaultCost()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("4.10"));
    assertThat(price(item, "Default")).isEqualByComparingTo("12.50");
    assertThat(price(item, "MSRP")).isEqualByComparingTo("25.00");
    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(WriteAction.Kind.PRODUCT_EXPORT);
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.externalId()).contains(Long.toString(item.id()));
    });
    assertThat(sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, "product:H-1").flatMap(e -> e.externalId()))
        .contains(Long.toString(item.id()));
  }

  @Test
  void aSaleOfAProductWhoseCodeHadSpacesLinksBackAfterTheNextSync() {
    String hostCode = "AB 12 3";
    writer(sink, lightspeedMaster).exportProducts(List.of(product("H-1", hostCode, "Mug", "12.50")));
    syncCatalogue(sink, lightspeedMaster);

    String normalised = SkuRule.of(lightspeedMaster.skus()).normalize(hostCode);
    assertThat(sink.findSkuIdsByCode(List.of(normalised)).get(normalised))
        .containsExactly(Long.toString(itemsWithCode("AB123").get(0).id()));
  }

  @Test
  void anItemWhoseLightspeedCodeHasSpacesIsMatchedNotDuplicated() {
    Item existing = fx.client.createItem(NewItem.builder().description("Old mug").customSku("XY 9 9").build());
    syncCatalogue(sink, hostMaster);
    long postsBefore = posts();

    WriteReport report = writer(sink, hostMaster).exportProducts(List.of(product("H-2", "XY99", "Mug", "12.50")));

    assertThat(posts()).isEqualTo(postsBefore);
    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.externalId()).contains(Long.toString(existing.id()));
    });
    assertThat(sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, "product:H-2").flatMap(e -> e.externalId()))
        .as("the link is recorded").contains(Long.toString(existing.id()));
    Item after = fx.client.items().get(existing.id());
    assertThat(after.description()).contains("Mug");
    assertThat(after.customSku()).as("same code after normalisation: not rewritten").contains("XY 9 9");
  }

  @Test
  void withTheHostAsMasterOnlyChangedFieldsAreSentAndAnUnchangedRerunSendsNothing() {
    writer(sink, hostMaster).exportProducts(List.of(product("H-1", "AB123", "Mug", "12.50")));
    WriteReport update = writer(sink.reopen(), hostMaster).exportProducts(List.of(product("H-1", "AB123", "Mug",
        "13.00")));
    long putsAfterUpdate = puts();
    WriteReport rerun = writer(sink.reopen(), hostMaster).exportProducts(List.of(product("H-1", "AB123", "Mug",
        "13.00")));

    assertThat(update.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.request()).endsWith(".json Prices(Default 13.00)");
    });
    assertThat(putsAfterUpdate).isEqualTo(1);
    assertThat(price(itemsWithCode("AB123").get(0), "Default")).isEqualByComparingTo("13.00");
    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.ALREADY_DONE));
    assertThat(puts()).isEqualTo(putsAfterUpdate);
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void withLightspeedAsMasterAnExistingItemIsNotOverwrittenButAMissingOneIsCreated() {
    writer(sink, lightspeedMaster).exportProducts(List.of(product("H-1", "AB123", "Mug", "12.50")));
    long id = itemsWithCode("AB123").get(0).id();
    fx.client.updateItem(id, ItemUpdate.builder().description("Named in Lightspeed").build());

    WriteReport report = writer(sink.reopen(), lightspeedMaster).exportProducts(List.of(
        product("H-1", "AB123", "Mug", "99.00"), product("H-3", "NEW1", "Plate", "5.00")));

    assertThat(report.actions()).extracting(WriteAction::status).containsExactly(Status.ALREADY_DONE, Status.DONE);
    Item kept = fx.client.items().get(id);
    assertThat(kept.description()).contains("Named in Lightspeed");
    assertThat(price(kept, "Default")).isEqualByComparingTo("12.50");
    assertThat(puts()).isEqualTo(1); // the test's own rename
    assertThat(itemsWithCode("NEW1")).hasSize(1);
  }

  @Test
  void itemAppliedThenAnswered500IsFoundByCustomSkuAndCreatedOnce() {
    fx.server.injectNext(Fault.APPLY_THEN_500, fx.path("POST", "Item"));

    WriteReport report = writer(sink, lightspeedMaster).exportProducts(List.of(product("H-1", "AB123", "Mug",
        "12.50")));
    WriteReport rerun = writer(sink.reopen(), lightspeedMaster).exportProducts(List.of(product("H-1", "AB123",
        "Mug", "12.50")));

    assertThat(fx.server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.ALREADY_DONE));
    assertThat(itemsWithCode("AB123")).hasSize(1);
    assertThat(posts()).isEqualTo(1);
    assertThat(sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, "product:H-1").orElseThrow().externalId())
        .contains(Long.toString(itemsWithCode("AB123").get(0).id()));
  }

  @Test
  void aDroppedConnectionLeavesTheCreatePendingAndTheRerunCreatesItOnce() {
    fx.server.injectNext(Fault.DROP_CONNECTION, fx.path("POST", "Item"));

    WriteReport report = writer(sink, lightspeedMaster).exportProducts(List.of(product("H-1", "AB123", "Mug",
        "12.50")));
    WriteReport rerun = writer(sink.reopen(), lightspeedMaster).exportProducts(List.of(product("H-1", "AB123",
        "Mug", "12.50")));

    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.PENDING));
    assertThat(rerun.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.detail()).contains("no record with customSku 'AB123' exists");
    });
    assertThat(itemsWithCode("AB123")).hasSize(1);
  }

  @Test
  void restartBetweenThePostAndTheLedgerConfirmCreatesTheItemOnce() {
    SyncSink dying = WriterFixture.killing(sink, (method, key) -> method.equals("confirmInLedger")
        && key.equals("product:H-1"), false);
    assertThatThrownBy(() -> writer(dying, lightspeedMaster).exportProducts(List.of(product("H-1", "AB123", "Mug",
        "12.50")))).isInstanceOf(WriterFixture.Killed.class);
    assertThat(itemsWithCode("AB123")).hasSize(1);

    WriteReport rerun = writer(sink.reopen(), lightspeedMaster).exportProducts(List.of(product("H-1", "AB123",
        "Mug", "12.50")));

    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    assertThat(itemsWithCode("AB123")).hasSize(1);
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void aCodeSharedByTwoItemsIsNotGuessedButLogged() {
    fx.client.createItem(NewItem.builder().description("A").customSku("DUP 1").build());
    fx.client.createItem(NewItem.builder().description("B").customSku("DUP1").build());
    syncCatalogue(sink, hostMaster);
    long writes = fx.writeRequests();

    WriteReport report = writer(sink, hostMaster).exportProducts(List.of(product("H-4", "DUP1", "Mug", "1.00")));

    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.SKIPPED));
    assertThat(fx.writeRequests()).isEqualTo(writes);
    assertThat(sink.openIssues(RecordKind.SKU)).anySatisfy(i -> {
      assertThat(i.recordId()).isEqualTo("H-4");
      assertThat(i.reason()).isEqualTo(ReasonCode.SKU_DUPLICATE);
    });
  }

  @Test
  void productExportIsOffByDefaultAndRefusedInReadOnlyMode() {
    List<Sku> products = List.of(product("H-1", "AB123", "Mug", "12.50"));
    WriteReport off = writer(sink, SyncSettings.defaults()).exportProducts(products);
    WriteReport readOnly = writer(sink, hostMaster.withReadOnly(true)).exportProducts(products);

    assertThat(off.suppressedBecause()).contains(ReasonCode.EXPORT_DISABLED);
    assertThat(off.exclusions()).containsExactly(new Exclusion("H-1", ReasonCode.EXPORT_DISABLED));
    assertThat(readOnly.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(fx.writeRequests()).isZero();
    assertThat(sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, "product:H-1")).isEmpty();
  }

  @Test
  void aDryRunPlansCreatesAndUpdatesWithoutSendingOrRecording() {
    writer(sink, hostMaster).exportProducts(List.of(product("H-1", "AB123", "Mug", "12.50")));
    long writes = fx.writeRequests();
    RetailWriter dry = RetailWriter.builder().client(fx.client).sink(sink).settings(hostMaster).clock(fx.clock)
        .dryRun(true).build();

    WriteReport report = dry.exportProducts(List.of(product("H-1", "AB123", "Mug", "14.00"),
        product("H-5", "NEW5", "Bowl", "3.00")));

    assertThat(report.dryRun()).isTrue();
    assertThat(report.actions()).extracting(WriteAction::status).containsExactly(Status.PLANNED, Status.PLANNED);
    assertThat(report.actions().get(0).request()).endsWith("Prices(Default 14.00)");
    assertThat(report.actions().get(1).request()).startsWith("POST Item.json customSku=NEW5");
    assertThat(fx.writeRequests()).isEqualTo(writes);
    assertThat(sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, "product:H-5")).isEmpty();
    assertThat(price(itemsWithCode("AB123").get(0), "Default")).isEqualByComparingTo("12.50");
  }

  @Test
  void anUpdateAppliedThenAnswered500IsSettledByTheRerunWithoutAnotherWrite() {
    writer(sink, hostMaster).exportProducts(List.of(product("H-1", "AB123", "Mug", "12.50")));
    fx.server.injectNext(Fault.APPLY_THEN_500, fx.path("PUT", "Item/"));

    WriteReport update = writer(sink.reopen(), hostMaster).exportProducts(List.of(product("H-1", "AB123", "Mug",
        "13.00")));
    WriteReport rerun = writer(sink.reopen(), hostMaster).exportProducts(List.of(product("H-1", "AB123", "Mug",
        "13.00")));

    assertThat(update.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.PENDING));
    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.ALREADY_DONE));
    assertThat(puts()).isEqualTo(1);
    assertThat(price(itemsWithCode("AB123").get(0), "Default")).isEqualByComparingTo("13.00");
  }

  @Test
  void requestsGrowWithTheChangesNotWithTheCatalogue() {
    List<Sku> first = new java.util.ArrayList<>();
    for (int i = 0; i < 120; i++) {
      first.add(product("H-" + i, "CODE" + i, "Product " + i, "10.00"));
    }
    writer(sink, hostMaster).exportProducts(first);
    assertThat(posts()).isEqualTo(120);
    fx.server.inspect().reset();

    List<Sku> tenChanged = new java.util.ArrayList<>(first);
    for (int i = 0; i < 10; i++) {
      tenChanged.set(i * 12, product("H-" + i * 12, "CODE" + i * 12, "Product " + i * 12, "11.00"));
    }
    WriteReport report = writer(sink.reopen(), hostMaster).exportProducts(tenChanged);

    assertThat(report.count(Status.DONE)).isEqualTo(10);
    assertThat(report.count(Status.ALREADY_DONE)).isEqualTo(110);
    assertThat(puts()).isEqualTo(10);
    assertThat(posts()).isZero();
    assertThat(fx.server.inspect().requests("GET Item.json")).as("items read 100 at a time").isEqualTo(2);
  }
}
