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
 * A {@link SyncSink} that forwards every call to another sink. Extend it to decorate a sink (count
 * or time its calls, simulate a crash after a given call in a test) by overriding only the methods
 * that differ. Thread-safe when the delegate is and the overrides are.
 */
public abstract class ForwardingSyncSink implements SyncSink {
  private final SyncSink delegate;

  protected ForwardingSyncSink(SyncSink delegate) {
    this.delegate = java.util.Objects.requireNonNull(delegate, "delegate == null");
  }

  /** The sink calls are forwarded to. */
  protected final SyncSink delegate() {
    return delegate;
  }

  @Override
  public void upsertSkus(List<Sku> skus) {
    delegate.upsertSkus(skus);
  }

  @Override
  public void deactivateSkus(List<Deactivation> deactivations) {
    delegate.deactivateSkus(deactivations);
  }

  @Override
  public Map<String, Sku> findSkus(Collection<String> ids) {
    return delegate.findSkus(ids);
  }

  @Override
  public void upsertLocations(List<Location> locations) {
    delegate.upsertLocations(locations);
  }

  @Override
  public List<Location> locations() {
    return delegate.locations();
  }

  @Override
  public void upsertSuppliers(List<Supplier> suppliers) {
    delegate.upsertSuppliers(suppliers);
  }

  @Override
  public Map<String, Supplier> findSuppliers(Collection<String> ids) {
    return delegate.findSuppliers(ids);
  }

  @Override
  public void upsertStock(List<StockLevel> stock) {
    delegate.upsertStock(stock);
  }

  @Override
  public List<StockLevel> findStock(Collection<String> skuIds) {
    return delegate.findStock(skuIds);
  }

  @Override
  public void upsertSales(List<SalesOrder> sales) {
    delegate.upsertSales(sales);
  }

  @Override
  public Map<String, SalesOrder> findSales(Collection<String> ids) {
    return delegate.findSales(ids);
  }

  @Override
  public void upsertPurchaseOrders(List<PurchaseOrder> orders) {
    delegate.upsertPurchaseOrders(orders);
  }

  @Override
  public Optional<PurchaseOrder> findPurchaseOrder(String id) {
    return delegate.findPurchaseOrder(id);
  }

  @Override
  public void recordReceipts(List<Receipt> receipts) {
    delegate.recordReceipts(receipts);
  }

  @Override
  public List<Receipt> findReceipts(String purchaseOrderId) {
    return delegate.findReceipts(purchaseOrderId);
  }

  @Override
  public Optional<Checkpoint> checkpoint(String stream) {
    return delegate.checkpoint(stream);
  }

  /** Forwarded, so that the delegate's unit (its transaction) spans the calls made through this decorator. */
  @Override
  public void unitOfWork(Runnable work) {
    delegate.unitOfWork(work);
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    delegate.saveCheckpoint(checkpoint);
  }

  @Override
  public List<LedgerOutcome> recordInLedger(List<LedgerEntry> entries) {
    return delegate.recordInLedger(entries);
  }

  @Override
  public Optional<LedgerEntry> ledgerEntry(LedgerKind kind, String key) {
    return delegate.ledgerEntry(kind, key);
  }

  @Override
  public Optional<LedgerEntry> confirmInLedger(LedgerKind kind, String key, String externalId) {
    return delegate.confirmInLedger(kind, key, externalId);
  }

  @Override
  public void logIssues(List<RecordIssue> issues) {
    delegate.logIssues(issues);
  }

  @Override
  public List<RecordIssue> openIssues(RecordKind kind) {
    return delegate.openIssues(kind);
  }

  @Override
  public void resolveIssues(RecordKind kind, String recordId) {
    delegate.resolveIssues(kind, recordId);
  }

  @Override
  public void resolveIssues(RecordKind kind, Collection<String> recordIds, java.util.Set<ReasonCode> reasons) {
    delegate.resolveIssues(kind, recordIds, reasons);
  }

  @Override
  public Optional<RunLock> tryLockRun(String accountKey) {
    return delegate.tryLockRun(accountKey);
  }

  @Override
  public void upsertListings(List<SkuListing> listings) {
    delegate.upsertListings(listings);
  }

  @Override
  public Map<String, SkuListing> findListings(Collection<String> skuIds) {
    return delegate.findListings(skuIds);
  }

  @Override
  public Map<String, List<String>> findSkuIdsByCode(Collection<String> codes) {
    return delegate.findSkuIdsByCode(codes);
  }

  @Override
  public void replaceDemand(Collection<String> orderIds, List<Demand> demand) {
    delegate.replaceDemand(orderIds, demand);
  }

  @Override
  public List<Demand> findDemand(Collection<String> skuIds) {
    return delegate.findDemand(skuIds);
  }

  @Override
  public List<String> handOverOrders(List<SalesOrder> orders) {
    return delegate.handOverOrders(orders);
  }

  @Override
  public Map<String, SalesOrder> findHandedOverOrders(Collection<String> ids) {
    return delegate.findHandedOverOrders(ids);
  }

  @Override
  public void upsertCustomers(List<Customer> customers) {
    delegate.upsertCustomers(customers);
  }

  @Override
  public Map<String, Customer> findCustomers(Collection<String> ids) {
    return delegate.findCustomers(ids);
  }
}
