package dev.lightspeedsync.sync.lightspeed.xseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.CrashingSink;
import dev.lightspeedsync.sync.lightspeed.EngineRun;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.MasterDataConfig;
import dev.lightspeedsync.sync.rules.MasterSide;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.Inspection;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Product export to X-Series (issue 14, seed 002 "Export products to Lightspeed"): created once, updated
 * by the master-data rule, SKU spaces removed, under write-then-500, a restart between the write and the
 * ledger, dry run and read-only, against the testkit.
 */
class XSeriesProductExportTest {
  static final String KEY = "product:ERP-LAMP";

  final ManualTimeSource time = new ManualTimeSource();
  final InMemorySyncSink sink = new InMemorySyncSink();
  LightspeedTestServer server;
  XSeriesClient client;

  @BeforeEach
  void start() {
    server = XSeriesWriterRetailer.start(time);
    client = XSeriesWriterRetailer.client(server, time);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  static SyncSettings settings(MasterSide master) {
    return SyncSettings.builder().masterData(MasterDataConfig.builder().master(master).exportProducts(true).build())
        .build();
  }

  private XSeriesWriter writer(SyncSink to, SyncSettings settings, boolean dryRun) {
    return XSeriesWriter.builder().client(client).sink(to).settings(settings).clock(time.asClock()).dryRun(dryRun)
        .build();
  }

  private WriteReport export(SyncSettings settings, Sku... products) {
    return writer(sink, settings, false).exportProducts(List.of(products));
  }

  static Sku lamp(String code, String price) {
    Map<String, BigDecimal> prices = new LinkedHashMap<>();
    prices.put(XSeriesMapping.PRICE, new BigDecimal(price));
    prices.put(XSeriesMapping.COST, new BigDecimal("12.00"));
    return Sku.builder().id("ERP-LAMP").sku(code).name("Desk lamp").prices(prices).build();
  }

  private List<TestkitRecord> withSku(String sku) {
    return server.xseries().stream("products").filter(p -> p.get("sku").orElse("").equals(sku)).toList();
  }

  private long writes() {
    return XSeriesWriterRetailer.writes(server);
  }

  private List<Inspection.Request> requests(String method) {
    return server.inspect().recentRequests().stream().filter(r -> r.method().equals(method)).toList();
  }

  private static WriteAction only(WriteReport report, Status status) {
    return XSeriesWriterRetailer.only(report, status);
  }

  @Test
  @DisplayName("a host product is created once with the documented POST /api/2.0/products: name, SKU without spaces, prices")
  void createsTheProductWithItsCodeWithoutSpaces() {
    WriteReport report = export(settings(MasterSide.LIGHTSPEED), lamp(" LAMP 1 ", "30.00"));

    WriteAction a = only(report, Status.DONE);
    assertThat(a.kind()).isEqualTo(WriteAction.Kind.PRODUCT_EXPORT);
    assertThat(a.request()).contains("sku=LAMP1", "price_excluding_tax 30.00", "supply_price 12.00");
    List<TestkitRecord> created = withSku("LAMP1");
    assertThat(created).singleElement().satisfies(p -> {
      assertThat(a.externalId()).contains(p.key());
      assertThat(p.require("name")).isEqualTo("Desk lamp");
      assertThat(p.getDecimal("price_excluding_tax")).isEqualByComparingTo("30.00");
      assertThat(p.getDecimal("supply_price")).isEqualByComparingTo("12.00");
    });
    assertThat(requests("POST")).singleElement()
        .satisfies(r -> assertThat(r.endpoint()).isEqualTo("POST /api/2.0/products"));
    assertThat(sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, KEY)).hasValueSatisfying(e -> {
      assertThat(e.confirmed()).isTrue();
      assertThat(e.externalId()).contains(created.get(0).key());
    });
  }

  @Test
  @DisplayName("a rerun creates nothing: Lightspeed as master leaves the product alone, the host as master sends nothing unchanged")
  void rerunNeverDuplicates() {
    export(settings(MasterSide.LIGHTSPEED), lamp("LAMP 1", "30.00"));
    long after = writes();

    WriteReport again = export(settings(MasterSide.LIGHTSPEED), lamp("LAMP 1", "30.00"));
    WriteReport hostMaster = export(settings(MasterSide.HOST), lamp("LAMP 1", "30.00"));

    assertThat(only(again, Status.ALREADY_DONE).detail()).contains("not overwritten");
    assertThat(only(hostMaster, Status.ALREADY_DONE).request()).contains("(nothing)");
    assertThat(writes()).as("nothing written again").isEqualTo(after);
    assertThat(withSku("LAMP1")).hasSize(1);
  }

