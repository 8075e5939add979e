package dev.lightspeedsync.client.ecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.ecom.model.Image;
import dev.lightspeedsync.client.ecom.model.Order;
import dev.lightspeedsync.client.ecom.model.OrderProduct;
import dev.lightspeedsync.client.ecom.model.OrderStatus;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Shipment;
import dev.lightspeedsync.client.ecom.model.ShipmentStatus;
import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.client.ecom.write.OrderUpdate;
import dev.lightspeedsync.client.ecom.write.ShipmentUpdate;
import dev.lightspeedsync.client.ecom.write.WebhookSettings;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Contract tests of the order-import and fulfilment calls against the testkit: incremental order
 * reads, cash on delivery, the products of an order, shipping with a tracking code exactly once,
 * deletions by id walk, images, purchase prices, webhook delivery end to end, and a 40,000-product
 * shop at the real quota windows.
 */
class EcomFulfilmentContractTest {
  final ManualTimeSource time = new ManualTimeSource();
  final AtomicInteger responses429 = new AtomicInteger();
  LightspeedTestServer server;
  EcomCredentials creds;
  EcomClient client;
  HttpServer receiver;

  private EcomClient start(TestkitConfig.Builder config) {
    server = LightspeedTestServer.start(config.timeSource(time).build());
    creds = server.ecomCredentials();
    Clock clock = new Clock() {
      @Override
      public Instant instant() {
        return time.now();
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
    client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(creds.language())
        .credentials(creds.apiKey(), creds.apiSecret()).clock(clock).sleeper(time::advance)
        .retry(RetryConfig.defaults().withMaxWait(Duration.ofDays(1)))
        .listener(new ClientListener() {
          @Override
          public void onResponse(String method, String path, int status, Duration duration) {
            if (status == 429) {
              responses429.incrementAndGet();
            }
          }
        }).build();
    return client;
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
    if (server != null) {
      server.close();
    }
  }

  private static boolean eligible(boolean paid, boolean cod, String shipmentStatus, String status) {
    return (paid || cod) && !status.equals("cancelled")
        && (shipmentStatus.equals("not_shipped") || shipmentStatus.equals("partially_shipped"));
  }

  @Test
  void fullAndIncrementalOrderReadsAndCashOnDeliveryAgreeWithTheServer() {
    EcomClient c = start(TestkitConfig.builder().seed(21).products(60).ecomOrders(500));
    List<Order> all = c.orders().walkById().stream().collect(Collectors.toList());
    assertThat(all).hasSize(500);
    Map<Long, TestkitRecord> truth = server.ecom().stream("orders")
        .collect(Collectors.toMap(TestkitRecord::id, r -> r));
    for (Order o : all) {
      TestkitRecord t = truth.get(o.id());
      assertThat(o.isCashOnDelivery()).isEqualTo(t.getBoolean("shipmentIsCashOnDelivery"));
      assertThat(o.isPaid()).isEqualTo(t.require("paymentStatus").equals("paid"));
      assertThat(o.shipmentStatus().wireValue()).isEqualTo(t.require("shipmentStatus"));
    }
    long eligibleByClient = all.stream().filter(o -> eligible(o.isPaid(), o.isCashOnDelivery(),
        o.shipmentStatus().wireValue(), o.status().wireValue())).count();
    long eligibleTruth = truth.values().stream().filter(t -> eligible(t.require("paymentStatus").equals("paid"),
        t.getBoolean("shipmentIsCashOnDelivery"), t.require("shipmentStatus"), t.require("status"))).count();
    long paidOnly = all.stream().filter(o -> o.isPaid() && eligible(true, false, o.shipmentStatus().wireValue(),
        o.status().wireValue())).count();
    assertThat(eligibleByClient).isEqualTo(eligibleTruth).isGreaterThan(paidOnly);

    Instant since = time.now().minus(Duration.ofHours(12));
    Set<Long> changed = c.orders().walkById(EcomQuery.builder().updatedAtMin(since).build()).stream()
        .map(Order::id).collect(Collectors.toSet());
    Set<Long> expected = truth.values().stream()
        .filter(t -> !Instant.parse(t.require("updatedAt").replace("+00:00", "Z")).isBefore(since))
        .map(TestkitRecord::id).collect(Collectors.toSet());
    assertThat(changed).isNotEmpty().isEqualTo(expected);

    time.advance(Duration.ofMinutes(10));
    Order any = all.get(7);
    server.ecom().setOrderStatus(any.id(), "processing_awaiting_shipment", "paid", "not_shipped");
    Set<Long> afterChange = c.orders().walkById(EcomQuery.builder().updatedAtMin(time.now().minusSeconds(60)).build())
        .stream().map(Order::id).collect(Collectors.toSet());
    assertThat(afterChange).containsExactly(any.id());
    assertThat(responses429).hasValue(0);
  }

  @Test
  void theLinesProductsAndVariantsOfAnOrder() {
    EcomClient c = start(TestkitConfig.builder().seed(22).products(40).ecomOrders(30).unlimited());
    for (long orderId = 1; orderId <= 10; orderId++) {
      List<OrderProduct> lines = c.orderLines(orderId);
      List<TestkitRecord> truth = server.ecom().linesOf(orderId);
      assertThat(lines).extracting(OrderProduct::id).containsExactlyElementsOf(truth.stream().map(TestkitRecord::id)
          .collect(Collectors.toList()));
      Set<Long> productIds = lines.stream().flatMap(l -> l.productId().stream()).collect(Collectors.toSet());
      assertThat(c.productsOfOrder(orderId)).extracting(Product::id).containsExactlyInAnyOrderElementsOf(productIds);
      Set<Long> variantIds = lines.stream().flatMap(l -> l.variantId().stream()).collect(Collectors.toSet());
      assertThat(c.variantsOfOrder(orderId)).extracting(Variant::id).containsExactlyInAnyOrderElementsOf(variantIds);
    }
    long withProduct = c.orderLines(3).get(0).productId().orElseThrow();
    server.ecom().deleteProduct(withProduct);
    assertThat(c.productsOfOrder(3)).extracting(Product::id).doesNotContain(withProduct);
  }

  @Test
  void shippingAnOrderWithItsTrackingCodeIsDetectableOnRetry() {
    EcomClient c = start(TestkitConfig.builder().seed(23).products(30).ecomOrders(120).unlimited());
    Order order = c.orders().walkById().stream()
        .filter(o -> o.isCashOnDelivery() && o.shipmentStatus() == ShipmentStatus.NOT_SHIPPED
            && o.status() != OrderStatus.CANCELLED)
        .findFirst().orElseThrow();
    List<Shipment> before = c.shipmentsOfOrder(order.id());
    assertThat(before).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(ShipmentStatus.NOT_SHIPPED));
    long shipmentId = before.get(0).id();
    assertThat(c.shipmentProducts(shipmentId).count()).isEqualTo(server.ecom().linesOf(order.id()).size());

    time.advance(Duration.ofMinutes(1));
    server.injectNext(Fault.APPLY_THEN_500, "PUT /" + creds.language() + "/shipments/");
    assertThatThrownBy(() -> c.updateShipment(shipmentId, ShipmentUpdate.shipped("3SCOD0001")))
        .isInstanceOf(LightspeedException.class);
    // the outcome is unknown to the caller: the lookup shows the write landed, so it is not repeated
    assertThat(c.shipmentsOfOrder(order.id())).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(ShipmentStatus.SHIPPED);
      assertThat(s.trackingCode()).contains("3SCOD0001");
    });
    assertThat(server.inspect().requests("PUT shipments/{id}.json")).isEqualTo(1);
    Order updated = c.updateOrder(order.id(), OrderUpdate.builder().status(OrderStatus.COMPLETED_SHIPPED)
        .shipmentStatus(ShipmentStatus.SHIPPED).build());
    assertThat(updated.shipmentStatus()).isEqualTo(ShipmentStatus.SHIPPED);
    assertThat(updated.updatedAt()).contains(time.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    TestkitRecord truth = server.ecom().get("orders", order.id()).orElseThrow();
    assertThat(truth.require("status")).isEqualTo("completed_shipped");
    assertThat(server.ecom().get("shipments", shipmentId).orElseThrow().require("trackingCode")).isEqualTo("3SCOD0001");
    assertThat(c.orderLines(order.id())).allMatch(l -> l.quantityShipped() == l.quantityOrdered());
  }

