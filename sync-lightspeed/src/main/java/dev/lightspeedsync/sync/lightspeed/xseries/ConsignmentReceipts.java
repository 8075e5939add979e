package dev.lightspeedsync.sync.lightspeed.xseries;

import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.client.xseries.model.Consignment;
import dev.lightspeedsync.client.xseries.model.ConsignmentProduct;
import dev.lightspeedsync.client.xseries.model.ConsignmentStatus;
import dev.lightspeedsync.client.xseries.model.ConsignmentType;
import dev.lightspeedsync.client.xseries.query.XSeriesQuery;
import dev.lightspeedsync.client.xseries.write.ConsignmentLine;
import dev.lightspeedsync.client.xseries.write.NewConsignment;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.internal.LedgerClaim;
import dev.lightspeedsync.sync.lightspeed.internal.ReceiptBooker;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One host receipt received as one X-Series SUPPLIER consignment, exactly once (see
 * {@link XSeriesWriter#receiveConsignments}). Unlike R-Series and eCom stock writes, receiving a
 * consignment raises stock <i>relatively</i>: a second consignment would book the goods twice. So the
 * consignment itself is the unit made idempotent: it carries a {@code reference} derived from the
 * receipt, its id is kept in the ledger as soon as it is known, its lines are written as absolute
 * {@code received} quantities (re-read before any change), and RECEIVED is set once and read back.
 */
final class ConsignmentReceipts {
  /** Ledger key prefix; {@code StockBooking.key()} starts with {@code receipt/}, so the two never meet. */
  static final String PREFIX = "consignment/";
  private static final String CREATED = "#consignment";

  /** One receipt to receive: its ledger key, reference, outlet, supplier and units per product. */
  record Receipt(String purchaseOrderId, String receiptId, String outletId, @Nullable String supplierId,
      Map<String, Long> units) {
    String key() {
      return PREFIX + purchaseOrderId + "/" + receiptId;
    }

    /** The order number the consignment shows in Lightspeed, and by which an earlier attempt is found. */
    String reference() {
      return purchaseOrderId + "/" + receiptId;
    }
  }

  private final XSeriesClient client;
  private final SyncSink sink;
  private final Clock clock;
  private final boolean dryRun;

  ConsignmentReceipts(XSeriesClient client, SyncSink sink, Clock clock, boolean dryRun) {
    this.client = client;
    this.sink = sink;
    this.clock = clock;
    this.dryRun = dryRun;
  }

  WriteAction receive(Receipt r, List<RecordIssue> issues) {
    String key = r.key();
    String request = "POST consignments SUPPLIER outlet " + r.outletId()
        + (r.supplierId() == null ? "" : " supplier " + r.supplierId()) + " reference '" + r.reference() + "', "
        + r.units().entrySet().stream().map(e -> e.getKey() + " received " + e.getValue())
            .collect(Collectors.joining(", ", "products [", "]"))
        + ", then status RECEIVED";
    LedgerClaim claim = LedgerClaim.read(sink, LedgerKind.STOCK_BOOKING, key);
    if (claim.done()) {
      String id = claim.externalId().orElse("");
      return WriteAction.of(Kind.CONSIGNMENT_RECEIPT, key, request, Status.ALREADY_DONE, "received before as consignment "
          + id).withExternalId(id);
    }
    try {
      if (dryRun) {
        Optional<Consignment> earlier = claim.earlierAttempt() ? find(r) : Optional.empty();
        return WriteAction.of(Kind.CONSIGNMENT_RECEIPT, key, request, Status.PLANNED, earlier
            .map(c -> "an earlier attempt created consignment " + c.id() + " (" + c.statusRaw().orElse("") + "): the real"
                + " run completes it instead of creating another")
            .orElse(claim.earlierAttempt() ? "an earlier attempt's outcome is unknown and no consignment with this reference"
                + " exists: the real run creates it" : ""));
      }
      claim = claim.claim(clock.instant());
      if (claim.done()) {
        return WriteAction.of(Kind.CONSIGNMENT_RECEIPT, key, request, Status.ALREADY_DONE, "received concurrently");
      }
      Optional<Consignment> consignment = claim.earlierAttempt() ? earlier(r) : Optional.empty();
      String why = consignment.map(c -> "an earlier attempt had created consignment " + c.id() + "; ").orElse("");
      if (consignment.isEmpty()) {
        try {
          Consignment created = client.createConsignment(NewConsignment.builder().outletId(r.outletId())
              .supplierId(Optional.ofNullable(r.supplierId())).status("SENT").reference(r.reference())
              .name("Receipt " + r.receiptId() + " of purchase order " + r.purchaseOrderId()).build());
          consignment = Optional.of(created);
        } catch (LightspeedException e) {
          if (!e.requestMayHaveBeenApplied()) {
            return refused(r, request, "creating the consignment", e, issues);
          }
          consignment = find(r);
          if (consignment.isEmpty()) {
            return WriteAction.of(Kind.CONSIGNMENT_RECEIPT, key, request, Status.PENDING, "outcome unknown ("
                + ReceiptBooker.describe(e) + ") and no consignment with reference '" + r.reference()
                + "' found yet: the next call searches again before creating one");
          }
          why = "the create answered " + ReceiptBooker.describe(e) + " but consignment " + consignment.get().id()
              + " exists; ";
        }
        remember(key, consignment.get().id());
      }
      return complete(r, consignment.get(), request, why, issues);
    } catch (LightspeedException e) {
      return WriteAction.of(Kind.CONSIGNMENT_RECEIPT, key, request, Status.FAILED, "could not read Lightspeed: "
          + ReceiptBooker.describe(e) + "; the next call tries again");
    }
  }

  /** The consignment of an earlier attempt: by the id kept in the ledger, else by its reference. */
  private Optional<Consignment> earlier(Receipt r) {
    Optional<String> id = sink.ledgerEntry(LedgerKind.STOCK_BOOKING, r.key() + CREATED).flatMap(LedgerEntry::externalId);
    if (id.isPresent()) {
      return Optional.of(client.consignments().get(id.get()));
    }
    Optional<Consignment> found = find(r);
    found.ifPresent(c -> remember(r.key(), c.id()));
    return found;
  }

  /** Keeps the consignment's id in the ledger, so that a restart continues with it. */
  private void remember(String key, String consignmentId) {
    LedgerClaim.record(sink, LedgerKind.STOCK_BOOKING, key + CREATED, clock.instant(), consignmentId);
  }

  /** The live SUPPLIER consignment of this outlet whose reference is the receipt's. */
  private Optional<Consignment> find(Receipt r) {
    return Optional.ofNullable(byReference(client, r.outletId()).get(r.reference()));
  }

  /**
   * The SUPPLIER consignments of an outlet that are not deleted (cancelled ones included), by
   * reference, the latest when several share one. The filters narrow the walk; they are checked here
   * too, so that a server ignoring one never links another outlet's consignment.
   */
  static java.util.Map<String, Consignment> byReference(XSeriesClient client, String outletId) {
    XSeriesQuery q = XSeriesQuery.builder().filter("type", "SUPPLIER").filter("outlet_id", outletId).build();
    java.util.Map<String, Consignment> out = new HashMap<>();
    for (Consignment c : client.consignments().list(q)) {
      if (!c.deleted() && c.type() == ConsignmentType.SUPPLIER && outletId.equals(c.outletId().orElse(null))) {
        c.reference().ifPresent(ref -> out.put(ref, c));
      }
    }
    return out;
  }

  /** Lines with their received quantities (only what differs), then RECEIVED, then the ledger. */
  private WriteAction complete(Receipt r, Consignment c, String request, String why, List<RecordIssue> issues) {
    String key = r.key();
    if (c.status() == ConsignmentStatus.RECEIVED) {
      return confirm(r, c, request, why.isEmpty() ? Status.DONE : Status.RECOVERED, why + "already RECEIVED: confirmed");
    }
    if (c.status() == ConsignmentStatus.CANCELLED || c.deleted()) {
      issues.add(issue(key, ReasonCode.WRITE_NOT_POSSIBLE, "Receipt " + r.receiptId() + " of purchase order "
              + r.purchaseOrderId() + " is not received in Lightspeed: its consignment " + c.id() + " was "
              + (c.deleted() ? "deleted" : "cancelled") + " there, so its goods were not booked",
          "Receive the goods in Lightspeed by hand, or delete the ledger entry " + key + " to let a new consignment be"
              + " created"));
      return WriteAction.of(Kind.CONSIGNMENT_RECEIPT, key, request, Status.NEEDS_ATTENTION,
          "consignment " + c.id() + " is " + (c.deleted() ? "deleted" : "CANCELLED") + ": not guessing")
          .withExternalId(c.id());
    }
    Map<String, ConsignmentProduct> lines = new HashMap<>();
    client.consignmentProducts(c.id()).list().stream().filter(l -> !l.deleted())
        .forEach(l -> l.productId().ifPresent(p -> lines.put(p, l)));
    Map<String, Sku> skus = sink.findSkus(new ArrayList<>(r.units().keySet()));
    int written = 0;
    for (Map.Entry<String, Long> e : r.units().entrySet()) {
      BigDecimal units = BigDecimal.valueOf(e.getValue());
      ConsignmentProduct line = lines.get(e.getKey());
      try {
        if (line == null) {
          ConsignmentLine.Builder add = ConsignmentLine.builder().productId(e.getKey()).count(units).received(units);
          Optional.ofNullable(skus.get(e.getKey())).flatMap(Sku::purchasePrice).filter(p -> p.signum() >= 0)
              .ifPresent(add::cost);
          client.addConsignmentProduct(c.id(), add.build());
          written++;
        } else if (line.received().map(v -> v.compareTo(units) != 0).orElse(true)) {
          client.receiveConsignmentProduct(c.id(), e.getKey(), units);
          written++;
        }
      } catch (LightspeedException ex) {
        if (!ex.requestMayHaveBeenApplied()) {
          return refused(r, request, "adding product " + e.getKey() + " to consignment " + c.id(), ex, issues)
              .withExternalId(c.id());
        }
        return WriteAction.of(Kind.CONSIGNMENT_RECEIPT, key, request, Status.PENDING, why + "the write of product "
            + e.getKey() + " had an unknown outcome (" + ReceiptBooker.describe(ex) + "): the next call re-reads the"
            + " consignment's lines and writes only what differs").withExternalId(c.id());
      }
    }
    try {
      client.setConsignmentStatus(c.id(), ConsignmentStatus.RECEIVED);
    } catch (LightspeedException ex) {
      if (!ex.requestMayHaveBeenApplied()) {
        return refused(r, request, "receiving consignment " + c.id(), ex, issues).withExternalId(c.id());
      }
      Optional<Consignment> now;
      try {
        now = Optional.of(client.consignments().get(c.id()));
      } catch (LightspeedException again) {
        now = Optional.empty();
      }
      if (now.isPresent() && now.get().status() == ConsignmentStatus.RECEIVED) {
        return confirm(r, now.get(), request, Status.RECOVERED, why + "RECEIVED answered " + ReceiptBooker.describe(ex)
            + " but was applied: confirmed, not sent again");
      }
      return WriteAction.of(Kind.CONSIGNMENT_RECEIPT, key, request, Status.PENDING, why + "RECEIVED had an unknown"
          + " outcome (" + ReceiptBooker.describe(ex) + "): the next call reads the consignment and receives it only"
          + " if it is not RECEIVED").withExternalId(c.id());
    }
    return confirm(r, c, request, why.isEmpty() ? Status.DONE : Status.RECOVERED,
        why + written + " line write(s), then RECEIVED");
  }

  private WriteAction confirm(Receipt r, Consignment c, String request, Status status, String detail) {
    sink.confirmInLedger(LedgerKind.STOCK_BOOKING, r.key(), c.id());
    sink.resolveIssues(RecordKind.RECEIPT, r.key());
    return WriteAction.of(Kind.CONSIGNMENT_RECEIPT, r.key(), request, status, detail).withExternalId(c.id());
  }

  /** Lightspeed refused a step (4xx): nothing of it applied; logged, and the next call tries again. */
  private WriteAction refused(Receipt r, String request, String step, LightspeedException e, List<RecordIssue> issues) {
    issues.add(issue(r.key(), ReasonCode.WRITE_NOT_POSSIBLE, "Receipt " + r.receiptId() + " of purchase order "
            + r.purchaseOrderId() + " is not received in Lightspeed: it refused " + step + " ("
            + ReceiptBooker.describe(e) + ")",
        "Check the message (an unknown outlet, supplier or product, or a composite product, which a supplier"
            + " consignment cannot hold); the next call tries again"));
    return WriteAction.of(Kind.CONSIGNMENT_RECEIPT, r.key(), request, Status.FAILED, "Lightspeed refused " + step + ": "
        + ReceiptBooker.describe(e) + "; the next call tries again");
  }

  private RecordIssue issue(String key, ReasonCode reason, String problem, String remedy) {
    return RecordIssue.of(RecordKind.RECEIPT, key, reason, problem, remedy, clock.instant());
  }
}
