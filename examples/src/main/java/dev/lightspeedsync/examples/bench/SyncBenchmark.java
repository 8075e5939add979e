package dev.lightspeedsync.examples.bench;

import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.retail.RetailConnector;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncRequest;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TimeSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.OkHttpClient;

/**
 * The sync benchmarks of BENCHMARKS.md: a full R-Series sync (catalogue and stock: Items with their
 * Prices, and ItemShops) from an in-process testkit into the JDBC sink on an H2 file.
 *
 * <pre>
 * java -cp examples/target/lightspeed-sync-app.jar dev.lightspeedsync.examples.bench.SyncBenchmark \
 *     [items=100000] [shops=1] [scale=20] [unlimited=false]
 * </pre>
 *
 * <p>Efficiency: elapsed API time divided by the floor, the drips of all pages (each page's
 * {@code X-LS-API-Request-Cost} as the server charged it) less the initial bucket, drained at the
 * drip rate. Memory: with {@code unlimited=true} there is no bucket and the run measures the heap
 * (peak of the heap pools, run it with {@code -Xmx256m}). Not part of the test run.
 */
public final class SyncBenchmark {
  private SyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    long items = 100_000;
    int shops = 1;
    double scale = 20;
    boolean unlimited = false;
    for (String a : args) {
      String[] kv = a.split("=", 2);
      switch (kv[0]) {
        case "items" -> items = Long.parseLong(kv[1]);
        case "shops" -> shops = Integer.parseInt(kv[1]);
        case "scale" -> scale = Double.parseDouble(kv[1]);
        case "unlimited" -> unlimited = Boolean.parseBoolean(kv[1]);
        default -> throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    Path dir = Files.createTempDirectory("lightspeed-bench");
    TestkitConfig.Builder config = TestkitConfig.builder().seed(1).shops(shops).items(items).sales(0).orders(0)
        .customers(0).vendors(8).timeSource(TimeSource.scaled(scale));
    if (unlimited) {
      config.unlimited();
    }
    LongAdder costMillis = new LongAdder();
    AtomicReference<BigDecimal> bucketSize = new AtomicReference<>();
    AtomicReference<BigDecimal> dripRate = new AtomicReference<>();
    OkHttpClient costMeter = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      okhttp3.Response r = chain.proceed(chain.request());
      String cost = r.header("X-LS-API-Request-Cost");
      if (cost != null && r.code() < 400) {
        costMillis.add(new BigDecimal(cost).movePointRight(3).longValue());
      }
      String level = r.header("X-LS-API-Bucket-Level");
      if (level != null && level.contains("/")) {
        bucketSize.set(new BigDecimal(level.substring(level.indexOf('/') + 1)));
      }
      String drip = r.header("X-LS-API-Drip-Rate");
      if (drip != null) {
        dripRate.set(new BigDecimal(drip));
      }
      return r;
    }).build();

    try (Cleanup cleanup = new Cleanup(dir); LightspeedTestServer server = LightspeedTestServer.start(config.build());
        ConnectionPool db = ConnectionPool.open("jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath()
            + ";CACHE_SIZE=8192")) {
      RetailCredentials c = server.retailCredentials();
      SyncMetrics metrics = new SyncMetrics();
      try (RetailClient client = RetailClient.builder().accountId(c.accountId()).baseUrl(server.retailBaseUrl().toString())
          .oauth(OauthClientCredentials.of(c.clientId(), c.clientSecret()),
              TokenStore.inMemory(TokenPair.of(c.accessToken(), c.refreshToken(), c.accessTokenExpiresAt())))
          .okHttpClient(costMeter).listener(metrics).clock(server.clock().asClock()).sleeper(server.clock()::sleep)
          .build()) {
        String shop = server.retail().stream("Shop").findFirst().orElseThrow().require("name");
        SyncEngine engine = SyncEngine.builder().sink(JdbcSyncSink.migrated(db))
            .settings(dev.lightspeedsync.sync.SyncSettings.builder()
                .location(LocationConfig.builder().strategy(LocationStrategy.ALL).defaultLocationCode(shop).build()).build())
            .clock(server.clock().asClock()).sleeper(server.clock()::sleep).build();
        RetailConnector account = RetailConnector.builder().client(client).metrics(metrics)
            .clock(server.clock().asClock()).build();
        long itemRows = server.retail().count("Item");
        long itemShopRows = server.retail().count("ItemShop");
        long pages = 1 + ceilDiv(itemRows, 100); // shops + items with their ItemShops (the plan a full sync uses)
        System.gc();
        resetPeaks();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        Instant apiStart = server.clock().now();
        long wallStart = System.nanoTime();
        SyncReport report = engine.run(account,
            SyncRequest.builder().streams(EnumSet.of(SyncStream.CATALOGUE, SyncStream.STOCK)).build());
        double wall = (System.nanoTime() - wallStart) / 1e9;
        sampler.interrupt();
        sampler.join();
        double api = Duration.between(apiStart, server.clock().now()).toNanos() / 1e9;
        double drips = costMillis.sum() / 1000.0;
        System.out.printf(Locale.ROOT, "items=%d itemShops=%d shops=%d scale=%s unlimited=%s%n", itemRows, itemShopRows,
            shops, scale, unlimited);
        System.out.printf(Locale.ROOT, "requests=%d pages=%d rateLimited=%d retries=%d serverRateLimited=%d%n",
            report.requests(), pages, report.rateLimited(), report.retries(), server.inspect().rateLimited());
        System.out.printf(Locale.ROOT, "skusStored=%d stockStored=%d%n", report.stream(SyncStream.CATALOGUE).map(r -> r.stored()).orElse(0L),
            report.stream(SyncStream.STOCK).map(r -> r.stored()).orElse(0L));
        if (!unlimited && bucketSize.get() != null && dripRate.get() != null) {
          double floor = Math.max(0, drips - bucketSize.get().doubleValue()) / dripRate.get().doubleValue();
          System.out.printf(Locale.ROOT, "drips=%.1f bucket=%s dripRate=%s/s floorApiSeconds=%.1f elapsedApiSeconds=%.1f"
              + " efficiency=%.4f wallSeconds=%.1f%n", drips, bucketSize.get(), dripRate.get(), floor, api, api / floor, wall);
        } else {
          System.out.printf(Locale.ROOT, "wallSeconds=%.1f%n", wall);
        }
        System.out.printf(Locale.ROOT, "heapUsedPeakMiB=%.1f (sampled every 20 ms) liveAfterGcPeakMiB=%.1f"
                + " poolPeaksSumMiB=%.1f heapMaxMiB=%.1f%n", sampler.peak / 1048576.0, liveAfterGc() / 1048576.0,
            heapPeak() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
      }
    }
  }

  /** Deletes the benchmark's database directory at the end. */
  private record Cleanup(Path dir) implements AutoCloseable {
    @Override
    public void close() throws java.io.IOException {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Samples the used heap (all pools at one moment) every 20 ms and keeps the maximum. */
  private static final class HeapSampler extends Thread {
    volatile long peak;

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      var memory = ManagementFactory.getMemoryMXBean();
      while (!isInterrupted()) {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** The largest heap left after a collection (the live set), over the heap pools that report it. */
  private static long liveAfterGc() {
    long max = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null && p.getName().contains("Old")) {
        max = Math.max(max, p.getCollectionUsage().getUsed());
      }
    }
    return max;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peak usage since {@link #resetPeaks()} (an upper bound of the peak heap). */
  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
