package dev.lightspeedsync.examples.bench;

import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.RateLimitPolicy;
import dev.lightspeedsync.sync.engine.StreamReport;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncRequest;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomConnector;
import dev.lightspeedsync.sync.rules.EcomOrderMode;
import dev.lightspeedsync.sync.rules.SalesSelectionConfig;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.Inspection;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The eCom sync benchmark of BENCHMARKS.md (issue 12): a full sync ({@link SyncRequest#all()}, as the
 * app runs it: suppliers, products, variants, orders with their lines) through {@link SyncEngine}
 * and {@link EcomConnector} against an in-process testkit at the real limits (300 requests per 5
 * minutes, 3,000 per hour, 12,000 per day, 20 per second) into the JDBC sink on an H2 file. The
 * engine waits for rate-limit windows ({@link RateLimitPolicy#WAIT}, the app's default) on the
 * testkit's clock, as the app does.
 *
 * <pre>
 * java -Xmx256m -cp CLASSPATH dev.lightspeedsync.examples.bench.EcomSyncBenchmark \
 *     [products=40000] [variants=66000] [orders=3000] [scale=20] [maxWait=PT1M30S]
 * </pre>
 *
 * <p>{@code maxWait} is the client's {@link RetryConfig#maxWait()} (default: the client's own, 90 s);
 * a longer wait makes the client throw, and the engine then waits and reads the page again.
 *
 * <p>Floor: the earliest API second at which the windows and the per-second cap let the last of the
 * distinct requests of the run be sent ({@link Floors#ecomSeconds}). Repeats: requests to a URL
 * already answered, from the testkit's request log. Not part of the test run; the last line printed
 * is the run's summary.
 */
public final class EcomSyncBenchmark {
  private EcomSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    long products = 40_000;
    long variants = 66_000;
    long orders = 3_000;
    double scale = 20;
    Duration maxWait = null;
    for (String a : args) {
      String[] kv = a.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("arguments are key=value: " + a);
      }
      switch (kv[0]) {
        case "products" -> products = Long.parseLong(kv[1]);
        case "variants" -> variants = Long.parseLong(kv[1]);
        case "orders" -> orders = Long.parseLong(kv[1]);
        case "scale" -> scale = Double.parseDouble(kv[1]);
        case "maxWait" -> maxWait = Duration.parse(kv[1]);
        default -> throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    TestkitConfig config = TestkitConfig.builder().seed(7).shops(1).items(0).sales(0).orders(0).products(products)
        .ecomVariants(variants).ecomOrders(orders).timeSource(TimeSource.scaled(scale)).build();
    int[] limits = config.ecomLimits();
    int perSecond = config.ecomPerSecond();
    SyncMetrics metrics = new SyncMetrics();
    SyncReport report;
    double api;
    double wall;
    double heapPeak;
    double heapBaseline;
    long logged;
    long serverRateLimited;
    long productRows;
    long variantRows;
    long orderRows;
    List<Inspection.Request> log;
    try (TempDir dir = TempDir.create("lightspeed-bench-ecom");
        LightspeedTestServer server = LightspeedTestServer.start(config);
        ConnectionPool db = ConnectionPool.open(dir.h2Url())) {
      productRows = server.ecom().count("products");
      variantRows = server.ecom().count("variants");
      orderRows = server.ecom().count("orders");
      EcomCredentials c = server.ecomCredentials();
      EcomClient.Builder cb = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(c.language())
          .credentials(c.apiKey(), c.apiSecret()).listener(metrics).clock(server.clock().asClock())
          .sleeper(server.clock()::sleep);
      if (maxWait != null) {
        cb.retry(RetryConfig.defaults().withMaxWait(maxWait));
      }
      try (EcomClient client = cb.build()) {
        SyncEngine engine = SyncEngine.builder().sink(JdbcSyncSink.migrated(db))
            .settings(SyncSettings.builder()
                .salesSelection(SalesSelectionConfig.builder().ecomMode(EcomOrderMode.PAID_ONLY).build()).build())
            .clock(server.clock().asClock()).sleeper(server.clock()::sleep).rateLimitPolicy(RateLimitPolicy.WAIT)
            .build();
        EcomConnector connector = EcomConnector.builder().client(client).shopKey(Long.toString(c.shopId()))
            .metrics(metrics).clock(server.clock().asClock()).build();
        Instant apiStart = server.clock().now();
        long wallStart = System.nanoTime();
        try (HeapMeter heap = HeapMeter.start()) {
          try {
            report = engine.run(connector, SyncRequest.all());
          } catch (RuntimeException e) {
            aborted(e, server, metrics, Duration.between(apiStart, server.clock().now()), products, variants, orders,
                scale, maxWait);
            System.exit(1);
            return;
          }
          wall = (System.nanoTime() - wallStart) / 1e9;
          api = Duration.between(apiStart, server.clock().now()).toNanos() / 1e9;
          heap.close();
          heapPeak = heap.peakMiB();
          heapBaseline = heap.baselineMiB();
        }
      }
      Inspection inspect = server.inspect();
      logged = inspect.totalRequests();
      serverRateLimited = inspect.ecomRateLimited();
      log = inspect.recentRequests().stream().filter(r -> r.api().equals("ecom")).collect(Collectors.toList());
    }
    List<Inspection.Request> answered = log.stream().filter(r -> r.status() == 200).collect(Collectors.toList());
    RequestTally tally = RequestTally.of(answered.stream().map(Inspection.Request::target)
        .collect(Collectors.toList()));
    Map<String, Long> byEndpoint = answered.stream().collect(Collectors.groupingBy(Inspection.Request::endpoint,
        java.util.TreeMap::new, Collectors.counting()));
    long floorAll = Floors.ecomSeconds(Math.max(1, answered.size()), limits, perSecond);
    long floorDistinct = Floors.ecomSeconds(Math.max(1, tally.distinct()), limits, perSecond);

    System.out.printf(Locale.ROOT, "data: products=%d variants=%d orders=%d limits=%d/%d/%d perSecond=%d scale=%s"
        + " maxWait=%s%n", productRows, variantRows, orderRows, limits[0], limits[1], limits[2], perSecond, scale,
        maxWait == null ? "client default" : maxWait);
    System.out.println("status=" + report.status() + " engineWaits=" + report.rateLimitWaits() + " notices="
        + report.notices());
    for (Map.Entry<SyncStream, StreamReport> e : report.streams().entrySet()) {
      StreamReport s = e.getValue();
      System.out.printf(Locale.ROOT,
          "  %-9s plan=%s pages=%d read=%d stored=%d deactivated=%d leftOut=%d rejected=%d%n",
          e.getKey(), s.plan(), s.pages(), s.read(), s.stored(), s.deactivated(), s.leftOutTotal(), s.rejected());
    }
    System.out.println("answered requests by endpoint: " + byEndpoint);
    System.out.printf(Locale.ROOT, "requests=%d answered=%d distinctUrls=%d repeats=%d rateLimited(client)=%d"
        + " rateLimited(server)=%d retries=%d logged=%d%s%n", report.requests(), answered.size(), tally.distinct(),
        tally.repeats(), report.rateLimited(), serverRateLimited, report.retries(), logged,
        logged > 10_000 ? " (request log holds the last 10,000 only)" : "");
    System.out.println("repeats by shape: " + tally.repeatsByShape());
    tally.examples(8).forEach(u -> System.out.println("  repeated: " + u));
    System.out.printf(Locale.ROOT, "floor(distinct URLs)=%ds floor(all answered)=%ds elapsedApi=%.1fs wall=%.1fs"
        + " clientPacingWaits=%.1fs%n", floorDistinct, floorAll, api, wall, metrics.pacingWait().toNanos() / 1e9);
    System.out.println(String.format(Locale.ROOT, "SUMMARY ecom-full products=%d variants=%d orders=%d scale=%s"
        + " maxWait=%s status=%s aborted=%d requests=%d distinctUrls=%d repeats=%d 429=%d/%d engineWaits=%d"
        + " floor=%ds elapsed=%.1fs efficiency=%.4f floorAllRequests=%ds wall=%.1fs heapBeforeRunMiB=%.1f"
        + " heapPeakMiB=%.1f liveAfterGcMiB=%.1f xmxMiB=%.0f", productRows, variantRows, orderRows, scale,
        maxWait == null ? "default" : maxWait, report.status(), report.complete() ? 0 : 1, answered.size(),
        tally.distinct(), tally.repeats(), report.rateLimited(), serverRateLimited, report.rateLimitWaits(),
        floorDistinct, api, api / floorDistinct, floorAll, wall, heapBaseline, heapPeak, HeapMeter.liveAfterGcMiB(),
        HeapMeter.maxHeapMiB()));
  }

  /** Prints what a run that ended with an exception did before it, and its summary line. */
  private static void aborted(RuntimeException e, LightspeedTestServer server, SyncMetrics metrics, Duration api,
      long products, long variants, long orders, double scale, Duration maxWait) {
    System.out.println("run aborted after " + api.toSeconds() + " API s: " + e);
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      System.out.println("  caused by " + c);
    }
    List<Inspection.Request> log = server.inspect().recentRequests();
    System.out.println("requests logged=" + server.inspect().totalRequests() + " client requests=" + metrics.requests()
        + " connectionFailures=" + metrics.connectionFailures() + " retries=" + metrics.retries()
        + " clientPacingWaits=" + metrics.pacingWait().toSeconds() + "s; the last requests the server answered:");
    log.subList(Math.max(0, log.size() - 4), log.size()).forEach(r -> System.out.println("  #" + r.sequence() + " "
        + r.apiTime() + " " + r.status() + " " + r.target()));
    System.out.println("server API time now " + server.clock().now());
    System.out.println(String.format(Locale.ROOT, "SUMMARY ecom-full products=%d variants=%d orders=%d scale=%s"
        + " maxWait=%s status=ABORTED aborted=1 requests=%d elapsed=%.1fs cause=%s", products, variants, orders, scale,
        maxWait == null ? "default" : maxWait, metrics.requests(), api.toNanos() / 1e9, e.getClass().getSimpleName()));
  }
}
