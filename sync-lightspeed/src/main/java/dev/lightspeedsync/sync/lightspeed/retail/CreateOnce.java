package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.internal.ReceiptBooker;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.LedgerOutcome;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Creates one host record in Lightspeed exactly once (product and customer export): the host key is
 * claimed in the export ledger before the POST and confirmed with the new id after it. A claim left
 * unconfirmed (a 5xx after the write was applied, a dropped connection, a process killed before the
 * confirmation) is reconciled before anything is posted again: the record is looked up in Lightspeed
 * ({@link Target#find()}); one match is confirmed (RECOVERED), none is posted again, several are never
 * guessed between (NEEDS_ATTENTION with a connection-log issue).
 *
 * A record that needs a second step ({@link Target#finish}: an open sale to complete) is confirmed
 * only once that step succeeded; until then every run finds it and finishes it.
 *
 * <p>Entries are stored under the export's own {@link LedgerKind} ({@code PRODUCT_EXPORT},
 * {@code CUSTOMER_EXPORT} with a key prefix {@code product:}, {@code customer:}; {@code ORDER_EXPORT}
 * keyed by the host order id).
 */
final class CreateOnce {
  /** How one record is found after an unknown outcome, and how it is created. */
  interface Target {
    /** The ids of Lightspeed records that are this host record, created by an earlier attempt. */
    List<Long> find();

    /** Posts the record; returns its new id. */
    long create();

    /**
     * Brings a record just created or found to its final state before it is confirmed (order export:
     * completes an open sale with a payment of Lightspeed's total). Returns a note for the report, empty
     * when there is nothing to add. Throws when it could not: the claim then stays unconfirmed, and the
     * next run finds the record and finishes it instead of creating another. By default there is
     * nothing to finish.
     */
    default String finish(long id) {
      return "";
    }
  }

  private final SyncSink sink;
  private final Clock clock;
  private final boolean dryRun;
  private final Kind kind;
  private final RecordKind recordKind;
  private final LedgerKind ledger;

  CreateOnce(SyncSink sink, Clock clock, boolean dryRun, Kind kind, RecordKind recordKind, LedgerKind ledger) {
    this.ledger = ledger;
    this.sink = sink;
    this.clock = clock;
    this.dryRun = dryRun;
    this.kind = kind;
    this.recordKind = recordKind;
  }

  /**
   * Creates the record unless the ledger or Lightspeed shows it was created before.
   *
   * @param ledgerKey the ledger key (prefix and host key)
   * @param key the host key, as the action reports it
   * @param request the POST in words
   * @param lookup how {@link Target#find()} searches, in words (for example {@code customSku 'AB1'})
   * @param claim the ledger entry read before, if any (an unconfirmed one)
   */
  WriteAction create(String ledgerKey, String key, String request, String lookup, Optional<LedgerEntry> claim,
      Target target, List<RecordIssue> issues) {
    if (claim.isPresent() && claim.get().confirmed()) {
      return WriteAction.of(kind, key, request, Status.ALREADY_DONE, "created before")
          .withExternalId(claim.get().externalId().orElseThrow());
    }
    try {
      if (dryRun) {
        return WriteAction.of(kind, key, request, Status.PLANNED, claim.isPresent()
            ? "an earlier attempt's outcome is unknown: the real run searches by " + lookup + " first" : "");
      }
      if (claim.isEmpty()) {
        LedgerOutcome outcome = sink.recordInLedger(List.of(LedgerEntry.of(ledger, ledgerKey, clock.instant())))
            .get(0);
        if (!outcome.recorded() && outcome.entry().confirmed()) {
          return WriteAction.of(kind, key, request, Status.ALREADY_DONE, "created concurrently")
              .withExternalId(outcome.entry().externalId().orElseThrow());
        }
        claim = outcome.recorded() ? Optional.empty() : Optional.of(outcome.entry());
      }
      String why = "";
      if (claim.isPresent()) {
        Optional<WriteAction> settled = reconcile(ledgerKey, key, request, lookup, target, issues, "an earlier attempt");
        if (settled.isPresent()) {
          return settled.get();
        }
        why = "an earlier attempt's outcome was unknown and no record with " + lookup + " exists: posted again";
      }
      long id;
      try {
        id = target.create();
      } catch (LightspeedException e) {
        if (!e.requestMayHaveBeenApplied()) {
          return WriteAction.of(kind, key, request, Status.FAILED, "Lightspeed refused it: "
              + ReceiptBooker.describe(e) + "; nothing created, the next run tries again");
        }
        Optional<WriteAction> settled;
        try {
          settled = reconcile(ledgerKey, key, request, lookup, target, issues, "the POST answered "
              + ReceiptBooker.describe(e) + " but it");
        } catch (LightspeedException again) {
          settled = Optional.empty();
        }
        return settled.orElseGet(() -> WriteAction.of(kind, key, request, Status.PENDING, "outcome unknown ("
            + ReceiptBooker.describe(e) + ") and no record with " + lookup
            + " found yet: the next run searches again before posting"));
      }
      return finish(ledgerKey, key, request, id, Status.DONE, why, target);
    } catch (LightspeedException e) {
      return WriteAction.of(kind, key, request, Status.FAILED, "could not check Lightspeed: "
          + ReceiptBooker.describe(e) + "; nothing posted, the next run tries again");
    }
  }

  /** Empty when Lightspeed holds no such record (so it may be posted). */
  private Optional<WriteAction> reconcile(String ledgerKey, String key, String request, String lookup, Target target,
      List<RecordIssue> issues, String who) {
    List<Long> found = target.find();
    if (found.size() == 1) {
      return Optional.of(finish(ledgerKey, key, request, found.get(0), Status.RECOVERED,
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
  private WriteAction finish(String ledgerKey, String key, String request, long id, Status status, String detail,
      Target target) {
    String note;
    try {
      note = target.finish(id);
    } catch (LightspeedException e) {
      return WriteAction.of(kind, key, request, e.requestMayHaveBeenApplied() ? Status.PENDING : Status.FAILED,
          (detail.isEmpty() ? "" : detail + "; ") + id + " exists but could not be finished ("
              + ReceiptBooker.describe(e) + "): the next run finds it and finishes it, nothing is created again")
          .withExternalId(Long.toString(id));
    }
    return confirm(ledgerKey, key, request, id, status, note.isEmpty() ? detail
        : detail.isEmpty() ? note : detail + "; " + note);
  }

  private WriteAction confirm(String ledgerKey, String key, String request, long id, Status status, String detail) {
    String external = Long.toString(id);
    sink.confirmInLedger(ledger, ledgerKey, external);
    return WriteAction.of(kind, key, request, status, detail).withExternalId(external);
  }

  /**
   * Records a link found another way (a unique SKU code) as a confirmed ledger entry, so that later
   * runs follow it even after the code changes. Nothing is stored in a dry run.
   */
  void link(String ledgerKey, long id) {
    if (dryRun) {
      return;
    }
    sink.recordInLedger(List.of(LedgerEntry.of(ledger, ledgerKey, clock.instant())));
    sink.confirmInLedger(ledger, ledgerKey, Long.toString(id));
  }
}
