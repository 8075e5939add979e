package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpServer;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.Durability;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.process.ChildJvm;
import dev.lightspeedsync.examples.process.DurableWritesChild;
import dev.lightspeedsync.sync.spi.RunLock;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the app prints and refuses (issue 10): no secret in usage errors (stderr and the schedule's
 * run log), one line for an unusable database, no non-durable database, no raw control bytes from a
 * server, and a clear refusal when another run holds the account.
 */
class AppSafetyTest {
  @TempDir
  Path dir;

  LightspeedTestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private String db(String name) {
    return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
  }

  static Stream<Arguments> mistypedSecrets() {
    return Stream.of(
        Arguments.of((Object) new String[] {"sync", "--client-secrett=S3CRET-value-1"}),
        Arguments.of((Object) new String[] {"sync", "--client-secrett", "S3CRET-value-1"}),
        Arguments.of((Object) new String[] {"sync", "--refresh-tokn=S3CRET-value-1", "--client-secret", "x"}),
        Arguments.of((Object) new String[] {"sync", "--client-id", "--client-secret=S3CRET-value-1"}),
        Arguments.of((Object) new String[] {"sync", "--account-id", "S3CRET-value-1"}),
        Arguments.of((Object) new String[] {"sync", "S3CRET-value-1"}),
        Arguments.of((Object) new String[] {"export", "--what=skus", "--dbb=jdbc:h2:mem:x;PASSWORD=S3CRET-value-1"}));
  }

  @ParameterizedTest
  @MethodSource("mistypedSecrets")
  void usageErrorsNeverEchoAValue(String[] args) {
    AppRun run = AppRun.of(args);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().startsWith("error: ").endsWith("(see --help)");
    assertThat(run.out() + run.err()).doesNotContain("S3CRET");
  }

  @Test
  void anUnknownOptionIsNamedWithASuggestion() {
    AppRun run = AppRun.of("sync", "--client-secrett=S3CRET-value-2");

    assertThat(run.err()).contains("unknown option --client-secrett", "--client-secret").doesNotContain("S3CRET");
  }

  @Test
  void scheduleNeverStoresAMistypedSecretInItsRunLog() throws Exception {
    ArrayNode accounts = new ObjectMapper().createArrayNode();
    accounts.addObject().put("key", "store-x").put("db", db("store-x")).putArray("args")
        .add("--base-url").add("http://127.0.0.1:9/").add("--client-secrett=S3CRET-value-3");
    Path file = dir.resolve("accounts.json");
    Files.writeString(file, accounts.toString());
    String shared = db("scheduler");

    AppRun run = AppRun.of("schedule", "--db", shared, "--accounts", file.toString(), "--every", "1h", "--polling",
        "100ms", "--until-all-synced", "--for", "60s");

    // refused before anything is scheduled (issue 15), so no run log is written at all
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("account 'store-x'", "--client-secrett");
    assertThat(run.out() + run.err()).doesNotContain("S3CRET");
    assertThat(dir.resolve("scheduler.mv.db")).doesNotExist();
  }

  @Test
  void aDatabaseThatCannotBeCreatedIsOneLineNotAStackTrace() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

