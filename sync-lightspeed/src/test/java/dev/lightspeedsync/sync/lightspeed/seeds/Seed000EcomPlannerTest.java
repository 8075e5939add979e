package dev.lightspeedsync.sync.lightspeed.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomMapping;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomWriter;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.ReceiptLine;
import dev.lightspeedsync.sync.rules.PurchaseOrderConfig;
import dev.lightspeedsync.sync.rules.PurchaseOrderRule;
import dev.lightspeedsync.sync.rules.StockBooking;
import dev.lightspeedsync.sync.engine.SyncRequest;
import dev.lightspeedsync.sync.model.Component;
import dev.lightspeedsync.sync.model.CompositeDefinition;
import dev.lightspeedsync.sync.model.CompositeKind;
import dev.lightspeedsync.sync.model.Demand;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.lightspeed.WebhookReceiver;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomConnector;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 000 (inventory planner on eCom), sentence by sentence, through the engine and the eCom connector. */
class Seed000EcomPlannerTest {
  SeedFixture f = SeedFixture.ecom(300, 200);

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  private Map<String, Sku> skus() {
    Set<String> ids = f.server.ecom().stream("variants").map(v -> Long.toString(v.id())).collect(Collectors.toSet());
    return f.sink.findSkus(ids);
  }

  private String visibilityOf(TestkitRecord variant) {
    return f.server.ecom().get("products", variant.getLong("product")).orElseThrow().require("visibility");
  }

  @Test
  @DisplayName("Products 'Always visible' or 'Visible when in stock' are shown; 'Hidden' ones are not included")
  void visibility() {
    f.run(SyncSettings.defaults());
    Map<String, Sku> stored = skus();
    for (TestkitRecord v : f.server.ecom().stream("variants").collect(Collectors.toList())) {
      boolean expected = !visibilityOf(v).equals("hidden") && !v.require("stockTracking").equals("disabled");
      Sku sku = stored.get(Long.toString(v.id()));
      assertThat(sku != null && sku.active()).as("variant " + v.id() + " (" + visibilityOf(v) + ", tracking "
          + v.require("stockTracking") + ")").isEqualTo(expected);
    }
    assertThat(stored.values()).anyMatch(Sku::active);
  }

  @Test
  @DisplayName("A product given the status 'Hidden' disappears from the planner, but its placed orders stay")
  void hiddenLater() {
    f.run(SyncSettings.defaults());
    TestkitRecord product = f.server.ecom().stream("products")
        .filter(p -> !p.require("visibility").equals("hidden") && f.server.ecom().variantsOf(p.id()).stream()
            .anyMatch(v -> !v.require("stockTracking").equals("disabled")))
        .findFirst().orElseThrow();
    long salesBefore = f.sink.findSales(orderIds()).size();
    f.time.advance(Duration.ofMinutes(20));
    f.server.ecom().hideProduct(product.id());
    f.time.advance(Duration.ofMinutes(1));
    f.run(SyncSettings.defaults());
    for (TestkitRecord v : f.server.ecom().variantsOf(product.id())) {
      Sku sku = skus().get(Long.toString(v.id()));
      if (sku != null) {
        assertThat(sku.active()).as("deactivated, never erased").isFalse();
      }
    }
    assertThat(f.sink.findSales(orderIds())).hasSizeGreaterThanOrEqualTo((int) salesBefore);
  }

