package dev.lightspeedsync.examples.bench;

import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.Paginated;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.query.Archived;
import dev.lightspeedsync.client.retail.query.Filter;
import dev.lightspeedsync.client.retail.query.RetailQuery;
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
import dev.lightspeedsync.sync.lightspeed.retail.RetailConnector;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.testkit.Inspection;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The R-Series sync benchmarks of BENCHMARKS.md: a full sync ({@link SyncRequest#all()}, as the app
 * runs it: shops, vendors, items with their ItemShops and ItemComponents, sales with their lines)
 * through {@link SyncEngine} and {@link RetailConnector} from an in-process testkit with real leaky
 * bucket semantics into the JDBC sink on an H2 file.
 *
 * <pre>
 * java -cp CLASSPATH dev.lightspeedsync.examples.bench.SyncBenchmark \
 *     [items=100000] [shops=3] [sales=100000] [scale=20] [unlimited=false] [plans=true]
 * </pre>
 *
 * <p>Efficiency: elapsed API time over the floor, {@code (drips - bucket) / drip rate}, where the
 * drips are the {@code X-LS-API-Request-Cost} the server charged for every request of the run.
 * With {@code plans=true} (the default when limited) the benchmark then starts a second, unlimited
 * testkit with the same data and walks, with a {@link RetailClient}, what other read plans would
 * read, to report their drips: the old runners' plan (an Item walk with ItemComponents and a
 * separate walk of every ItemShop row) and a plan that loads ItemComponents only for the items
 * that can have them (assemblies and boxes). With {@code unlimited=true} there is no bucket and the
 * run measures the heap (run it with {@code -Xmx256m}). Not part of the test run; the last line
 * printed is the run's summary.
 */
public final class SyncBenchmark {
  private SyncBenchmark() {}

