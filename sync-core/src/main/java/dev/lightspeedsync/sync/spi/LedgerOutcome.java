package dev.lightspeedsync.sync.spi;

import org.immutables.value.Value;

/**
 * Result of recording one {@link LedgerEntry}: {@link #recorded()} is false when an entry with the same
 * kind and key already existed, and {@link #entry()} is then the existing one. Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface LedgerOutcome {
  boolean recorded();

  LedgerEntry entry();

  static LedgerOutcome recorded(LedgerEntry entry) {
    return ImmutableLedgerOutcome.builder().recorded(true).entry(entry).build();
  }

  static LedgerOutcome refused(LedgerEntry existing) {
    return ImmutableLedgerOutcome.builder().recorded(false).entry(existing).build();
  }
}
