package dev.lightspeedsync.examples.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.PlainScheduleAndData;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code schedule}: per-account syncs every 30 minutes (configurable) on db-scheduler. The
 * scheduler's table ({@code scheduled_tasks}) lives in the shared database given by {@code --db};
 * several app instances on the same database split the accounts between them, and an account's
 * sync never runs on two nodes at once (db-scheduler picks an execution with an optimistic lock on
 * its row). Each account syncs into its own database ({@code db} in the accounts file), because the
 * sink's tables hold one account.
 *
 * <p>Accounts file (JSON): {@code [{"key":"store-1","db":"jdbc:h2:file:./store-1","args":["--platform",
 * "retail","--base-url","https://api.lightspeedapp.com/","--account-id","123",...]}]}; {@code args}
 * are {@code sync} options. Secrets may stay in the environment variables {@code sync} reads.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs each account's sync every --every on db-scheduler; nodes sharing --db split the accounts."})
final class ScheduleCommand implements Callable<Integer> {
  static final String TASK = "lightspeed-sync-account";

  private final PrintStream out;

  @Option(names = "--db", required = true, description = "JDBC URL of the shared scheduler database (PostgreSQL for several machines).")
  String db;

  @Option(names = "--accounts", required = true, description = "JSON file listing the accounts: key, db, args.")
  Path accounts;

  @Option(names = "--every", defaultValue = "30m", description = "Interval between syncs of an account (30m, 1h, PT30M). Default: ${DEFAULT-VALUE}.")
  String every;

  @Option(names = "--node", description = "This instance's name in the scheduler table. Default: host name.")
  String node;

  @Option(names = "--threads", defaultValue = "2", description = "Accounts synced at once on this node. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--polling", defaultValue = "10s", description = "How often this node looks for due syncs. Default: ${DEFAULT-VALUE}.")
  String polling;

  @Option(names = "--for", description = "Stop after this long (for demos and tests). Default: run until stopped.")
  String runFor;

  @Option(names = "--until-all-synced", description = "Stop once every account has been synced (by any node) since this node started.")
  boolean untilAllSynced;

  ScheduleCommand(PrintStream out) {
    this.out = out;
  }

  /** One account of the accounts file. */
  record Account(String key, String db, List<String> args) {}

  @Override
  public Integer call() throws Exception {
    GracefulShutdown.stoppable();
    Duration interval = duration(every, "--every");
    Duration pollEvery = duration(polling, "--polling");
    Duration limit = runFor == null ? null : duration(runFor, "--for");
    if (threads < 1 || threads > 100) {
      throw new AppException(ExitCodes.USAGE, "--threads must be between 1 and 100");
    }
    Map<String, Account> byKey = readAccounts();
    try (ConnectionPool pool = ConnectionPool.open(db)) {
      createTables(pool);
      RecurringTaskWithPersistentSchedule<PlainScheduleAndData> task =
          Tasks.recurringWithPersistentSchedule(TASK, PlainScheduleAndData.class)
              .execute((instance, ctx) -> {
                Account account = byKey.get(instance.getId());
                if (account == null) {
                  out.println("schedule: account " + instance.getId() + " is no longer in " + accounts + "; skipped");
                  return;
                }
                syncOnce(pool, account);
              });
      Scheduler scheduler = Scheduler.create(dataSource(pool), task)
          .schedulerName(new SchedulerName.Fixed(name()))
          .threads(threads)
          .pollingInterval(pollEvery)
          .enableImmediateExecution()
          .build();
      for (Account a : byKey.values()) {
        // Only the first node to see an account schedules it; the others find its row.
        scheduler.scheduleIfNotExists(task.schedulableInstance(a.key(),
            new PlainScheduleAndData(FixedDelay.of(interval), a.key())));
      }
      out.printf(Locale.ROOT, "schedule: node %s, %d accounts, every %s%n", name(), byKey.size(), interval);
      scheduler.start();
      Instant startedAt = Instant.now();
      try {
        Instant deadline = limit == null ? Instant.MAX : startedAt.plus(limit);
        // SIGINT/SIGTERM: stop polling; running syncs stop after their page (see GracefulShutdown)
        while (Instant.now().isBefore(deadline) && !GracefulShutdown.requested()
            && !(untilAllSynced && syncedSince(pool, startedAt) >= byKey.size())) {
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
   * After a bounded run: exit 1 with one line naming the accounts whose latest sync since
   * {@code since} failed (their errors are in {@code ls_schedule_run}); else exit 8 naming those
   * whose latest sync stopped at its {@code --deadline} (the next run resumes from the checkpoint).
   */
  private static void failIfLastRunsFailed(ConnectionPool pool, Instant since) throws SQLException {
    List<String> failed = new ArrayList<>();
    List<String> stopped = new ArrayList<>();
    try (Connection c = pool.connection(); PreparedStatement ps = c.prepareStatement(
        "SELECT r.account_key, r.exit_code FROM ls_schedule_run r WHERE r.finished_at >= ? AND r.finished_at ="
            + " (SELECT MAX(l.finished_at) FROM ls_schedule_run l WHERE l.account_key = r.account_key)"
            + " AND r.exit_code <> 0 ORDER BY r.account_key")) {
      ps.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getInt(2) == ExitCodes.DEADLINE_REACHED) {
            stopped.add(rs.getString(1));
          } else {
            failed.add(rs.getString(1) + " (exit " + rs.getInt(2) + ")");
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

  private static long syncedSince(ConnectionPool pool, Instant since) throws SQLException {
    try (Connection c = pool.connection(); PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(DISTINCT account_key) FROM ls_schedule_run WHERE finished_at >= ?")) {
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

  /** Runs {@code sync} for one account in-process and records the run in {@code ls_schedule_run}. */
  private void syncOnce(ConnectionPool pool, Account account) {
    Instant started = Instant.now();
    List<String> args = syncArgs(account);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LightspeedSyncApp.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
    String error = err.toString(StandardCharsets.UTF_8).strip();
    out.printf(Locale.ROOT, "schedule: %s synced on %s: %s%n", account.key(), name(), code == 0 ? "ok" : error);
    try (Connection c = pool.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO ls_schedule_run"
        + " (account_key, node, started_at, finished_at, exit_code, error) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, account.key());
      ps.setString(2, name());
      ps.setObject(3, OffsetDateTime.ofInstant(started, ZoneOffset.UTC));
      ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
      ps.setInt(5, code);
      ps.setString(6, error.isEmpty() ? null : error);
      ps.executeUpdate();
    } catch (SQLException e) {
      out.println("schedule: cannot record the run of " + account.key() + ": " + e.getMessage());
    }
    if (code != 0 && code != ExitCodes.DEADLINE_REACHED) {
      // a run stopped at its --deadline is not a failure: the next scheduled run resumes it.
      // db-scheduler's failure handler of a recurring task retries at the next scheduled time
      throw new IllegalStateException("sync of " + account.key() + " failed: " + error);
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
        + " finished_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, exit_code INT NOT NULL, error VARCHAR(4000))");
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
