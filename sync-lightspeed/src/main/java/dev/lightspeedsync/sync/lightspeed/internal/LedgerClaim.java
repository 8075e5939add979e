package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.LedgerOutcome;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Instant;
import java.util.List;

/**
 * The claim step every exactly-once write shares: before anything is sent, the write's key is
 * recorded in the sink's export ledger. Only the caller whose claim was recorded may write without
 * looking first; an unconfirmed claim that was already there means an earlier attempt may or may not
 * have reached Lightspeed and must be reconciled, never sent blindly.
 */
public enum LedgerClaim {
  /** Recorded now: no earlier attempt of this write exists. */
  CLAIMED,
  /** Another caller claimed and confirmed it in the meantime: done, nothing to send. */
  DONE_CONCURRENTLY,
  /** An earlier attempt claimed it and never confirmed: its outcome is unknown, reconcile first. */
  EARLIER_ATTEMPT;

  /** Claims {@code key} in the ledger at {@code now}. */
  public static LedgerClaim claim(SyncSink sink, LedgerKind kind, String key, Instant now) {
    LedgerOutcome outcome = sink.recordInLedger(List.of(LedgerEntry.of(kind, key, now))).get(0);
    if (outcome.recorded()) {
      return CLAIMED;
    }
    return outcome.entry().confirmed() ? DONE_CONCURRENTLY : EARLIER_ATTEMPT;
  }
}
