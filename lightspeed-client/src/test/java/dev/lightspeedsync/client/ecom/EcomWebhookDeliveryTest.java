package dev.lightspeedsync.client.ecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ecom.model.Order;
import dev.lightspeedsync.client.ecom.model.OrderStatus;
import dev.lightspeedsync.client.ecom.model.PaymentStatus;
import dev.lightspeedsync.client.ecom.model.StockTracking;
import dev.lightspeedsync.client.error.DecodingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing the calls Lightspeed makes to a webhook address. */
class EcomWebhookDeliveryTest {
  static final String ORDER_BODY = "{\"order\":{\"id\":55,\"number\":\"ORD00018\",\"status\":\"completed_shipped\","
      + "\"paymentStatus\":\"paid\",\"shipmentStatus\":\"shipped\",\"priceIncl\":42.5,\"customer\":{\"resource\":{\"id\":9,"
      + "\"url\":\"customers/9\",\"link\":\"https://api.webshopapp.com/nl/customers/9.json\",\"embedded\":{\"customer\":"
      + "{\"id\":9,\"email\":\"a@example.com\"}}}},\"products\":{\"resource\":{\"id\":false,\"url\":\"orders/55/products\","
      + "\"link\":\"https://api.webshopapp.com/nl/orders/55/products.json\",\"embedded\":[{\"id\":900}]}}}}";

  static Map<String, String> headers(String event) {
    return Map.of("x-shop-id", "123456", "X-Cluster-Id", "eu1", "X-Event", event, "X-Language", "nl", "X-Format", "json");
  }

  @Test
  void anOrderUpdate() {
    WebhookDelivery d = WebhookDelivery.parse(headers("orders/updated"), ORDER_BODY);
    assertThat(d.shopId()).isEqualTo(123456);
    assertThat(d.cluster()).contains(EcomCluster.EU1);
    assertThat(d.clusterId()).contains("eu1");
    assertThat(d.event()).isEqualTo("orders/updated");
    assertThat(d.itemGroup()).isEqualTo("orders");
    assertThat(d.itemAction()).isEqualTo("updated");
    assertThat(d.isDeletion()).isFalse();
    assertThat(d.language()).contains("nl");
    assertThat(d.resourceId()).contains(55L);
    assertThat(d.product()).isEmpty();
    Order o = d.order().orElseThrow();
    assertThat(o.status()).isEqualTo(OrderStatus.COMPLETED_SHIPPED);
    assertThat(o.paymentStatus()).isEqualTo(PaymentStatus.PAID);
    assertThat(o.priceIncl()).contains(new BigDecimal("42.5"));
    assertThat(o.customer()).hasValueSatisfying(c -> {
      assertThat(c.id()).contains(9L);
      assertThat(c.embeddedJson()).hasValueSatisfying(json -> assertThat(json).contains("a@example.com"));
    });
    assertThat(o.products()).hasValueSatisfying(p -> assertThat(p.embeddedJson()).contains("[{\"id\":900}]"));
    assertThat(d.toString()).contains("orders/updated").doesNotContain("a@example.com");
  }

  @Test
  void aVariantAndAProduct() {
    WebhookDelivery v = WebhookDelivery.parse(headers("variants/created"),
        "{\"variant\":" + EcomJsonBodies.variant(7) + "}");
    assertThat(v.variant()).hasValueSatisfying(x -> assertThat(x.stockTracking()).isEqualTo(StockTracking.INDICATOR));
    WebhookDelivery p = WebhookDelivery.parse(headers("products/updated"),
        "{\"product\":{\"id\":3,\"visibility\":\"hidden\",\"brand\":false}}");
    assertThat(p.product()).hasValueSatisfying(x -> assertThat(x.brand()).isEmpty());
  }

  @Test
  void otherGroupsDeletionsAndXmlKeepTheRawBody() {
    WebhookDelivery c = WebhookDelivery.parse(headers("customers/created"), "{\"customer\":{\"id\":9}}");
    assertThat(c.resourceId()).contains(9L);
    assertThat(c.order()).isEmpty();
    assertThat(c.body()).contains("\"customer\"");
    WebhookDelivery deleted = WebhookDelivery.parse(headers("products/deleted"), "");
    assertThat(deleted.isDeletion()).isTrue();
    assertThat(deleted.product()).isEmpty();
    WebhookDelivery xml = WebhookDelivery.parse(Map.of("X-Shop-Id", "1", "X-Event", "orders/created", "X-Format", "xml",
        "X-Cluster-Id", "xx9"), "<order><id>1</id></order>");
    assertThat(xml.order()).isEmpty();
    assertThat(xml.cluster()).isEmpty();
    assertThat(xml.clusterId()).contains("xx9");
  }

  @Test
  void requestsThatAreNotDeliveriesAreRefused() {
    assertThatThrownBy(() -> WebhookDelivery.parse(Map.of("X-Shop-Id", "1"), "{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Event is missing");
    assertThatThrownBy(() -> WebhookDelivery.parse(Map.of("X-Event", "orders/updated"), "{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Shop-Id is missing");
    assertThatThrownBy(() -> WebhookDelivery.parse(Map.of("X-Event", "orders", "X-Shop-Id", "1"), "{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itemGroup/itemAction");
    assertThatThrownBy(() -> WebhookDelivery.parse(headers("orders/updated"), "{not json"))
        .isInstanceOf(DecodingException.class);
    assertThatThrownBy(() -> WebhookDelivery.parse(headers("orders/updated"), "{\"order\":{\"number\":\"x\"}}"))
        .isInstanceOf(DecodingException.class).hasMessageContaining("could not be read as order");
  }

  @Test
  void signature() throws Exception {
    String secret = "app-secret";
    String sig = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
        .digest((ORDER_BODY + secret).getBytes(StandardCharsets.UTF_8)));
    Map<String, String> h = new java.util.HashMap<>(headers("orders/updated"));
    h.put("X-Signature", sig.toUpperCase(java.util.Locale.ROOT));
    WebhookDelivery d = WebhookDelivery.parse(h, ORDER_BODY);
    assertThat(d.signatureMatches(secret)).isTrue();
    assertThat(d.signatureMatches("other")).isFalse();
    assertThat(WebhookDelivery.parse(headers("orders/updated"), ORDER_BODY).signatureMatches(secret)).isFalse();
  }

  @Test
  void theSignatureIsCheckedOnTheBytesReceivedBeforeAnythingIsDecoded() throws Exception {
    String secret = "app-secret";
    // a body that is not UTF-8: decoding it first would change its bytes and so its digest
    byte[] raw = {'{', '"', 'x', '"', ':', '"', (byte) 0xE9, '"', '}'};
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    md5.update(raw);
    String sig = HexFormat.of().formatHex(md5.digest(secret.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> h = new java.util.HashMap<>(headers("orders/updated"));
    h.put("x-signature", sig);

    assertThat(WebhookDelivery.signatureMatches(h, raw, secret)).isTrue();
    assertThat(WebhookDelivery.signatureMatches(h, raw, "other")).isFalse();
    assertThat(WebhookDelivery.signatureMatches(h, new String(raw, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8),
        secret)).as("the same body after a UTF-8 round trip").isFalse();
    assertThat(WebhookDelivery.signatureMatches(headers("orders/updated"), raw, secret)).as("no X-Signature").isFalse();
    // not JSON, yet verifiable: nothing of the body is read
    byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
    md5.update(notJson);
    h.put("x-signature", HexFormat.of().formatHex(md5.digest(secret.getBytes(StandardCharsets.UTF_8))));
    assertThat(WebhookDelivery.signatureMatches(h, notJson, secret)).isTrue();
  }
}
