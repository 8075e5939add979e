package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.error.NotFoundException;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.rules.StockBooking;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Receipt booking exactly once over an API whose stock writes are absolute: the ledger-plus-reconcile
 * design both writers share (R-Series {@code ItemShop.qoh}, eCom {@code variant.stockLevel}; neither
 * API has a relative stock change). Each booking is claimed in the sink's ledger under
 * {@link StockBooking#key()}; the level before and the target are stored under {@code key#attempt/n}
 * <i>before</i> the write is sent; after the write the claim is confirmed. A claim left unconfirmed
 * (an unknown outcome, a process killed between write and confirmation) is reconciled by reading the
 * current level: the target means applied (RECOVERED), the level before on an untouched row means not
 * applied (written again), anything else is left to the user (NEEDS_ATTENTION with a connection-log
 * issue). A 422 refusal is not repeated while the record's stamp is the same. The platform side is a
 * {@link StockRow}. Not thread-safe per booking key beyond what the ledger claims guarantee.
 */
public final class ReceiptBooker {
  private static final String ATTEMPT = "#attempt/";
  private static final String REFUSED = "#refused";

  /**
   * The stock figure one booking raises, as one platform reads and writes it.
   *
   * @param request the write in words without values, e.g. {@code PUT Item/12.json ItemShop shop 1}
   * @param field the field written, e.g. {@code qoh} or {@code stockLevel}
   * @param subject what holds the figure, e.g. {@code item 12 in shop 1}
   * @param record the record read and written, e.g. {@code item 12}
   * @param history where the user sees the figure's history, e.g. {@code the item's inventory log}
   * @param refusalRemedy what to do after a 422 refusal that repeats until the record changes
   * @param notFoundRemedy what to do when the record does not exist
   * @param external the ledger's external id of a confirmed booking, before {@code " before->target"}
   * @param read reads the current level
   * @param write sends the absolute target; throws when Lightspeed refused it or the outcome is unknown
   */
  public record StockRow(String request, String field, String subject, String record, String history,
      String refusalRemedy, String notFoundRemedy, String external, Supplier<Level> read, LongConsumer write) {
    String externalId(long before, long target) {
      return external + " " + before + "->" + target;
    }
  }

  /**
   * One read of the figure: its quantity, the stamp of the row that holds it (moves with stock
   * writes) and of the record (for R-Series the Item's timeStamp, which does not move with stock).
   */
  public record Level(long quantity, @Nullable Instant stamp, @Nullable Instant recordStamp) {}

  private final SyncSink sink;
  private final Clock clock;
  private final boolean dryRun;

  public ReceiptBooker(SyncSink sink, Clock clock, boolean dryRun) {
    this.sink = Objects.requireNonNull(sink, "sink == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.dryRun = dryRun;
  }

  /**
   * Why no booking may be written at all: read-only mode ({@code READ_ONLY}) or booking off
   * ({@code BOOKING_DISABLED}, the default); empty when booking may go ahead.
   */
  public static Optional<WriteReport> suppressed(SyncSettings settings, boolean dryRun) {
    if (settings.readOnly()) {
      return Optional.of(WriteReport.suppressed(dryRun, ReasonCode.READ_ONLY, List.of()));
    }
    if (!settings.effectivePurchaseOrders().bookingEnabled()) {
      return Optional.of(WriteReport.suppressed(dryRun, ReasonCode.BOOKING_DISABLED, List.of()));
    }
    return Optional.empty();
  }

  /** Books one receipt line on {@code row}, exactly once; issues for the connection log go to {@code issues}. */
  public WriteAction book(StockBooking b, StockRow row, List<RecordIssue> issues) {
    String key = b.key();
    String request = row.request();
    LedgerClaim claim = LedgerClaim.read(sink, LedgerKind.STOCK_BOOKING, key);
    if (claim.done()) {
      String external = claim.externalId().orElse("");
      return WriteAction.of(Kind.STOCK_BOOKING, key, request + " +" + b.quantity(), Status.ALREADY_DONE,
          "booked before: " + external).withExternalId(external);
    }
    try {
      if (dryRun) {
        Level now = row.read().get();
        return WriteAction.of(Kind.STOCK_BOOKING, key, request + " " + row.field() + " " + now.quantity + " -> "
            + (now.quantity + b.quantity()), Status.PLANNED, claim.earlierAttempt()
                ? "an earlier attempt's outcome is unknown: the real run re-reads the level and decides first" : "");
      }
      claim = claim.claim(clock.instant());
      if (claim.state() == LedgerClaim.State.CLAIMED) {
        return attempt(b, row, 1, "", issues);
      }
      if (claim.done()) {
        return WriteAction.of(Kind.STOCK_BOOKING, key, request + " +" + b.quantity(), Status.ALREADY_DONE,
            "booked concurrently");
      }
      return recover(b, row, issues);
    } catch (NotFoundException e) {
      issues.add(issue(RecordKind.RECEIPT, key, ReasonCode.SKU_NOT_LINKED,
          "Receipt line " + key + " cannot be booked: " + row.record() + " does not exist in Lightspeed",
          row.notFoundRemedy()));
      return WriteAction.of(Kind.STOCK_BOOKING, key, request + " +" + b.quantity(), Status.SKIPPED, describe(e));
    } catch (LightspeedException e) {
      // only reads get here (writes are handled in attempt): nothing was written by this call
      return WriteAction.of(Kind.STOCK_BOOKING, key, request + " +" + b.quantity(), Status.FAILED,
          "could not read the current stock: " + describe(e) + "; nothing written, the next call tries again");
    }
  }

  /**
   * Confirms a booking by hand after the user checked Lightspeed: never written again, its
   * connection-log issue resolved. In read-only mode or a dry run the stored entry is returned unchanged.
   */
  public Optional<LedgerEntry> settleByHand(String bookingKey, String note, boolean readOnly) {
    Objects.requireNonNull(bookingKey, "bookingKey == null");
    Objects.requireNonNull(note, "note == null");
    if (dryRun || readOnly) {
      return sink.ledgerEntry(LedgerKind.STOCK_BOOKING, bookingKey);
    }
    Optional<LedgerEntry> entry = sink.confirmInLedger(LedgerKind.STOCK_BOOKING, bookingKey, "settled by hand: " + note);
    entry.ifPresent(e -> sink.resolveIssues(RecordKind.RECEIPT, bookingKey));
    return entry;
  }

  /** The claim exists but is not confirmed: find the last stored plan and decide from Lightspeed's state. */
  private WriteAction recover(StockBooking b, StockRow row, List<RecordIssue> issues) {
    String key = b.key();
    int n = 0;
    while (sink.ledgerEntry(LedgerKind.STOCK_BOOKING, attemptKey(key, n + 1)).isPresent()) {
      n++;
    }
    Optional<Plan> plan = n == 0 ? Optional.empty()
        : sink.ledgerEntry(LedgerKind.STOCK_BOOKING, attemptKey(key, n)).flatMap(LedgerEntry::externalId).map(Plan::parse);
    boolean refused = n > 0 && sink.ledgerEntry(LedgerKind.STOCK_BOOKING, attemptKey(key, n) + REFUSED).isPresent();
    if (plan.isEmpty()) {
      // the plan is stored before the write is sent: without one, no write of this booking was sent
      return attempt(b, row, n + 1, "no earlier write was sent; ", issues);
    }
    if (refused) {
      Refusal r = Refusal.parse(sink.ledgerEntry(LedgerKind.STOCK_BOOKING, attemptKey(key, n) + REFUSED)
          .flatMap(LedgerEntry::externalId).orElse(""));
      if (r.untilItemChanges()) {
        Level now = row.read().get();
        boolean logged = sink.openIssues(RecordKind.RECEIPT).stream()
            .anyMatch(i -> i.recordId().equals(key) && i.reason() == ReasonCode.WRITE_NOT_POSSIBLE);
        if (logged && Objects.equals(now.recordStamp, r.itemStamp)) {
          // The same write to the same record would be refused again: not sent, nothing added to the
          // ledger, the connection-log entry written at the refusal stays as it is.
          return WriteAction.of(Kind.STOCK_BOOKING, key, row.request() + " +" + b.quantity(), Status.NEEDS_ATTENTION,
              "Lightspeed refused the write (" + r.detail + ") and " + row.record() + " has not changed since:"
                  + " not sent again until it is changed in Lightspeed or its connection-log issue is resolved");
        }
      }
      return attempt(b, row, n + 1, "Lightspeed refused the earlier write; ", issues);
    }
    Plan p = plan.get();
    Level now = row.read().get();
    if (now.quantity == p.target) {
      return confirm(b, row, p, Status.RECOVERED,
          "the earlier write was applied (" + row.field() + " is " + now.quantity + "): confirmed without writing again");
    }
    if (now.quantity == p.before && p.sameRow(now)) {
      return attempt(b, row, n + 1,
          "the earlier write was not applied (" + row.field() + " still " + now.quantity + "): written again; ", issues);
    }
    return attention(b, row, row.request() + " " + row.field() + " " + p.before + " -> " + p.target, p, now, issues);
  }

  private WriteAction attempt(StockBooking b, StockRow row, int n, String why, List<RecordIssue> issues) {
    String key = b.key();
    String field = row.field();
    Level before = row.read().get();
    long target = before.quantity + b.quantity();
    if (target < 0) {
      issues.add(issue(RecordKind.RECEIPT, key, ReasonCode.WRITE_NOT_POSSIBLE,
          "Receipt line " + key + " (+" + b.quantity() + ") cannot be booked: " + row.subject() + " has " + field + " "
              + before.quantity + " and the API cannot set a negative quantity",
          "Correct the stock in Lightspeed (count it), then run the booking again"));
      return WriteAction.of(Kind.STOCK_BOOKING, key, row.request() + " " + field + " " + before.quantity + " -> " + target,
          Status.NEEDS_ATTENTION, "target below zero");
    }
    Plan plan = new Plan(before.quantity, target, before.stamp);
    String attemptKey = attemptKey(key, n);
    if (LedgerClaim.claim(sink, LedgerKind.STOCK_BOOKING, attemptKey, clock.instant()).state()
        != LedgerClaim.State.CLAIMED) {
      return WriteAction.of(Kind.STOCK_BOOKING, key, row.request() + " +" + b.quantity(), Status.PENDING,
          "another writer is booking this receipt line right now; the next call reconciles it");
    }
    // The plan is durable before the write is sent: recovery compares Lightspeed with it.
    sink.confirmInLedger(LedgerKind.STOCK_BOOKING, attemptKey, plan.format());
    String req = row.request() + " " + field + " " + before.quantity + " -> " + target;
    try {
      row.write().accept(target);
    } catch (LightspeedException e) {
      if (!e.requestMayHaveBeenApplied()) {
        Refusal refusal = new Refusal(e.statusCode(), before.recordStamp, describe(e));
        sink.recordInLedger(List.of(LedgerEntry.of(LedgerKind.STOCK_BOOKING, attemptKey + REFUSED, clock.instant())
            .withExternalId(refusal.format())));
        issues.add(issue(RecordKind.RECEIPT, key, ReasonCode.WRITE_NOT_POSSIBLE,
            "Receipt line " + key + " (+" + b.quantity() + " of SKU " + b.skuId() + " at location " + b.locationId()
                + ") is not booked: Lightspeed refused the stock write of " + row.subject() + " (" + describe(e)
                + "); nothing was changed",
            refusal.untilItemChanges() ? row.refusalRemedy() : "Check the message; the next run sends the booking again"));
        return WriteAction.of(Kind.STOCK_BOOKING, key, req, Status.FAILED,
            why + "Lightspeed refused the write: " + describe(e) + "; nothing changed, "
                + (refusal.untilItemChanges() ? "sent again once " + row.record() + " has changed"
                    : "the next call tries again"));
      }
      Level now;
      try {
        now = row.read().get();
      } catch (LightspeedException again) {
        return WriteAction.of(Kind.STOCK_BOOKING, key, req, Status.PENDING, why + "outcome unknown (" + describe(e)
            + ") and the stock could not be re-read; the next call reconciles it");
      }
      if (now.quantity == target) {
        return confirm(b, row, plan, Status.RECOVERED,
            why + "answered " + describe(e) + " but the write was applied (" + field + " is " + now.quantity + "): confirmed");
      }
      if (now.quantity == before.quantity && plan.sameRow(now)) {
        return WriteAction.of(Kind.STOCK_BOOKING, key, req, Status.PENDING, why + "outcome unknown (" + describe(e)
            + "), " + field + " still " + now.quantity + ": the next call writes it again");
      }
      return attention(b, row, req, plan, now, issues);
    }
    return confirm(b, row, plan, Status.DONE, why.isEmpty() ? "" : why.substring(0, why.length() - 2));
  }

  private WriteAction confirm(StockBooking b, StockRow row, Plan p, Status status, String detail) {
    String external = row.externalId(p.before, p.target);
    sink.confirmInLedger(LedgerKind.STOCK_BOOKING, b.key(), external);
    sink.resolveIssues(RecordKind.RECEIPT, b.key());
    return WriteAction.of(Kind.STOCK_BOOKING, b.key(), row.request() + " " + row.field() + " " + p.before + " -> "
        + p.target, status, detail).withExternalId(external);
  }

  private WriteAction attention(StockBooking b, StockRow row, String request, Plan p, Level now,
      List<RecordIssue> issues) {
    String field = row.field();
    issues.add(issue(RecordKind.RECEIPT, b.key(), ReasonCode.WRITE_OUTCOME_UNKNOWN,
        "Receipt line " + b.key() + " (+" + b.quantity() + " of SKU " + b.skuId() + " at location " + b.locationId()
            + ") may or may not be booked: the stock write's outcome was unknown, and Lightspeed now shows " + field + " "
            + now.quantity + ", neither the level before (" + p.before + ") nor the target (" + p.target
            + "); stock also moved for another reason",
        "Check " + row.history() + " in Lightspeed. If the receipt is in it, settle the booking by hand; if not, "
            + "add " + b.quantity() + " units in Lightspeed and then settle it by hand"));
    return WriteAction.of(Kind.STOCK_BOOKING, b.key(), request, Status.NEEDS_ATTENTION,
        field + " is " + now.quantity + ": neither before (" + p.before + ") nor target (" + p.target + "); not guessing");
  }

  /** A connection-log issue stamped with this booker's clock. */
  public RecordIssue issue(RecordKind kind, String id, ReasonCode reason, String problem, String remedy) {
    return RecordIssue.of(kind, id, reason, problem, remedy, clock.instant());
  }

  /** A Lightspeed error in words: {@code HTTP 422: message} or {@code no response}. */
  public static String describe(LightspeedException e) {
    return (e.statusCode() == 0 ? "no response" : "HTTP " + e.statusCode())
        + e.apiMessage().map(m -> ": " + m).orElse("");
  }

  /** A positive id, or null when {@code value} is not one. */
  public static @Nullable Long id(String value) {
    try {
      long id = Long.parseLong(value.trim());
      return id > 0 ? id : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String attemptKey(String key, int n) {
    return key + ATTEMPT + n;
  }

  /** The level before and the target of one booking attempt, stored in the ledger before the write. */
  private record Plan(long before, long target, @Nullable Instant stamp) {
    String format() {
      return "before=" + before + ";target=" + target + ";stamp=" + (stamp == null ? "" : stamp.toString());
    }

    static Plan parse(String s) {
      Map<String, String> f = new HashMap<>();
      for (String part : s.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          f.put(part.substring(0, eq), part.substring(eq + 1));
        }
      }
      String stamp = f.getOrDefault("stamp", "");
      return new Plan(Long.parseLong(f.get("before")), Long.parseLong(f.get("target")),
          stamp.isEmpty() ? null : Instant.parse(stamp));
    }

    /** Whether the row looks untouched since the plan (timestamps compared when both are known). */
    boolean sameRow(Level now) {
      return stamp == null || now.stamp == null || stamp.equals(now.stamp);
    }
  }

  /**
   * Why Lightspeed refused a booking's write, kept in the ledger's refusal marker. A 422 (the record
   * cannot be saved as it is, for example a UPC or EAN shared with another item) is refused again
   * until the record changes, so it is not repeated while the record's stamp is the same.
   */
  private record Refusal(int status, @Nullable Instant itemStamp, String detail) {
    boolean untilItemChanges() {
      return status == 422 && itemStamp != null;
    }

    String format() {
      return "status=" + status + ";itemStamp=" + (itemStamp == null ? "" : itemStamp.toString()) + ";" + detail;
    }

    /** Markers written before the status was kept hold only the detail: retried as before. */
    static Refusal parse(String s) {
      if (!s.startsWith("status=")) {
        return new Refusal(0, null, s);
      }
      String[] parts = s.split(";", 3);
      try {
        int status = Integer.parseInt(parts[0].substring("status=".length()));
        String stamp = parts.length > 1 && parts[1].startsWith("itemStamp=") ? parts[1].substring("itemStamp=".length()) : "";
        return new Refusal(status, stamp.isEmpty() ? null : Instant.parse(stamp), parts.length > 2 ? parts[2] : "");
      } catch (RuntimeException e) {
        return new Refusal(0, null, s);
      }
    }
  }
}
