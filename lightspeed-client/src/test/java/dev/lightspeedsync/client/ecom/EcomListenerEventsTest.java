package dev.lightspeedsync.client.ecom;

import static dev.lightspeedsync.client.ecom.EcomJsonBodies.KEY;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.RecordingListener;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Listener events carry the client's request id, the server's (X-Request-Id) and the tightest window. */
class EcomListenerEventsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  private static MockResponse answer(int code, String requestId, String remaining) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", requestId).addHeader("X-RateLimit-Limit", "300/3000/12000")
        .addHeader("X-RateLimit-Remaining", remaining).addHeader("X-RateLimit-Reset", "60/1800/20000")
        .body(code == 200 ? "{\"variant\":" + EcomJsonBodies.variant(1) + "}" : EcomJsonBodies.error(code, "busy"))
        .build();
  }

  @Test
  void eventsCarryRequestIdsAndTheTightestWindow() {
    server.enqueue(answer(503, "req-a", "290/2990/600"));
    server.enqueue(answer(200, "req-b", "289/2989/599"));
    RecordingListener listener = new RecordingListener();
    RecordingListener.OldForm old = new RecordingListener.OldForm();
    try (EcomClient c = EcomClient.builder().baseUrl(server.url("/").toString()).language("nl")
        .credentials(KEY, SECRET).clock(time).sleeper(time).listener(RecordingListener.both(listener, old)).build()) {
      c.variants().get(1);
    }
    String get = "GET /nl/variants/1.json";
    // 600 of 12,000 left a day is a smaller share than 290 of 300 in five minutes
    assertThat(listener.events).hasSize(3);
    assertThat(listener.events.get(0)).isEqualTo("response 503 #1/1 " + get + " server=req-a limit=ECOM:600/12000");
    assertThat(listener.events.get(1)).isEqualTo("retry ServerException #1/1 " + get
        + " server=req-a limit=ECOM:600/12000");
    assertThat(listener.events.get(2)).isEqualTo("response 200 #1/2 " + get + " server=req-b limit=ECOM:599/12000");
    assertThat(old.events).containsExactly("response 503 " + get, "retry 1 " + get, "response 200 " + get);
  }
}
