package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.examples.process.ChildJvm;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TimeSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during a sync (a child JVM running the app's main against a testkit in this JVM, slowed by
 * a small rate-limit bucket): the app stops after the page in hand, closes the database itself and
 * says "interrupted; rerun to resume"; the rerun resumes and ends with the server's truth.
 */
class GracefulShutdownTest {
  @TempDir
  Path dir;

  LightspeedTestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private List<String> args(String db, String... extra) {
    RetailCredentials c = server.retailCredentials();
    List<String> args = new ArrayList<>(List.of("sync", "--base-url", server.retailBaseUrl().toString(),
        "--account-id", Long.toString(c.accountId()), "--client-id", c.clientId(), "--client-secret", c.clientSecret(),
        "--refresh-token", c.refreshToken(), "--access-token", c.accessToken(), "--db", db, "--progress", "log"));
    args.addAll(List.of(extra));
    return args;
  }

  @Test
  void sigtermStopsGracefullyAndTheRerunResumesAndCompletes() throws Exception {
    // real time on both sides (the child's client waits for the bucket as it would for Lightspeed)
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(21).shops(2).items(6000).sales(100).orders(0)
        .timeSource(TimeSource.system()).bucketSize(4).dripRate(8).build());
    String db = "jdbc:h2:file:" + dir.resolve("app").toAbsolutePath();
    ChildJvm child = ChildJvm.start(dir, LightspeedSyncApp.class, args(db).toArray(String[]::new));
    try {
      // the log mode prints a line every 25 pages: the first one means pages are being stored
      child.awaitLine("catalogue", 120);
      child.sigterm();
      int code = child.waitFor(90);

      assertThat(code).as(child.err()).isEqualTo(143);
      assertThat(child.err()).as(child.out()).contains("interrupted; rerun to resume").doesNotContain("already closed", "Exception",
          "\tat ");
      assertThat(child.out()).as("the progress line is ended, not reported done").contains(" stopped")
          .doesNotContain(" done");
    } finally {
      child.close();
    }

    Path summary = dir.resolve("rerun.json");
    AppRun rerun = AppRun.of(args(db, "--summary-json", summary.toString()).toArray(String[]::new));

    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    long activeItems = server.retail().stream("Item")
        .filter(r -> !r.getBoolean("archived") && !r.require("itemType").equals("non_inventory")).count();
    JsonNode s = new ObjectMapper().readTree(summary.toFile());
    assertThat(s.get("skus").asLong()).as("the rerun resumed: it stored fewer SKUs than the account has")
        .isPositive().isLessThan(activeItems);
    AppRun export = AppRun.of("export", "--db", db, "--what", "skus");
    assertThat(export.outLines().stream().filter(l -> l.contains("\"active\":true")).count()).isEqualTo(activeItems);
  }
}