  @Test
  @DisplayName("the host as master updates only what differs with PUT /api/2.1/products/{id}; Lightspeed as master keeps its values")
  void masterDataDecidesTheUpdate() {
    String id = only(export(settings(MasterSide.HOST), lamp("LAMP1", "30.00")), Status.DONE).externalId()
        .orElseThrow();

    WriteReport lightspeedMaster = export(settings(MasterSide.LIGHTSPEED), lamp("LAMP1", "35.00"));
    assertThat(lightspeedMaster.actions().get(0).status()).isEqualTo(Status.ALREADY_DONE);
    assertThat(server.xseries().get("products", id).orElseThrow().getDecimal("price_excluding_tax"))
        .as("Lightspeed masters: not overwritten").isEqualByComparingTo("30.00");

    Sku renamed = Sku.builder().from(lamp("LAMP1", "35.00")).name("Desk lamp XL").build();
    WriteAction a = only(export(settings(MasterSide.HOST), renamed), Status.DONE);

    assertThat(a.request()).startsWith("PUT api/2.1/products/" + id).contains("common.name 'Desk lamp XL'",
        "details.price_excluding_tax 35.00").doesNotContain("supply_price");
    assertThat(requests("PUT")).singleElement()
        .satisfies(r -> assertThat(r.endpoint()).isEqualTo("PUT /api/2.1/products/{id}"));
    TestkitRecord p = server.xseries().get("products", id).orElseThrow();
    assertThat(p.require("name")).isEqualTo("Desk lamp XL");
    assertThat(p.getDecimal("price_excluding_tax")).isEqualByComparingTo("35.00");
    assertThat(withSku("LAMP1")).hasSize(1);
  }

