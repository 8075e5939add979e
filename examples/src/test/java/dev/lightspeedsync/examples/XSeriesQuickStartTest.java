package dev.lightspeedsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.RateLimitPolicy;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesConnector;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Quick start: X-Series" code block is this test's code: {@link #theReadmeBlockIsThisTestsCode}
 * checks that its lines are the lines between the markers below, and {@link #theReadmeBlockSyncsTheRetailer}
 * runs them. The client is built as the README builds it (offline: building sends nothing), and the
 * sync runs with the same code on a client of the embedded testkit's retailer, because a test never
 * reaches mystore.retail.lightspeed.app.
 */
class XSeriesQuickStartTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getFileName().toString().equals("examples")
      ? Path.of("").toAbsolutePath().getParent() : Path.of("").toAbsolutePath();

  @Test
  void theReadmeBlockSyncsTheRetailer() throws Exception {
    String token = "a-personal-token";
    // README client:start
    SyncMetrics metrics = new SyncMetrics();         // the run report's request counts
    XSeriesClient store = XSeriesClient.builder()
        .domainPrefix("mystore")                      // https://mystore.retail.lightspeed.app/api/2.0
        .personalToken(token)                         // or .oauth(OauthClientCredentials.of(id, secret), tokens)
        .listener(metrics)
        .build();                                     // thread-safe; one per retailer; AutoCloseable
    // README client:end
    assertThat(store.domainPrefix()).contains("mystore");
    store.close();

    try (EmbeddedLightspeed lightspeed = EmbeddedLightspeed.xseries(2, 150, 60, 1000);
        ConnectionPool pool = ConnectionPool.open("jdbc:h2:mem:xseries-quick-start;DB_CLOSE_DELAY=-1")) {
      SyncMetrics m = new SyncMetrics();
      SyncSink sink = JdbcSyncSink.migrated(pool);
      String mainOutlet = lightspeed.firstOutletName();
      SyncReport report = sync(lightspeed.xseriesClientBuilder(m).build(), m, sink, mainOutlet);

      assertThat(report.status()).isEqualTo(SyncReport.Status.COMPLETE);
      assertThat(report.full()).isTrue();
      assertThat(report.stream(SyncStream.CATALOGUE).orElseThrow().stored()).isPositive();
      assertThat(report.stream(SyncStream.STOCK).orElseThrow().stored()).isPositive();
      assertThat(report.stream(SyncStream.SALES).orElseThrow().stored()).isPositive();
      assertThat(report.requests()).isPositive();
    }
  }

  /**
   * The README's engine lines, as written (system clock and sleeper: this small retailer stays far
   * inside its window, so nothing waits).
   */
  private static SyncReport sync(XSeriesClient store, SyncMetrics metrics, SyncSink sink, String mainOutlet) {
    try (store) {
      // README engine:start
      SyncEngine engine = SyncEngine.builder()
          .sink(sink)                                   // JdbcSyncSink.migrated(pool) in the examples, or your own
          .settings(SyncSettings.builder()
              .location(LocationConfig.builder().strategy(LocationStrategy.ALL).defaultLocationCode(mainOutlet).build())
              .build())
          .rateLimitPolicy(RateLimitPolicy.WAIT)        // wait for the 5-minute window, never abort
          .build();
      SyncReport report = engine.run(XSeriesConnector.builder().client(store).metrics(metrics).build());
      // README engine:end
      return report;
    }
  }

  @Test
  void theReadmeBlockIsThisTestsCode() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Quick start: X-Series"));
    Matcher block = Pattern.compile("(?s)```java\\n(.*?)```").matcher(section);
    assertThat(block.find()).isTrue();
    String source = Files.readString(ROOT.resolve(
        "examples/src/test/java/dev/lightspeedsync/examples/XSeriesQuickStartTest.java"));
    List<String> code = new ArrayList<>(region(source, "client"));
    code.addAll(region(source, "engine"));

    assertThat(lines(block.group(1))).isEqualTo(code);
  }

  private static List<String> region(String source, String name) {
    String from = "// README " + name + ":start";
    String to = "// README " + name + ":end";
    return lines(source.substring(source.indexOf(from) + from.length(), source.indexOf(to)));
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.replaceAll("\\s+", " ")).toList();
  }
}
