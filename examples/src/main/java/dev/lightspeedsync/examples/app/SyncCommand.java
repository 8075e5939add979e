package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.jdbc.JdbcTokenStore;
import dev.lightspeedsync.examples.jdbc.Schema;
import dev.lightspeedsync.examples.support.CountingSink;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.examples.support.ListenerChain;
import dev.lightspeedsync.examples.support.Progress;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncRequest;
import dev.lightspeedsync.sync.engine.RateLimitPolicy;
import dev.lightspeedsync.sync.spi.Connector;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomConnector;
import dev.lightspeedsync.sync.lightspeed.retail.RetailConnector;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesConnector;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.spi.RunLock;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.spi.TransportStats;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sync}: one account into a database. Without {@code --base-url} it starts the embedded
 * testkit, runs the sync, lets the shops change a little, and runs it again (incremental).
 */
@Command(name = "sync", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Syncs a Lightspeed account into a database: a full sync the first time, incremental after.",
        "Without --base-url it starts an embedded fake Lightspeed (lightspeed-testkit) with generated data,",
        "runs a sync, simulates some shop activity and syncs again.",
        "  retail: sync --platform retail --base-url URL --account-id ID --client-id ID --client-secret S --refresh-token T",
        "  ecom:   sync --platform ecom --base-url URL --api-key K --api-secret S --language nl",
        "  xseries: sync --platform xseries --base-url https://P.retail.lightspeed.app/ --domain-prefix P --token T"},
    footerHeading = "%nEnvironment variables:%n",
    footer = {
        "  LIGHTSPEED_ACCOUNT_ID     --account-id",
        "  LIGHTSPEED_CLIENT_ID      --client-id",
        "  LIGHTSPEED_CLIENT_SECRET  --client-secret",
        "  LIGHTSPEED_REFRESH_TOKEN  --refresh-token",
        "  LIGHTSPEED_ACCESS_TOKEN   --access-token",
        "  LIGHTSPEED_ECOM_API_KEY   --api-key",
        "  LIGHTSPEED_ECOM_API_SECRET --api-secret",
        "  LIGHTSPEED_XSERIES_DOMAIN_PREFIX --domain-prefix",
        "  LIGHTSPEED_XSERIES_TOKEN  --token",
        "  LIGHTSPEED_SYNC_DB        --db"})
