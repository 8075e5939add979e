package dev.lightspeedsync.sync.lightspeed.xseries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.XSeriesCredentials;

/** The small fake retailer the X-Series writer tests write to (2 outlets, 30 products, no sales), and its client. */
final class XSeriesWriterRetailer {
  private XSeriesWriterRetailer() {}

  static LightspeedTestServer start(ManualTimeSource time) {
    return LightspeedTestServer.start(TestkitConfig.builder().seed(5).timeSource(time).items(0).sales(0).orders(0)
        .xseriesOutlets(2).xseriesProducts(30).xseriesSales(0).build());
  }

  /** A personal-token client on the server's clock; waits for windows on the test clock, never really. */
  static XSeriesClient client(LightspeedTestServer server, ManualTimeSource time) {
    XSeriesCredentials c = server.xseriesCredentials();
    Sleeper sleeper = time::sleep;
    return XSeriesClient.builder().domainPrefix(c.domainPrefix()).baseUrl(server.xseriesOrigin().toString())
        .personalToken(c.personalToken()).clock(time.asClock()).sleeper(sleeper).build();
  }

  /** The first {@code n} live products that track stock and are not composites (a supplier order can hold them). */
  static java.util.List<String> plainProducts(LightspeedTestServer server, int n) {
    return server.xseries().stream("products").filter(p -> p.getBoolean("has_inventory") && !p.getBoolean("is_composite")
        && p.get("deleted_at").isEmpty()).map(dev.lightspeedsync.testkit.TestkitRecord::key).limit(n).toList();
  }

  /** A live supplier's id. */
  static String supplier(LightspeedTestServer server) {
    return server.xseries().stream("suppliers").filter(s -> s.get("deleted_at").isEmpty())
        .map(dev.lightspeedsync.testkit.TestkitRecord::key).findFirst().orElseThrow();
  }

  /** The writes (POST and PUT) the server has answered so far. */
  static long writes(LightspeedTestServer server) {
    return server.inspect().recentRequests().stream()
        .filter(r -> r.method().equals("POST") || r.method().equals("PUT")).count();
  }

  /** The report's one action, which has {@code status}. */
  static WriteAction only(WriteReport report, WriteAction.Status status) {
    assertThat(report.actions()).hasSize(1);
    WriteAction a = report.actions().get(0);
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    return a;
  }
}
