package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.internal.BuyOrderLocation;
import dev.lightspeedsync.sync.lightspeed.internal.Pushes;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.ItemShop;
import dev.lightspeedsync.client.retail.model.Order;
import dev.lightspeedsync.client.retail.model.OrderLine;
import dev.lightspeedsync.client.retail.model.PaymentType;
import dev.lightspeedsync.client.retail.model.Sale;
import dev.lightspeedsync.client.retail.query.Archived;
import dev.lightspeedsync.client.retail.query.Filter;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import dev.lightspeedsync.client.retail.write.ItemShopQuantity;
import dev.lightspeedsync.client.retail.write.NewOrder;
import dev.lightspeedsync.client.retail.write.NewOrderLine;
import dev.lightspeedsync.client.retail.write.NewSale;
import dev.lightspeedsync.client.retail.write.NewSaleLine;
import dev.lightspeedsync.client.retail.write.NewSalePayment;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.SyncException;
import dev.lightspeedsync.sync.lightspeed.internal.CreateOnce;
import dev.lightspeedsync.sync.lightspeed.internal.ReceiptBooker;
import dev.lightspeedsync.sync.lightspeed.internal.Reports;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.HostOrder;
import dev.lightspeedsync.sync.model.HostOrderLine;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.ExportPlan;
import dev.lightspeedsync.sync.rules.OrderExport;
import dev.lightspeedsync.sync.rules.OrderExportConfig;
import dev.lightspeedsync.sync.rules.OrderExportRule;
import dev.lightspeedsync.sync.rules.PushPlan;
import dev.lightspeedsync.sync.rules.StockBooking;
import dev.lightspeedsync.sync.rules.StockPush;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes from the host to one R-Series account: stock push, receipt booking, order export as
 * completed sales, buy orders, and product and customer export. Every write is off by default and refused in read-only mode
 * ({@link SyncSettings#readOnly()}): the report then says why ({@link WriteReport#suppressedBecause()})
 * and no request is sent. With {@link Builder#dryRun(boolean) dryRun} every write path reads what it
 * needs (current stock, earlier exports) and returns the writes it would send, without sending any
 * and without touching the sink.
 *
 * <p><b>Receipt booking, exactly once, with absolute writes.</b> R-Series stock writes set the
 * quantity on hand ({@code qoh}) absolutely and are not idempotent as increments. Each
 * {@link StockBooking} is therefore:
 *
 * <ol>
 *   <li>claimed in the sink's export ledger under {@link StockBooking#key()} (a second claim is
 *       refused, so a booking is attempted by one caller);
 *   <li>planned: the current level is read, and the level before and the target (before + received)
 *       are stored in the ledger under {@code key#attempt/n} <i>before</i> the write is sent;
 *   <li>written (the absolute target), then confirmed in the ledger.
 * </ol>
 *
 * <p>When the outcome is unknown (a 5xx or a lost connection after sending, or a process killed
 * between the write and the confirmation) the claim stays unconfirmed and the booking is reconciled,
 * at once and again on every later call with the same booking, by re-reading the level:
 *
 * <table>
 *   <caption>Recovery of a booking whose write outcome is unknown</caption>
 *   <tr><th>Lightspeed now</th><th>decision</th><th>status</th></tr>
 *   <tr><td>qoh = target</td><td>the write was applied: confirm, do not write</td><td>RECOVERED</td></tr>
 *   <tr><td>qoh = level before, row unchanged since</td><td>not applied: write again (next call)</td>
 *       <td>PENDING, then DONE</td></tr>
 *   <tr><td>anything else</td><td>do not guess: connection-log issue, nothing written</td>
 *       <td>NEEDS_ATTENTION</td></tr>
 *   <tr><td>no plan stored</td><td>no write was sent yet: plan and write</td><td>DONE</td></tr>
 *   <tr><td>Lightspeed refused the last write (4xx)</td><td>nothing applied: plan and write again</td>
 *       <td>DONE</td></tr>
 *   <tr><td>refused with 422 (e.g. a UPC/EAN another item shares), item unchanged since</td>
 *       <td>not sent again, nothing added to the ledger; the refusal is in the connection log once</td>
 *       <td>NEEDS_ATTENTION</td></tr>
 * </table>
 *
 * <p>A booking left in NEEDS_ATTENTION is settled by the user: either set the stock in Lightspeed to
 * the target named in the issue (the next call confirms it), or call {@link #settleBookingByHand}.
 * Stock changed by a sale between the read and the write is overwritten by the absolute write;
 * R-Series has no conditional write, so keep the read-to-write window short (one item at a time).
 *
 * <p><b>Order export, exactly once.</b> The host order id is claimed in the ledger
 * ({@link LedgerKind#ORDER_EXPORT}) and sent as the sale's {@code referenceNumber}. A claimed but
 * unconfirmed export is never posted again blindly: Sales are searched by {@code referenceNumber}
 * first; a found sale is confirmed (RECOVERED), only a missing one is posted again, and several are
 * never guessed between (NEEDS_ATTENTION). With {@link Builder#completeAtLightspeedTotal(boolean)} the
 * sale is posted open and completed with a payment of Lightspeed's total ({@code PUT Sale}); the order is
 * confirmed in the ledger only once the sale is completed, so an open sale found on a later run (after a
 * 5xx, a dropped connection or a restart between the two steps) is completed, not created again. A
 * completing PUT whose outcome is unknown is settled by reading the sale, never by sending it again.
 *
 * <p><b>Buy orders.</b> A host purchase order becomes an R-Series Order at the default location
 * (resolved exactly and case-sensitively; a mismatch fails with the near match named before any
 * write), with {@code refNum} = the host purchase order id, then one OrderLine per item. A rerun finds
 * the Order by {@code refNum} and adds only missing lines, so a failed or interrupted export is
 * completed rather than duplicated.
 *
 * <p><b>Stock push.</b> The values of a sync-core {@link PushPlan} (only those changed since the last
 * push) are written as absolute quantities, one {@code PUT Item} per item with all its locations,
 * paced by the client's rate limiter. Repeating an absolute value is harmless, so a failed push is
 * simply left out of {@link WriteReport#pushedValues()} and planned again next time.
 *
 * <p>Thread-safe. Calls for the same account are serialised per JVM: a second concurrent call fails
 * with a {@link SyncException}. Across nodes, let one node write per account.
 */
public final class RetailWriter {
  private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

  private final RetailClient client;
  private final SyncSink sink;
  private final SyncSettings settings;
  private final Clock clock;
  private final boolean dryRun;
  private final boolean buyOrders;
  private final boolean customers;
  private final @Nullable Long salePaymentTypeId;
  private final @Nullable String salePaymentTypeName;
  private final boolean twoStep;
  private final String referenceSource;
  private final ReceiptBooker booker;

  private RetailWriter(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client is required");
    this.sink = Objects.requireNonNull(b.sink, "sink is required");
    this.settings = b.settings;
    this.clock = b.clock;
    this.dryRun = b.dryRun;
    this.buyOrders = b.buyOrders;
    this.customers = b.customers;
    this.salePaymentTypeId = b.salePaymentTypeId;
    this.salePaymentTypeName = b.salePaymentTypeName;
    this.twoStep = b.twoStep;
    this.referenceSource = b.referenceSource;
    this.booker = new ReceiptBooker(sink, clock, dryRun);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether this writer only plans. */
  public boolean dryRun() {
    return dryRun;
  }

  // Stock push -------------------------------------------------------------------------------------

  /**
   * Writes the values of a push plan as absolute quantities on hand. Refused in read-only mode
   * ({@code READ_ONLY}) and when {@code AvailabilityConfig.pushStock} is off ({@code PUSH_DISABLED},
   * the default). A negative available value is written as 0 (the API cannot set negative stock).
   */
  public WriteReport pushStock(PushPlan plan) {
    Objects.requireNonNull(plan, "plan == null");
    return exclusive(() -> {
      Optional<WriteReport> none = Pushes.suppressed(settings, plan, dryRun);
      if (none.isPresent()) {
        return none.get();
      }
      List<WriteAction> actions = new ArrayList<>();
      List<RecordIssue> issues = new ArrayList<>();
      Map<String, Long> pushed = new LinkedHashMap<>();
      Map<String, List<StockPush>> byItem = new LinkedHashMap<>();
      for (StockPush p : plan.pushes()) {
        byItem.computeIfAbsent(p.skuId(), k -> new ArrayList<>()).add(p);
      }
      for (Map.Entry<String, List<StockPush>> e : byItem.entrySet()) {
        Long itemId = id(e.getKey());
        List<ItemShopQuantity> rows = new ArrayList<>();
        List<WriteAction> planned = new ArrayList<>();
        for (StockPush p : e.getValue()) {
          Long shopId = id(p.locationId());
          if (itemId == null || shopId == null) {
            issues.add(issue(RecordKind.STOCK, p.key(), ReasonCode.SKU_NOT_LINKED,
                "Stock of " + p.key() + " cannot be pushed: SKU id and location id must be an R-Series itemID and shopID",
                "Link the SKU to a Lightspeed item and the location to a shop"));
            actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), "PUT Item qoh " + p.available(), Status.SKIPPED,
                "not an R-Series item/shop id"));
            continue;
          }
          long qoh = Math.max(0, p.available());
          rows.add(ItemShopQuantity.of(shopId, BigDecimal.valueOf(qoh)));
          String previous = p.previous().isPresent() ? p.previous().getAsLong() + " -> " : "";
          planned.add(WriteAction.of(Kind.STOCK_PUSH, p.key(),
              "PUT Item/" + itemId + ".json ItemShop shop " + shopId + " qoh " + previous + qoh, Status.PLANNED,
              p.available() < 0 ? "available " + p.available() + " written as 0: qoh cannot be set negative" : ""));
        }
        if (rows.isEmpty()) {
          continue;
        }
        if (dryRun) {
          actions.addAll(planned);
          continue;
        }
        Status status;
        String detail;
        try {
          client.setQuantitiesOnHand(itemId, rows);
          status = Status.DONE;
          detail = "";
          for (StockPush p : e.getValue()) {
            pushed.put(p.key(), p.available());
          }
        } catch (LightspeedException ex) {
          status = ex.requestMayHaveBeenApplied() ? Status.PENDING : Status.FAILED;
          detail = describe(ex) + "; not recorded as pushed, so the next plan pushes it again (absolute, harmless)";
        }
        for (WriteAction a : planned) {
          actions.add(new WriteAction(a.kind(), a.key(), a.request(), status,
              a.detail().isEmpty() ? detail : a.detail() + (detail.isEmpty() ? "" : "; " + detail), a.externalId()));
        }
      }
      return finish(actions, plan.unchanged(), issues, pushed);
    });
  }

  // Receipt booking -----------------------------------------------------------------------------------

  /**
   * Books receipts as Lightspeed stock, each exactly once (see the class documentation). Pass the
   * bookings of {@code PurchaseOrderRule.applyReceipt}; pass the same bookings again after a failure
   * or a restart (re-apply the receipt to the stored order that does not hold it yet) and the writer
   * reconciles instead of booking twice. Refused in read-only mode and when booking is off (the
   * default).
   *
   * <p>Do not drop bookings whose key is merely <i>present</i> in the ledger before calling this (as
   * {@code PurchaseOrderRule.unbooked} with {@code ledgerEntry(..).isPresent()} would): a claimed but
   * unconfirmed booking must reach this method to be reconciled. Filter on
   * {@code ledgerEntry(..).map(LedgerEntry::confirmed).orElse(false)}, or not at all.
   */
  public WriteReport bookReceipts(List<StockBooking> bookings) {
    Objects.requireNonNull(bookings, "bookings == null");
    return exclusive(() -> {
      Optional<WriteReport> suppressed = ReceiptBooker.suppressed(settings, dryRun);
      if (suppressed.isPresent()) {
        return suppressed.get();
      }
      List<WriteAction> actions = new ArrayList<>();
      List<RecordIssue> issues = new ArrayList<>();
      for (StockBooking b : bookings) {
        actions.add(book(b, issues));
      }
      return finish(actions, List.of(), issues, Map.of());
    });
  }

  /**
   * Settles a booking by hand after the user checked Lightspeed (a NEEDS_ATTENTION booking): it is
   * confirmed in the ledger with {@code note} and never written again, and its connection-log issue is
   * resolved. Returns the stored entry, empty when the booking was never claimed. In read-only mode or
   * a dry run nothing changes and the stored entry is returned as it is.
   */
  public Optional<LedgerEntry> settleBookingByHand(String bookingKey, String note) {
    return booker.settleByHand(bookingKey, note, settings.readOnly());
  }

  private WriteAction book(StockBooking b, List<RecordIssue> issues) {
    String key = b.key();
    Long itemId = id(b.skuId());
    Long shopId = id(b.locationId());
    if (itemId == null || shopId == null) {
      issues.add(issue(RecordKind.RECEIPT, key, ReasonCode.SKU_NOT_LINKED,
          "Receipt line " + key + " cannot be booked: SKU '" + b.skuId() + "' at location '" + b.locationId()
              + "' is not an R-Series itemID and shopID",
          "Link the SKU to a Lightspeed item and receive at a Lightspeed shop"));
      return WriteAction.of(Kind.STOCK_BOOKING, key, "+" + b.quantity(), Status.SKIPPED, "not an R-Series item/shop id");
    }
    return booker.book(b, itemShop(itemId, shopId, b.skuId()), issues);
  }

  /** The quantity on hand of one item in one shop: what an R-Series receipt booking raises. */
  private ReceiptBooker.StockRow itemShop(long itemId, long shopId, String skuId) {
    return new ReceiptBooker.StockRow("PUT Item/" + itemId + ".json ItemShop shop " + shopId, "qoh",
        "item " + itemId + " in shop " + shopId, "item " + itemId, "the item's inventory log",
        "Fix item " + itemId + " in Lightspeed as the message says (for example give it a UPC and EAN no other item"
            + " uses); the booking is sent again once the item has changed, or when this issue is resolved",
        "Link SKU '" + skuId + "' to an existing Lightspeed item", "Item/" + itemId + " shop " + shopId + " qoh",
        () -> readLevel(itemId, shopId),
        target -> client.setQuantitiesOnHand(itemId, List.of(ItemShopQuantity.of(shopId, BigDecimal.valueOf(target)))));
  }

  /** The Item's timeStamp is the record stamp: it does not move with stock. */
  private ReceiptBooker.Level readLevel(long itemId, long shopId) {
    Item item = client.items().get(itemId, "ItemShops");
    Instant itemStamp = item.timeStamp().orElse(null);
    for (ItemShop row : item.itemShops()) {
      if (row.shopId() == shopId) {
        return new ReceiptBooker.Level(RetailMapping.wholeUnits(row.quantityOnHand()), row.timeStamp().orElse(null),
            itemStamp);
      }
    }
    return new ReceiptBooker.Level(0, null, itemStamp); // ItemShops are created lazily: no row means nothing on hand
  }

  // Order export ------------------------------------------------------------------------------------

  /**
   * Exports host orders to R-Series as completed sales, each exactly once (see the class
   * documentation). The order export rule selects them: balanced orders only, not confirmed in the
   * ledger yet, with the configured employee and register, in the register's shop. The payment type is
   * {@link Builder#salePaymentTypeId(long)} or the one named by {@link Builder#salePaymentType(String)}.
   * By default each sale is posted completed with one payment of the order's amount paid; with
   * {@link Builder#completeAtLightspeedTotal(boolean)} it is posted open and completed with a payment of
   * the tax-inclusive total Lightspeed calculated. With {@code OrderExportConfig.statusAfterExport} set,
   * every order now in Lightspeed is listed in {@link WriteReport#hostStatusUpdates()}. Refused in
   * read-only mode and when export is off (the default).
   *
   * @throws SyncException before any write when export is on but the payment type, employee or register
   *     is not a usable R-Series id
   * @throws PaymentTypeException before any write when the configured payment type name matches no
   *     active payment type, or several
   */
  public WriteReport exportOrders(List<HostOrder> orders) {
    Objects.requireNonNull(orders, "orders == null");
    return exclusive(() -> {
      OrderExportConfig config = settings.effectiveOrderExport();
      ExportPlan plan = OrderExportRule.of(config).plan(orders, ref -> sink.ledgerEntry(LedgerKind.ORDER_EXPORT, ref)
          .map(LedgerEntry::confirmed).orElse(false));
      if (settings.readOnly()) {
        return WriteReport.suppressed(dryRun, ReasonCode.READ_ONLY, List.of());
      }
      if (!config.enabled()) {
        return WriteReport.suppressed(dryRun, ReasonCode.EXPORT_DISABLED, plan.exclusions());
      }
      if (salePaymentTypeId == null && salePaymentTypeName == null) {
        throw new SyncException("order export needs RetailWriter.Builder.salePaymentTypeId or salePaymentType(name):"
            + " exported orders are completed sales, whose payments must balance");
      }
      long employeeId = requireId(config.employeeId().orElseThrow(), "OrderExportConfig.employeeId");
      long registerId = requireId(config.registerId().orElseThrow(), "OrderExportConfig.registerId");
      long paymentTypeId = salePaymentTypeId != null ? salePaymentTypeId : paymentTypeNamed(salePaymentTypeName);
      Map<String, HostOrder> byId = new HashMap<>();
      for (HostOrder o : orders) {
        byId.putIfAbsent(o.id(), o);
      }
      List<WriteAction> actions = new ArrayList<>();
      List<RecordIssue> issues = new ArrayList<>();
      Map<String, String> statuses = new LinkedHashMap<>();
      Long[] shop = {null};
      CreateOnce once = new CreateOnce(sink, clock, dryRun, Kind.ORDER_EXPORT, RecordKind.HOST_ORDER,
          LedgerKind.ORDER_EXPORT);
      for (OrderExport x : plan.exports()) {
        WriteAction a = exportOne(once, x, byId.get(x.reference()), employeeId, registerId, paymentTypeId, shop, issues);
        actions.add(a);
        if (x.statusAfterExport().isPresent() && EXPORTED.contains(a.status())) {
          statuses.put(x.reference(), x.statusAfterExport().get());
        }
      }
      return finish(actions, plan.exclusions(), issues, Map.of(), statuses);
    });
  }

  /** Statuses of an order export that leave the order in Lightspeed, as a completed sale. */
  private static final Set<Status> EXPORTED = Set.of(Status.DONE, Status.RECOVERED, Status.ALREADY_DONE);

  /** The one active payment type with this name (case-insensitive, spaces around ignored). */
  private long paymentTypeNamed(String name) {
    List<PaymentType> active = client.paymentTypes().list().stream().filter(t -> !t.archived()).toList();
    List<PaymentType> matching = active.stream().filter(t -> t.hasName(name)).toList();
    if (matching.size() != 1) {
      throw new PaymentTypeException(name, active.stream().map(PaymentType::name).toList(), matching.size(),
          client.accountId());
    }
    return matching.get(0).id();
  }

  private WriteAction exportOne(CreateOnce once, OrderExport x, HostOrder order, long employeeId, long registerId,
      long paymentTypeId, Long[] shop, List<RecordIssue> issues) {
    String ref = x.reference();
    List<NewSaleLine> lines = new ArrayList<>();
    for (HostOrderLine l : x.lines()) {
      Long itemId = id(l.skuId());
      if (itemId == null) {
        issues.add(issue(RecordKind.HOST_ORDER, ref, ReasonCode.SKU_NOT_LINKED,
            "Order " + ref + " cannot be exported: SKU '" + l.skuId() + "' is not an R-Series item",
            "Link the SKU to a Lightspeed item"));
        return WriteAction.of(Kind.ORDER_EXPORT, ref, "POST Sale.json", Status.SKIPPED, "SKU not linked");
      }
      lines.add(NewSaleLine.builder().itemId(itemId).unitQuantity(BigDecimal.valueOf(l.quantity()))
          .unitPrice(l.unitPrice()).build());
    }
    String request = (twoStep ? "POST Sale.json open" : "POST Sale.json completed") + " referenceNumber=" + ref
        + " employee " + employeeId + " register " + registerId + ", " + lines.size() + " line(s), "
        + (twoStep ? "then PUT Sale completed, paid Lightspeed's total" : "paid " + order.amountPaid().toPlainString())
        + " (payment type " + paymentTypeId + ")";
    Map<String, Sale> seen = new HashMap<>(); // sales as the last search or POST answered: no second read
    CreateOnce.Target target = new CreateOnce.Target() {
      @Override
      public List<String> find() {
        List<Sale> found = findSales(ref);
        found.forEach(f -> seen.put(Long.toString(f.id()), f));
        return found.stream().map(f -> Long.toString(f.id())).toList();
      }

      @Override
      public String create() {
        if (shop[0] == null) {
          shop[0] = client.registers().get(registerId).shopId().orElseThrow(
              () -> new SyncException("register " + registerId + " has no shop in Lightspeed"));
        }
        NewSale.Builder sale = NewSale.builder().shopId(shop[0]).registerId(registerId).employeeId(employeeId)
            .completed(!twoStep).referenceNumber(ref).referenceNumberSource(referenceSource).lines(lines);
        if (!twoStep) {
          sale.addPayments(NewSalePayment.of(paymentTypeId, order.amountPaid()));
        }
        Sale created = client.createSale(sale.build());
        seen.put(Long.toString(created.id()), created);
        return Long.toString(created.id());
      }

      @Override
      public String finish(String saleId) {
        Sale sale = seen.get(saleId);
        return completeOpenSale(sale != null ? sale : client.sales().get(Long.parseLong(saleId)), paymentTypeId,
            order);
      }
    };
    return once.create(once.read(ref), ref, request, "referenceNumber '" + ref + "'", target, issues);
  }

  /**
   * Completes the sale when it is open, with one payment of its tax-inclusive total; a completed (or
   * voided) sale is left as it is. A PUT whose outcome is unknown is settled by reading the sale again,
   * never by sending it again.
   */
  private String completeOpenSale(Sale sale, long paymentTypeId, HostOrder order) {
    long saleId = sale.id();
    if (sale.completed() || sale.voided()) {
      return sale.voided() ? "sale " + saleId + " was voided in Lightspeed: not completed, not created again" : "";
    }
    BigDecimal total = sale.total().or(sale::calcTotal).orElseThrow(
        () -> new SyncException("open sale " + saleId + " has no total in Lightspeed's answer"))
        .setScale(2, RoundingMode.HALF_UP);
    String note = "completed with " + total.toPlainString() + ", Lightspeed's tax-inclusive total"
        + (total.compareTo(order.amountPaid()) == 0 ? "" : " (the host order paid "
            + order.amountPaid().toPlainString() + ")");
    try {
      client.completeSale(saleId, List.of(NewSalePayment.of(paymentTypeId, total)));
      return note;
    } catch (LightspeedException e) {
      if (!e.requestMayHaveBeenApplied()) {
        throw e;
      }
      Sale now;
      try {
        now = client.sales().get(saleId);
      } catch (LightspeedException again) {
        throw e;
      }
      if (!now.completed()) {
        throw e;
      }
      return "the PUT answered " + describe(e) + " but sale " + saleId + " was completed; " + note;
    }
  }

  private List<Sale> findSales(String ref) {
    RetailQuery q = RetailQuery.builder().archived(Archived.INCLUDE).filter(Filter.equalTo("referenceNumber", ref))
        .build();
    return client.sales().list(q).stream().filter(s -> ref.equals(s.referenceNumber().orElse(null))).toList();
  }

  // Buy orders ----------------------------------------------------------------------------------------

  /**
   * Creates host purchase orders as R-Series Orders with OrderLines at the default location
   * ({@code SyncSettings.location().defaultLocationCode()}). The location code is resolved against the
   * account's shops exactly and case-sensitively before any write; a mismatch throws a
   * {@link SyncException} naming the near match. An Order already created for a purchase order (found
   * by {@code refNum}) is completed with its missing lines instead of created again. Off by default
   * ({@link Builder#buyOrders(boolean)}); refused in read-only mode.
   */
  public WriteReport exportBuyOrders(List<PurchaseOrder> orders) {
    Objects.requireNonNull(orders, "orders == null");
    return exclusive(() -> {
      Optional<WriteReport> refused = refusedExport(buyOrders, orders.stream().map(PurchaseOrder::id).toList());
      if (refused.isPresent()) {
        return refused.get();
      }
      List<Location> shops = client.shops().list(RetailQuery.builder().archived(Archived.INCLUDE).build()).stream()
          .map(RetailMapping::toLocation).collect(Collectors.toList());
      Location target = BuyOrderLocation.resolve(settings, shops);
      long shopId = requireId(target.id(), "default location id");
      List<WriteAction> actions = new ArrayList<>();
      List<RecordIssue> issues = new ArrayList<>();
      for (PurchaseOrder po : orders) {
        actions.addAll(buyOrder(po, shopId, target.code(), issues));
      }
      return finish(actions, List.of(), issues, Map.of());
    });
  }

  private List<WriteAction> buyOrder(PurchaseOrder po, long shopId, String shopName, List<RecordIssue> issues) {
    Map<Long, Long> quantities = new LinkedHashMap<>();
    for (PurchaseOrderLine line : po.lines()) {
      Long itemId = id(line.skuId());
      if (itemId == null) {
        issues.add(issue(RecordKind.PURCHASE_ORDER, po.id(), ReasonCode.SKU_NOT_LINKED,
            "Purchase order " + po.id() + " cannot be exported: SKU '" + line.skuId() + "' is not an R-Series item",
            "Link the SKU to a Lightspeed item"));
        return List.of(WriteAction.of(Kind.BUY_ORDER, po.id(), "POST Order.json", Status.SKIPPED, "SKU not linked"));
      }
      quantities.merge(itemId, line.orderedQuantity(), Long::sum);
    }
    Long vendorId = po.supplierId().map(RetailWriter::id).orElse(null);
    String orderRequest = "POST Order.json shop " + shopId + " ('" + shopName + "') refNum=" + po.id()
        + (vendorId == null ? "" : " vendor " + vendorId);
    List<WriteAction> actions = new ArrayList<>();
    try {
      RetailQuery q = RetailQuery.builder().archived(Archived.INCLUDE).filter(Filter.equalTo("refNum", po.id()))
          .loadRelations("OrderLines").build();
      Optional<Order> existing = client.orders().list(q).stream()
          .filter(o -> po.id().equals(o.refNum().orElse(null))).findFirst();
      Map<Long, OrderLine> present = new HashMap<>();
      existing.ifPresent(o -> o.lines().forEach(l -> l.itemId().ifPresent(i -> present.putIfAbsent(i, l))));
      Long orderId;
      if (existing.isPresent()) {
        orderId = existing.get().id();
        actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), orderRequest, Status.ALREADY_DONE, "found by refNum")
            .withExternalId(Long.toString(orderId)));
      } else if (dryRun) {
        orderId = null;
        actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), orderRequest, Status.PLANNED, ""));
      } else {
        NewOrder.Builder order = NewOrder.builder().shopId(shopId).refNum(po.id());
        if (vendorId != null) {
          order.vendorId(vendorId);
        }
        try {
          orderId = client.createOrder(order.build()).id();
        } catch (LightspeedException e) {
          actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), orderRequest,
              e.requestMayHaveBeenApplied() ? Status.PENDING : Status.FAILED,
              describe(e) + "; the next run finds the order by refNum before creating it"));
          return actions;
        }
        actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), orderRequest, Status.DONE, "")
            .withExternalId(Long.toString(orderId)));
      }
      for (Map.Entry<Long, Long> e : quantities.entrySet()) {
        String lineKey = po.id() + "/item/" + e.getKey();
        String lineRequest = "POST OrderLine.json order " + (orderId == null ? "(new)" : orderId) + " item "
            + e.getKey() + " quantity " + e.getValue();
        if (present.containsKey(e.getKey())) {
          actions.add(WriteAction.of(Kind.BUY_ORDER_LINE, lineKey, lineRequest, Status.ALREADY_DONE, "")
              .withExternalId(Long.toString(present.get(e.getKey()).id())));
          continue;
        }
        if (dryRun || orderId == null) {
          actions.add(WriteAction.of(Kind.BUY_ORDER_LINE, lineKey, lineRequest, Status.PLANNED, ""));
          continue;
        }
        try {
          OrderLine created = client.createOrderLine(NewOrderLine.builder().orderId(orderId).itemId(e.getKey())
              .quantity(BigDecimal.valueOf(e.getValue())).build());
          actions.add(WriteAction.of(Kind.BUY_ORDER_LINE, lineKey, lineRequest, Status.DONE, "")
              .withExternalId(Long.toString(created.id())));
        } catch (LightspeedException ex) {
          actions.add(WriteAction.of(Kind.BUY_ORDER_LINE, lineKey, lineRequest,
              ex.requestMayHaveBeenApplied() ? Status.PENDING : Status.FAILED,
              describe(ex) + "; the next run adds only the lines the order does not have"));
          return actions;
        }
      }
    } catch (LightspeedException e) {
      actions.add(WriteAction.of(Kind.BUY_ORDER, po.id(), orderRequest, Status.FAILED,
          "could not look up earlier exports: " + describe(e) + "; nothing created"));
    }
    return actions;
  }

  // Product and customer export ------------------------------------------------------------------------

  /**
   * Exports host products as R-Series Items (seed 002, "Export products to Lightspeed"): description,
   * custom SKU, UPC, EAN, manufacturer SKU, default vendor ({@link Sku#supplierId()}, an R-Series
   * {@code vendorID}), prices by price level name ({@link Sku#prices()} keyed by {@code useType}, for
   * example {@code Default} or {@code MSRP}; the key {@link RetailMapping#COST} is the default cost).
   * Each host product is keyed by {@link Sku#id()}. Off unless
   * {@code SyncSettings.effectiveMasterData().exportProducts()} ({@code EXPORT_DISABLED}); refused in
   * read-only mode ({@code READ_ONLY}).
   *
   * <p><b>Codes.</b> Every code is normalised with {@code SkuRule.normalize} under
   * {@code SyncSettings.skus()} before it is compared or sent, so the item's {@code customSku} is the
   * normalised code and {@code SyncSink.findSkuIdsByCode(normalize(hostCode))} finds the item after the
   * next catalogue sync: a sale of a product whose code had spaces links back.
   *
   * <p><b>Matching.</b> A product is the item its ledger entry names (an earlier export or link), else
   * the one active SKU the sink holds under its normalised code (sync the catalogue first); that link is
   * then recorded in the ledger. A code several items share, or several host products in the call share,
   * is never guessed: the product is skipped with an {@code SKU_DUPLICATE} connection-log entry. A
   * product without a code is skipped ({@code SKU_MISSING}).
   *
   * <p><b>Master data.</b> {@code MasterDataRule} decides: with Lightspeed as master an existing item is
   * not overwritten (missing items are still created); with the host as master only the fields that
   * differ from the item as Lightspeed holds it now are sent ({@code PUT Item}, partial and idempotent;
   * request cost grows with what is sent). Codes and the vendor the host leaves empty, and price levels
   * it does not name, are left as Lightspeed has them.
   *
   * <p><b>Exactly once.</b> A create is claimed in the ledger under {@code product:} + host id before
   * the POST and confirmed with the new {@code itemID}; an unconfirmed claim (write-then-500, dropped
   * connection, restart) is reconciled by searching Items by {@code customSku} before posting again.
   */
  public WriteReport exportProducts(List<Sku> products) {
    Objects.requireNonNull(products, "products == null");
    return exclusive(() -> {
      return refusedExport(settings.effectiveMasterData().exportProducts(), products.stream().map(Sku::id).toList())
          .orElseGet(() -> {
            List<WriteAction> actions = new ArrayList<>();
            List<RecordIssue> issues = new ArrayList<>();
            new ProductExport(client, sink, settings, clock, dryRun).run(products, actions, issues);
            return finish(actions, List.of(), issues, Map.of());
          });
    });
  }

  /**
   * Exports host customers as R-Series Customers with their Contact (seed 002, "Export customers to
   * Lightspeed"): names, company, the primary e-mail, a phone and an address. Each is keyed by
   * {@link Customer#id()} (the host key): the first export creates the customer and records its
   * {@code customerID} in the ledger under {@code customer:} + host id; later exports update that
   * customer with only the fields that differ from what Lightspeed holds now (values the host leaves
   * empty are kept), so a rerun never duplicates. Lightspeed's marketing opt-outs are left as Lightspeed
   * sets them. Off unless {@link Builder#exportCustomers(boolean)} ({@code EXPORT_DISABLED}); refused in
   * read-only mode ({@code READ_ONLY}).
   *
   * <p>An unconfirmed create (write-then-500, dropped connection, restart) is reconciled before anything
   * is posted again with the documented relation search {@code Contact.email} (or, without an e-mail
   * address, by name), keeping only customers that hold every value the host sent: one is confirmed,
   * several are reported ({@code NEEDS_ATTENTION}), none means the customer is posted again.
   */
  public WriteReport exportCustomers(List<Customer> hostCustomers) {
    Objects.requireNonNull(hostCustomers, "hostCustomers == null");
    return exclusive(() -> {
      return refusedExport(customers, hostCustomers.stream().map(Customer::id).toList()).orElseGet(() -> {
        List<WriteAction> actions = new ArrayList<>();
        List<RecordIssue> issues = new ArrayList<>();
        new CustomerExport(client, sink, clock, dryRun).run(hostCustomers, actions, issues);
        return finish(actions, List.of(), issues, Map.of());
      });
    });
  }

  // Shared ------------------------------------------------------------------------------------------------

  private Optional<WriteReport> refusedExport(boolean enabled, List<String> ids) {
    return Reports.refusedExport(settings, dryRun, enabled, ids);
  }

  private WriteReport exclusive(Supplier<WriteReport> body) {
    String key = "retail:" + client.accountId();
    if (!RUNNING.add(key)) {
      throw new SyncException("writes to R-Series account " + client.accountId() + " are already running");
    }
    try {
      return body.get();
    } finally {
      RUNNING.remove(key);
    }
  }

  private WriteReport finish(List<WriteAction> actions, List<Exclusion> exclusions, List<RecordIssue> issues,
      Map<String, Long> pushed) {
    return finish(actions, exclusions, issues, pushed, Map.of());
  }

  private WriteReport finish(List<WriteAction> actions, List<Exclusion> exclusions, List<RecordIssue> issues,
      Map<String, Long> pushed, Map<String, String> hostStatuses) {
    if (!dryRun && !issues.isEmpty()) {
      sink.logIssues(issues);
    }
    return new WriteReport(dryRun, Optional.empty(), actions, exclusions, issues, pushed, hostStatuses);
  }

  private RecordIssue issue(RecordKind kind, String id, ReasonCode reason, String problem, String remedy) {
    return booker.issue(kind, id, reason, problem, remedy);
  }

  private static @Nullable Long id(String value) {
    return ReceiptBooker.id(value);
  }

  private static long requireId(String value, String what) {
    Long id = id(value);
    if (id == null) {
      throw new SyncException(what + " must be an R-Series id (a positive number) but was '" + value + "'");
    }
    return id;
  }

  private static String describe(LightspeedException e) {
    return ReceiptBooker.describe(e);
  }

  /** Builds a {@link RetailWriter}. Not thread-safe. */
  public static final class Builder {
    private @Nullable RetailClient client;
    private @Nullable SyncSink sink;
    private SyncSettings settings = SyncSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private boolean dryRun;
    private boolean buyOrders;
    private boolean customers;
    private @Nullable Long salePaymentTypeId;
    private @Nullable String salePaymentTypeName;
    private boolean twoStep;
    private String referenceSource = "lightspeed-sync";

    private Builder() {}

    /** The account's client (required); it paces every request by the rate limit. */
    public Builder client(RetailClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** The host's sink (required): its export ledger makes bookings and exports happen once. */
    public Builder sink(SyncSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink == null");
      return this;
    }

    /**
     * The connection's settings (default: every write off). Read-only, stock push, receipt booking,
     * order export (with employee and register) and the default location come from here.
     */
    public Builder settings(SyncSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    /** Time for ledger entries and connection-log issues (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Plan only: read what is needed, send no write, change nothing in the sink. Off by default. */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Whether host purchase orders are exported as R-Series buy orders. Off by default. */
    public Builder buyOrders(boolean buyOrders) {
      this.buyOrders = buyOrders;
      return this;
    }

    /**
     * Whether host customers are exported as R-Series Customers ({@link RetailWriter#exportCustomers};
     * seed 002, "Export customers to Lightspeed"). Off by default. A writer option because sync-core's
     * {@code SyncSettings} has no customer-export setting.
     */
    public Builder exportCustomers(boolean exportCustomers) {
      this.customers = exportCustomers;
      return this;
    }

    /**
     * The R-Series payment type exported sales are paid with, by id. Order export needs this or
     * {@link #salePaymentType(String)}; the last one set wins.
     */
    public Builder salePaymentTypeId(long paymentTypeId) {
      if (paymentTypeId <= 0) {
        throw new IllegalArgumentException("salePaymentTypeId must be positive but was " + paymentTypeId);
      }
      this.salePaymentTypeId = paymentTypeId;
      this.salePaymentTypeName = null;
      return this;
    }

    /**
     * The R-Series payment type exported sales are paid with, by name (for example {@code Webshop}),
     * matched case-insensitively against the account's active payment types when orders are exported
     * (one read of {@code PaymentType.json}). No match, or several, is a {@link PaymentTypeException}
     * naming the payment types that exist, thrown before any write. The last of this and
     * {@link #salePaymentTypeId(long)} set wins.
     */
    public Builder salePaymentType(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("salePaymentType must not be blank");
      }
      this.salePaymentTypeName = name;
      this.salePaymentTypeId = null;
      return this;
    }

    /**
     * Whether each exported sale is posted open and then completed with one payment of the
     * tax-inclusive total Lightspeed calculated ({@code POST Sale} with {@code completed: false}, then
     * {@code PUT Sale} with {@code completed: true} and a SalePayment of its {@code total}), for hosts
     * that do not know Lightspeed's tax. Off by default: one {@code POST} of a completed sale paid with
     * the order's amount paid, which Lightspeed refuses when it does not balance. An open sale left by an
     * interrupted export is found by {@code referenceNumber} and completed on the next run, not created
     * again. Costs one request more per order, the completing {@code PUT} (request cost 5 + 0.5 per
     * payment); the total is taken from the POST's answer, not read again.
     */
    public Builder completeAtLightspeedTotal(boolean completeAtLightspeedTotal) {
      this.twoStep = completeAtLightspeedTotal;
      return this;
    }

    /** The {@code referenceNumberSource} put on exported sales (default {@code lightspeed-sync}). */
    public Builder referenceSource(String referenceSource) {
      this.referenceSource = Objects.requireNonNull(referenceSource, "referenceSource == null");
      return this;
    }

    /** Builds the writer. */
    public RetailWriter build() {
      return new RetailWriter(this);
    }
  }
}
