package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.error.ServerException;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.FaultPlan;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The app against hostile loopback servers (issue 10): what it tells the user when the server was
 * reached but the connection failed, when the token endpoint answers something that is not OAuth,
 * when a call stalls ({@code --call-timeout}) and when a run passes its {@code --deadline}. The
 * testkit's fault injection drops, cuts short and delays single requests; a JDK {@link HttpServer}
 * plays a proxy that answers HTML. No fixed ports; the longest wait is one injected 1-second latency.
 */
class HostileServerAppTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /**
   * The deadline of the deadline tests, and the injected latency of the first page of items: the run
   * reaches the deadline on that page, however slow the machine is at everything before it.
   */
  static final String DEADLINE = "600ms";
  static final Duration SLOW_PAGE = Duration.ofMillis(1000);

  final ManualTimeSource time = new ManualTimeSource();
  LightspeedTestServer server;
  HttpServer proxy;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (proxy != null) {
      proxy.stop(0);
    }
  }

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("app").toAbsolutePath();
  }

  private void start(int items, FaultPlan faults) {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(5).shops(2).items(items).sales(40).orders(0)
        .timeSource(time).unlimited().faults(faults).build());
  }

  private String[] args(String... extra) {
    RetailCredentials c = server.retailCredentials();
    List<String> args = new ArrayList<>(List.of("sync", "--base-url", server.retailBaseUrl().toString(),
        "--account-id", Long.toString(c.accountId()), "--client-id", c.clientId(), "--client-secret",
        c.clientSecret(), "--refresh-token", c.refreshToken(), "--access-token", c.accessToken(), "--db", db(),
        "--progress", "none", "--max-attempts", "1"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private String itemWalk() {
    return "GET /API/V3/Account/" + server.retailCredentials().accountId() + "/Item.json";
  }

  private static void assertNoSecretAndNoHttpZero(AppRun run, RetailCredentials c) {
    assertThat(run.out() + run.err()).doesNotContain(c.clientSecret(), c.refreshToken(), c.accessToken(), "HTTP 0");
  }

  /** A server that accepts the connection and then fails it was reached: exit 1, not "cannot reach" (exit 4). */
  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"DROP_CONNECTION", "TRUNCATED_BODY"})
  void aServerThatWasReachedButFailedTheConnectionIsExitOneAndARerunResumes(Fault fault) {
    start(250, FaultPlan.none());
    server.injectNext(fault, itemWalk());

    AppRun run = AppRun.of(args());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("error: Lightspeed was reached but the connection failed (")
        .contains(fault == Fault.DROP_CONNECTION ? "it closed the connection before a complete answer"
            : "its answer was cut short")
        .contains("rerun to resume")
        .doesNotContain("cannot reach", "--base-url");
    assertNoSecretAndNoHttpZero(run, server.retailCredentials());

    AppRun rerun = AppRun.of(args());
    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
  }

  /** A call that stalls ends at {@code --call-timeout}: exit 1 naming the timeout, not a hang, not exit 4. */
  @Test
  void aStalledCallEndsAtTheCallTimeoutWithExitOne() {
    start(50, FaultPlan.seeded(1).withLatency(Duration.ofSeconds(1)));
    server.injectNext(Fault.LATENCY, itemWalk());

    // the client's own timeouts (30 s read, 2 min call) would wait the 1 s out and the sync would succeed
    AppRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> AppRun.of(args("--call-timeout", "200ms")));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("error: Lightspeed was reached but the connection failed (it did not answer in time; see --call-timeout)")
        .contains("rerun to resume");
    assertNoSecretAndNoHttpZero(run, server.retailCredentials());
  }

  /**
   * A token endpoint that answers an HTML page with 200 (a proxy, a wrong URL) did not judge the
   * credentials: exit 1 naming an unexpected answer, never exit 3 "rejected the credentials".
   */
  @Test
  void aTokenEndpointAnsweringHtmlIsAnUnexpectedAnswerNotRejectedCredentials() throws IOException {
    proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext("/", ex -> {
      boolean token = ex.getRequestURI().getPath().startsWith("/auth/");
      byte[] body = (token ? "<html><body>Welcome to our proxy</body></html>"
          : "{\"httpCode\":\"401\",\"httpMessage\":\"Unauthorized\",\"message\":\"Invalid access token.\"}")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", token ? "text/html" : "application/json");
      ex.sendResponseHeaders(token ? 200 : 401, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    proxy.start();
    String base = "http://127.0.0.1:" + proxy.getAddress().getPort() + "/";

    AppRun run = AppRun.of("sync", "--base-url", base, "--account-id", "1", "--client-id", "id", "--client-secret",
        "secret-html-1", "--refresh-token", "refresh-html-2", "--db", db(), "--progress", "none", "--max-attempts", "1");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("error: unexpected answer from Lightspeed (HTTP 200)")
        .contains("check the token URL")
        .doesNotContain("rejected the credentials");
    assertThat(run.out() + run.err()).doesNotContain("secret-html-1", "refresh-html-2", "HTTP 0");
  }

  @Test
  void onlyAConnectionThatWasNeverMadeIsUnreachableAndOnlyARefusalIsRejectedCredentials() {
    for (LightspeedConnectionException.Kind kind : LightspeedConnectionException.Kind.values()) {
      var e = new LightspeedConnectionException("boom", kind, 0, null, null, false, null);
      assertThat(LightspeedSyncApp.exitCode(e)).as(kind.name())
          .isEqualTo(kind == LightspeedConnectionException.Kind.CONNECT_FAILED ? ExitCodes.UNREACHABLE : ExitCodes.FAILURE);
      assertThat(LightspeedSyncApp.message(e).contains("cannot reach")).as(kind.name())
          .isEqualTo(kind == LightspeedConnectionException.Kind.CONNECT_FAILED);
    }
    assertThat(LightspeedSyncApp.exitCode(new DecodingException("not JSON", 200, null, null, false, null)))
        .isEqualTo(ExitCodes.FAILURE);
    assertThat(LightspeedSyncApp.exitCode(new AuthenticationException("refused", 401, null, null, false, null)))
        .isEqualTo(ExitCodes.CREDENTIALS_REJECTED);
  }

  /** "HTTP n" only when a status arrived. */
  @Test
  void noMessageEverSaysHttpZero() {
    List<LightspeedException> noStatus = List.of(
        new LightspeedException("no status", 0, null, null, false, null) {},
        new DecodingException("no status", 0, null, null, false, null),
        new AuthenticationException("no status", 0, null, null, false, null),
        new LightspeedConnectionException("no status", LightspeedConnectionException.Kind.TRUNCATED, 0, null, null,
            false, null));
    for (LightspeedException e : noStatus) {
      assertThat(LightspeedSyncApp.message(e)).as(e.getClass().getSimpleName()).doesNotContain("HTTP 0", "HTTP");
    }
    assertThat(LightspeedSyncApp.message(new ServerException("down", 503, null, null, false, null)))
        .startsWith("Lightspeed answered HTTP 503: ");
    assertThat(LightspeedSyncApp.message(new AuthenticationException("refused", 401, null, null, false, null)))
        .startsWith("Lightspeed rejected the credentials (HTTP 401): ");
  }

  /**
   * A run that passes its {@code --deadline} stops at the checkpoint of the page in hand: exit 8,
   * one "stopped:" line, status DEADLINE_REACHED in the summary; the rerun goes on from there (it
   * stores the rest, not everything again) and the database equals the truth.
   */
  @Test
  void aRunPastItsDeadlineStopsAtACheckpointAndTheRerunResumes() throws IOException {
    start(350, FaultPlan.seeded(1).withLatency(SLOW_PAGE));
    server.injectNext(Fault.LATENCY, itemWalk()); // the first page of items takes longer than the deadline
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");

    AppRun stopped = AppRun.of(args("--deadline", DEADLINE, "--summary-json", first.toString()));

    assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(ExitCodes.DEADLINE_REACHED);
    assertThat(stopped.errLines()).singleElement().asString()
        .isEqualTo("stopped: the --deadline (" + DEADLINE + ") was reached; the run stopped at a checkpoint; rerun to resume from it");
    JsonNode s1 = JSON.readTree(first.toFile());
    assertThat(s1.get("status").asText()).isEqualTo("DEADLINE_REACHED");
    assertThat(s1.get("skus").asLong()).as("the first page was stored").isPositive();

    AppRun rerun = AppRun.of(args("--summary-json", second.toString()));

    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    JsonNode s2 = JSON.readTree(second.toFile());
    assertThat(s2.get("status").asText()).isEqualTo("COMPLETE");
    long activeItems = server.retail().stream("Item")
        .filter(r -> !r.getBoolean("archived") && !r.require("itemType").equals("non_inventory")).count();
    assertThat(s1.get("skus").asLong() + s2.get("skus").asLong()).as("resumed after the stored page, not restarted")
        .isEqualTo(activeItems);
    assertThat(exportedStock()).isEqualTo(truthStock());
  }

  /**
   * The app waits for rate-limit windows, but not past its deadline: a window that opens only after
   * it stops the run at its checkpoint, exit 8, saying when Lightspeed allows the next request.
   */
  @Test
  void aRateLimitWaitPastTheDeadlineStopsTheRunAtItsCheckpoint() throws IOException {
    // a bucket of 4 drips that drains one drip per 1000 s (real time on both sides): once it is full the
    // client would have to wait far past 30 s, longer than it waits by itself, and the engine decides
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(5).shops(2).items(350).sales(40).orders(0)
        .timeSource(dev.lightspeedsync.testkit.TimeSource.system()).bucketSize(4).dripRate(0.001).build());
    Path summary = dir.resolve("stopped.json");

    AppRun run = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> AppRun.of(args("--deadline", "30s", "--summary-json", summary.toString())));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DEADLINE_REACHED);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("stopped: the rate-limit wait would pass the --deadline (30s); the run stopped at a checkpoint;"
            + " rerun to resume from it (Lightspeed allows it from ");
    assertThat(JSON.readTree(summary.toFile()).get("status").asText()).isEqualTo("STOPPED_FOR_RATE_LIMIT");
    assertThat(server.inspect().rateLimited()).as("the wait was known before sending: no 429").isZero();
  }

  /**
   * Issue 15: a checkpoint saved by an earlier version (an absolute cursor with another server's host
   * and port) is used, not refused; a cursor that cannot be used at all is reported in one notice
   * line and the stream restarts: either way the rerun ends with the truth, never stuck.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void aSavedCursorFromAnotherServerIsUsedAndAnUnusableOneRestartsTheStream(boolean legacyAbsolute) throws Exception {
    start(350, FaultPlan.seeded(1).withLatency(SLOW_PAGE));
    server.injectNext(Fault.LATENCY, itemWalk());
    assertThat(AppRun.of(args("--deadline", DEADLINE)).exitCode()).isEqualTo(ExitCodes.DEADLINE_REACHED);
    String name = "retail:" + server.retailCredentials().accountId() + ":CATALOGUE";
    String position;
    try (var pool = dev.lightspeedsync.examples.jdbc.ConnectionPool.open(db()); var c = pool.connection();
        var ps = c.prepareStatement("SELECT position FROM ls_checkpoint WHERE stream = ?")) {
      ps.setString(1, name);
      try (var rs = ps.executeQuery()) {
        assertThat(rs.next()).as("a checkpoint mid-walk").isTrue();
        position = rs.getString(1);
      }
      Matcher cur = Pattern.compile("cur=([^&]+)").matcher(position);
      assertThat(cur.find()).as(position).isTrue();
      String cursor = java.net.URLDecoder.decode(cur.group(1), StandardCharsets.UTF_8);
      assertThat(cursor).as("no host in a saved cursor").doesNotContain("127.0.0.1", "http");
      String replaced = legacyAbsolute
          ? "http://127.0.0.1:1/API/V3/Account/" + server.retailCredentials().accountId() + cursor // as saved before
          : "/Sale.json?after=unusable"; // not this list's
      try (var up = c.prepareStatement("UPDATE ls_checkpoint SET position = ? WHERE stream = ?")) {
        up.setString(1, position.replace(cur.group(0),
            "cur=" + java.net.URLEncoder.encode(replaced, StandardCharsets.UTF_8)));
        up.setString(2, name);
        assertThat(up.executeUpdate()).isOne();
      }
    }

    AppRun rerun = AppRun.of(args());

    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    if (legacyAbsolute) {
      assertThat(rerun.err()).as("the old cursor is used").isEmpty();
    } else {
      assertThat(rerun.errLines()).singleElement().asString()
          .startsWith("notice: CATALOGUE: the saved checkpoint could not be used (")
          .endsWith("the stream restarts from its last completed read");
    }
    assertThat(exportedStock()).isEqualTo(truthStock());
    long activeItems = server.retail().stream("Item")
        .filter(r -> !r.getBoolean("archived") && !r.require("itemType").equals("non_inventory")).count();
    AppRun skus = AppRun.of("export", "--db", db(), "--what", "skus");
    assertThat(skus.outLines().stream().filter(l -> l.contains("\"active\":true")).count()).isEqualTo(activeItems);
  }

  /**
   * Issue 15: a sync stopped mid-walk resumes against a server on another port (the embedded
   * testkit gets a new random port every run): the saved cursor does not carry the host, so the
   * rerun goes on from it, with no "checkpoint could not be used" notice and nothing read twice.
   */
  @Test
  void aRunStoppedMidWalkResumesAgainstTheSameAccountOnAnotherPort() throws IOException {
    start(350, FaultPlan.seeded(1).withLatency(SLOW_PAGE));
    server.injectNext(Fault.LATENCY, itemWalk());
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    AppRun stopped = AppRun.of(args("--deadline", DEADLINE, "--summary-json", first.toString()));
    assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(ExitCodes.DEADLINE_REACHED);
    int oldPort = server.retailBaseUrl().getPort();
    server.close();
    start(350, FaultPlan.none()); // the same account (same seed), another port

    AppRun rerun = AppRun.of(args("--summary-json", second.toString()));

    assertThat(server.retailBaseUrl().getPort()).isNotEqualTo(oldPort);
    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    assertThat(rerun.err()).as("no notice: the checkpoint was used").isEmpty();
    long activeItems = server.retail().stream("Item")
        .filter(r -> !r.getBoolean("archived") && !r.require("itemType").equals("non_inventory")).count();
    assertThat(JSON.readTree(first.toFile()).get("skus").asLong() + JSON.readTree(second.toFile()).get("skus").asLong())
        .as("resumed at the saved cursor").isEqualTo(activeItems);
    assertThat(exportedStock()).isEqualTo(truthStock());
  }

  /**
   * Under {@code schedule} the deadline comes with the account's args; a run stopped by it is
   * recorded with exit 8 (not retried as a failure) and a bounded schedule run says so with exit 8.
   */
  @Test
  void aScheduledAccountStoppedAtItsDeadlineIsRecordedAsStoppedNotFailed() throws Exception {
    start(350, FaultPlan.seeded(1).withLatency(SLOW_PAGE));
    server.injectNext(Fault.LATENCY, itemWalk());
    List<String> account = new ArrayList<>(List.of(args("--deadline", DEADLINE)));
    account.remove(0); // "sync"
    int db = account.indexOf("--db");
    account.subList(db, db + 4).clear(); // --db and --progress are the schedule's
    ObjectMapper json = new ObjectMapper();
    var accounts = json.createArrayNode();
    var a = accounts.addObject().put("key", "store-d").put("db", db());
    account.forEach(a.putArray("args")::add);
    Path file = java.nio.file.Files.writeString(dir.resolve("accounts.json"), json.writeValueAsString(accounts));
    String scheduler = "jdbc:h2:file:" + dir.resolve("scheduler").toAbsolutePath();

    AppRun run = AppRun.of("schedule", "--db", scheduler, "--accounts", file.toString(), "--every", "1h", "--polling",
        "100ms", "--until-all-synced", "--for", "60s");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DEADLINE_REACHED);
    assertThat(run.errLines()).singleElement().asString()
        .isEqualTo("stopped: the last sync of store-d stopped at its --deadline; the next run resumes from the checkpoint");
    try (var pool = dev.lightspeedsync.examples.jdbc.ConnectionPool.open(scheduler); var c = pool.connection();
        var st = c.createStatement(); var rs = st.executeQuery("SELECT exit_code, error FROM ls_schedule_run")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(ExitCodes.DEADLINE_REACHED);
      assertThat(rs.getString(2)).startsWith("stopped: the --deadline (" + DEADLINE + ") was reached");
      assertThat(rs.next()).isFalse();
    }
    try (var pool = dev.lightspeedsync.examples.jdbc.ConnectionPool.open(scheduler); var c = pool.connection();
        var st = c.createStatement();
        var rs = st.executeQuery("SELECT consecutive_failures FROM scheduled_tasks WHERE task_instance = 'store-d'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).as("not handed to db-scheduler as a failure").isZero();
    }
  }

  private Map<String, Long> exportedStock() throws IOException {
    AppRun run = AppRun.of("export", "--db", db(), "--what", "stock");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, Long> out = new TreeMap<>();
    for (String line : run.outLines()) {
      JsonNode n = JSON.readTree(line);
      out.put(n.get("skuId").asText() + "@" + n.get("locationId").asText(), n.get("onHand").asLong());
    }
    return out;
  }

  private Map<String, Long> truthStock() {
    Map<String, Long> out = new TreeMap<>();
    server.retail().stream("ItemShop").filter(r -> r.getLong("shopID") != 0)
        .forEach(r -> out.put(r.getLong("itemID") + "@" + r.getLong("shopID"), r.getDecimal("qoh").longValue()));
    return out;
  }
}
