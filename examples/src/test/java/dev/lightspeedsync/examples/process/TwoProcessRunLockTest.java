package dev.lightspeedsync.examples.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.sync.spi.RunLock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run lock across processes: a child JVM holds it, this JVM is refused and told who holds it;
 * after the child is killed with SIGKILL the lock is free again (H2: once the lease ran out, seen
 * through a clock moved past it; PostgreSQL: as soon as the server sees the session end).
 */
class TwoProcessRunLockTest {
  @TempDir
  Path dir;

  @Test
  void h2AutoServerALockHeldByAnotherProcessIsRefusedAndFreedByItsLeaseAfterSigkill() throws Exception {
    // AUTO_SERVER lets several processes open one H2 file; this JVM opens it first and serves it.
    String url = "jdbc:h2:file:" + dir.resolve("shared").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (ConnectionPool pool = ConnectionPool.open(url)) {
      JdbcSyncSink here = JdbcSyncSink.migrated(pool);
      long childPid;
      try (ChildJvm child = ChildJvm.start(dir, DurableWritesChild.class, "lock", url, "retail:9")) {
        childPid = Long.parseLong(child.awaitLine("LOCKED pid ", 60).substring("LOCKED pid ".length()));
        assertThat(here.tryLockRun("retail:9")).isEmpty();
        assertThat(here.runLockHolder("retail:9")).get().asString().startsWith("pid " + childPid + " on ");
        child.process().destroyForcibly();
        child.waitFor(30);
      }
      assertThat(here.tryLockRun("retail:9")).as("the dead holder's lease still runs").isEmpty();
      JdbcSyncSink later = new JdbcSyncSink(pool,
          Clock.offset(Clock.systemUTC(), JdbcSyncSink.DEFAULT_RUN_LOCK_LEASE.plusSeconds(1)),
          JdbcSyncSink.DEFAULT_RUN_LOCK_LEASE);
      Optional<RunLock> taken = later.tryLockRun("retail:9");
      assertThat(taken).isPresent();
      taken.get().close();
    }
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "LIGHTSPEED_SYNC_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
  void postgresAnAdvisoryLockIsReleasedWhenItsProcessIsKilled() throws Exception {
    String url = System.getenv("LIGHTSPEED_SYNC_TEST_POSTGRES_URL");
    String account = "retail:" + System.nanoTime();
    try (ConnectionPool pool = ConnectionPool.open(url)) {
      JdbcSyncSink here = JdbcSyncSink.migrated(pool);
      try (ChildJvm child = ChildJvm.start(dir, DurableWritesChild.class, "lock", url, account)) {
        long childPid = Long.parseLong(child.awaitLine("LOCKED pid ", 60).substring("LOCKED pid ".length()));
        assertThat(here.tryLockRun(account)).isEmpty();
        assertThat(here.runLockHolder(account)).get().asString().startsWith("pid " + childPid + " on ");
        child.process().destroyForcibly();
        child.waitFor(30);
      }
      // the server ends the session when the killed client's socket closes; allow it a moment to notice
      Optional<RunLock> taken = Optional.empty();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (taken.isEmpty() && System.nanoTime() < deadline) {
        taken = here.tryLockRun(account);
        if (taken.isEmpty()) {
          Thread.sleep(50); // waiting for the server to notice, not for time to pass
        }
      }
      assertThat(taken).isPresent();
      taken.get().close();
    }
  }
}