final class SyncCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  SyncCommand(PrintStream out) {
    this(out, System.err);
  }

  /** {@code err}: where notices go (the app's stderr; under {@code schedule}, the run log). */
  SyncCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Mixin
  ConnectionOptions connection = new ConnectionOptions();

  @Option(names = "--locations", defaultValue = "all", description = "all, one (the default location) or a comma list A,B of shops (R-Series) or outlets (X-Series). Default: ${DEFAULT-VALUE}.")
  String locations;

  @Option(names = "--default-location", description = "Default location name (shop or outlet), exact and case-sensitive. Default: the first shop or outlet.")
  String defaultLocation;

  @Mixin
  OutletMappingOption outletMapping = new OutletMappingOption();

  @Option(names = "--sales", defaultValue = "completed", description = {"Sales history: completed (R-Series completed sales;"
      + " eCom paid orders; 'paid' is the same), or all (adds open sales, unpaid orders). Cancelled never counts."
      + " Default: ${DEFAULT-VALUE}."})
  String sales;

  @Option(names = "--orders", description = {"eCom order import (seed 003): hand orders over to ls_order_import /"
      + " ls_order_import_line, each exactly once: paid (paid only), all (unpaid too) or eligible (paid or cash on"
      + " delivery). Never cancelled or shipped ones. Default: no order import."})
  String orders;

  @Option(names = "--order-window", description = "With --orders: only orders changed within this window before the run"
      + " are handed over (12h, 36h, PT36H; at most 744h). Default: 12h.")
  String orderWindow;

  @Option(names = "--dry-run", description = "Read Lightspeed and report, but write nothing to the database (OAuth tokens excepted).")
  boolean dryRun;

  @Option(names = "--reimport-from", description = "Re-import records changed since this date (2026-01-31) or instant"
      + " (2026-01-31T08:00:00Z): the checkpoints are moved back, then the sync runs.")
  String reimportFrom;

  @Option(names = "--summary-json", description = "Write the run summary as JSON to this file.")
  Path summaryJson;

  @Option(names = "--progress", defaultValue = "auto", description = "auto, bar, log or none. Default: ${DEFAULT-VALUE} (bar on a terminal).")
  String progress;

  /** The default demo account's size; the write flows' embedded account is the same one. */
  static final String DEMO_ITEMS = "3000";
  static final String DEMO_SALES = "2000";
  static final String DEMO_SHOPS = "4";

  @Option(names = "--testkit-items", defaultValue = DEMO_ITEMS, description = "Embedded testkit: items. Default: ${DEFAULT-VALUE}.")
  long testkitItems;

  @Option(names = "--testkit-sales", defaultValue = DEMO_SALES, description = "Embedded testkit: sales. Default: ${DEFAULT-VALUE}.")
  long testkitSales;

  @Option(names = "--testkit-shops", defaultValue = DEMO_SHOPS, description = "Embedded testkit: shops. Default: ${DEFAULT-VALUE}.")
  int testkitShops;

  @Option(names = "--time-scale", defaultValue = "60",
      description = "Embedded testkit: API seconds per real second (the rate limit drains this much faster). Default: ${DEFAULT-VALUE}.")
  double timeScale;

  @Option(names = "--no-activity", negatable = false,
      description = "Embedded testkit: sync once, without the simulated shop activity and second (incremental) sync.")
  boolean noActivity;

  @Option(names = "--deadline", description = {"Longest a sync run may take (30m, 90s, PT2H): at the first page after it the run"
      + " stops at its checkpoint and the app exits " + ExitCodes.DEADLINE_REACHED + "; a rerun resumes. With the embedded testkit,"
      + " real time. Default: none."})
  String deadline;

  @Option(names = "--call-timeout", description = "Longest one HTTP exchange may take, connect to last byte (10s, 2m)."
      + " Default: 2m.")
  String callTimeout;

  @Override
  public Integer call() throws Exception {
    GracefulShutdown.stoppable();
    SyncOptions.check(this); // usage errors (exit 2) before anything is opened
    String p = connection.platform.toLowerCase(Locale.ROOT);
    boolean ecom = p.equals("ecom");
    xseries = p.equals("xseries");
    Progress.Mode mode = switch (progress.toLowerCase(Locale.ROOT)) {
      case "auto" -> Progress.detect();
      case "bar" -> Progress.Mode.BAR;
      case "log" -> Progress.Mode.LOG;
      case "none" -> Progress.Mode.NONE;
      default -> throw new AppException(2, "--progress must be auto, bar, log or none");
    };
    connection.requireCredentials("a sync", " (or the environment variables listed in --help)");
    Instant from = reimportFrom == null ? null : parseInstant(reimportFrom);

    runs = new ArrayList<>();
    try {
      syncAll(ecom, mode, from);
    } catch (AppException e) {
      if (e.exitCode() == ExitCodes.DEADLINE_REACHED && summaryJson != null) {
        writeSummary(runs); // the runs so far, the last one with its status
      }
      throw e;
    }
    if (summaryJson != null) {
      writeSummary(runs);
    }
    return 0;
  }

  /** {@code --platform xseries}. */
  private boolean xseries;

  /** The runs of this invocation so far. */
  private List<RunSummary> runs = new ArrayList<>();

  private void syncAll(boolean ecom, Progress.Mode mode, @Nullable Instant from) throws Exception {
    Duration runDeadline = SyncOptions.deadline(this);
    Duration perCall = SyncOptions.callTimeout(this);
    try (ConnectionPool pool = openDatabase()) {
      Schema.migrate(pool);
      JdbcSyncSink database = new JdbcSyncSink(pool);
      SyncSink target = dryRun ? SyncEngine.dryRunSink(database) : database;
      CountingSink sink = new CountingSink(target);
      SyncMetrics metrics = new SyncMetrics();
      Progress bar = new Progress(out, mode, sink);
      String dbLine = "Database: " + redact(connection.db()) + (dryRun ? " (dry run: nothing is written)" : "");
      if (xseries) {
        syncXSeries(pool, database, sink, metrics, bar, dbLine, runDeadline, perCall, from);
      } else if (connection.baseUrl == null) {
        out.printf(Locale.ROOT, "Starting the embedded Lightspeed testkit (%s, time x%s)%n", ecom
            ? String.format(Locale.ROOT, "eCom: %,d products, %,d orders", Math.max(1, testkitItems / 2), Math.max(1, testkitSales / 4))
            : String.format(Locale.ROOT, "R-Series: %,d items, %,d sales, %d shops", testkitItems, testkitSales, testkitShops),
            trim(timeScale));
        try (EmbeddedLightspeed embedded = EmbeddedLightspeed.start(testkitShops, testkitItems, testkitSales, timeScale)) {
          out.println(dbLine);
          if (ecom) {
            out.println("Webshop activity: " + embedded.touchRecentEcomOrders() + " orders changed in the last 12 hours");
            try (EcomClient client = withCallTimeout(embedded.ecomClientBuilder(ListenerChain.of(metrics, bar,
                GracefulShutdown.LISTENER)), perCall).build()) {
              AccountSync runner = new AccountSync(engine(sink, SyncOptions.settings(this, null), embedded.clock(), embedded.server().clock()::sleep,
                  apiTime(runDeadline)),
                  EcomConnector.builder().client(client).shopKey(Long.toString(embedded.server().ecomCredentials().shopId()))
                      .metrics(metrics).clock(embedded.clock()).build(), sink);
              try (RunLock lock = RunGuard.lock(database, "ecom:" + embedded.server().ecomCredentials().shopId())) {
                runOnce("ecom", runner.run(from), runner.full(Map.of(), bar), Map.of(), sink, bar, "Sync 1");
                if (!noActivity) {
                  out.println("Webshop activity: " + embedded.simulateEcomActivity());
                  runOnce("ecom", runner.run(null), runner.full(Map.of(), bar), Map.of(), sink, bar, "Sync 2");
                }
              }
            }
          } else {
            String accountKey = "retail:" + embedded.credentials().accountId();
            JdbcTokenStore tokens = JdbcTokenStore.open(pool, accountKey, embedded.initialTokens(), embedded.clock());
            try (RetailClient client = withCallTimeout(embedded.retailClientBuilder(ListenerChain.of(metrics, bar,
                GracefulShutdown.LISTENER), tokens), perCall).build()) {
              String defaultLoc = defaultLocation != null ? defaultLocation : embedded.firstShopName();
              AccountSync runner = new AccountSync(engine(sink, settings(defaultLoc, Memo.of(() -> shopsOf(client))), embedded.clock(),
                  embedded.server().clock()::sleep, apiTime(runDeadline)),
                  RetailConnector.builder().client(client).metrics(metrics).clock(embedded.clock()).build(), sink);
              Map<SyncStream, Long> expected = new EnumMap<>(SyncStream.class);
              expected.put(SyncStream.CATALOGUE, embedded.pagesOf("Item"));
              expected.put(SyncStream.STOCK, embedded.pagesOf("ItemShop"));
              expected.put(SyncStream.SALES, embedded.pagesOf("Sale"));
              try (RunLock lock = RunGuard.lock(database, accountKey)) {
                runOnce("retail", runner.run(from), runner.full(expected, bar), expected,
                    sink, bar, "Sync 1");
                if (!noActivity) {
                  out.println("Shop activity: " + embedded.simulateActivity());
                  runOnce("retail", runner.run(null), runner.full(Map.of(), bar), Map.of(), sink,
                      bar, "Sync 2");
                }
              }
            }
          }
        }
      } else if (ecom) {
        EcomClient.Builder b = connection.ecomClient().listener(ListenerChain.of(metrics, bar, GracefulShutdown.LISTENER));
        try (EcomClient client = withCallTimeout(b, perCall).build()) {
          String shopKey = connection.ecomShopKey();
          AccountSync runner = new AccountSync(engine(sink, SyncOptions.settings(this, null), Clock.systemUTC(), runDeadline),
              EcomConnector.builder().client(client).shopKey(shopKey).metrics(metrics).build(), sink);
          out.println(dbLine);
          try (RunLock lock = RunGuard.lock(database, "ecom:" + shopKey)) {
            runOnce("ecom", runner.run(from), runner.full(Map.of(), bar), Map.of(), sink, bar, "Sync");
          }
        }
      } else {
        String accountKey = connection.retailAccountKey();
        RetailClient.Builder b = connection.retailClient(pool).listener(ListenerChain.of(metrics, bar, GracefulShutdown.LISTENER));
        try (RetailClient client = withCallTimeout(b, perCall).build()) {
          // the shop check is a request of this run too: the summary counts it with the engine's
          TransportStats beforeCheck = metrics.transportStats();
          Memo<List<Location>> shops = Memo.of(() -> shopsOf(client));
          String defaultLoc = defaultLocation != null ? defaultLocation : first(shops.get(), "the account has no shop (location)");
          SyncSettings settings = settings(defaultLoc, shops);
          TransportStats shopCheck = metrics.transportStats().since(beforeCheck);
          AccountSync runner = new AccountSync(engine(sink, settings, Clock.systemUTC(), runDeadline),
              RetailConnector.builder().client(client).metrics(metrics).build(), sink);
          out.println(dbLine);
          try (RunLock lock = RunGuard.lock(database, accountKey)) {
            runOnce("retail", runner.run(from), runner.full(Map.of(), bar), Map.of(), sink,
                bar, "Sync", shopCheck);
          }
        }
      }
      out.print(databaseTotals(pool));
    }
  }

  /** {@code --platform xseries}: the embedded testkit's retailer, or the one at {@code --base-url}. */
  private void syncXSeries(ConnectionPool pool, JdbcSyncSink database, CountingSink sink, SyncMetrics metrics, Progress bar,
      String dbLine, @Nullable Duration runDeadline, @Nullable Duration perCall, @Nullable Instant from) throws Exception {
    dev.lightspeedsync.client.ClientListener listener = ListenerChain.of(metrics, bar, GracefulShutdown.LISTENER);
    if (connection.baseUrl == null) {
      int outlets = testkitShops;
      out.printf(Locale.ROOT, "Starting the embedded Lightspeed testkit (X-Series: %,d products, %,d sales, %d outlets, time x%s)%n",
          testkitItems, testkitSales, outlets, trim(timeScale));
      try (EmbeddedLightspeed embedded = EmbeddedLightspeed.xseries(outlets, testkitItems, testkitSales, timeScale);
          XSeriesClient client = withCallTimeout(embedded.xseriesClientBuilder(listener), perCall).build()) {
        out.println(dbLine);
        String defaultLoc = defaultLocation != null ? defaultLocation : embedded.firstOutletName();
        AccountSync runner = new AccountSync(engine(sink, settings(defaultLoc, Memo.of(() -> outletsOf(client))), embedded.clock(),
            embedded.sleeper(), apiTime(runDeadline)),
            XSeriesConnector.builder().client(client).metrics(metrics).clock(embedded.clock()).build(), sink);
        try (RunLock lock = RunGuard.lock(database, "xseries:" + embedded.server().xseriesCredentials().domainPrefix())) {
          runOnce("xseries", runner.run(from), runner.full(Map.of(), bar), Map.of(), sink, bar, "Sync 1");
          if (!noActivity) {
            out.println("Retailer activity: " + embedded.simulateXSeriesActivity());
            runOnce("xseries", runner.run(null), runner.full(Map.of(), bar), Map.of(), sink, bar, "Sync 2");
          }
        }
      }
    } else {
      XSeriesClient.Builder b = connection.xseriesClient().listener(listener);
      try (XSeriesClient client = withCallTimeout(b, perCall).build()) {
        TransportStats beforeCheck = metrics.transportStats();
        Memo<List<Location>> outlets = Memo.of(() -> outletsOf(client));
        String defaultLoc = defaultLocation != null ? defaultLocation : first(outlets.get(), "the retailer has no outlet (location)");
        SyncSettings settings = settings(defaultLoc, outlets);
        TransportStats outletCheck = metrics.transportStats().since(beforeCheck);
        AccountSync runner = new AccountSync(engine(sink, settings, Clock.systemUTC(), runDeadline),
            XSeriesConnector.builder().client(client).metrics(metrics).build(), sink);
        out.println(dbLine);
        try (RunLock lock = RunGuard.lock(database, "xseries:" + connection.domainPrefix)) {
          runOnce("xseries", runner.run(from), runner.full(Map.of(), bar), Map.of(), sink, bar, "Sync", outletCheck);
        }
      }
    }
  }

  /** The retailer's outlets that are not deleted, as locations. */
  static List<Location> outletsOf(XSeriesClient client) {
    return client.outlets().list().stream().filter(o -> !o.deleted())
        .map(dev.lightspeedsync.sync.lightspeed.xseries.XSeriesMapping::toLocation).toList();
  }

  /** The account's shops that are not archived, as locations. */
  static List<Location> shopsOf(RetailClient client) {
    return client.shops().list().stream().filter(s -> !s.archived())
        .map(dev.lightspeedsync.sync.lightspeed.retail.RetailMapping::toLocation).toList();
  }

  /** The first location's code: the default location when none is given. */
  private static String first(List<Location> locations, String none) {
    return locations.stream().map(Location::code).findFirst().orElseThrow(() -> new AppException(5, none));
  }

  /**
   * The settings of the options, with {@code --outlet-mapping} resolved against the account's
   * locations (read once, and only when a mapping is given).
   */
  private SyncSettings settings(@Nullable String defaultLoc, Supplier<List<Location>> locations) {
    SyncSettings settings = SyncOptions.settings(this, defaultLoc);
    Map<String, String> pairs = outletMapping.pairs(connection.platform());
    return pairs == null ? settings
        : settings.withOutletMapping(OutletMappingOption.resolve(pairs, locations.get(), "nothing was synced"));
  }

  /** A value computed once, when first asked for. */
  private static final class Memo<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private @Nullable T value;

    private Memo(Supplier<T> compute) {
      this.compute = compute;
    }

    static <T> Memo<T> of(Supplier<T> compute) {
      return new Memo<>(compute);
    }

    @Override
    public T get() {
      if (value == null) {
        value = compute.get();
      }
      return value;
    }
  }

  private static XSeriesClient.Builder withCallTimeout(XSeriesClient.Builder b, @Nullable Duration timeout) {
    return timeout == null ? b : b.callTimeout(timeout);
  }

  private static final Set<SyncStream> DATA_STREAMS = EnumSet.of(SyncStream.CATALOGUE, SyncStream.STOCK, SyncStream.SALES);

  /**
   * The engine of one run: waits for rate-limit windows (the app's default), on the API's clock, and
   * stops at a checkpoint once {@code deadline} (if any) has passed.
   */
  private static SyncEngine engine(SyncSink sink, SyncSettings settings, Clock clock, @Nullable Duration deadline) {
    return engine(sink, settings, clock, dev.lightspeedsync.sync.engine.Sleeper.SYSTEM, deadline);
  }

  /** With the embedded testkit, windows are waited for on its (faster) clock. */
  private static SyncEngine engine(SyncSink sink, SyncSettings settings, Clock clock,
      dev.lightspeedsync.sync.engine.Sleeper sleeper, @Nullable Duration deadline) {
    SyncEngine.Builder b = SyncEngine.builder().sink(lockHeld(sink)).settings(settings).clock(clock).sleeper(sleeper)
        .rateLimitPolicy(RateLimitPolicy.WAIT);
    if (deadline != null) {
      b.deadline(deadline);
    }
    return b.build();
  }

  /**
   * {@code --deadline} is real time; the embedded testkit's API clock, which the engine measures it
   * on, runs {@code --time-scale} times faster.
   */
  private @Nullable Duration apiTime(@Nullable Duration realTime) {
    if (realTime == null) {
      return null;
    }
    double nanos = realTime.toNanos() * timeScale;
    return Duration.ofNanos(nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) nanos));
  }

  private static RetailClient.Builder withCallTimeout(RetailClient.Builder b, @Nullable Duration timeout) {
    return timeout == null ? b : b.callTimeout(timeout);
  }

  private static EcomClient.Builder withCallTimeout(EcomClient.Builder b, @Nullable Duration timeout) {
    return timeout == null ? b : b.callTimeout(timeout);
  }

  /**
   * The app takes the account's run lock itself ({@link RunGuard#lock}, whose message names the
   * holder) around both runs of a default sync; the engine runs inside that lock.
   */
  private static SyncSink lockHeld(SyncSink sink) {
    return new dev.lightspeedsync.sync.spi.ForwardingSyncSink(sink) {
      @Override
      public java.util.Optional<RunLock> tryLockRun(String accountKey) {
        return java.util.Optional.of(() -> {});
      }
    };
  }

  /** One account's engine and connector, as the app runs them. */
  private final class AccountSync {
    private final SyncEngine engine;
    private final Connector connector;
    private final SyncSink sink;

    AccountSync(SyncEngine engine, Connector connector, SyncSink sink) {
      this.engine = engine;
      this.connector = connector;
      this.sink = sink;
    }

    /** A normal run, or a re-import of the data streams from {@code from}. */
    Supplier<SyncReport> run(Instant from) {
      SyncRequest request = from == null ? SyncRequest.all()
          : SyncRequest.builder().streams(DATA_STREAMS).reimportFrom(from).build();
      return () -> {
        SyncReport report = engine.run(connector, request);
        if (report.status() == SyncReport.Status.INTERRUPTED) {
          throw new IllegalStateException("interrupted; rerun to resume");
        }
        report.notices().forEach(n -> err.println("notice: " + LightspeedSyncApp.oneLine(n)));
        return report;
      };
    }

    /** Whether a data stream starts without a checkpoint; full streams get a progress bar when pages are known. */
    boolean full(Map<SyncStream, Long> expected, Progress bar) {
      boolean full = false;
      for (SyncStream s : DATA_STREAMS) {
        boolean streamFull = sink.checkpoint(SyncEngine.checkpointName(connector.accountKey(), s)).isEmpty();
        full |= streamFull;
        if (streamFull && expected.containsKey(s)) {
          bar.expect(s, expected.get(s));
        }
      }
      return full;
    }
  }

  static Instant parseInstant(String value) {
    try {
      return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw SyncOptions.usage("--reimport-from must be a date (2026-01-31) or an instant (2026-01-31T08:00:00Z)");
    }
  }

  private ConnectionPool openDatabase() {
    return RunGuard.openDurable(connection.db()); // one line when it cannot open; refused when not durable
  }

  /**
   * Runs one sync, prints and records its summary. A run that stopped at its deadline (or before a
   * rate-limit wait past it) ends the invocation with {@link ExitCodes#DEADLINE_REACHED}.
   */
  private RunSummary runOnce(String platformName, Supplier<SyncReport> run, boolean full,
      Map<SyncStream, Long> expected, CountingSink sink, Progress bar, String title) {
    return runOnce(platformName, run, full, expected, sink, bar, title, TransportStats.NONE);
  }

  /** {@code before}: requests the app sent for this run before the engine started (the shop check). */
  private RunSummary runOnce(String platformName, Supplier<SyncReport> run, boolean full,
      Map<SyncStream, Long> expected, CountingSink sink, Progress bar, String title, TransportStats before) {
    out.println(title + ": " + (full ? "full" : "incremental") + " sync");
    CountingSink.Counts stored = sink.counts();
    long start = System.nanoTime();
    SyncReport report;
    try {
      report = run.get();
    } catch (RuntimeException e) {
      GracefulShutdown.clearInterrupt(); // before the database is closed
      bar.abandon();
      throw e;
    }
    bar.finish();
    long millis = (System.nanoTime() - start) / 1_000_000;
    RunSummary summary = RunSummary.of(platformName, report, sink.counts().minus(stored), millis, before);
    out.print(summary.describe(title));
    runs.add(summary);
    if (report.status() == SyncReport.Status.DEADLINE_REACHED) {
      throw new AppException(ExitCodes.DEADLINE_REACHED, "the --deadline (" + human(SyncOptions.deadline(this))
          + ") was reached; the run stopped at a checkpoint; rerun to resume from it");
    }
    if (report.status() == SyncReport.Status.STOPPED_FOR_RATE_LIMIT) {
      // the app waits for rate-limit windows; it stops only when the wait would pass the deadline
      throw new AppException(ExitCodes.DEADLINE_REACHED, "the rate-limit wait would pass the --deadline ("
          + human(SyncOptions.deadline(this)) + "); the run stopped at a checkpoint; rerun to resume from it"
          + (connection.baseUrl == null || report.resumeAfter().isEmpty() ? "" : " (Lightspeed allows it from "
              + report.resumeAfter().get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")"));
    }
    return summary;
  }

  /** 1h30m, 90s, 250ms. */
  static String human(@Nullable Duration d) {
    if (d == null) {
      return "none";
    }
    if (d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private String databaseTotals(ConnectionPool pool) throws SQLException {
    try (Connection c = pool.connection(); Statement s = c.createStatement()) {
      long active = count(s, "SELECT COUNT(*) FROM ls_sku WHERE active");
      long inactive = count(s, "SELECT COUNT(*) FROM ls_sku WHERE NOT active");
      long stock = count(s, "SELECT COUNT(*) FROM ls_stock_level");
      long orders = count(s, "SELECT COUNT(*) FROM ls_sales_order WHERE status <> 'VOIDED'");
      long lines = count(s, "SELECT COUNT(*) FROM ls_sales_line l JOIN ls_sales_order o ON o.id = l.order_id"
          + " WHERE o.status <> 'VOIDED'");
      long handed = count(s, "SELECT COUNT(*) FROM ls_order_import");
      return String.format(Locale.ROOT, "Database now holds %,d active SKUs (%,d inactive), %,d stock levels,"
          + " %,d sales orders with %,d lines%s.%nExport them with: export --db %s --what skus|stock|sales%s%n",
          active, inactive, stock, orders, lines, handed > 0 ? String.format(Locale.ROOT, ", %,d orders handed over", handed) : "",
          redact(connection.db()), handed > 0 ? "|orders" : "");
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void writeSummary(List<RunSummary> runs) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = runs.get(0).toJson();
    root.put("dryRun", dryRun);
    root.put("embedded", connection.baseUrl == null);
    ArrayNode all = root.putArray("runs");
    runs.forEach(r -> all.add(r.toJson()));
    Path parent = summaryJson.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(summaryJson, mapper.writeValueAsString(root) + System.lineSeparator());
  }

  static String redact(String jdbcUrl) {
    int cut = jdbcUrl.length();
    for (char c : new char[] {';', '?'}) {
      int i = jdbcUrl.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return jdbcUrl.substring(0, cut);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
