package dev.lightspeedsync.client.retail;

import dev.lightspeedsync.client.FakeTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.retail.model.InventoryCount;
import dev.lightspeedsync.client.retail.model.Order;
import dev.lightspeedsync.client.retail.model.OrderLine;
import dev.lightspeedsync.client.retail.write.NewOrder;
import dev.lightspeedsync.client.retail.write.NewOrderLine;
import dev.lightspeedsync.client.retail.write.NewSale;
import dev.lightspeedsync.client.retail.write.OrderLineUpdate;
import dev.lightspeedsync.client.retail.write.OrderUpdate;
import java.math.BigDecimal;
import java.time.LocalDate;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class WritesTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  private RetailClient client() {
    return RetailClient.builder().accountId(7).baseUrl(server.url("/").toString()).accessToken("t")
        .clock(time).sleeper(time).build();
  }

  @Test
  void purchaseOrderLifecycleWrites() throws Exception {
    server.enqueue(Json.ok("{\"Order\":{\"orderID\":\"14\",\"shopID\":\"1\",\"vendorID\":\"2\"}}"));
    server.enqueue(Json.ok("{\"OrderLine\":{\"orderLineID\":\"30\",\"orderID\":\"14\",\"itemID\":\"28\",\"quantity\":\"24\"}}"));
    server.enqueue(Json.ok("{\"OrderLine\":{\"orderLineID\":\"30\",\"numReceived\":\"10\"}}"));
    server.enqueue(Json.ok("{\"Order\":{\"orderID\":\"14\",\"orderedDate\":\"2026-11-23T07:00:00+00:00\"}}"));
    try (RetailClient c = client()) {
      Order order = c.createOrder(NewOrder.builder().shopId(1).vendorId(2L).refNum("PO-1").build());
      OrderLine line = c.createOrderLine(NewOrderLine.builder().orderId(order.id()).itemId(28)
          .quantity(new BigDecimal("24")).price(new BigDecimal("7")).build());
      OrderLine received = c.updateOrderLine(line.id(), OrderLineUpdate.builder().numReceived(BigDecimal.TEN).build());
      Order ordered = c.updateOrder(order.id(), OrderUpdate.builder().orderedDate(LocalDate.of(2026, 11, 23)).build());
      assertThat(received.numReceived()).isEqualByComparingTo("10");
      assertThat(ordered.orderedDate()).isPresent();
    }
    RecordedRequest create = server.takeRequest();
    assertThat(create.getMethod()).isEqualTo("POST");
    assertThat(create.getTarget()).isEqualTo("/API/V3/Account/7/Order.json");
    assertThat(create.getBody().utf8()).isEqualTo("{\"shopID\":1,\"vendorID\":2,\"refNum\":\"PO-1\"}");
    RecordedRequest addLine = server.takeRequest();
    assertThat(addLine.getTarget()).isEqualTo("/API/V3/Account/7/OrderLine.json");
    assertThat(addLine.getBody().utf8()).isEqualTo("{\"orderID\":14,\"itemID\":28,\"quantity\":24,\"price\":7}");
    RecordedRequest receive = server.takeRequest();
    assertThat(receive.getMethod()).isEqualTo("PUT");
    assertThat(receive.getTarget()).isEqualTo("/API/V3/Account/7/OrderLine/30.json");
    assertThat(receive.getBody().utf8()).isEqualTo("{\"numReceived\":10}");
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"orderedDate\":\"2026-11-23\"}");
  }

  @Test
  void inventoryCountWithItemsAndReconcile() throws Exception {
    server.enqueue(Json.ok("{\"InventoryCount\":{\"inventoryCountID\":\"3\",\"shopID\":\"1\",\"name\":\"Nov\"}}"));
    server.enqueue(Json.ok("{\"InventoryCountItem\":{\"inventoryCountItemID\":\"8\",\"inventoryCountID\":\"3\",\"itemID\":\"12\",\"qty\":\"75\"}}"));
    server.enqueue(Json.ok("{}"));
    try (RetailClient c = client()) {
      InventoryCount count = c.createInventoryCount("Nov", 1);
      assertThat(c.addInventoryCountItem(count.id(), 12, new BigDecimal("75"), 2).quantity()).isEqualByComparingTo("75");
      c.reconcileInventoryCount(count.id());
    }
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"name\":\"Nov\",\"shopID\":1}");
    assertThat(server.takeRequest().getBody().utf8())
        .isEqualTo("{\"inventoryCountID\":3,\"itemID\":12,\"qty\":75,\"employeeID\":2}");
    RecordedRequest reconcile = server.takeRequest();
    assertThat(reconcile.getTarget()).isEqualTo("/API/V3/Account/7/InventoryCountReconcile.json");
    assertThat(reconcile.getBody().utf8()).isEqualTo("{\"inventoryCountID\":3}");
  }

  @Test
  void invalidWritesFailBeforeAnyRequest() {
    assertThatThrownBy(() -> NewSale.builder().shopId(1).registerId(0).employeeId(3).build())
        .hasMessageContaining("registerId");
    assertThatThrownBy(() -> OrderUpdate.builder().build()).hasMessageContaining("at least one field");
    assertThatThrownBy(() -> NewOrderLine.builder().orderId(1).itemId(2).quantity(BigDecimal.ZERO).build())
        .hasMessageContaining("quantity must be positive");
    try (RetailClient c = client()) {
      assertThatThrownBy(() -> c.setReorderLevels(1, new BigDecimal("-1"), BigDecimal.ONE))
          .hasMessageContaining("reorderPoint cannot be negative");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void plainHttpIsRefusedExceptToLoopback() {
    assertThatThrownBy(() -> RetailClient.builder().accountId(1).baseUrl("http://api.example.com/").accessToken("t").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only to loopback");
    assertThatThrownBy(() -> RetailClient.builder().baseUrl("https://api.example.com/").accessToken("t").build())
        .hasMessageContaining("accountId");
    assertThatThrownBy(() -> RetailClient.builder().accountId(1).build()).hasMessageContaining("credentials are required");
    RetailClient.builder().accountId(1).baseUrl("http://127.0.0.1:1/").accessToken("t").build().close();
    RetailClient.builder().accountId(1).baseUrl("http://localhost:1/").accessToken("t").build().close();
  }
}
