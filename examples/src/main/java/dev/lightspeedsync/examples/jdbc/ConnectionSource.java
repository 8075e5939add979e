package dev.lightspeedsync.examples.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where {@link JdbcSyncSink} and {@link JdbcTokenStore} get connections: a pool, a
 * {@code DataSource::getConnection}, or {@link ConnectionPool}. Each connection is closed after one
 * unit of work. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConnectionSource extends AutoCloseable {
  Connection connection() throws SQLException;

  /** Releases the source's resources; the default does nothing (the host owns its DataSource). */
  @Override
  default void close() {}
}
