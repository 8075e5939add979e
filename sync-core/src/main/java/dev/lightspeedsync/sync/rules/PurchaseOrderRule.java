package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.PurchaseOrderStatus;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.ReceiptLine;
import dev.lightspeedsync.sync.model.StockLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Rule 6 (seeds 000, 001): purchase orders kept in the host.
 *
 * <ul>
 *   <li>Lifecycle: {@code OPEN -> PARTIALLY_RECEIVED -> RECEIVED}, or {@code CLOSED} by hand
 *       ({@link #close}); see {@link PurchaseOrder#status()}.
 *   <li>Receipts arrive in parts; {@link #applyReceipt} applies one and returns the new order. The
 *       same receipt id applied twice changes nothing the second time.
 *   <li>Over-receipt follows {@link PurchaseOrderConfig#overReceiptPolicy()}.
 *   <li>With booking enabled (off by default) the outcome carries {@link StockBooking}s whose stable
 *       keys let {@link #unbooked} drop what the ledger already holds, so Lightspeed stock is raised
 *       exactly once even if the process dies between booking and storing the order.
 *   <li>{@link #inventoryPosition}: on hand + open purchase order quantity - backorders.
 * </ul>
 *
 * <p>Pure and stateless: safe to share between threads.
 */
public final class PurchaseOrderRule {
  private final PurchaseOrderConfig config;

  private PurchaseOrderRule(PurchaseOrderConfig config) {
    this.config = config;
  }

  public static PurchaseOrderRule of(PurchaseOrderConfig config) {
    return new PurchaseOrderRule(Objects.requireNonNull(config, "config == null"));
  }

  /** Applies {@code receipt} to {@code order}. Never throws for a bad receipt; see the outcome. */
  public ReceiptOutcome applyReceipt(PurchaseOrder order, Receipt receipt) {
    Objects.requireNonNull(order, "order == null");
    Objects.requireNonNull(receipt, "receipt == null");
    if (!receipt.purchaseOrderId().equals(order.id())) {
      return rejected(order, ReasonCode.PURCHASE_ORDER_MISMATCH, List.of());
    }
    if (order.appliedReceiptIds().contains(receipt.id())) {
      return rejected(order, ReasonCode.RECEIPT_ALREADY_APPLIED, List.of());
    }
    if (order.status() == PurchaseOrderStatus.CLOSED) {
      return rejected(order, ReasonCode.PURCHASE_ORDER_CLOSED, List.of());
    }
    Map<String, Long> received = new LinkedHashMap<>();
    Map<String, PurchaseOrderLine> lines = new LinkedHashMap<>();
    for (PurchaseOrderLine line : order.lines()) {
      lines.put(line.lineId(), line);
      received.put(line.lineId(), line.receivedQuantity());
    }
    Map<String, Long> booked = new LinkedHashMap<>();
    List<Exclusion> notes = new ArrayList<>();
    for (ReceiptLine r : receipt.lines()) {
      String noteId = receipt.id() + "/" + r.purchaseOrderLineId();
      PurchaseOrderLine line = lines.get(r.purchaseOrderLineId());
      if (line == null) {
        return rejected(order, ReasonCode.RECEIPT_LINE_UNKNOWN,
            List.of(new Exclusion(noteId, ReasonCode.RECEIPT_LINE_UNKNOWN)));
      }
      long sofar = received.get(line.lineId());
      long outstanding = Math.max(0, line.orderedQuantity() - sofar);
      long take = r.quantity();
      if (take > outstanding) {
        switch (config.overReceiptPolicy()) {
          case REJECT:
            notes.add(new Exclusion(noteId, ReasonCode.OVER_RECEIPT_REJECTED));
            continue;
          case CAP:
            notes.add(new Exclusion(noteId, ReasonCode.OVER_RECEIPT_CAPPED));
            take = outstanding;
            break;
          case ACCEPT:
            notes.add(new Exclusion(noteId, ReasonCode.OVER_RECEIPT_ACCEPTED));
            break;
          default:
            throw new AssertionError(config.overReceiptPolicy());
        }
      }
      received.put(line.lineId(), sofar + take);
      if (take > 0) {
        booked.merge(line.lineId(), take, Long::sum);
      }
    }
    if (config.overReceiptPolicy() == OverReceiptPolicy.REJECT && !notes.isEmpty()) {
      return rejected(order, ReasonCode.OVER_RECEIPT_REJECTED, notes);
    }
    List<PurchaseOrderLine> newLines = new ArrayList<>(order.lines().size());
    for (PurchaseOrderLine line : order.lines()) {
      long r = received.get(line.lineId());
      newLines.add(r == line.receivedQuantity() ? line : line.withReceivedQuantity(r));
    }
    PurchaseOrder updated = PurchaseOrder.builder().from(order).lines(newLines)
        .addAppliedReceiptIds(receipt.id()).build();
    ImmutableReceiptOutcome.Builder out = ImmutableReceiptOutcome.builder().purchaseOrder(updated)
        .applied(true).notes(notes);
    if (!config.bookingEnabled()) {
      return out.bookingSkippedBecause(ReasonCode.BOOKING_DISABLED).build();
    }
    for (Map.Entry<String, Long> b : booked.entrySet()) {
      PurchaseOrderLine line = lines.get(b.getKey());
      out.addBookings(ImmutableStockBooking.builder().purchaseOrderId(order.id())
          .receiptId(receipt.id()).purchaseOrderLineId(line.lineId()).skuId(line.skuId())
          .locationId(order.locationId()).quantity(b.getValue()).build());
    }
    return out.build();
  }

  private static ReceiptOutcome rejected(PurchaseOrder order, ReasonCode reason,
      List<Exclusion> notes) {
    return ImmutableReceiptOutcome.builder().purchaseOrder(order).applied(false)
        .rejectedBecause(reason).notes(notes).build();
  }

  /** Closes the order by hand: outstanding quantities no longer count as on order. */
  public static PurchaseOrder close(PurchaseOrder order) {
    return Objects.requireNonNull(order, "order == null").withClosedManually(true);
  }

  /**
   * Drops bookings whose key the ledger already holds ({@code ALREADY_IN_LEDGER}); what remains must
   * be booked. Pass {@code key -> sink.ledgerEntry(LedgerKind.STOCK_BOOKING, key).map(LedgerEntry::confirmed).orElse(false)}: a claimed but unconfirmed entry is a write whose outcome is unknown, which the writer must reconcile, not skip.
   */
  public static Selection<StockBooking> unbooked(List<StockBooking> bookings,
      Predicate<String> alreadyInLedger) {
    Objects.requireNonNull(bookings, "bookings == null");
    Objects.requireNonNull(alreadyInLedger, "alreadyInLedger == null");
    Selection.Collector<StockBooking> out = new Selection.Collector<>(bookings.size(),
        StockBooking::key);
    for (StockBooking b : bookings) {
      if (alreadyInLedger.test(b.key())) {
        out.exclude(b, ReasonCode.ALREADY_IN_LEDGER);
      } else {
        out.keep(b);
      }
    }
    return out.build();
  }

  /**
   * Inventory position per SKU: on hand + open purchase order quantity - backorders (seed 000: keep it
   * up to date through receipts, or the order advice goes wrong). Pass the stock of the selected
   * locations; closed and fully received orders add nothing. Sorted by SKU id.
   */
  public static Map<String, Long> inventoryPosition(List<StockLevel> stock,
      List<PurchaseOrder> orders) {
    Objects.requireNonNull(stock, "stock == null");
    Objects.requireNonNull(orders, "orders == null");
    Map<String, Long> position = new TreeMap<>();
    for (StockLevel s : stock) {
      position.merge(s.skuId(), s.onHand() - s.backorder(), Long::sum);
    }
    for (PurchaseOrder po : orders) {
      if (po.status() == PurchaseOrderStatus.CLOSED) {
        continue;
      }
      for (PurchaseOrderLine line : po.lines()) {
        long open = line.outstandingQuantity();
        if (open > 0) {
          position.merge(line.skuId(), open, Long::sum);
        }
      }
    }
    return Collections.unmodifiableMap(position);
  }
}
