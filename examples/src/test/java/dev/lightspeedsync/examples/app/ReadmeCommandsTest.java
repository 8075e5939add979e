package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.XSeriesCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every app command of {@code README.md} and {@code examples/README.md} runs, in-process, in the
 * order of the file, and exits 0 ({@link ReadmeCommands} says what counts as a command). The
 * commands run as written, with only these substitutions so they run offline in a temporary
 * directory:
 *
 * <ul>
 *   <li>a command without {@code --db} gets the README's own temporary database of its platform
 *       (what {@code ./lightspeed-sync.mv.db}, {@code -ecom} and {@code -xseries} are when the
 *       commands are typed one after the other), one for the embedded demo and one for the account
 *       at {@code --base-url} (a database holds one account: a user gives their own account a
 *       {@code --db}, as the app asks when it refuses the demo's); the placeholder {@code JDBC_URL}
 *       is the R-Series demo's database;
 *   <li>{@code --base-url} of the public APIs ({@code https://api.lightspeedapp.com/},
 *       {@code https://api.webshopapp.com/}, an X-Series {@code https://P.retail.lightspeed.app/})
 *       becomes a testkit server's, and the placeholder values of the credential options ({@code ID},
 *       {@code S}, {@code T}, {@code K}, the X-Series {@code --domain-prefix} and {@code --token}) its
 *       credentials;
 *   <li>optional parts of a synopsis ({@code [--every 30m]}) are left out and alternatives
 *       ({@code skus|stock|sales}) take the first.
 * </ul>
 * A command with {@code --reimport-from} must also store something again in its first run (a date
 * after the data would re-import nothing and still exit 0).
 * {@link #NOT_RUN} lists, with the reason, the commands that cannot run unattended; a test checks
 * that each of them is still in a README, so the list cannot go stale.
 */
class ReadmeCommandsTest {
  /** Commands (by their first word after the invocation) that are not run, and why. */
  static final Map<String, String> NOT_RUN = Map.of(
      "login", "interactive: waits for the code pasted from the browser (LoginCommandTest runs it on the testkit)",
      "book-receipts", "reads the host's JSON lines (--in) and writes to an account (WriteFlowAppTest runs it on the"
          + " testkit, with write-then-500 and a restart between write and ledger)",
      "export-orders", "reads the host's JSON lines (--in) and writes to an account (WriteFlowAppTest runs it on the"
          + " testkit, with write-then-500 and a restart between write and ledger)",
      "export-customers", "reads the host's JSON lines (--in) and writes to an account (WriteFlowAppTest runs it on the"
          + " testkit, with write-then-500 and a restart between write and ledger)",
      "export-products", "reads the host's JSON lines (--in) and writes to an account (WriteFlowAppTest runs it on the"
          + " testkit, with write-then-500 and a restart between write and ledger)",
      "push-stock", "reads the host's JSON lines (--in) and writes to an account (WriteFlowAppTest,"
          + " EcomWriteFlowAppTest and XSeriesWriteFlowAppTest run it on the testkit, with write-then-500)",
      "export-buy-orders", "reads the host's JSON lines (--in) and writes to an account (WriteFlowAppTest runs it on the"
          + " testkit, with write-then-500 and the seed-001 wrong-case default location)",
      "ship-orders", "reads the host's JSON lines (--in) and writes to an eCom shop (EcomWriteFlowAppTest runs it on the"
          + " testkit, with write-then-500 and a restart between write and ledger)",
      "webhooks", "serves deliveries until stopped, and its example registers a public URL (WebhooksCommandTest runs"
          + " it on the testkit, which delivers to it)",
      "schedule", "runs until stopped and its example database is PostgreSQL (ScheduleCommandTest runs it bounded"
          + " on H2 and, with LIGHTSPEED_SYNC_TEST_POSTGRES_URL, on PostgreSQL)");

  @TempDir
  Path dir;

  LightspeedTestServer server;

  /** A fresh server per README: the first refresh rotates its tokens, as a real account's do. */
  void startServer() {
    stopServer();
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(21).shops(2).items(60).sales(30).orders(0)
        .products(30).ecomOrders(20).ecomLanguages(List.of("nl", "en")).timeSource(new ManualTimeSource())
        .unlimited().build());
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "examples/README.md"})
  void everyCommandRunsAndExitsZero(String readme) {
    startServer();
    List<ReadmeCommands.Command> commands = ReadmeCommands.of(readme);
    String database = database(readme, "retail", false);
    Map<String, String> failures = new LinkedHashMap<>();
    int ran = 0;
    for (ReadmeCommands.Command c : commands) {
      if (!c.args().isEmpty() && NOT_RUN.containsKey(c.args().get(0))) {
        continue;
      }
      List<String> args = offline(c.args(), database, readme);
      // a re-import must re-import something: its first run stores records again
      Path summary = args.contains("--reimport-from") ? dir.resolve("reimport-" + ran + ".json") : null;
      if (summary != null) {
        args.addAll(List.of("--summary-json", summary.toString()));
      }
      AppRun run = AppRun.of(args.toArray(String[]::new));
      ran++;
      if (run.exitCode() != 0) {
        failures.put(c.text(), "exit " + run.exitCode() + ": " + run.err().strip());
      } else if (summary != null) {
        JsonNode first = readJson(summary).get("runs").get(0);
        if (first.get("skus").asLong() + first.get("stockLevels").asLong() + first.get("salesOrders").asLong() == 0) {
          failures.put(c.text(), "re-imported nothing: " + first);
        }
      }
    }
    assertThat(failures).as("README commands that fail").isEmpty();
    assertThat(ran).as("commands found in " + readme).isGreaterThanOrEqualTo(5);
  }

  @Test
  void theExtractionFindsTheKnownCommands() {
    List<String> root = ReadmeCommands.of("README.md").stream().map(ReadmeCommands.Command::text).toList();
    List<String> examples = ReadmeCommands.of("examples/README.md").stream().map(ReadmeCommands.Command::text).toList();

    assertThat(root).contains("java -jar examples/target/lightspeed-sync-app.jar",
        "java -jar examples/target/lightspeed-sync-app.jar export --what skus", "sync --platform ecom");
    assertThat(examples).contains("java -jar examples/target/lightspeed-sync-app.jar",
        "sync --locations \"Main Store,Warehouse\"",
        "sync --locations one --default-location \"Main Store\" --sales completed");
    assertThat(ReadmeCommands.argsOf("sync --locations \"Main Store,Warehouse\""))
        .containsExactly("sync", "--locations", "Main Store,Warehouse");
  }

  @Test
  void everyCommandThatIsNotRunIsStillInAReadme() {
    List<String> firstWords = new ArrayList<>();
    for (String readme : List.of("README.md", "examples/README.md")) {
      ReadmeCommands.of(readme).forEach(c -> firstWords.add(c.args().isEmpty() ? "" : c.args().get(0)));
    }
    assertThat(firstWords).containsAll(NOT_RUN.keySet());
  }

  private static JsonNode readJson(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The substitutions of the class comment. */
  /** The README's temporary database of a platform's demo, or of its account at --base-url. */
  private String database(String readme, String platform, boolean account) {
    String name = readme.replace('/', '-') + "-" + platform + (account ? "-account" : "-demo");
    return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";WRITE_DELAY=0";
  }

  private List<String> offline(List<String> shown, String database, String readme) {
    List<String> args = new ArrayList<>();
    boolean optional = false;
    for (String w : shown) {
      if (w.startsWith("[")) {
        optional = true;
      }
      if (!optional) {
        args.add(w.equals("JDBC_URL") ? database : w.contains("|") && !w.contains(" ") ? w.split("\\|")[0] : w);
      }
      if (w.endsWith("]")) {
        optional = false;
      }
    }
    if (args.isEmpty() || args.get(0).startsWith("-")) {
      args.add(0, "sync"); // what the app runs with no command
    }
    int base = args.indexOf("--base-url");
    if (base >= 0) {
      String url = args.get(base + 1);
      RetailCredentials r = server.retailCredentials();
      EcomCredentials e = server.ecomCredentials();
      if (url.equals("https://api.lightspeedapp.com/")) {
        args.set(base + 1, server.retailBaseUrl().toString());
        replace(args, "--account-id", Long.toString(r.accountId()));
        replace(args, "--client-id", r.clientId());
        replace(args, "--client-secret", r.clientSecret());
        replace(args, "--refresh-token", r.refreshToken());
        replace(args, "--access-token", r.accessToken());
      } else if (url.matches("https://[a-z0-9-]+\\.retail\\.lightspeed\\.app/")) {
        XSeriesCredentials x = server.xseriesCredentials();
        args.set(base + 1, server.xseriesOrigin().toString());
        replace(args, "--domain-prefix", x.domainPrefix());
        replace(args, "--token", x.personalToken());
      } else if (url.equals("https://api.webshopapp.com/")) {
        args.set(base + 1, server.ecomBaseUrl().toString());
        replace(args, "--api-key", e.apiKey());
        replace(args, "--api-secret", e.apiSecret());
      }
    }
    boolean help = args.get(0).equals("help") || args.contains("--help");
    if (!help && !args.contains("--db") && args.stream().noneMatch(a -> a.startsWith("--db="))) {
      int p = args.indexOf("--platform");
      String platform = p >= 0 && p + 1 < args.size() ? args.get(p + 1)
          : args.get(0).equals("webhooks") || args.get(0).equals("ship-orders") ? "ecom" : "retail";
      args.add(1, "--db");
      args.add(2, database(readme, platform, base >= 0));
    }
    return args;
  }

  private static void replace(List<String> args, String option, String value) {
    int i = args.indexOf(option);
    if (i >= 0 && i + 1 < args.size()) {
      args.set(i + 1, value);
    }
  }
}
