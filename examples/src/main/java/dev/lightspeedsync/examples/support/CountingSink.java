package dev.lightspeedsync.examples.support;

import dev.lightspeedsync.sync.model.Deactivation;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.model.Supplier;
import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.LedgerOutcome;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SyncSink} decorator that counts what reaches the wrapped sink: SKUs, stock rows, sales
 * orders and their lines. The app uses it for progress and for the sales-line figure of the summary.
 * Thread-safe when the wrapped sink is.
 */
public final class CountingSink implements SyncSink {
  private final SyncSink delegate;
  private final AtomicLong skus = new AtomicLong();
  private final AtomicLong deactivated = new AtomicLong();
  private final AtomicLong stock = new AtomicLong();
  private final AtomicLong sales = new AtomicLong();
  private final AtomicLong salesLines = new AtomicLong();

  public CountingSink(SyncSink delegate) {
    this.delegate = delegate;
  }

  /** Figures so far. */
  public record Counts(long skus, long deactivated, long stockLevels, long salesOrders, long salesLines) {
    public Counts minus(Counts before) {
      return new Counts(skus - before.skus, deactivated - before.deactivated, stockLevels - before.stockLevels,
          salesOrders - before.salesOrders, salesLines - before.salesLines);
    }
  }

  public Counts counts() {
    return new Counts(skus.get(), deactivated.get(), stock.get(), sales.get(), salesLines.get());
  }

  @Override
  public void upsertSkus(List<Sku> list) {
    delegate.upsertSkus(list);
    skus.addAndGet(list.size());
  }

  @Override
  public void deactivateSkus(List<Deactivation> list) {
    delegate.deactivateSkus(list);
    deactivated.addAndGet(list.size());
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
  public void upsertStock(List<StockLevel> list) {
    delegate.upsertStock(list);
    stock.addAndGet(list.size());
  }

  @Override
  public List<StockLevel> findStock(Collection<String> skuIds) {
    return delegate.findStock(skuIds);
  }

  @Override
  public void upsertSales(List<SalesOrder> list) {
    delegate.upsertSales(list);
    sales.addAndGet(list.size());
    long lines = 0;
    for (SalesOrder o : list) {
      lines += o.lines().size();
    }
    salesLines.addAndGet(lines);
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
}
