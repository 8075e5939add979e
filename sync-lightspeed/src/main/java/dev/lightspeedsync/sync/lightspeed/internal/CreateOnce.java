package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates one host record in Lightspeed exactly once (product, customer and order export on every
 * platform): the host key is claimed in the export ledger ({@link LedgerClaim}) before the POST and
 * confirmed with the new id after it. A claim left unconfirmed (a 5xx after the write was applied, a
 * dropped connection, a process killed before the confirmation) is reconciled before anything is
 * posted again: the record is looked up in Lightspeed ({@link Target#find()}); one match is confirmed
 * (RECOVERED), none is posted again, several are never guessed between (NEEDS_ATTENTION with a
 * connection-log issue).
 *
 * <p>A record that needs a second step ({@link Target#finish}: an open sale to complete) is confirmed
 * only once that step succeeded; until then every run finds it and finishes it.
 *
 * <p>Ids are the platform's ids as text (R-Series numbers, X-Series UUIDs). Entries are stored under the
 * export's own {@link LedgerKind} ({@code PRODUCT_EXPORT}, {@code CUSTOMER_EXPORT} with a key prefix
 * {@code product:}, {@code customer:}; {@code ORDER_EXPORT} keyed by the host order id).
 */
public final class CreateOnce {
  /** How one record is found after an unknown outcome, and how it is created. */
  public interface Target {
    /** The ids of Lightspeed records that are this host record, created by an earlier attempt. */
    List<String> find();

    /** Posts the record; returns its new id. */
    String create();

    /**
     * Brings a record just created or found to its final state before it is confirmed (order export:
     * completes an open sale with a payment of Lightspeed's total). Returns a note for the report, empty
     * when there is nothing to add. Throws when it could not: the claim then stays unconfirmed, and the
     * next run finds the record and finishes it instead of creating another. By default there is
     * nothing to finish.
     */
    default String finish(String id) {
      return "";
    }

    /** A target that only finds and creates. */
    static Target of(Supplier<List<String>> find, Supplier<String> create) {
      return new Target() {
        @Override
        public List<String> find() {
          return find.get();
        }

        @Override
        public String create() {
          return create.get();
        }
      };
    }
  }

  private final SyncSink sink;
  private final Clock clock;
  private final boolean dryRun;
  private final Kind kind;
  private final RecordKind recordKind;
  private final LedgerKind ledger;

  public CreateOnce(SyncSink sink, Clock clock, boolean dryRun, Kind kind, RecordKind recordKind, LedgerKind ledger) {
    this.ledger = ledger;
    this.sink = sink;
    this.clock = clock;
    this.dryRun = dryRun;
    this.kind = kind;
    this.recordKind = recordKind;
  }

  /** Reads the ledger entry of {@code ledgerKey} under this export's kind, recording nothing. */
  public LedgerClaim read(String ledgerKey) {
    return LedgerClaim.read(sink, ledger, ledgerKey);
  }

  /**
   * Creates the record unless the ledger or Lightspeed shows it was created before.
   *
   * @param claim the ledger as read before ({@link #read}); its key is the ledger key
   * @param key the host key, as the action reports it
   * @param request the POST in words
   * @param lookup how {@link Target#find()} searches, in words (for example {@code customSku 'AB1'})
   */
  public WriteAction create(LedgerClaim claim, String key, String request, String lookup, Target target,
      List<RecordIssue> issues) {
    if (claim.done()) {
      return WriteAction.of(kind, key, request, Status.ALREADY_DONE, "created before")
          .withExternalId(claim.externalId().orElseThrow());
    }
    try {
      if (dryRun) {
        return WriteAction.of(kind, key, request, Status.PLANNED, claim.earlierAttempt()
            ? "an earlier attempt's outcome is unknown: the real run searches by " + lookup + " first" : "");
      }
      claim = claim.claim(clock.instant());
      if (claim.done()) {
        return WriteAction.of(kind, key, request, Status.ALREADY_DONE, "created concurrently")
            .withExternalId(claim.externalId().orElseThrow());
      }
      String why = "";
      if (claim.earlierAttempt()) {
        Optional<WriteAction> settled = reconcile(claim, key, request, lookup, target, issues, "an earlier attempt");
        if (settled.isPresent()) {
          return settled.get();
        }
        why = "an earlier attempt's outcome was unknown and no record with " + lookup + " exists: posted again";
      }
      String id;
      try {
        id = target.create();
      } catch (LightspeedException e) {
        if (!e.requestMayHaveBeenApplied()) {
          return WriteAction.of(kind, key, request, Status.FAILED, "Lightspeed refused it: "
              + ReceiptBooker.describe(e) + "; nothing created, the next run tries again");
        }
        Optional<WriteAction> settled;
        try {
          settled = reconcile(claim, key, request, lookup, target, issues, "the POST answered "
              + ReceiptBooker.describe(e) + " but it");
        } catch (LightspeedException again) {
          settled = Optional.empty();
        }
        return settled.orElseGet(() -> WriteAction.of(kind, key, request, Status.PENDING, "outcome unknown ("
            + ReceiptBooker.describe(e) + ") and no record with " + lookup
            + " found yet: the next run searches again before posting"));
      }
      return finish(claim, key, request, id, Status.DONE, why, target);
    } catch (LightspeedException e) {
      return WriteAction.of(kind, key, request, Status.FAILED, "could not check Lightspeed: "
          + ReceiptBooker.describe(e) + "; nothing posted, the next run tries again");
    }
  }

  /** Empty when Lightspeed holds no such record (so it may be posted). */
  private Optional<WriteAction> reconcile(LedgerClaim claim, String key, String request, String lookup,
      Target target, List<RecordIssue> issues, String who) {
    List<String> found = target.find();
    if (found.size() == 1) {
      return Optional.of(finish(claim, key, request, found.get(0), Status.RECOVERED,
          who + " had created " + found.get(0) + " (found by " + lookup + "): confirmed, not posted again", target));
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    issues.add(RecordIssue.of(recordKind, key, ReasonCode.WRITE_OUTCOME_UNKNOWN,
        "An earlier export of " + key + " had an unknown outcome and " + found.size() + " Lightspeed records match "
            + lookup + " " + found + "; none is taken and nothing is created again",
        "Archive the duplicates in Lightspeed so that one remains; the next export confirms it", clock.instant()));
    return Optional.of(WriteAction.of(kind, key, request, Status.NEEDS_ATTENTION,
        found.size() + " records match " + lookup + ": not guessed, see the connection log"));
  }

  /** Runs {@link Target#finish} and confirms; leaves the claim unconfirmed when finishing failed. */
  private WriteAction finish(LedgerClaim claim, String key, String request, String id, Status status, String detail,
      Target target) {
    String note;
    try {
      note = target.finish(id);
    } catch (LightspeedException e) {
      return WriteAction.of(kind, key, request, e.requestMayHaveBeenApplied() ? Status.PENDING : Status.FAILED,
          (detail.isEmpty() ? "" : detail + "; ") + id + " exists but could not be finished ("
              + ReceiptBooker.describe(e) + "): the next run finds it and finishes it, nothing is created again")
          .withExternalId(id);
    }
    claim.confirm(id);
    return WriteAction.of(kind, key, request, status, note.isEmpty() ? detail
        : detail.isEmpty() ? note : detail + "; " + note).withExternalId(id);
  }

  /**
   * Records a link found another way (a unique SKU code) as a confirmed ledger entry, so that later
   * runs follow it even after the code changes. Nothing is stored in a dry run.
   */
  public void link(String ledgerKey, String id) {
    if (!dryRun) {
      LedgerClaim.record(sink, ledger, ledgerKey, clock.instant(), id);
    }
  }
}
