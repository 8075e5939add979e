package dev.lightspeedsync.examples.jdbc;

import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.testing.SyncSinkContract;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same contract on PostgreSQL, each sink in a fresh schema. Runs only when
 * {@code LIGHTSPEED_SYNC_TEST_POSTGRES_URL} names a server (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); CI has none, see the README.
 */
@EnabledIfEnvironmentVariable(named = "LIGHTSPEED_SYNC_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
class PostgresSyncSinkTest extends SyncSinkContract {
  @Override
  protected boolean atomicUnits() {
    return true;
  }

  static final String URL = System.getenv("LIGHTSPEED_SYNC_TEST_POSTGRES_URL");

  private final List<ConnectionPool> pools = new ArrayList<>();
  private final Map<SyncSink, String> schemas = new IdentityHashMap<>();

  @Override
  protected SyncSink newSink() {
    String schema = "contract_" + Long.toHexString(System.nanoTime());
    try (ConnectionPool admin = ConnectionPool.open(URL); Connection c = admin.connection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return open(schema);
  }

  @Override
  protected SyncSink reopen(SyncSink sink) {
    return open(schemas.get(sink));
  }

  private SyncSink open(String schema) {
    ConnectionPool pool = ConnectionPool.open(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    pools.add(pool);
    SyncSink sink = JdbcSyncSink.migrated(pool);
    schemas.put(sink, schema);
    return sink;
  }

  @AfterEach
  void closePools() {
    pools.forEach(ConnectionPool::close);
  }
}