  /** CPU time of this JVM so far, or 0 where the platform does not report it. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
  }

  public static void main(String[] args) throws Exception {
    long items = 100_000;
    int shops = 3;
    long sales = 100_000;
    double scale = 20;
    boolean unlimited = false;
    Boolean plans = null;
    for (String a : args) {
      String[] kv = a.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("arguments are key=value: " + a);
      }
      switch (kv[0]) {
        case "items" -> items = Long.parseLong(kv[1]);
        case "shops" -> shops = Integer.parseInt(kv[1]);
        case "sales" -> sales = Long.parseLong(kv[1]);
        case "scale" -> scale = Double.parseDouble(kv[1]);
        case "unlimited" -> unlimited = Boolean.parseBoolean(kv[1]);
        case "plans" -> plans = Boolean.parseBoolean(kv[1]);
        default -> throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    boolean walkPlans = plans != null ? plans : !unlimited;
    TestkitConfig.Builder config = TestkitConfig.builder().seed(1).shops(shops).items(items).sales(sales).orders(0)
        .vendors(8).timeSource(TimeSource.scaled(scale));
    if (unlimited) {
      config.unlimited();
    }
    CostMeter meter = new CostMeter();
    SyncMetrics metrics = new SyncMetrics();
    SyncReport report;
    double api;
    double wall;
    double heapPeak;
    double heapBaseline;
    long itemRows;
    long itemShopRows;
    long saleRows;
    long vendorRows;
    long serverRateLimited;
    RequestTally tally;
    long logged;
    double runThreadCpu;
    double processCpu;
    Map<String, Long> connectionLog = new java.util.TreeMap<>();
    try (TempDir dir = TempDir.create("lightspeed-bench");
        LightspeedTestServer server = LightspeedTestServer.start(config.build());
        ConnectionPool db = ConnectionPool.open(dir.h2Url());
        RetailClient client = client(server, meter, metrics)) {
      itemRows = server.retail().count("Item");
      itemShopRows = server.retail().count("ItemShop");
      saleRows = server.retail().count("Sale");
      vendorRows = server.retail().count("Vendor");
      String shop = server.retail().stream("Shop").findFirst().orElseThrow().require("name");
      JdbcSyncSink sink = JdbcSyncSink.migrated(db);
      SyncEngine engine = SyncEngine.builder().sink(sink)
          .settings(SyncSettings.builder()
              .location(LocationConfig.builder().strategy(LocationStrategy.ALL).defaultLocationCode(shop).build())
              .build())
          .clock(server.clock().asClock()).sleeper(server.clock()::sleep).rateLimitPolicy(RateLimitPolicy.WAIT)
          .build();
      RetailConnector account = RetailConnector.builder().client(client).metrics(metrics)
          .clock(server.clock().asClock()).build();
      Instant apiStart = server.clock().now();
      long wallStart = System.nanoTime();
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long processCpuStart = processCpuNanos();
      try (HeapMeter heap = HeapMeter.start()) {
        report = engine.run(account, SyncRequest.all());
        runThreadCpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        processCpu = (processCpuNanos() - processCpuStart) / 1e9;
        wall = (System.nanoTime() - wallStart) / 1e9;
        api = Duration.between(apiStart, server.clock().now()).toNanos() / 1e9;
        heap.close();
        heapPeak = heap.peakMiB();
        heapBaseline = heap.baselineMiB();
      }
      for (RecordKind kind : RecordKind.values()) {
        for (RecordIssue issue : sink.openIssues(kind)) {
          connectionLog.merge(kind + "/" + issue.reason(), 1L, Long::sum);
        }
      }
      Inspection inspect = server.inspect();
      serverRateLimited = inspect.rateLimited();
      logged = inspect.totalRequests();
      tally = RequestTally.of(inspect.recentRequests().stream().filter(r -> r.api().equals("retail"))
          .map(Inspection.Request::target).collect(Collectors.toList()));
    }

    System.out.printf(Locale.ROOT,
        "data: items=%d itemShopRows=%d shops=%d sales=%d vendors=%d scale=%s unlimited=%s%n",
        itemRows, itemShopRows, shops, saleRows, vendorRows, scale, unlimited);
    System.out.println("status=" + report.status() + " waits=" + report.rateLimitWaits() + " notices="
        + report.notices());
    long pages = 0;
    for (Map.Entry<SyncStream, StreamReport> e : report.streams().entrySet()) {
      StreamReport s = e.getValue();
      System.out.printf(Locale.ROOT,
          "  %-9s plan=%s pages=%d read=%d stored=%d deactivated=%d leftOut=%d rejected=%d (%s)%n",
          e.getKey(), s.plan(), s.pages(), s.read(), s.stored(), s.deactivated(), s.leftOutTotal(), s.rejected(),
          s.estimate());
    }
    // a plan covering two streams counts its pages under each: count each plan once (the voided
    // re-check of a full read is a page that sends no request)
    pages = report.streams().values().stream().collect(Collectors.toMap(StreamReport::plan, StreamReport::pages,
        (a, b) -> a)).values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(Locale.ROOT, "requests=%d pages=%d rateLimited(client)=%d rateLimited(server)=%d retries=%d"
        + " logged=%d repeatedUrls=%d%s%n", report.requests(), pages, report.rateLimited(), serverRateLimited,
        report.retries(), logged, tally.repeats(), logged > 10_000 ? " (request log holds the last 10,000 only)" : "");
    tally.examples(5).forEach(u -> System.out.println("  repeated: " + u));
    System.out.printf(Locale.ROOT, "cpu: sync thread %.1f s (%.1f ms per request: the client's parsing, the rules and"
        + " the sink), whole process %.1f s (%.1f ms per request, the in-process testkit included)%n", runThreadCpu,
        runThreadCpu * 1000 / Math.max(1, report.requests()), processCpu,
        processCpu * 1000 / Math.max(1, report.requests()));
    System.out.println("connection log: " + connectionLog.values().stream().mapToLong(Long::longValue).sum()
        + " entries " + connectionLog);
    StringBuilder summary = new StringBuilder();
    summary.append(String.format(Locale.ROOT, "SUMMARY rseries-full items=%d shops=%d sales=%d scale=%s unlimited=%s"
        + " status=%s pages=%d requests=%d 429=%d/%d retries=%d repeatedUrls=%d", itemRows, shops, saleRows, scale,
        unlimited, report.status(), pages, report.requests(), report.rateLimited(), serverRateLimited, report.retries(),
        tally.repeats()));
    if (!unlimited) {
      double bucket = meter.bucketSize();
      double drip = meter.dripRate();
      double drips = meter.drips();
      double floor = Floors.leakyBucketSeconds(drips, bucket, drip);
      System.out.printf(Locale.ROOT, "new plan (this run): drips=%.1f bucket=%s dripRate=%s/s floorApiSeconds=%.1f"
          + " elapsedApiSeconds=%.1f efficiency=%.4f wallSeconds=%.1f%n", drips, bucket, drip, floor, api, api / floor,
          wall);
      double paced = metrics.pacingWait().toNanos() / 1e9;
      System.out.printf(Locale.ROOT, "client pacing waits=%.1f API s; not waiting (requests and processing)=%.1f"
          + " API s = %.1f ms of wall time per request%n", paced, api - paced,
          (api - paced) / scale * 1000 / report.requests());
      summary.append(String.format(Locale.ROOT,
          " drips=%.1f floor=%.1fs elapsed=%.1fs efficiency=%.4f pacingWait=%.1fs", drips, floor, api, api / floor,
          paced));
      if (walkPlans) {
        Plans p = walkPlans(config.unlimited().timeSource(TimeSource.system()).build());
        double old = drips - p.full.drips + p.oldItems.drips + p.oldItemShops.drips;
        long oldPages = report.requests() - p.full.pages + p.oldItems.pages + p.oldItemShops.pages;
        double lean = drips - p.full.drips + p.stockItems.drips + p.composites.drips;
        long leanPages = report.requests() - p.full.pages + p.stockItems.pages + p.composites.pages;
        System.out.println("walked on an unlimited testkit with the same data (seed 1):");
        System.out.println("  " + p.full.describe("Item +ItemShops +ItemComponents (this run's item pass)"));
        System.out.println("  " + p.oldItems.describe("Item +ItemComponents (old runner)"));
        System.out.println("  " + p.oldItemShops.describe("ItemShop, every row (old runner)"));
        System.out.println("  " + p.stockItems.describe("Item +ItemShops"));
        System.out.println("  " + p.composites.describe("Item itemType IN [assembly,box] +ItemComponents"));
        System.out.printf(Locale.ROOT, "  components: %d in the full walk, %d in the assembly/box walk%n",
            p.full.components, p.composites.components);
        double oldFloor = Floors.leakyBucketSeconds(old, bucket, drip);
        double leanFloor = Floors.leakyBucketSeconds(lean, bucket, drip);
        System.out.printf(Locale.ROOT, "old plan (items, then every ItemShop row): requests=%d drips=%.1f floor=%.1fs"
            + " (this run's elapsed = %.3f x that floor)%n", oldPages, old, oldFloor, api / oldFloor);
        System.out.printf(Locale.ROOT, "components only for assemblies and boxes: requests=%d drips=%.1f floor=%.1fs"
            + " (this run's elapsed = %.4f x that floor)%n", leanPages, lean, leanFloor, api / leanFloor);
        summary.append(String.format(Locale.ROOT, " oldPlanDrips=%.1f oldPlanRequests=%d"
            + " componentsWhereNeededDrips=%.1f componentsWhereNeededFloor=%.1fs efficiencyVsThatFloor=%.4f", old,
            oldPages, lean, leanFloor, api / leanFloor));
      }
    }
    summary.append(String.format(Locale.ROOT, " wall=%.1fs heapBeforeRunMiB=%.1f heapPeakMiB=%.1f liveAfterGcMiB=%.1f"
        + " xmxMiB=%.0f", wall, heapBaseline, heapPeak, HeapMeter.liveAfterGcMiB(), HeapMeter.maxHeapMiB()));
    System.out.println(summary);
  }

  private static RetailClient client(LightspeedTestServer server, CostMeter meter, SyncMetrics metrics) {
    RetailCredentials c = server.retailCredentials();
    return RetailClient.builder().accountId(c.accountId()).baseUrl(server.retailBaseUrl().toString())
        .oauth(OauthClientCredentials.of(c.clientId(), c.clientSecret()),
            TokenStore.inMemory(TokenPair.of(c.accessToken(), c.refreshToken(), c.accessTokenExpiresAt())))
        .okHttpClient(meter.client()).listener(metrics).clock(server.clock().asClock()).sleeper(server.clock()::sleep)
        .build();
  }

  /** One walk of an endpoint: pages, records, drips charged and the components it carried. */
  private record Walk(long pages, long records, double drips, long components) {
    String describe(String what) {
      return String.format(Locale.ROOT, "%-52s pages=%6d records=%8d drips=%9.1f (%.2f per page)", what, pages,
          records, drips, pages == 0 ? 0 : drips / pages);
    }
  }

