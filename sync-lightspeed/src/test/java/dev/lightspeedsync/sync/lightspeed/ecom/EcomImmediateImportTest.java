package dev.lightspeedsync.sync.lightspeed.ecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.ecom.WebhookDelivery;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncRunException;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.WebhookReceiver;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.EcomOrderMode;
import dev.lightspeedsync.sync.rules.OrderImportConfig;
import dev.lightspeedsync.sync.spi.RunLock;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Immediate imports (seed 000: "New products are imported immediately"): webhook deliveries from the
 * testkit reach a loopback endpoint, are verified, and the connector's {@code changes} of each go
 * through {@link SyncEngine#applyChanges}: a new product is in the sink before any polling sync, a
 * deleted product's variants are deactivated (the API has no tombstones), an order change is stored
 * and handed over when order import is on.
 */
class EcomImmediateImportTest {
  final ManualTimeSource time = new ManualTimeSource();
  final SyncMetrics metrics = new SyncMetrics();
  final InMemorySyncSink sink = new InMemorySyncSink();
  LightspeedTestServer server;
  EcomClient client;
  EcomConnector connector;
  WebhookReceiver deliveries;
  EcomCredentials creds;

  @BeforeEach
  void start() throws Exception {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(12).timeSource(time).items(0).sales(0).orders(0)
        .products(60).ecomOrders(40).build());
    creds = server.ecomCredentials();
    client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(creds.language())
        .credentials(creds.apiKey(), creds.apiSecret()).clock(time.asClock()).sleeper(time::sleep).listener(metrics)
        .build();
    connector = EcomConnector.builder().client(client).shopKey("shop-12").metrics(metrics).clock(time.asClock()).build();
    deliveries = WebhookReceiver.subscribe(client, "variants", "products", "orders");
  }

  @AfterEach
  void stop() {
    deliveries.close();
    client.close();
    server.close();
  }

  private SyncEngine engine(SyncSettings settings) {
    return SyncEngine.builder().sink(sink).settings(settings).clock(time.asClock()).sleeper(time::sleep).build();
  }

  /** Every delivery that arrived, verified, applied one by one as a host's endpoint would. */
  private List<SyncReport> applyDeliveries(SyncEngine engine) throws InterruptedException {
    server.ecom().awaitWebhooks(WebhookReceiver.DELIVERY_TIMEOUT);
    List<SyncReport> reports = new ArrayList<>();
    for (WebhookDelivery d : deliveries.drain()) {
      assertThat(d.signatureMatches(creds.apiSecret())).as("delivery %s is signed by the shop", d.event()).isTrue();
      reports.add(engine.applyChanges(connector, connector.changes(d)));
    }
    return reports;
  }

  @Test
  void aNewProductIsInTheSinkRightAfterItsWebhookWithoutASync() throws Exception {
    SyncEngine engine = engine(SyncSettings.defaults());
    engine.run(connector);
    deliveries.clear();
    long requestsBefore = metrics.requests();

    TestkitRecord variant = server.ecom().createProduct("Travel mug", "visible", "MUG-T", 5,
        new BigDecimal("14.95"), new BigDecimal("6.20"));
    List<SyncReport> reports = applyDeliveries(engine);

    assertThat(reports).isNotEmpty();
    Sku stored = sink.findSkus(List.of(Long.toString(variant.id()))).get(Long.toString(variant.id()));
    assertThat(stored).isNotNull();
    assertThat(stored.active()).isTrue();
    assertThat(stored.sku()).contains("MUG-T");
    assertThat(sink.findStock(List.of(stored.id()))).singleElement().satisfies(s -> assertThat(s.onHand()).isEqualTo(5));
    assertThat(metrics.requests() - requestsBefore).as("a targeted read, not a catalogue walk").isLessThanOrEqualTo(6);
  }

  @Test
  void aDeletedProductsVariantsAreDeactivatedNotErased() throws Exception {
    SyncEngine engine = engine(SyncSettings.defaults());
    engine.run(connector);
    TestkitRecord product = server.ecom().stream("products").filter(p -> !p.require("visibility").equals("hidden"))
        .filter(p -> server.ecom().variantsOf(p.id()).stream().anyMatch(v -> sink.findSkus(List.of(Long.toString(v.id())))
            .values().stream().anyMatch(Sku::active))).findFirst().orElseThrow();
    List<String> variantIds = server.ecom().variantsOf(product.id()).stream().map(v -> Long.toString(v.id())).toList();
    List<String> activeBefore = sink.findSkus(variantIds).values().stream().filter(Sku::active).map(Sku::id).toList();
    assertThat(activeBefore).isNotEmpty();
    deliveries.clear();

    server.ecom().deleteProduct(product.id());
    applyDeliveries(engine);

    assertThat(sink.findSkus(activeBefore)).as("kept").hasSize(activeBefore.size())
        .allSatisfy((id, sku) -> assertThat(sku.active()).as("SKU %s", id).isFalse());
  }

  @Test
  void anOrderChangeIsStoredAndHandedOverOnceWhenOrderImportIsOn() throws Exception {
    SyncSettings settings = SyncSettings.builder().orderImport(OrderImportConfig.builder()
        .mode(EcomOrderMode.PAID_ONLY).build()).build();
    SyncEngine engine = engine(settings);
    time.advance(Duration.ofDays(3)); // every generated order is older than the import window
    engine.run(connector);
    deliveries.clear();
    TestkitRecord order = server.ecom().stream("orders").filter(o -> o.require("paymentStatus").equals("not_paid")
        && o.require("shipmentStatus").equals("not_shipped") && !o.require("status").equals("cancelled"))
        .findFirst().orElseThrow();
    String id = Long.toString(order.id());
    assertThat(sink.findHandedOverOrders(List.of(id))).isEmpty();

    server.ecom().setOrderStatus(order.id(), "processing_awaiting_shipment", "paid", "not_shipped");
    List<SyncReport> first = applyDeliveries(engine);
    server.ecom().setOrderStatus(order.id(), "processing_awaiting_shipment", "paid", "not_shipped");
    List<SyncReport> second = applyDeliveries(engine);

    assertThat(sink.findSales(List.of(id)).get(id).paymentStatus().name()).isEqualTo("PAID");
    assertThat(sink.findHandedOverOrders(List.of(id))).containsOnlyKeys(id);
    assertThat(first).anySatisfy(r -> assertThat(r.stream(SyncStream.ORDER_IMPORT)).hasValueSatisfying(
        s -> assertThat(s.stored()).isEqualTo(1)));
    assertThat(second).allSatisfy(r -> assertThat(r.stream(SyncStream.ORDER_IMPORT).map(s -> s.stored()).orElse(0L))
        .isZero());
  }

  @Test
  void changesWaitForARunningSyncOfTheAccount() {
    SyncEngine engine = engine(SyncSettings.defaults());
    engine.run(connector);
    Optional<RunLock> running = sink.tryLockRun(connector.accountKey());
    assertThat(running).isPresent();
    try {
      assertThatThrownBy(() -> engine.applyChanges(connector, connector.fetchSkus(List.of("1"))))
          .isInstanceOfSatisfying(SyncRunException.class,
              e -> assertThat(e.reason()).isEqualTo(SyncRunException.Reason.ALREADY_RUNNING));
    } finally {
      running.get().close();
    }
  }
}
