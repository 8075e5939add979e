package dev.lightspeedsync.examples.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A minimal pool of JDBC connections to one URL: enough for the example app, where a handful of
 * threads share one database. A real host would pass its own pooled {@code DataSource} instead
 * (HikariCP, the application server's pool); {@link JdbcSyncSink} only needs
 * {@link ConnectionSource}.
 *
 * <p>Thread-safe. Idle connections are kept (up to {@code maxIdle}) and closed by {@link #close()}.
 */
public final class ConnectionPool implements ConnectionSource {
  private final String url;
  private final Properties properties;
  private final int maxIdle;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  private ConnectionPool(String url, Properties properties, int maxIdle) {
    this.url = url;
    this.properties = properties;
    this.maxIdle = maxIdle;
  }

  /** A pool over {@code jdbcUrl} with no user or password (H2 files, in-memory databases). */
  public static ConnectionPool open(String jdbcUrl) {
    return open(jdbcUrl, null, null);
  }

  /**
   * A pool over {@code jdbcUrl}; {@code user} and {@code password} may be null.
   *
   * <p>H2 URLs are made durable and safe to close gracefully unless they say otherwise (see
   * {@link #withH2Defaults}): {@code WRITE_DELAY=0}, so that a commit that has returned survives a
   * {@code kill -9} (H2's default delay of 500 ms loses it; see {@link Durability}), and for embedded
   * databases {@code DB_CLOSE_ON_EXIT=FALSE}, so that H2 does not close the database under a run that
   * is still stopping after Ctrl-C; the pool's {@link #close()} closes it.
   */
  public static ConnectionPool open(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
    jdbcUrl = withH2Defaults(jdbcUrl);
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    ConnectionPool pool = new ConnectionPool(jdbcUrl, p, 16);
    // Fail fast on a wrong URL, driver or credentials.
    try (Connection c = pool.connection()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new IllegalArgumentException("cannot open the database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
    }
    return pool;
  }

  /**
   * {@code url} with {@code ;WRITE_DELAY=0} added to an H2 URL that does not set {@code WRITE_DELAY},
   * and {@code ;DB_CLOSE_ON_EXIT=FALSE} to an embedded H2 URL that does not set it (nor
   * {@code AUTO_SERVER=TRUE}, which H2 does not allow with it). In-memory H2
   * URLs and other databases are returned unchanged.
   */
  public static String withH2Defaults(String url) {
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:")) {
      return url;
    }
    String out = url;
    if (!lower.contains(";write_delay=")) {
      out += ";WRITE_DELAY=0";
    }
    // remote databases close with their server; H2 refuses the setting together with AUTO_SERVER
    boolean remote = lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")
        || lower.contains(";auto_server=true");
    if (!remote && !lower.contains(";db_close_on_exit=")) {
      out += ";DB_CLOSE_ON_EXIT=FALSE";
    }
    return out;
  }

  /** The URL without anything after a ';' or '?', where drivers take passwords (safe to print). */
  public static String redactUrl(String url) {
    return redact(url);
  }

  static String redact(String url) {
    int cut = url.length();
    for (char c : new char[] {';', '?'}) {
      int i = url.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return url.substring(0, cut);
  }

  public String url() {
    return url;
  }

  @Override
  public Connection connection() throws SQLException {
    if (closed) {
      throw new SQLException("the connection pool is closed");
    }
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      if (!c.isClosed()) {
        return wrap(c);
      }
    }
    return wrap(DriverManager.getConnection(url, properties));
  }

  /** Returns connections to the pool instead of closing them. */
  private Connection wrap(Connection raw) {
    return (Connection) java.lang.reflect.Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new java.lang.reflect.InvocationHandler() {
          private boolean released;

          @Override
          public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close")) {
              if (!released) {
                released = true;
                release(raw);
              }
              return null;
            }
            if (name.equals("isClosed")) {
              return released || raw.isClosed();
            }
            if (released) {
              throw new SQLException("connection already returned to the pool");
            }
            try {
              return method.invoke(raw, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          }
        });
  }

  private void release(Connection raw) throws SQLException {
    if (raw.isClosed()) {
      return;
    }
    if (!raw.getAutoCommit()) {
      raw.rollback();
      raw.setAutoCommit(true);
    }
    if (closed || idle.size() >= maxIdle) {
      raw.close();
    } else {
      idle.addFirst(raw);
    }
  }

  /** Closes every idle connection; connections in use are closed when returned. */
  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  public String toString() {
    return "ConnectionPool{" + redact(url) + "}";
  }
}
