package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.LedgerOutcome;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The claim step every exactly-once write shares (receipt booking, consignment receipts, product,
 * customer and order export, shipments): before anything is sent, the write's key is recorded in the
 * sink's export ledger. Only the caller whose claim was recorded may write without looking first; an
 * unconfirmed claim that was already there means an earlier attempt may or may not have reached
 * Lightspeed and must be reconciled, never sent blindly.
 *
 * <p>Two steps, so that a dry run can read without recording: {@link #read} looks the key up (one
 * sink read), {@link #claim(Instant)} records it unless it is there already. {@link #entry()} is the
 * ledger entry as this claim last saw it. Immutable; thread-safe when the sink is.
 */
public final class LedgerClaim {
  /** What the ledger says about one write. */
  public enum State {
    /** Read only, no entry: no earlier attempt exists; {@link #claim(Instant)} has not been called. */
    UNCLAIMED,
    /** Recorded by this claim: no earlier attempt exists, this caller may write. */
    CLAIMED,
    /** An earlier attempt claimed it and never confirmed: its outcome is unknown, reconcile first. */
    EARLIER_ATTEMPT,
    /** Confirmed before it was read: done, nothing to send. */
    DONE,
    /** Another caller claimed and confirmed it between the read and the claim: done, nothing to send. */
    DONE_CONCURRENTLY
  }

  private final SyncSink sink;
  private final LedgerKind kind;
  private final String key;
  private final State state;
  private final Optional<LedgerEntry> entry;

  private LedgerClaim(SyncSink sink, LedgerKind kind, String key, State state, Optional<LedgerEntry> entry) {
    this.sink = sink;
    this.kind = kind;
    this.key = key;
    this.state = state;
    this.entry = entry;
  }

  /** Reads the ledger entry of {@code key}, recording nothing. */
  public static LedgerClaim read(SyncSink sink, LedgerKind kind, String key) {
    Optional<LedgerEntry> entry = sink.ledgerEntry(kind, key);
    State state = entry.isEmpty() ? State.UNCLAIMED : entry.get().confirmed() ? State.DONE : State.EARLIER_ATTEMPT;
    return new LedgerClaim(sink, kind, key, state, entry);
  }

  /** Claims {@code key} at {@code now} without reading it first (the sink refuses a second claim). */
  public static LedgerClaim claim(SyncSink sink, LedgerKind kind, String key, Instant now) {
    return new LedgerClaim(sink, kind, key, State.UNCLAIMED, Optional.empty()).claim(now);
  }

  /**
   * Records the claim when the key was unclaimed when read; otherwise returns this claim unchanged.
   * The result is {@link State#CLAIMED}, or what another caller left in the meantime.
   */
  public LedgerClaim claim(Instant now) {
    if (state != State.UNCLAIMED) {
      return this;
    }
    LedgerOutcome outcome = sink.recordInLedger(List.of(LedgerEntry.of(kind, key, now))).get(0);
    State next = outcome.recorded() ? State.CLAIMED
        : outcome.entry().confirmed() ? State.DONE_CONCURRENTLY : State.EARLIER_ATTEMPT;
    return new LedgerClaim(sink, kind, key, next, Optional.of(outcome.entry()));
  }

  /** Confirms the claim with the id Lightspeed gave the record. */
  public void confirm(String externalId) {
    sink.confirmInLedger(kind, key, Objects.requireNonNull(externalId, "externalId == null"));
  }

  /**
   * Records an entry and confirms it at once: a link found another way (a unique SKU code), or an id
   * an attempt keeps for its restart. A link already confirmed is left as it is.
   */
  public static void record(SyncSink sink, LedgerKind kind, String key, Instant now, String externalId) {
    LedgerClaim c = read(sink, kind, key);
    if (c.state == State.DONE) {
      return;
    }
    c.claim(now).confirm(externalId);
  }

  public State state() {
    return state;
  }

  /** The entry as last seen; empty when the key was unclaimed when read. */
  public Optional<LedgerEntry> entry() {
    return entry;
  }

  /** The key claimed. */
  public String key() {
    return key;
  }

  /** Whether the write is confirmed (before the read, or concurrently): nothing is to be sent. */
  public boolean done() {
    return state == State.DONE || state == State.DONE_CONCURRENTLY;
  }

  /** Whether an earlier, unconfirmed attempt exists: reconcile before writing. */
  public boolean earlierAttempt() {
    return state == State.EARLIER_ATTEMPT;
  }

  /** The confirmed entry's external id, when there is one. */
  public Optional<String> externalId() {
    return entry.flatMap(LedgerEntry::externalId);
  }

  @Override
  public String toString() {
    return "LedgerClaim{" + kind + " " + key + " " + state + "}";
  }
}
