package dev.lightspeedsync.examples.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.SystemClock;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code schedule}: per-account imports (syncs) every 30 minutes (configurable) and, for accounts that
 * list them, exports (write flows over the host's spool files) each on its own interval, on
 * db-scheduler ({@link ScheduledRuns}). The scheduler's table ({@code scheduled_tasks}) lives in the
 * shared database given by {@code --db}; several app instances on the same database split the
 * accounts between them, and an account's run never runs on two nodes at once (db-scheduler picks an
 * execution with an optimistic lock on its row). Each account syncs into its own database
 * ({@code db} in the accounts file), because the sink's tables hold one account; its exports' ledger
 * and its OAuth tokens live there too. A failed run is retried with a backoff ({@code --retry-after},
 * doubling, at most half the interval). {@code schedule trigger ACCOUNT} makes an account's runs due
 * now, for whichever node polls next.
 *
 * <p>Accounts file (JSON): {@code [{"key":"store-1","db":"jdbc:h2:file:./store-1","args":["--platform",
 * "retail","--base-url","https://api.lightspeedapp.com/","--account-id","123",...],
 * "exports":[{"flow":"book-receipts","in":"spool/store-1-receipts.jsonl","every":"30m"}]}]};
 * {@code args} are {@code sync} options (the exports take those the write flow knows). Secrets may
 * stay in the environment variables {@code sync} reads.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Runs each account's sync and exports on their intervals (db-scheduler, one or more nodes).",
    description = {"Runs each account's import (sync) every --every and its exports (write flows over spool files, see",
        "\"exports\" in the accounts file) each on its own interval, on db-scheduler; nodes sharing --db split the accounts.",
        "A failed run is retried after --retry-after, then twice as long each time, at most half its interval.",
        "'schedule trigger ACCOUNT --db ... --accounts ...' runs an account's import and exports now.",
        "Accounts file: [{\"key\":\"store-1\",\"db\":\"JDBC_URL\",\"args\":[sync options],\"exports\":[{\"flow\":\"book-receipts\",",
        "  \"in\":\"spool.jsonl\",\"every\":\"30m\",\"results\":\"spool.jsonl.results.jsonl\",\"args\":[flow options],\"enabled\":true}]}]",
        "  An export runs its write flow (flow) over the complete lines of the host's spool file (in: that flow's JSON lines)",
        "  with the account's connection options and db (the ledger: exactly once), and appends the results to results."})
final class ScheduleCommand implements Callable<Integer> {
  static final String TASK = "lightspeed-sync-account";

  private final PrintStream out;

  @Option(names = "--db", description = "JDBC URL of the shared scheduler database (PostgreSQL for several machines). Required.")
  String db;

  @Option(names = "--accounts", description = "JSON file listing the accounts: key, db, args, exports. Required.")
  Path accounts;

  @Option(names = "--every", defaultValue = "30m", description = "Interval between imports (syncs) of an account (30m, 1h, PT30M);"
      + " each export has its own \"every\" in the accounts file (default 30m). Default: ${DEFAULT-VALUE}.")
  String every;

  @Option(names = "--retry-after", defaultValue = "1m", description = "First retry of a failed import or export; each further"
      + " retry waits twice as long, at most half the interval. Default: ${DEFAULT-VALUE}.")
  String retryAfter;

  @Option(names = "--read-only", description = "Never write to Lightspeed: imports only read, exports report every line SUPPRESSED.")
  boolean readOnly;

  @Option(names = "--node", description = "This instance's name in the scheduler table. Default: host name.")
  String node;

  @Option(names = "--threads", defaultValue = "2", description = "Accounts synced at once on this node. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--polling", defaultValue = "10s", description = "How often this node looks for due syncs. Default: ${DEFAULT-VALUE}.")
  String polling;

  @Option(names = "--for", description = "Stop after this long (for demos and tests). Default: run until stopped.")
  String runFor;

  @Option(names = "--until-all-synced", description = "Stop once every account's import and exports have run (by any node) since this node started.")
  boolean untilAllSynced;

  ScheduleCommand(PrintStream out) {
    this.out = out;
  }

