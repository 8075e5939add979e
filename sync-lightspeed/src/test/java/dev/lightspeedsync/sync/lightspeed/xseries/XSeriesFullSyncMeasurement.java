package dev.lightspeedsync.sync.lightspeed.xseries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.XSeriesCredentials;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The issue-14 measurement: a full X-Series sync of 50,000 products on 3 outlets (one register
 * each: 950 requests per 5 minutes), elapsed in API time against the floor the window sets for the
 * requests sent. API time is the testkit's manual clock, moved only by the client's pacing and the
 * engine's waits, so the figure is the pacing's, not this machine's. Not part of the default build:
 *
 * <pre>
 * mvn -B -o -pl sync-lightspeed -am test -Dtest=XSeriesFullSyncMeasurement -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dlightspeed.measure=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "lightspeed.measure", matches = "true")
class XSeriesFullSyncMeasurement {
  @Test
  void fiftyThousandProductsOnThreeOutlets() {
    long products = Long.getLong("xseries.products", 50_000);
    ManualTimeSource time = new ManualTimeSource();
    SyncMetrics metrics = new SyncMetrics();
    try (LightspeedTestServer server = LightspeedTestServer.start(TestkitConfig.builder().seed(50).timeSource(time)
        .items(0).sales(0).orders(0).xseriesOutlets(3).xseriesRegistersPerOutlet(1).xseriesProducts(products)
        .xseriesSales(products / 10).build())) {
      XSeriesCredentials c = server.xseriesCredentials();
      Sleeper sleeper = time::sleep;
      try (XSeriesClient client = XSeriesClient.builder().domainPrefix(c.domainPrefix())
          .baseUrl(server.xseriesOrigin().toString()).personalToken(c.personalToken()).clock(time.asClock())
          .sleeper(sleeper).listener(metrics).build()) {
        InMemorySyncSink sink = new InMemorySyncSink();
        Clock clock = time.asClock();
        long wallStart = System.nanoTime();
        SyncReport report = SyncEngine.builder().sink(sink).clock(clock).sleeper(time::sleep).build()
            .run(XSeriesConnector.builder().client(client).metrics(metrics).clock(clock).build());
        Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
        long limit = server.xseries().rateLimit();
        long floor = XSeriesConnector.floorMinutes(report.requests(), limit);
        double ratio = floor == 0 ? 0 : report.elapsed().toMillis() / (double) Duration.ofMinutes(floor).toMillis();
        System.out.printf(Locale.ROOT, "X-Series full sync: %d products, 3 outlets, limit %d/5 min: %d requests, "
                + "%d 429s, %d engine waits, elapsed %s (API time), floor %d min, ratio %.4f, wall %s%n%s%n", products,
            limit, report.requests(), report.rateLimited(), report.rateLimitWaits(), report.elapsed(), floor, ratio, wall,
            report);
        assertThat(report.complete()).isTrue();
        assertThat(report.rateLimited()).isZero();
        assertThat(ratio).isLessThanOrEqualTo(1.03);
        new XSeriesTruth(server.xseries()).assertSinkEqualsTruth(sink);
      }
    }
  }
}