  @Test
  @DisplayName("a product the catalogue already holds under the normalised code is linked, not created again")
  void linksAnExistingProductBySku() {
    TestkitRecord existing = server.xseries().stream("products").filter(p -> p.get("deleted_at").isEmpty()
        && !p.getBoolean("is_composite") && !p.getBoolean("has_variants") && p.get("variant_parent_id").isEmpty()
        && !p.get("sku").orElse("").isBlank()).findFirst().orElseThrow();
    new EngineRun(XSeriesConnector.builder().client(client).build(), sink, SyncSettings.defaults(), time.asClock(),
        time::sleep).run(Set.of(SyncStream.CATALOGUE));
    String code = existing.require("sku").replaceAll("\\s+", "");
    Sku host = Sku.builder().id("ERP-X").sku(code.substring(0, 1) + " " + code.substring(1))
        .name(existing.require("name")).putPrices(XSeriesMapping.PRICE, new BigDecimal("77.00")).build();
    long before = requests("POST").size();

    WriteAction a = only(writer(sink, settings(MasterSide.HOST), false).exportProducts(List.of(host)), Status.DONE);

    assertThat(a.externalId()).contains(existing.key());
    assertThat(requests("POST")).as("nothing created").hasSize((int) before);
    assertThat(server.xseries().get("products", existing.key()).orElseThrow().getDecimal("price_excluding_tax"))
        .isEqualByComparingTo("77.00");
    assertThat(sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, "product:ERP-X")).hasValueSatisfying(e ->
        assertThat(e.externalId()).contains(existing.key()));
  }

  @Test
  @DisplayName("create applied then 500: the product is found by its SKU and confirmed, not posted again")
  void createAppliedThen500IsRecovered() {
    server.injectNext(Fault.APPLY_THEN_500, "POST /api/2.0/products");

    WriteReport report = export(settings(MasterSide.LIGHTSPEED), lamp("LAMP 1", "30.00"));

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    WriteAction a = only(report, Status.RECOVERED);
    assertThat(withSku("LAMP1")).singleElement().satisfies(p -> assertThat(a.externalId()).contains(p.key()));
    assertThat(sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, KEY)).hasValueSatisfying(e ->
        assertThat(e.confirmed()).isTrue());
    assertThat(export(settings(MasterSide.LIGHTSPEED), lamp("LAMP 1", "30.00")).actions().get(0).status())
        .isEqualTo(Status.ALREADY_DONE);
    assertThat(withSku("LAMP1")).hasSize(1);
  }

  @Test
  @DisplayName("a restart between the POST and the ledger's confirmation finds the product and posts nothing more")
  void restartBetweenWriteAndLedger() {
    CrashingSink dying = CrashingSink.beforeConfirming(sink, KEY::equals);

    assertThatThrownBy(() -> writer(dying, settings(MasterSide.LIGHTSPEED), false)
        .exportProducts(List.of(lamp("LAMP 1", "30.00")))).isInstanceOf(CrashingSink.Crash.class);
    assertThat(withSku("LAMP1")).hasSize(1);
    assertThat(sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, KEY)).hasValueSatisfying(e ->
        assertThat(e.confirmed()).isFalse());
    long before = writes();

    WriteReport rerun = export(settings(MasterSide.LIGHTSPEED), lamp("LAMP 1", "30.00"));

    assertThat(only(rerun, Status.RECOVERED).detail()).contains("sku 'LAMP1'");
    assertThat(writes()).as("nothing posted again").isEqualTo(before);
    assertThat(withSku("LAMP1")).hasSize(1);
  }

  @Test
  @DisplayName("a dry run lists the POST it would send, sends nothing and leaves the ledger alone")
  void dryRunPlansOnly() {
    long before = writes();

    WriteReport plan = writer(sink, settings(MasterSide.HOST), true).exportProducts(List.of(lamp("LAMP 1", "30.00")));

    assertThat(plan.dryRun()).isTrue();
    assertThat(only(plan, Status.PLANNED).request()).contains("POST products sku=LAMP1");
    assertThat(writes()).isEqualTo(before);
    assertThat(withSku("LAMP1")).isEmpty();
    assertThat(sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, KEY)).isEmpty();
  }

  @Test
  @DisplayName("off by default and refused in read-only mode: nothing is sent")
  void offByDefaultAndRefusedInReadOnlyMode() {
    long before = writes();

    WriteReport off = writer(sink, SyncSettings.defaults(), false).exportProducts(List.of(lamp("LAMP1", "30.00")));
    WriteReport readOnly = writer(sink, SyncSettings.builder().from(settings(MasterSide.HOST)).readOnly(true).build(),
        false).exportProducts(List.of(lamp("LAMP1", "30.00")));

    assertThat(off.suppressedBecause()).contains(ReasonCode.EXPORT_DISABLED);
    assertThat(off.exclusions()).singleElement().satisfies(x -> assertThat(x.recordId()).isEqualTo("ERP-LAMP"));
    assertThat(readOnly.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(off.actions()).isEmpty();
    assertThat(readOnly.actions()).isEmpty();
    assertThat(writes()).isEqualTo(before);
    assertThat(sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, KEY)).isEmpty();
  }

  @Test
  @DisplayName("no SKU, a SKU two host products share and a price field X-Series lacks are skipped and logged")
  void invalidProductsAreSkippedAndLogged() {
    Sku noCode = Sku.builder().id("ERP-1").name("No code").build();
    Sku a = Sku.builder().id("ERP-2").sku("TWIN 1").name("Twin A").build();
    Sku b = Sku.builder().id("ERP-3").sku("TWIN1").name("Twin B").build();
    Sku msrp = Sku.builder().id("ERP-4").sku("MSRP-1").name("List price").putPrices("MSRP", BigDecimal.TEN).build();

    WriteReport report = export(settings(MasterSide.HOST), noCode, a, b, msrp);

    assertThat(report.actions()).extracting(WriteAction::status).containsOnly(Status.SKIPPED);
    assertThat(requests("POST")).isEmpty();
    assertThat(sink.openIssues(RecordKind.SKU)).extracting(RecordIssue::recordId, RecordIssue::reason)
        .contains(org.assertj.core.groups.Tuple.tuple("ERP-1", ReasonCode.SKU_MISSING),
            org.assertj.core.groups.Tuple.tuple("ERP-2", ReasonCode.SKU_DUPLICATE),
            org.assertj.core.groups.Tuple.tuple("ERP-3", ReasonCode.SKU_DUPLICATE),
            org.assertj.core.groups.Tuple.tuple("ERP-4", ReasonCode.MALFORMED_RECORD));
  }
}
