package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two scheduler nodes on one shared database (H2 in this test: CI has no PostgreSQL server; the
 * coordination is db-scheduler's row locking, which H2 supports) split three accounts, and no
 * account is synced twice within its interval.
 */
class ScheduleCommandTest {
  @TempDir
  Path dir;

  final List<LightspeedTestServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(LightspeedTestServer::close);
  }

  @Test
  void twoNodesSplitTheAccountsAndSyncEachOnce() throws Exception {
    twoNodesSplit("jdbc:h2:file:" + dir.resolve("scheduler").toAbsolutePath());
  }

  /** The same against PostgreSQL, when {@code LIGHTSPEED_SYNC_TEST_POSTGRES_URL} names a server. */
  @Test
  @EnabledIfEnvironmentVariable(named = "LIGHTSPEED_SYNC_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
  void twoNodesSplitTheAccountsOnPostgres() throws Exception {
    String url = System.getenv("LIGHTSPEED_SYNC_TEST_POSTGRES_URL");
    String schema = "schedule_" + Long.toHexString(System.nanoTime());
    try (ConnectionPool admin = ConnectionPool.open(url); Connection c = admin.connection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    twoNodesSplit(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }

  private void twoNodesSplit(String shared) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ArrayNode accounts = json.createArrayNode();
    Map<String, String> dbs = new HashMap<>();
    for (int i = 1; i <= 3; i++) {
      LightspeedTestServer server = LightspeedTestServer.start(TestkitConfig.builder().seed(i).accountId(1000 + i).shops(1).items(40)
          .sales(10).orders(0).timeSource(new ManualTimeSource()).unlimited().build());
      servers.add(server);
      RetailCredentials c = server.retailCredentials();
      String key = "store-" + i;
      String db = "jdbc:h2:file:" + dir.resolve(key).toAbsolutePath();
      dbs.put(key, db);
      ObjectNode a = accounts.addObject().put("key", key).put("db", db);
      ArrayNode args = a.putArray("args");
      for (String s : List.of("--base-url", server.retailBaseUrl().toString(), "--account-id",
          Long.toString(c.accountId()), "--client-id", c.clientId(), "--client-secret", c.clientSecret(),
          "--refresh-token", c.refreshToken(), "--access-token", c.accessToken())) {
        args.add(s);
      }
    }
    Path file = dir.resolve("accounts.json");
    Files.writeString(file, json.writeValueAsString(accounts));

    CompletableFuture<AppRun> nodeA = CompletableFuture.supplyAsync(() -> AppRun.of("schedule", "--db", shared,
        "--accounts", file.toString(), "--every", "1h", "--node", "A", "--polling", "100ms", "--until-all-synced",
        "--for", "60s"));
    CompletableFuture<AppRun> nodeB = CompletableFuture.supplyAsync(() -> AppRun.of("schedule", "--db", shared,
        "--accounts", file.toString(), "--every", "1h", "--node", "B", "--polling", "100ms", "--until-all-synced",
        "--for", "60s"));
    AppRun a = nodeA.get();
    AppRun b = nodeB.get();

    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();
    Map<String, Integer> runs = new HashMap<>();
    try (ConnectionPool pool = ConnectionPool.open(shared); Connection c = pool.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT account_key, COUNT(*), MAX(exit_code), MAX(error) FROM ls_schedule_run GROUP BY account_key")) {
      while (rs.next()) {
        runs.put(rs.getString(1), rs.getInt(2));
        assertThat(rs.getInt(3)).as("exit code of " + rs.getString(1) + ": " + rs.getString(4)).isZero();
      }
    }
    assertThat(runs).containsOnlyKeys("store-1", "store-2", "store-3").allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
    for (String db : dbs.values()) {
      AppRun export = AppRun.of("export", "--db", db, "--what", "skus");
      assertThat(export.outLines()).isNotEmpty();
    }
  }
}