  @Test
  @DisplayName("Purchase price: the product's purchase price is read out as purchase price")
  void purchasePrice() {
    f.run(SyncSettings.defaults());
    Map<String, Sku> stored = skus();
    long checked = 0;
    for (TestkitRecord v : f.server.ecom().stream("variants").collect(Collectors.toList())) {
      Sku sku = stored.get(Long.toString(v.id()));
      if (sku != null && sku.active() && v.get("priceCost").isPresent()) {
        assertThat(sku.purchasePrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo(v.getDecimal("priceCost")));
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  @DisplayName("'Unknown Supplier': assign a supplier to this product in your Lightspeed environment")
  void unknownSupplier() {
    f.run(SyncSettings.defaults());
    List<RecordIssue> unknown = f.sink.openIssues(RecordKind.SKU).stream()
        .filter(i -> i.reason() == ReasonCode.UNKNOWN_SUPPLIER).collect(Collectors.toList());
    assertThat(unknown).isNotEmpty();
    assertThat(unknown).allMatch(i -> i.remedy().contains("supplier"));
    Set<String> active = skus().values().stream().filter(Sku::active).map(Sku::id).collect(Collectors.toSet());
    assertThat(unknown).allMatch(i -> active.contains(i.recordId()));
  }

  @Test
  @DisplayName("Sales history: every paid order counts as demand; a cancelled order never does")
  void salesHistory() {
    f.run(SyncSettings.defaults());
    long paid = f.server.ecom().stream("orders")
        .filter(o -> o.require("paymentStatus").equals("paid") && !o.require("status").equals("cancelled")).count();
    assertThat(f.sink.findSales(orderIds()).values().stream().filter(o -> o.status() != SaleStatus.CANCELLED).count())
        .isEqualTo(paid);
  }

  private Set<String> orderIds() {
    return f.server.ecom().stream("orders").map(o -> Long.toString(o.id())).collect(Collectors.toSet());
  }

  @Test
  @DisplayName("Composite Products: tell us the composition; the sales history of the composite is transferred to the underlying products")
  void compositeSalesHistoryGoesToComponents() {
    f.run(SyncSettings.defaults());
    SalesOrder sold = f.sink.findSales(orderIds()).values().stream()
        .filter(o -> o.status() != SaleStatus.CANCELLED && !o.lines().isEmpty()).findFirst().orElseThrow();
    SalesLine line = sold.lines().get(0);
    List<String> others = skus().keySet().stream().filter(id -> !id.equals(line.skuId())).sorted().limit(2).toList();
    SyncSettings withComposite = SyncSettings.builder().composites(CompositeConfig.builder()
        .addDefinitions(CompositeDefinition.builder().compositeSkuId(line.skuId()).kind(CompositeKind.HOST_DEFINED)
            .addComponents(Component.of(others.get(0), 2), Component.of(others.get(1), 1)).build()).build()).build();

    f.engine(withComposite).run(f.connector, SyncRequest.builder().forceFull(true).build());

    List<Demand> fromLine = f.sink.findDemand(List.of(line.skuId(), others.get(0), others.get(1))).stream()
        .filter(d -> d.orderId().equals(sold.id()) && d.lineId().equals(line.lineId())).toList();
    assertThat(fromLine).extracting(Demand::skuId, Demand::quantity).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(others.get(0), 2 * line.quantity()),
        org.assertj.core.groups.Tuple.tuple(others.get(1), line.quantity()));
    assertThat(fromLine).allSatisfy(d -> assertThat(d.path()).containsExactly(line.skuId()));
  }

  @Test
  @DisplayName("Order By and MOQ are not available in Lightspeed: enter them in the planner, and every sync keeps them")
  void orderByAndMoqSurvive() {
    f.run(SyncSettings.defaults());
    Sku product = skus().values().stream().filter(Sku::active).findFirst().orElseThrow();
    f.sink.upsertSkus(List.of(product.withOrderByQuantity(java.util.Optional.of(6L))
        .withMinimumOrderQuantity(java.util.Optional.of(24L))));

    f.engine(SyncSettings.defaults()).run(f.connector, SyncRequest.builder().forceFull(true).build());

    Sku after = f.sink.findSkus(List.of(product.id())).get(product.id());
    assertThat(after.orderByQuantity()).contains(6L);
    assertThat(after.minimumOrderQuantity()).contains(24L);
  }

  // Booking purchase orders --------------------------------------------------------------------

  private List<StockBooking> receive(String skuId, long quantity) {
    PurchaseOrder po = PurchaseOrder.builder().id("OPT-1").locationId(EcomMapping.WEBSHOP).createdAt(f.time.now())
        .addLines(PurchaseOrderLine.of("1", skuId, 10)).build();
    return PurchaseOrderRule.of(PurchaseOrderConfig.builder().bookingEnabled(true).build())
        .applyReceipt(po, Receipt.builder().id("RC-1").purchaseOrderId("OPT-1").receivedAt(f.time.now())
            .addLines(ReceiptLine.of("1", quantity)).build()).bookings();
  }

  @Test
  @DisplayName("Booking purchase orders: we then increase the stock in Lightspeed with the number of products received")
  void bookingPurchaseOrders() {
    f.run(SyncSettings.defaults());
    Sku sku = skus().values().stream().filter(Sku::active).findFirst().orElseThrow();
    long before = f.server.ecom().get("variants", Long.parseLong(sku.id())).orElseThrow().getLong("stockLevel");
    SyncSettings booking = SyncSettings.builder()
        .purchaseOrders(PurchaseOrderConfig.builder().bookingEnabled(true).build()).build();
    EcomWriter writer = EcomWriter.builder().client(f.ecomClient()).sink(f.sink).settings(booking)
        .clock(f.time.asClock()).build();

    WriteReport first = writer.bookReceipts(receive(sku.id(), 4));
    WriteReport again = writer.bookReceipts(receive(sku.id(), 4));

    assertThat(first.count(WriteAction.Status.DONE)).isEqualTo(1);
    assertThat(again.count(WriteAction.Status.ALREADY_DONE)).isEqualTo(1);
    assertThat(f.server.ecom().get("variants", Long.parseLong(sku.id())).orElseThrow().getLong("stockLevel"))
        .isEqualTo(before + 4);
  }

  @Test
  @DisplayName("Booking purchase orders: this is off by default")
  void bookingIsOffByDefault() {
    f.run(SyncSettings.defaults());
    Sku sku = skus().values().stream().filter(Sku::active).findFirst().orElseThrow();
    long requests = f.server.inspect().totalRequests();

    WriteReport report = EcomWriter.builder().client(f.ecomClient()).sink(f.sink).settings(SyncSettings.defaults())
        .build().bookReceipts(receive(sku.id(), 4));

    assertThat(report.suppressedBecause()).contains(ReasonCode.BOOKING_DISABLED);
    assertThat(f.server.inspect().totalRequests()).isEqualTo(requests);
  }

  @Test
  @DisplayName("New products are imported immediately, but may be delayed due to the 'rate limit' of Lightspeed's API")
  void newProductsAreImportedImmediately() throws Exception {
    f.run(SyncSettings.defaults());
    EcomConnector connector = (EcomConnector) f.connector;
    try (WebhookReceiver webhooks = WebhookReceiver.subscribe(f.ecomClient(), "products", "variants")) {
      TestkitRecord variant = f.server.ecom().createProduct("Espresso cup", "visible", "CUP-E", 12,
          new java.math.BigDecimal("9.95"), new java.math.BigDecimal("3.10"));
      f.server.ecom().awaitWebhooks(WebhookReceiver.DELIVERY_TIMEOUT);

      for (dev.lightspeedsync.client.ecom.WebhookDelivery d : webhooks.drain()) {
        assertThat(d.signatureMatches(f.server.ecomCredentials().apiSecret())).isTrue();
        f.engine(SyncSettings.defaults()).applyChanges(connector, connector.changes(d));
      }

      assertThat(skus()).containsKey(Long.toString(variant.id()));
      assertThat(skus().get(Long.toString(variant.id())).active()).isTrue();
    }
  }
}
