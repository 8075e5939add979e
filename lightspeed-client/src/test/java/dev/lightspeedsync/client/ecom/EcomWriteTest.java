package dev.lightspeedsync.client.ecom;

import dev.lightspeedsync.client.FakeTime;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.KEY;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.SECRET;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.client.ecom.model.Webhook;
import dev.lightspeedsync.client.ecom.write.WebhookSettings;
import java.math.BigDecimal;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The writes the sync flows use: exact method, path and wrapped body. */
class EcomWriteTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  EcomClient client() {
    return EcomClient.builder().baseUrl(server.url("/").toString()).language("nl").credentials(KEY, SECRET)
        .clock(time).sleeper(time).build();
  }

  static final String WEBHOOK = "{\"webhook\":{\"id\":31,\"createdAt\":\"2026-11-23T10:00:00+00:00\",\"isActive\":true,"
      + "\"itemGroup\":\"orders\",\"itemAction\":\"updated\",\"format\":\"json\",\"address\":\"https://example.com/hook\","
      + "\"language\":{\"id\":1,\"code\":\"nl\",\"locale\":\"nl_NL\",\"title\":\"Nederlands\"}}}";

  @Test
  void setVariantStockLevel() throws Exception {
    server.enqueue(ok("{\"variant\":" + EcomJsonBodies.variant(7).replace("\"stockLevel\":7", "\"stockLevel\":42") + "}"));
    try (EcomClient client = client()) {
      Variant v = client.setVariantStockLevel(7, 42);
      assertThat(v.stockLevel()).contains(42L);
    }
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getTarget()).isEqualTo("/nl/variants/7.json");
    assertThat(put.getBody().utf8()).isEqualTo("{\"variant\":{\"stockLevel\":42}}");
    assertThat(put.getHeaders().get("Content-Type")).startsWith("application/json");
  }

  @Test
  void updateVariantCost() throws Exception {
    server.enqueue(ok("{\"variant\":" + EcomJsonBodies.variant(7) + "}"));
    try (EcomClient client = client()) {
      client.updateVariantCost(7, new BigDecimal("12.3450"));
      assertThatThrownBy(() -> client.updateVariantCost(7, new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.setVariantStockLevel(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
    RecordedRequest put = server.takeRequest();
    assertThat(put.getTarget()).isEqualTo("/nl/variants/7.json");
    assertThat(put.getBody().utf8()).isEqualTo("{\"variant\":{\"priceCost\":12.3450}}");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createUpdateListAndDeleteWebhooks() throws Exception {
    server.enqueue(ok(WEBHOOK));
    server.enqueue(ok(WEBHOOK.replace("\"isActive\":true", "\"isActive\":false")));
    server.enqueue(ok("{\"webhooks\":[" + WEBHOOK.substring("{\"webhook\":".length(), WEBHOOK.length() - 1) + "]}"));
    server.enqueue(new MockResponse.Builder().code(200).body("").build());
    WebhookSettings settings = WebhookSettings.builder().itemGroup("orders").itemAction("updated")
        .address("https://example.com/hook").build();
    try (EcomClient client = client()) {
      Webhook created = client.createWebhook(settings);
      assertThat(created.id()).isEqualTo(31);
      assertThat(created.address()).contains("https://example.com/hook");
      assertThat(created.language()).hasValueSatisfying(l -> assertThat(l.code()).contains("nl"));
      Webhook updated = client.updateWebhook(31, WebhookSettings.builder().from(settings).active(false).build());
      assertThat(updated.active()).contains(false);
      List<Webhook> all = client.webhooks().list().stream().collect(java.util.stream.Collectors.toList());
      assertThat(all).extracting(Webhook::id).containsExactly(31L);
      client.deleteWebhook(31);
    }
    RecordedRequest post = server.takeRequest();
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getTarget()).isEqualTo("/nl/webhooks.json");
    assertThat(post.getBody().utf8()).isEqualTo("{\"webhook\":{\"isActive\":true,\"itemGroup\":\"orders\","
        + "\"itemAction\":\"updated\",\"format\":\"json\",\"address\":\"https://example.com/hook\"}}");
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getTarget()).isEqualTo("/nl/webhooks/31.json");
    assertThat(put.getBody().utf8()).contains("\"isActive\":false");
    server.takeRequest();
    RecordedRequest delete = server.takeRequest();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getTarget()).isEqualTo("/nl/webhooks/31.json");
  }

  @Test
  void webhookSettingsAreValidated() {
    assertThatThrownBy(() -> WebhookSettings.builder().itemGroup("Orders").itemAction("updated")
        .address("https://x").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookSettings.builder().itemGroup("orders").itemAction("updated")
        .address("ftp://x").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookSettings.builder().itemGroup("orders").itemAction("updated").format("csv")
        .address("https://x").build()).isInstanceOf(IllegalArgumentException.class);
    assertThat(WebhookSettings.builder().itemGroup("orders").itemAction("*").address("https://x").build().format())
        .isEqualTo("json");
  }
}
