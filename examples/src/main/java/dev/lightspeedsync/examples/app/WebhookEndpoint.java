package dev.lightspeedsync.examples.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lightspeedsync.client.ecom.WebhookDelivery;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.error.RateLimitedException;
import dev.lightspeedsync.sync.engine.StreamReport;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncRunException;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.spi.SyncSinkException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The HTTP side of {@code webhooks}: one eCom delivery per POST, on the JDK's HTTP server. Each
 * delivery's {@code X-Signature} is checked against the API secret on the bytes received, before
 * any of them is decoded (an unsigned body is never parsed); then it is parsed and applied (the
 * connector reads what changed, the engine stores it); the answer is {@code 200} only once the
 * database has committed it, so that Lightspeed sends it again otherwise:
 *
 * <ul>
 *   <li>{@code 200}: applied (also for a replay, which stores the same rows again);
 *   <li>{@code 401}: no signature, or one that does not match: nothing is parsed, read or stored;
 *   <li>{@code 400}: signed, but not an eCom delivery (no {@code X-Event} or {@code X-Shop-Id}), or a body that
 *       cannot be read as the record it announces;
 *   <li>{@code 404}/{@code 405}/{@code 413}: another path, another method, a body over 10 MiB;
 *   <li>{@code 503} with {@code Retry-After}: a sync of the account holds the run lock, Lightspeed
 *       could not be read, or the app is stopping: send again later;
 *   <li>{@code 500}: the database failed.
 * </ul>
 *
 * <p>Log lines name the event, the record id and the caller's address, never the secret, the
 * signature or the body. Runs its handler on the server's executor; the counters are thread-safe.
 */
final class WebhookEndpoint implements HttpHandler {
  /** Largest body read: an order with a few thousand lines fits well within it. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
  /** Seconds a caller is asked to wait before sending a delivery again ({@code Retry-After}). */
  static final int RETRY_AFTER_SECONDS = 60;

  private final String path;
  private final String apiSecret;
  private final Function<WebhookDelivery, Applied> apply;

  /** What one delivery stored, and the requests it took to read what changed. */
  record Applied(SyncReport report, long requests) {}
  private final PrintStream out;
  private final PrintStream err;
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean stopping;

  /**
   * @param path the only path served (e.g. {@code /lightspeed-sync/webhooks})
   * @param apiSecret the shop's API secret, the key of {@code X-Signature}
   * @param apply stores what a verified delivery changed; returns when it is committed
   */
  WebhookEndpoint(String path, String apiSecret, Function<WebhookDelivery, Applied> apply, PrintStream out,
      PrintStream err) {
    this.path = Objects.requireNonNull(path, "path == null");
    this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret == null");
    this.apply = Objects.requireNonNull(apply, "apply == null");
    this.out = out;
    this.err = err;
  }

  /** From now on every delivery is answered 503 (the app is stopping; Lightspeed sends it again). */
  void stopping() {
    stopping = true;
  }

  long applied() {
    return applied.get();
  }

  long refused() {
    return refused.get();
  }

