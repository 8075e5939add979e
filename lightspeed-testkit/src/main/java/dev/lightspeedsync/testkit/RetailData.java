package dev.lightspeedsync.testkit;

import dev.lightspeedsync.testkit.internal.ApiException;
import dev.lightspeedsync.testkit.internal.Money;
import dev.lightspeedsync.testkit.internal.RTable;
import dev.lightspeedsync.testkit.internal.Rec;
import dev.lightspeedsync.testkit.internal.RetailMutations;
import dev.lightspeedsync.testkit.internal.RetailStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Ground truth and mutations of the fake R-Series account, for computing what a sync should
 * produce and for changing data while a client runs (incremental sync).
 *
 * <p>Resources are named as in the API: {@code Item}, {@code ItemShop}, {@code Shop}, {@code Vendor},
 * {@code Sale}, {@code SaleLine}, {@code SalePayment}, {@code Order}, {@code OrderLine},
 * {@code Employee}, {@code Register}, {@code PriceLevel}, {@code Customer}, {@code InventoryCount},
 * {@code InventoryCountItem}, {@code ItemComponent}, {@code ItemVendorNum}, {@code PaymentType}. Views include archived
 * records. Streams are lazy and generate records on demand, so they work on a million items.
 *
 * <p>Mutations change state exactly as the corresponding API write would, including timestamps
 * taken from the server's {@link TimeSource}: a stock change moves the ItemShop row's
 * {@code timeStamp} (and the shopID 0 summary row's), not the Item's.
 *
 * <p>Thread-safe: mutations are serialised with the server's own writes.
 */
public final class RetailData {
  private final RetailStore store;
  private final RetailMutations mutations;

  RetailData(RetailStore store, RetailMutations mutations) {
    this.store = store;
    this.mutations = mutations;
  }

  private RTable table(String resource) {
    Objects.requireNonNull(resource, "resource == null");
    RetailStore.Resource r = store.resource(resource);
    if (r == null) {
      throw new IllegalArgumentException("Unknown R-Series resource " + resource + "; known: " + store.resources.keySet());
    }
    return r.table;
  }

  static TestkitRecord view(String resource, Rec r) {
    Map<String, String> f = new LinkedHashMap<>();
    r.fields.forEach((k, v) -> {
      if (!k.startsWith("_")) {
        f.put(k, v);
      }
    });
    return new TestkitRecord(resource, r.id, f);
  }

  /** The record as it is now, archived or not. */
  public Optional<TestkitRecord> get(String resource, long id) {
    Rec r = table(resource).get(id);
    return r == null ? Optional.empty() : Optional.of(view(resource, r));
  }

  /** Every record of the resource (archived included) in id order, generated lazily. */
  public Stream<TestkitRecord> stream(String resource) {
    RTable t = table(resource);
    Iterator<Rec> it = t.iterate(false, true, null, RTable.Bounds.ALL, k -> true, r -> true);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .map(r -> view(resource, r));
  }

  /** Number of records (archived included). Walks the whole table: linear in its size. */
  public long count(String resource) {
    return stream(resource).count();
  }

  /** Number of generated items (ids 1..n); created items come after. */
  public long generatedItems() {
    return store.items;
  }

  /**
   * How many records a correct full sync of this account stores under the default rules, with every
   * shop selected ({@code LocationStrategy.ALL}); walks the items, stock rows and sales once:
   *
   * <ul>
   *   <li>{@code skus}: items that are neither archived nor of {@code itemType}
   *       {@code non_inventory};
   *   <li>{@code stockRows}: {@code ItemShop} rows of a real shop ({@code shopID} other than 0, the
   *       summary row), one per item and shop, for every item (archived and non-inventory ones
   *       included: their stock is stored, they just are not active SKUs);
   *   <li>{@code sales}: sales that are completed, not voided and not archived.
   * </ul>
   *
   * @return the expected counts, as of now
   */
  public ExpectedCounts expected() {
    long skus = stream("Item")
        .filter(r -> !r.getBoolean("archived") && !"non_inventory".equals(r.get("itemType").orElse(""))).count();
    long stockRows = stream("ItemShop").filter(r -> r.getLong("shopID") != 0).count();
    long sales = stream("Sale")
        .filter(r -> r.getBoolean("completed") && !r.getBoolean("voided") && !r.getBoolean("archived")).count();
    return new ExpectedCounts(skus, stockRows, sales);
  }

  /** Shop ids are 1..shops(). */
  public int shops() {
    return store.shops;
  }

  /** The ItemShop rows of an item, the shopID 0 summary row first. */
  public List<TestkitRecord> itemShops(long itemId) {
    Rec item = store.item.get(itemId);
    if (item == null) {
      return List.of();
    }
    List<TestkitRecord> out = new ArrayList<>();
    for (Rec r : store.itemShopsOf(item)) {
      out.add(view("ItemShop", r));
    }
    return out;
  }

  /** Quantity on hand of an item in a shop (shop 0: all shops). */
  public long qoh(long itemId, long shopId) {
    Rec r = store.itemShopOf(itemId, shopId);
    if (r == null) {
      throw new IllegalArgumentException("No ItemShop for item " + itemId + " and shop " + shopId);
    }
    return r.getLong("qoh");
  }

  /** The item's prices by use type ({@code Default}, {@code MSRP}, {@code Online}). */
  public Map<String, BigDecimal> prices(long itemId) {
    Rec item = store.item.get(itemId);
    if (item == null) {
      throw new IllegalArgumentException("No item " + itemId);
    }
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (String[] p : RetailStore.pricesOf(item)) {
      out.put(p[0], Money.parse(p[1]));
    }
    return out;
  }

  public List<TestkitRecord> saleLines(long saleId) {
    return children(store.sale.get(saleId), "SaleLine", true);
  }

  public List<TestkitRecord> salePayments(long saleId) {
    return children(store.sale.get(saleId), "SalePayment", false);
  }

  public List<TestkitRecord> orderLines(long orderId) {
    Rec o = store.order.get(orderId);
    List<TestkitRecord> out = new ArrayList<>();
    if (o != null) {
      store.orderLinesOf(o).forEach(r -> out.add(view("OrderLine", r)));
    }
    return out;
  }

  private List<TestkitRecord> children(Rec sale, String resource, boolean lines) {
    List<TestkitRecord> out = new ArrayList<>();
    if (sale != null) {
      (lines ? store.linesOf(sale) : store.paymentsOf(sale)).forEach(r -> out.add(view(resource, r)));
    }
    return out;
  }

  // ------------------------------------------------------------------ mutations

  private static <T> T run(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Sets the quantity on hand of (item, shop) absolutely, as the POS would; unlike the API this
   * allows negative stock (an oversold item). Moves that ItemShop row's timeStamp and the shopID 0
   * summary row's, not the Item's.
   */
  public TestkitRecord setStock(long itemId, long shopId, long qoh) {
    return view("ItemShop", run(() -> mutations.setQoh(itemId, shopId, qoh)));
  }

  /** Adds {@code delta} (may be negative) to the quantity on hand of (item, shop). */
  public TestkitRecord adjustStock(long itemId, long shopId, long delta) {
    return view("ItemShop", run(() -> mutations.adjustQoh(itemId, shopId, delta)));
  }

  /** Changes scalar fields of an item (e.g. description, customSku) and moves its timeStamp. */
  public TestkitRecord updateItem(long itemId, Map<String, String> fields) {
    Objects.requireNonNull(fields, "fields == null");
    return view("Item", run(() -> mutations.updateItem(itemId, fields)));
  }

  /** Archives an item and zeroes its stock, like {@code DELETE Item/{id}}. */
  public TestkitRecord archiveItem(long itemId) {
    return view("Item", run(() -> mutations.archiveItem(itemId)));
  }

  /**
   * Rings up a completed sale in a shop, at each item's Default price, paid exactly in cash; the
   * quantities leave that shop's stock (moving the ItemShop timestamps).
   *
   * @param quantitiesByItem item id to units sold, in line order
   * @return the new saleID
   */
  public long addCompletedSale(long shopId, Map<Long, Long> quantitiesByItem) {
    return addSale(shopId, quantitiesByItem, true);
  }

  /** Creates an open ("in progress") sale with no payments; stock does not change. */
  public long addOpenSale(long shopId, Map<Long, Long> quantitiesByItem) {
    return addSale(shopId, quantitiesByItem, false);
  }

  private long addSale(long shopId, Map<Long, Long> quantitiesByItem, boolean completed) {
    Objects.requireNonNull(quantitiesByItem, "quantitiesByItem == null");
    return run(() -> {
      List<RetailMutations.NewLine> lines = new ArrayList<>();
      BigDecimal sub = BigDecimal.ZERO;
      for (Map.Entry<Long, Long> e : quantitiesByItem.entrySet()) {
        Rec item = store.item.get(e.getKey());
        if (item == null) {
          throw new ApiException(400, "No item " + e.getKey());
        }
        BigDecimal price = Money.parse(item.get("_price.Default"));
        lines.add(new RetailMutations.NewLine(e.getKey(), e.getValue(), price));
        sub = sub.add(price.multiply(BigDecimal.valueOf(e.getValue())));
      }
      BigDecimal total = sub.add(sub.multiply(new BigDecimal("0.08")));
      List<RetailMutations.NewPayment> pays = completed ? List.of(new RetailMutations.NewPayment(total, 1)) : List.of();
      return mutations.createSale(shopId, 1, 0, completed, lines, pays, "", "").id;
    });
  }

  /** Voids a sale (restocking it if it was completed); its timeStamp stays, updatetime moves. */
  public TestkitRecord voidSale(long saleId) {
    return view("Sale", run(() -> mutations.voidSale(saleId)));
  }
}
