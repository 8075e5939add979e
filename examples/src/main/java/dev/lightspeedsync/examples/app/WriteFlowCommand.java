package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.jdbc.JdbcTokenStore;
import dev.lightspeedsync.examples.jdbc.Schema;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The contract of the write-flow subcommands (issue 13): the host's side is read from a file of JSON
 * lines ({@code --in FILE}, or {@code -} for standard input), one record a line; one JSON line per
 * result is written to standard output, naming the input line:
 * {@code {"line":3,"key":"...","kind":"STOCK_BOOKING","status":"DONE","request":"...","detail":"...","externalId":"..."}}.
 * A line that is not a valid record is reported as {@code {"line":n,"status":"INVALID","error":"..."}},
 * the valid lines are still processed, and the command then exits {@link ExitCodes#INVALID_INPUT}
 * with one line naming the invalid line numbers. A write that failed or needs attention exits 1.
 * Every flow takes {@code --dry-run} (reads, reports what it would write, writes nothing) and
 * honours {@code --read-only} (nothing is written; every valid line is reported {@code SUPPRESSED}).
 * The ledger that makes each write exactly once across reruns lives in {@code --db}.
 */
abstract class WriteFlowCommand implements Callable<Integer> {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Test seam: wraps the sink the writer gets (a test makes it "die" between a write and its ledger confirmation). */
  static UnaryOperator<SyncSink> sinkWrapper = UnaryOperator.identity();

  final PrintStream out;
  final PrintStream err;

  WriteFlowCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Option(names = "--in", required = true, description = "The host's records, one JSON object a line (a file, or - for standard input).")
  String in;

  @Option(names = "--platform", defaultValue = "retail", description = "retail (R-Series). Default: ${DEFAULT-VALUE}.")
  String platform;

  @Option(names = "--base-url", description = "API origin, e.g. https://api.lightspeedapp.com/. Default: the embedded testkit.")
  String baseUrl;

  @Option(names = "--account-id", defaultValue = "${env:LIGHTSPEED_ACCOUNT_ID}", description = "R-Series account id.")
  Long accountId;

  @Option(names = "--client-id", defaultValue = "${env:LIGHTSPEED_CLIENT_ID}", description = "OAuth client id.")
  String clientId;

  @Option(names = "--client-secret", defaultValue = "${env:LIGHTSPEED_CLIENT_SECRET}", description = "OAuth client secret.")
  String clientSecret;

  @Option(names = "--refresh-token", defaultValue = "${env:LIGHTSPEED_REFRESH_TOKEN}", description = "OAuth refresh token.")
  String refreshToken;

  @Option(names = "--access-token", defaultValue = "${env:LIGHTSPEED_ACCESS_TOKEN}", description = "Current access token (optional).")
  String accessToken;

  @Option(names = "--db", defaultValue = "${env:LIGHTSPEED_SYNC_DB:-" + LightspeedSyncApp.DEFAULT_DB + "}",
      description = "JDBC URL of the database that holds the ledger (and the OAuth tokens). Default: $LIGHTSPEED_SYNC_DB, else the H2 file.")
  String db;

  @Option(names = "--dry-run", description = "Read Lightspeed and report the writes that would be sent; send none, change nothing.")
  boolean dryRun;

  @Option(names = "--read-only", description = "Never write to Lightspeed: every valid line is reported SUPPRESSED.")
  boolean readOnly;

  @Option(names = "--max-attempts", defaultValue = "5", description = "Attempts per request (1 = no retries). Default: ${DEFAULT-VALUE}.")
  int maxAttempts;

  /** One input line: its number and its JSON object. */
  record Line(int number, JsonNode json) {}

  /** The fields a line may have; the first {@code required} of them must be present. */
  abstract List<String> fields();

  abstract int required();

  /**
   * Runs the writer over the valid records. {@code lines} are the valid lines in order; the result's
   * actions are matched back to them by key ({@link #keyOf}).
   */
  abstract WriteReport write(RetailClient client, SyncSink sink, ConnectionPool db, List<Line> lines) throws java.sql.SQLException;

  /** The ledger key of a valid line's record, as the writer's actions name it. */
  abstract String keyOf(Line line);

  /** Checks one record beyond its fields' presence; throws IllegalArgumentException/IllegalStateException with a message. */
  abstract void validate(Line line);

  /** Checks of the command's own options (exit 2), before anything is opened. */
  void checkOptions() {}

  @Override
  public final Integer call() throws Exception {
    if (!platform.toLowerCase(Locale.ROOT).equals("retail")) {
      throw SyncOptions.usage("--platform: this write flow runs on retail (R-Series) only for now");
    }
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw SyncOptions.usage("--max-attempts must be between 1 and 20");
    }
    if (baseUrl != null) {
      SyncOptions.checkBaseUrl(baseUrl);
      List<String> missing = new ArrayList<>();
      if (accountId == null) {
        missing.add("--account-id");
      }
      if (clientId == null) {
        missing.add("--client-id");
      }
      if (clientSecret == null) {
        missing.add("--client-secret");
      }
      if (refreshToken == null) {
        missing.add("--refresh-token");
      }
      if (!missing.isEmpty()) {
        throw SyncOptions.usage("a write flow with --base-url needs " + String.join(", ", missing));
      }
    }
    checkOptions();
    List<String> raw = readInput();
    List<Line> valid = new ArrayList<>();
    Map<Integer, String> invalid = new LinkedHashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      int n = i + 1;
      String text = raw.get(i).strip();
      if (text.isEmpty()) {
        continue;
      }
      try {
        Line line = parse(n, text);
        validate(line);
        valid.add(line);
      } catch (IllegalArgumentException | IllegalStateException e) {
        invalid.put(n, LightspeedSyncApp.oneLine(e.getMessage()));
      }
    }
    invalid.forEach((n, why) -> out.println(result(n).put("status", "INVALID").put("error", why)));

    long failed = 0;
    if (!valid.isEmpty()) {
      try (ConnectionPool pool = RunGuard.openDurable(db)) {
        Schema.migrate(pool);
        SyncSink sink = sinkWrapper.apply(new JdbcSyncSink(pool));
        if (baseUrl == null) {
          try (EmbeddedLightspeed embedded = EmbeddedLightspeed.start(2, 200, 0, 60);
              RetailClient client = embedded.retailClientBuilder(new SyncMetrics(), null).build()) {
            failed = report(write(client, sink, pool, valid), valid);
          }
        } else {
          String accountKey = "retail:" + accountId;
          TokenPair given = TokenPair.withoutExpiry(accessToken != null ? accessToken : "none", refreshToken);
          JdbcTokenStore tokens = JdbcTokenStore.open(pool, accountKey, given, Clock.systemUTC());
          try (RetailClient client = RetailClient.builder().accountId(accountId).baseUrl(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/")
              .oauth(OauthClientCredentials.of(clientId, clientSecret), tokens)
              .retry(RetryConfig.defaults().withMaxAttempts(maxAttempts)).build()) {
            failed = report(write(client, sink, pool, valid), valid);
          }
        }
      }
    }
    if (!invalid.isEmpty()) {
      throw new AppException(ExitCodes.INVALID_INPUT, invalid.size() + " of " + (invalid.size() + valid.size())
          + " input lines are invalid (line " + join(invalid.keySet()) + ", reported on stdout); the valid ones were processed");
    }
    if (failed > 0) {
      throw new AppException(ExitCodes.FAILURE, failed + " writes failed or need attention (status FAILED, PENDING or"
          + " NEEDS_ATTENTION on stdout); rerun with the same input to resume: nothing is written twice");
    }
    return 0;
  }

  private static String join(Set<Integer> lines) {
    List<String> s = new ArrayList<>();
    lines.forEach(n -> s.add(Integer.toString(n)));
    return String.join(", ", s);
  }

  private List<String> readInput() throws IOException {
    if (in.equals("-")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return r.lines().toList();
    }
    try {
      return Files.readAllLines(Path.of(in), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw SyncOptions.usage("--in: the file does not exist");
    }
  }

  private Line parse(int n, String text) {
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage());
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    List<String> fields = fields();
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!fields.contains(f)) {
        throw new IllegalArgumentException("unknown field '" + f + "'; the fields are " + String.join(", ", fields));
      }
    }
    for (String f : fields.subList(0, required())) {
      if (!json.hasNonNull(f) || json.get(f).isValueNode() && json.get(f).asText().isBlank()) {
        throw new IllegalArgumentException("missing field '" + f + "'");
      }
    }
    return new Line(n, json);
  }

  /** Prints one line per action and the issues; returns the number of failed or unsettled writes. */
  private long report(WriteReport report, List<Line> lines) {
    Map<String, Deque<Integer>> lineOfKey = new LinkedHashMap<>();
    for (Line l : lines) {
      lineOfKey.computeIfAbsent(keyOf(l), k -> new ArrayDeque<>()).add(l.number());
    }
    if (report.suppressedBecause().isPresent()) {
      for (Line l : lines) {
        out.println(result(l.number()).put("key", keyOf(l)).put("status", "SUPPRESSED")
            .put("detail", report.suppressedBecause().get().name()));
      }
      return 0;
    }
    long failed = 0;
    for (WriteAction a : report.actions()) {
      Deque<Integer> numbers = lineOfKey.get(a.key());
      Integer n = numbers == null || numbers.isEmpty() ? null : numbers.size() > 1 ? numbers.poll() : numbers.peek();
      ObjectNode r = n == null ? JSON.createObjectNode() : result(n);
      r.put("key", a.key()).put("kind", a.kind().name()).put("status", a.status().name()).put("request", a.request())
          .put("detail", a.detail());
      a.externalId().ifPresent(id -> r.put("externalId", id));
      out.println(r);
      if (a.status() == WriteAction.Status.FAILED || a.status() == WriteAction.Status.NEEDS_ATTENTION
          || a.status() == WriteAction.Status.PENDING) {
        failed++;
      }
    }
    report.exclusions().forEach(x -> {
      Deque<Integer> numbers = lineOfKey.get(x.recordId());
      ObjectNode r = numbers == null || numbers.isEmpty() ? JSON.createObjectNode() : result(numbers.peek());
      // a record the ledger already holds as done is reported like a write done before: ALREADY_DONE
      // and a stock figure pushed before with the same value as UNCHANGED
      String status = switch (x.reason()) {
        case ALREADY_IN_LEDGER -> "ALREADY_DONE";
        case UNCHANGED_SINCE_LAST_PUSH -> "UNCHANGED";
        default -> "LEFT_OUT";
      };
      out.println(r.put("key", x.recordId()).put("status", status).put("detail", x.reason().name()));
    });
    for (RecordIssue i : report.issues()) {
      err.println("notice: " + LightspeedSyncApp.oneLine(i.problem() + " " + i.remedy()));
    }
    return failed;
  }

  private static ObjectNode result(int line) {
    ObjectNode n = JSON.createObjectNode();
    n.put("line", line);
    return n;
  }

  static String text(Line l, String field) {
    JsonNode v = l.json().get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static long wholeNumber(Line l, String field) {
    JsonNode v = l.json().get(field);
    if (v == null || !v.canConvertToExactIntegral() && !v.asText().matches("-?\\d+")) {
      throw new IllegalArgumentException("'" + field + "' must be a whole number");
    }
    return v.isNumber() ? v.asLong() : Long.parseLong(v.asText());
  }

  static java.math.BigDecimal decimal(Line l, String field) {
    JsonNode v = l.json().get(field);
    try {
      return new java.math.BigDecimal(v.asText());
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("'" + field + "' must be a number");
    }
  }
}
