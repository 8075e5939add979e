package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.LightspeedConnectionException;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.sync.engine.SyncRunException;
import dev.lightspeedsync.sync.lightspeed.SyncException;
import dev.lightspeedsync.sync.spi.SyncSinkException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lightspeed-sync} command line: {@code sync} (the default) and {@code export}.
 *
 * <pre>
 * java -jar lightspeed-sync-app.jar                      # sync the embedded testkit into ./lightspeed-sync.mv.db
 * java -jar lightspeed-sync-app.jar sync --base-url https://api.lightspeedapp.com/ --account-id ... 
 * java -jar lightspeed-sync-app.jar export --what skus   # JSON lines
 * </pre>
 *
 * <p>Every failure ends as one line on stderr ({@code error: ...}) and a non-zero exit status
 * ({@link ExitCodes}, listed in every command's {@code --help}); a sync stopped by its
 * {@code --deadline} prints one {@code stopped: ...} line and exits 8. Secrets are never printed.
 */
@Command(name = "lightspeed-sync", mixinStandardHelpOptions = true, version = "lightspeed-sync 0.1.0-SNAPSHOT",
    description = "Syncs Lightspeed R-Series, X-Series and eCom accounts into a database, and writes back to them."
        + " With no command, runs 'sync' on the embedded testkit.")
public final class LightspeedSyncApp implements Runnable {
  /**
   * The default database of R-Series: an H2 file {@code lightspeed-sync.mv.db} in the working
   * directory, with {@code WRITE_DELAY=0} so that a commit that returned survives {@code kill -9}
   * (see {@code Durability}).
   */
  static final String DEFAULT_DB = "jdbc:h2:file:./lightspeed-sync;WRITE_DELAY=0";

  /**
   * The default database of a platform, one file each ({@code lightspeed-sync},
   * {@code lightspeed-sync-ecom}, {@code lightspeed-sync-xseries}): a database holds one account,
   * so that the demos of the three platforms can run one after the other in one directory.
   */
  static String defaultDb(String platform) {
    return platform.equals("ecom") || platform.equals("xseries")
        ? DEFAULT_DB.replace("./lightspeed-sync;", "./lightspeed-sync-" + platform + ";") : DEFAULT_DB;
  }

  private LightspeedSyncApp() {}

  public static void main(String[] args) {
    GracefulShutdown.install(Thread.currentThread());
    int code = run(System.out, System.err, args);
    GracefulShutdown.finished();
    System.exit(code);
  }

  /** Runs the app in-process (tests, embedding) and returns the exit status. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return commandLine(out, err).execute(withDefaultCommand(args));
  }

  /**
   * The app's command line with its subcommands, help layout and error handlers, ready to execute
   * (also read by {@code schedule}, which parses an export's write-flow options before running it).
   */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }
    CommandLine cli = new CommandLine(new LightspeedSyncApp())
        .addSubcommand("sync", new SyncCommand(out, err))
        .addSubcommand("export", new ExportCommand(out))
        .addSubcommand("schedule", new ScheduleCommand(out))
        .addSubcommand("login", new LoginCommand(out))
        .addSubcommand("book-receipts", new BookReceiptsCommand(out, err))
        .addSubcommand("export-orders", new ExportOrdersCommand(out, err))
        .addSubcommand("push-stock", new PushStockCommand(out, err))
        .addSubcommand("export-customers", new ExportCustomersCommand(out, err))
        .addSubcommand("export-products", new ExportProductsCommand(out, err))
        .addSubcommand("export-buy-orders", new ExportBuyOrdersCommand(out, err))
        .addSubcommand("ship-orders", new ShipOrdersCommand(out, err))
        .addSubcommand("webhooks", new WebhooksCommand(out, err))
        .addSubcommand("help", new CommandLine.HelpCommand());
    HelpText.apply(cli);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setParameterExceptionHandler((e, a) -> {
      // never e.getMessage(): picocli echoes what was typed, and a mistyped option may carry a secret
      err.println("error: " + oneLine(UsageErrors.describe(e)) + " (see --help)");
      return ExitCodes.USAGE;
    });
    cli.setExecutionExceptionHandler((e, c, parsed) -> {
      if (GracefulShutdown.requested()) {
        err.println("interrupted; rerun to resume");
        return ExitCodes.SIGINT;
      }
      int code = exitCode(e);
      // a run stopped at its deadline is not a failure: it says so, and where to go on from
      err.println((code == ExitCodes.DEADLINE_REACHED ? "stopped: " : "error: ") + message(e)
          + (code == ExitCodes.USAGE ? " (see --help)" : ""));
      return code;
    });
    return cli;
  }

  /** No command, or options only: {@code sync} is meant (except for the app's own --help/--version). */
  static String[] withDefaultCommand(String[] args) {
    if (args.length > 0 && (!args[0].startsWith("-") || java.util.Set.of("-h", "--help", "-V", "--version").contains(args[0]))) {
      return args;
    }
    String[] withSync = new String[args.length + 1];
    withSync[0] = "sync";
    System.arraycopy(args, 0, withSync, 1, args.length);
    return withSync;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this),
        "choose a command: sync, export, schedule, login or help");
  }

  static int exitCode(Throwable e) {
    if (e instanceof AppException a) {
      return a.exitCode();
    }
    if (e instanceof AuthenticationException) {
      return ExitCodes.CREDENTIALS_REJECTED; // only a refusal; an HTML token answer is a DecodingException
    }
    if (e instanceof LightspeedConnectionException c) {
      // "cannot reach" only when no connection was made; a server that dropped, stalled or cut an
      // answer short was reached, and a rerun resumes from the checkpoint
      return c.kind() == LightspeedConnectionException.Kind.CONNECT_FAILED ? ExitCodes.UNREACHABLE : ExitCodes.FAILURE;
    }
    if (e instanceof SyncRunException) {
      return ((SyncRunException) e).reason() == SyncRunException.Reason.ALREADY_RUNNING
          ? ExitCodes.ALREADY_RUNNING : ((SyncRunException) e).reason() == SyncRunException.Reason.SETTINGS
          ? ExitCodes.SETTINGS_MISMATCH : ExitCodes.FAILURE;
    }
    if (e instanceof SyncException) {
      return ExitCodes.SETTINGS_MISMATCH;
    }
    return ExitCodes.FAILURE;
  }

  static String message(Throwable e) {
    String m = oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    if (e instanceof AuthenticationException a) {
      return "Lightspeed rejected the credentials" + status(a) + ": " + m
          + "; check --client-id, --client-secret and --refresh-token";
    }
    if (e instanceof LightspeedConnectionException c) {
      return switch (c.kind()) {
        case CONNECT_FAILED -> "cannot reach Lightspeed: " + m + "; check --base-url and the network";
        case INTERRUPTED -> "interrupted while waiting for Lightspeed: " + m + "; rerun to resume from the checkpoint";
        default -> "Lightspeed was reached but the connection failed (" + connectionFault(c.kind()) + "): " + m
            + "; rerun to resume from the checkpoint";
      };
    }
    if (e instanceof DecodingException d) {
      return "unexpected answer from Lightspeed" + status(d) + ": " + m;
    }
    if (e instanceof LightspeedException l) {
      return l.statusCode() > 0 ? "Lightspeed answered HTTP " + l.statusCode() + ": " + m : "Lightspeed request failed: " + m;
    }
    if (e instanceof SyncSinkException) {
      return "database: " + m;
    }
    return m;
  }

  /** {@code " (HTTP 401)"}, or nothing when no status arrived: never "HTTP 0". */
  private static String status(LightspeedException e) {
    return e.statusCode() > 0 ? " (HTTP " + e.statusCode() + ")" : "";
  }

  /** A reached server's connection fault, in words. */
  static String connectionFault(LightspeedConnectionException.Kind kind) {
    return switch (kind) {
      case DROPPED -> "it closed the connection before a complete answer";
      case TIMED_OUT -> "it did not answer in time; see --call-timeout";
      case TRUNCATED -> "its answer was cut short";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }

  static String oneLine(String s) {
    // text from servers and databases: no raw control characters (ANSI escapes, BEL) on the terminal
    return s == null ? "" : TerminalText.safe(s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
  }
}