  @Test
  void deletedProductsAreFoundByACheapIdWalk() {
    EcomClient c = start(TestkitConfig.builder().seed(24).products(700).ecomOrders(0));
    Set<Long> held = c.products().walkIds().stream().collect(Collectors.toSet());
    assertThat(held).hasSize(700);
    server.ecom().deleteProduct(3);
    server.ecom().deleteProduct(512);
    assertThat(c.products().count()).isEqualTo(698);
    Set<Long> now = c.products().walkIds().stream().collect(Collectors.toSet());
    Set<Long> gone = held.stream().filter(id -> !now.contains(id)).collect(Collectors.toSet());
    assertThat(gone).containsExactlyInAnyOrder(3L, 512L);
    assertThat(server.inspect().requests("GET products.json")).isEqualTo(6);
  }

  @Test
  void imagesAndPurchasePrices() {
    EcomClient c = start(TestkitConfig.builder().seed(25).products(40).ecomOrders(0).unlimited());
    List<Product> products = c.products().walkById().stream().collect(Collectors.toList());
    Product withImage = products.stream().filter(p -> p.image().isPresent()).findFirst().orElseThrow();
    List<Image> images = c.productImages(withImage.id()).list().stream().collect(Collectors.toList());
    assertThat(images).isNotEmpty();
    assertThat(images.get(0).src()).isEqualTo(withImage.image().flatMap(Image::src));
    assertThat(images.get(0).src()).hasValueSatisfying(u -> assertThat(u).startsWith("https://"));
    assertThat(products).anyMatch(p -> p.image().isEmpty());
    List<Variant> variants = c.variants().walkById().stream().collect(Collectors.toList());
    assertThat(variants).allSatisfy(v -> assertThat(v.priceCost().orElseThrow()).isLessThan(v.priceExcl().orElseThrow()));
    for (Variant v : variants.subList(0, 10)) {
      assertThat(v.priceCost().orElseThrow())
          .isEqualByComparingTo(server.ecom().get("variants", v.id()).orElseThrow().getDecimal("priceCost"));
    }
  }

