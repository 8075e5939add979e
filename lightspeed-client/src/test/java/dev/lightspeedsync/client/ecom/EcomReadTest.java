package dev.lightspeedsync.client.ecom;

import dev.lightspeedsync.client.FakeTime;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.KEY;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.SECRET;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.ok;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.ref;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.toMany;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.variants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ecom.model.Order;
import dev.lightspeedsync.client.ecom.model.OrderProduct;
import dev.lightspeedsync.client.ecom.model.OrderStatus;
import dev.lightspeedsync.client.ecom.model.PaymentStatus;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Shipment;
import dev.lightspeedsync.client.ecom.model.ShipmentStatus;
import dev.lightspeedsync.client.ecom.model.StockTracking;
import dev.lightspeedsync.client.ecom.model.Supplier;
import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.client.ecom.model.Visibility;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.PageCursor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Reads against MockWebServer: paths, query, headers, envelopes and the JSON quirks. */
class EcomReadTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  EcomClient client() {
    return EcomClient.builder().baseUrl(server.url("/").toString()).language("nl").credentials(KEY, SECRET)
        .clock(time).sleeper(time).build();
  }

  /** Serves 600 variants: by page number and limit, or by since_id and limit. */
  final class VariantShop extends Dispatcher {
    final List<String> targets = new ArrayList<>();

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      targets.add(request.getTarget());
      int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
      String page = request.getUrl().queryParameter("page");
      String since = request.getUrl().queryParameter("since_id");
      long from = page != null ? 1 + (Long.parseLong(page) - 1) * limit : Long.parseLong(since) + 1;
      int count = (int) Math.max(0, Math.min(limit, 600 - from + 1));
      return ok(variants(from, count));
    }
  }

  @Test
  void sixHundredVariantsOverThreePagesAreReadOnce() throws Exception {
    VariantShop shop = new VariantShop();
    server.setDispatcher(shop);
    try (EcomClient client = client()) {
      List<Variant> all = client.variants().list().stream().collect(Collectors.toList());
      assertThat(all).hasSize(600);
      assertThat(all.stream().map(Variant::id).collect(Collectors.toSet())).hasSize(600);
      assertThat(shop.targets).containsExactly(
          "/nl/variants.json?page=1&limit=250", "/nl/variants.json?page=2&limit=250", "/nl/variants.json?page=3&limit=250");
    }
    RecordedRequest first = server.takeRequest();
    String expected = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(first.getHeaders().get("Authorization")).isEqualTo(expected);
  }

  @Test
  void sinceIdWalkReadsEachRecordOnceAndResumesFromItsCursor() {
    VariantShop shop = new VariantShop();
    server.setDispatcher(shop);
    try (EcomClient client = client()) {
      List<Page<Variant>> pages = new ArrayList<>();
      client.variants().walkById(EcomQuery.builder().fields("sku", "stockLevel").build()).pages().forEach(pages::add);
      assertThat(pages).extracting(p -> p.items().size()).containsExactly(250, 250, 100);
      assertThat(pages.get(0).next()).contains(PageCursor.parse("since_id:250"));
      assertThat(pages.get(2).next()).isEmpty();
      assertThat(shop.targets).containsExactly(
          "/nl/variants.json?since_id=0&fields=id,sku,stockLevel&limit=250",
          "/nl/variants.json?since_id=250&fields=id,sku,stockLevel&limit=250",
          "/nl/variants.json?since_id=500&fields=id,sku,stockLevel&limit=250");

      shop.targets.clear();
      Set<Long> resumed = new HashSet<>();
      client.variants().walkById().startingAt(PageCursor.parse("since_id:500")).forEach(v -> resumed.add(v.id()));
      assertThat(resumed).hasSize(100).allMatch(id -> id > 500);
      assertThat(shop.targets).containsExactly("/nl/variants.json?since_id=500&limit=250");

      assertThatThrownBy(() -> client.variants().walkById().startingAt(PageCursor.parse("page:2")).firstPage())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    }
  }

  @Test
  void aServerIgnoringSinceIdStopsTheWalkInsteadOfLooping() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return ok(variants(1, 2));
      }
    });
    try (EcomClient client = client()) {
      assertThatThrownBy(() -> client.variants().walkById(EcomQuery.builder().limit(2).build()).stream().count())
          .isInstanceOf(DecodingException.class).hasMessageContaining("since_id was ignored");
    }
  }

  @Test
  void aPageOutOfIdOrderStopsTheWalkInsteadOfSkippingRecords() {
    server.enqueue(ok("{\"variants\":[" + EcomJsonBodies.variant(600) + "," + EcomJsonBodies.variant(599) + "]}"));
    try (EcomClient client = client()) {
      assertThatThrownBy(() -> client.variants().walkById(EcomQuery.builder().limit(2).build()).firstPage())
          .isInstanceOf(DecodingException.class).hasMessageContaining("out of ascending order");
    }
  }

  @Test
  void variantFieldsAndQuirks() {
    server.enqueue(ok("{\"variant\":" + EcomJsonBodies.variant(4) + "}"));
    try (EcomClient client = client()) {
      Variant v = client.variants().get(4);
      assertThat(v.id()).isEqualTo(4);
      assertThat(v.stockTracking()).isEqualTo(StockTracking.INDICATOR);
      assertThat(v.stockLevel()).contains(4L);
      assertThat(v.priceCost()).contains(new BigDecimal("21.5"));
      assertThat(v.priceIncl()).contains(new BigDecimal("58.0195"));
      assertThat(v.sku()).contains("SKU-4");
      assertThat(v.articleCode()).contains("AC-4");
      assertThat(v.ean()).isEmpty(); // ""
      assertThat(v.hs()).isEmpty(); // null
      assertThat(v.stockAlert()).isEmpty(); // false for a number
      assertThat(v.matrix()).isEmpty(); // false for a relation
      assertThat(v.tax()).isEmpty();
      assertThat(v.productId()).contains(1000L);
      assertThat(v.defaultVariant()).contains(true);
      assertThat(v.updatedAt()).contains(Instant.parse("2026-11-20T08:30:00Z"));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unknownAndOddValuesAreKept() {
    server.enqueue(ok("{\"variants\":[{\"id\":\"9\",\"stockTracking\":\"backorder\",\"stockLevel\":\"12\","
        + "\"priceCost\":\"\",\"priceExcl\":\"10.50\",\"sortOrder\":true,\"isDefault\":\"1\"}]}"));
    try (EcomClient client = client()) {
      Variant v = client.variants().list().firstPage().items().get(0);
      assertThat(v.id()).isEqualTo(9);
      assertThat(v.stockTracking()).isEqualTo(StockTracking.UNKNOWN);
      assertThat(v.stockTrackingRaw()).contains("backorder");
      assertThat(v.stockLevel()).contains(12L);
      assertThat(v.priceCost()).isEmpty();
      assertThat(v.priceExcl()).contains(new BigDecimal("10.50"));
      assertThat(v.sortOrder()).isEmpty();
      assertThat(v.defaultVariant()).contains(true);
    }
  }

  @Test
  void productEnvelopeRelationsAndVisibility() {
    String products = "{\"products\":["
        + product(1, "visible", "\"brand\":" + ref("brands", 1171202) + ",\"supplier\":" + ref("suppliers", 77))
        + "," + product(2, "auto", "\"brand\":false,\"supplier\":\"\"")
        + "," + product(3, "hidden", "\"brand\":null,\"supplier\":{\"resource\":false}")
        + "," + product(4, "members_only", "\"image\":{\"src\":\"x.jpg\"}")
        + "]}";
    server.enqueue(ok(products));
    try (EcomClient client = client()) {
      List<Product> list = client.products().list().firstPage().items();
      assertThat(list).extracting(Product::visibility)
          .containsExactly(Visibility.VISIBLE, Visibility.AUTO, Visibility.HIDDEN, Visibility.UNKNOWN);
      assertThat(list.get(3).visibilityRaw()).contains("members_only");
      Product p = list.get(0);
      assertThat(p.brand()).hasValueSatisfying(r -> {
        assertThat(r.id()).contains(1171202L);
        assertThat(r.url()).contains("brands/1171202");
        assertThat(r.link()).contains("https://api.webshopapp.com/nl/brands/1171202.json");
        assertThat(r.isToMany()).isFalse();
      });
      assertThat(p.supplierId()).contains(77L);
      assertThat(p.variants()).hasValueSatisfying(r -> {
        assertThat(r.isToMany()).isTrue();
        assertThat(r.id()).isEmpty();
        assertThat(r.url()).contains("variants?product=1");
      });
      assertThat(p.visible()).contains(true);
      assertThat(p.createdAt()).contains(Instant.parse("2019-07-24T15:23:06Z"));
      for (Product empty : list.subList(1, 3)) {
        assertThat(empty.brand()).isEmpty();
        assertThat(empty.supplier()).isEmpty();
        assertThat(empty.supplierId()).isEmpty();
      }
      assertThat(list.get(2).type()).isEmpty(); // "type": false
    }
  }

  static String product(long id, String visibility, String extra) {
    return "{\"id\":" + id + ",\"createdAt\":\"2019-07-24T15:23:06+00:00\",\"updatedAt\":\"2019-07-25T10:00:00+00:00\","
        + "\"isVisible\":true,\"visibility\":\"" + visibility + "\",\"title\":\"P" + id + "\",\"type\":false,"
        + "\"set\":false,\"deliverydate\":false,\"variants\":" + toMany("variants?product=" + id) + ","
        + extra + "}";
  }

  @Test
  void supplierSnakeCaseFields() {
    server.enqueue(ok("{\"supplier\":{\"id\":77,\"createdAt\":\"2020-01-01T00:00:00+00:00\",\"title\":\"Acme\","
        + "\"attention_of\":\"J. Doe\",\"street\":\"Main\",\"number\":\"5\",\"zip_code\":\"1011AB\",\"city\":\"Amsterdam\","
        + "\"country_id\":{\"id\":155,\"code\":\"nl\",\"code3\":\"nld\",\"title\":\"Netherlands\"}}}"));
    try (EcomClient client = client()) {
      Supplier s = client.suppliers().get(77);
      assertThat(s.attentionOf()).contains("J. Doe");
      assertThat(s.zipCode()).contains("1011AB");
      assertThat(s.country()).hasValueSatisfying(c -> {
        assertThat(c.code()).contains("nl");
        assertThat(c.code3()).contains("nld");
      });
    }
  }

  @Test
  void ordersWithOpenStatusEnumsAndTheirProducts() throws Exception {
    server.enqueue(ok("{\"orders\":["
        + "{\"id\":55,\"number\":\"ORD00018\",\"status\":\"processing_awaiting_shipment\",\"paymentStatus\":\"paid\","
        + "\"shipmentStatus\":\"not_shipped\",\"paymentId\":\"ideal\",\"paymentTitle\":\"iDEAL\",\"customStatusId\":false,"
        + "\"createdAt\":\"2026-11-01T09:00:00+00:00\",\"updatedAt\":\"2026-11-02T09:00:00+00:00\",\"priceIncl\":42.0,"
        + "\"language\":{\"id\":1,\"code\":\"nl\",\"locale\":\"nl_NL\",\"title\":\"Nederlands\"},\"customer\":false,"
        + "\"products\":" + toMany("orders/55/products") + "},"
        + "{\"id\":56,\"number\":\"ORD00019\",\"status\":\"awaiting_moon_phase\",\"paymentStatus\":\"refund_pending\","
        + "\"shipmentStatus\":\"teleported\",\"language\":false}"
        + "]}"));
    server.enqueue(ok("{\"orderProducts\":[{\"id\":900,\"productTitle\":\"Shirt\",\"variantTitle\":\"M\",\"quantityOrdered\":6,"
        + "\"quantityShipped\":\"\",\"basePriceIncl\":7,\"priceIncl\":42,\"supplierTitle\":\"Acme\","
        + "\"variant\":" + ref("variants", 4) + ",\"product\":" + ref("products", 1000) + ",\"customFields\":false}]}"));
    try (EcomClient client = client()) {
      List<Order> orders = client.orders().list().firstPage().items();
      Order o = orders.get(0);
      assertThat(o.status()).isEqualTo(OrderStatus.PROCESSING_AWAITING_SHIPMENT);
      assertThat(o.paymentStatus()).isEqualTo(PaymentStatus.PAID);
      assertThat(o.shipmentStatus()).isEqualTo(ShipmentStatus.NOT_SHIPPED);
      assertThat(o.number()).contains("ORD00018");
      assertThat(o.paymentId()).contains("ideal");
      assertThat(o.paymentTitle()).contains("iDEAL");
      assertThat(o.customStatusId()).isEmpty();
      assertThat(o.customer()).isEmpty();
      assertThat(o.language()).hasValueSatisfying(l -> assertThat(l.code()).contains("nl"));
      assertThat(o.createdAt()).contains(Instant.parse("2026-11-01T09:00:00Z"));
      Order odd = orders.get(1);
      assertThat(odd.status()).isEqualTo(OrderStatus.UNKNOWN);
      assertThat(odd.statusRaw()).contains("awaiting_moon_phase");
      assertThat(odd.paymentStatus()).isEqualTo(PaymentStatus.UNKNOWN);
      assertThat(odd.paymentStatusRaw()).contains("refund_pending");
      assertThat(odd.shipmentStatus()).isEqualTo(ShipmentStatus.UNKNOWN);
      assertThat(odd.language()).isEmpty();

      List<OrderProduct> lines = client.orderProducts(55).list().stream().collect(Collectors.toList());
      assertThat(lines).singleElement().satisfies(l -> {
        assertThat(l.quantityOrdered()).isEqualTo(6);
        assertThat(l.quantityShipped()).isZero();
        assertThat(l.basePriceIncl()).contains(new BigDecimal("7"));
        assertThat(l.priceIncl()).contains(new BigDecimal("42"));
        assertThat(l.variantId()).contains(4L);
      });
    }
    assertThat(server.takeRequest().getTarget()).isEqualTo("/nl/orders.json?page=1&limit=250");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/nl/orders/55/products.json?page=1&limit=250");
  }

  @Test
  void filtersAreSentInUtcAndCountsUseTheCountEndpoint() throws Exception {
    server.enqueue(ok("{\"count\":1234}"));
    server.enqueue(ok("{\"shipments\":[{\"id\":3,\"number\":\"SHIP00038\",\"status\":\"shipped\",\"trackingCode\":\"TR1\","
        + "\"order\":" + ref("orders", 55) + "}]}"));
    EcomQuery q = EcomQuery.builder()
        .updatedAtMin(OffsetDateTime.parse("2026-11-23T12:00:00+02:00").toInstant())
        .createdAtMax(Instant.parse("2026-11-23T23:59:59Z"))
        .filter("order", 55)
        .limit(100)
        .build();
    try (EcomClient client = client()) {
      assertThat(client.products().count(q)).isEqualTo(1234);
      Shipment s = client.shipments().list(q).firstPage().items().get(0);
      assertThat(s.status()).isEqualTo(ShipmentStatus.SHIPPED);
      assertThat(s.orderId()).contains(55L);
      assertThat(s.trackingCode()).contains("TR1");
    }
    RecordedRequest count = server.takeRequest();
    assertThat(count.getUrl().encodedPath()).isEqualTo("/nl/products/count.json");
    assertThat(count.getUrl().queryParameter("updated_at_min")).isEqualTo("2026-11-23 10:00:00");
    assertThat(count.getUrl().queryParameter("created_at_max")).isEqualTo("2026-11-23 23:59:59");
    assertThat(count.getUrl().queryParameter("limit")).isNull();
    assertThat(count.getUrl().queryParameter("page")).isNull();
    RecordedRequest list = server.takeRequest();
    assertThat(list.getTarget()).isEqualTo("/nl/shipments.json?created_at_max=2026-11-23%2023%3A59%3A59"
        + "&updated_at_min=2026-11-23%2010%3A00%3A00&order=55&page=1&limit=100");
  }

  @Test
  void aFieldSelectionAlwaysKeepsTheId() throws Exception {
    server.enqueue(ok("{\"variants\":[{\"id\":3,\"stockLevel\":5}]}"));
    try (EcomClient client = client()) {
      Variant v = client.variants().list(EcomQuery.builder().fields("stockLevel").build()).firstPage().items().get(0);
      assertThat(v.stockLevel()).contains(5L);
      assertThat(v.sku()).isEmpty();
    }
    assertThat(server.takeRequest().getTarget()).isEqualTo("/nl/variants.json?fields=id,stockLevel&page=1&limit=250");
  }

  @Test
  void queryValidation() {
    assertThatThrownBy(() -> EcomQuery.builder().limit(251)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("250");
    assertThatThrownBy(() -> EcomQuery.builder().filter("page", "2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EcomQuery.builder().fields("id,title")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aShortLastPageEndsTheWalkAndAnEmptyListIsEmpty() {
    server.enqueue(ok("{\"products\":[]}"));
    server.enqueue(ok("{\"products\":false}"));
    try (EcomClient client = client()) {
      assertThat(client.products().list().stream().count()).isZero();
      assertThat(client.products().list().stream().count()).isZero();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRecordThatNoLongerMatchesTheModelIsRejectedAndTheRestOfThePageArrives() {
    server.enqueue(ok("{\"variants\":[" + EcomJsonBodies.variant(1) + ",{\"id\":2,\"stockLevel\":\"lots\"},"
        + EcomJsonBodies.variant(3) + "]}"));
    try (EcomClient client = client()) {
      Page<Variant> page = client.variants().list().firstPage();
      assertThat(page.items()).extracting(Variant::id).containsExactly(1L, 3L);
      assertThat(page.rejected()).singleElement().satisfies(r -> {
        assertThat(r.id()).contains("2");
        assertThat(r.reason()).startsWith("Variant could not be read");
      });
    }
  }

  @Test
  void aRejectedRecordStillCountsForTheIdWalkAndThePageSize() throws Exception {
    // a full page of 2 whose last record is malformed: the walk continues after its id
    server.enqueue(ok("{\"variants\":[" + EcomJsonBodies.variant(1) + ",{\"id\":2,\"stockLevel\":\"lots\"}]}"));
    server.enqueue(ok("{\"variants\":[" + EcomJsonBodies.variant(3) + "]}"));
    try (EcomClient client = client()) {
      List<Page<Variant>> pages = new java.util.ArrayList<>();
      client.variants().walkById(EcomQuery.builder().limit(2).build()).pages().forEach(pages::add);
      assertThat(pages).hasSize(2);
      assertThat(pages.get(0).rejected()).hasSize(1);
      assertThat(pages.get(1).items()).extracting(Variant::id).containsExactly(3L);
    }
    server.takeRequest();
    assertThat(server.takeRequest().getTarget()).contains("since_id=2");
  }

  @Test
  void bodiesThatAreNotAListPageAreDecodingErrorsNotEmptyPages() {
    String[] wrong = {"{\"error\":\"nope\"}", "[" + EcomJsonBodies.variant(1) + "]", "{\"variants\":42}"};
    try (EcomClient client = client()) {
      for (String body : wrong) {
        server.enqueue(ok(body));
        assertThatThrownBy(() -> client.variants().list().firstPage()).as(body).isInstanceOf(DecodingException.class)
            .hasMessageContaining("GET /nl/variants.json").hasMessageContaining("list page")
            .hasMessageNotContaining("HTTP 0");
      }
    }
    assertThat(server.getRequestCount()).isEqualTo(wrong.length);
  }
}
