package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exit statuses, table-driven: command line -> exit status -> a fragment of the one line on stderr.
 * Every failing case prints exactly one line starting with {@code error: }, and no value given on the
 * command line or in the accounts file ({@code S3CRET...}) is ever shown. The documented table
 * ({@link ExitCodes}) is the same in {@code --help} and in both READMEs.
 */
class ExitCodesTest {
  static final String SECRET = "S3CRET-exit-value";

  @TempDir
  Path dir;

  /** A command line built in the test's temporary directory. */
  interface Args extends Function<Path, String[]> {}

  private static Arguments row(String name, Args args, int code, String fragment) {
    return Arguments.of(name, args, code, fragment);
  }

  private static String db(Path dir, String name) {
    return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
  }

  private static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] schedule(Path dir, String accountsJson) {
    return schedule(dir, accountsJson, "1h", "2");
  }

  private static String[] schedule(Path dir, String accountsJson, String every, String threads) {
    return new String[] {"schedule", "--db", db(dir, "scheduler"), "--accounts",
        write(dir, "accounts.json", accountsJson).toString(), "--every", every, "--threads", threads, "--polling",
        "100ms", "--until-all-synced", "--for", "60s"};
  }

  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort(); // closed again before the app connects
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String[] EMBEDDED_SMALL = {"--testkit-items", "10", "--testkit-sales", "5", "--testkit-shops",
      "1", "--no-activity", "--progress", "none"};

  private static String[] sync(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of("sync", "--db", db(dir, "app")));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }

  /** A write flow over a one-line input file. */
  private static String[] writeFlow(Path dir, String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--in", write(dir, "in.jsonl", "{}\n").toString(), "--db",
        db(dir, "writes")));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  static Stream<Arguments> table() {
    String retailCreds = " --account-id 1 --client-id id --client-secret " + SECRET + " --refresh-token r";
    return Stream.of(
        row("help", d -> new String[] {"help", "sync"}, 0, null),
        row("sync --help", d -> new String[] {"sync", "--help"}, 0, null),
        row("unknown command", d -> new String[] {"help", SECRET}, 2, "Unknown subcommand"),
        row("unknown option", d -> sync(d, "--client-secrett=" + SECRET), 2, "unknown option --client-secrett"),
        row("time scale negative", d -> sync(d, "--time-scale", "-1"), 2, "--time-scale must be"),
        row("time scale zero", d -> sync(d, "--time-scale", "0"), 2, "--time-scale must be"),
        row("time scale not a number", d -> sync(d, "--time-scale", SECRET), 2, "--time-scale"),
        row("base url not a url", d -> sync(d, ("--base-url " + SECRET + "^x" + retailCreds).split(" ")), 2,
            "--base-url is not a URL"),
        row("base url not http", d -> sync(d, ("--base-url ftp://" + SECRET + "/" + retailCreds).split(" ")), 2,
            "--base-url must be an http(s) origin"),
        row("base url relative", d -> sync(d, ("--base-url " + SECRET + retailCreds).split(" ")), 2,
            "--base-url must be an http(s) origin"),
        row("base url plain http", d -> sync(d, ("--base-url http://" + SECRET + ".example/" + retailCreds).split(" ")),
            2, "--base-url: plain http is allowed only to a loopback address"),
        row("base url without credentials", d -> sync(d, "--base-url", "https://api.lightspeedapp.com/"), 2,
            "needs --account-id, --client-id, --client-secret, --refresh-token"),
        row("platform", d -> sync(d, "--platform", SECRET), 2, "--platform must be retail, ecom or xseries"),
        row("xseries domain prefix", d -> sync(d, "--platform", "xseries", "--domain-prefix", "My." + SECRET), 2,
            "--domain-prefix must be the retailer's subdomain"),
        row("xseries token with spaces", d -> sync(d, "--platform", "xseries", "--token", "a " + SECRET), 2,
            "--token must be a personal token without spaces"),
        row("xseries base url without credentials", d -> sync(d, "--platform", "xseries", "--base-url",
            "https://mystore.retail.lightspeed.app/"), 2, "needs --domain-prefix, --token"),
        row("sales", d -> sync(d, "--sales", SECRET), 2, "--sales must be completed, paid or all"),
        row("orders", d -> sync(d, "--platform", "ecom", "--orders", SECRET), 2, "--orders must be paid, all or eligible"),
        row("orders on retail", d -> sync(d, "--orders", "paid"), 2, "--orders is the eCom order import; it needs --platform ecom"),
        row("order window without orders", d -> sync(d, "--platform", "ecom", "--order-window", "12h"), 2,
            "--order-window needs --orders"),
        row("order window malformed", d -> sync(d, "--platform", "ecom", "--orders", "all", "--order-window", SECRET), 2,
            "--order-window must be a positive duration"),
        row("order window zero", d -> sync(d, "--platform", "ecom", "--orders", "all", "--order-window", "0h"), 2,
            "--order-window must be a positive duration"),
        row("order window too long", d -> sync(d, "--platform", "ecom", "--orders", "all", "--order-window", "745h"), 2,
            "--order-window must be a positive duration of at most 744h"),
        row("progress", d -> sync(d, "--progress", SECRET), 2, "--progress must be auto, bar, log or none"),
        row("max attempts", d -> sync(d, "--max-attempts", "0"), 2, "--max-attempts must be between 1 and 20"),
        row("reimport from", d -> sync(d, "--reimport-from", SECRET), 2, "--reimport-from must be a date"),
        row("deadline zero", d -> sync(d, "--deadline", "0s"), 2, "--deadline must be a positive duration"),
        row("deadline negative", d -> sync(d, "--deadline", "-5m"), 2, "--deadline must be a positive duration"),
        row("deadline malformed", d -> sync(d, "--deadline", SECRET), 2, "--deadline must be a positive duration"),
        row("deadline overflowing", d -> sync(d, "--deadline", "9999999999999999h"), 2,
            "--deadline must be a positive duration"),
        row("deadline too long", d -> sync(d, "--deadline", "PT721H"), 2, "--deadline must be a positive duration of at most 720h"),
        row("call timeout zero", d -> sync(d, "--call-timeout", "0ms"), 2, "--call-timeout must be a positive duration"),
        row("call timeout malformed", d -> sync(d, "--call-timeout", "1.5" + SECRET), 2,
            "--call-timeout must be a positive duration"),
        row("call timeout too long", d -> sync(d, "--call-timeout", "2h"), 2, "--call-timeout must be a positive duration of at most 1h"),
        row("testkit shops", d -> sync(d, "--testkit-shops", "0"), 2, "--testkit-shops must be between 1 and 1000"),
        row("testkit items", d -> sync(d, "--testkit-items", "-1"), 2, "--testkit-items must be between"),
        row("blank location", d -> sync(d, concat(EMBEDDED_SMALL, "--locations", "Main Store,,")), 2,
            "--locations/--default-location"),
        row("unknown location", d -> sync(d, concat(EMBEDDED_SMALL, "--locations", "one", "--default-location",
            "Nowhere")), 5, "Nowhere"),
        row("unreachable", d -> sync(d, ("--base-url http://127.0.0.1:" + closedPort() + "/ --max-attempts 1"
            + retailCreds).split(" ")), 4, "cannot reach Lightspeed"),
        row("not durable", d -> concat(new String[] {"sync", "--db", db(d, "delayed") + ";WRITE_DELAY=500"},
            EMBEDDED_SMALL), 2,
            "not durable"),
        row("outlet mapping malformed", d -> sync(d, "--outlet-mapping", "Main Store=WH1," + SECRET), 2,
            "--outlet-mapping must be OUTLET=WAREHOUSE pairs separated by commas"),
        row("outlet mapping empty side", d -> sync(d, "--outlet-mapping", "=" + SECRET), 2,
            "--outlet-mapping must be OUTLET=WAREHOUSE pairs"),
        row("outlet mapping many to one", d -> sync(d, "--outlet-mapping", "A=" + SECRET + ",B=" + SECRET), 2,
            "--outlet-mapping maps two outlets to one warehouse (pairs 1 and 2); mappings are one to one"),
        row("outlet mapping one outlet twice", d -> sync(d, "--outlet-mapping", SECRET + "=WH1," + SECRET + "=WH2"), 2,
            "--outlet-mapping maps one outlet twice"),
        row("outlet mapping on ecom", d -> sync(d, "--platform", "ecom", "--outlet-mapping", "A=WH1"), 2,
            "--outlet-mapping maps R-Series shops or X-Series outlets; it needs --platform retail or xseries"),
        row("outlet mapping unknown outlet", d -> sync(d, concat(EMBEDDED_SMALL, "--outlet-mapping", "Nowhere=WH1")), 5,
            "--outlet-mapping: no outlet named 'Nowhere'"),
        row("write flow platform", d -> writeFlow(d, "push-stock", "--platform", SECRET), 2,
            "--platform must be retail, ecom or xseries"),
        row("R-Series write flow on eCom", d -> writeFlow(d, "export-orders", "--platform", "ecom", "--employee-id", "1",
            "--register-id", "1", "--payment-type-id", "1"), 2, "export-orders runs with --platform retail only; eCom has no such flow"),
        row("R-Series write flow on X-Series", d -> writeFlow(d, "export-orders", "--platform", "xseries", "--employee-id",
            "1", "--register-id", "1", "--payment-type-id", "1"), 2,
            "export-orders runs with --platform retail only; X-Series has no such flow"),
        row("customer export on eCom", d -> writeFlow(d, "export-customers", "--platform", "ecom"), 2,
            "export-customers runs with --platform retail or xseries; eCom has no such flow"),
        row("product export on eCom", d -> writeFlow(d, "export-products", "--platform", "ecom"), 2,
            "export-products runs with --platform retail or xseries; eCom has no such flow"),
        row("write flow outlet mapping on eCom", d -> writeFlow(d, "push-stock", "--platform", "ecom", "--outlet-mapping",
            "A=WH1"), 2, "--outlet-mapping maps R-Series shops or X-Series outlets; it needs --platform retail or xseries"),
        row("write flow outlet mapping malformed", d -> writeFlow(d, "book-receipts", "--platform", "xseries",
            "--outlet-mapping", "A=WH1," + SECRET), 2, "--outlet-mapping must be OUTLET=WAREHOUSE pairs separated by commas"),
        row("write flow outlet mapping many to one", d -> writeFlow(d, "push-stock", "--outlet-mapping", "A=" + SECRET
            + ",B=" + SECRET), 2, "--outlet-mapping maps two outlets to one warehouse (pairs 1 and 2)"),
        row("buy orders on eCom", d -> writeFlow(d, "export-buy-orders", "--platform", "ecom", "--default-location", "A"), 2,
            "export-buy-orders runs with --platform retail or xseries; eCom has no such flow"),
        row("shipments on R-Series", d -> writeFlow(d, "ship-orders"), 2, "ship-orders runs with --platform ecom only;"
            + " R-Series has no such flow"),
        row("shipments on X-Series", d -> writeFlow(d, "ship-orders", "--platform", "xseries"), 2,
            "ship-orders runs with --platform ecom only; X-Series has no such flow"),
        row("eCom write flow without credentials", d -> writeFlow(d, "ship-orders", "--platform", "ecom", "--base-url",
            "https://shop.example/"), 2, "a write flow with --base-url needs --api-key, --api-secret"),
        row("X-Series write flow without credentials", d -> writeFlow(d, "book-receipts", "--platform", "xseries",
            "--base-url", "https://mystore.retail.lightspeed.app/"), 2, "a write flow with --base-url needs --domain-prefix, --token"),
        row("X-Series write flow token", d -> writeFlow(d, "push-stock", "--platform", "xseries", "--token", "a " + SECRET), 2,
            "--token must be a personal token without spaces"),
        row("write flow max attempts", d -> writeFlow(d, "push-stock", "--max-attempts", "0"), 2,
            "--max-attempts must be between 1 and 20"),
        row("buy orders without default location", d -> writeFlow(d, "export-buy-orders"), 2, "'--default-location'"),
        row("export what", d -> new String[] {"export", "--db", db(d, "none"), "--what", SECRET}, 2,
            "--what must be skus, stock, sales or orders"),
        row("export missing database", d -> new String[] {"export", "--db", db(d, "missing"), "--what", "skus"}, 7,
            "does not exist; run sync first"),
        row("export never-synced database", d -> {
          try (ConnectionPool ignored = ConnectionPool.open(db(d, "empty"))) {
            return new String[] {"export", "--db", db(d, "empty"), "--what", "stock"};
          }
        }, 7, "holds no synced data"),
        row("export in-memory database", d -> new String[] {"export", "--db", "jdbc:h2:mem:x", "--what", "skus"}, 7,
            "holds no synced data"),
        row("schedule accounts missing", d -> new String[] {"schedule", "--db", db(d, "scheduler"), "--accounts",
            d.resolve("nope.json").toString()}, 2, "nope.json: does not exist"),
        row("schedule accounts not json", d -> schedule(d, "[{\"key\": \"a\",\n \"args\": [" + SECRET + "]}]"), 2,
            "accounts.json: line 2, column"),
        row("schedule accounts cut short", d -> schedule(d, "[{\"key\": \"a\", \"args\": [\"--sales"), 2,
            "accounts.json: line 1, column"),
        row("schedule accounts not an array", d -> schedule(d, "{\"key\": \"a\"}"), 2, "must be a JSON array"),
        row("schedule account without key", d -> schedule(d, "[{\"args\": []}]"), 2, "account 1 needs a \"key\""),
        row("schedule account args not strings", d -> schedule(d, "[{\"key\": \"a\", \"args\": [1]}]"), 2,
            "account 'a': args[0] must be a string"),
        row("schedule account duplicate", d -> schedule(d, "[{\"key\": \"a\"}, {\"key\": \"a\"}]"), 2,
            "account key 'a' appears twice"),
        row("schedule account mistyped option", d -> schedule(d, "[{\"key\": \"store-x\", \"args\": [\"--base-url\","
            + " \"http://127.0.0.1:9/\", \"--client-secrett=" + SECRET + "\"]}]"), 2,
            "account 'store-x': unknown option --client-secrett"),
        row("schedule account bad value", d -> schedule(d, "[{\"key\": \"store-x\", \"args\": [\"--platform\", \""
            + SECRET + "\"]}]"), 2, "account 'store-x': --platform must be retail, ecom or xseries"),
        row("schedule account option the schedule sets", d -> schedule(d, "[{\"key\": \"store-x\", \"args\":"
            + " [\"--progress\", \"log\"]}]"), 2, "account 'store-x': option '--progress'"),
        row("schedule account bad deadline", d -> schedule(d, "[{\"key\": \"store-x\", \"args\": [\"--deadline\", \"0s\"]}]"),
            2, "account 'store-x': --deadline must be a positive duration"),
        row("schedule every", d -> schedule(d, "[]", SECRET, "2"), 2, "--every must be a positive duration"),
        row("schedule every zero", d -> schedule(d, "[]", "0s", "2"), 2, "--every must be a positive duration"),
        row("schedule threads", d -> schedule(d, "[]", "1h", "0"), 2, "--threads must be between 1 and 100"),
        row("schedule a failing account", d -> schedule(d, "[{\"key\": \"store-y\", \"db\": \"" + db(d, "store-y")
            + "\", \"args\": [\"--base-url\", \"http://127.0.0.1:" + closedPort() + "/\", \"--account-id\", \"1\","
            + " \"--client-id\", \"i\", \"--client-secret\", \"" + SECRET + "\", \"--refresh-token\", \"r\","
            + " \"--max-attempts\", \"1\"]}]"), 1, "the last sync of store-y (exit 4) failed"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {2}")
  @MethodSource("table")
  void exitStatusAndOneLine(String name, Args args, int code, String fragment) {
    AppRun run = AppRun.of(args.apply(dir));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(code);
    if (code == 0) {
      assertThat(run.err()).isEmpty();
    } else {
      assertThat(run.errLines()).as(run.err()).singleElement().asString().startsWith("error: ").contains(fragment);
      if (code == ExitCodes.USAGE) {
        assertThat(run.err().strip()).endsWith("(see --help)");
      }
    }
    assertThat(run.out() + run.err()).doesNotContain(SECRET);
  }

  @Test
  void exportOfAMissingDatabaseCreatesNothing() throws IOException {
    AppRun run = AppRun.of("export", "--db", db(dir, "missing"), "--what", "skus");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_DATABASE);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aMistypedScheduleAccountIsRefusedBeforeAnythingIsScheduled() {
    AppRun run = AppRun.of(schedule(dir, "[{\"key\": \"store-x\", \"args\": [\"--client-secrett=" + SECRET + "\"]}]"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).doesNotContain("schedule: node");
    assertThat(dir.resolve("scheduler.mv.db")).doesNotExist();
  }

  @Test
  void everyCommandsHelpListsTheExitStatuses() {
    for (String command : List.of("sync", "export", "schedule", "login", "book-receipts", "ship-orders", "export-buy-orders")) {
      AppRun run = AppRun.of(command, "--help");
      assertThat(run.exitCode()).isZero();
      for (ExitCodes.Code c : ExitCodes.ALL) {
        assertThat(run.out()).as(command).containsPattern("(?m)^  " + c.code() + " +" + Pattern.quote(c.meaning()) + "$");
      }
    }
    assertThat(AppRun.of("--help").out()).contains("Exit status:", "  7    export:");
  }

  @Test
  void theCommandListSaysWhatEachCommandDoesInAWholeSentence() {
    String help = AppRun.of("--help").out();
    String list = help.substring(help.indexOf("Commands:") + "Commands:".length(), help.indexOf("Exit status:"));
    Map<String, String> entries = new java.util.LinkedHashMap<>();
    String name = null;
    for (String line : list.split("\\R")) {
      Matcher entry = Pattern.compile("^  (\\S+)\\s+(.*)$").matcher(line);
      if (entry.matches()) {
        name = entry.group(1);
        entries.put(name, entry.group(2).strip());
      } else if (name != null && !line.isBlank()) {
        entries.merge(name, " " + line.strip(), String::concat);
      }
    }

    assertThat(entries).containsKeys("sync", "export", "schedule", "login", "webhooks", "export-orders");
    entries.forEach((command, text) -> assertThat(text).as(command).endsWith("."));
    assertThat(help).contains("R-Series, X-Series and eCom");
    // the flows that run on both retail platforms say so
    assertThat(entries.get("export-products")).contains("R-Series", "X-Series");
    assertThat(entries.get("export-customers")).contains("R-Series", "X-Series");
  }

  @Test
  void theReadmesDocumentTheSameExitStatuses() throws IOException {
    for (Path readme : List.of(ReadmeCommands.ROOT.resolve("README.md"), ReadmeCommands.ROOT.resolve("examples/README.md"))) {
      String text = Files.readString(readme);
      Matcher table = Pattern.compile("(?m)^\\| `(\\d+)` \\| (.+) \\|$").matcher(text);
      List<String> documented = new ArrayList<>();
      while (table.find()) {
        documented.add(table.group(1) + " " + table.group(2));
      }
      assertThat(documented).as(readme.toString())
          .containsExactlyElementsOf(ExitCodes.ALL.stream().map(c -> c.code() + " " + c.meaning()).toList());
    }
  }

  @Test
  void helpNeverBreaksTheDefaultDatabaseUrlNorShowsTheEnvironmentsValue() {
    for (String command : List.of("sync", "export", "login", "book-receipts", "push-stock", "ship-orders", "export-orders",
        "export-buy-orders", "export-customers", "export-products")) {
      String help = AppRun.of(command, "--help").out();
      assertThat(help).as(command).contains(LightspeedSyncApp.DEFAULT_DB).contains("$LIGHTSPEED_SYNC_DB");
      for (String line : help.split("\\R")) {
        assertThat(line.length()).as(command + ": " + line).isLessThanOrEqualTo(HelpText.WIDTH);
      }
    }
  }
}
