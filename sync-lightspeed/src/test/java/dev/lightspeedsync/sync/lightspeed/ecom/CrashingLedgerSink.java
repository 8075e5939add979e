package dev.lightspeedsync.sync.lightspeed.ecom;

import dev.lightspeedsync.sync.spi.ForwardingSyncSink;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.util.Optional;

/**
 * Delegates to a sink and "kills the process" when the ledger entry {@code key} is about to be
 * confirmed: the write to Lightspeed has happened, the ledger does not know it.
 */
final class CrashingLedgerSink extends ForwardingSyncSink {
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash");
    }
  }

  private final String key;

  CrashingLedgerSink(SyncSink delegate, String key) {
    super(delegate);
    this.key = key;
  }

  @Override
  public Optional<LedgerEntry> confirmInLedger(LedgerKind kind, String key, String externalId) {
    if (key.equals(this.key)) {
      throw new Crash();
    }
    return super.confirmInLedger(kind, key, externalId);
  }
}
