package dev.lightspeedsync.examples.process;

import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.jdbc.JdbcTokenStore;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.RunLock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The child process of the kill tests. {@code claim URL}: claims a ledger entry and saves a rotated
 * token pair, prints {@code READY} and waits to be killed. {@code lock URL ACCOUNT}: takes the run
 * lock, prints {@code LOCKED} (or {@code REFUSED}) and waits.
 */
public final class DurableWritesChild {
  private DurableWritesChild() {}

  public static void main(String[] args) throws Exception {
    ConnectionPool pool = ConnectionPool.open(args[1]);
    JdbcSyncSink sink = JdbcSyncSink.migrated(pool);
    switch (args[0]) {
      case "claim" -> {
        sink.recordInLedger(List.of(LedgerEntry.of(LedgerKind.ORDER_EXPORT, "W-1", Instant.now())));
        JdbcTokenStore tokens = JdbcTokenStore.open(pool, "retail:1", TokenPair.withoutExpiry("a0", "r0"),
            Clock.systemUTC());
        tokens.save(TokenPair.withoutExpiry("access-rotated", "refresh-rotated"));
        System.out.println("READY");
      }
      case "lock" -> {
        Optional<RunLock> lock = sink.tryLockRun(args[2]);
        System.out.println((lock.isPresent() ? "LOCKED pid " : "REFUSED pid ") + ProcessHandle.current().pid());
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.out.flush();
    System.in.read(); // until killed (or the parent closes stdin)
  }
}
