package dev.lightspeedsync.sync.engine.internal;

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
import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.LedgerOutcome;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A dry run ({@code SyncRequest.dryRun}): the sync reads the real database (checkpoints, stored SKUs) but every write
 * lands in an in-memory overlay that is thrown away, so the run reports what it would change and
 * the database is left exactly as it was. Reads see the overlay first, so a dry run behaves like
 * the real one. Thread-safe.
 */
public final class DryRunSink implements SyncSink {
  private final SyncSink database;
  private final InMemorySyncSink overlay = new InMemorySyncSink();
  private final Set<String> demandReplaced = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public DryRunSink(SyncSink database) {
    this.database = database;
  }

  @Override
  public void upsertSkus(List<Sku> skus) {
    overlay.upsertSkus(skus);
  }

  @Override
  public void deactivateSkus(List<Deactivation> deactivations) {
    // copy stored SKUs into the overlay first, so that the deactivation applies to them
    List<String> ids = new ArrayList<>();
    deactivations.forEach(d -> ids.add(d.skuId()));
    Map<String, Sku> missing = new LinkedHashMap<>(database.findSkus(ids));
    missing.keySet().removeAll(overlay.findSkus(ids).keySet());
    overlay.upsertSkus(new ArrayList<>(missing.values()));
    overlay.deactivateSkus(deactivations);
  }

  @Override
  public Map<String, Sku> findSkus(Collection<String> ids) {
    Map<String, Sku> out = new LinkedHashMap<>(database.findSkus(ids));
    out.putAll(overlay.findSkus(ids));
    return out;
  }

  @Override
  public void upsertLocations(List<Location> locations) {
    overlay.upsertLocations(locations);
  }

  @Override
  public List<Location> locations() {
    Map<String, Location> byId = new LinkedHashMap<>();
    database.locations().forEach(l -> byId.put(l.id(), l));
    overlay.locations().forEach(l -> byId.put(l.id(), l));
    return new ArrayList<>(byId.values());
  }

  @Override
  public void upsertSuppliers(List<Supplier> suppliers) {
    overlay.upsertSuppliers(suppliers);
  }

  @Override
  public Map<String, Supplier> findSuppliers(Collection<String> ids) {
    Map<String, Supplier> out = new LinkedHashMap<>(database.findSuppliers(ids));
    out.putAll(overlay.findSuppliers(ids));
    return out;
  }

  @Override
  public void upsertStock(List<StockLevel> stock) {
    overlay.upsertStock(stock);
  }

  @Override
  public List<StockLevel> findStock(Collection<String> skuIds) {
    Map<String, StockLevel> byKey = new LinkedHashMap<>();
    database.findStock(skuIds).forEach(s -> byKey.put(s.skuId() + "@" + s.locationId(), s));
    overlay.findStock(skuIds).forEach(s -> byKey.put(s.skuId() + "@" + s.locationId(), s));
    return new ArrayList<>(byKey.values());
  }

  @Override
  public void upsertSales(List<SalesOrder> sales) {
    overlay.upsertSales(sales);
  }

  @Override
  public Map<String, SalesOrder> findSales(Collection<String> ids) {
    Map<String, SalesOrder> out = new LinkedHashMap<>(database.findSales(ids));
    out.putAll(overlay.findSales(ids));
    return out;
  }

  @Override
  public void upsertPurchaseOrders(List<PurchaseOrder> orders) {
    overlay.upsertPurchaseOrders(orders);
  }

  @Override
  public Optional<PurchaseOrder> findPurchaseOrder(String id) {
    return overlay.findPurchaseOrder(id).or(() -> database.findPurchaseOrder(id));
  }

  @Override
  public void recordReceipts(List<Receipt> receipts) {
    overlay.recordReceipts(receipts);
  }

  @Override
  public List<Receipt> findReceipts(String purchaseOrderId) {
    List<Receipt> out = new ArrayList<>(database.findReceipts(purchaseOrderId));
    Set<String> ids = new HashSet<>();
    out.forEach(r -> ids.add(r.id()));
    overlay.findReceipts(purchaseOrderId).stream().filter(r -> !ids.contains(r.id())).forEach(out::add);
    return out;
  }

  @Override
  public Optional<Checkpoint> checkpoint(String stream) {
    return overlay.checkpoint(stream).or(() -> database.checkpoint(stream));
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    overlay.saveCheckpoint(checkpoint);
  }

