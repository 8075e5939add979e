package dev.lightspeedsync.sync.lightspeed.xseries;

import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.error.NotFoundException;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.client.xseries.model.Inventory;
import dev.lightspeedsync.client.xseries.write.InventoryLevel;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.SyncException;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.internal.BuyOrderLocation;
import dev.lightspeedsync.sync.lightspeed.internal.Pushes;
import dev.lightspeedsync.sync.lightspeed.internal.Quantities;
import dev.lightspeedsync.sync.lightspeed.internal.ReceiptBooker;
import dev.lightspeedsync.sync.lightspeed.internal.Reports;
import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.OutletLink;
import dev.lightspeedsync.sync.rules.OutletMapping;
import dev.lightspeedsync.sync.rules.PushPlan;
import dev.lightspeedsync.sync.rules.StockBooking;
import dev.lightspeedsync.sync.rules.StockPush;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes from the host to one X-Series retailer: the stock push of seed 002 ("Export Stock On Hand
 * to Lightspeed": the available amount, on hand - allocated, optionally + assemblable, as computed by
 * sync-core's {@code AvailabilityRule} into a {@link PushPlan}), host purchase-order receipts
 * received as SUPPLIER consignments, exactly once ({@link #receiveConsignments}), host buy orders as
 * OPEN supplier consignments ({@link #exportBuyOrders}), and product and customer export
 * ({@link #exportProducts}, {@link #exportCustomers}), each created exactly once.
 *
 * <p><b>Off by default, read-only and dry run.</b> The push runs only when
 * {@code AvailabilityConfig.pushStock} is on and the settings are not read-only; otherwise the report
 * says why ({@link WriteReport#suppressedBecause()}) and no request is sent. A dry run reads the
 * current levels and lists the writes it would send, without sending any and without touching the
 * sink.
 *
 * <p><b>Each level is written once.</b> X-Series sets inventory absolutely through the documented
 * direct update, {@code PUT /api/2.1/products/{id}} with {@code details.inventory} (one request per
 * product, every outlet of the product in it), and Lightspeed records every such write in the
 * product's history (it warns that direct sets write vague history and affect cost). So before writing
 * a product the writer reads its inventory ({@code GET /products/{id}/inventory}) and sends only the
 * outlets whose level differs from the target: a push repeated after an unknown outcome (a 5xx after
 * the write was applied, a dropped connection, a crash before the host stored the pushed values), or
 * after a restart, writes nothing that Lightspeed already holds. An outcome that stays unknown is not
 * reported as pushed, so the next plan pushes it again and the read decides.
 *
 * <p>A negative available amount is written as 0. Requests are paced by the client's rate limiter.
 * Thread-safe when the sink is.
 */
public final class XSeriesWriter {
  private final XSeriesClient client;
  private final SyncSink sink;
  private final SyncSettings settings;
  private final Clock clock;
  private final boolean dryRun;
  private final @Nullable OutletMapping outletMapping;
  private final boolean customers;
  private final boolean buyOrders;

  private XSeriesWriter(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client is required");
    this.sink = Objects.requireNonNull(b.sink, "sink is required");
    this.settings = Objects.requireNonNull(b.settings, "settings is required");
    this.clock = b.clock;
    this.dryRun = b.dryRun;
    this.outletMapping = b.outletMapping;
    this.customers = b.customers;
    this.buyOrders = b.buyOrders;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether this writer only plans. */
  public boolean dryRun() {
    return dryRun;
  }

  /**
   * Pushes the plan's available amounts as X-Series inventory levels. SKU ids must be X-Series
   * product ids; location ids are outlet ids (as {@link XSeriesConnector} stores them), or warehouse
   * codes with {@link Builder#outletMapping}. A location that is not a stored outlet, or a warehouse
   * without an outlet, is skipped and logged.
   */
  public WriteReport pushStock(PushPlan plan) {
    Objects.requireNonNull(plan, "plan == null");
    Optional<WriteReport> none = Pushes.suppressed(settings, plan, dryRun);
    if (none.isPresent()) {
      return none.get();
    }
    Set<String> outlets = liveOutlets();
    List<WriteAction> actions = new ArrayList<>();
    List<RecordIssue> issues = new ArrayList<>();
    Map<String, Long> pushed = new LinkedHashMap<>();
    Map<String, List<Target>> byProduct = new LinkedHashMap<>();
    for (StockPush p : plan.pushes()) {
      String outlet = outletMapping == null ? p.locationId() : outletOf(outletMapping, p.locationId());
      if (outlet == null) {
        issues.add(issue(p.key(), ReasonCode.OUTLET_NOT_FOUND,
            "Stock of " + p.key() + " cannot be pushed: warehouse '" + p.locationId() + "' is not mapped to an outlet",
            "Map the warehouse to one of the retailer's outlets, or leave its stock out of the push"));
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), "PUT products inventory " + p.available(), Status.SKIPPED,
            "warehouse not mapped to an outlet"));
        continue;
      }
      if (!outlets.isEmpty() && !outlets.contains(outlet)) {
        issues.add(issue(p.key(), ReasonCode.OUTLET_NOT_FOUND,
            "Stock of " + p.key() + " cannot be pushed: " + outlet + " is not an outlet of this retailer",
            "Map the warehouse to one of the retailer's outlets (run a sync to read them)"));
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), "PUT products inventory " + p.available(), Status.SKIPPED,
            "not an X-Series outlet"));
        continue;
      }
      byProduct.computeIfAbsent(p.skuId(), k -> new ArrayList<>()).add(new Target(p, outlet));
    }
    for (Map.Entry<String, List<Target>> e : byProduct.entrySet()) {
      push(e.getKey(), e.getValue(), actions, issues, pushed);
    }
    if (!dryRun && !issues.isEmpty()) {
      sink.logIssues(issues);
    }
    return new WriteReport(dryRun, Optional.empty(), actions, plan.unchanged(), issues, pushed);
  }

  /**
   * Receives host receipts of one purchase order as X-Series SUPPLIER consignments ("receiving a host
   * purchase order as a SUPPLIER consignment"): per receipt, one consignment at the order's outlet
   * with the order's supplier and {@code reference} {@code purchaseOrderId/receiptId}, created SENT;
   * its products with {@code count} and {@code received} = the units received (and {@code cost} = the
   * stored SKU's purchase price, when it has one; otherwise no cost is sent and Lightspeed's default
   * applies, which the spec does not state), each with the single-product endpoint, whose
   * {@code received} is absolute (the bulk endpoint accumulates, so it is not used); then status
   * RECEIVED, which is what raises the outlet's stock in Lightspeed.
   *
   * <p>Pass the order and the bookings of {@code PurchaseOrderRule.applyReceipt} (the received units,
   * over-receipt policy applied); after a failure or a restart pass them again. <b>Exactly once per
   * receipt:</b> the receipt is claimed in the sink's ledger ({@code STOCK_BOOKING}, key
   * {@code consignment/{purchaseOrderId}/{receiptId}}) before anything is sent, the consignment's id is
   * kept there as soon as it is known, and the claim is confirmed with the consignment id once it is
   * RECEIVED. An unconfirmed claim is never sent blindly again: the consignment is taken from the
   * ledger or found by its reference and completed (lines re-read and written only where they differ,
   * RECEIVED only if not yet); a RECEIVED consignment is confirmed (RECOVERED). A consignment that was
   * cancelled or deleted in Lightspeed meanwhile is left to the user (NEEDS_ATTENTION and a
   * connection-log issue). One writer per retailer: two processes recovering the same receipt at once
   * could both create it.
   *
   * <p>Off by default ({@code PurchaseOrderConfig.bookingEnabled}, as receipt booking on the other
   * platforms) and refused in read-only mode ({@code READ_ONLY}): nothing is sent. A dry run reads
   * what an earlier attempt left and lists the receipts it would send, changing nothing. The order's
   * location is an outlet id, or a warehouse code with {@link Builder#outletMapping}; a location that
   * is not a stored outlet is skipped and logged. SKU ids are X-Series product ids.
   *
   * @throws IllegalArgumentException when a booking belongs to another purchase order
   */
  public WriteReport receiveConsignments(PurchaseOrder order, List<StockBooking> bookings) {
    Objects.requireNonNull(order, "order == null");
    Objects.requireNonNull(bookings, "bookings == null");
    for (StockBooking b : bookings) {
      if (!b.purchaseOrderId().equals(order.id())) {
        throw new IllegalArgumentException("booking " + b.key() + " belongs to purchase order " + b.purchaseOrderId()
            + ", not " + order.id());
      }
    }
    Optional<WriteReport> none = ReceiptBooker.suppressed(settings, dryRun);
    if (none.isPresent()) {
      return none.get();
    }
    Map<String, Map<String, Long>> byReceipt = new LinkedHashMap<>();
    for (StockBooking b : bookings) {
      byReceipt.computeIfAbsent(b.receiptId(), k -> new LinkedHashMap<>()).merge(b.skuId(), b.quantity(), Long::sum);
    }
    String location = order.locationId();
    String outlet = outletMapping == null ? location : outletOf(outletMapping, location);
    Set<String> outlets = liveOutlets();
    String unknown = outlet == null ? "warehouse '" + location + "' is not mapped to an outlet"
        : !outlets.isEmpty() && !outlets.contains(outlet) ? outlet + " is not an outlet of this retailer" : null;
    List<WriteAction> actions = new ArrayList<>();
    List<RecordIssue> issues = new ArrayList<>();
    ConsignmentReceipts receipts = new ConsignmentReceipts(client, sink, clock, dryRun);
    for (Map.Entry<String, Map<String, Long>> receipt : byReceipt.entrySet()) {
      ConsignmentReceipts.Receipt r = new ConsignmentReceipts.Receipt(order.id(), receipt.getKey(),
          outlet == null ? location : outlet, order.supplierId().orElse(null), receipt.getValue());
      if (unknown != null) {
        issues.add(RecordIssue.of(RecordKind.RECEIPT, r.key(), ReasonCode.OUTLET_NOT_FOUND, "Receipt "
            + r.receiptId() + " of purchase order " + order.id() + " cannot be received in Lightspeed: " + unknown,
            "Receive the purchase order at a location mapped to one of the retailer's outlets (run a sync to read"
                + " them)", clock.instant()));
        actions.add(WriteAction.of(Kind.CONSIGNMENT_RECEIPT, r.key(), "POST consignments", Status.SKIPPED, unknown));
        continue;
      }
      actions.add(receipts.receive(r, issues));
    }
    return finish(actions, issues);
  }

  /**
   * Exports host products as X-Series products (seed 002, "Export products to Lightspeed"): name,
   * SKU, prices ({@link Sku#prices()} keyed by {@link XSeriesMapping#PRICE} (excluding tax),
   * {@link XSeriesMapping#PRICE_INCL} (including tax; not both) and {@link XSeriesMapping#COST} (the
   * supply price); any other key makes the product malformed) and the supplier ({@link Sku#supplierId()},
   * an X-Series supplier id). Each host product is keyed by {@link Sku#id()}. Off unless
   * {@code SyncSettings.effectiveMasterData().exportProducts()} ({@code EXPORT_DISABLED}); refused in
   * read-only mode ({@code READ_ONLY}). The same rules as {@code RetailWriter.exportProducts}:
   *
   * <ul>
   *   <li><b>Codes</b>: every SKU is normalised with {@code SkuRule.normalize} under
   *       {@code SyncSettings.skus()} (spaces removed by default) before it is compared or sent, so
   *       the product's {@code sku} is the normalised code and, after the next catalogue sync,
   *       {@code SyncSink.findSkuIdsByCode(normalize(hostCode))} finds it: a sale of a product whose code
   *       had spaces links back.
   *   <li><b>Matching</b>: the product the ledger names (an earlier export or link), else the one active
   *       SKU the sink holds under the normalised code (sync the catalogue first); that link is recorded.
   *       A code several products share, or several host products share, is never guessed
   *       ({@code SKU_DUPLICATE}); a product without a code is skipped ({@code SKU_MISSING}).
   *   <li><b>Master data</b>: {@code MasterDataRule} decides. With Lightspeed as master an existing
   *       product is not overwritten (missing ones are still created); with the host as master the
   *       product is read ({@code GET /products/{id}}) and only what differs is sent with
   *       {@code PUT /api/2.1/products/{id}}: {@code common.name} (not for members of a variant family,
   *       whose name is the family's), {@code details} prices and {@code details.sku}.
   *   <li><b>Exactly once</b>: a create ({@code POST /api/2.0/products}, the documented create) is claimed
   *       in the ledger under {@code product:} + host id before the POST and confirmed with the new
   *       product id; an unconfirmed claim (write-then-500, dropped connection, restart) is reconciled
   *       with {@code GET /products?sku=} before anything is posted again.
   * </ul>
   *
   * <p>UPC, EAN and manufacturer SKU are not sent (X-Series keeps barcodes as {@code product_codes},
   * which this SDK does not model yet), and the supplier is not changed on update.
   */
  public WriteReport exportProducts(List<Sku> products) {
    Objects.requireNonNull(products, "products == null");
    return Reports.refusedExport(settings, dryRun, settings.effectiveMasterData().exportProducts(),
        products.stream().map(Sku::id).toList()).orElseGet(() -> {
          List<WriteAction> actions = new ArrayList<>();
          List<RecordIssue> issues = new ArrayList<>();
          new ProductExport(client, sink, settings, clock, dryRun).run(products, actions, issues);
          return finish(actions, issues);
        });
  }

  /**
   * Exports host customers as X-Series customers (seed 002, "Export customers to Lightspeed"): first
   * and last name (one is required), company, e-mail, phone and the physical address (the country as a
   * two-letter code). Each is keyed by {@link Customer#id()} and carries its host key as
   * {@code customer_code} ({@link Customer#code()}, else the id). The first export creates the customer
   * ({@code POST /customers}) and records its id in the ledger under {@code customer:} + host id; a
   * customer that already has this code in Lightspeed (imported from it, or a lost ledger) is linked
   * instead; later exports update only the fields that differ from what Lightspeed holds now
   * ({@code PUT /customers/{id}}; values the host leaves empty are kept), so a rerun never duplicates. An
   * unconfirmed create is reconciled by searching the code ({@code GET /search?type=customers}) before
   * anything is posted again: one match is confirmed, several are reported ({@code NEEDS_ATTENTION}).
   * Off unless {@link Builder#exportCustomers(boolean)} ({@code EXPORT_DISABLED}); refused in read-only
   * mode ({@code READ_ONLY}).
   */
  public WriteReport exportCustomers(List<Customer> hostCustomers) {
    Objects.requireNonNull(hostCustomers, "hostCustomers == null");
    return Reports.refusedExport(settings, dryRun, customers, hostCustomers.stream().map(Customer::id).toList())
        .orElseGet(() -> {
          List<WriteAction> actions = new ArrayList<>();
          List<RecordIssue> issues = new ArrayList<>();
          new CustomerExport(client, sink, clock, dryRun).run(hostCustomers, actions, issues);
          return finish(actions, issues);
        });
  }

  /**
   * Exports host buy orders (seed 001's "Buy Orders", here for X-Series) as SUPPLIER consignments in
   * status OPEN at the default outlet ({@code SyncSettings.location().defaultLocationCode()}, an
   * outlet's exact name, matched case-sensitively against the retailer's outlets before any write; a
   * mismatch throws a {@link SyncException} naming the near match): one consignment per buy order,
   * with {@code reference} = {@link PurchaseOrder#id()}, the supplier ({@link PurchaseOrder#supplierId()},
   * an X-Series supplier id) and one product per SKU (an X-Series product id) with the ordered count
   * (lines of one SKU summed) and the SKU's purchase price as cost when the sink holds it. An OPEN
   * consignment books no stock: the buyer sends it from Lightspeed, and receipts are received with
   * {@link #receiveConsignments}.
   *
   * <p><b>Exactly once.</b> Before anything is created the outlet's supplier consignments are read
   * once and matched by reference: a buy order found there only gets the products it lacks (one
   * {@code POST /consignments/{id}/products} each), so a rerun after a failure or an unknown outcome
   * (write-then-500, dropped connection, restart) creates nothing twice. A consignment cancelled in
   * Lightspeed is not created again, and one already DISPATCHED or RECEIVED is not changed (both
   * {@code NEEDS_ATTENTION}, with a connection-log entry). Off by default
   * ({@link Builder#buyOrders(boolean)}, {@code EXPORT_DISABLED}); refused in read-only mode
   * ({@code READ_ONLY}); a dry run reads and lists what it would send.
   */
  public WriteReport exportBuyOrders(List<PurchaseOrder> orders) {
    Objects.requireNonNull(orders, "orders == null");
    return Reports.refusedExport(settings, dryRun, buyOrders, orders.stream().map(PurchaseOrder::id).toList())
        .orElseGet(() -> {
          Location outlet = BuyOrderLocation.resolve(settings, client.outlets().list().stream()
              .filter(o -> !o.deleted()).map(XSeriesMapping::toLocation).toList());
          List<WriteAction> actions = new ArrayList<>();
          List<RecordIssue> issues = new ArrayList<>();
          new BuyOrderExport(client, sink, clock, dryRun).run(orders, outlet, actions, issues);
          return finish(actions, issues);
        });
  }

  private WriteReport finish(List<WriteAction> actions, List<RecordIssue> issues) {
    if (!dryRun && !issues.isEmpty()) {
      sink.logIssues(issues);
    }
    return new WriteReport(dryRun, Optional.empty(), actions, List.of(), issues, Map.of());
  }

  private Set<String> liveOutlets() {
    return sink.locations().stream().filter(l -> !l.archived()).map(Location::id).collect(Collectors.toSet());
  }

  /** One push and the outlet it goes to. */
  private record Target(StockPush push, String outletId) {}

  /** The outlet a warehouse maps to, or null. */
  private static @Nullable String outletOf(OutletMapping mapping, String warehouseCode) {
    for (OutletLink link : mapping.links()) {
      if (link.warehouseCode().equals(warehouseCode)) {
        return link.outletId();
      }
    }
    return null;
  }

  private void push(String productId, List<Target> targets, List<WriteAction> actions, List<RecordIssue> issues,
      Map<String, Long> pushed) {
    String path = "PUT api/2.1/products/" + productId + " inventory";
    Map<String, Long> current;
    try {
      current = currentLevels(productId);
    } catch (NotFoundException ex) {
      for (Target t : targets) {
        StockPush p = t.push();
        issues.add(issue(p.key(), ReasonCode.WRITE_NOT_POSSIBLE,
            "Stock of " + p.key() + " cannot be pushed: product " + productId + " does not exist in Lightspeed",
            "Link the SKU to an existing X-Series product"));
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), path + " " + p.available(), Status.SKIPPED,
            "no such product"));
      }
      return;
    } catch (LightspeedException ex) {
      for (Target t : targets) {
        StockPush p = t.push();
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), path + " " + p.available(), Status.FAILED,
            "the current level could not be read (" + ex.getMessage() + "); nothing was sent, the next plan tries again"));
      }
      return;
    }
    List<InventoryLevel> levels = new ArrayList<>();
    List<StockPush> sent = new ArrayList<>();
    List<WriteAction> planned = new ArrayList<>();
    for (Target t : targets) {
      StockPush p = t.push();
      long target = Math.max(0, p.available());
      String note = p.available() < 0 ? "available " + p.available() + " written as 0" : "";
      Long now = current.get(t.outletId());
      String request = path + " outlet " + t.outletId() + " current_amount " + (now == null ? "" : now + " -> ")
          + target;
      if (now != null && now == target) {
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), request, Status.ALREADY_DONE,
            join("Lightspeed already holds " + target + "; nothing sent", note)));
        if (!dryRun) {
          pushed.put(p.key(), p.available());
        }
        continue;
      }
      levels.add(InventoryLevel.of(t.outletId(), BigDecimal.valueOf(target)));
      sent.add(p);
      planned.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), request, Status.PLANNED, note));
    }
    if (levels.isEmpty()) {
      return;
    }
    if (dryRun) {
      actions.addAll(planned);
      return;
    }
    Status status;
    String detail;
    try {
      client.setInventory(productId, levels);
      status = Status.DONE;
      detail = "";
      for (StockPush p : sent) {
        pushed.put(p.key(), p.available());
      }
    } catch (LightspeedException ex) {
      status = ex.requestMayHaveBeenApplied() ? Status.PENDING : Status.FAILED;
      detail = ex.getMessage() + "; not recorded as pushed: the next plan reads the level and writes only if it"
          + " differs";
    }
    for (WriteAction a : planned) {
      actions.add(new WriteAction(a.kind(), a.key(), a.request(), status, join(a.detail(), detail), a.externalId()));
    }
  }

  /** The product's inventory level per outlet, in whole units. */
  private Map<String, Long> currentLevels(String productId) {
    Map<String, Long> out = new HashMap<>();
    for (Inventory row : client.productInventory(productId).list().stream().collect(Collectors.toList())) {
      if (row.outletId().isPresent() && row.inventoryLevel().isPresent()) {
        out.put(row.outletId().get(), Quantities.wholeUnits(row.inventoryLevel().get()));
      }
    }
    return out;
  }

  private RecordIssue issue(String key, ReasonCode reason, String problem, String remedy) {
    return RecordIssue.of(RecordKind.STOCK, key, reason, problem, remedy, clock.instant());
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
  }

  @Override
  public String toString() {
    return "XSeriesWriter{dryRun=" + dryRun + "}";
  }

  /** Builds an {@link XSeriesWriter}; not thread-safe. */
  public static final class Builder {
    private @Nullable XSeriesClient client;
    private @Nullable SyncSink sink;
    private @Nullable SyncSettings settings;
    private Clock clock = Clock.systemUTC();
    private boolean dryRun;
    private @Nullable OutletMapping outletMapping;
    private boolean customers;
    private boolean buyOrders;

    private Builder() {}

    /** The retailer's client (required). */
    public Builder client(XSeriesClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** The host's sink (required): its outlets validate the push, its connection log takes the problems. */
    public Builder sink(SyncSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink == null");
      return this;
    }

    /** The rule settings (required); the push runs only when availability push is on and not read-only. */
    public Builder settings(SyncSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    /** Time for connection-log entries (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * The host's warehouse-to-outlet mapping (seed 002: one outlet to one warehouse, at least one).
     * With it, the plan's location ids are warehouse codes and each is pushed to its outlet; stock of
     * a warehouse without an outlet is skipped and logged. Without it (the default) location ids are
     * outlet ids. Stock export stays one global switch ({@code AvailabilityConfig.pushStock}).
     */
    public Builder outletMapping(OutletMapping mapping) {
      this.outletMapping = Objects.requireNonNull(mapping, "mapping == null");
      return this;
    }

    /**
     * Whether host customers are exported as X-Series customers ({@link XSeriesWriter#exportCustomers};
     * seed 002, "Export customers to Lightspeed"). Off by default, as on R-Series
     * ({@code RetailWriter.Builder.exportCustomers}): sync-core's {@code SyncSettings} has no
     * customer-export setting.
     */
    public Builder exportCustomers(boolean exportCustomers) {
      this.customers = exportCustomers;
      return this;
    }

    /**
     * Whether host buy orders are exported as SUPPLIER consignments ({@link XSeriesWriter#exportBuyOrders}).
     * Off by default, as on R-Series ({@code RetailWriter.Builder.buyOrders}).
     */
    public Builder buyOrders(boolean buyOrders) {
      this.buyOrders = buyOrders;
      return this;
    }

    /** Plan only: read the current levels and list the writes without sending any. */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    public XSeriesWriter build() {
      return new XSeriesWriter(this);
    }
  }
}
