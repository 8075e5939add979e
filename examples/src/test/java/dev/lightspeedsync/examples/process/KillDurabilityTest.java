package dev.lightspeedsync.examples.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.jdbc.JdbcTokenStore;
import dev.lightspeedsync.sync.spi.LedgerKind;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 right after a ledger claim and a token save returned: both survive. The child opens the
 * database as the app does ({@link ConnectionPool#open} on a plain H2 file URL, which makes it
 * durable); with H2's default WRITE_DELAY the commits of the last 500 ms are lost, which
 * {@code DurabilityTest} shows the app's check rejects.
 */
class KillDurabilityTest {
  @TempDir
  Path dir;

  @Test
  void aClaimAndARotatedTokenSurviveSigkillRightAfterTheyReturned() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("killed").toAbsolutePath();
    try (ChildJvm child = ChildJvm.start(dir, DurableWritesChild.class, "claim", url)) {
      child.awaitLine("READY", 60);
      child.process().destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
      assertThat(child.waitFor(30)).isNotZero();
    }

    try (ConnectionPool pool = ConnectionPool.open(url)) {
      JdbcSyncSink sink = JdbcSyncSink.migrated(pool);
      assertThat(sink.ledgerEntry(LedgerKind.ORDER_EXPORT, "W-1")).as("the ledger claim").isPresent();
      JdbcTokenStore tokens = JdbcTokenStore.open(pool, "retail:1", null, Clock.systemUTC());
      assertThat(tokens.load()).map(TokenPair::refreshToken).as("the rotated refresh token").contains("refresh-rotated");
    }
  }
}