  /**
   * One account of the accounts file: its key, its database (the sink, the OAuth tokens and the
   * write ledger), its {@code sync} options, and its exports (none unless listed: off by default).
   */
  record Account(String key, String db, List<String> args, List<Export> exports) {
    Account(String key, String db, List<String> args) {
      this(key, db, args, List.of());
    }

    Optional<Export> export(String flow) {
      return exports.stream().filter(e -> e.flow().equals(flow)).findFirst();
    }
  }

  /**
   * One scheduled export of an account: the write-flow subcommand {@code flow} over the host's spool
   * file {@code in} (JSON lines of that subcommand's contract), every {@code every}; the results are
   * appended to {@code results}. {@code args} are the flow's options after {@code --in} (the
   * account's connection options the flow takes, {@code --db}, and the export's own options).
   */
  record Export(String flow, Path in, Duration every, Path results, List<String> args) {}

  @Override
  public Integer call() throws Exception {
    GracefulShutdown.stoppable();
    requireDbAndAccounts(db, accounts);
    Duration interval = duration(every, "--every");
    Duration pollEvery = duration(polling, "--polling");
    Duration firstRetry = duration(retryAfter, "--retry-after");
    Duration limit = runFor == null ? null : duration(runFor, "--for");
    if (threads < 1 || threads > 100) {
      throw new AppException(ExitCodes.USAGE, "--threads must be between 1 and 100");
    }
    Map<String, Account> byKey = readAccounts();
    try (ConnectionPool pool = ConnectionPool.open(db)) {
      createTables(pool);
      ScheduledRuns runs = new ScheduledRuns(byKey, pool, new SystemClock(), name(), out, interval, firstRetry, readOnly,
          LightspeedSyncApp::run);
      Scheduler scheduler = Scheduler.create(dataSource(pool), runs.tasks())
          .schedulerName(new SchedulerName.Fixed(name()))
          .threads(threads)
          .pollingInterval(pollEvery)
          .enableImmediateExecution()
          .build();
      // Only the first node to see an account (or an export) schedules it; the others find its row.
      runs.scheduleAll(scheduler);
      long exports = byKey.values().stream().mapToLong(a -> a.exports().size()).sum();
      out.printf(Locale.ROOT, "schedule: node %s, %d accounts, imports every %s, %d exports, first retry after %s%s%n", name(),
          byKey.size(), ScheduledRuns.human(interval), exports, ScheduledRuns.human(firstRetry), readOnly ? ", read-only" : "");
      scheduler.start();
      Instant startedAt = Instant.now();
      try {
        Instant deadline = limit == null ? Instant.MAX : startedAt.plus(limit);
        // SIGINT/SIGTERM: stop polling; running syncs stop after their page (see GracefulShutdown)
        while (Instant.now().isBefore(deadline) && !GracefulShutdown.requested()
            && !(untilAllSynced && ranSince(pool, startedAt) >= byKey.size() + exports)) {
          Thread.sleep(100);
        }
      } finally {
        scheduler.stop();
      }
      if (limit != null || untilAllSynced) {
        failIfLastRunsFailed(pool, startedAt); // a bounded run (demo, CI, cron) reports a failed sync in its status
      }
    }
    return 0;
  }

