package dev.lightspeedsync.sync.lightspeed.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomConnector;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomWriter;
import dev.lightspeedsync.sync.lightspeed.ecom.HostShipment;
import dev.lightspeedsync.sync.rules.AvailabilityRule;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.engine.StreamReport;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncRequest;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.rules.EcomOrderMode;
import dev.lightspeedsync.sync.rules.OrderImportConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.SkuRule;
import dev.lightspeedsync.testkit.Inspection;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 (a warehouse system on eCom), sentence by sentence, through the engine and the eCom
 * connector.
 */
class Seed003EcomWarehouseTest {
  SeedFixture f = SeedFixture.ecom(300, 100);

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  private Map<String, TestkitRecord> variants() {
    return f.server.ecom().stream("variants").collect(Collectors.toMap(v -> Long.toString(v.id()), v -> v));
  }

  private Set<String> activeIds() {
    return f.sink.findSkus(variants().keySet()).values().stream().filter(Sku::active).map(Sku::id)
        .collect(Collectors.toSet());
  }

  /** The codes of the active variants, normalised as the default whitespace policy does. */
  private Map<String, List<String>> activeByCode() {
    SkuRule rule = SkuRule.of(SyncSettings.defaults().skus());
    Map<String, TestkitRecord> variants = variants();
    return activeIds().stream().filter(id -> !variants.get(id).get("sku").orElse("").isBlank())
        .collect(Collectors.groupingBy(id -> rule.normalize(variants.get(id).require("sku"))));
  }

  @Test
  @DisplayName("Picqer can only import products that have a unique SKU in Lightspeed: duplicates are named, never linked")
  void onlyUniqueSkus() {
    f.run(SyncSettings.defaults());

    Map<String, List<String>> byCode = activeByCode();
    Set<String> shared = byCode.values().stream().filter(ids -> ids.size() > 1).flatMap(List::stream)
        .collect(Collectors.toSet());
    assertThat(shared).as("the testkit shop has duplicate SKUs").isNotEmpty();
    Set<String> logged = f.sink.openIssues(RecordKind.SKU).stream().filter(i -> i.reason() == ReasonCode.SKU_DUPLICATE)
        .map(RecordIssue::recordId).collect(Collectors.toSet());
    assertThat(logged).isEqualTo(shared);
    byCode.forEach((code, ids) -> assertThat(f.sink.findSkuIdsByCode(List.of(code)).get(code))
        .as("holders of %s", code).containsExactlyInAnyOrderElementsOf(ids));
  }

  @Test
  @DisplayName("The SKU is not a mandatory field in Lightspeed, so check your products prior to importing them")
  void missingSkus() {
    f.run(SyncSettings.defaults());

    Map<String, TestkitRecord> variants = variants();
    Set<String> withoutSku = activeIds().stream().filter(id -> variants.get(id).get("sku").orElse("").isBlank())
        .collect(Collectors.toSet());
    assertThat(withoutSku).isNotEmpty();
    assertThat(f.sink.openIssues(RecordKind.SKU)).filteredOn(i -> i.reason() == ReasonCode.SKU_MISSING)
        .extracting(RecordIssue::recordId).containsExactlyInAnyOrderElementsOf(withoutSku);
  }

