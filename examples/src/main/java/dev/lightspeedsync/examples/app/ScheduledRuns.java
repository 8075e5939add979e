package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.PlainScheduleAndData;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.lightspeedsync.examples.app.ScheduleCommand.Account;
import dev.lightspeedsync.examples.app.ScheduleCommand.Export;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The db-scheduler tasks of {@code schedule}: one recurring instance per account for its import
 * ({@code sync}, task {@value ScheduleCommand#TASK}, instance = the account key, every
 * {@code --every}) and one per enabled export of the account (a write-flow subcommand over the
 * host's spool file, task {@value #EXPORT_TASK}, instance = {@code key/flow}, on the export's own
 * {@code every}, 30 minutes by default). Each instance's schedule is persisted in its row of
 * {@code scheduled_tasks}, so every node and {@code schedule trigger} in another process see the
 * same instances.
 *
 * <p>A failed run is retried with an exponential backoff ({@link #backoff}: {@code --retry-after},
 * then twice that, and so on, capped at half the interval) through db-scheduler's failure handler;
 * a success goes back to the interval. Every run and every planned retry is printed and logged in
 * {@code ls_schedule_run} ({@code what}, {@code exit_code}, {@code error}, {@code retry_at}).
 *
 * <p>An account's import and exports never run at the same time on one node (they share the
 * account's database: its OAuth tokens and the ledger). Time comes from the given {@link Clock}, so a
 * test drives the same tasks with db-scheduler's {@code ManualScheduler}. Thread-safe.
 */
final class ScheduledRuns {
  /** The task of the accounts' exports (write flows). */
  static final String EXPORT_TASK = "lightspeed-sync-export";

  /** What the app runs for one command line: {@link LightspeedSyncApp#run} in-process. */
  interface App {
    int run(PrintStream out, PrintStream err, String... args);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Result statuses of a write that did not settle: the run failed and is retried. */
  private static final Set<String> UNSETTLED = Set.of("FAILED", "PENDING", "NEEDS_ATTENTION");
  /** Result statuses that only repeat what an earlier run settled; not appended to the results file again. */
  private static final Set<String> REPEATS = Set.of("ALREADY_DONE", "UNCHANGED");

  private final Map<String, Account> accounts;
  private final ConnectionPool pool;
  private final Clock clock;
  private final String node;
  private final PrintStream out;
  private final Duration importEvery;
  private final Duration retryAfter;
  private final boolean readOnly;
  private final App app;
  private final Map<String, ReentrantLock> accountLocks = new ConcurrentHashMap<>();
  private final RecurringTaskWithPersistentSchedule<PlainScheduleAndData> importTask;
  private final RecurringTaskWithPersistentSchedule<PlainScheduleAndData> exportTask;

  ScheduledRuns(Map<String, Account> accounts, ConnectionPool pool, Clock clock, String node, PrintStream out,
      Duration importEvery, Duration retryAfter, boolean readOnly, App app) {
    this.accounts = Map.copyOf(accounts);
    this.pool = pool;
    this.clock = clock;
    this.node = node;
    this.out = out;
    this.importEvery = importEvery;
    this.retryAfter = retryAfter;
    this.readOnly = readOnly;
    this.app = app;
    this.importTask = Tasks.recurringWithPersistentSchedule(ScheduleCommand.TASK, PlainScheduleAndData.class)
        .onFailure(new Backoff())
        .execute((instance, ctx) -> {
          Account account = this.accounts.get(instance.getId());
          if (account == null) {
            out.println("schedule: account " + TerminalText.safe(instance.getId()) + " is no longer in the accounts file; skipped");
            return;
          }
          runLocked(account, () -> importOnce(account, ctx.getExecution().consecutiveFailures));
        });
    this.exportTask = Tasks.recurringWithPersistentSchedule(EXPORT_TASK, PlainScheduleAndData.class)
        .onFailure(new Backoff())
        .execute((instance, ctx) -> {
          String id = instance.getId();
          int slash = id.lastIndexOf('/');
          Account account = slash < 0 ? null : this.accounts.get(id.substring(0, slash));
          Export export = account == null ? null : account.export(id.substring(slash + 1)).orElse(null);
          if (export == null) {
            out.println("schedule: export " + TerminalText.safe(id) + " is no longer in the accounts file; skipped");
            return;
          }
          runLocked(account, () -> exportOnce(account, export, ctx.getExecution().consecutiveFailures));
        });
  }

  /** The tasks, for {@code Scheduler.create} (or a test's manual scheduler) and {@code SchedulerClient}. */
  List<Task<?>> tasks() {
    return List.of(importTask, exportTask);
  }

  /** The export instance id of {@code export} of {@code account}. */
  static String exportId(Account account, Export export) {
    return account.key() + "/" + export.flow();
  }

  /**
   * Schedules every account's import and enabled exports that no node has scheduled yet (the first
   * run is due at once); instances that exist keep their persisted next run.
   */
  void scheduleAll(SchedulerClient client) {
    for (Account a : accounts.values()) {
      scheduleOne(client, importTask, a.key(), importEvery, a.key() + " import");
      for (Export e : a.exports()) {
        scheduleOne(client, exportTask, exportId(a, e), e.every(), a.key() + " export " + e.flow());
      }
    }
  }

  /**
   * Schedules one instance if missing. An instance whose persisted interval differs from the one
   * configured now (the accounts file or {@code --every} changed) gets the new interval, and its next
   * run moves earlier if the new interval says so; an instance running right now keeps its interval
   * until the next start.
   */
  private void scheduleOne(SchedulerClient client, RecurringTaskWithPersistentSchedule<PlainScheduleAndData> task, String id,
      Duration every, String what) {
    PlainScheduleAndData data = new PlainScheduleAndData(FixedDelay.of(every), id);
    if (client.scheduleIfNotExists(task.schedulableInstance(id, data))) {
      return;
    }
    TaskInstanceId instance = TaskInstanceId.of(task.getName(), id);
    client.getScheduledExecution(instance).ifPresent(existing -> {
      Object persisted = existing.getData();
      if (persisted instanceof PlainScheduleAndData p && p.getSchedule().equals(data.getSchedule())) {
        return;
      }
      Instant sooner = clock.now().plus(every);
      Instant next = existing.getExecutionTime().isBefore(sooner) ? existing.getExecutionTime() : sooner;
      try {
        client.reschedule(instance, next, data);
        out.println("schedule: " + TerminalText.safe(what) + " now every " + human(every) + "; next run at " + next);
      } catch (TaskInstanceCurrentlyExecutingException e) {
        out.println("schedule: " + TerminalText.safe(what) + " is running; its new interval applies from the next start");
      }
    });
  }

  /**
   * Makes the account's import and exports due now, through db-scheduler: an existing instance is
   * rescheduled to {@code now} (whichever node polls next runs it; its interval then goes on from
   * that run), a missing one is scheduled for {@code now}. Returns one line per instance.
   */
  List<String> trigger(SchedulerClient client, Account account) {
    Instant now = clock.now();
    List<String> lines = new ArrayList<>();
    lines.add(triggerOne(client, importTask, account.key(), importEvery, "import", now));
    for (Export e : account.exports()) {
      lines.add(triggerOne(client, exportTask, exportId(account, e), e.every(), "export " + e.flow(), now));
    }
    return lines;
  }

  private String triggerOne(SchedulerClient client, RecurringTaskWithPersistentSchedule<PlainScheduleAndData> task,
      String id, Duration every, String what, Instant now) {
    TaskInstanceId instance = TaskInstanceId.of(task.getName(), id);
    try {
      if (client.getScheduledExecution(instance).isPresent()) {
        client.reschedule(instance, now);
      } else {
        client.scheduleIfNotExists(task.instance(id, new PlainScheduleAndData(FixedDelay.of(every), id)), now);
      }
      return what + ": due now";
    } catch (TaskInstanceCurrentlyExecutingException e) {
      return what + ": running now; trigger again after it ends to include what changed since it started";
    }
  }

  private void runLocked(Account account, Runnable run) {
    ReentrantLock lock = accountLocks.computeIfAbsent(account.key(), k -> new ReentrantLock());
    lock.lock();
    try {
      run.run();
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code sync} for one account in-process and records the run. */
  private void importOnce(Account account, int failuresBefore) {
    Instant started = clock.now();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(ScheduleCommand.syncArgs(account));
    if (readOnly && !args.contains("--read-only")) {
      args.add("--read-only");
    }
    int code = app.run(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
    String error = err.toString(StandardCharsets.UTF_8).strip();
    // a run stopped at its --deadline is not a failure: the next scheduled run resumes from the checkpoint
    boolean failed = code != 0 && code != ExitCodes.DEADLINE_REACHED;
    finish(account, "import", started, code, failed, code == 0 ? "ok" : lastLine(err), error, failuresBefore, importEvery);
  }

  /**
   * Runs one export: the complete lines of the host's spool file (a line still being appended, with
   * no newline yet, waits for the next run) through the write-flow subcommand, with the account's
   * connection options and database (the ledger), then appends the results to the export's results
   * file. Lines the ledger had already settled (ALREADY_DONE, UNCHANGED) are not appended again.
   */
  private void exportOnce(Account account, Export export, int failuresBefore) {
    Instant started = clock.now();
    String what = "export " + export.flow();
    Path snapshot = null;
    try {
      if (!Files.exists(export.in())) {
        finish(account, what, started, 0, false, "nothing to export (" + export.in().getFileName() + " does not exist yet)",
            null, failuresBefore, export.every());
        return;
      }
      snapshot = Files.createTempFile("lightspeed-sync-export-", ".jsonl");
      long bytes = completeLines(export.in(), snapshot);
      if (bytes == 0) {
        finish(account, what, started, 0, false, "nothing to export (no complete line)", null, failuresBefore, export.every());
        return;
      }
      List<String> args = new ArrayList<>(List.of(export.flow(), "--in", snapshot.toString()));
      args.addAll(export.args());
      if (readOnly && !args.contains("--read-only")) {
        args.add("--read-only");
      }
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code;
      try (AccountLock lock = AccountLock.take(account, export)) {
        code = app.run(new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            args.toArray(String[]::new));
      } catch (AppException busy) {
        finish(account, what, started, busy.exitCode(), true, busy.getMessage(), busy.getMessage(), failuresBefore, export.every());
        return;
      }
      Counts counts = appendResults(export.results(), stdout.toString(StandardCharsets.UTF_8), started);
      String error = lastLine(err);
      // invalid lines (exit 9) and options the flow refuses (exit 2, e.g. a platform it does not run
      // on) cannot succeed on a retry: they are reported and wait for the host to fix the file; a
      // write that did not settle (or any other failure) is retried with the backoff
      boolean failed = counts.unsettled > 0 || code != 0 && code != ExitCodes.INVALID_INPUT && code != ExitCodes.USAGE;
      String summary = counts + (code == 0 ? "" : "; " + error);
      finish(account, what, started, code, failed, summary, code == 0 ? null : error, failuresBefore, export.every());
    } catch (IOException e) {
      String error = "cannot read " + export.in().getFileName() + " or write " + export.results().getFileName() + ": "
          + e.getClass().getSimpleName();
      finish(account, what, started, ExitCodes.FAILURE, true, error, error, failuresBefore, export.every());
    } finally {
      if (snapshot != null) {
        try {
          Files.deleteIfExists(snapshot);
        } catch (IOException ignored) {
          // a temporary file
        }
      }
    }
  }

  /**
   * The account's run lock (the one {@code sync} takes, in the account's database) held while an
   * export runs: an account's import and exports share its OAuth tokens, whose refresh rotates, so
   * they never run at the same time on two nodes either. A run that finds it taken fails (exit 6)
   * and is retried with the backoff. Without an R-Series account id (the embedded testkit, eCom,
   * X-Series) no token rotates and there is no lock.
   */
  private static final class AccountLock implements AutoCloseable {
    private final ConnectionPool db;
    private final dev.lightspeedsync.sync.spi.RunLock lock;

    private AccountLock(ConnectionPool db, dev.lightspeedsync.sync.spi.RunLock lock) {
      this.db = db;
      this.lock = lock;
    }

    static AccountLock take(Account account, Export export) {
      String platform = optionValue(export.args(), "--platform");
      String id = optionValue(export.args(), "--account-id");
      if (id == null) {
        id = System.getenv("LIGHTSPEED_ACCOUNT_ID");
      }
      // only R-Series refresh tokens rotate; eCom keys and X-Series personal tokens are shared safely
      if (id == null || platform != null && !platform.equalsIgnoreCase("retail")) {
        return new AccountLock(null, null);
      }
      ConnectionPool db = RunGuard.openDurable(account.db());
      try {
        dev.lightspeedsync.examples.jdbc.Schema.migrate(db);
        return new AccountLock(db, RunGuard.lock(new dev.lightspeedsync.examples.jdbc.JdbcSyncSink(db), "retail:" + id.strip()));
      } catch (RuntimeException e) {
        db.close();
        if (e instanceof AppException a) {
          throw a;
        }
        throw new AppException(ExitCodes.FAILURE, "cannot take the run lock of " + account.key() + ": "
            + LightspeedSyncApp.oneLine(e.getMessage()));
      }
    }

    @Override
    public void close() {
      if (lock != null) {
        lock.close();
      }
      if (db != null) {
        db.close();
      }
    }
  }

  /** The value of {@code --name V} or {@code --name=V} in {@code args}, or null. */
  static String optionValue(List<String> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(name) && i + 1 < args.size()) {
        return args.get(i + 1);
      }
      if (args.get(i).startsWith(name + "=")) {
        return args.get(i).substring(name.length() + 1);
      }
    }
    return null;
  }

  /** Copies {@code from} up to and including its last newline; returns the bytes copied. */
  static long completeLines(Path from, Path to) throws IOException {
    byte[] all;
    try (InputStream in = Files.newInputStream(from)) {
      all = in.readAllBytes();
    }
    int end = all.length;
    while (end > 0 && all[end - 1] != '\n') {
      end--;
    }
    Files.write(to, java.util.Arrays.copyOf(all, end));
    return end;
  }

  /** What one export run reported, by status. */
  private static final class Counts {
    final Map<String, Integer> byStatus = new java.util.TreeMap<>();
    int unsettled;

    @Override
    public String toString() {
      if (byStatus.isEmpty()) {
        return "no result";
      }
      List<String> parts = new ArrayList<>();
      byStatus.forEach((s, n) -> parts.add(n + " " + s));
      return String.join(", ", parts);
    }
  }

  private static Counts appendResults(Path results, String stdout, Instant run) throws IOException {
    Counts counts = new Counts();
    StringBuilder append = new StringBuilder();
    for (String line : stdout.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (IOException e) {
        continue; // the write flows print JSON lines only
      }
      String status = n.path("status").asText("");
      counts.byStatus.merge(status, 1, Integer::sum);
      if (UNSETTLED.contains(status)) {
        counts.unsettled++;
      }
      if (!REPEATS.contains(status) && n instanceof ObjectNode o) {
        o.put("run", run.toString());
        append.append(o).append('\n');
      }
    }
    if (append.length() > 0) {
      Files.writeString(results, append, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return counts;
  }

  /**
   * Prints and records one run; a failed one also names its retry ({@link #backoff}), which
   * db-scheduler's failure handler then applies, and throws so that it does.
   */
  private void finish(Account account, String what, Instant started, int code, boolean failed, String summary,
      String error, int failuresBefore, Duration every) {
    Instant finished = clock.now();
    Instant retryAt = null;
    StringBuilder line = new StringBuilder("schedule: ").append(TerminalText.safe(account.key())).append(' ').append(what)
        .append(" on ").append(node).append(": ").append(failed ? "failed (exit " + code + "): " : "").append(summary);
    if (failed) {
      Duration wait = backoff(retryAfter, every, failuresBefore);
      retryAt = finished.plus(wait);
      line.append("; retry ").append(failuresBefore + 1).append(" in ").append(human(wait)).append(" at ").append(retryAt);
    }
    out.println(line);
    try (Connection c = pool.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO ls_schedule_run"
        + " (account_key, node, started_at, finished_at, exit_code, error, what, retry_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, account.key());
      ps.setString(2, node);
      ps.setObject(3, OffsetDateTime.ofInstant(started, ZoneOffset.UTC));
      ps.setObject(4, OffsetDateTime.ofInstant(finished, ZoneOffset.UTC));
      ps.setInt(5, code);
      ps.setString(6, error == null || error.isEmpty() ? null : truncate(error));
      ps.setString(7, what);
      ps.setObject(8, retryAt == null ? null : OffsetDateTime.ofInstant(retryAt, ZoneOffset.UTC));
      ps.executeUpdate();
    } catch (SQLException e) {
      out.println("schedule: cannot record the run of " + TerminalText.safe(account.key()) + ": " + e.getMessage());
    }
    if (failed) {
      throw new IllegalStateException(what + " of " + account.key() + " failed: " + error);
    }
  }

  private static String truncate(String s) {
    return s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
  }

  /**
   * The wait before retry {@code failuresBefore + 1} of a run on {@code every}: {@code first},
   * doubled per consecutive failure, capped at half the interval (so a failing account is retried
   * well before its next regular run, and never more often than the cap allows).
   */
  static Duration backoff(Duration first, Duration every, int failuresBefore) {
    Duration cap = every.dividedBy(2);
    Duration wait = first;
    for (int i = 0; i < failuresBefore && wait.compareTo(cap) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(cap) > 0 ? cap : wait;
  }

  /** db-scheduler's failure handler: the next try after {@link #backoff}, from the instance's own interval. */
  private final class Backoff implements FailureHandler<PlainScheduleAndData> {
    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<PlainScheduleAndData> operations) {
      PlainScheduleAndData data = (PlainScheduleAndData) complete.getExecution().taskInstance.getData();
      // the instance's own interval: its schedule's next run after this one, from when it ended
      Duration every = Duration.between(complete.getTimeDone(), data.getSchedule().getNextExecutionTime(complete));
      operations.reschedule(complete, complete.getTimeDone().plus(backoff(retryAfter, every,
          complete.getExecution().consecutiveFailures)));
    }
  }

  /** 30m, 90s, 1h, 250ms. */
  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  private static String lastLine(ByteArrayOutputStream err) {
    String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\\R");
    String last = lines[lines.length - 1];
    return LightspeedSyncApp.oneLine(last.startsWith("error: ") ? last.substring(7) : last);
  }

  @Override
  public String toString() {
    return "ScheduledRuns{" + accounts.size() + " accounts, node " + node + "}";
  }
}
