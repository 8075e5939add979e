package dev.lightspeedsync.client.xseries;

import static dev.lightspeedsync.client.xseries.XBodies.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.RecordingListener;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Listener events carry the client's request id, the server's and the 5-minute window's state. */
class XSeriesListenerEventsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  @Test
  void eventsCarryRequestIdsAndTheWindowState() {
    server.enqueue(new MockResponse.Builder().code(502).addHeader("X-Request-Id", "x-1")
        .addHeader("X-RateLimit-Limit", "650").addHeader("X-RateLimit-Remaining", "640").build());
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "x-2").addHeader("X-RateLimit-Limit", "650")
        .addHeader("X-RateLimit-Remaining", "639").body(XBodies.page(List.of(XBodies.product(1, 1)), 1L, 1L)).build());
    RecordingListener listener = new RecordingListener();
    RecordingListener.OldForm old = new RecordingListener.OldForm();
    try (XSeriesClient c = XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(TOKEN)
        .clock(time).sleeper(time).listener(RecordingListener.both(listener, old)).build()) {
      assertThat(c.products().list().firstPage().items()).hasSize(1);
    }
    String get = "GET /api/2.0/products";
    assertThat(listener.events).containsExactly(
        "response 502 #1/1 " + get + " server=x-1 limit=XSERIES:640/650",
        "retry ServerException #1/1 " + get + " server=x-1 limit=XSERIES:640/650",
        "response 200 #1/2 " + get + " server=x-2 limit=XSERIES:639/650");
    assertThat(old.events).containsExactly("response 502 " + get, "retry 1 " + get, "response 200 " + get);
  }
}
