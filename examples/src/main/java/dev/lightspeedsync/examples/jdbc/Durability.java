package dev.lightspeedsync.examples.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks that a database keeps a commit once the commit has returned, even when the process is
 * killed right after it ({@code kill -9}, an out-of-memory kill, a power cut of the container).
 * Exactly-once receipt booking, order export and OAuth token rotation depend on it: the ledger claim
 * and the rotated refresh token are committed <em>before</em> the write to Lightspeed is sent, so a
 * commit that is lost afterwards means a second booking, a second sale or a dead refresh token.
 *
 * <p>What is checked, on the open database rather than on the URL (settings such as H2's
 * {@code WRITE_DELAY} are persistent, and a URL can change them for everyone):
 * <ul>
 *   <li>H2: an in-memory database ({@code jdbc:h2:mem:}) keeps nothing after the process ends, and a
 *       {@code WRITE_DELAY} above 0 (H2's default is 500 ms) lets the last commits be lost. Fix: a
 *       file or server database with {@code ;WRITE_DELAY=0} ({@link ConnectionPool#open} adds it to
 *       H2 URLs that do not set it).
 *   <li>PostgreSQL: {@code fsync = off} or {@code synchronous_commit = off} lose commits when the
 *       server crashes. A client that is killed loses nothing on PostgreSQL.
 * </ul>
 * Other databases are not inspected (no finding). Thread-safe (stateless).
 */
public final class Durability {
  private Durability() {}

  /**
   * What makes the database of {@code source} lose commits that have returned; empty when nothing
   * was found. Each finding says what is wrong and how to fix it.
   *
   * @throws IllegalStateException when the database cannot be inspected
   */
  public static List<String> problems(ConnectionSource source) {
    Objects.requireNonNull(source, "source == null");
    try (Connection c = source.connection()) {
      return problems(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the durability of the database: " + e.getMessage(), e);
    }
  }

  /** The findings of {@link #problems(ConnectionSource)} on one open connection. */
  public static List<String> problems(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String url = String.valueOf(c.getMetaData().getURL());
    List<String> out = new ArrayList<>();
    if (product.contains("h2")) {
      if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
        out.add("an H2 in-memory database keeps nothing once the process ends (the export ledger and the rotated"
            + " OAuth tokens included); use a file database such as jdbc:h2:file:./lightspeed-sync;WRITE_DELAY=0");
        return out;
      }
      String delay = h2Setting(c, "WRITE_DELAY");
      if (delay != null && parseLong(delay) != 0) {
        out.add("H2 WRITE_DELAY is " + delay + " ms: commits of the last " + delay + " ms are lost when the process"
            + " is killed; add ;WRITE_DELAY=0 to the JDBC URL (the setting is kept in the database file)");
      }
    } else if (product.contains("postgres")) {
      for (String setting : List.of("fsync", "synchronous_commit")) {
        String value = show(c, setting);
        if ("off".equalsIgnoreCase(value)) {
          out.add("PostgreSQL " + setting + " is off: commits can be lost when the server crashes; set " + setting
              + " = on (postgresql.conf, or ALTER ROLE ... SET " + setting + " = on)");
        }
      }
    }
    return out;
  }

  /**
   * Throws when {@link #problems(ConnectionSource)} finds anything.
   *
   * @throws NotDurableException naming every finding and its fix
   */
  public static void require(ConnectionSource source) {
    List<String> problems = problems(source);
    if (!problems.isEmpty()) {
      throw new NotDurableException(problems);
    }
  }

  /** The database of a sink or token store loses commits that have returned. */
  public static final class NotDurableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    NotDurableException(List<String> problems) {
      super("the database is not durable, so a booking, an export or a rotated OAuth token could be lost or"
          + " repeated after a crash: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    /** Each finding, with its fix. */
    public List<String> problems() {
      return problems;
    }
  }

  private static String h2Setting(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1; // unknown: reported, never assumed durable
    }
  }
}