  long failed() {
    return failed.get();
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      respond(ex);
    } finally {
      ex.close();
    }
  }

  private void respond(HttpExchange ex) throws IOException {
    String from = ex.getRemoteAddress() == null ? "?" : ex.getRemoteAddress().getAddress().getHostAddress();
    if (!ex.getRequestURI().getRawPath().equals(path)) {
      send(ex, 404, "not found: deliveries go to " + path);
      return;
    }
    if (!ex.getRequestMethod().equals("POST")) {
      ex.getResponseHeaders().set("Allow", "POST");
      send(ex, 405, "only POST");
      return;
    }
    byte[] raw;
    try (InputStream in = ex.getRequestBody()) {
      raw = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (raw.length > MAX_BODY_BYTES) {
      refuse(ex, 413, "a body over " + (MAX_BODY_BYTES >> 20) + " MiB", "?", from);
      return;
    }
    Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    ex.getRequestHeaders().forEach((name, values) -> {
      if (name != null && !values.isEmpty()) {
        headers.put(name, values.get(0));
      }
    });
    String claimed = headers.get("X-Event");
    String announced = claimed != null && claimed.matches("[a-z_]{1,40}/([a-z_]{1,40}|\\*)") ? claimed : "?";
    if (!WebhookDelivery.signatureMatches(headers, raw, apiSecret)) {
      // Checked on the bytes received, before any of them is decoded: an unsigned body is never parsed.
      boolean missing = headers.get("X-Signature") == null;
      refuse(ex, 401, missing ? "no X-Signature" : "X-Signature does not match md5(body + API secret)", announced, from);
      return;
    }
    WebhookDelivery delivery;
    try {
      delivery = WebhookDelivery.parse(headers, new String(raw, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      refuse(ex, 400, LightspeedSyncApp.oneLine(e.getMessage()), "?", from);
      return;
    } catch (DecodingException e) {
      refuse(ex, 400, "the body is not the record it announces", announced, from);
      return;
    }
    String event = delivery.event() + delivery.resourceId().map(id -> " #" + id).orElse("");
    if (stopping) {
      retryLater(ex, event, "the app is stopping");
      return;
    }
    Applied report;
    try {
      report = apply.apply(delivery);
    } catch (SyncRunException e) {
      if (e.reason() == SyncRunException.Reason.ALREADY_RUNNING) {
        retryLater(ex, event, "a sync of the account is running");
      } else {
        fail(ex, 500, event, e);
      }
      return;
    } catch (RateLimitedException e) {
      retryLater(ex, event, "Lightspeed's rate limit is reached");
      return;
    } catch (LightspeedException e) {
      retryLater(ex, event, LightspeedSyncApp.message(e));
      return;
    } catch (SyncSinkException e) {
      fail(ex, 500, event, e);
      return;
    } catch (RuntimeException e) {
      if (stopping || GracefulShutdown.requested()) {
        retryLater(ex, event, "the app is stopping");
      } else {
        fail(ex, 500, event, e);
      }
      return;
    }
    applied.incrementAndGet();
    out.println("applied " + event + ": " + describe(report));
    send(ex, 200, "applied");
  }

  /**
   * {@code stored catalogue 1, stock 1 (2 requests)}, or {@code nothing to store} (an event this app
   * does not use), with the requests sent to read what changed.
   */
  static String describe(Applied applied) {
    StringBuilder b = new StringBuilder();
    for (SyncStream s : List.of(SyncStream.CATALOGUE, SyncStream.STOCK, SyncStream.SALES, SyncStream.ORDER_IMPORT)) {
      long stored = applied.report().stream(s).map(StreamReport::stored).orElse(0L);
      if (stored > 0) {
        b.append(b.length() == 0 ? "stored " : ", ").append(s.name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .append(' ').append(stored);
      }
    }
    long requests = applied.requests() + applied.report().requests();
    return (b.length() == 0 ? "nothing to store" : b.toString()) + " (" + requests
        + (requests == 1 ? " request)" : " requests)");
  }

  private void refuse(HttpExchange ex, int status, String why, String event, String from) throws IOException {
    refused.incrementAndGet();
    err.println("refused " + event + " from " + from + " (HTTP " + status + "): " + why + "; nothing stored");
    send(ex, status, "refused: " + why);
  }

  private void retryLater(HttpExchange ex, String event, String why) throws IOException {
    failed.incrementAndGet();
    err.println("not applied " + event + " (HTTP 503, Lightspeed sends it again): " + LightspeedSyncApp.oneLine(why));
    ex.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    send(ex, 503, "not applied, retry later");
  }

  private void fail(HttpExchange ex, int status, String event, RuntimeException e) throws IOException {
    failed.incrementAndGet();
    err.println("not applied " + event + " (HTTP " + status + "): " + LightspeedSyncApp.message(e));
    send(ex, status, "not applied");
  }

  private static void send(HttpExchange ex, int status, String text) throws IOException {
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(body);
    }
  }
}