  private record Plans(Walk full, Walk oldItems, Walk oldItemShops, Walk stockItems, Walk composites) {}

  private static Plans walkPlans(TestkitConfig twin) throws Exception {
    CostMeter meter = new CostMeter();
    try (LightspeedTestServer server = LightspeedTestServer.start(twin);
        RetailClient client = client(server, meter, new SyncMetrics())) {
      RetailQuery.Builder items = RetailQuery.builder().archived(Archived.INCLUDE).sort("timeStamp");
      ToLongFunction<Object> components = o -> o instanceof Item i ? i.components().size() : 0;
      Walk full = walk(meter, client.items().list(items.build().toBuilder().loadRelations("ItemShops", "ItemComponents")
          .build()), components);
      Walk oldItems = walk(meter,
          client.items().list(items.build().toBuilder().loadRelations("ItemComponents").build()), components);
      Walk oldItemShops = walk(meter, client.itemShops().list(RetailQuery.builder().sort("timeStamp").build()),
          components);
      Walk stockItems = walk(meter, client.items().list(items.build().toBuilder().loadRelations("ItemShops").build()),
          components);
      Walk composites = walk(meter, client.items().list(items.build().toBuilder()
          .filter(Filter.in("itemType", List.of("assembly", "box"))).loadRelations("ItemComponents").build()),
          components);
      return new Plans(full, oldItems, oldItemShops, stockItems, composites);
    }
  }

  private static <T> Walk walk(CostMeter meter, Paginated<T> list, ToLongFunction<Object> components) {
    double before = meter.drips();
    long pages = 0;
    long records = 0;
    long comps = 0;
    for (Page<T> page : list.pages()) {
      pages++;
      records += page.items().size();
      for (T t : page.items()) {
        comps += components.applyAsLong(t);
      }
    }
    return new Walk(pages, records, meter.drips() - before, comps);
  }
}
