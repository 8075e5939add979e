package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
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
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
 *
 * <p>The account options are {@code sync}'s ({@link ConnectionOptions}, a mixin): each flow names
 * the platforms whose writer has it ({@link #platforms()}); another {@code --platform} is a usage
 * error naming them. Without {@code --base-url} the flow writes to the platform's embedded testkit.
 */
abstract class WriteFlowCommand implements Callable<Integer> {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Test seam: wraps the sink the writer gets (a test makes it "die" between a write and its ledger confirmation). */
  static UnaryOperator<SyncSink> sinkWrapper = UnaryOperator.identity();

  final PrintStream out;
  final PrintStream err;

  private final List<String> platforms;
  private final List<String> fields;
  private final int required;

  /**
   * @param platforms the platforms whose writer has this flow, in the order the usage error names them
   * @param fields the fields a line may have; the first {@code required} of them must be present
   */
  WriteFlowCommand(PrintStream out, PrintStream err, List<String> platforms, List<String> fields, int required) {
    this.out = out;
    this.err = err;
    this.platforms = List.copyOf(platforms);
    this.fields = List.copyOf(fields);
    this.required = required;
  }

  @Option(names = "--in", required = true, description = "The host's records, one JSON object a line (a file, or - for standard input).")
  String in;

  @Mixin
  ConnectionOptions connection = new ConnectionOptions();

  @Option(names = "--dry-run", description = "Read Lightspeed and report the writes that would be sent; send none, change nothing.")
  boolean dryRun;

  /** {@code --read-only} (of the shared options). */
  boolean readOnly() {
    return connection.readOnly;
  }

  /** One input line: its number and its JSON object. */
  record Line(int number, JsonNode json) {}

  /** The platforms that have this flow, in the order the usage error names them. */
  final List<String> platforms() {
    return platforms;
  }

  /** The fields a line may have on {@code --platform} ({@link #platform()}); the first {@link #required()} must be present. */
  List<String> fields() {
    return fields;
  }

  final int required() {
    return required;
  }

  /**
   * Runs the writer over the valid records. {@code lines} are the valid lines in order; the result's
   * actions are matched back to them by key ({@link #keyOf}, {@link #lineKeyOf}).
   */
  abstract WriteReport write(Target target, List<Line> lines) throws SQLException;

  /** The key of a valid line's record, as the writer's actions name it. */
  abstract String keyOf(Line line);

  /** Checks one record beyond its fields' presence; throws IllegalArgumentException/IllegalStateException with a message. */
  abstract void validate(Line line);

  /**
   * Checks the valid lines together (records that are fine alone but contradict each other); returns
   * the lines found invalid, by number, with the reason. None by default.
   */
  Map<Integer, String> validateTogether(List<Line> lines) {
    return Map.of();
  }

  /** The input key an action of the writer belongs to (an order line's action belongs to its order). */
  String lineKeyOf(String actionKey) {
    return actionKey;
  }

  /** Whether one action answers every line with its key (several lines make one write). */
  boolean oneActionForManyLines() {
    return false;
  }

  /** {@code --platform}, lower case. */
  final String platform() {
    return connection.platform();
  }

  /**
   * Where the writes go: the platform's client (at {@code --base-url}, else the embedded testkit),
   * the sink holding the ledger and the database itself.
   */
  static final class Target {
    private final @Nullable RetailClient retail;
    private final @Nullable EcomClient ecom;
    private final @Nullable XSeriesClient xseries;
    final SyncSink sink;
    final ConnectionPool db;

    Target(@Nullable RetailClient retail, @Nullable EcomClient ecom, @Nullable XSeriesClient xseries, SyncSink sink,
        ConnectionPool db) {
      this.retail = retail;
      this.ecom = ecom;
      this.xseries = xseries;
      this.sink = sink;
      this.db = db;
    }

    RetailClient retail() {
      return Objects.requireNonNull(retail, "not an R-Series target");
    }

    EcomClient ecom() {
      return Objects.requireNonNull(ecom, "not an eCom target");
    }

    XSeriesClient xseries() {
      return Objects.requireNonNull(xseries, "not an X-Series target");
    }
  }

  /** Checks of the command's own options (exit 2), before anything is opened. */
  void checkOptions() {}

  /**
   * The flow's {@code --outlet-mapping} (a mixin), or null when it takes none. With a mapping, a
   * line's {@code locationId} is one of its warehouse codes (another is INVALID) and is written to
   * the outlet (R-Series shop, X-Series outlet) it maps to.
   */
  @Nullable OutletMappingOption outletMapping() {
    return null;
  }

  /** {@code --outlet-mapping} as outlet to warehouse, checked by {@link #call()}; null without it. */
  private @Nullable Map<String, String> warehouses;

  /** A line with a location that is not a warehouse of {@code --outlet-mapping}: invalid. */
  private void checkWarehouse(Line line) {
    String location = text(line, "locationId");
    if (warehouses != null && location != null && !warehouses.containsValue(location)) {
      throw new IllegalArgumentException("'locationId' " + location + " is not a warehouse of --outlet-mapping ("
          + String.join(", ", warehouses.values()) + "): give one of those warehouse codes, or map the warehouse");
    }
  }

  /**
   * The valid lines as the writer takes them: with {@code --outlet-mapping}, each warehouse code in
   * {@code locationId} replaced by the id of its outlet, resolved on the account's locations (one
   * read; a name that is not there stops the flow with exit 5 before anything is written).
   */
  private List<Line> resolve(Target target, List<Line> lines) {
    if (warehouses == null) {
      return lines;
    }
    List<dev.lightspeedsync.sync.model.Location> locations = platform().equals("xseries")
        ? SyncCommand.outletsOf(target.xseries()) : SyncCommand.shopsOf(target.retail());
    Map<String, String> outletOf = new LinkedHashMap<>();
    OutletMappingOption.resolve(warehouses, locations, "nothing was written").links()
        .forEach(link -> outletOf.put(link.warehouseCode(), link.outletId()));
    List<Line> resolved = new ArrayList<>();
    for (Line l : lines) {
      ObjectNode json = ((ObjectNode) l.json()).deepCopy();
      json.put("locationId", outletOf.get(text(l, "locationId")));
      resolved.add(new Line(l.number(), json));
    }
    return resolved;
  }

  /** The lines the writer was given and its report. */
  private record Written(List<Line> lines, WriteReport report) {}

  private Written run(Target target, List<Line> valid) throws SQLException {
    List<Line> lines = resolve(target, valid);
    return new Written(lines, write(target, lines));
  }

  @Override
  public final Integer call() throws Exception {
    connection.check();
    if (!platforms().contains(platform())) {
      throw SyncOptions.usage(name() + " runs with --platform " + String.join(" or ", platforms())
          + (platforms().size() == 1 ? " only" : "") + "; " + platformName(platform()) + " has no such flow");
    }
    connection.requireCredentials("a write flow", "");
    checkOptions();
    warehouses = outletMapping() == null ? null : outletMapping().pairs(platform());
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
        checkWarehouse(line);
        valid.add(line);
      } catch (IllegalArgumentException | IllegalStateException e) {
        invalid.put(n, LightspeedSyncApp.oneLine(e.getMessage()));
      }
    }
    Map<Integer, String> together = validateTogether(valid);
    if (!together.isEmpty()) {
      valid.removeIf(l -> together.containsKey(l.number()));
      invalid.putAll(together);
    }
    new java.util.TreeMap<>(invalid).forEach((n, why) -> out.println(result(n).put("status", "INVALID").put("error", why)));

    long failed = 0;
    if (!valid.isEmpty()) {
      try (ConnectionPool pool = RunGuard.openDurable(connection.db())) {
        Schema.migrate(pool);
        SyncSink sink = sinkWrapper.apply(new JdbcSyncSink(pool));
        Written written = connection.embedded() ? writeEmbedded(sink, pool, valid) : writeAtBaseUrl(sink, pool, valid);
        failed = report(written.report(), written.lines());
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

  /**
   * The embedded testkit of the platform, gone when the command ends: the account {@code sync}
   * generates by default for that platform (same seed and size), so that the SKU, location and
   * order ids a demo sync stored exist here.
   */
  private Written writeEmbedded(SyncSink sink, ConnectionPool pool, List<Line> valid) throws SQLException {
    int shops = Integer.parseInt(SyncCommand.DEMO_SHOPS);
    long items = Long.parseLong(SyncCommand.DEMO_ITEMS);
    long sales = Long.parseLong(SyncCommand.DEMO_SALES);
    switch (platform()) {
      case "ecom" -> {
        try (EmbeddedLightspeed embedded = EmbeddedLightspeed.start(shops, items, sales, 60);
            EcomClient client = embedded.ecomClientBuilder(new SyncMetrics()).build()) {
          return run(new Target(null, client, null, sink, pool), valid);
        }
      }
      case "xseries" -> {
        try (EmbeddedLightspeed embedded = EmbeddedLightspeed.xseries(shops, items, sales, 60);
            XSeriesClient client = embedded.xseriesClientBuilder(new SyncMetrics()).build()) {
          return run(new Target(null, null, client, sink, pool), valid);
        }
      }
      default -> {
        try (EmbeddedLightspeed embedded = EmbeddedLightspeed.start(shops, items, sales, 60);
            RetailClient client = embedded.retailClientBuilder(new SyncMetrics(), null).build()) {
          return run(new Target(client, null, null, sink, pool), valid);
        }
      }
    }
  }

  /** The account at {@code --base-url}, with the credentials of the shared options. */
  private Written writeAtBaseUrl(SyncSink sink, ConnectionPool pool, List<Line> valid) throws SQLException {
    switch (platform()) {
      case "ecom" -> {
        try (EcomClient client = connection.ecomClient().build()) {
          return run(new Target(null, client, null, sink, pool), valid);
        }
      }
      case "xseries" -> {
        try (XSeriesClient client = connection.xseriesClient().build()) {
          return run(new Target(null, null, client, sink, pool), valid);
        }
      }
      default -> {
        try (RetailClient client = connection.retailClient(pool).build()) {
          return run(new Target(client, null, null, sink, pool), valid);
        }
      }
    }
  }

  /** The subcommand's name. */
  private String name() {
    return getClass().getAnnotation(Command.class).name();
  }

  static String platformName(String platform) {
    return switch (platform) {
      case "ecom" -> "eCom";
      case "xseries" -> "X-Series";
      default -> "R-Series";
    };
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
      for (ObjectNode r : rowsFor(lineOfKey.get(lineKeyOf(a.key())))) {
        r.put("key", a.key()).put("kind", a.kind().name()).put("status", a.status().name()).put("request", a.request())
            .put("detail", a.detail());
        a.externalId().ifPresent(id -> r.put("externalId", id));
        out.println(r);
      }
      if (unsettled(a)) {
        failed++;
      }
    }
    report.exclusions().forEach(x -> {
      Deque<Integer> numbers = lineOfKey.get(lineKeyOf(x.recordId()));
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

  /**
   * The result rows of one action, given the input lines with its key: none known, one row without
   * a line number; one action for many lines, a row for each; else the next of several lines with
   * the same key (each gets its own action), or the one line (all its actions name it).
   */
  private List<ObjectNode> rowsFor(@Nullable Deque<Integer> numbers) {
    if (numbers == null || numbers.isEmpty()) {
      return List.of(JSON.createObjectNode());
    }
    if (oneActionForManyLines()) {
      return numbers.stream().map(WriteFlowCommand::result).toList();
    }
    return List.of(result(numbers.size() > 1 ? numbers.poll() : numbers.peek()));
  }

  private static boolean unsettled(WriteAction a) {
    return a.status() == WriteAction.Status.FAILED || a.status() == WriteAction.Status.NEEDS_ATTENTION
        || a.status() == WriteAction.Status.PENDING;
  }

  private static ObjectNode result(int line) {
    ObjectNode n = JSON.createObjectNode();
    n.put("line", line);
    return n;
  }

  /** The reports of several writer calls as one. */
  static WriteReport joined(boolean dryRun, List<WriteReport> reports) {
    List<WriteAction> actions = new ArrayList<>();
    List<dev.lightspeedsync.sync.model.Exclusion> exclusions = new ArrayList<>();
    List<RecordIssue> issues = new ArrayList<>();
    Map<String, Long> pushed = new LinkedHashMap<>();
    for (WriteReport r : reports) {
      actions.addAll(r.actions());
      exclusions.addAll(r.exclusions());
      issues.addAll(r.issues());
      pushed.putAll(r.pushedValues());
    }
    return new WriteReport(dryRun, java.util.Optional.empty(), actions, exclusions, issues, pushed);
  }

  /**
   * The members of an input line's array field (an order's {@code lines}), each an object with the
   * required fields, as lines of their own under the same line number. Errors name the member:
   * {@code lines[2]: missing field 'skuId'}.
   */
  static List<Line> members(Line l, String field, List<String> required) {
    JsonNode array = l.json().get(field);
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw new IllegalArgumentException("'" + field + "' must be a non-empty array");
    }
    List<Line> members = new ArrayList<>();
    int i = 0;
    for (JsonNode member : array) {
      i++;
      if (!member.isObject()) {
        throw new IllegalArgumentException(field + "[" + i + "] must be an object");
      }
      for (String f : required) {
        if (!member.hasNonNull(f)) {
          throw new IllegalArgumentException(field + "[" + i + "]: missing field '" + f + "'");
        }
      }
      members.add(new Line(l.number(), member));
    }
    return members;
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
