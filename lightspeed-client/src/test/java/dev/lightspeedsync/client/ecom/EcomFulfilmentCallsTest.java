package dev.lightspeedsync.client.ecom;

import static dev.lightspeedsync.client.ecom.EcomJsonBodies.KEY;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.SECRET;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.ecom.model.Image;
import dev.lightspeedsync.client.ecom.model.Order;
import dev.lightspeedsync.client.ecom.model.OrderStatus;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Shipment;
import dev.lightspeedsync.client.ecom.model.ShipmentProduct;
import dev.lightspeedsync.client.ecom.model.ShipmentStatus;
import dev.lightspeedsync.client.ecom.model.VariantMovement;
import dev.lightspeedsync.client.ecom.write.OrderUpdate;
import dev.lightspeedsync.client.ecom.write.ShipmentUpdate;
import dev.lightspeedsync.client.internal.ecom.EcomJson;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Order import and fulfilment calls: paths, queries, bodies and the fields they map. */
class EcomFulfilmentCallsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  EcomClient client() {
    return EcomClient.builder().baseUrl(server.url("/").toString()).language("nl").credentials(KEY, SECRET)
        .clock(time).sleeper(time).build();
  }

  static String order(long id, String payment, String shipment, boolean cod) {
    return "{\"id\":" + id + ",\"createdAt\":\"2026-11-20T10:00:00+00:00\",\"updatedAt\":\"2026-11-23T09:00:00+00:00\","
        + "\"number\":\"ORD0000" + id + "\",\"status\":\"processing_awaiting_shipment\",\"paymentStatus\":\"" + payment
        + "\",\"shipmentStatus\":\"" + shipment + "\",\"shipmentIsCashOnDelivery\":" + cod
        + ",\"shipmentIsPickup\":false,\"paymentIsPost\":false,\"shippingDate\":null,\"deliveryDate\":false,"
        + "\"memo\":\"\"}";
  }

  static Stream<Arguments> paymentAndCashOnDelivery() {
    return Stream.of(
        Arguments.of("paid", false, true, false),
        Arguments.of("not_paid", true, false, true),
        Arguments.of("not_paid", false, false, false),
        Arguments.of("partially_paid", false, false, false),
        Arguments.of("cancelled", false, false, false));
  }

  @ParameterizedTest
  @MethodSource("paymentAndCashOnDelivery")
  void ordersMapPaymentAndCashOnDelivery(String payment, boolean cod, boolean paid, boolean cashOnDelivery)
      throws Exception {
    Order o = EcomJson.mapper().readValue(order(5, payment, "not_shipped", cod), Order.class);
    assertThat(o.isPaid()).isEqualTo(paid);
    assertThat(o.isCashOnDelivery()).isEqualTo(cashOnDelivery);
    assertThat(o.shipmentStatus()).isEqualTo(ShipmentStatus.NOT_SHIPPED);
    assertThat(o.shipmentIsPickup()).contains(false);
    assertThat(o.deliveryDate()).isEmpty();
  }

  @Test
  void incrementalOrderReadsSendUpdatedAtInUtc() throws Exception {
    server.enqueue(ok("{\"orders\":[" + order(8, "paid", "not_shipped", false) + "]}"));
    try (EcomClient client = client()) {
      List<Order> orders = client.orders().walkById(EcomQuery.builder()
          .updatedAtMin(Instant.parse("2026-11-23T08:55:00Z")).createdAtMax(Instant.parse("2026-11-24T00:00:00Z"))
          .build()).stream().collect(Collectors.toList());
      assertThat(orders).extracting(Order::id).containsExactly(8L);
    }
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().queryParameter("updated_at_min")).isEqualTo("2026-11-23 08:55:00");
    assertThat(r.getUrl().queryParameter("created_at_max")).isEqualTo("2026-11-24 00:00:00");
    assertThat(r.getUrl().queryParameter("since_id")).isEqualTo("0");
  }

  @Test
  void productsAndVariantsOfAnOrderSkipDeletedOnes() throws Exception {
    server.enqueue(ok("{\"orderProducts\":["
        + "{\"id\":1,\"quantityOrdered\":2,\"product\":" + EcomJsonBodies.ref("products", 10) + ",\"variant\":"
        + EcomJsonBodies.ref("variants", 100) + "},"
        + "{\"id\":2,\"quantityOrdered\":1,\"product\":" + EcomJsonBodies.ref("products", 10) + ",\"variant\":"
        + EcomJsonBodies.ref("variants", 101) + "},"
        + "{\"id\":3,\"quantityOrdered\":1,\"product\":" + EcomJsonBodies.ref("products", 11) + ",\"variant\":false}]}"));
    server.enqueue(ok("{\"product\":{\"id\":10,\"title\":\"Mug\",\"image\":{\"extension\":\"jpg\",\"size\":86649,"
        + "\"title\":\"mug\",\"thumb\":\"https://cdn.example/50x50x2/mug.jpg\",\"src\":\"https://cdn.example/mug.jpg\"}}}"));
    server.enqueue(EcomJsonBodies.status(404, EcomJsonBodies.error(404, "Product not found")));
    try (EcomClient client = client()) {
      List<Product> products = client.productsOfOrder(55);
      assertThat(products).extracting(Product::id).containsExactly(10L);
      assertThat(products.get(0).image().flatMap(Image::src)).contains("https://cdn.example/mug.jpg");
    }
    assertThat(server.takeRequest().getTarget()).isEqualTo("/nl/orders/55/products.json?page=1&limit=250");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/nl/products/10.json");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/nl/products/11.json");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void productImagesList() throws Exception {
    server.enqueue(ok("{\"productImages\":[{\"id\":13219897,\"sortOrder\":1,\"createdAt\":\"2019-05-28T15:25:46+00:00\","
        + "\"extension\":\"jpg\",\"size\":86649,\"title\":\"image\",\"thumb\":\"https://cdn.example/t.jpg\","
        + "\"src\":\"https://cdn.example/i.jpg\"}]}"));
    try (EcomClient client = client()) {
      List<Image> images = client.productImages(10).list().stream().collect(Collectors.toList());
      assertThat(images).singleElement().satisfies(i -> {
        assertThat(i.id()).contains(13219897L);
        assertThat(i.sortOrder()).contains(1L);
        assertThat(i.src()).contains("https://cdn.example/i.jpg");
      });
    }
    assertThat(server.takeRequest().getTarget()).isEqualTo("/nl/products/10/images.json?page=1&limit=250");
  }

  @Test
  void shipmentsOfAnOrderTheirLinesAndShipping() throws Exception {
    String shipment = "{\"id\":4981236,\"number\":\"SHIP00038\",\"status\":\"not_shipped\",\"trackingCode\":\"\","
        + "\"doNotifyShipped\":false,\"order\":" + EcomJsonBodies.ref("orders", 55) + "}";
    server.enqueue(ok("{\"shipments\":[" + shipment + "]}"));
    server.enqueue(ok("{\"shipmentProducts\":[{\"id\":7,\"quantity\":2,\"title\":\"Mug\",\"sku\":\"MUG-1\"}]}"));
    server.enqueue(ok("{\"shipment\":" + shipment.replace("not_shipped", "shipped")
        .replace("\"trackingCode\":\"\"", "\"trackingCode\":\"3SABC\"") + "}"));
    server.enqueue(ok("{\"order\":" + order(55, "paid", "shipped", false) + "}"));
    try (EcomClient client = client()) {
      List<Shipment> shipments = client.shipmentsOfOrder(55);
      assertThat(shipments).singleElement().satisfies(s -> {
        assertThat(s.orderId()).contains(55L);
        assertThat(s.status()).isEqualTo(ShipmentStatus.NOT_SHIPPED);
        assertThat(s.doNotifyShipped()).contains(false);
      });
      List<ShipmentProduct> lines = client.shipmentProducts(4981236).list().stream().collect(Collectors.toList());
      assertThat(lines).singleElement().satisfies(l -> {
        assertThat(l.quantity()).isEqualTo(2);
        assertThat(l.sku()).contains("MUG-1");
      });
      Shipment shipped = client.updateShipment(4981236, ShipmentUpdate.builder().from(ShipmentUpdate.shipped("3SABC"))
          .notifyShipped(true).build());
      assertThat(shipped.trackingCode()).contains("3SABC");
      Order order = client.updateOrder(55, OrderUpdate.builder().status(OrderStatus.COMPLETED_SHIPPED)
          .shipmentStatus(ShipmentStatus.SHIPPED).build());
      assertThat(order.shipmentStatus()).isEqualTo(ShipmentStatus.SHIPPED);
    }
    assertThat(server.takeRequest().getTarget()).isEqualTo("/nl/shipments.json?order=55&page=1&limit=250");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/nl/shipments/4981236/products.json?page=1&limit=250");
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getTarget()).isEqualTo("/nl/shipments/4981236.json");
    assertThat(put.getBody().utf8())
        .isEqualTo("{\"shipment\":{\"status\":\"shipped\",\"trackingCode\":\"3SABC\",\"doNotifyShipped\":true}}");
    RecordedRequest orderPut = server.takeRequest();
    assertThat(orderPut.getTarget()).isEqualTo("/nl/orders/55.json");
    assertThat(orderPut.getBody().utf8())
        .isEqualTo("{\"order\":{\"status\":\"completed_shipped\",\"shipmentStatus\":\"shipped\"}}");
  }

  @Test
  void writeModelsRefuseEmptyAndUnknownValues() {
    assertThatThrownBy(() -> OrderUpdate.builder().build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> OrderUpdate.builder().status(OrderStatus.UNKNOWN).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShipmentUpdate.builder().build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShipmentUpdate.shipped("a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShipmentUpdate.shipped("x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    assertThat(ShipmentUpdate.shipped("3S").status()).contains(ShipmentStatus.SHIPPED);
  }

  @Test
  void idWalkAsksOnlyForTheIdAndFollowsSinceId() throws Exception {
    StringBuilder page = new StringBuilder("{\"products\":[");
    for (int i = 1; i <= 3; i++) {
      page.append(i > 1 ? "," : "").append("{\"id\":").append(i * 10).append('}');
    }
    server.enqueue(ok(page.append("]}").toString()));
    server.enqueue(ok("{\"products\":[{\"id\":40}]}"));
    try (EcomClient client = client()) {
      List<Long> ids = client.products().walkIds(EcomQuery.builder().limit(3).fields("title").build()).stream()
          .collect(Collectors.toList());
      assertThat(ids).containsExactly(10L, 20L, 30L, 40L);
    }
    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().queryParameter("fields")).isEqualTo("id");
    assertThat(first.getUrl().queryParameter("since_id")).isEqualTo("0");
    assertThat(server.takeRequest().getUrl().queryParameter("since_id")).isEqualTo("30");
  }

  @Test
  void variantMovementsFilterByVariant() throws Exception {
    server.enqueue(ok("{\"variantsMovements\":[{\"id\":3,\"createdAt\":\"2026-11-23T10:00:00+00:00\",\"channel\":\"api\","
        + "\"stockLevelChange\":-2,\"product\":" + EcomJsonBodies.ref("products", 10) + ",\"variant\":"
        + EcomJsonBodies.ref("variants", 100) + "}]}"));
    try (EcomClient client = client()) {
      List<VariantMovement> m = client.variantMovements().list(EcomQuery.builder().filter("variant", 100).build())
          .stream().collect(Collectors.toList());
      assertThat(m).singleElement().satisfies(x -> {
        assertThat(x.stockLevelChange()).isEqualTo(-2);
        assertThat(x.variantId()).contains(100L);
        assertThat(x.channel()).contains("api");
      });
    }
    assertThat(server.takeRequest().getTarget()).isEqualTo("/nl/variants/movements.json?variant=100&page=1&limit=250");
  }
}
