package dev.lightspeedsync.client.ecom;

import static dev.lightspeedsync.client.ecom.EcomJsonBodies.KEY;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.SECRET;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.variant;
import static dev.lightspeedsync.client.ecom.EcomJsonBodies.variants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.IdleClosingServer;
import dev.lightspeedsync.client.IdleClosingServer.Answer;
import dev.lightspeedsync.client.RequestEvent;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The x5 benchmark abort, reproduced hermetically: the client waits out a spent hour window (34
 * minutes of fake time, no real sleep) while the server closes its idle connections, as every
 * server does after its idle timeout; the next request must neither fail on the dead pooled
 * connection nor be denied its retry because the pause used up the retry budget. Writes stay
 * exactly-once: a write the server may have received is never resent.
 */
class EcomStaleConnectionTest {
  /** The hour window at its reserve: the client pauses 2,064 s (reset + 1 s) before the next request. */
  static final List<String> HOUR_SPENT = List.of("X-RateLimit-Limit: 300/3000/12000",
      "X-RateLimit-Remaining: 299/30/11999", "X-RateLimit-Reset: 263/2063/23663");
  static final List<String> ROOM = List.of("X-RateLimit-Limit: 300/3000/12000",
      "X-RateLimit-Remaining: 299/2999/11999", "X-RateLimit-Reset: 263/2063/23663");

  final FakeTime time = new FakeTime();
  final AtomicInteger connectionFailures = new AtomicInteger();
  IdleClosingServer server;
  EcomClient client;

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  /** A client whose sleeper lets the server's idle timeout strike during every pause of a second or more. */
  EcomClient client(Function<String, Answer> responder) throws Exception {
    server = new IdleClosingServer(responder);
    Sleeper pausesCloseIdleConnections = d -> {
      time.sleep(d);
      if (d.compareTo(Duration.ofSeconds(1)) >= 0) {
        server.closeIdleConnections();
      }
    };
    client = EcomClient.builder().baseUrl(server.baseUrl()).language("nl").credentials(KEY, SECRET)
        .clock(time).sleeper(pausesCloseIdleConnections)
        .retry(RetryConfig.defaults().withMaxWait(Duration.ofHours(2)))
        .listener(new ClientListener() {
          @Override
          public void onConnectionFailure(RequestEvent request, Exception cause) {
            connectionFailures.incrementAndGet();
          }
        })
        .build();
    return client;
  }

  @Test
  void aReadAfterWaitingOutTheHourWindowIsAnsweredOnAFreshConnection() throws Exception {
    AtomicInteger n = new AtomicInteger();
    client(req -> new Answer(n.incrementAndGet() == 1 ? HOUR_SPENT : ROOM, variants(n.get(), 1)));

    client.variants().list().firstPage();
    assertThat(client.variants().list().firstPage().items()).hasSize(1);

    assertThat(time.sleeps).contains(Duration.ofSeconds(2064));
    assertThat(server.requests).hasSize(2);
    assertThat(connectionFailures).as("no attempt went to the connection the server had closed").hasValue(0);
    assertThat(server.connections).hasValue(2);
  }

  @Test
  void aWriteAfterWaitingOutTheHourWindowIsSentOnceOnAFreshConnection() throws Exception {
    AtomicInteger n = new AtomicInteger();
    client(req -> new Answer(n.incrementAndGet() == 1 ? HOUR_SPENT : ROOM,
        req.startsWith("PUT") ? "{\"variant\":" + variant(7) + "}" : variants(1, 1)));

    client.variants().list().firstPage();
    client.setVariantStockLevel(7, 12);

    assertThat(server.requests).hasSize(2);
    assertThat(server.requests.get(1)).startsWith("PUT /nl/variants/7.json");
    assertThat(connectionFailures).hasValue(0);
  }

