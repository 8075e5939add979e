package dev.lightspeedsync.client.xseries;

import static dev.lightspeedsync.client.xseries.XBodies.TOKEN;
import static dev.lightspeedsync.client.xseries.XBodies.ok;
import static dev.lightspeedsync.client.xseries.XBodies.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.error.ServerException;
import dev.lightspeedsync.client.error.ValidationException;
import dev.lightspeedsync.client.xseries.model.Consignment;
import dev.lightspeedsync.client.xseries.model.ConsignmentStatus;
import dev.lightspeedsync.client.xseries.model.Customer;
import dev.lightspeedsync.client.xseries.model.Product;
import dev.lightspeedsync.client.xseries.write.ComponentQuantity;
import dev.lightspeedsync.client.xseries.write.ConsignmentLine;
import dev.lightspeedsync.client.xseries.write.CustomerDetails;
import dev.lightspeedsync.client.xseries.write.InventoryLevel;
import dev.lightspeedsync.client.xseries.write.NewConsignment;
import dev.lightspeedsync.client.xseries.write.NewProduct;
import dev.lightspeedsync.client.xseries.write.NewRegisterSale;
import dev.lightspeedsync.client.xseries.write.NewRegisterSaleLine;
import dev.lightspeedsync.client.xseries.write.NewRegisterSalePayment;
import dev.lightspeedsync.client.xseries.write.ProductUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Paths, API versions and bodies of the writes, and which failures are retried. */
class XSeriesWriteTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  XSeriesClient client() {
    return XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(TOKEN).clock(time).sleeper(time)
        .build();
  }

  JsonNode body(RecordedRequest r) throws Exception {
    return JSON.readTree(r.getBody().utf8());
  }

  static String consignment(String status) {
    return "{\"id\":\"" + uuid(50) + "\",\"outlet_id\":\"" + uuid(1) + "\",\"supplier_id\":\"" + uuid(7) + "\","
        + "\"name\":\"PO note\",\"type\":\"SUPPLIER\",\"status\":\"" + status + "\",\"reference\":\"PO-1001\","
        + "\"consignment_date\":\"2026-11-20T08:00:00+00:00\",\"version\":9001}";
  }

  @Test
  void aProductUpdateGoesToApi21WithCommonAndDetails() throws Exception {
    server.enqueue(ok("{\"data\":" + XBodies.product(3, 777) + "}"));
    Optional<Product> updated;
    try (XSeriesClient c = client()) {
      updated = c.updateProduct(uuid(3), ProductUpdate.builder().name("Tee").sku("TEE-RED-M")
          .supplyPrice(new BigDecimal("4.50")).priceExcludingTax(new BigDecimal("19.95"))
          .addInventory(InventoryLevel.builder().outletId(uuid(1)).currentAmount(new BigDecimal("-2"))
              .reorderPoint(BigDecimal.ONE).build())
          .build());
    }
    assertThat(updated.orElseThrow().version()).contains(777L);
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getUrl().encodedPath()).isEqualTo("/api/2.1/products/" + uuid(3));
    assertThat(body(put)).isEqualTo(JSON.readTree("{\"common\":{\"name\":\"Tee\"},\"details\":{\"sku\":\"TEE-RED-M\","
        + "\"price_excluding_tax\":19.95,\"supply_price\":4.50,\"inventory\":[{\"outlet_id\":\"" + uuid(1) + "\","
        + "\"current_amount\":-2,\"reorder_point\":1}]}}"));
  }

  @Test
  void setInventorySendsOnlyTheStockAndAcceptsAnEmptyResponse() throws Exception {
    server.enqueue(ok("{}"));
    try (XSeriesClient c = client()) {
      assertThat(c.setInventory(uuid(3), List.of(InventoryLevel.of(uuid(2), new BigDecimal("21"))))).isEmpty();
    }
    assertThat(body(server.takeRequest())).isEqualTo(JSON.readTree(
        "{\"details\":{\"inventory\":[{\"outlet_id\":\"" + uuid(2) + "\",\"current_amount\":21}]}}"));
  }

  @Test
  void aCompositeIsCreatedWithItsBillOfMaterialsAndTheNewIdsAreReturned() throws Exception {
    server.enqueue(ok("{\"data\":[\"" + uuid(99) + "\"]}"));
    List<String> ids;
    try (XSeriesClient c = client()) {
      ids = c.createProduct(NewProduct.builder().name("Gift box").sku("BOX-1").priceIncludingTax(new BigDecimal("30"))
          .addComponents(ComponentQuantity.of(uuid(1), new BigDecimal("2")), ComponentQuantity.of(uuid(5), BigDecimal.ONE))
          .build());
    }
    assertThat(ids).containsExactly(uuid(99));
    RecordedRequest post = server.takeRequest();
    assertThat(post.getUrl().encodedPath()).isEqualTo("/api/2.0/products");
    assertThat(body(post)).isEqualTo(JSON.readTree("{\"name\":\"Gift box\",\"sku\":\"BOX-1\",\"price_including_tax\":30,"
        + "\"composite\":[{\"product_id\":\"" + uuid(1) + "\",\"quantity\":2},{\"product_id\":\"" + uuid(5)
        + "\",\"quantity\":1}]}"));
  }

  @Test
  void lookupsBySkuAndCustomerCodeAreOneRequestEach() throws Exception {
    server.enqueue(ok("{\"data\":[{\"id\":\"" + uuid(5) + "\",\"sku\":\"LAMP 1\",\"version\":7}],"
        + "\"version\":{\"min\":7,\"max\":7}}"));
    server.enqueue(ok("{\"data\":[{\"id\":\"" + uuid(4) + "\",\"customer_code\":\"ERP-C1\"}]}"));
    try (XSeriesClient c = client()) {
      assertThat(c.findProductsBySku("LAMP 1")).singleElement()
          .satisfies(p -> assertThat(p.sku()).contains("LAMP 1"));
      assertThat(c.findCustomersByCode("ERP-C1")).singleElement()
          .satisfies(x -> assertThat(x.customerCode()).contains("ERP-C1"));
      assertThatThrownBy(() -> c.findProductsBySku(" ")).isInstanceOf(IllegalArgumentException.class);
    }
    RecordedRequest bySku = server.takeRequest();
    assertThat(bySku.getUrl().encodedPath()).isEqualTo("/api/2.0/products");
    assertThat(bySku.getUrl().queryParameter("sku")).isEqualTo("LAMP 1");
    assertThat(bySku.getUrl().queryParameter("after")).as("sku overrides every other parameter: no walk").isNull();
    RecordedRequest search = server.takeRequest();
    assertThat(search.getUrl().encodedPath()).isEqualTo("/api/2.0/search");
    assertThat(search.getUrl().queryParameter("type")).isEqualTo("customers");
    assertThat(search.getUrl().queryParameter("customer_code")).isEqualTo("ERP-C1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void customersAreCreatedAndUpdatedWithOnlyTheFieldsSet() throws Exception {
    String customer = "{\"data\":{\"id\":\"" + uuid(4) + "\",\"first_name\":\"Tony\",\"last_name\":\"Stark\","
        + "\"email\":\"tony@starkinc.com\",\"version\":3505346597}}";
    server.enqueue(ok(customer));
    server.enqueue(ok(customer));
    try (XSeriesClient c = client()) {
      Customer created = c.createCustomer(CustomerDetails.builder().firstName("Tony").lastName("Stark")
          .email("tony@starkinc.com").build());
      assertThat(created.version()).contains(3505346597L);
      c.updateCustomer(uuid(4), CustomerDetails.builder().companyName("Stark Inc.").build());
      assertThatThrownBy(() -> c.createCustomer(CustomerDetails.builder().email("x@y.z").build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstName or a lastName");
    }
    RecordedRequest post = server.takeRequest();
    assertThat(post.getUrl().encodedPath()).isEqualTo("/api/2.0/customers");
    assertThat(body(post)).isEqualTo(JSON.readTree(
        "{\"first_name\":\"Tony\",\"last_name\":\"Stark\",\"email\":\"tony@starkinc.com\"}"));
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getUrl().encodedPath()).isEqualTo("/api/2.0/customers/" + uuid(4));
    assertThat(body(put)).isEqualTo(JSON.readTree("{\"company_name\":\"Stark Inc.\"}"));
  }

  @Test
  void aPurchaseOrderIsCreatedFilledReceivedAndClosedWithQuantitiesAsStrings() throws Exception {
    server.enqueue(ok("{\"data\":" + consignment("OPEN") + "}"));
    server.enqueue(ok("{\"data\":{\"product_id\":\"" + uuid(3) + "\",\"count\":\"12\",\"cost\":\"4.5\"}}"));
    server.enqueue(ok("{\"data\":{\"product_id\":\"" + uuid(3) + "\",\"count\":\"12\",\"received\":\"10\"}}"));
    server.enqueue(ok("{\"data\":" + consignment("DISPATCHED") + "}"));
    server.enqueue(ok("{\"data\":" + consignment("RECEIVED") + "}"));
    try (XSeriesClient c = client()) {
      Consignment po = c.createConsignment(NewConsignment.builder().outletId(uuid(1)).supplierId(uuid(7))
          .name("PO note").reference("PO-1001").status("SENT").build());
      assertThat(po.reference()).contains("PO-1001");
      assertThat(c.addConsignmentProduct(po.id(), ConsignmentLine.builder().productId(uuid(3))
          .count(new BigDecimal("12")).cost(new BigDecimal("4.5")).build()).orElseThrow().count())
          .contains(new BigDecimal("12"));
      assertThat(c.receiveConsignmentProduct(po.id(), uuid(3), BigDecimal.TEN).orElseThrow().received())
          .contains(BigDecimal.TEN);
      assertThat(c.setConsignmentStatus(po.id(), ConsignmentStatus.RECEIVED).status())
          .isEqualTo(ConsignmentStatus.RECEIVED);
    }
    RecordedRequest create = server.takeRequest();
    assertThat(create.getUrl().encodedPath()).isEqualTo("/api/2.0/consignments");
    assertThat(body(create)).isEqualTo(JSON.readTree("{\"outlet_id\":\"" + uuid(1) + "\",\"type\":\"SUPPLIER\","
        + "\"status\":\"SENT\",\"supplier_id\":\"" + uuid(7) + "\",\"name\":\"PO note\",\"reference\":\"PO-1001\"}"));
    RecordedRequest add = server.takeRequest();
    assertThat(add.getUrl().encodedPath()).isEqualTo("/api/2.0/consignments/" + uuid(50) + "/products");
    assertThat(body(add)).isEqualTo(JSON.readTree("{\"product_id\":\"" + uuid(3) + "\",\"count\":\"12\",\"cost\":\"4.5\"}"));
    RecordedRequest receive = server.takeRequest();
    assertThat(receive.getMethod()).isEqualTo("PUT");
    assertThat(receive.getUrl().encodedPath()).isEqualTo("/api/2.0/consignments/" + uuid(50) + "/products/" + uuid(3));
    assertThat(body(receive)).isEqualTo(JSON.readTree("{\"received\":\"10\"}"));
    // The status change reads the consignment and sends its fields back, so a partial PUT cannot blank them.
    RecordedRequest read = server.takeRequest();
    assertThat(read.getMethod()).isEqualTo("GET");
    assertThat(read.getUrl().encodedPath()).isEqualTo("/api/2.0/consignments/" + uuid(50));
    RecordedRequest status = server.takeRequest();
    assertThat(status.getMethod()).isEqualTo("PUT");
    assertThat(body(status)).isEqualTo(JSON.readTree("{\"outlet_id\":\"" + uuid(1) + "\",\"type\":\"SUPPLIER\","
        + "\"name\":\"PO note\",\"supplier_id\":\"" + uuid(7) + "\",\"reference\":\"PO-1001\","
        + "\"consignment_date\":\"2026-11-20T08:00:00Z\",\"status\":\"RECEIVED\"}"));
  }

  @Test
  void aSupplierOrderCannotBeCreatedReceived() {
    assertThatThrownBy(() -> NewConsignment.builder().outletId(uuid(1)).status("RECEIVED").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be created RECEIVED");
  }

  @Test
  void aSaleIsCreatedThroughTheLegacyRegisterSalesWithZeroNineNames() throws Exception {
    server.enqueue(ok("{\"register_sale\":{\"id\":\"" + uuid(77) + "\",\"status\":\"CLOSED\"}}"));
    String id;
    try (XSeriesClient c = client()) {
      id = c.createRegisterSale(NewRegisterSale.builder().registerId(uuid(2)).userId(uuid(3)).invoiceNumber("ERP-1001")
          .saleDate(Instant.parse("2026-11-20T10:15:30Z"))
          .addLines(NewRegisterSaleLine.builder().productId(uuid(4)).quantity(BigDecimal.ONE)
              .price(new BigDecimal("12")).tax(new BigDecimal("1.8")).taxId(uuid(5)).build())
          .addPayments(NewRegisterSalePayment.builder().retailerPaymentTypeId(uuid(6)).amount(new BigDecimal("13.8"))
              .build())
          .build());
    }
    assertThat(id).isEqualTo(uuid(77));
    RecordedRequest post = server.takeRequest();
    assertThat(post.getUrl().encodedPath()).isEqualTo("/api/register_sales");
    assertThat(body(post)).isEqualTo(JSON.readTree("{\"register_id\":\"" + uuid(2) + "\",\"user_id\":\"" + uuid(3) + "\","
        + "\"status\":\"CLOSED\",\"sale_date\":\"2026-11-20 10:15:30\",\"invoice_number\":\"ERP-1001\","
        + "\"register_sale_products\":[{\"product_id\":\"" + uuid(4) + "\",\"register_id\":\"" + uuid(2) + "\","
        + "\"quantity\":1,\"price\":12,\"tax\":1.8,\"tax_id\":\"" + uuid(5) + "\"}],"
        + "\"register_sale_payments\":[{\"register_id\":\"" + uuid(2) + "\",\"retailer_payment_type_id\":\"" + uuid(6)
        + "\",\"amount\":13.8}]}"));
  }

  static NewRegisterSale sale() {
    return NewRegisterSale.builder().registerId(uuid(2)).userId(uuid(3)).invoiceNumber("ERP-1")
        .addLines(NewRegisterSaleLine.builder().productId(uuid(4)).quantity(BigDecimal.ONE).price(BigDecimal.TEN)
            .tax(BigDecimal.ONE).taxId(uuid(5)).build())
        .build();
  }

  static Stream<Arguments> writes() {
    Consumer<XSeriesClient> putProduct = c -> c.setInventory(uuid(3), List.of(InventoryLevel.of(uuid(1), BigDecimal.ONE)));
    Consumer<XSeriesClient> postProduct = c -> c.createProduct(NewProduct.builder().name("x").build());
    Consumer<XSeriesClient> postSale = c -> c.createRegisterSale(sale());
    Consumer<XSeriesClient> postCustomer = c -> c.createCustomer(CustomerDetails.builder().lastName("Doe").build());
    Consumer<XSeriesClient> postConsignmentProduct = c -> c.addConsignmentProduct(uuid(50),
        ConsignmentLine.builder().productId(uuid(3)).count(BigDecimal.ONE).build());
    return Stream.of(Arguments.of("PUT 2.1 products", putProduct), Arguments.of("POST products", postProduct),
        Arguments.of("POST register_sales", postSale), Arguments.of("POST customers", postCustomer),
        Arguments.of("POST consignment products", postConsignmentProduct));
  }

  @ParameterizedTest(name = "{0}: a 500 is not resent")
  @MethodSource("writes")
  void aWriteThatGotA500IsNotResent(String name, Consumer<XSeriesClient> write) {
    server.enqueue(XBodies.status(500, "{\"error\":\"Internal Server Error\"}"));
    server.enqueue(ok("{\"data\":[\"" + uuid(1) + "\"]}"));
    try (XSeriesClient c = client()) {
      assertThatThrownBy(() -> write.accept(c))
          .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.requestMayHaveBeenApplied()).isTrue());
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}: a connection dropped after sending is not resent")
  @MethodSource("writes")
  void aWriteWhoseConnectionDroppedAfterSendingIsNotResent(String name, Consumer<XSeriesClient> write) {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(ok("{\"data\":[\"" + uuid(1) + "\"]}"));
    try (XSeriesClient c = client()) {
      assertThatThrownBy(() -> write.accept(c))
          .isInstanceOfSatisfying(LightspeedConnectionException.class,
              e -> assertThat(e.requestMayHaveBeenApplied()).isTrue())
          .hasMessageContaining("may have been applied");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aValidationErrorCarriesTheApiMessage() {
    server.enqueue(XBodies.status(400, "{\"error\":\"Bad Request\",\"message\":\"Cannot add a composite product to the order\"}"));
    try (XSeriesClient c = client()) {
      assertThatThrownBy(() -> c.addConsignmentProduct(uuid(50), ConsignmentLine.builder().productId(uuid(3)).build()))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.apiMessage()).contains("Cannot add a composite product to the order"));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  static Stream<Arguments> readFaults() {
    return Stream.of(
        Arguments.of("503", XBodies.status(503, "<html>busy</html>")),
        Arguments.of("dropped connection", new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build()),
        Arguments.of("truncated JSON", ok("{\"data\":[" + XBodies.product(1, 5))));
  }

  @ParameterizedTest(name = "{0} on a read is retried")
  @MethodSource("readFaults")
  void readsAreRetriedAfter5xxDropsAndTruncatedBodies(String name, MockResponse fault) {
    server.enqueue(fault);
    server.enqueue(ok(XBodies.page(List.of(XBodies.product(1, 5)), 5L, 5L)));
    try (XSeriesClient c = client()) {
      assertThat(c.products().list().firstPage().items()).hasSize(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void writeInputsAreValidatedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> ProductUpdate.builder().priceExcludingTax(BigDecimal.ONE).priceIncludingTax(BigDecimal.ONE)
        .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> ProductUpdate.builder().build()).hasMessageContaining("changes nothing");
    assertThatThrownBy(() -> ConsignmentLine.builder().productId(uuid(1)).received(new BigDecimal("-1")).build())
        .hasMessageContaining("received cannot be negative");
    try (XSeriesClient c = client()) {
      assertThatThrownBy(() -> c.updateProduct("a/b", ProductUpdate.builder().name("x").build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("productId");
      assertThatThrownBy(() -> c.setConsignmentStatus(uuid(1), ConsignmentStatus.UNKNOWN))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.getRequestCount()).isZero();
  }
}
