package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled exports (issue 13, seed 001 "Exports (Optiply -> Lightspeed): every 30 minutes"): the
 * schedule's own tasks ({@link ScheduledRuns}) on db-scheduler's {@link ManualScheduler} with a
 * {@link SettableClock}, so time passes by {@code tick}, not by sleeping. The account is a testkit
 * R-Series account at {@code --base-url}; the export is {@code book-receipts} over a spool file.
 */
class ScheduleExportsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  LightspeedTestServer server;
  long item;
  Path spool;
  ConnectionPool pool;
  SettableClock clock;
  ManualScheduler scheduler;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(5).shops(2).items(40).sales(10).orders(0)
        .products(1).ecomOrders(0).timeSource(new ManualTimeSource()).unlimited().build());
    item = server.retail().stream("Item").filter(r -> !r.getBoolean("archived") && r.require("itemType").equals("default"))
        .findFirst().orElseThrow().id();
    spool = dir.resolve("receipts.jsonl");
  }

  @AfterEach
  void stop() {
    if (pool != null) {
      pool.close();
    }
    server.close();
  }

  private String shared() {
    return "jdbc:h2:file:" + dir.resolve("scheduler").toAbsolutePath();
  }

  /** An accounts file with one account, store-1, and {@code exports}; {@code extra} sync options. */
  private Path accounts(String exports, String... extra) throws IOException {
    RetailCredentials c = server.retailCredentials();
    ArrayNode accounts = JSON.createArrayNode();
    ObjectNode a = accounts.addObject().put("key", "store-1").put("db", "jdbc:h2:file:" + dir.resolve("store-1").toAbsolutePath());
    ArrayNode args = a.putArray("args");
    List<String> all = new ArrayList<>(List.of("--base-url", server.retailBaseUrl().toString(), "--account-id",
        Long.toString(c.accountId()), "--client-id", c.clientId(), "--client-secret", c.clientSecret(),
        "--refresh-token", c.refreshToken(), "--access-token", c.accessToken(), "--max-attempts", "1"));
    all.addAll(List.of(extra));
    all.forEach(args::add);
    if (exports != null) {
      a.set("exports", JSON.readTree(exports));
    }
    return Files.writeString(dir.resolve("accounts.json"), JSON.writeValueAsString(accounts));
  }

  private static final String EXPORT_EVERY_30M = "[{\"flow\":\"book-receipts\",\"in\":\"receipts.jsonl\",\"every\":\"30m\"}]";

  /** Starts (or restarts) this node's schedule: imports every hour, first retry after a minute. */
  private ScheduledRuns schedule(Path accountsFile, boolean readOnly) throws SQLException {
    if (pool == null) {
      pool = ConnectionPool.open(shared());
      ScheduleCommand.createTables(pool);
    }
    if (clock == null) {
      clock = new SettableClock();
      clock.set(now()); // whole milliseconds: the scheduler table keeps microseconds
    }
    ScheduledRuns runs = new ScheduledRuns(AccountsFile.read(accountsFile), pool, clock, "test-node",
        new PrintStream(log, true, StandardCharsets.UTF_8), Duration.ofHours(1), Duration.ofMinutes(1), readOnly,
        LightspeedSyncApp::run);
    scheduler = TestHelper.createManualScheduler(ScheduleCommand.dataSource(pool), runs.tasks()).clock(clock).build();
    runs.scheduleAll(scheduler);
    return runs;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  private void tick(Duration d) {
    scheduler.tick(d);
    scheduler.runAnyDueExecutions();
  }

  private String receipt(String receiptId, long quantity) {
    return "{\"purchaseOrderId\":\"PO-1\",\"receiptId\":\"" + receiptId + "\",\"lineId\":\"L1\",\"skuId\":\"" + item
        + "\",\"locationId\":\"1\",\"quantity\":" + quantity + "}";
  }

  private void append(String text) {
    try {
      Files.writeString(spool, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long qoh() {
    return server.retail().qoh(item, 1);
  }

  /** The run log: what ran, in order, as "what exit". */
  private List<String> runs() throws SQLException {
    List<String> runs = new ArrayList<>();
    try (Connection c = pool.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT what, exit_code FROM ls_schedule_run ORDER BY finished_at, what")) {
      while (rs.next()) {
        runs.add(rs.getString(1) + " " + rs.getInt(2));
      }
    }
    return runs;
  }

  private long count(String what) throws SQLException {
    return runs().stream().filter(r -> r.startsWith(what + " ")).count();
  }

  private List<JsonNode> results() throws IOException {
    Path results = Path.of(spool + ".results.jsonl");
    if (!Files.exists(results)) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(results)) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  private String logText() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anExportRunsEveryThirtyMinutesBesideTheHourlyImportAndBooksEachLineOnce() throws Exception {
    long before = qoh();
    append(receipt("R1", 3) + "\n");
    schedule(accounts(EXPORT_EVERY_30M), false);

    scheduler.runAnyDueExecutions(); // t0: both are due at once
    assertThat(count("import")).isEqualTo(1);
    assertThat(count("export book-receipts")).isEqualTo(1);
    assertThat(qoh()).isEqualTo(before + 3);

    // the host appends a receipt, and starts another one that is not complete yet (no newline)
    append(receipt("R2", 2) + "\n" + receipt("R3", 5).substring(0, 20));
    tick(Duration.ofMinutes(29));
    assertThat(count("export book-receipts")).as("not before 30 minutes").isEqualTo(1);
    tick(Duration.ofMinutes(1));
    assertThat(count("export book-receipts")).isEqualTo(2);
    assertThat(count("import")).as("the import has its own interval").isEqualTo(1);
    assertThat(qoh()).as("R2 booked; R1 not again; the half-written R3 waits").isEqualTo(before + 5);

    append(receipt("R3", 5).substring(20) + "\n");
    tick(Duration.ofMinutes(30));
    assertThat(count("export book-receipts")).isEqualTo(3);
    assertThat(count("import")).isEqualTo(2);
    assertThat(qoh()).isEqualTo(before + 10);
    assertThat(runs()).allSatisfy(r -> assertThat(r).endsWith(" 0"));

    // each receipt's result once in the results file (ALREADY_DONE repeats are not appended)
    assertThat(results()).extracting(r -> r.get("status").asText() + " " + r.get("line").asInt())
        .containsExactly("DONE 1", "DONE 2", "DONE 3");
    assertThat(results()).allSatisfy(r -> assertThat(r.get("run").asText()).isNotBlank());
    assertThat(logText()).contains("schedule: store-1 export book-receipts on test-node: 1 DONE")
        .contains("schedule: store-1 export book-receipts on test-node: 2 ALREADY_DONE, 1 DONE");
  }

  @Test
  void aFailedImportIsRetriedAfterOneThenTwoMinutesThenSucceedsAndGoesBackToItsInterval() throws Exception {
    schedule(accounts(null), false);
    String items = "GET /API/V3/Account/" + server.retailCredentials().accountId() + "/Item";
    server.injectNext(Fault.SERVER_ERROR, items);
    scheduler.runAnyDueExecutions();
    assertThat(runs()).as(logText()).containsExactly("import 1");
    assertThat(logText()).contains("schedule: store-1 import on test-node: failed (exit 1): ").contains("; retry 1 in 1m at ");

    server.injectNext(Fault.SERVER_ERROR, items);
    tick(Duration.ofMinutes(1));
    assertThat(runs()).containsExactly("import 1", "import 1");
    assertThat(logText()).contains("; retry 2 in 2m at ");

    tick(Duration.ofMinutes(1));
    assertThat(runs()).as("the second retry waits 2 minutes").hasSize(2);
    tick(Duration.ofMinutes(1));
    assertThat(runs()).containsExactly("import 1", "import 1", "import 0");
    try (Connection c = pool.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(retry_at) FROM ls_schedule_run")) {
      rs.next();
      assertThat(rs.getInt(1)).as("each failed run names its retry in the run log").isEqualTo(2);
    }

    // after the success, the next run is a full interval (1h) later, not on the retry rhythm
    tick(Duration.ofMinutes(59));
    assertThat(runs()).hasSize(3);
    tick(Duration.ofMinutes(1));
    assertThat(runs()).hasSize(4).last().isEqualTo("import 0");
  }

  @Test
  void aFailedExportIsRetriedWithBackoffAndRaisesStockOnce() throws Exception {
    long before = qoh();
    append(receipt("R1", 4) + "\n");
    schedule(accounts(EXPORT_EVERY_30M), false);
    server.injectNext(Fault.SERVER_ERROR, "PUT /API/V3/Account/" + server.retailCredentials().accountId() + "/Item/");
    scheduler.runAnyDueExecutions();
    assertThat(runs()).contains("export book-receipts 1");
    assertThat(logText()).contains("schedule: store-1 export book-receipts on test-node: failed (exit 1)")
        .contains("; retry 1 in 1m at ");

    tick(Duration.ofMinutes(1));
    assertThat(runs()).last().isEqualTo("export book-receipts 0");
    assertThat(qoh()).isEqualTo(before + 4);
    tick(Duration.ofMinutes(30));
    assertThat(count("export book-receipts")).isEqualTo(3);
    assertThat(qoh()).as("a rerun never books again").isEqualTo(before + 4);
  }

  @Test
  void aChangedExportIntervalAppliesAtTheNextStartOfTheSchedule() throws Exception {
    append(receipt("R1", 1) + "\n");
    schedule(accounts(EXPORT_EVERY_30M), false);
    scheduler.runAnyDueExecutions();
    assertThat(count("export book-receipts")).isEqualTo(1);

    schedule(accounts("[{\"flow\":\"book-receipts\",\"in\":\"receipts.jsonl\",\"every\":\"10m\"}]"), false); // a restart
    assertThat(logText()).contains("schedule: store-1 export book-receipts now every 10m; next run at ");
    tick(Duration.ofMinutes(10));
    assertThat(count("export book-receipts")).isEqualTo(2);
    tick(Duration.ofMinutes(10));
    assertThat(count("export book-receipts")).isEqualTo(3);
    assertThat(count("import")).isEqualTo(1);
  }

  @Test
  void aRunLogOfAnOlderVersionGainsTheNewColumns() throws Exception {
    try (ConnectionPool old = ConnectionPool.open("jdbc:h2:file:" + dir.resolve("old").toAbsolutePath());
        Connection c = old.connection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ls_schedule_run (account_key VARCHAR(100) NOT NULL, node VARCHAR(100) NOT NULL,"
          + " started_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, finished_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
          + " exit_code INT NOT NULL, error VARCHAR(4000))");
      ScheduleCommand.createTables(old);
      ScheduleCommand.createTables(old);
      s.executeQuery("SELECT what, retry_at FROM ls_schedule_run").close();
    }
  }

  /** The command as shipped (real scheduler, system clock), bounded by --until-all-synced. */
  @Test
  void theScheduleCommandRunsTheImportAndTheExportOfEachAccount() throws Exception {
    long before = qoh();
    append(receipt("R1", 2) + "\n");
    Path file = accounts(EXPORT_EVERY_30M);
    AppRun run = AppRun.of("schedule", "--db", shared(), "--accounts", file.toString(), "--node", "A", "--polling", "100ms",
        "--until-all-synced", "--for", "60s");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("schedule: node A, 1 accounts, imports every 30m, 1 exports, first retry after 1m")
        .contains("schedule: store-1 import on A: ok").contains("schedule: store-1 export book-receipts on A: 1 DONE");
    assertThat(qoh()).isEqualTo(before + 2);
    assertThat(results()).extracting(r -> r.get("status").asText()).containsExactly("DONE");
    assertThat(AppRun.of("export", "--db", "jdbc:h2:file:" + dir.resolve("store-1").toAbsolutePath(), "--what", "skus")
        .outLines()).isNotEmpty();
  }

  @Test
  void anExportWaitsWhileTheAccountsRunLockIsHeldElsewhere() throws Exception {
    long before = qoh();
    append(receipt("R1", 2) + "\n");
    schedule(accounts(EXPORT_EVERY_30M), false);
    scheduler.runAnyDueExecutions(); // creates the account's database
    assertThat(qoh()).isEqualTo(before + 2);
    append(receipt("R2", 1) + "\n");
    try (ConnectionPool account = ConnectionPool.open("jdbc:h2:file:" + dir.resolve("store-1").toAbsolutePath());
        dev.lightspeedsync.sync.spi.RunLock held = new dev.lightspeedsync.examples.jdbc.JdbcSyncSink(account)
            .tryLockRun("retail:" + server.retailCredentials().accountId()).orElseThrow()) {
      tick(Duration.ofMinutes(30)); // another node's sync of the account holds it
      assertThat(runs()).last().isEqualTo("export book-receipts 6");
      assertThat(logText()).contains("export book-receipts on test-node: failed (exit 6): a sync of account retail:")
          .contains("; retry 1 in 1m at ");
      assertThat(qoh()).isEqualTo(before + 2);
    }
    tick(Duration.ofMinutes(1));
    assertThat(runs()).last().isEqualTo("export book-receipts 0");
    assertThat(qoh()).isEqualTo(before + 3);
  }

  @Test
  void backoffDoublesFromTheFirstRetryAndStaysBelowTheInterval() {
    Duration every = Duration.ofMinutes(30);
    List<Long> minutes = new ArrayList<>();
    for (int n = 0; n < 7; n++) {
      minutes.add(ScheduledRuns.backoff(Duration.ofMinutes(1), every, n).toMinutes());
    }
    assertThat(minutes).containsExactly(1L, 2L, 4L, 8L, 15L, 15L, 15L);
    assertThat(ScheduledRuns.backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 0)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void triggerRunsTheAccountsImportAndExportNowFromAnotherProcessAndARestartNeverWritesTwice() throws Exception {
    long before = qoh();
    append(receipt("R1", 3) + "\n");
    Path file = accounts(EXPORT_EVERY_30M);
    schedule(file, false);
    scheduler.runAnyDueExecutions();
    assertThat(runs()).hasSize(2);
    append(receipt("R2", 2) + "\n");

    // another process (the CLI) triggers store-1 while this node's schedule keeps running
    AppRun trigger = AppRun.of("schedule", "trigger", "store-1", "--db", shared(), "--accounts", file.toString());
    assertThat(trigger.exitCode()).as(trigger.err()).isZero();
    assertThat(trigger.outLines()).containsExactly("trigger: store-1 import: due now",
        "trigger: store-1 export book-receipts: due now");
    clock.set(now().plusMillis(1)); // a few real milliseconds later, far before the next interval
    scheduler.runAnyDueExecutions();
    assertThat(count("import")).isEqualTo(2);
    assertThat(count("export book-receipts")).isEqualTo(2);
    assertThat(qoh()).isEqualTo(before + 5);

    // a restarted node (a new scheduler over the same databases), triggered again: nothing is written twice
    long puts = server.inspect().recentRequests().stream().filter(r -> r.method().equals("PUT")).count();
    schedule(file, false);
    assertThat(AppRun.of("schedule", "trigger", "store-1", "--db", shared(), "--accounts", file.toString()).exitCode()).isZero();
    clock.set(now().plusMillis(1));
    scheduler.runAnyDueExecutions();
    assertThat(count("export book-receipts")).isEqualTo(3);
    assertThat(qoh()).isEqualTo(before + 5);
    assertThat(server.inspect().recentRequests().stream().filter(r -> r.method().equals("PUT")).count()).isEqualTo(puts);
    assertThat(results()).extracting(r -> r.get("status").asText()).containsExactly("DONE", "DONE");

    // --wait: the trigger reports the outcome of the runs a node makes for it
    CompletableFuture<AppRun> waiting = CompletableFuture.supplyAsync(() -> AppRun.of("schedule", "trigger", "store-1",
        "--db", shared(), "--accounts", file.toString(), "--wait", "60s"));
    for (int i = 0; i < 6000 && !waiting.isDone(); i++) { // this node polls until the other process has its answer
      clock.set(now());
      scheduler.runAnyDueExecutions();
      try {
        waiting.get(10, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        // the trigger is still waiting
      }
    }
    AppRun waited = waiting.get();
    assertThat(waited.exitCode()).as(waited.err()).isZero();
    assertThat(waited.outLines()).contains("trigger: store-1 import ran: ok on test-node",
        "trigger: store-1 export book-receipts ran: ok on test-node");
    assertThat(qoh()).isEqualTo(before + 5);
  }

  @Test
  void triggerWaitFailsWithOneLineWhenNoNodeRunsTheAccount() throws Exception {
    Path file = accounts(EXPORT_EVERY_30M);
    AppRun run = AppRun.of("schedule", "trigger", "store-1", "--db", shared(), "--accounts", file.toString(), "--wait", "300ms");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).containsExactly("trigger: store-1 import: due now", "trigger: store-1 export book-receipts: due now");
    assertThat(run.errLines()).containsExactly("error: store-1 import, export book-receipts did not run within --wait 300ms;"
        + " is a schedule node running on this --db? They stay due and run at its next poll");
  }

  @Test
  void readOnlyAndDryRunWriteNothingAndClaimNothing() throws Exception {
    long before = qoh();
    append(receipt("R1", 3) + "\n");
    schedule(accounts(EXPORT_EVERY_30M, "--read-only"), false);
    scheduler.runAnyDueExecutions();
    assertThat(qoh()).isEqualTo(before);
    assertThat(results()).extracting(r -> r.get("status").asText()).containsExactly("SUPPRESSED");

    schedule(accounts("[{\"flow\":\"book-receipts\",\"in\":\"receipts.jsonl\",\"args\":[\"--dry-run\"]}]"), false);
    AppRun.of("schedule", "trigger", "store-1", "--db", shared(), "--accounts", dir.resolve("accounts.json").toString());
    clock.set(now().plusMillis(1));
    scheduler.runAnyDueExecutions();
    assertThat(qoh()).isEqualTo(before);
    assertThat(results()).extracting(r -> r.get("status").asText()).containsExactly("SUPPRESSED", "PLANNED");

    // the schedule's own --read-only wins over an account without it
    schedule(accounts(EXPORT_EVERY_30M), true);
    AppRun.of("schedule", "trigger", "store-1", "--db", shared(), "--accounts", dir.resolve("accounts.json").toString());
    clock.set(now().plusMillis(1));
    scheduler.runAnyDueExecutions();
    assertThat(qoh()).isEqualTo(before);

    // nothing was claimed: the first real run books the receipt
    schedule(accounts(EXPORT_EVERY_30M), false);
    AppRun.of("schedule", "trigger", "store-1", "--db", shared(), "--accounts", dir.resolve("accounts.json").toString());
    clock.set(now().plusMillis(1));
    scheduler.runAnyDueExecutions();
    assertThat(qoh()).isEqualTo(before + 3);
    assertThat(results()).extracting(r -> r.get("status").asText()).containsExactly("SUPPRESSED", "PLANNED", "SUPPRESSED", "DONE");
  }

  @Test
  void usageErrorsAreOneLineWithExit2() throws Exception {
    Path file = accounts(EXPORT_EVERY_30M);
    AppRun unknown = AppRun.of("schedule", "trigger", "store-9", "--db", shared(), "--accounts", file.toString());
    assertThat(unknown.exitCode()).as(unknown.err()).isEqualTo(2);
    assertThat(unknown.errLines()).hasSize(1).first().asString().startsWith("error: ")
        .contains("no account 'store-9' in --accounts").contains("(the accounts are store-1)");
    AppRun badEvery = AppRun.of("schedule", "trigger", "store-1", "--db", shared(), "--accounts",
        accounts("[{\"flow\":\"book-receipts\",\"in\":\"r.jsonl\",\"every\":\"0m\"}]").toString());
    assertThat(badEvery.exitCode()).as(badEvery.err()).isEqualTo(2);
    assertThat(badEvery.errLines()).hasSize(1).first().asString().startsWith("error: ")
        .contains("export book-receipts: \"every\" must be a positive duration");
    for (String[] bad : List.of(
        new String[] {"[{\"flow\":\"book-receipt\",\"in\":\"r.jsonl\"}]", "\"flow\" must be one of book-receipts"},
        new String[] {"[{\"flow\":\"book-receipts\"}]", "export book-receipts needs \"in\""},
        new String[] {"[{\"flow\":\"book-receipts\",\"in\":\"r.jsonl\",\"args\":[\"--dryrun\"]}]", "unknown option --dryrun"},
        new String[] {"[{\"flow\":\"book-receipts\",\"in\":\"r.jsonl\",\"args\":[\"--db\",\"x\"]}]", "must not set --db"},
        new String[] {"[{\"flow\":\"book-receipts\",\"in\":\"r.jsonl\",\"evry\":\"1m\"}]", "unknown field 'evry'"},
        new String[] {"[{\"flow\":\"book-receipts\",\"in\":\"a\"},{\"flow\":\"book-receipts\",\"in\":\"b\"}]", "appears twice"})) {
      AppRun run = AppRun.of("schedule", "--db", shared(), "--accounts", accounts(bad[0]).toString(), "--for", "1s");
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.errLines()).hasSize(1).first().asString().contains(bad[1]);
    }
    AppRun noDb = AppRun.of("schedule", "--accounts", file.toString());
    assertThat(noDb.exitCode()).isEqualTo(2);
    assertThat(noDb.errLines()).hasSize(1).first().asString().contains("--db");
    AppRun retry = AppRun.of("schedule", "--db", shared(), "--accounts", file.toString(), "--retry-after", "soon");
    assertThat(retry.exitCode()).isEqualTo(2);
    assertThat(retry.errLines()).hasSize(1).first().asString().contains("--retry-after must be a positive duration");
  }
}
