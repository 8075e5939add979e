package dev.lightspeedsync.sync.testing;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference {@link SyncSink}: everything in memory, insertion-ordered. Use it in tests, demos and
 * dry runs, and read it as the executable meaning of the {@code SyncSink} Javadoc.
 *
 * <p>Thread-safe: every method holds one lock over the whole state, so each batch is atomic.
 * {@link #reopen()} returns a second sink over the same state, the in-memory stand-in for
 * "restart the process and open the same database".
 */
public final class InMemorySyncSink implements SyncSink {
  /** All state, shared by sinks created with {@link #reopen()}. */
  private static final class State {
    final Map<String, Sku> skus = new LinkedHashMap<>();
    final Map<String, StockLevel> stock = new LinkedHashMap<>();
    final Map<String, Location> locations = new LinkedHashMap<>();
    final Map<String, Supplier> suppliers = new LinkedHashMap<>();
    final Map<String, SalesOrder> sales = new LinkedHashMap<>();
    final Map<String, PurchaseOrder> purchaseOrders = new LinkedHashMap<>();
    final Map<String, Receipt> receipts = new LinkedHashMap<>();
    final Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
    final Map<String, LedgerEntry> ledger = new LinkedHashMap<>();
    final Map<String, RecordIssue> issues = new LinkedHashMap<>();
    final Map<String, SkuListing> listings = new LinkedHashMap<>();
    final Map<String, List<Demand>> demandByOrder = new LinkedHashMap<>();
    final Map<String, SalesOrder> handedOver = new LinkedHashMap<>();
    final Map<String, Customer> customers = new LinkedHashMap<>();
    final java.util.Set<String> runLocks = new java.util.HashSet<>();
  }

  private final State state;

  public InMemorySyncSink() {
    this(new State());
  }

  private InMemorySyncSink(State state) {
    this.state = state;
  }

  /** A new sink over the same stored state, as after a process restart. */
  public InMemorySyncSink reopen() {
    return new InMemorySyncSink(state);
  }

  @Override
  public void upsertSkus(List<Sku> skus) {
    Objects.requireNonNull(skus, "skus == null");
    synchronized (state) {
      for (Sku sku : skus) {
        Sku stored = state.skus.get(sku.id());
        Sku merged = sku;
        if (stored != null) {
          if (sku.orderByQuantity().isEmpty()) {
            merged = merged.withOrderByQuantity(stored.orderByQuantity());
          }
          if (sku.minimumOrderQuantity().isEmpty()) {
            merged = merged.withMinimumOrderQuantity(stored.minimumOrderQuantity());
          }
        }
        state.skus.put(sku.id(), merged);
      }
    }
  }

  @Override
  public void deactivateSkus(List<Deactivation> deactivations) {
    Objects.requireNonNull(deactivations, "deactivations == null");
    synchronized (state) {
      for (Deactivation d : deactivations) {
        state.skus.computeIfPresent(d.skuId(), (id, sku) -> sku.withActive(false));
      }
    }
  }

  @Override
  public Map<String, Sku> findSkus(Collection<String> ids) {
    Objects.requireNonNull(ids, "ids == null");
    synchronized (state) {
      return pick(state.skus, ids);
    }
  }

  @Override
  public void upsertListings(List<SkuListing> listings) {
    Objects.requireNonNull(listings, "listings == null");
    synchronized (state) {
      for (SkuListing l : listings) {
        state.listings.put(l.skuId(), l);
      }
    }
  }

  @Override
  public Map<String, SkuListing> findListings(Collection<String> skuIds) {
    Objects.requireNonNull(skuIds, "skuIds == null");
    synchronized (state) {
      return pick(state.listings, skuIds);
    }
  }

  @Override
  public Map<String, List<String>> findSkuIdsByCode(Collection<String> codes) {
    Objects.requireNonNull(codes, "codes == null");
    java.util.Set<String> wanted = new java.util.HashSet<>(codes);
    synchronized (state) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (SkuListing l : state.listings.values()) {
        Sku sku = state.skus.get(l.skuId());
        if (l.code().isPresent() && wanted.contains(l.code().get()) && sku != null && sku.active()) {
          out.computeIfAbsent(l.code().get(), k -> new ArrayList<>()).add(l.skuId());
        }
      }
      out.replaceAll((k, v) -> List.copyOf(v));
      return java.util.Collections.unmodifiableMap(out);
    }
  }

  @Override
  public void upsertLocations(List<Location> locations) {
    Objects.requireNonNull(locations, "locations == null");
    synchronized (state) {
      for (Location l : locations) {
        state.locations.put(l.id(), l);
      }
    }
  }

  @Override
  public List<Location> locations() {
    synchronized (state) {
      return List.copyOf(state.locations.values());
    }
  }

  @Override
  public void upsertCustomers(List<Customer> customers) {
    Objects.requireNonNull(customers, "customers == null");
    synchronized (state) {
      for (Customer c : customers) {
        state.customers.put(c.id(), c);
      }
    }
  }

  @Override
  public Map<String, Customer> findCustomers(Collection<String> ids) {
    Objects.requireNonNull(ids, "ids == null");
    synchronized (state) {
      return pick(state.customers, ids);
    }
  }

  @Override
  public void upsertSuppliers(List<Supplier> suppliers) {
    Objects.requireNonNull(suppliers, "suppliers == null");
    synchronized (state) {
      for (Supplier s : suppliers) {
        state.suppliers.put(s.id(), s);
      }
    }
  }

  @Override
  public Map<String, Supplier> findSuppliers(Collection<String> ids) {
    Objects.requireNonNull(ids, "ids == null");
    synchronized (state) {
      return pick(state.suppliers, ids);
    }
  }

  @Override
  public void upsertStock(List<StockLevel> stock) {
    Objects.requireNonNull(stock, "stock == null");
    synchronized (state) {
      for (StockLevel s : stock) {
        state.stock.put(s.skuId() + "\u0000" + s.locationId(), s);
      }
    }
  }

  @Override
  public List<StockLevel> findStock(Collection<String> skuIds) {
    Objects.requireNonNull(skuIds, "skuIds == null");
    synchronized (state) {
      List<StockLevel> out = new ArrayList<>();
      for (StockLevel s : state.stock.values()) {
        if (skuIds.contains(s.skuId())) {
          out.add(s);
        }
      }
      return List.copyOf(out);
    }
  }

  @Override
  public void upsertSales(List<SalesOrder> sales) {
    Objects.requireNonNull(sales, "sales == null");
    synchronized (state) {
      for (SalesOrder o : sales) {
        state.sales.put(o.id(), o);
      }
    }
  }

  @Override
  public Map<String, SalesOrder> findSales(Collection<String> ids) {
    Objects.requireNonNull(ids, "ids == null");
    synchronized (state) {
      return pick(state.sales, ids);
    }
  }

  @Override
  public void replaceDemand(Collection<String> orderIds, List<Demand> demand) {
    Objects.requireNonNull(orderIds, "orderIds == null");
    Objects.requireNonNull(demand, "demand == null");
    for (Demand d : demand) {
      if (!orderIds.contains(d.orderId())) {
        throw new IllegalArgumentException("demand of order " + d.orderId()
            + " is not among the orders whose demand is replaced");
      }
    }
    synchronized (state) {
      for (String id : orderIds) {
        state.demandByOrder.remove(id);
      }
      for (Demand d : demand) {
        state.demandByOrder.computeIfAbsent(d.orderId(), k -> new ArrayList<>()).add(d);
      }
    }
  }

  @Override
  public List<Demand> findDemand(Collection<String> skuIds) {
    Objects.requireNonNull(skuIds, "skuIds == null");
    java.util.Set<String> wanted = new java.util.HashSet<>(skuIds);
    synchronized (state) {
      List<Demand> out = new ArrayList<>();
      for (List<Demand> perOrder : state.demandByOrder.values()) {
        for (Demand d : perOrder) {
          if (wanted.contains(d.skuId())) {
            out.add(d);
          }
        }
      }
      return List.copyOf(out);
    }
  }

  @Override
  public List<String> handOverOrders(List<SalesOrder> orders) {
    Objects.requireNonNull(orders, "orders == null");
    synchronized (state) {
      List<String> out = new ArrayList<>();
      for (SalesOrder o : orders) {
        if (state.handedOver.putIfAbsent(o.id(), o) == null) {
          out.add(o.id());
        }
      }
      return List.copyOf(out);
    }
  }

  @Override
  public Map<String, SalesOrder> findHandedOverOrders(Collection<String> ids) {
    Objects.requireNonNull(ids, "ids == null");
    synchronized (state) {
      return pick(state.handedOver, ids);
    }
  }

  @Override
  public void upsertPurchaseOrders(List<PurchaseOrder> orders) {
    Objects.requireNonNull(orders, "orders == null");
    synchronized (state) {
      for (PurchaseOrder po : orders) {
        state.purchaseOrders.put(po.id(), po);
      }
    }
  }

  @Override
  public Optional<PurchaseOrder> findPurchaseOrder(String id) {
    Objects.requireNonNull(id, "id == null");
    synchronized (state) {
      return Optional.ofNullable(state.purchaseOrders.get(id));
    }
  }

  @Override
  public void recordReceipts(List<Receipt> receipts) {
    Objects.requireNonNull(receipts, "receipts == null");
    synchronized (state) {
      for (Receipt r : receipts) {
        state.receipts.putIfAbsent(r.id(), r);
      }
    }
  }

  @Override
  public List<Receipt> findReceipts(String purchaseOrderId) {
    Objects.requireNonNull(purchaseOrderId, "purchaseOrderId == null");
    synchronized (state) {
      List<Receipt> out = new ArrayList<>();
      for (Receipt r : state.receipts.values()) {
        if (r.purchaseOrderId().equals(purchaseOrderId)) {
          out.add(r);
        }
      }
      return List.copyOf(out);
    }
  }

  @Override
  public Optional<Checkpoint> checkpoint(String stream) {
    Objects.requireNonNull(stream, "stream == null");
    synchronized (state) {
      return Optional.ofNullable(state.checkpoints.get(stream));
    }
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint == null");
    synchronized (state) {
      state.checkpoints.put(checkpoint.stream(), checkpoint);
    }
  }

  @Override
  public List<LedgerOutcome> recordInLedger(List<LedgerEntry> entries) {
    Objects.requireNonNull(entries, "entries == null");
    synchronized (state) {
      List<LedgerOutcome> out = new ArrayList<>(entries.size());
      for (LedgerEntry e : entries) {
        LedgerEntry existing = state.ledger.putIfAbsent(ledgerKey(e.kind(), e.key()), e);
        out.add(existing == null ? LedgerOutcome.recorded(e) : LedgerOutcome.refused(existing));
      }
      return List.copyOf(out);
    }
  }

  @Override
  public Optional<LedgerEntry> ledgerEntry(LedgerKind kind, String key) {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(key, "key == null");
    synchronized (state) {
      return Optional.ofNullable(state.ledger.get(ledgerKey(kind, key)));
    }
  }

  @Override
  public Optional<LedgerEntry> confirmInLedger(LedgerKind kind, String key, String externalId) {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(externalId, "externalId == null");
    synchronized (state) {
      return Optional.ofNullable(state.ledger.computeIfPresent(ledgerKey(kind, key),
          (k, e) -> e.confirmed() ? e : e.withExternalId(externalId)));
    }
  }

  @Override
  public void logIssues(List<RecordIssue> issues) {
    Objects.requireNonNull(issues, "issues == null");
    synchronized (state) {
      for (RecordIssue i : issues) {
        String key = issueKey(i.recordKind(), i.recordId()) + "\u0000" + i.reason();
        state.issues.put(key, i); // a LinkedHashMap keeps the first-logged position
      }
    }
  }

  @Override
  public List<RecordIssue> openIssues(RecordKind kind) {
    Objects.requireNonNull(kind, "kind == null");
    synchronized (state) {
      List<RecordIssue> out = new ArrayList<>();
      for (RecordIssue i : state.issues.values()) {
        if (i.recordKind() == kind) {
          out.add(i);
        }
      }
      return List.copyOf(out);
    }
  }

  @Override
  public void resolveIssues(RecordKind kind, String recordId) {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(recordId, "recordId == null");
    String prefix = issueKey(kind, recordId) + "\u0000";
    synchronized (state) {
      state.issues.keySet().removeIf(k -> k.startsWith(prefix));
    }
  }

  @Override
  public void resolveIssues(RecordKind kind, Collection<String> recordIds, java.util.Set<ReasonCode> reasons) {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(recordIds, "recordIds == null");
    Objects.requireNonNull(reasons, "reasons == null");
    synchronized (state) {
      for (String id : recordIds) {
        for (ReasonCode r : reasons) {
          state.issues.remove(issueKey(kind, id) + "\u0000" + r);
        }
      }
    }
  }

  private static String ledgerKey(LedgerKind kind, String key) {
    return kind + "\u0000" + key;
  }

  private static String issueKey(RecordKind kind, String recordId) {
    return kind + "\u0000" + recordId;
  }

  private static <V> Map<String, V> pick(Map<String, V> from, Collection<String> ids) {
    Map<String, V> out = new LinkedHashMap<>();
    for (String id : ids) {
      V v = from.get(id);
      if (v != null) {
        out.put(id, v);
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  @Override
  public String toString() {
    synchronized (state) {
      return "InMemorySyncSink{skus=" + state.skus.size() + ", stock=" + state.stock.size()
          + ", sales=" + state.sales.size() + ", purchaseOrders=" + state.purchaseOrders.size()
          + ", ledger=" + state.ledger.size() + ", issues=" + state.issues.size() + "}";
    }
  }

  @Override
  public Optional<dev.lightspeedsync.sync.spi.RunLock> tryLockRun(String accountKey) {
    Objects.requireNonNull(accountKey, "accountKey == null");
    synchronized (state) {
      if (!state.runLocks.add(accountKey)) {
        return Optional.empty();
      }
    }
    java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
    return Optional.of(() -> {
      if (open.compareAndSet(true, false)) {
        synchronized (state) {
          state.runLocks.remove(accountKey);
        }
      }
    });
  }
}