  @Override
  public List<LedgerOutcome> recordInLedger(List<LedgerEntry> entries) {
    List<LedgerOutcome> out = new ArrayList<>();
    for (LedgerEntry e : entries) {
      Optional<LedgerEntry> stored = database.ledgerEntry(e.kind(), e.key());
      out.add(stored.isPresent() ? LedgerOutcome.refused(stored.get()) : overlay.recordInLedger(List.of(e)).get(0));
    }
    return out;
  }

  @Override
  public Optional<LedgerEntry> ledgerEntry(LedgerKind kind, String key) {
    return database.ledgerEntry(kind, key).or(() -> overlay.ledgerEntry(kind, key));
  }

  @Override
  public Optional<LedgerEntry> confirmInLedger(LedgerKind kind, String key, String externalId) {
    Optional<LedgerEntry> stored = database.ledgerEntry(kind, key);
    return stored.isPresent() ? stored : overlay.confirmInLedger(kind, key, externalId);
  }

  @Override
  public void logIssues(List<RecordIssue> issues) {
    overlay.logIssues(issues);
  }

  @Override
  public List<RecordIssue> openIssues(RecordKind kind) {
    List<RecordIssue> out = new ArrayList<>(database.openIssues(kind));
    out.addAll(overlay.openIssues(kind));
    return out;
  }

  @Override
  public void resolveIssues(RecordKind kind, String recordId) {
    overlay.resolveIssues(kind, recordId);
  }

  @Override
  public void resolveIssues(RecordKind kind, Collection<String> recordIds, Set<ReasonCode> reasons) {
    overlay.resolveIssues(kind, recordIds, reasons);
  }

  @Override
  public Optional<dev.lightspeedsync.sync.spi.RunLock> tryLockRun(String accountKey) {
    return database.tryLockRun(accountKey);
  }

  @Override
  public void upsertListings(List<SkuListing> listings) {
    overlay.upsertListings(listings);
  }

  @Override
  public Map<String, SkuListing> findListings(Collection<String> skuIds) {
    Map<String, SkuListing> out = new LinkedHashMap<>(database.findListings(skuIds));
    out.putAll(overlay.findListings(skuIds));
    return out;
  }

  @Override
  public Map<String, List<String>> findSkuIdsByCode(Collection<String> codes) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    database.findSkuIdsByCode(codes).forEach((code, ids) -> {
      Set<String> rewritten = overlay.findListings(ids).keySet();
      for (String id : ids) {
        if (!rewritten.contains(id)) {
          out.computeIfAbsent(code, k -> new ArrayList<>()).add(id);
        }
      }
    });
    overlay.findSkuIdsByCode(codes).forEach((code, ids) -> out.computeIfAbsent(code, k -> new ArrayList<>()).addAll(ids));
    return out;
  }

  @Override
  public void replaceDemand(Collection<String> orderIds, List<Demand> demand) {
    overlay.replaceDemand(orderIds, demand);
    demandReplaced.addAll(orderIds);
  }

  @Override
  public List<Demand> findDemand(Collection<String> skuIds) {
    List<Demand> out = new ArrayList<>();
    for (Demand d : database.findDemand(skuIds)) {
      if (!demandReplaced.contains(d.orderId())) {
        out.add(d);
      }
    }
    out.addAll(overlay.findDemand(skuIds));
    return out;
  }

  @Override
  public List<String> handOverOrders(List<SalesOrder> orders) {
    // a dry run hands nothing to the host; it says which orders a real run would hand over
    Set<String> before = new HashSet<>();
    orders.forEach(o -> before.add(o.id()));
    before.retainAll(database.findHandedOverOrders(before).keySet());
    List<SalesOrder> fresh = new ArrayList<>();
    for (SalesOrder o : orders) {
      if (!before.contains(o.id())) {
        fresh.add(o);
      }
    }
    return overlay.handOverOrders(fresh);
  }

  @Override
  public Map<String, SalesOrder> findHandedOverOrders(Collection<String> ids) {
    Map<String, SalesOrder> out = new LinkedHashMap<>(overlay.findHandedOverOrders(ids));
    out.putAll(database.findHandedOverOrders(ids));
    return out;
  }

  @Override
  public void upsertCustomers(List<Customer> customers) {
    overlay.upsertCustomers(customers);
  }

  @Override
  public Map<String, Customer> findCustomers(Collection<String> ids) {
    Map<String, Customer> out = new LinkedHashMap<>(database.findCustomers(ids));
    out.putAll(overlay.findCustomers(ids));
    return out;
  }
}
