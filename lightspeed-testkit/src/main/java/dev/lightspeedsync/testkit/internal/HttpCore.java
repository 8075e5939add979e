package dev.lightspeedsync.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.TimeSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The loopback HTTP server: routes {@code /auth/oauth/*} and {@code /API/*} (R-Series),
 * {@code /{lang}/*} (eCom) and {@code /api/*}, {@code /connect} (X-Series), injects faults, stamps {@code Cf-Ray} and records statistics.
 */
public final class HttpCore implements AutoCloseable {
  private static final Pattern ECOM = Pattern.compile("^/[A-Za-z]{2}(/.*)?$");

  static {
    // Headers and body are separate writes; without TCP_NODELAY, Nagle plus delayed ACKs add ~40 ms
    // to every exchange. The JDK server reads this once, when its configuration class loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final OAuthApi oauthApi;
  private final RetailApi retailApi;
  private final Function<Req, Resp> ecomApi;
  private final Function<Req, Resp> xseriesApi;
  private final FaultInjector faults;
  private final RequestStats stats;
  private final TimeSource clock;
  private final AtomicLong rays = new AtomicLong();

  public HttpCore(int port, OAuthApi oauthApi, RetailApi retailApi, Function<Req, Resp> ecomApi,
      Function<Req, Resp> xseriesApi, FaultInjector faults, RequestStats stats, TimeSource clock) throws IOException {
    this.oauthApi = oauthApi;
    this.xseriesApi = xseriesApi;
    this.retailApi = retailApi;
    this.ecomApi = ecomApi;
    this.faults = faults;
    this.stats = stats;
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "lightspeed-testkit-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      String host = ex.getRequestHeaders().getFirst("Host");
      String origin = "http://" + (host != null ? host : "127.0.0.1:" + port());
      String path = ex.getRequestURI().getRawPath();
      String decodedPath = ex.getRequestURI().getPath();
      Req req;
      String api;
      Resp resp;
      String ray = String.format("%016x-TKT", Hashing.mix(rays.incrementAndGet()) & 0x7fffffffffffffffL);
      try {
        req = new Req(ex.getRequestMethod(), decodedPath, ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body,
            origin);
      } catch (ApiException e) {
        send(ex, RetailApi.error(400, e.getMessage()).header("Cf-Ray", ray), false);
        return;
      }
      Function<Req, Resp> handler;
      if (path.startsWith("/auth/oauth/")) {
        api = "oauth";
        handler = oauthApi::handle;
      } else if (xseriesApi != null && XApi.handles(path)) {
        api = XApi.isAuthPath(path) ? "xseries-auth" : "xseries";
        handler = xseriesApi;
      } else if (path.startsWith("/API/")) {
        api = "retail";
        handler = retailApi::handle;
      } else if (ecomApi != null && ECOM.matcher(path).matches()) {
        api = "ecom";
        handler = ecomApi;
      } else {
        api = "none";
        handler = r -> {
          Resp nf = RetailApi.error(404, "Unknown path " + r.path);
          nf.endpoint = r.method + " (unknown)";
          return nf;
        };
      }
      Fault fault = api.equals("oauth") || api.equals("none") || api.equals("xseries-auth") ? null : faults.decide(req.method + " " + path);
      String faultKey = endpointKey(api, req);
      if (fault == Fault.DROP_CONNECTION) {
        stats.record(api, faultKey, req.method, path, 0, false, fault.name(), clock.now().toEpochMilli());
        // Closing the exchange before any response headers are sent closes the connection.
        return;
      }
      if (fault == Fault.SERVER_ERROR) {
        int status = faults.serverErrorStatus(path);
        resp = errorFor(api, status);
        resp.endpoint = faultKey;
      } else {
        if (fault == Fault.LATENCY) {
          try {
            Thread.sleep(faults.plan().latency().toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        resp = handler.apply(req);
        if (fault == Fault.APPLY_THEN_500) {
          String endpoint = resp.endpoint;
          resp = errorFor(api, 500);
          resp.endpoint = endpoint;
        }
      }
      resp.header("Cf-Ray", ray);
      stats.record(api, resp.endpoint == null ? req.method + " " + path : resp.endpoint, req.method,
          path + (req.rawQuery == null ? "" : "?" + req.rawQuery), resp.status, resp.rateLimited,
          fault == null ? null : fault.name(), clock.now().toEpochMilli());
      send(ex, resp, fault == Fault.TRUNCATED_BODY);
    } catch (RuntimeException e) {
      // a bug in the testkit: answer 500 rather than hanging the client
      Resp r = RetailApi.error(500, "testkit internal error: " + e);
      try {
        send(ex, r, false);
      } catch (IOException | RuntimeException ignored) {
        // connection already gone
      }
    }
  }

  private String endpointKey(String api, Req req) {
    switch (api) {
      case "retail":
        return RetailApi.endpointKey(req);
      case "ecom":
        return EcomApi.endpointKey(req);
      case "xseries":
      case "xseries-auth":
        return XApi.endpointKey(req);
      default:
        return req.method + " " + req.path;
    }
  }

  private static Resp errorFor(String api, int status) {
    if (api.equals("ecom")) {
      return EcomErrors.error(status, "GET", "", RetailApi.reason(status));
    }
    if (api.startsWith("xseries")) {
      return XApi.error(status, RetailApi.reason(status));
    }
    return RetailApi.error(status, RetailApi.reason(status));
  }

  private static void send(HttpExchange ex, Resp resp, boolean truncate) throws IOException {
    for (Map.Entry<String, String> h : resp.headers.entrySet()) {
      ex.getResponseHeaders().set(h.getKey(), h.getValue());
    }
    byte[] b = resp.body;
    ex.sendResponseHeaders(resp.status, b.length == 0 ? -1 : b.length);
    if (b.length == 0) {
      return;
    }
    OutputStream out = ex.getResponseBody();
    if (truncate) {
      out.write(b, 0, b.length / 2);
      out.flush();
      // Returning without writing the rest: closing the exchange then fails with "insufficient
      // bytes written", on which the JDK server closes the connection mid-body.
      return;
    }
    out.write(b);
  }
}
