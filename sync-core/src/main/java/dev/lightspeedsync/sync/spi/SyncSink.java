package dev.lightspeedsync.sync.spi;

import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.Deactivation;
import dev.lightspeedsync.sync.model.Demand;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.SkuListing;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.model.Supplier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host application's storage, as sync-core sees it. Implement it over your database (JDBC,
 * JPA, a message bus) and prove it with the {@code SyncSinkContract} test of the sync-core test-jar;
 * {@code InMemorySyncSink} is the reference implementation.
 *
 * <p><b>Batches and idempotency.</b> Every write takes a batch and is idempotent: repeating a call
 * with the same input leaves the same state, so a runner may retry a call or replay a page after a
 * crash without duplicating anything. Implementations should apply a batch atomically (one
 * transaction); if they cannot, a partially applied batch must still be safe to repeat.
 *
 * <p><b>Pages.</b> The engine hands each page of a sync (its records, its connection-log entries and
 * its checkpoint) to {@link #unitOfWork}. A sink over a transactional store overrides it to commit
 * the page once and atomically; the default makes each call its own unit.
 *
 * <p><b>Keys.</b> SKUs by {@link Sku#id()}; stock by SKU id and location id; sales orders by id
 * (a re-sent order replaces the stored one, lines included); demand by order (a re-sent order's
 * demand replaces all of its stored demand); listings by SKU id; purchase orders by id; receipts by id;
 * checkpoints by stream; ledger entries by kind and key; connection log entries by record kind,
 * record id and reason (a repeated problem replaces the older entry instead of piling up).
 *
 * <p><b>Never erase.</b> Deactivating a SKU keeps it and everything that references it.
 * <b>Host-owned fields</b> ({@link Sku#orderByQuantity()}, {@link Sku#minimumOrderQuantity()}) are
 * kept when an upsert does not carry them.
 *
 * <p><b>Durability.</b> A write must be durable when the call returns: once a method has returned
 * normally, its effect must survive the process being killed ({@code kill -9}, an out-of-memory
 * kill) and, as far as the store can promise, a crash of the machine. Exactly-once booking and export
 * depend on it: a runner claims a ledger entry (or saves a checkpoint) and only then writes to
 * Lightspeed, so a claim that returned and is lost afterwards makes the rerun book or export the
 * same thing a second time. Databases that delay writing commits (H2's default
 * {@code WRITE_DELAY}, PostgreSQL with {@code synchronous_commit = off}) break this; commit before
 * returning and configure the store to flush commits.
 *
 * <p><b>Thread-safety.</b> Implementations must be safe for concurrent calls. Failures are reported
 * as {@link SyncSinkException}.
 */
public interface SyncSink {
  // SKUs -------------------------------------------------------------------------------------

  /** Inserts or replaces SKUs by id, keeping stored host-owned fields the input leaves empty. */
  void upsertSkus(List<Sku> skus);

  /** Marks SKUs inactive; never deletes. Unknown ids are ignored. */
  void deactivateSkus(List<Deactivation> deactivations);

  /** The stored SKUs among {@code ids}, by id; absent ids are left out. */
  Map<String, Sku> findSkus(Collection<String> ids);

  /**
   * Inserts or replaces the product-rule results of SKUs by SKU id ({@link SkuListing}: link code,
   * price levels, GTIN/MPN, publish check, fields pending export).
   */
  void upsertListings(List<SkuListing> listings);

  /** The stored listings among {@code skuIds}, by SKU id; absent ids are left out. */
  Map<String, SkuListing> findListings(Collection<String> skuIds);

  /**
   * The ids of <em>active</em> SKUs whose listing {@link SkuListing#code() code} is one of
   * {@code codes}, by code; codes no active SKU holds are left out. One id means the code links; more
   * than one is a duplicate that links nothing. The engine uses it to find duplicates across pages
   * and runs; a host uses it to link its products by SKU.
   */
  Map<String, List<String>> findSkuIdsByCode(Collection<String> codes);

  // Locations and suppliers ------------------------------------------------------------------

  /** Inserts or replaces locations by id; archived locations are kept (history refers to them). */
  void upsertLocations(List<Location> locations);

  /** Every stored location, in the order first stored. */
  List<Location> locations();

  /** Inserts or replaces customers by id; an inactive one (deleted or archived at the source) is kept. */
  void upsertCustomers(List<Customer> customers);

  /** The stored customers among {@code ids}, by id; absent ids are left out. */
  Map<String, Customer> findCustomers(Collection<String> ids);

  /** Inserts or replaces suppliers by id. */
  void upsertSuppliers(List<Supplier> suppliers);

  /** The stored suppliers among {@code ids}, by id; absent ids are left out. */
  Map<String, Supplier> findSuppliers(Collection<String> ids);

  // Stock, sales, purchase orders --------------------------------------------------------------

  /** Inserts or replaces stock rows by SKU id and location id. */
  void upsertStock(List<StockLevel> stock);

  /** Stored stock rows of the given SKUs, in any order. */
  List<StockLevel> findStock(Collection<String> skuIds);

  /** Inserts or replaces sales orders by id. */
  void upsertSales(List<SalesOrder> sales);

  /** The stored sales orders among {@code ids}, by id. */
  Map<String, SalesOrder> findSales(Collection<String> ids);

  /**
   * Replaces the stored demand of the orders in {@code orderIds} by {@code demand}, which holds demand
   * of those orders only (an order in {@code orderIds} without demand in it ends up with none: voided,
   * cancelled or no longer selected). Demand is what a planner reads: direct demand of sold SKUs and,
   * for composites, the demand on their components with its provenance ({@link Demand#path()}).
   */
  void replaceDemand(Collection<String> orderIds, List<Demand> demand);

  /** The stored demand on the given SKUs (by {@link Demand#skuId()}), in any order. */
  List<Demand> findDemand(Collection<String> skuIds);

  /**
   * Hands orders to the host to fulfil (order import, seed 003), each exactly once: an order handed
   * over before is left as it was, even when it has changed since. Returns the ids handed over by
   * this call. Implement it atomically per order with its record of having been handed over (a
   * unique key in the same transaction as the host's own write), so that a retry, a replayed page or
   * two processes never hand an order over twice, and a crash never leaves one half handed over.
   */
  List<String> handOverOrders(List<SalesOrder> orders);

  /** The orders among {@code ids} that were handed over, as they were then, by id. */
  Map<String, SalesOrder> findHandedOverOrders(Collection<String> ids);

  /** Inserts or replaces purchase orders by id. */
  void upsertPurchaseOrders(List<PurchaseOrder> orders);

  /** The stored purchase order, if any. */
  Optional<PurchaseOrder> findPurchaseOrder(String id);

  /** Stores receipts by id; a receipt stored before is left as it is. */
  void recordReceipts(List<Receipt> receipts);

  /** Stored receipts of a purchase order, in the order first recorded. */
  List<Receipt> findReceipts(String purchaseOrderId);

  // Units of work ---------------------------------------------------------------------------------

  /**
   * Runs {@code work} as one unit: the engine calls it for each page of a sync, with the page's
   * writes and its checkpoint inside. Every call that {@code work} makes on this sink from the
   * calling thread joins the unit, and a unit begun inside another joins the outer one.
   *
   * <p>A sink over a transactional store should override it: open one transaction, let the calls
   * inside use it (reads see the unit's own writes), and commit once when {@code work} returns, so
   * that the unit is durable when this method returns normally and nothing of it is applied when
   * {@code work} throws (the exception propagates unchanged). One commit per page instead of one
   * per call is most of what a durable database costs a sync. A unit in which a call failed must
   * not be committed, even if {@code work} caught the failure: throw {@link SyncSinkException}
   * instead.
   *
   * <p>The default runs {@code work} as it is, each call committing on its own. That is correct
   * too, only slower: the engine writes a page's checkpoint last and every write is idempotent, so
   * a page interrupted half-way is read and applied again.
   *
   * <p>The engine never makes a network call inside a unit.
   */
  default void unitOfWork(Runnable work) {
    work.run();
  }

  // Checkpoints ----------------------------------------------------------------------------------

  /** The last saved checkpoint of {@code stream}. Must survive restarts. */
  Optional<Checkpoint> checkpoint(String stream);

  /** Saves (replaces) the checkpoint of its stream. */
  void saveCheckpoint(Checkpoint checkpoint);

  // One run per account ------------------------------------------------------------------------

  /**
   * Takes the exclusive run lock of an account for the length of one sync run, across every process
   * and thread that shares this sink's storage; empty when another run holds it. The engine takes it
   * before reading anything and closes it when the run ends, so a second concurrent run of the same
   * account is refused with a clear message instead of racing the first one's upserts.
   *
   * @param accountKey the account, as the engine names it (for example {@code retail:123})
   */
  Optional<RunLock> tryLockRun(String accountKey);

  // Export ledger --------------------------------------------------------------------------------

  /**
   * Records ledger entries. An entry whose kind and key are already recorded is refused (outcome
   * {@code recorded() == false}) and the stored entry is kept: this is what makes bookings and
   * exports happen at most once. Implement it with a unique key, not with a read-then-write.
   */
  List<LedgerOutcome> recordInLedger(List<LedgerEntry> entries);

  /** The recorded entry, if any. */
  Optional<LedgerEntry> ledgerEntry(LedgerKind kind, String key);

  /**
   * Stores what Lightspeed returned for a recorded entry (for example the created sale's id). Repeating
   * the call is harmless; the first confirmation wins. Returns the stored entry, or empty when no entry
   * with this kind and key was recorded.
   * A claimed entry without a confirmation after a crash means the write's outcome is unknown:
   * check Lightspeed before repeating it.
   */
  Optional<LedgerEntry> confirmInLedger(LedgerKind kind, String key, String externalId);

  // Connection log -------------------------------------------------------------------------------

  /** Stores per-record problems; an entry replaces one with the same kind, record id and reason. */
  void logIssues(List<RecordIssue> issues);

  /** Open problems of a kind of record, in the order first logged. */
  List<RecordIssue> openIssues(RecordKind kind);

  /** Removes every open problem of one record, for example after it synced cleanly. */
  void resolveIssues(RecordKind kind, String recordId);

  /**
   * Removes the open problems of these records that have one of these reasons, and no others. The
   * engine calls it for every SKU it reads again, before it logs what the rules find now, so a fixed
   * problem (a supplier assigned, a duplicate SKU code made unique) leaves the connection log.
   */
  void resolveIssues(RecordKind kind, Collection<String> recordIds, java.util.Set<ReasonCode> reasons);
}
