package dev.lightspeedsync.sync.lightspeed.xseries;

import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.client.xseries.model.Consignment;
import dev.lightspeedsync.client.xseries.model.ConsignmentProduct;
import dev.lightspeedsync.client.xseries.model.ConsignmentStatus;
import dev.lightspeedsync.client.xseries.write.ConsignmentLine;
import dev.lightspeedsync.client.xseries.write.NewConsignment;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.internal.ReceiptBooker;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host buy orders exported as X-Series SUPPLIER consignments in status OPEN (see
 * {@link XSeriesWriter#exportBuyOrders}). An OPEN supplier consignment is an order not yet sent:
 * it books no stock, so the consignment is found again by its {@code reference} (the buy order's
 * id) before anything is created, and only the products it lacks are added: a rerun after any
 * failure creates nothing twice.
 */
final class BuyOrderExport {
  private final XSeriesClient client;
  private final SyncSink sink;
  private final Clock clock;
  private final boolean dryRun;

  BuyOrderExport(XSeriesClient client, SyncSink sink, Clock clock, boolean dryRun) {
    this.client = client;
    this.sink = sink;
    this.clock = clock;
    this.dryRun = dryRun;
  }

  void run(List<PurchaseOrder> orders, Location outlet, List<WriteAction> actions, List<RecordIssue> issues) {
    Map<String, Consignment> earlier;
    try {
      earlier = ConsignmentReceipts.byReference(client, outlet.id());
    } catch (LightspeedException e) {
      for (PurchaseOrder po : orders) {
        actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), "POST consignments", Status.FAILED,
            "could not look up earlier exports: " + ReceiptBooker.describe(e) + "; nothing created"));
      }
      return;
    }
    for (PurchaseOrder po : orders) {
      actions.addAll(export(po, outlet, earlier.get(po.id()), issues));
    }
  }

  private List<WriteAction> export(PurchaseOrder po, Location outlet, Consignment existing,
      List<RecordIssue> issues) {
    Map<String, Long> units = new LinkedHashMap<>();
    for (PurchaseOrderLine line : po.lines()) {
      units.merge(line.skuId(), line.orderedQuantity(), Long::sum);
    }
    String request = "POST consignments SUPPLIER OPEN outlet " + outlet.id() + " ('" + outlet.code() + "')"
        + po.supplierId().map(s -> " supplier " + s).orElse("") + " reference '" + po.id() + "'";
    List<WriteAction> actions = new ArrayList<>();
    String consignmentId;
    Map<String, ConsignmentProduct> present = new HashMap<>();
    try {
      if (existing != null && existing.status() == ConsignmentStatus.CANCELLED) {
        issues.add(issue(po.id(), "Buy order " + po.id() + " is not exported again: its consignment " + existing.id()
            + " was cancelled in Lightspeed", "Reopen or recreate it in Lightspeed, or give the host order a new id"));
        actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), request, Status.NEEDS_ATTENTION, "consignment "
            + existing.id() + " is CANCELLED: not created again").withExternalId(existing.id()));
        return actions;
      }
      if (existing != null) {
        consignmentId = existing.id();
        actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), request, Status.ALREADY_DONE, "found by reference ("
            + existing.statusRaw().orElse("") + ")").withExternalId(consignmentId));
        client.consignmentProducts(consignmentId).list().stream().filter(l -> !l.deleted())
            .forEach(l -> l.productId().ifPresent(p -> present.putIfAbsent(p, l)));
      } else if (dryRun) {
        consignmentId = null;
        actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), request, Status.PLANNED, ""));
      } else {
        String recovered = null;
        try {
          consignmentId = client.createConsignment(NewConsignment.builder().outletId(outlet.id())
              .supplierId(po.supplierId()).reference(po.id()).name("Buy order " + po.id()).build()).id();
        } catch (LightspeedException e) {
          if (!e.requestMayHaveBeenApplied()) {
            issues.add(issue(po.id(), "Buy order " + po.id() + " is not in Lightspeed: it refused the consignment ("
                + ReceiptBooker.describe(e) + ")", "Check the outlet and the supplier (an X-Series supplier id);"
                + " the next run tries again"));
            actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), request, Status.FAILED,
                ReceiptBooker.describe(e) + "; the next run tries again"));
            return actions;
          }
          Consignment found = ConsignmentReceipts.byReference(client, outlet.id()).get(po.id()); // applied or not: read, never resend blind
          if (found == null) {
            actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), request, Status.PENDING, "outcome unknown ("
                + ReceiptBooker.describe(e) + ") and no consignment with reference '" + po.id() + "' found yet: the"
                + " next run looks again before creating one"));
            return actions;
          }
          consignmentId = found.id();
          recovered = "the create answered " + ReceiptBooker.describe(e) + " but consignment " + found.id() + " exists";
        }
        actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), request, recovered == null ? Status.DONE : Status.RECOVERED,
            recovered == null ? "" : recovered).withExternalId(consignmentId));
      }
      Map<String, Sku> skus = sink.findSkus(new ArrayList<>(units.keySet()));
      for (Map.Entry<String, Long> e : units.entrySet()) {
        String lineKey = po.id() + "/product/" + e.getKey();
        String lineRequest = "POST consignments/" + (consignmentId == null ? "(new)" : consignmentId)
            + "/products product " + e.getKey() + " count " + e.getValue();
        ConsignmentProduct line = present.get(e.getKey());
        if (line != null) {
          actions.add(WriteAction.of(Kind.BUY_ORDER_LINE, lineKey, lineRequest, Status.ALREADY_DONE,
              line.count().map(c -> "count " + c.stripTrailingZeros().toPlainString()).orElse(""))
              .withExternalId(consignmentId));
          continue;
        }
        if (existing != null && existing.status() != ConsignmentStatus.OPEN && existing.status() != ConsignmentStatus.SENT) {
          // a dispatched or received order is the supplier's answer: adding to it would book goods nobody sent
          issues.add(issue(po.id(), "Product " + e.getKey() + " of buy order " + po.id() + " is not on its consignment "
              + existing.id() + ", which is " + existing.statusRaw().orElse("") + " in Lightspeed already",
              "Order the product on a new buy order"));
          actions.add(WriteAction.of(Kind.BUY_ORDER_LINE, lineKey, lineRequest, Status.NEEDS_ATTENTION,
              "consignment " + existing.id() + " is " + existing.statusRaw().orElse("") + ": not changed")
              .withExternalId(existing.id()));
          continue;
        }
        if (consignmentId == null || dryRun) {
          actions.add(WriteAction.of(Kind.BUY_ORDER_LINE, lineKey, lineRequest, Status.PLANNED, ""));
          continue;
        }
        ConsignmentLine.Builder add = ConsignmentLine.builder().productId(e.getKey())
            .count(BigDecimal.valueOf(e.getValue()));
        Optional.ofNullable(skus.get(e.getKey())).flatMap(Sku::purchasePrice).filter(p -> p.signum() >= 0)
            .ifPresent(add::cost);
        try {
          client.addConsignmentProduct(consignmentId, add.build());
          actions.add(WriteAction.of(Kind.BUY_ORDER_LINE, lineKey, lineRequest, Status.DONE, "")
              .withExternalId(consignmentId));
        } catch (LightspeedException ex) {
          if (!ex.requestMayHaveBeenApplied()) {
            issues.add(issue(po.id(), "Product " + e.getKey() + " of buy order " + po.id() + " is not on its consignment "
                + consignmentId + ": Lightspeed refused it (" + ReceiptBooker.describe(ex) + ")",
                "Check the product (an X-Series product id; a composite cannot be on a supplier order); the next run"
                    + " adds only the products the consignment lacks"));
          }
          actions.add(WriteAction.of(Kind.BUY_ORDER_LINE, lineKey, lineRequest,
              ex.requestMayHaveBeenApplied() ? Status.PENDING : Status.FAILED,
              ReceiptBooker.describe(ex) + "; the next run adds only the products the consignment lacks")
              .withExternalId(consignmentId));
          return actions;
        }
      }
    } catch (LightspeedException e) {
      actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), request, Status.FAILED, "could not read consignment "
          + (existing == null ? "" : existing.id() + " ") + "lines: " + ReceiptBooker.describe(e)
          + "; the next run tries again"));
    }
    return actions;
  }

  private RecordIssue issue(String key, String problem, String remedy) {
    return RecordIssue.of(RecordKind.PURCHASE_ORDER, key, ReasonCode.WRITE_NOT_POSSIBLE, problem, remedy,
        clock.instant());
  }
}