  @Test
  @DisplayName("If the product code (SKU) is the same in both Picqer and Lightspeed, the product will be linked automatically")
  void linkedBySameSku() {
    f.run(SyncSettings.defaults());

    SkuRule rule = SkuRule.of(SyncSettings.defaults().skus());
    Map<String, List<String>> unique = activeByCode().entrySet().stream().filter(e -> e.getValue().size() == 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(unique).isNotEmpty();
    Map<String, TestkitRecord> variants = variants();
    // a host product carries the code as the shop shows it, spaces included; it links after normalising
    unique.forEach((code, ids) -> {
      String hostCode = variants.get(ids.get(0)).require("sku");
      assertThat(f.sink.findSkuIdsByCode(List.of(rule.normalize(hostCode)))).containsEntry(code, ids);
    });
  }

  @Test
  @DisplayName("The current stock levels in Lightspeed will be imported into Picqer as a base level")
  void stockAsBaseLevel() {
    f.run(SyncSettings.defaults());

    Map<String, TestkitRecord> variants = variants();
    List<StockLevel> stock = f.sink.findStock(activeIds());
    assertThat(stock).isNotEmpty();
    assertThat(stock).allSatisfy(s -> assertThat(s.onHand()).as("stock of %s", s.skuId())
        .isEqualTo(variants.get(s.skuId()).getLong("stockLevel")));
  }

  @Test
  @DisplayName("With method 2 and 3, Picqer will also import all product images you have in Lightspeed")
  void allProductImagesWithOrdersAndTheBulkImport() {
    // all images cost one request per product: the host opts in on the connector
    EcomConnector withImages = EcomConnector.builder().client(f.ecomClient()).shopKey("shop").metrics(f.metrics)
        .clock(f.time.asClock()).allProductImages(true).build();
    touchSomeOrders();

    // method 2: the missing products of each imported order
    f.engine(importing(EcomOrderMode.ALL)).run(withImages, SyncRequest.builder()
        .streams(Set.of(SyncStream.ORDER_IMPORT)).build());
    Map<String, Sku> imported = f.sink.findSkus(variants().keySet());
    Set<String> fromOrders = imported.keySet();
    assertThat(fromOrders).isNotEmpty();
    assertThat(imported.values()).allSatisfy(sku -> assertThat(sku.imageUrls()).as("images of %s", sku.id())
        .isEqualTo(f.server.ecom().productImageUrls(variants().get(sku.id()).getLong("product"))));
    assertThat(imported.values()).anyMatch(sku -> !sku.imageUrls().isEmpty());
    assertThat(f.sink.findStock(fromOrders)).as("with their current stock as the base level").isNotEmpty()
        .allSatisfy(st -> assertThat(st.onHand()).isEqualTo(variants().get(st.skuId()).getLong("stockLevel")));

    // method 3: 'Import products', the bulk import in the background
    f.engine(SyncSettings.defaults()).run(withImages, SyncRequest.builder()
        .streams(Set.of(SyncStream.CATALOGUE, SyncStream.STOCK)).build());

    Map<String, TestkitRecord> variants = variants();
    Map<String, Sku> skus = f.sink.findSkus(variants.keySet());
    assertThat(skus.keySet()).containsAll(fromOrders);
    assertThat(skus.values()).allSatisfy(sku -> assertThat(sku.imageUrls()).as("images of %s", sku.id())
        .isEqualTo(f.server.ecom().productImageUrls(variants.get(sku.id()).getLong("product"))));
    assertThat(skus.values()).anyMatch(sku -> sku.imageUrls().size() > 1);
  }

  @Test
  @DisplayName("Read only: Picqer will only get information from Lightspeed, but will not push any information back")
  void readOnly() {
    f.run(SyncSettings.builder().readOnly(true).build());

    List<Inspection.Request> requests = f.server.inspect().recentRequests();
    assertThat(requests).isNotEmpty();
    assertThat(requests).extracting(Inspection.Request::method).containsOnly("GET");
    assertThat(activeIds()).isNotEmpty();
  }

  // Which orders will be imported ----------------------------------------------------------------

  private static SyncSettings importing(EcomOrderMode mode) {
    return SyncSettings.builder().orderImport(OrderImportConfig.builder().mode(mode).build()).build();
  }

  private Set<String> orderIds() {
    return f.server.ecom().stream("orders").map(o -> Long.toString(o.id())).collect(Collectors.toSet());
  }

  /** Every fourth order changes now (a status touch), so the 12-hour window holds a mix of states. */
  private void touchSomeOrders() {
    f.time.advance(Duration.ofDays(2));
    f.server.ecom().stream("orders").filter(o -> o.id() % 4 == 0).toList().forEach(o -> f.server.ecom()
        .setOrderStatus(o.id(), o.require("status"), o.require("paymentStatus"), o.require("shipmentStatus")));
    f.time.advance(Duration.ofMinutes(5));
  }

  /** What the seed's mode says about one order as the testkit holds it now. */
  private boolean importable(TestkitRecord o, EcomOrderMode mode, Instant windowStart) {
    String payment = o.require("paymentStatus");
    String shipment = o.require("shipmentStatus");
    boolean cod = o.getBoolean("shipmentIsCashOnDelivery");
    boolean cancelled = o.require("status").equals("cancelled") || payment.equals("cancelled");
    boolean shipped = shipment.equals("shipped") || shipment.equals("partially_shipped");
    boolean recent = !Instant.parse(o.require("updatedAt")).isBefore(windowStart);
    boolean byMode = switch (mode) {
      case PAID_ONLY -> payment.equals("paid");
      case ALL -> true;
      case ELIGIBLE_TO_SHIP -> payment.equals("paid") || cod;
    };
    return !cancelled && !shipped && recent && byMode;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(EcomOrderMode.class)
  @DisplayName("Orders are imported by mode: only paid; all (including not paid); eligible to ship (paid and cash on delivery)")
  void importModes(EcomOrderMode mode) {
    touchSomeOrders();
    Instant windowStart = f.time.now().minus(Duration.ofHours(12));

    SyncReport report = f.run(importing(mode));

    Set<String> expected = f.server.ecom().stream("orders").filter(o -> importable(o, mode, windowStart))
        .map(o -> Long.toString(o.id())).collect(Collectors.toSet());
    assertThat(expected).as("the window holds orders of this mode").isNotEmpty();
    assertThat(f.sink.findHandedOverOrders(orderIds()).keySet()).isEqualTo(expected);
    StreamReport imported = report.stream(SyncStream.ORDER_IMPORT).orElseThrow();
    assertThat(imported.stored()).isEqualTo(expected.size());
    assertThat(imported.read()).isEqualTo(imported.stored() + imported.leftOutTotal() + imported.rejected());
  }

  @Test
  @DisplayName("Eligible to ship includes cash on delivery orders that are not paid yet")
  void cashOnDeliveryIsEligible() {
    touchSomeOrders();

    f.run(importing(EcomOrderMode.ELIGIBLE_TO_SHIP));

    Set<String> handed = f.sink.findHandedOverOrders(orderIds()).keySet();
    assertThat(f.server.ecom().stream("orders").filter(o -> handed.contains(Long.toString(o.id())))
        .filter(o -> !o.require("paymentStatus").equals("paid")))
        .as("handed-over orders not paid yet").isNotEmpty()
        .allMatch(o -> o.getBoolean("shipmentIsCashOnDelivery"));
  }

  @Test
  @DisplayName("We only import orders that are changed in the last 12 hours, e.g. a change of the status from not-paid to paid")
  void onlyOrdersChangedInTheLast12Hours() {
    f.time.advance(Duration.ofDays(2));
    SyncReport first = f.run(importing(EcomOrderMode.PAID_ONLY));
    assertThat(f.sink.findHandedOverOrders(orderIds())).as("right after installing: no recent orders").isEmpty();
    assertThat(first.stream(SyncStream.ORDER_IMPORT).orElseThrow().read()).as("old orders are not even read").isZero();

    TestkitRecord unpaid = f.server.ecom().stream("orders")
        .filter(o -> o.require("paymentStatus").equals("not_paid") && o.require("shipmentStatus").equals("not_shipped")
            && !o.require("status").equals("cancelled")).findFirst().orElseThrow();
    f.time.advance(Duration.ofHours(1));
    f.server.ecom().setOrderStatus(unpaid.id(), "processing_awaiting_shipment", "paid", "not_shipped");
    f.time.advance(Duration.ofMinutes(30));

    f.run(importing(EcomOrderMode.PAID_ONLY));

    assertThat(f.sink.findHandedOverOrders(orderIds())).containsOnlyKeys(Long.toString(unpaid.id()));
  }

  @Test
  @DisplayName("Each imported order is handed to the warehouse once, however often the import runs")
  void handedOverOnce() {
    touchSomeOrders();
    SyncReport first = f.run(importing(EcomOrderMode.ALL));
    long handed = first.stream(SyncStream.ORDER_IMPORT).orElseThrow().stored();
    assertThat(handed).isPositive();

    f.time.advance(Duration.ofMinutes(10));
    SyncReport second = f.engine(importing(EcomOrderMode.ALL)).run(f.connector,
        SyncRequest.builder().forceFull(true).build());

    StreamReport again = second.stream(SyncStream.ORDER_IMPORT).orElseThrow();
    assertThat(again.stored()).isZero();
    assertThat(again.leftOut()).containsEntry(ReasonCode.ALREADY_IN_LEDGER, handed);
    assertThat(f.sink.findHandedOverOrders(orderIds())).hasSize((int) handed);
  }

  @Test
  @DisplayName("With every order, all the missing products from that order will be imported automatically")
  void missingProductsOfAnOrderAreImportedFirst() {
    touchSomeOrders();

    SyncReport report = f.engine(importing(EcomOrderMode.ALL)).run(f.connector,
        SyncRequest.builder().streams(Set.of(SyncStream.ORDER_IMPORT)).build());

    Map<String, SalesOrder> handed = f.sink.findHandedOverOrders(orderIds());
    assertThat(handed).isNotEmpty();
    Set<String> lineSkus = handed.values().stream().flatMap(o -> o.lines().stream()).map(SalesLine::skuId)
        .collect(Collectors.toSet());
    Set<String> known = variants().keySet();
    Set<String> existing = lineSkus.stream().filter(known::contains).collect(Collectors.toSet());
    assertThat(existing).isNotEmpty();
    StreamReport products = report.stream(SyncStream.CATALOGUE).orElseThrow();
    assertThat(products.read()).as("every product of the imported orders that still exists is read, and only those")
        .isEqualTo(existing.size());
    // stored, or left out by the catalogue rules (hidden, stock not tracked) like any catalogue read
    assertThat(f.sink.findSkus(existing)).hasSize((int) products.stored()).isNotEmpty();
    assertThat(products.stored() + products.leftOutTotal()).isEqualTo(existing.size());
  }

  // Send shipments and update status ------------------------------------------------------------

  private EcomWriter warehouseWriter(SyncSettings settings, boolean shipments) {
    return EcomWriter.builder().client(f.ecomClient()).sink(f.sink).settings(settings).clock(f.time.asClock())
        .shipments(shipments).build();
  }

  @Test
  @DisplayName("Send shipments and update status: a shipped order gets its tracking code and status in Lightspeed, once")
  void sendShipmentsAndUpdateStatus() {
    touchSomeOrders();
    f.run(importing(EcomOrderMode.ELIGIBLE_TO_SHIP));
    SalesOrder imported = f.sink.findHandedOverOrders(orderIds()).values().stream()
        .filter(o -> !f.server.ecom().get("orders", Long.parseLong(o.id())).orElseThrow().require("status")
            .startsWith("completed"))
        .findFirst().orElseThrow();
    HostShipment shipped = HostShipment.of("PICQER-1", imported.id(), "3SPICQER0001");

    WriteReport report = warehouseWriter(SyncSettings.defaults(), true).shipOrders(List.of(shipped));
    WriteReport again = warehouseWriter(SyncSettings.defaults(), true).shipOrders(List.of(shipped));

    assertThat(report.count(WriteAction.Status.DONE)).isEqualTo(1);
    assertThat(again.count(WriteAction.Status.ALREADY_DONE)).isEqualTo(1);
    TestkitRecord order = f.server.ecom().get("orders", Long.parseLong(imported.id())).orElseThrow();
    assertThat(order.require("status")).isEqualTo("completed_shipped");
    assertThat(order.require("shipmentStatus")).isEqualTo("shipped");
    assertThat(f.server.ecom().stream("shipments").filter(s -> s.require("order").equals(imported.id())))
        .anySatisfy(s -> assertThat(s.require("trackingCode")).isEqualTo("3SPICQER0001"));
    assertThat(f.server.inspect().requests("PUT shipments/{id}.json")).isEqualTo(1);
  }

  @Test
  @DisplayName("By default we only import products and orders, but do not yet send shipments or stock changes")
  void shipmentsAndStockChangesAreOffByDefault() {
    touchSomeOrders();
    f.run(importing(EcomOrderMode.ALL));
    String orderId = f.sink.findHandedOverOrders(orderIds()).keySet().iterator().next();
    EcomWriter byDefault = EcomWriter.builder().client(f.ecomClient()).sink(f.sink).settings(SyncSettings.defaults())
        .build();
    long before = f.server.inspect().totalRequests();

    WriteReport shipments = byDefault.shipOrders(List.of(HostShipment.of("PICQER-2", orderId, "3SPICQER0002")));
    WriteReport stock = byDefault.pushStock(AvailabilityRule.of(SyncSettings.defaults().effectiveAvailability())
        .plan(f.sink.findStock(activeIds()),
            CompositeBreakdown.compile(List.of(), CompositeConfig.defaults(), f.time.now()), Map.of()));

    assertThat(shipments.suppressedBecause()).contains(ReasonCode.EXPORT_DISABLED);
    assertThat(stock.suppressedBecause()).contains(ReasonCode.PUSH_DISABLED);
    assertThat(f.server.inspect().totalRequests()).isEqualTo(before);
  }
}
