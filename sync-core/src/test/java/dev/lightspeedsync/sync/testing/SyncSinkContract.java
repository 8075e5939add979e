package dev.lightspeedsync.sync.testing;

import static org.assertj.core.api.Assertions.tuple;
import dev.lightspeedsync.sync.model.Supplier;
import dev.lightspeedsync.sync.model.Location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.model.Deactivation;
import dev.lightspeedsync.sync.model.Demand;
import dev.lightspeedsync.sync.model.SkuListing;
import dev.lightspeedsync.sync.rules.ProductField;
import java.math.BigDecimal;
import java.util.Set;
import dev.lightspeedsync.sync.model.PaymentStatus;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.ReceiptLine;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesChannel;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.LedgerOutcome;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SyncSink} must have. A host proves its own sink by extending this class
 * in its test sources (from the {@code sync-core} test-jar, with JUnit Jupiter and AssertJ on the test
 * classpath):
 *
 * <pre>{@code
 * class JdbcSyncSinkTest extends SyncSinkContract {
 *   protected SyncSink newSink() { return new JdbcSyncSink(freshSchema()); }
 *   protected SyncSink reopen(SyncSink sink) { return new JdbcSyncSink(sameSchemaAs(sink)); }
 * }
 * }</pre>
 *
 * <p>Each test starts from {@link #newSink()}, which must return an empty sink. Tests are
 * independent and take well under a second on an in-memory store.
 */
public abstract class SyncSinkContract {
  /** A fixed instant: the contract never reads the clock. */
  protected static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

  private SyncSink sink;

  /** An empty sink, private to one test. */
  protected abstract SyncSink newSink();

  /**
   * A new sink over the same storage as {@code sink}, as after a process restart (for example a new
   * connection pool on the same database). This is how the contract checks that state survives.
   */
  protected abstract SyncSink reopen(SyncSink sink);

  /**
   * Simulates the process dying right after the last write returned, without any orderly shutdown
   * (no close, no flush), and returns a new sink over what the storage kept, as after a
   * {@code kill -9} and a restart. Override it when your store can be crashed in-process (H2:
   * {@code SHUTDOWN IMMEDIATELY}); the default is {@link #reopen}. The durability test below uses it:
   * every write that returned must be there afterwards.
   */
  protected SyncSink crashAndReopen(SyncSink sink) {
    return reopen(sink);
  }

  /**
   * Whether this sink makes a {@link SyncSink#unitOfWork unit of work} atomic (one transaction).
   * Override it to return {@code true} when yours does: the contract then also checks that a unit
   * that fails leaves nothing behind.
   */
  protected boolean atomicUnits() {
    return false;
  }

  @BeforeEach
  void createSink() {
    sink = newSink();
  }

  /** The sink under test. */
  protected SyncSink sink() {
    return sink;
  }

  private static Sku sku(String id, String name) {
    return Sku.builder().id(id).sku("SKU-" + id).name(name).build();
  }

  private static SalesOrder sale(String id, long qty) {
    return SalesOrder.builder().id(id).channel(SalesChannel.RETAIL).status(SaleStatus.COMPLETED)
        .paymentStatus(PaymentStatus.PAID).createdAt(T0).updatedAt(T0)
        .addLines(SalesLine.of(id + "-1", "A", qty)).build();
  }

  @Test
  @DisplayName("upserting the same SKUs twice leaves the same state (idempotent upsert)")
  void skuUpsertIsIdempotent() {
    List<Sku> batch = List.of(sku("1", "Bike"), sku("2", "Helmet"));

    sink.upsertSkus(batch);
    sink.upsertSkus(batch);

    assertThat(sink.findSkus(List.of("1", "2", "3"))).containsOnlyKeys("1", "2")
        .containsEntry("1", batch.get(0)).containsEntry("2", batch.get(1));
  }

  @Test
  @DisplayName("locations are upserted by id, kept in first-stored order, archived ones kept")
  void locationsUpsertById() {
    sink.upsertLocations(List.of(Location.of("1", "Main Warehouse"), Location.of("2", "Outlet")));
    sink.upsertLocations(List.of(Location.builder().id("1").code("Main Warehouse").archived(true).build()));

    assertThat(sink.locations()).extracting(Location::id, Location::code, Location::archived)
        .containsExactly(tuple("1", "Main Warehouse", true), tuple("2", "Outlet", false));
    assertThat(reopen(sink).locations()).hasSize(2);
  }

  @Test
  @DisplayName("suppliers are upserted by id and found by id")
  void suppliersUpsertById() {
    sink.upsertSuppliers(List.of(Supplier.of("7", "Acme"), Supplier.of("8", "Globex")));
    sink.upsertSuppliers(List.of(Supplier.of("7", "Acme Corp")));

    assertThat(sink.findSuppliers(List.of("7", "8", "9"))).containsOnlyKeys("7", "8")
        .containsEntry("7", Supplier.of("7", "Acme Corp"));
    assertThat(reopen(sink).findSuppliers(List.of("8"))).containsKey("8");
  }

  @Test
  @DisplayName("an upsert replaces the SKU with the same id")
  void skuUpsertReplaces() {
    sink.upsertSkus(List.of(sku("1", "Bike")));
    sink.upsertSkus(List.of(sku("1", "Bicycle")));

    assertThat(sink.findSkus(List.of("1")).get("1").name()).isEqualTo("Bicycle");
  }

  @Test
  @DisplayName("[seed 000] host-owned order-by quantity and MOQ survive an upsert that does not"
      + " carry them, and change when one does")
  void hostOwnedFieldsSurvive() {
    sink.upsertSkus(List.of(sku("1", "Bike").withOrderByQuantity(Optional.of(6L))
        .withMinimumOrderQuantity(Optional.of(24L))));

    sink.upsertSkus(List.of(sku("1", "Bicycle")));
    Sku afterSync = sink.findSkus(List.of("1")).get("1");
    sink.upsertSkus(List.of(afterSync.withMinimumOrderQuantity(Optional.of(12L))));
    Sku afterHostEdit = sink.findSkus(List.of("1")).get("1");

    assertThat(afterSync.name()).isEqualTo("Bicycle");
    assertThat(afterSync.orderByQuantity()).contains(6L);
    assertThat(afterSync.minimumOrderQuantity()).contains(24L);
    assertThat(afterHostEdit.minimumOrderQuantity()).contains(12L);
  }

  @Test
  @DisplayName("[seed 000] deactivation keeps the SKU (inactive) and its sales; repeating it and"
      + " unknown ids change nothing")
  void deactivationNeverErases() {
    sink.upsertSkus(List.of(sku("A", "Bike")));
    SalesOrder s = sale("S1", 2);
    sink.upsertSales(List.of(s));
    List<Deactivation> d = List.of(Deactivation.of("A", ReasonCode.HIDDEN, T0),
        Deactivation.of("unknown", ReasonCode.DELETED_AT_SOURCE, T0));

    sink.deactivateSkus(d);
    sink.deactivateSkus(d);

    assertThat(sink.findSkus(List.of("A", "unknown"))).containsOnlyKeys("A");
    assertThat(sink.findSkus(List.of("A")).get("A").active()).isFalse();
    assertThat(sink.findSales(List.of("S1"))).containsEntry("S1", s);
  }

  @Test
  @DisplayName("stock is keyed by SKU and location: repeats do not duplicate, updates replace")
  void stockUpsert() {
    StockLevel a1 = StockLevel.builder().skuId("A").locationId("1").onHand(5).build();
    StockLevel a2 = StockLevel.builder().skuId("A").locationId("2").onHand(1).build();

    sink.upsertStock(List.of(a1, a2));
    sink.upsertStock(List.of(a1, a2.withOnHand(7)));

    assertThat(sink.findStock(List.of("A"))).containsExactlyInAnyOrder(a1, a2.withOnHand(7));
    assertThat(sink.findStock(List.of("B"))).isEmpty();
  }

  @Test
  @DisplayName("a re-sent sales order replaces the stored one, lines included; repeats change"
      + " nothing")
  void salesUpsert() {
    sink.upsertSales(List.of(sale("S1", 1), sale("S2", 1)));
    sink.upsertSales(List.of(sale("S1", 3)));
    sink.upsertSales(List.of(sale("S1", 3)));

    assertThat(sink.findSales(List.of("S1", "S2"))).hasSize(2);
    assertThat(sink.findSales(List.of("S1")).get("S1").lines()).singleElement()
        .satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
  }

  @Test
  @DisplayName("purchase orders upsert by id; a receipt is recorded once even if sent twice")
  void purchaseOrdersAndReceipts() {
    PurchaseOrder po = PurchaseOrder.builder().id("PO1").locationId("L").createdAt(T0)
        .addLines(PurchaseOrderLine.of("1", "A", 5)).build();
    Receipt r1 = Receipt.builder().id("R1").purchaseOrderId("PO1").receivedAt(T0)
        .addLines(ReceiptLine.of("1", 2)).build();
    Receipt r1Again = Receipt.builder().from(r1).receivedAt(T0.plusSeconds(5)).build();

    sink.upsertPurchaseOrders(List.of(po));
    sink.upsertPurchaseOrders(List.of(po.withClosedManually(true)));
    sink.recordReceipts(List.of(r1));
    sink.recordReceipts(List.of(r1Again));

    assertThat(sink.findPurchaseOrder("PO1")).hasValueSatisfying(
        p -> assertThat(p.closedManually()).isTrue());
    assertThat(sink.findPurchaseOrder("PO2")).isEmpty();
    assertThat(sink.findReceipts("PO1")).containsExactly(r1);
  }

  @Test
  @DisplayName("checkpoints are per stream, replaced on save, and survive a restart")
  void checkpointsSurvive() {
    sink.saveCheckpoint(Checkpoint.of("retail:items", "cursor-1", T0));
    sink.saveCheckpoint(Checkpoint.of("retail:items", "cursor-2", T0.plusSeconds(1)));
    sink.saveCheckpoint(Checkpoint.of("retail:sales", "cursor-9", T0));

    SyncSink restarted = reopen(sink);

    assertThat(restarted.checkpoint("retail:items")).map(Checkpoint::position)
        .contains("cursor-2");
    assertThat(restarted.checkpoint("retail:sales")).map(Checkpoint::position)
        .contains("cursor-9");
    assertThat(restarted.checkpoint("ecom:orders")).isEmpty();
  }

  @Test
  @DisplayName("[seed 004] 'Orders can only be exported ... once': the ledger refuses a second"
      + " booking of the same key, keeps the first, and remembers it after a restart")
  void ledgerRefusesSecondBooking() {
    LedgerEntry first = LedgerEntry.of(LedgerKind.ORDER_EXPORT, "W1", T0);
    LedgerEntry second = LedgerEntry.of(LedgerKind.ORDER_EXPORT, "W1", T0.plusSeconds(9));
    LedgerEntry otherKind = LedgerEntry.of(LedgerKind.STOCK_BOOKING, "W1", T0);

    List<LedgerOutcome> a = sink.recordInLedger(List.of(first, otherKind));
    List<LedgerOutcome> b = reopen(sink).recordInLedger(List.of(second));

    assertThat(a).extracting(LedgerOutcome::recorded).containsExactly(true, true);
    assertThat(b).singleElement().satisfies(o -> {
      assertThat(o.recorded()).isFalse();
      assertThat(o.entry()).isEqualTo(first);
    });
    assertThat(reopen(sink).ledgerEntry(LedgerKind.ORDER_EXPORT, "W1")).contains(first);
    assertThat(sink.ledgerEntry(LedgerKind.ORDER_EXPORT, "W2")).isEmpty();
  }

  @Test
  @DisplayName("a ledger entry is claimed unconfirmed, then confirmed once with Lightspeed's id;"
      + " the first confirmation wins and survives a restart")
  void ledgerConfirmation() {
    sink.recordInLedger(List.of(LedgerEntry.of(LedgerKind.ORDER_EXPORT, "W1", T0)));
    boolean claimedUnconfirmed = sink.ledgerEntry(LedgerKind.ORDER_EXPORT, "W1")
        .map(e -> !e.confirmed()).orElse(false);

    Optional<LedgerEntry> confirmed = sink.confirmInLedger(LedgerKind.ORDER_EXPORT, "W1", "sale-9");
    Optional<LedgerEntry> again = sink.confirmInLedger(LedgerKind.ORDER_EXPORT, "W1", "sale-10");
    Optional<LedgerEntry> unknown = sink.confirmInLedger(LedgerKind.ORDER_EXPORT, "W2", "x");

    assertThat(claimedUnconfirmed).isTrue();
    assertThat(confirmed).flatMap(LedgerEntry::externalId).contains("sale-9");
    assertThat(again).flatMap(LedgerEntry::externalId).contains("sale-9");
    assertThat(unknown).isEmpty();
    assertThat(reopen(sink).ledgerEntry(LedgerKind.ORDER_EXPORT, "W1"))
        .flatMap(LedgerEntry::externalId).contains("sale-9");
  }

  @Test
  @DisplayName("the ledger refuses a duplicate key within one batch")
  void ledgerRefusesDuplicateInBatch() {
    LedgerEntry e = LedgerEntry.of(LedgerKind.STOCK_BOOKING, "receipt/PO1/R1/1", T0);

    List<LedgerOutcome> out = sink.recordInLedger(List.of(e, e));

    assertThat(out).extracting(LedgerOutcome::recorded).containsExactly(true, false);
  }

  @Test
  @DisplayName("the ledger records a key exactly once when threads race for it")
  void ledgerUnderConcurrency() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        LedgerEntry e = LedgerEntry.of(LedgerKind.ORDER_EXPORT, "RACE", T0.plusSeconds(i));
        Callable<Boolean> task = () -> {
          start.await();
          return sink.recordInLedger(List.of(e)).get(0).recorded();
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      int recorded = 0;
      for (Future<Boolean> f : results) {
        recorded += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(recorded).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("[seed 002] 'view the fault in the connection log and fix accordingly': problems"
      + " are stored per record, a repeat replaces instead of piling up, resolving removes them")
  void connectionLog() {
    RecordIssue supplier = RecordIssue.of(RecordKind.SKU, "1", ReasonCode.UNKNOWN_SUPPLIER,
        "Unknown Supplier", "Assign a supplier in Lightspeed", T0);
    RecordIssue price = RecordIssue.of(RecordKind.SKU, "1", ReasonCode.PURCHASE_PRICE_MISSING,
        "No price", "Enter a price", T0);
    RecordIssue other = RecordIssue.of(RecordKind.SKU, "2", ReasonCode.SKU_MISSING,
        "No SKU", "Enter a SKU", T0);
    RecordIssue order = RecordIssue.of(RecordKind.HOST_ORDER, "W1",
        ReasonCode.ORDER_NOT_BALANCED, "Unbalanced", "Collect the payment", T0);

    sink.logIssues(List.of(supplier, price, other, order));
    sink.logIssues(List.of(supplier.withDetectedAt(T0.plusSeconds(1800))));
    List<RecordIssue> beforeResolve = sink.openIssues(RecordKind.SKU);
    sink.resolveIssues(RecordKind.SKU, "1");

    assertThat(beforeResolve).hasSize(3);
    assertThat(beforeResolve.get(0).detectedAt()).isEqualTo(T0.plusSeconds(1800));
    assertThat(sink.openIssues(RecordKind.SKU)).containsExactly(other);
    assertThat(sink.openIssues(RecordKind.HOST_ORDER)).containsExactly(order);
  }

  @Test
  @DisplayName("one run per account: a second run lock of the same account is refused until the first is released")
  void runLockIsExclusivePerAccount() {
    SyncSink a = sink();
    SyncSink b = reopen(a);
    Optional<dev.lightspeedsync.sync.spi.RunLock> first = a.tryLockRun("retail:1");
    assertThat(first).isPresent();
    assertThat(b.tryLockRun("retail:1")).as("same account, other sink over the same storage").isEmpty();
    Optional<dev.lightspeedsync.sync.spi.RunLock> other = b.tryLockRun("retail:2");
    assertThat(other).as("another account is not blocked").isPresent();
    first.get().close();
    first.get().close(); // closing twice is harmless
    Optional<dev.lightspeedsync.sync.spi.RunLock> again = b.tryLockRun("retail:1");
    assertThat(again).as("released").isPresent();
    again.get().close();
    other.get().close();
  }

  @Test
  @DisplayName("[seed 003] a SKU's image URLs are stored in order, replaced by the next upsert, and emptied by one"
      + " without images")
  void imageUrlsRoundTrip() {
    Sku withImages = Sku.builder().id("1").sku("A").name("Bike")
        .addImageUrls("https://cdn.example/1/main.jpg", "https://cdn.example/1/side.jpg?w=800&h=600").build();
    sink.upsertSkus(List.of(withImages));
    assertThat(sink.findSkus(List.of("1")).get("1").imageUrls())
        .containsExactly("https://cdn.example/1/main.jpg", "https://cdn.example/1/side.jpg?w=800&h=600");

    sink.upsertSkus(List.of(Sku.builder().from(withImages).imageUrls(List.of("https://cdn.example/1/new.jpg")).build()));
    assertThat(reopen(sink).findSkus(List.of("1")).get("1").imageUrls()).containsExactly("https://cdn.example/1/new.jpg");

    sink.upsertSkus(List.of(Sku.builder().from(withImages).imageUrls(List.of()).build()));
    assertThat(sink.findSkus(List.of("1")).get("1").imageUrls()).isEmpty();
  }

  @Test
  @DisplayName("a unit of work (one page) sees its own writes, a unit begun inside it joins it, and what it"
      + " wrote is durable once it returns")
  void unitOfWorkIsDurableWhenItReturns() {
    SyncSink a = sink();
    a.unitOfWork(() -> {
      a.upsertSkus(List.of(sku("1", "Bike")));
      assertThat(a.findSkus(List.of("1"))).as("read your own writes inside the unit").containsKey("1");
      a.unitOfWork(() -> a.upsertStock(List.of(StockLevel.builder().skuId("1").locationId("1").onHand(4)
          .build())));
      a.logIssues(List.of(RecordIssue.of(RecordKind.SKU, "1", ReasonCode.SKU_MISSING, "p", "r", T0)));
      a.saveCheckpoint(Checkpoint.of("items", "page-2", T0));
    });

    SyncSink b = crashAndReopen(a);

    assertThat(b.findSkus(List.of("1"))).containsKey("1");
    assertThat(b.findStock(List.of("1"))).extracting(StockLevel::onHand).containsExactly(4L);
    assertThat(b.openIssues(RecordKind.SKU)).extracting(RecordIssue::recordId).containsExactly("1");
    assertThat(b.checkpoint("items")).map(Checkpoint::position).contains("page-2");
  }

  @Test
  @DisplayName("a unit of work that throws propagates its exception, and an atomic sink applies nothing of"
      + " it: the page's records and its checkpoint stay as they were")
  void failedUnitOfWork() {
    SyncSink a = sink();
    a.saveCheckpoint(Checkpoint.of("items", "page-1", T0));
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(() -> a.unitOfWork(() -> {
      a.upsertSkus(List.of(sku("1", "Bike")));
      a.saveCheckpoint(Checkpoint.of("items", "page-2", T0));
      throw boom;
    })).isSameAs(boom);

    a.upsertSkus(List.of(sku("2", "Helmet"))); // the sink is usable afterwards, outside a unit
    SyncSink b = reopen(a);
    assertThat(b.findSkus(List.of("2"))).containsKey("2");
    org.junit.jupiter.api.Assumptions.assumeTrue(atomicUnits(), "this sink's units are not atomic");
    assertThat(b.findSkus(List.of("1"))).as("rolled back").isEmpty();
    assertThat(b.checkpoint("items")).map(Checkpoint::position).contains("page-1");
  }

  @Test
  @DisplayName("a write is durable when the call returns: ledger claims, confirmations, checkpoints and"
      + " records survive a crash right after them (exactly-once depends on it)")
  void writesThatReturnedSurviveACrash() {
    SyncSink a = sink();
    a.upsertSkus(List.of(sku("1", "Bike")));
    a.saveCheckpoint(Checkpoint.of("sales", "cursor-7", T0));
    List<LedgerOutcome> claimed = a.recordInLedger(List.of(LedgerEntry.of(LedgerKind.ORDER_EXPORT, "W-1", T0),
        LedgerEntry.of(LedgerKind.STOCK_BOOKING, "R-1/1", T0)));
    a.confirmInLedger(LedgerKind.ORDER_EXPORT, "W-1", "sale-42");

    SyncSink b = crashAndReopen(a);

    assertThat(claimed).allMatch(LedgerOutcome::recorded);
    assertThat(b.ledgerEntry(LedgerKind.ORDER_EXPORT, "W-1")).get()
        .extracting(e -> e.externalId().orElse("")).isEqualTo("sale-42");
    assertThat(b.ledgerEntry(LedgerKind.STOCK_BOOKING, "R-1/1")).isPresent();
    assertThat(b.recordInLedger(List.of(LedgerEntry.of(LedgerKind.ORDER_EXPORT, "W-1", T0))).get(0).recorded())
        .as("a claim that returned before the crash still refuses a second claim").isFalse();
    assertThat(b.checkpoint("sales")).map(Checkpoint::position).contains("cursor-7");
    assertThat(b.findSkus(List.of("1"))).containsKey("1");
  }

  private static Demand demand(String order, String line, String sold, String sku, long qty, String... path) {
    return Demand.builder().orderId(order).lineId(line).soldSkuId(sold).skuId(sku).quantity(qty)
        .path(List.of(path)).locationId("1").at(T0).build();
  }

  @Test
  @DisplayName("[seed 000] demand is replaced per order: a re-sent order's demand replaces all of its"
      + " stored demand, provenance included, and an order without demand left has none")
  void demandIsReplacedPerOrder() {
    Demand direct = demand("S1", "1", "A", "A", 2);
    Demand viaBox = demand("S1", "2", "BOX", "CAN", 12, "BOX");
    Demand other = demand("S2", "1", "A", "A", 1);
    sink.replaceDemand(List.of("S1", "S2"), List.of(direct, viaBox, other));
    sink.replaceDemand(List.of("S1", "S2"), List.of(direct, viaBox, other)); // idempotent

    assertThat(sink.findDemand(List.of("A", "CAN"))).containsExactlyInAnyOrder(direct, viaBox, other);
    assertThat(reopen(sink).findDemand(List.of("CAN"))).singleElement()
        .satisfies(d -> assertThat(d.path()).containsExactly("BOX"));

    sink.replaceDemand(List.of("S1"), List.of(demand("S1", "1", "A", "A", 3)));
    sink.replaceDemand(List.of("S2"), List.of()); // S2 voided: no demand left

    assertThat(sink.findDemand(List.of("A", "CAN"))).extracting(Demand::orderId, Demand::skuId, Demand::quantity)
        .containsExactly(tuple("S1", "A", 3L));
    assertThat(sink.findDemand(List.of("nothing"))).isEmpty();
  }

  @Test
  @DisplayName("[seed 004] listings are upserted by SKU id and found by id, every field kept")
  void listingsUpsertBySku() {
    SkuListing first = SkuListing.builder().skuId("1").code("AB12").regularPrice(new BigDecimal("10.00"))
        .salePrice(new BigDecimal("8.50")).gtin1("0012345").gtin2("871234").mpn("MPN-1")
        .pendingExport(Set.of(ProductField.NAME, ProductField.PRICES)).build();
    SkuListing second = SkuListing.builder().skuId("2")
        .addPublishMissing(ReasonCode.PUBLISH_PRICE_MISSING, ReasonCode.PUBLISH_IDENTIFIER_MISSING).build();
    sink.upsertListings(List.of(first, second));
    sink.upsertListings(List.of(first.withMpn(Optional.of("MPN-2"))));

    SyncSink reopened = reopen(sink);
    var found = reopened.findListings(List.of("1", "2", "3"));
    assertThat(found).containsOnlyKeys("1", "2");
    // prices compare by value: a store may keep another scale (10.00 as 10.0000)
    assertThat(found.get("1")).usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(first.withMpn(Optional.of("MPN-2")));
    assertThat(found.get("2")).isEqualTo(second);
    assertThat(reopened.findListings(List.of("2")).get("2").publishable()).isFalse();
  }

  @Test
  @DisplayName("[seed 003] SKU ids by code: only active SKUs count, several holders of a code are all"
      + " named, unknown codes are left out")
  void skuIdsByCodeCountActiveSkusOnly() {
    sink.upsertSkus(List.of(sku("1", "Bike"), sku("2", "Bike too"), sku("3", "Helmet"), sku("4", "Old")));
    sink.upsertListings(List.of(SkuListing.builder().skuId("1").code("AB12").build(),
        SkuListing.builder().skuId("2").code("AB12").build(),
        SkuListing.builder().skuId("3").code("H1").build(),
        SkuListing.builder().skuId("4").code("H1").build(),
        SkuListing.builder().skuId("5").code("NOSKU").build()));
    sink.deactivateSkus(List.of(Deactivation.of("4", ReasonCode.HIDDEN, T0)));

    var byCode = reopen(sink).findSkuIdsByCode(List.of("AB12", "H1", "NOSKU", "none"));

    assertThat(byCode).containsOnlyKeys("AB12", "H1");
    assertThat(byCode.get("AB12")).containsExactlyInAnyOrder("1", "2");
    assertThat(byCode.get("H1")).containsExactly("3");
  }

  @Test
  @DisplayName("resolving issues by reason removes only those reasons of those records")
  void resolveIssuesByReason() {
    RecordIssue dup = RecordIssue.of(RecordKind.SKU, "1", ReasonCode.SKU_DUPLICATE, "p", "r", T0);
    RecordIssue supplier = RecordIssue.of(RecordKind.SKU, "1", ReasonCode.UNKNOWN_SUPPLIER, "p", "r", T0);
    RecordIssue otherDup = RecordIssue.of(RecordKind.SKU, "2", ReasonCode.SKU_DUPLICATE, "p", "r", T0);
    RecordIssue stock = RecordIssue.of(RecordKind.STOCK, "1", ReasonCode.SKU_DUPLICATE, "p", "r", T0);
    sink.logIssues(List.of(dup, supplier, otherDup, stock));

    sink.resolveIssues(RecordKind.SKU, List.of("1", "9"), Set.of(ReasonCode.SKU_DUPLICATE));

    assertThat(reopen(sink).openIssues(RecordKind.SKU)).extracting(RecordIssue::recordId, RecordIssue::reason)
        .containsExactlyInAnyOrder(tuple("1", ReasonCode.UNKNOWN_SUPPLIER), tuple("2", ReasonCode.SKU_DUPLICATE));
    assertThat(sink.openIssues(RecordKind.STOCK)).hasSize(1);
  }

  @Test
  @DisplayName("[seed 003] each order is handed over once: a repeat, even of a changed order, hands over"
      + " nothing and keeps the order as it was handed over")
  void ordersAreHandedOverOnce() {
    SalesOrder first = sale("W1", 2);
    assertThat(sink.handOverOrders(List.of(first, sale("W2", 1)))).containsExactly("W1", "W2");

    assertThat(sink.handOverOrders(List.of(sale("W1", 5), sale("W3", 1)))).containsExactly("W3");

    SyncSink reopened = crashAndReopen(sink);
    assertThat(reopened.handOverOrders(List.of(first))).as("a hand-over that returned survives a crash").isEmpty();
    assertThat(reopened.findHandedOverOrders(List.of("W1", "W2", "W3", "W4"))).containsOnlyKeys("W1", "W2", "W3")
        .containsEntry("W1", first);
  }

  @Test
  @DisplayName("[seed 003] two processes handing over the same orders at once hand each over exactly once")
  void concurrentHandOverIsExactlyOnce() throws Exception {
    SyncSink other = reopen(sink);
    List<SalesOrder> orders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      orders.add(sale("C" + i, 1));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<List<String>> a = pool.submit(() -> {
        start.await();
        return sink.handOverOrders(orders);
      });
      Future<List<String>> b = pool.submit(() -> {
        start.await();
        return other.handOverOrders(orders);
      });
      start.countDown();
      List<String> all = new ArrayList<>(a.get(30, TimeUnit.SECONDS));
      all.addAll(b.get(30, TimeUnit.SECONDS));
      assertThat(all).hasSize(20).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("[seed 002] customers are upserted by id with their contact data; an inactive one is kept")
  void customersUpsertById() {
    dev.lightspeedsync.sync.model.Customer ann = dev.lightspeedsync.sync.model.Customer.builder().id("C1")
        .code("CUST-1").firstName("Ann").lastName("Smith").company("Smith & Co").email("ann@example.com")
        .phone("+31 20 123").street("Dorpsstraat 1").city("Utrecht").postalCode("1234 AB").region("UT")
        .country("NL").updatedAt(T0).build();
    dev.lightspeedsync.sync.model.Customer bob = dev.lightspeedsync.sync.model.Customer.builder().id("C2")
        .lastName("Jones").build();
    sink.upsertCustomers(List.of(ann, bob));
    sink.upsertCustomers(List.of(bob.withActive(false).withEmail("bob@example.com")));

    var found = reopen(sink).findCustomers(List.of("C1", "C2", "C3"));
    assertThat(found).containsOnlyKeys("C1", "C2").containsEntry("C1", ann)
        .containsEntry("C2", bob.withActive(false).withEmail("bob@example.com"));
  }
}