    AppRun run = AppRun.of("sync", "--db", "jdbc:h2:file:" + notADirectory + "/sub/db", "--testkit-items", "10",
        "--testkit-sales", "5", "--testkit-shops", "1", "--no-activity");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString().startsWith("error: cannot create the database")
        .contains("is not a directory");
    assertThat(run.out()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void aDatabaseThatLosesCommitsIsRefusedWithTheFix() {
    AppRun run = AppRun.of("sync", "--db", db("delayed") + ";WRITE_DELAY=500", "--testkit-items", "10",
        "--testkit-sales", "5", "--testkit-shops", "1", "--no-activity");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("not durable", "WRITE_DELAY is 500 ms",
        "add ;WRITE_DELAY=0");
  }

  @Test
  void theDefaultDatabaseIsDurable() throws Exception {
    assertThat(LightspeedSyncApp.DEFAULT_DB).contains("WRITE_DELAY=0");
    String url = LightspeedSyncApp.DEFAULT_DB.replace("./lightspeed-sync", dir.resolve("default").toAbsolutePath().toString());
    // opened without the pool's H2 defaults, as another tool would
    assertThat(Durability.problems(() -> java.sql.DriverManager.getConnection(url))).isEmpty();
  }

  @Test
  void eachPlatformHasADefaultDatabaseOfItsOwnSoThatItsDemoNeverMeetsAnotherAccountsData() throws Exception {
    Map<String, String> defaults = new java.util.LinkedHashMap<>();
    for (String platform : List.of("retail", "ecom", "xseries")) {
      defaults.put(platform, LightspeedSyncApp.defaultDb(platform));
    }

    assertThat(defaults).containsExactly(Map.entry("retail", LightspeedSyncApp.DEFAULT_DB),
        Map.entry("ecom", "jdbc:h2:file:./lightspeed-sync-ecom;WRITE_DELAY=0"),
        Map.entry("xseries", "jdbc:h2:file:./lightspeed-sync-xseries;WRITE_DELAY=0"));
    // what sync, webhooks and the write flows open without --db (and without $LIGHTSPEED_SYNC_DB)
    if (System.getenv("LIGHTSPEED_SYNC_DB") == null) {
      for (String platform : defaults.keySet()) {
        ConnectionOptions options = new ConnectionOptions();
        new picocli.CommandLine(options).parseArgs("--platform", platform);
        assertThat(options.db()).as(platform).isEqualTo(defaults.get(platform));
      }
    }
    ConnectionOptions given = new ConnectionOptions();
    new picocli.CommandLine(given).parseArgs("--platform", "ecom", "--db", "jdbc:h2:mem:x");
    assertThat(given.db()).isEqualTo("jdbc:h2:mem:x");
    for (String url : defaults.values()) {
      String local = url.replace("./", dir.toAbsolutePath() + "/");
      assertThat(Durability.problems(() -> java.sql.DriverManager.getConnection(local))).as(url).isEmpty();
    }
  }

  @Test
  void controlBytesFromTheServerNeverReachTheTerminal() throws Exception {
    HttpServer hostile = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = "{\"httpCode\":\"400\",\"message\":\"\\u001b]0;owned\\u0007\\u001b[2J\\u009b31mboom\\u202e\"}"
        .getBytes(StandardCharsets.UTF_8);
    hostile.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(400, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    hostile.start();
    try {
      AppRun run = AppRun.of("sync", "--base-url", "http://127.0.0.1:" + hostile.getAddress().getPort() + "/",
          "--account-id", "1", "--client-id", "id", "--client-secret", "s", "--refresh-token", "r",
          "--access-token", "a", "--db", db("hostile"), "--max-attempts", "1");

      assertThat(run.exitCode()).isNotZero();
      assertThat(run.errLines()).singleElement().asString().contains("boom", "\\x1b[2J", "\\x07");
      assertThat(run.out() + run.err()).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
    } finally {
      hostile.stop(0);
    }
  }

  private List<String> accountArgs(String database) {
    RetailCredentials c = server.retailCredentials();
    return new ArrayList<>(List.of("sync", "--base-url", server.retailBaseUrl().toString(), "--account-id",
        Long.toString(c.accountId()), "--client-id", c.clientId(), "--client-secret", c.clientSecret(),
        "--refresh-token", c.refreshToken(), "--access-token", c.accessToken(), "--db", database, "--progress",
        "none"));
  }

  @Test
  void aSecondSyncOfTheSameAccountIsRefusedNamingTheHolder() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(5).shops(1).items(20).sales(5).orders(0)
        .timeSource(new ManualTimeSource()).unlimited().build());
    String database = db("locked");
    String account = "retail:" + server.retailCredentials().accountId();
    try (ConnectionPool pool = ConnectionPool.open(database)) {
      JdbcSyncSink other = JdbcSyncSink.migrated(pool);
      AppRun refused;
      try (RunLock held = other.tryLockRun(account).orElseThrow()) {
        refused = AppRun.of(accountArgs(database).toArray(String[]::new));
      }
      AppRun after = AppRun.of(accountArgs(database).toArray(String[]::new));

      assertThat(refused.exitCode()).isEqualTo(RunGuard.ALREADY_RUNNING);
      assertThat(refused.errLines()).singleElement().asString()
          .contains("a sync of account " + account + " is already running (held by pid "
              + ProcessHandle.current().pid());
      assertThat(after.exitCode()).as(after.err()).isZero();
      assertThat(other.runLockHolder(account)).as("released after the run").isEmpty();
    }
  }

  @Test
  void aDatabaseFileHeldByAnotherProcessIsTheSameDistinctExitCode() throws Exception {
    String database = db("held");
    try (ChildJvm child = ChildJvm.start(dir, DurableWritesChild.class, "lock", database, "retail:77")) {
      child.awaitLine("LOCKED", 60);

      AppRun run = AppRun.of("sync", "--db", database, "--testkit-items", "10", "--testkit-sales", "5",
          "--testkit-shops", "1", "--no-activity");

      assertThat(run.exitCode()).isEqualTo(RunGuard.ALREADY_RUNNING);
      assertThat(run.errLines()).singleElement().asString().contains("is in use by another process");
    }
  }
}
