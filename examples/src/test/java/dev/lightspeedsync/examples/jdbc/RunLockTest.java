package dev.lightspeedsync.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.spi.RunLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock row of {@link JdbcSyncSink} on H2: two sinks over one database, leases, migration. */
class RunLockTest {
  static final Duration LEASE = Duration.ofSeconds(90);

  @TempDir
  Path dir;

  private final List<ConnectionPool> pools = new ArrayList<>();

  @AfterEach
  void close() {
    pools.forEach(ConnectionPool::close);
  }

  private ConnectionPool pool(String name) {
    ConnectionPool pool = ConnectionPool.open("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath());
    pools.add(pool);
    return pool;
  }

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }
  }

  @Test
  void aLockWhoseHolderStoppedRenewingIsTakenOverOnlyAfterItsLease() {
    ConnectionPool db = pool("lease");
    Schema.migrate(db);
    ManualClock clock = new ManualClock();
    JdbcSyncSink crashed = new JdbcSyncSink(db, clock, LEASE);
    JdbcSyncSink other = new JdbcSyncSink(db, clock, LEASE);

    Optional<RunLock> held = crashed.tryLockRun("retail:1"); // never closed: its process "died"
    clock.advance(LEASE.minusSeconds(1));
    Optional<RunLock> early = other.tryLockRun("retail:1");
    clock.advance(Duration.ofSeconds(2));
    Optional<RunLock> late = other.tryLockRun("retail:1");

    assertThat(held).isPresent();
    assertThat(early).as("within the lease").isEmpty();
    assertThat(late).as("lease ran out").isPresent();
    assertThat(other.runLockHolder("retail:1")).get().asString()
        .startsWith("pid " + ProcessHandle.current().pid() + " on ").contains(clock.instant().toString());
    held.get().close(); // the old holder comes back: it must not release the new holder's lock
    assertThat(crashed.tryLockRun("retail:1")).isEmpty();
    late.get().close();
    assertThat(other.runLockHolder("retail:1")).isEmpty();
    assertThat(crashed.tryLockRun("retail:1")).isPresent();
  }

  @Test
  void aLeaseIsRenewedWhileTheLockIsHeldSoALiveHolderKeepsIt() throws Exception {
    ConnectionPool db = pool("renew");
    Schema.migrate(db);
    ManualClock clock = new ManualClock();
    JdbcSyncSink holder = new JdbcSyncSink(db, clock, LEASE);
    JdbcSyncSink other = new JdbcSyncSink(db, clock, LEASE);
    try (RunLock lock = holder.tryLockRun("retail:2").orElseThrow()) {
      for (int tick = 0; tick < 5; tick++) {
        clock.advance(LEASE.dividedBy(3));
        assertThat(holder.renewHeldRunLocks()).isEqualTo(1); // what the renewer thread does every lease / 3
      }

      assertThat(expiry(db, "retail:2")).isEqualTo(clock.instant().plus(LEASE));
      assertThat(other.tryLockRun("retail:2")).as("renewed past its first lease").isEmpty();
    }
    assertThat(holder.renewHeldRunLocks()).as("released: nothing left to renew").isZero();
  }

  private static Instant expiry(ConnectionPool db, String account) throws Exception {
    try (Connection c = db.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT expires_at FROM ls_run_lock WHERE account_key = '" + account + "'")) {
      rs.next();
      return JdbcSyncSink.instant(rs, "expires_at");
    }
  }

  @Test
  void aVersionTwoDatabaseIsMigratedKeepingItsData() throws Exception {
    ConnectionPool db = pool("v2");
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ls_schema_version (version INT NOT NULL)");
      for (int v = 0; v < 2; v++) {
        for (String sql : Schema.MIGRATIONS.get(v)) {
          s.execute(sql);
        }
      }
      s.execute("INSERT INTO ls_schema_version (version) VALUES (2)");
      s.execute("INSERT INTO ls_checkpoint (stream, position, saved_at) VALUES ('sales', 'c-1', CURRENT_TIMESTAMP)");
    }

    int found = Schema.migrate(db);

    assertThat(found).isEqualTo(2);
    JdbcSyncSink sink = new JdbcSyncSink(db);
    assertThat(sink.checkpoint("sales")).map(cp -> cp.position()).contains("c-1");
    assertThat(sink.tryLockRun("retail:3")).isPresent();
  }
}
