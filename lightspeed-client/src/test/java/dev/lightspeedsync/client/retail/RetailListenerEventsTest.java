package dev.lightspeedsync.client.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.RateLimitState;
import dev.lightspeedsync.client.RecordingListener;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Listener events carry the client's request id, the server's (Cf-Ray) and the bucket's state. */
class RetailListenerEventsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  @Test
  void eventsCarryRequestIdsAndTheBucketState() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Cf-Ray", "ray-1").addHeader("Retry-After", "2")
        .addHeader("X-LS-API-Bucket-Level", "91/90").addHeader("X-LS-API-Drip-Rate", "1").build());
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Cf-Ray", "ray-2")
        .addHeader("X-LS-API-Bucket-Level", "30/90").addHeader("X-LS-API-Drip-Rate", "1")
        .body("{\"Item\":" + Json.item(1) + "}").build());
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Cf-Ray", "ray-3")
        .addHeader("X-LS-API-Bucket-Level", "31.5/90").addHeader("X-LS-API-Drip-Rate", "1")
        .body("{\"Item\":" + Json.item(2) + "}").build());
    RecordingListener listener = new RecordingListener();
    RecordingListener.OldForm old = new RecordingListener.OldForm();
    try (RetailClient c = RetailClient.builder().accountId(1).baseUrl(server.url("/").toString()).accessToken("t")
        .clock(time).sleeper(time).listener(RecordingListener.both(listener, old)).build()) {
      c.items().get(1);
      c.items().get(2);
    }
    String item1 = "GET /API/V3/Account/1/Item/1.json";
    String item2 = "GET /API/V3/Account/1/Item/2.json";
    assertThat(listener.events).containsExactly(
        "response 429 #1/1 " + item1 + " server=ray-1 limit=RETAIL:0/90",
        "retry RateLimitedException #1/1 " + item1 + " server=ray-1 limit=RETAIL:0/90",
        "wait 2000ms #1/2 " + item1 + " server=- limit=RETAIL:0/90", // Retry-After: the account's pause
        "response 200 #1/2 " + item1 + " server=ray-2 limit=RETAIL:60/90",
        "wait 1000ms #2/1 " + item2 + " server=- limit=RETAIL:60/90", // the burst limiter after a 429
        "response 200 #2/1 " + item2 + " server=ray-3 limit=RETAIL:58.5/90");
    RateLimitState last = listener.requests.get(5).rateLimit().orElseThrow();
    assertThat(last.usedFraction()).isCloseTo(31.5 / 90, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(last.observedAt()).isAfterOrEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    // a listener written against the older form receives the same events
    assertThat(old.events).containsExactly("response 429 " + item1, "retry 1 " + item1, "wait 2000ms",
        "response 200 " + item1, "wait 1000ms", "response 200 " + item2);
  }
}