  @Test
  void aReadDroppedAfterALongPauseIsStillRetried() throws Exception {
    // the pause is longer than RetryConfig.maxRetryDuration (5 minutes): waiting for the rate limit
    // is not retrying, so the dropped read keeps its retries
    AtomicInteger n = new AtomicInteger();
    client(req -> {
      int i = n.incrementAndGet();
      return i == 2 ? null : new Answer(i == 1 ? HOUR_SPENT : ROOM, variants(i, 1));
    });

    client.variants().list().firstPage();
    assertThat(client.variants().list().firstPage().items()).hasSize(1);

    assertThat(server.requests).hasSize(3);
    assertThat(connectionFailures).hasValue(1);
  }

  @Test
  void aWriteDroppedAfterTheServerReadItIsNotResent() throws Exception {
    AtomicInteger n = new AtomicInteger();
    client(req -> n.incrementAndGet() == 1 ? new Answer(HOUR_SPENT, variants(1, 1)) : null);

    client.variants().list().firstPage();
    assertThatThrownBy(() -> client.setVariantStockLevel(7, 12))
        .isInstanceOfSatisfying(LightspeedConnectionException.class,
            e -> assertThat(e.requestMayHaveBeenApplied()).isTrue());

    assertThat(server.requests).hasSize(2);
    assertThat(server.requests.get(1)).startsWith("PUT /nl/variants/7.json");
  }

  @Test
  void aReadOnAConnectionTheServerClosedWithoutAPauseIsRetried() throws Exception {
    AtomicInteger n = new AtomicInteger();
    client(req -> new Answer(ROOM, variants(n.incrementAndGet(), 1)));

    client.variants().list().firstPage();
    server.closeIdleConnections(); // the server's idle timeout, shorter than any pause of ours
    assertThat(client.variants().list().firstPage().items()).hasSize(1);

    assertThat(server.requests).as("connections %s, failures %s, sleeps %s", server.connections, connectionFailures,
        time.sleeps).hasSize(2);
    assertThat(connectionFailures).as("the dead pooled connection, then a fresh one").hasValueLessThanOrEqualTo(1);
  }

  @Test
  void aWriteThatCouldNotBeSentOnAResetPooledConnectionIsSentOnceOnAFreshOne() throws Exception {
    client(req -> new Answer(ROOM, req.startsWith("PUT") ? "{\"variant\":" + variant(7) + "}" : variants(1, 1)));

    client.variants().list().firstPage();
    server.resetIdleConnections(); // no pause: the client still holds the connection in its pool
    client.setVariantStockLevel(7, 12);

    assertThat(server.requests).hasSize(2);
    assertThat(server.requests.get(1)).startsWith("PUT /nl/variants/7.json");
    assertThat(connectionFailures).as("the write on the reset connection, then a fresh one").hasValue(1);
    assertThat(server.connections).hasValue(2);
  }

  @Test
  void aWriteSentInFullOnAConnectionTheServerClosedIsNotResent() throws Exception {
    // the server closed quietly (FIN) and the request was written before the close was seen: the
    // client cannot know whether the server read it, so the write is not repeated
    client(req -> new Answer(ROOM, variants(1, 1)));

    client.variants().list().firstPage();
    server.closeIdleConnections();
    assertThatThrownBy(() -> client.setVariantStockLevel(7, 12))
        .isInstanceOfSatisfying(LightspeedConnectionException.class,
            e -> assertThat(e.requestMayHaveBeenApplied()).isTrue());
    assertThat(connectionFailures).hasValue(1);
  }

  @Test
  void aSharedClientsOwnEventListenerStillHearsEveryCall() throws Exception {
    server = new IdleClosingServer(req -> new Answer(ROOM, variants(1, 1)));
    AtomicInteger calls = new AtomicInteger();
    okhttp3.OkHttpClient shared = new okhttp3.OkHttpClient.Builder().eventListener(new okhttp3.EventListener() {
      @Override
      public void callStart(okhttp3.Call call) {
        calls.incrementAndGet();
      }
    }).build();
    client = EcomClient.builder().baseUrl(server.baseUrl()).language("nl").credentials(KEY, SECRET).clock(time)
        .sleeper(time).okHttpClient(shared).build();

    client.variants().list().firstPage();
    client.variants().list().firstPage();

    assertThat(calls).hasValue(2);
  }
}
