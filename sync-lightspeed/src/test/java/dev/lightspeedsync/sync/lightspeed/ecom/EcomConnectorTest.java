package dev.lightspeedsync.sync.lightspeed.ecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.lightspeed.EngineRun;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncRequest;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End-to-end: the eCom connector, through the engine, against the fake server, compared with its ground truth. */
class EcomConnectorTest {
  final ManualTimeSource time = new ManualTimeSource();
  final SyncMetrics metrics = new SyncMetrics();
  LightspeedTestServer server;
  EcomClient client;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(11).timeSource(time).items(0).sales(0).orders(0)
        .products(400).ecomOrders(300).build());
    EcomCredentials creds = server.ecomCredentials();
    client = EcomClient.builder()
        .baseUrl(server.ecomBaseUrl().toString())
        .language(creds.language())
        .credentials(creds.apiKey(), creds.apiSecret())
        .clock(time.asClock())
        .sleeper(time::sleep)
        .listener(metrics)
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private EngineRun runner(SyncSink sink) {
    Clock clock = Clock.fixed(time.now(), ZoneOffset.UTC);
    return new EngineRun(EcomConnector.builder().client(client).shopKey("shop-1").metrics(metrics).clock(clock).build(),
        sink, SyncSettings.defaults(), clock);
  }

  private void assertCatalogueEqualsTruth(InMemorySyncSink sink) {
    Map<Long, TestkitRecord> products = server.ecom().stream("products")
        .collect(Collectors.toMap(TestkitRecord::id, r -> r));
    List<TestkitRecord> variants = server.ecom().stream("variants").collect(Collectors.toList());
    Set<String> all = variants.stream().map(v -> Long.toString(v.id())).collect(Collectors.toSet());
    Set<String> expected = new TreeSet<>();
    Map<String, Long> expectedStock = new TreeMap<>();
    for (TestkitRecord v : variants) {
      TestkitRecord p = products.get(v.getLong("product"));
      String visibility = p == null ? "deleted" : p.require("visibility");
      boolean synced = (visibility.equals("visible") || visibility.equals("auto"))
          && !v.require("stockTracking").equals("disabled");
      if (synced) {
        expected.add(Long.toString(v.id()));
        expectedStock.put(Long.toString(v.id()), v.getLong("stockLevel"));
      }
    }
    Set<String> active = sink.findSkus(all).values().stream().filter(Sku::active).map(Sku::id)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(active).isEqualTo(expected);
    Map<String, Long> stock = new TreeMap<>();
    for (StockLevel s : sink.findStock(expected)) {
      assertThat(s.locationId()).isEqualTo(EcomMapping.WEBSHOP);
      stock.put(s.skuId(), s.onHand());
    }
    assertThat(stock).isEqualTo(expectedStock);
  }

  @Test
  void fullThenIncrementalCatalogueFollowsVisibilityTrackingAndStock() {
    InMemorySyncSink sink = new InMemorySyncSink();
    SyncReport full = runner(sink).runOnce();
    assertThat(full.full()).isTrue();
    assertThat(full.rateLimited()).isZero();
    assertCatalogueEqualsTruth(sink);
    assertThat(sink.locations()).extracting(l -> l.id()).containsExactly(EcomMapping.WEBSHOP);
    Set<String> supplierIds = server.ecom().stream("suppliers").map(r -> Long.toString(r.id()))
        .collect(Collectors.toSet());
    assertThat(supplierIds).isNotEmpty();
    assertThat(sink.findSuppliers(supplierIds).keySet()).isEqualTo(supplierIds);

    time.advance(Duration.ofMinutes(20));
    TestkitRecord visibleProduct = server.ecom().stream("products")
        .filter(p -> p.require("visibility").equals("visible") && !server.ecom().variantsOf(p.id()).isEmpty())
        .findFirst().orElseThrow();
    server.ecom().hideProduct(visibleProduct.id());
    TestkitRecord tracked = server.ecom().stream("variants")
        .filter(v -> v.require("stockTracking").equals("enabled") && v.getLong("product") != visibleProduct.id())
        .findFirst().orElseThrow();
    server.ecom().setVariantStock(tracked.id(), 4242);
    time.advance(Duration.ofMinutes(1));
    long before = metrics.requests();

    SyncReport incremental = runner(sink).run(Set.of(SyncStream.CATALOGUE));

    assertThat(incremental.full()).isFalse();
    assertCatalogueEqualsTruth(sink);
    assertThat(EngineRun.stream(incremental, SyncStream.CATALOGUE).deactivated()).isPositive();
    assertThat(metrics.requests() - before).as("requests follow the changes").isLessThanOrEqualTo(6);
  }

  @Test
  void salesHistoryHoldsEveryPaidOrderWhateverItsAgeAndACancelledOneStopsCounting() {
    InMemorySyncSink sink = new InMemorySyncSink();
    List<TestkitRecord> orders = server.ecom().stream("orders").collect(Collectors.toList());

    runner(sink).run(Set.of(SyncStream.SALES));

    // Demand (seed 000): paid orders count, whatever their age or shipment; cancelled never.
    Set<String> expected = server.ecom().stream("orders")
        .filter(o -> o.require("paymentStatus").equals("paid") && !o.require("status").equals("cancelled"))
        .map(o -> Long.toString(o.id())).collect(Collectors.toCollection(TreeSet::new));
    Set<String> allIds = orders.stream().map(o -> Long.toString(o.id())).collect(Collectors.toSet());
    Map<String, SalesOrder> stored = sink.findSales(allIds);
    assertThat(new TreeSet<>(stored.keySet())).isEqualTo(expected);
    assertThat(expected).as("older than the 12-hour import window").anyMatch(id -> Instant.parse(
        server.ecom().get("orders", Long.parseLong(id)).orElseThrow().require("updatedAt").replace("+00:00", "Z"))
        .isBefore(time.now().minus(Duration.ofHours(12))));
    assertThat(expected).isNotEmpty();
    // every order has its lines, unless each of its products lost its variant (logged) or was refunded
    Set<String> logged = sink.openIssues(RecordKind.SALES_ORDER).stream().map(i -> i.recordId())
        .collect(Collectors.toSet());
    long withLines = stored.values().stream().filter(o -> !o.lines().isEmpty()).count();
    assertThat(withLines).isGreaterThan(stored.size() * 9L / 10);
    for (SalesOrder o : stored.values()) {
      if (o.lines().isEmpty() && !logged.contains(o.id())) {
        assertThat(server.ecom().stream("orderProducts").filter(p -> p.getLong("order") == Long.parseLong(o.id()))
            .mapToLong(p -> p.getLong("quantityOrdered") - p.getLong("quantityRefunded") - p.getLong("quantityReturned"))
            .sum()).as("net quantity of order " + o.id() + " without lines").isZero();
      }
    }

    String cancel = expected.iterator().next();
    time.advance(Duration.ofMinutes(30));
    TestkitRecord o = server.ecom().get("orders", Long.parseLong(cancel)).orElseThrow();
    server.ecom().setOrderStatus(o.id(), "cancelled", o.require("paymentStatus"), o.require("shipmentStatus"));
    time.advance(Duration.ofMinutes(1));
    runner(sink).run(Set.of(SyncStream.SALES));

    SalesOrder cancelled = sink.findSales(List.of(cancel)).get(cancel);
    assertThat(cancelled.status()).isEqualTo(SaleStatus.CANCELLED);
    assertThat(cancelled.lines()).isNotEmpty();
  }

  @Test
  void aFullSyncKilledInTheVariantsPassResumesWithoutReadingProductsOneByOne() {
    InMemorySyncSink store = new InMemorySyncSink();
    // checkpoints: suppliers, products page 1, products page 2 (the pass moves on), variants page 1: crash
    dev.lightspeedsync.sync.lightspeed.CrashingSink crashing = new dev.lightspeedsync.sync.lightspeed.CrashingSink(store, 4);
    assertThatThrownBy(() -> runner(crashing).run(Set.of(SyncStream.SUPPLIERS, SyncStream.CATALOGUE, SyncStream.STOCK)))
        .isInstanceOf(dev.lightspeedsync.sync.lightspeed.CrashingSink.Crash.class);
    server.inspect().reset();

    runner(store.reopen()).run(Set.of(SyncStream.SUPPLIERS, SyncStream.CATALOGUE, SyncStream.STOCK)); // a new process

    assertCatalogueEqualsTruth(store);
    long singleProductGets = server.inspect().recentRequests().stream()
        .filter(r -> r.target().matches(".*/products/\\d+\\.json.*")).count();
    long productPages = server.inspect().recentRequests().stream()
        .filter(r -> r.target().matches(".*/products\\.json.*")).count();
    assertThat(singleProductGets).as("products read one by one after the resume").isLessThanOrEqualTo(20);
    assertThat(productPages).as("one walk of the 400 products refills the cache").isLessThanOrEqualTo(3);
  }

  @Test
  void aWindowSpentInTheMiddleOfAnOrderPageResumesAfterTheLastOrderReadNotAtThePageStart() {
    // 60 requests per 5 minutes and a client that never waits longer than 5 s: the window runs out
    // between the line reads of an order page, again and again
    server.close();
    client.close();
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(11).timeSource(time).items(0).sales(0).orders(0)
        .products(20).ecomOrders(300).ecomLimits(60, 100_000, 1_000_000).build());
    EcomCredentials creds = server.ecomCredentials();
    client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(creds.language())
        .credentials(creds.apiKey(), creds.apiSecret()).clock(time.asClock()).sleeper(time::sleep).listener(metrics)
        .retry(dev.lightspeedsync.client.RetryConfig.defaults().withMaxWait(Duration.ofSeconds(5))).build();
    InMemorySyncSink sink = new InMemorySyncSink();
    SyncEngine engine = SyncEngine.builder().sink(sink).settings(SyncSettings.defaults()).clock(time.asClock())
        .sleeper(time::sleep).build();

    SyncReport report = engine.run(EcomConnector.builder().client(client).shopKey("shop-1").metrics(metrics)
        .clock(time.asClock()).build(), SyncRequest.builder().streams(Set.of(SyncStream.SALES)).build());

    assertThat(report.complete()).isTrue();
    assertThat(report.rateLimitWaits()).as("the windows ran out mid-page").isPositive();
    java.util.Map<String, Long> byTarget = server.inspect().recentRequests().stream()
        .filter(r -> r.target().contains("/products.json")).collect(Collectors.groupingBy(r -> r.target(),
            Collectors.counting()));
    assertThat(byTarget).isNotEmpty();
    assertThat(byTarget.values()).as("no order's lines are read twice").allMatch(n -> n == 1);
    assertThat(EngineRun.stream(report, SyncStream.SALES).read()).as("every order read once").isEqualTo(300);
  }
}