  @Test
  void aWebhookFromTheTestkitReachesALoopbackEndpointAndVerifies() throws Exception {
    EcomClient c = start(TestkitConfig.builder().seed(26).products(10).ecomOrders(5).unlimited());
    BlockingQueue<WebhookDelivery> got = new LinkedBlockingQueue<>();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/lightspeed", ex -> {
      Map<String, String> headers = new HashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      String body;
      try (InputStream in = ex.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      got.add(WebhookDelivery.parse(headers, body));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    receiver.start();
    String address = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/lightspeed";
    c.createWebhook(WebhookSettings.builder().itemGroup("variants").itemAction("*").address(address).build());
    c.createWebhook(WebhookSettings.builder().itemGroup("products").itemAction("created").address(address).build());

    Variant v = c.variants().list().firstPage().items().get(0);
    c.setVariantStockLevel(v.id(), 123);
    server.ecom().awaitWebhooks(Duration.ofSeconds(10));
    WebhookDelivery d = got.poll(10, TimeUnit.SECONDS);
    assertThat(d).isNotNull();
    assertThat(d.event()).isEqualTo("variants/updated");
    assertThat(d.shopId()).isEqualTo(creds.shopId());
    assertThat(d.signatureMatches(creds.apiSecret())).isTrue();
    assertThat(d.signatureMatches("0".repeat(32))).isFalse();
    assertThat(d.variant()).hasValueSatisfying(x -> {
      assertThat(x.id()).isEqualTo(v.id());
      assertThat(x.stockLevel()).contains(123L);
    });

    TestkitRecord created = server.ecom().createProduct("Travel mug", "visible", "MUG-T", 5,
        new java.math.BigDecimal("14.95"), new java.math.BigDecimal("6.20"));
    server.ecom().awaitWebhooks(Duration.ofSeconds(10));
    WebhookDelivery p = got.poll(10, TimeUnit.SECONDS);
    WebhookDelivery pv = got.poll(10, TimeUnit.SECONDS);
    assertThat(p.event()).isEqualTo("products/created");
    assertThat(p.product()).hasValueSatisfying(x -> assertThat(x.title()).contains("Travel mug"));
    assertThat(pv.event()).isEqualTo("variants/created");
    assertThat(pv.resourceId()).contains(created.id());
    assertThat(c.variants().get(created.id()).priceCost()).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("6.20"));
    assertThat(server.ecom().webhooksFailed()).isZero();
  }

  @Test
  void aShopOf40000ProductsAnd66000VariantsIsWalkedAtTheRealWindowsWithout429() {
    EcomClient c = start(TestkitConfig.builder().seed(27).products(40_000).ecomVariants(66_000).ecomOrders(0));
    Instant started = time.now();
    long products = c.products().walkIds().stream().count();
    long variants = c.variants().walkById().stream().count();
    assertThat(products).isEqualTo(40_000);
    assertThat(variants).isEqualTo(66_000);
    // 161 + 265 pages: more than the 300 requests of one 5-minute window, so the client waited once
    assertThat(server.inspect().requests("GET products.json") + server.inspect().requests("GET variants.json"))
        .isEqualTo(161 + 265);
    assertThat(Duration.between(started, time.now())).isGreaterThanOrEqualTo(Duration.ofMinutes(5))
        .isLessThan(Duration.ofMinutes(6));
    assertThat(server.inspect().ecomRateLimited()).isZero();
    assertThat(responses429).hasValue(0);
  }
}
