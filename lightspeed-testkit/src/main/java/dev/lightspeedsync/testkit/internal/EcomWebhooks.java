package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers eCom webhooks: when a product, variant, order or shipment changes, every active webhook
 * of its item group and action (or {@code *}) gets an HTTP POST of the record in its singular
 * envelope, rendered in the webhook's language, with the headers {@code X-Shop-Id},
 * {@code X-Cluster-Id}, {@code X-Event}, {@code X-Format}, {@code X-Language}, {@code X-Request-Id}
 * and {@code X-Signature = md5(raw body + API secret)}. Only loopback addresses are called; others
 * are counted as skipped. One delivery at a time, in event order, no retries.
 */
public final class EcomWebhooks implements AutoCloseable {
  /** Renders a stored record as the API would: (resource, record, language, origin). */
  public interface Renderer {
    ObjectNode render(String resource, ObjectNode record, String language, String origin);
  }

  private final EcomStore store;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "testkit-ecom-webhooks");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong requestIds = new AtomicLong();
  private volatile Renderer renderer;
  private volatile String origin = "http://127.0.0.1";

  public EcomWebhooks(EcomStore store) {
    this.store = store;
  }

  public void renderer(Renderer renderer) {
    this.renderer = renderer;
  }

  public void origin(String origin) {
    this.origin = origin;
  }

  /** Queues the deliveries of one event; call with the record as it is after (or, deleted, before) the change. */
  public void fire(String group, String action, ObjectNode record) {
    Renderer r = renderer;
    if (r == null) {
      return;
    }
    List<Runnable> calls = new ArrayList<>();
    for (Iterator<ObjectNode> it = store.webhook.iterate(0, n -> true); it.hasNext();) {
      ObjectNode hook = it.next();
      String g = hook.path("itemGroup").asText();
      String a = hook.path("itemAction").asText();
      if (!hook.path("isActive").asBoolean(true) || !g.equals(group) || !(a.equals(action) || a.equals("*"))) {
        continue;
      }
      String address = hook.path("address").asText();
      if (!isLoopback(address)) {
        skipped.incrementAndGet();
        continue;
      }
      String lang = hook.path("language").path("code").asText("en");
      ObjectNode body = Json.obj();
      body.set(EcomApi.singular(group), r.render(group, record, lang, origin));
      String json = Json.write(body);
      String format = hook.path("format").asText("json");
      long shopId = store.shopId;
      String requestId = "testkit-" + requestIds.incrementAndGet();
      calls.add(() -> post(address, json, group + "/" + action, lang, format, shopId, requestId));
    }
    for (Runnable c : calls) {
      executor.execute(c);
    }
  }

  private void post(String address, String json, String event, String lang, String format, long shopId,
      String requestId) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(address))
          .timeout(Duration.ofSeconds(5))
          .header("Content-Type", "application/json")
          .header("X-Shop-Id", Long.toString(shopId))
          .header("X-Cluster-Id", "eu1")
          .header("X-Event", event)
          .header("X-Format", format)
          .header("X-Language", lang)
          .header("X-Request-Id", requestId)
          .header("X-Signature", md5(json + store.apiSecret))
          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
          .build();
      HttpResponse<Void> resp = http.send(req, HttpResponse.BodyHandlers.discarding());
      if (resp.statusCode() / 100 == 2) {
        delivered.incrementAndGet();
      } else {
        failed.incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed.incrementAndGet();
    } catch (Exception e) {
      failed.incrementAndGet();
    }
  }

  static String md5(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the address is http(s) to a loopback IP literal or {@code localhost} (no DNS is asked). */
  public static boolean isLoopback(String address) {
    URI uri;
    try {
      uri = URI.create(address);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String host = uri.getHost();
    if (host == null || uri.getScheme() == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.equals("localhost")) {
      return true;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (!host.matches("[0-9.]+|[0-9a-f:]+")) {
      return false; // a name other than localhost: never resolved
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Waits until every delivery queued before this call has been made (or failed). */
  public void await(Duration timeout) {
    try {
      executor.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for webhook deliveries", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("webhook deliveries did not finish within " + timeout, e);
    }
  }

  public long delivered() {
    return delivered.get();
  }

  public long failed() {
    return failed.get();
  }

  public long skipped() {
    return skipped.get();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
