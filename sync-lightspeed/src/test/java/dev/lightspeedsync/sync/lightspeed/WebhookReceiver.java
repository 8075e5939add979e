package dev.lightspeedsync.sync.lightspeed;

import com.sun.net.httpserver.HttpServer;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.ecom.WebhookDelivery;
import dev.lightspeedsync.client.ecom.write.WebhookSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Test helper: a loopback endpoint (the JDK's HTTP server) that collects eCom webhook deliveries. */
public final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final BlockingQueue<WebhookDelivery> deliveries = new LinkedBlockingQueue<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts the endpoint and subscribes it to every event of the groups given. */
  public static WebhookReceiver subscribe(EcomClient client, String... groups) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookReceiver receiver = new WebhookReceiver(http);
    http.createContext("/lightspeed", ex -> {
      Map<String, String> headers = new HashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      String body;
      try (InputStream in = ex.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      receiver.deliveries.add(WebhookDelivery.parse(headers, body));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    http.start();
    String address = "http://127.0.0.1:" + http.getAddress().getPort() + "/lightspeed";
    for (String group : groups) {
      client.createWebhook(WebhookSettings.builder().itemGroup(group).itemAction("*").address(address).build());
    }
    return receiver;
  }

  /** Forgets what arrived so far. */
  public void clear() {
    deliveries.clear();
  }

  /** What arrived, oldest first, waiting briefly for deliveries in flight. */
  public List<WebhookDelivery> drain() throws InterruptedException {
    List<WebhookDelivery> out = new ArrayList<>();
    WebhookDelivery d;
    while ((d = deliveries.poll(200, TimeUnit.MILLISECONDS)) != null) {
      out.add(d);
    }
    return out;
  }

  /** The longest a test waits for the testkit to deliver. */
  public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

  @Override
  public void close() {
    server.stop(0);
  }
}