  /**
   * {@code schedule trigger ACCOUNT}: makes the account's import and exports due now in the shared
   * scheduler table (db-scheduler's reschedule), so the next poll of any running {@code schedule}
   * node runs them, in this process or another; their intervals then go on from that run.
   */
  @Command(name = "trigger", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Runs ACCOUNT's import and exports now: makes them due in the shared --db, where the next poll of any",
          "running 'schedule' node (this machine or another) picks them up; each interval then goes on from that run."})
  int trigger(
      @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The account's key in the accounts file.") String account,
      @Option(names = "--db", required = true, paramLabel = "<db>", description = "JDBC URL of the shared scheduler database.")
      String triggerDb,
      @Option(names = "--accounts", required = true, paramLabel = "<accounts>", description = "The accounts file the schedule"
          + " runs.") Path triggerAccounts,
      @Option(names = "--every", defaultValue = "30m", paramLabel = "<every>", description = "The schedule's --every (used only when the account was"
          + " never scheduled). Default: ${DEFAULT-VALUE}.") String triggerEvery,
      @Option(names = "--wait", paramLabel = "<wait>", description = "Wait up to this long (2m) for the runs to end, print"
          + " their outcome, and exit 1 if one failed or did not run in time. Default: return at once.") String wait)
      throws SQLException, InterruptedException {
    Duration interval = duration(triggerEvery, "--every");
    Duration waitFor = wait == null ? null : duration(wait, "--wait");
    Map<String, Account> byKey = AccountsFile.read(triggerAccounts);
    Account a = byKey.get(account);
    if (a == null) {
      throw new AppException(ExitCodes.USAGE, "no account '" + TerminalText.safe(account) + "' in --accounts "
          + triggerAccounts + (byKey.isEmpty() ? "" : " (the accounts are " + String.join(", ", byKey.keySet()) + ")"));
    }
    try (ConnectionPool pool = ConnectionPool.open(triggerDb)) {
      createTables(pool);
      ScheduledRuns runs = new ScheduledRuns(byKey, pool, new SystemClock(), name(), out, interval, Duration.ofMinutes(1),
          false, LightspeedSyncApp::run);
      SchedulerClient client = SchedulerClient.Builder.create(dataSource(pool), runs.tasks()).build();
      Instant triggeredAt = Instant.now();
      for (String line : runs.trigger(client, a)) {
        out.println("trigger: " + TerminalText.safe(account) + " " + line);
      }
      if (waitFor != null) {
        awaitRuns(pool, a, triggeredAt, waitFor);
      }
    }
    return 0;
  }

  /**
   * {@code trigger --wait}: polls the run log until the account's import and each export have
   * finished a run since the trigger, prints each outcome, and fails (exit 1, one line) naming those
   * that failed (a failed run is retried by the schedule with its backoff) or did not run in time.
   */
  private void awaitRuns(ConnectionPool pool, Account account, Instant since, Duration waitFor)
      throws SQLException, InterruptedException {
    List<String> expected = new ArrayList<>(List.of("import"));
    account.exports().forEach(e -> expected.add("export " + e.flow()));
    Map<String, String> outcome = new java.util.LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    Instant deadline = Instant.now().plus(waitFor);
    while (outcome.size() < expected.size()) {
      try (Connection c = pool.connection(); PreparedStatement ps = c.prepareStatement("SELECT COALESCE(what, 'import'),"
          + " exit_code, node, error FROM ls_schedule_run WHERE account_key = ? AND finished_at >= ? ORDER BY finished_at")) {
        ps.setString(1, account.key());
        ps.setObject(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String what = rs.getString(1);
            if (!expected.contains(what) || outcome.containsKey(what)) {
              continue;
            }
            int code = rs.getInt(2);
            boolean ok = code == 0 || code == ExitCodes.DEADLINE_REACHED;
            String error = rs.getString(4) == null ? "" : ": " + LightspeedSyncApp.oneLine(rs.getString(4));
            outcome.put(what, (ok ? "ok" : "failed (exit " + code + ")" + error) + " on " + rs.getString(3));
            out.println("trigger: " + TerminalText.safe(account.key()) + " " + what + " ran: " + outcome.get(what));
            if (!ok) {
              failed.add(what + " (exit " + code + ")");
            }
          }
        }
      }
      if (outcome.size() < expected.size()) {
        if (!Instant.now().isBefore(deadline)) {
          List<String> missing = expected.stream().filter(w -> !outcome.containsKey(w)).toList();
          throw new AppException(ExitCodes.FAILURE, TerminalText.safe(account.key()) + " " + String.join(", ", missing)
              + " did not run within --wait " + ScheduledRuns.human(waitFor) + "; is a schedule node running on this --db?"
              + " They stay due and run at its next poll");
        }
        Thread.sleep(100);
      }
    }
    if (!failed.isEmpty()) {
      throw new AppException(ExitCodes.FAILURE, TerminalText.safe(account.key()) + " " + String.join(", ", failed)
          + " failed; the schedule retries with its backoff (see ls_schedule_run)");
    }
  }

  /** {@code --db} and {@code --accounts} are required for the schedule itself (not for {@code trigger}, which has its own). */
  private static void requireDbAndAccounts(String db, Path accounts) {
    List<String> missing = new ArrayList<>();
    if (db == null) {
      missing.add("'--db=<db>'");
    }
    if (accounts == null) {
      missing.add("'--accounts=<accounts>'");
    }
    if (!missing.isEmpty()) {
      throw new AppException(ExitCodes.USAGE, (missing.size() == 1 ? "Missing required option: " : "Missing required options: ")
          + String.join(", ", missing));
    }
  }

  /**
   * After a bounded run: exit 1 with one line naming the accounts whose latest sync since
   * {@code since} failed (their errors are in {@code ls_schedule_run}); else exit 8 naming those
   * whose latest sync stopped at its {@code --deadline} (the next run resumes from the checkpoint).
   */
  private static void failIfLastRunsFailed(ConnectionPool pool, Instant since) throws SQLException {
    List<String> failed = new ArrayList<>();
    List<String> stopped = new ArrayList<>();
    try (Connection c = pool.connection(); PreparedStatement ps = c.prepareStatement(
        "SELECT r.account_key, r.exit_code, COALESCE(r.what, 'import') FROM ls_schedule_run r WHERE r.finished_at >= ?"
            + " AND r.finished_at = (SELECT MAX(l.finished_at) FROM ls_schedule_run l WHERE l.account_key = r.account_key"
            + " AND COALESCE(l.what, 'import') = COALESCE(r.what, 'import'))"
            + " AND r.exit_code <> 0 ORDER BY r.account_key, 3")) {
      ps.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String what = rs.getString(3).equals("import") ? "" : " " + rs.getString(3);
          if (rs.getInt(2) == ExitCodes.DEADLINE_REACHED) {
            stopped.add(rs.getString(1) + what);
          } else {
            failed.add(rs.getString(1) + what + " (exit " + rs.getInt(2) + ")");
          }
        }
      }
    }
    if (!failed.isEmpty()) {
      throw new AppException(ExitCodes.FAILURE, "the last sync of " + String.join(", ", failed)
          + " failed; the errors are in ls_schedule_run");
    }
    if (!stopped.isEmpty()) {
      throw new AppException(ExitCodes.DEADLINE_REACHED, "the last sync of " + String.join(", ", stopped)
          + " stopped at its --deadline; the next run resumes from the checkpoint");
    }
  }

  /** How many imports and exports (account and what) have run, by any node, since {@code since}. */
  private static long ranSince(ConnectionPool pool, Instant since) throws SQLException {
    try (Connection c = pool.connection(); PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM (SELECT DISTINCT account_key, COALESCE(what, 'import') AS w FROM ls_schedule_run"
            + " WHERE finished_at >= ?) r")) {
      ps.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private String name() {
    if (node != null) {
      return node;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "node-" + ProcessHandle.current().pid();
    }
  }

  /** The command line a scheduled run of {@code account} executes in-process. */
  static List<String> syncArgs(Account account) {
    List<String> args = new ArrayList<>(List.of("sync", "--db", account.db(), "--progress", "none"));
    args.addAll(account.args());
    return args;
  }

  private Map<String, Account> readAccounts() {
    return AccountsFile.read(accounts); // every problem is one line (exit 2) before anything is scheduled
  }

  /**
   * db-scheduler's table (H2 / PostgreSQL types) and the run log; created when missing. Nodes
   * starting at the same moment may race to create them (PostgreSQL's {@code IF NOT EXISTS} is not
   * safe under concurrency): the loser's error is ignored once the table exists.
   */
  static void createTables(ConnectionPool pool) throws SQLException {
    boolean postgres;
    try (Connection c = pool.connection()) {
      postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
    createIfMissing(pool, postgres, "CREATE TABLE IF NOT EXISTS scheduled_tasks (task_name VARCHAR(100) NOT NULL,"
          + " task_instance VARCHAR(100) NOT NULL, task_data " + (postgres ? "BYTEA" : "BLOB") + ","
          + " execution_time TIMESTAMP(6) WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL, picked_by VARCHAR(50),"
          + " last_success TIMESTAMP(6) WITH TIME ZONE, last_failure TIMESTAMP(6) WITH TIME ZONE,"
          + " consecutive_failures INT, last_heartbeat TIMESTAMP(6) WITH TIME ZONE, version BIGINT NOT NULL,"
          + " priority SMALLINT, PRIMARY KEY (task_name, task_instance))");
    createIfMissing(pool, postgres, "CREATE TABLE IF NOT EXISTS ls_schedule_run (account_key VARCHAR(100) NOT NULL,"
        + " node VARCHAR(100) NOT NULL, started_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
        + " finished_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, exit_code INT NOT NULL, error VARCHAR(4000),"
        + " what VARCHAR(120), retry_at TIMESTAMP(6) WITH TIME ZONE)");
    // since the exports (issue 13): what ran ('import' or 'export FLOW'; NULL in older rows means
    // the import) and, for a failed run, when it is retried; added to a run log of an older version
    addColumnIfMissing(pool, postgres, "what", "VARCHAR(120)");
    addColumnIfMissing(pool, postgres, "retry_at", "TIMESTAMP(6) WITH TIME ZONE");
  }

  private static void addColumnIfMissing(ConnectionPool pool, boolean postgres, String column, String type) throws SQLException {
    if (hasColumn(pool, column)) {
      return; // the usual case: no DDL at all, so nodes starting together do not race on it
    }
    try {
      createIfMissing(pool, postgres, "ALTER TABLE ls_schedule_run ADD COLUMN IF NOT EXISTS " + column + " " + type);
    } catch (SQLException e) {
      if (!hasColumn(pool, column)) { // another node's ALTER at the same moment is fine
        throw e;
      }
    }
  }

  private static boolean hasColumn(ConnectionPool pool, String column) throws SQLException {
    try (Connection c = pool.connection(); Statement s = c.createStatement()) {
      s.executeQuery("SELECT " + column + " FROM ls_schedule_run WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** PostgreSQL advisory lock key serialising the nodes' table creation. */
  private static final long DDL_LOCK = 0x4c53_5359_4e43L;

  private static void createIfMissing(ConnectionPool pool, boolean postgres, String ddl) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = pool.connection(); Statement s = c.createStatement()) {
        if (postgres) {
          // CREATE TABLE IF NOT EXISTS is not safe against a concurrent creator in PostgreSQL
          // (duplicate pg_type row): nodes take turns under an advisory lock.
          s.execute("SELECT pg_advisory_lock(" + DDL_LOCK + ")");
          try {
            s.execute(ddl);
          } finally {
            s.execute("SELECT pg_advisory_unlock(" + DDL_LOCK + ")");
          }
        } else {
          s.execute(ddl);
        }
        return;
      } catch (SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // 23505 / 42P07: another node created the table at the same moment; the next attempt sees it
        if (attempt >= 3 || !(state.equals("23505") || state.equals("42P07"))) {
          throw e;
        }
      }
    }
  }

  static Duration duration(String value, String option) {
    Duration d = parseDuration(value, option);
    if (d.isNegative() || d.isZero()) {
      throw new AppException(ExitCodes.USAGE, option + " must be a positive duration such as 30m, 10s, 1h or PT30M");
    }
    return d;
  }

  private static Duration parseDuration(String value, String option) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
      }
      long n = Long.parseLong(v.substring(0, v.length() - (v.endsWith("ms") ? 2 : 1)));
      if (v.endsWith("ms")) {
        return Duration.ofMillis(n);
      }
      return switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new NumberFormatException();
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException | ArithmeticException e) {
      throw new AppException(ExitCodes.USAGE, option + " must be a positive duration such as 30m, 10s, 1h or PT30M");
    }
  }

  /** The pool as the {@link DataSource} db-scheduler wants. */
  static DataSource dataSource(ConnectionPool pool) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return pool.connection();
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        return pool.connection();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
