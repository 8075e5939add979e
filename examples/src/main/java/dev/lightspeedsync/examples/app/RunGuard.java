package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.Durability;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.sync.spi.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What {@code sync} checks before it reads anything: that the database opens (one line, not H2's
 * stack trace, when it cannot), that it is durable ({@link Durability}), that it holds no other
 * account's data ({@link #requireOwnDatabase}), and that no other process is syncing the same
 * account ({@link JdbcSyncSink#tryLockRun}).
 */
final class RunGuard {
  /** Exit status when the account is being synced by another run, or the database is held by another process. */
  static final int ALREADY_RUNNING = ExitCodes.ALREADY_RUNNING;

  private static final int H2_DATABASE_IN_USE = 90020;
  private static final int H2_DATABASE_NOT_FOUND = 90146;

  private RunGuard() {}

  /** Opens {@code url}, refusing a database that would lose commits on a crash. */
  static ConnectionPool openDurable(String url) {
    ConnectionPool pool = open(url);
    try {
      Durability.require(pool);
    } catch (IllegalStateException e) {
      pool.close();
      throw new AppException(2, "--db: " + LightspeedSyncApp.oneLine(e.getMessage()));
    }
    return pool;
  }

  /** Opens {@code url}; every failure is one line. */
  static ConnectionPool open(String url) {
    requireWritableH2Location(url);
    return openPool(url);
  }

  /**
   * Opens {@code url} for reading: a database that does not exist is refused with
   * {@link ExitCodes#NO_DATABASE}, never created (an embedded H2 file is opened with
   * {@code IFEXISTS=TRUE}), and so is one that holds no synced data (no {@code ls_schema_version}).
   */
  static ConnectionPool openExisting(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    boolean embeddedH2 = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:")
        && !lower.startsWith("jdbc:h2:ssl:") && !lower.startsWith("jdbc:h2:mem:");
    String opened = embeddedH2 && !lower.contains(";ifexists=") ? url + ";IFEXISTS=TRUE" : url;
    ConnectionPool pool;
    try {
      pool = openPool(opened);
    } catch (AppException e) {
      if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_NOT_FOUND) {
        throw noDatabase(url, "does not exist");
      }
      throw e;
    }
    boolean synced;
    try (java.sql.Connection c = pool.connection()) {
      synced = hasTable(c, "ls_schema_version");
    } catch (SQLException e) {
      pool.close();
      throw new AppException(ExitCodes.FAILURE, "cannot read the database " + ConnectionPool.redactUrl(url) + ": "
          + LightspeedSyncApp.oneLine(e.getMessage()));
    }
    if (!synced) {
      pool.close();
      throw noDatabase(url, "holds no synced data (no ls_schema_version table)");
    }
    return pool;
  }

  private static AppException noDatabase(String url, String what) {
    return new AppException(ExitCodes.NO_DATABASE, "the database " + ConnectionPool.redactUrl(url) + " " + what
        + "; run sync first, or pass the --db that sync wrote to");
  }

  private static boolean hasTable(java.sql.Connection c, String name) throws SQLException {
    java.sql.DatabaseMetaData meta = c.getMetaData();
    for (String n : new String[] {name, name.toUpperCase(Locale.ROOT)}) {
      try (java.sql.ResultSet rs = meta.getTables(null, null, n, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static ConnectionPool openPool(String url) {
    try {
      return ConnectionPool.open(url);
    } catch (IllegalArgumentException e) {
      SQLException first = null;
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql) {
          first = first == null ? sql : first;
          if (sql.getErrorCode() == H2_DATABASE_IN_USE) {
            throw new AppException(ALREADY_RUNNING, "the database " + ConnectionPool.redactUrl(url) + " is in use by"
                + " another process (a sync or an export may be running); wait for it to end, or put"
                + " ;AUTO_SERVER=TRUE in --db of every process sharing the file");
          }
        }
      }
      AppException failure = new AppException(ExitCodes.FAILURE, e.getMessage());
      if (first != null) {
        failure.initCause(first);
      }
      throw failure;
    }
  }

  /**
   * An embedded H2 file whose directory cannot be created or written to fails before H2 opens it;
   * otherwise H2 prints a stack trace of its trace file to stderr on the way.
   */
  static void requireWritableH2Location(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:tcp:")
        || lower.startsWith("jdbc:h2:ssl:")) {
      return;
    }
    String rest = url.substring("jdbc:h2:".length());
    int semi = rest.indexOf(';');
    String name = semi < 0 ? rest : rest.substring(0, semi);
    if (name.regionMatches(true, 0, "file:", 0, 5)) {
      name = name.substring(5);
    }
    if (name.contains(":")) {
      return; // another H2 file system (split:, nio:, zip:, a Windows drive): left to H2
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    Path file;
    try {
      file = Paths.get(name).toAbsolutePath();
    } catch (java.nio.file.InvalidPathException e) {
      throw new AppException(2, "--db " + ConnectionPool.redactUrl(url) + " is not a valid file name");
    }
    Path dir = file.getParent();
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
      throw new AppException(1, "cannot create the database " + ConnectionPool.redactUrl(url) + ": " + existing
          + (Files.isDirectory(existing) ? " is not writable" : " is not a directory")
          + "; pass a --db in a directory you can write to");
    }
    Path db = dir.resolve(file.getFileName() + ".mv.db");
    if (Files.exists(db) && !Files.isWritable(db)) {
      throw new AppException(1, "cannot write the database " + db + ": the file is read-only; make it writable or"
          + " pass another --db");
    }
  }

  /**
   * Refuses a database that holds another account's synced data ({@link JdbcSyncSink#syncedAccounts}):
   * the records of two accounts share ids, so syncing {@code accountKey} there would overwrite them.
   * Checked before anything is read or written.
   */
  static void requireOwnDatabase(JdbcSyncSink sink, String accountKey) {
    java.util.SortedSet<String> others = new java.util.TreeSet<>(sink.syncedAccounts());
    others.remove(accountKey);
    if (!others.isEmpty()) {
      throw new AppException(ExitCodes.SETTINGS_MISMATCH, "this database holds the synced data of account "
          + String.join(", ", others) + "; give account " + accountKey + " a database of its own (--db), or"
          + " their records, which share ids, would overwrite each other");
    }
  }

  /** Takes the account's run lock, or fails with {@link #ALREADY_RUNNING} naming the holder. */
  static RunLock lock(JdbcSyncSink sink, String accountKey) {
    requireOwnDatabase(sink, accountKey);
    return sink.tryLockRun(accountKey).orElseThrow(() -> new AppException(ALREADY_RUNNING,
        "a sync of account " + accountKey + " is already running (held by "
            + sink.runLockHolder(accountKey).orElse("another process") + "); wait for it to finish, or stop it"));
  }
}
