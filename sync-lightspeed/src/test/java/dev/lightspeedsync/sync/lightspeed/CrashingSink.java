package dev.lightspeedsync.sync.lightspeed;

import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.spi.ForwardingSyncSink;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Delegates to a sink and "kills the process": right after the n-th checkpoint (reads), or around the
 * first ledger confirmation whose key matches (writes: the write reached Lightspeed, the ledger does
 * not know it yet, or knows a step of it and dies before the next).
 */
public final class CrashingSink extends ForwardingSyncSink {
  public static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash");
    }
  }

  private int checkpointsLeft;
  private final Predicate<String> confirmKey;
  private final boolean afterConfirm;
  private boolean fired;

  public CrashingSink(SyncSink delegate, int checkpoints) {
    this(delegate, checkpoints, k -> false, false);
  }

  private CrashingSink(SyncSink delegate, int checkpoints, Predicate<String> confirmKey, boolean afterConfirm) {
    super(delegate);
    this.checkpointsLeft = checkpoints;
    this.confirmKey = confirmKey;
    this.afterConfirm = afterConfirm;
  }

  /** Dies when the first ledger entry whose key matches is about to be confirmed: it stays unconfirmed. */
  public static CrashingSink beforeConfirming(SyncSink delegate, Predicate<String> key) {
    return new CrashingSink(delegate, -1, key, false);
  }

  /** Dies right after the first ledger entry whose key matches was confirmed. */
  public static CrashingSink afterConfirming(SyncSink delegate, Predicate<String> key) {
    return new CrashingSink(delegate, -1, key, true);
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    super.saveCheckpoint(checkpoint);
    if (--checkpointsLeft == 0) {
      throw new Crash();
    }
  }

  @Override
  public Optional<LedgerEntry> confirmInLedger(LedgerKind kind, String key, String externalId) {
    boolean kill = !fired && confirmKey.test(key);
    if (kill && !afterConfirm) {
      fired = true;
      throw new Crash();
    }
    Optional<LedgerEntry> entry = super.confirmInLedger(kind, key, externalId);
    if (kill) {
      fired = true;
      throw new Crash();
    }
    return entry;
  }
}
