package dev.lightspeedsync.sync.lightspeed.ecom;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.ecom.model.Order;
import dev.lightspeedsync.client.ecom.model.OrderStatus;
import dev.lightspeedsync.client.ecom.model.Shipment;
import dev.lightspeedsync.client.ecom.model.ShipmentStatus;
import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.client.ecom.write.OrderUpdate;
import dev.lightspeedsync.client.ecom.write.ShipmentUpdate;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.error.NotFoundException;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.internal.LedgerClaim;
import dev.lightspeedsync.sync.lightspeed.internal.Pushes;
import dev.lightspeedsync.sync.lightspeed.internal.ReceiptBooker;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.rules.PushPlan;
import dev.lightspeedsync.sync.rules.StockBooking;
import dev.lightspeedsync.sync.rules.StockPush;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes to an eCom shop: the stock push of a warehouse or ERP (seed 003 "stock push"), receipt
 * booking of an inventory planner (seed 000: purchase orders kept outside Lightspeed, "optional stock
 * booking"), and shipments with order status of a warehouse (seed 003 "Send shipments and update
 * status").
 *
 * <p>Every write is off by default and refused in read-only mode ({@link SyncSettings#readOnly()}):
 * the report is returned with {@link WriteReport#suppressedBecause()} and nothing is sent. A dry run
 * ({@link Builder#dryRun(boolean)}) reads what it needs and lists the writes it would send, without
 * sending any and without touching the sink. Requests are paced by the client's rate limiter.
 *
 * <p><b>Stock push.</b> Stock levels are absolute, so a push whose outcome is unknown is simply not
 * reported as pushed and is sent again by the next plan.
 *
 * <p><b>Receipt booking, exactly once.</b> The eCom API has no relative stock change: a variant's
 * {@code stockLevel} is written absolutely ({@code PUT variants/{id}.json}), and
 * {@code stockLevelChange} exists only on the read-only variant movements. Booking therefore uses
 * the same ledger-plus-reconcile design as {@code RetailWriter}: the booking is claimed in the sink's
 * ledger ({@link LedgerKind#STOCK_BOOKING}, key {@link StockBooking#key()}), the level before and the
 * target are stored before the write, the write is confirmed after it. A claim left unconfirmed (a
 * 5xx or lost connection after sending, a process killed between the write and the confirmation) is
 * reconciled on the next call by re-reading the variant: {@code stockLevel} = target means applied
 * (RECOVERED, not written again); the level before with the variant's {@code updatedAt} unchanged
 * means not applied (written again); anything else is NEEDS_ATTENTION with a connection-log issue
 * (check the variant's stock movements, then {@link #settleBookingByHand}).
 *
 * <p><b>Shipments, exactly once.</b> The eCom API cannot create shipments: Lightspeed creates one
 * with each order and the API offers only {@code GET}/{@code PUT} on {@code shipments}. A
 * {@link HostShipment} is therefore written as {@code PUT shipments/{id}.json} (status
 * {@code shipped}, the tracking code) on the order's shipment that is not shipped yet, then
 * {@code PUT orders/{id}.json} (status {@code completed_shipped}, shipmentStatus {@code shipped}).
 * The host shipment is claimed in the ledger first ({@link LedgerKind#SHIPMENT}, key
 * {@link HostShipment#key()}, as sync-core has no shipment ledger kind yet) and confirmed after both
 * writes. The tracking code makes a write observable: a claimed but unconfirmed shipment is
 * reconciled by reading the order's shipments and the order, and only the step Lightspeed does not
 * show yet is sent, so the customer is never notified twice. An order that is cancelled, or whose
 * shipments are all shipped with other tracking codes, is not written: NEEDS_ATTENTION with a
 * connection-log issue, checked again on every call.
 *
 * <p>A host shipment ships the whole order: partial shipments are not modelled (the order becomes
 * {@code completed_shipped}).
 *
 * <p>Thread-safe. Two concurrent calls never write the same booking twice (each attempt is claimed
 * in the ledger). Shipments are reconciled as interrupted when their claim is found unconfirmed, so
 * let one writer per shop send shipments at a time, across nodes too.
 */
public final class EcomWriter {
  private final EcomClient client;
  private final SyncSink sink;
  private final SyncSettings settings;
  private final Clock clock;
  private final boolean dryRun;
  private final boolean shipments;
  private final ReceiptBooker booker;

  private EcomWriter(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client is required");
    this.sink = Objects.requireNonNull(b.sink, "sink is required");
    this.settings = Objects.requireNonNull(b.settings, "settings is required");
    this.clock = b.clock;
    this.dryRun = b.dryRun;
    this.shipments = b.shipments;
    this.booker = new ReceiptBooker(sink, clock, dryRun);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Pushes the plan's available quantities as variant stock levels ({@code PUT /variants/{id}}).
   * SKU ids must be eCom variant ids and the location {@value EcomMapping#WEBSHOP}; others are
   * skipped and logged. Negative availability is written as 0.
   */
  public WriteReport pushStock(PushPlan plan) {
    Objects.requireNonNull(plan, "plan == null");
    Optional<WriteReport> none = Pushes.suppressed(settings, plan, dryRun);
    if (none.isPresent()) {
      return none.get();
    }
    List<WriteAction> actions = new ArrayList<>();
    List<RecordIssue> issues = new ArrayList<>();
    Map<String, Long> pushed = new LinkedHashMap<>();
    for (StockPush p : plan.pushes()) {
      Optional<Long> variantId = positiveId(p.skuId());
      if (variantId.isEmpty() || !p.locationId().equals(EcomMapping.WEBSHOP)) {
        issues.add(RecordIssue.of(RecordKind.STOCK, p.key(), ReasonCode.SKU_NOT_LINKED,
            "stock of " + p.key() + " cannot be pushed to eCom: the SKU id must be a variant id and the location '"
                + EcomMapping.WEBSHOP + "'",
            "link the SKU to an eCom variant", clock.instant()));
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), "PUT variants stockLevel " + p.available(), Status.SKIPPED,
            "not an eCom variant at the webshop location"));
        continue;
      }
      long level = Math.max(0, p.available());
      String previous = p.previous().isPresent() ? p.previous().getAsLong() + " -> " : "";
      String request = "PUT variants/" + variantId.get() + ".json stockLevel " + previous + level;
      String note = p.available() < 0 ? "available " + p.available() + " written as 0" : "";
      if (dryRun) {
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), request, Status.PLANNED, note));
        continue;
      }
      try {
        client.setVariantStockLevel(variantId.get(), level);
        pushed.put(p.key(), p.available());
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), request, Status.DONE, note));
      } catch (LightspeedException e) {
        Status status = e.requestMayHaveBeenApplied() ? Status.PENDING : Status.FAILED;
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), request, status, e.getMessage()
            + "; not recorded as pushed, so the next plan pushes it again (absolute, harmless)"));
      }
    }
    if (!dryRun) {
      sink.logIssues(issues);
    }
    return new WriteReport(dryRun, Optional.empty(), actions, plan.unchanged(), issues, pushed);
  }

  // Receipt booking ---------------------------------------------------------------------------------

  /**
   * Books receipts as variant stock, each exactly once (see the class documentation): the variant's
   * {@code stockLevel} rises by the received quantity. SKU ids must be eCom variant ids and the
   * location {@value EcomMapping#WEBSHOP}; others are skipped and logged. Pass the bookings of
   * {@code PurchaseOrderRule.applyReceipt}; after a failure or a restart pass the same bookings again
   * and the writer reconciles instead of booking twice. Refused in read-only mode
   * ({@code READ_ONLY}) and when {@code PurchaseOrderConfig.bookingEnabled} is off
   * ({@code BOOKING_DISABLED}, the default).
   *
   * <p>Do not drop bookings whose key is merely present in the ledger: a claimed but unconfirmed one
   * must reach this method to be reconciled. Filter on
   * {@code ledgerEntry(..).map(LedgerEntry::confirmed).orElse(false)}, or not at all.
   */
  public WriteReport bookReceipts(List<StockBooking> bookings) {
    Objects.requireNonNull(bookings, "bookings == null");
    Optional<WriteReport> suppressed = ReceiptBooker.suppressed(settings, dryRun);
    if (suppressed.isPresent()) {
      return suppressed.get();
    }
    List<WriteAction> actions = new ArrayList<>();
    List<RecordIssue> issues = new ArrayList<>();
    for (StockBooking b : bookings) {
      Optional<Long> variantId = positiveId(b.skuId());
      if (variantId.isEmpty() || !b.locationId().equals(EcomMapping.WEBSHOP)) {
        issues.add(booker.issue(RecordKind.RECEIPT, b.key(), ReasonCode.SKU_NOT_LINKED,
            "Receipt line " + b.key() + " cannot be booked on eCom: SKU '" + b.skuId() + "' at location '"
                + b.locationId() + "' is not a variant id at location '" + EcomMapping.WEBSHOP + "'",
            "Link the SKU to an eCom variant and receive at location '" + EcomMapping.WEBSHOP + "'"));
        actions.add(WriteAction.of(Kind.STOCK_BOOKING, b.key(), "+" + b.quantity(), Status.SKIPPED,
            "not an eCom variant at the webshop location"));
        continue;
      }
      actions.add(booker.book(b, variantStock(variantId.get(), b.skuId()), issues));
    }
    return finish(actions, issues);
  }

  /**
   * Settles a booking by hand after the user checked the variant's stock movements (a
   * NEEDS_ATTENTION booking): confirmed in the ledger with {@code note}, never written again, its
   * connection-log issue resolved. Returns the stored entry, empty when the booking was never
   * claimed. In read-only mode or a dry run nothing changes.
   */
  public Optional<LedgerEntry> settleBookingByHand(String bookingKey, String note) {
    return booker.settleByHand(bookingKey, note, settings.readOnly());
  }

  /** A variant's stock level: what an eCom receipt booking raises. */
  private ReceiptBooker.StockRow variantStock(long variantId, String skuId) {
    return new ReceiptBooker.StockRow("PUT variants/" + variantId + ".json", "stockLevel", "variant " + variantId,
        "variant " + variantId, "the variant's stock movements",
        "Fix variant " + variantId + " in the eCom back office as the message says; the booking is sent again once"
            + " the variant has changed, or when this issue is resolved",
        "Link SKU '" + skuId + "' to an existing eCom variant", "variants/" + variantId + " stockLevel",
        () -> readStock(variantId), target -> client.setVariantStockLevel(variantId, target));
  }

  /** The variant's {@code updatedAt} stamps both the row and the record: any write moves it. */
  private ReceiptBooker.Level readStock(long variantId) {
    Variant v = client.variants().get(variantId);
    Instant stamp = v.updatedAt().orElse(null);
    return new ReceiptBooker.Level(v.stockLevel().orElse(0L), stamp, stamp);
  }

  // Shipments -----------------------------------------------------------------------------------------

  /**
   * Writes host shipments back to their eCom orders, each exactly once (see the class
   * documentation): the order's shipment becomes {@code shipped} with the tracking code, the order
   * {@code completed_shipped}. Off by default ({@link Builder#shipments(boolean)}, otherwise
   * {@code EXPORT_DISABLED}); refused in read-only mode ({@code READ_ONLY}).
   */
  public WriteReport shipOrders(List<HostShipment> hostShipments) {
    Objects.requireNonNull(hostShipments, "hostShipments == null");
    if (settings.readOnly()) {
      return WriteReport.suppressed(dryRun, ReasonCode.READ_ONLY, List.of());
    }
    if (!shipments) {
      return WriteReport.suppressed(dryRun, ReasonCode.EXPORT_DISABLED, hostShipments.stream()
          .map(h -> new Exclusion(h.key(), ReasonCode.EXPORT_DISABLED)).toList());
    }
    List<WriteAction> actions = new ArrayList<>();
    List<RecordIssue> issues = new ArrayList<>();
    for (HostShipment h : hostShipments) {
      actions.add(ship(h, issues));
    }
    return finish(actions, issues);
  }

  private WriteAction ship(HostShipment h, List<RecordIssue> issues) {
    String key = h.key();
    Optional<Long> orderId = positiveId(h.orderId());
    if (orderId.isEmpty()) {
      issues.add(booker.issue(RecordKind.HOST_ORDER, key, ReasonCode.WRITE_NOT_POSSIBLE,
          "Shipment " + h.id() + " cannot be sent: order '" + h.orderId() + "' is not an eCom order id",
          "Ship orders imported from eCom; their id is the eCom order id"));
      return WriteAction.of(Kind.SHIPMENT, key, "PUT shipments", Status.SKIPPED, "not an eCom order id");
    }
    long order = orderId.get();
    String request = "PUT shipments (order " + order + ") shipped trackingCode " + h.trackingCode()
        + "; PUT orders/" + order + ".json completed_shipped";
    LedgerClaim claim = LedgerClaim.read(sink, LedgerKind.SHIPMENT, key);
    if (claim.done()) {
      return WriteAction.of(Kind.SHIPMENT, key, request, Status.ALREADY_DONE, "sent before")
          .withExternalId(claim.externalId().orElse(""));
    }
    try {
      if (!dryRun) {
        claim = claim.claim(clock.instant());
        if (claim.done()) {
          return WriteAction.of(Kind.SHIPMENT, key, request, Status.ALREADY_DONE, "sent concurrently");
        }
      }
      return shipClaimed(h, order, claim.earlierAttempt(), issues);
    } catch (NotFoundException e) {
      issues.add(booker.issue(RecordKind.HOST_ORDER, key, ReasonCode.WRITE_NOT_POSSIBLE,
          "Shipment " + h.id() + " cannot be sent: order " + order + " does not exist in eCom",
          "Check the order id of the shipment"));
      return WriteAction.of(Kind.SHIPMENT, key, request, Status.SKIPPED, ReceiptBooker.describe(e));
    } catch (LightspeedException e) {
      // only reads get here: the writes are handled in shipClaimed
      return WriteAction.of(Kind.SHIPMENT, key, request, Status.FAILED, "could not read the order: "
          + ReceiptBooker.describe(e) + "; nothing sent, the next call tries again");
    }
  }

  /** The shipment is claimed (or this is a dry run): read the order and its shipments, send what they lack. */
  private WriteAction shipClaimed(HostShipment h, long orderId, boolean earlier, List<RecordIssue> issues) {
    String key = h.key();
    Order order = client.orders().get(orderId);
    List<Shipment> all = client.shipmentsOfOrder(orderId);
    Optional<Shipment> ours = all.stream().filter(s -> shippedWith(s, h.trackingCode())).findFirst();
    Optional<Shipment> open = all.stream().filter(s -> s.status() != ShipmentStatus.SHIPPED
        && s.status() != ShipmentStatus.CANCELLED).findFirst();
    boolean orderDone = orderShipped(order);
    if (order.status() == OrderStatus.CANCELLED || (ours.isEmpty() && open.isEmpty())) {
      String why = order.status() == OrderStatus.CANCELLED ? "the order is cancelled"
          : all.isEmpty() ? "the order has no shipment" : "every shipment of the order is already shipped with another"
              + " tracking code (" + all.stream().map(s -> s.trackingCode().orElse("none")).distinct()
                  .collect(Collectors.joining(", ")) + ")";
      issues.add(booker.issue(RecordKind.HOST_ORDER, key, ReasonCode.WRITE_NOT_POSSIBLE,
          "Shipment " + h.id() + " (tracking code " + h.trackingCode() + ") is not sent to eCom order " + orderId
              + ": " + why,
          "Check the order in the eCom back office; when it shows this tracking code the next run confirms the"
              + " shipment"));
      return WriteAction.of(Kind.SHIPMENT, key, "PUT shipments (order " + orderId + ") trackingCode "
          + h.trackingCode(), Status.NEEDS_ATTENTION, why + "; nothing sent");
    }
    long shipmentId = ours.map(Shipment::id).orElseGet(() -> open.get().id());
    String shipRequest = "PUT shipments/" + shipmentId + ".json status shipped trackingCode " + h.trackingCode()
        + (h.notifyCustomer() ? " (customer notified)" : "");
    String orderRequest = "PUT orders/" + orderId + ".json status " + order.statusRaw().orElse("?")
        + " -> completed_shipped, shipmentStatus shipped";
    String request = (ours.isPresent() ? "" : shipRequest + "; ") + (orderDone ? "" : orderRequest);
    if (request.endsWith("; ")) {
      request = request.substring(0, request.length() - 2);
    }
    List<String> found = new ArrayList<>();
    if (ours.isPresent()) {
      found.add("the shipment already shows this tracking code");
    }
    if (orderDone) {
      found.add("the order is already completed_shipped");
    }
    if (dryRun) {
      return WriteAction.of(Kind.SHIPMENT, key, request.isEmpty() ? "(nothing to send)" : request, Status.PLANNED,
          String.join("; ", found));
    }
    boolean recovered = earlier && !found.isEmpty();
    if (ours.isEmpty()) {
      try {
        client.updateShipment(shipmentId, ShipmentUpdate.builder().status(
            ShipmentStatus.SHIPPED).trackingCode(h.trackingCode())
            .notifyShipped(h.notifyCustomer()).notifyTrackingCode(h.notifyCustomer()).build());
      } catch (LightspeedException e) {
        if (!e.requestMayHaveBeenApplied()) {
          return WriteAction.of(Kind.SHIPMENT, key, shipRequest, Status.FAILED, "Lightspeed refused the shipment: "
              + ReceiptBooker.describe(e) + "; nothing changed, the next call tries again");
        }
        if (!landed(() -> client.shipmentsOfOrder(orderId).stream().anyMatch(s -> shippedWith(s, h.trackingCode())))) {
          return WriteAction.of(Kind.SHIPMENT, key, shipRequest, Status.PENDING, "outcome unknown ("
              + ReceiptBooker.describe(e) + ") and the shipment does not show the tracking code yet: the next call"
              + " checks again before sending");
        }
        recovered = true;
        found.add("answered " + ReceiptBooker.describe(e) + " but the shipment was marked shipped");
      }
    }
    if (!orderDone) {
      try {
        client.updateOrder(orderId, OrderUpdate.builder().status(OrderStatus.COMPLETED_SHIPPED)
            .shipmentStatus(ShipmentStatus.SHIPPED).build());
      } catch (LightspeedException e) {
        boolean applied = e.requestMayHaveBeenApplied() && landed(() -> orderShipped(client.orders().get(orderId)));
        if (!applied) {
          return WriteAction.of(Kind.SHIPMENT, key, orderRequest, e.requestMayHaveBeenApplied() ? Status.PENDING
              : Status.FAILED, "shipment " + shipmentId + " is shipped but the order status was not updated ("
              + ReceiptBooker.describe(e) + "): the next call updates it without touching the shipment again");
        }
        recovered = true;
        found.add("answered " + ReceiptBooker.describe(e) + " but the order status was updated");
      }
    }
    String external = "shipments/" + shipmentId + " trackingCode " + h.trackingCode() + ", orders/" + orderId
        + " completed_shipped";
    sink.confirmInLedger(LedgerKind.SHIPMENT, key, external);
    sink.resolveIssues(RecordKind.HOST_ORDER, key);
    return WriteAction.of(Kind.SHIPMENT, key, request.isEmpty() ? "(nothing left to send)" : request,
        recovered ? Status.RECOVERED : Status.DONE, String.join("; ", found)).withExternalId(external);
  }

  private static boolean shippedWith(Shipment s, String trackingCode) {
    return s.status() == ShipmentStatus.SHIPPED && s.trackingCode().filter(trackingCode::equals).isPresent();
  }

  private static boolean orderShipped(Order o) {
    return o.status() == OrderStatus.COMPLETED_SHIPPED && o.shipmentStatus() == ShipmentStatus.SHIPPED;
  }

  /** Whether a re-read shows an uncertain write; a failed re-read counts as "not yet". */
  private static boolean landed(java.util.function.BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (LightspeedException e) {
      return false;
    }
  }

  // Shared ----------------------------------------------------------------------------------------------

  private WriteReport finish(List<WriteAction> actions, List<RecordIssue> issues) {
    if (!dryRun && !issues.isEmpty()) {
      sink.logIssues(issues);
    }
    return new WriteReport(dryRun, Optional.empty(), actions, List.of(), issues, Map.of());
  }

  private static Optional<Long> positiveId(String value) {
    return Optional.ofNullable(ReceiptBooker.id(value));
  }

  /** Builds an {@link EcomWriter}. Not thread-safe. */
  public static final class Builder {
    private @Nullable EcomClient client;
    private @Nullable SyncSink sink;
    private @Nullable SyncSettings settings;
    private Clock clock = Clock.systemUTC();
    private boolean dryRun;
    private boolean shipments;

    private Builder() {}

    public Builder client(EcomClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    public Builder sink(SyncSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink == null");
      return this;
    }

    /**
     * The rule settings: read-only, stock push ({@code AvailabilityConfig.pushStock}) and receipt
     * booking ({@code PurchaseOrderConfig.bookingEnabled}) come from here.
     */
    public Builder settings(SyncSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Plan only: read what is needed, list the writes without sending any, change nothing in the sink. */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Whether host shipments are written back to eCom orders ({@link EcomWriter#shipOrders}). Off by default. */
    public Builder shipments(boolean shipments) {
      this.shipments = shipments;
      return this;
    }

    public EcomWriter build() {
      return new EcomWriter(this);
    }
  }
}
