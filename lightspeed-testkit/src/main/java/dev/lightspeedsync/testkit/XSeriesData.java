package dev.lightspeedsync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.testkit.internal.ApiException;
import dev.lightspeedsync.testkit.internal.Json;
import dev.lightspeedsync.testkit.internal.XMutations;
import dev.lightspeedsync.testkit.internal.XOAuth;
import dev.lightspeedsync.testkit.internal.XStore;
import dev.lightspeedsync.testkit.internal.XTable;
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
 * Ground truth and mutations of the fake X-Series (Vend API 2.0) retailer, for computing what a
 * sync must hold and for changing data while a client runs.
 *
 * <p>Resources are named as in the API paths: {@code outlets}, {@code registers}, {@code products}
 * (variants and composites are product rows), {@code inventory} (one record per product x outlet),
 * {@code sales}, {@code customers}, {@code suppliers}, {@code consignments} and
 * {@code consignment_products}. Records are {@link TestkitRecord}s whose {@link TestkitRecord#key()}
 * is the UUID the API prints; scalar fields are given in JSON text form, nulls are left out, arrays
 * and objects are JSON text. Streams are lazy, so they work on a million records.
 *
 * <p>Every mutation behaves like the change in the store it stands for: the record gets a new
 * {@code version} above every other (so it reappears on the version cursor) and, where it has one,
 * a new {@code updated_at} from the server's {@link TimeSource}.
 *
 * <p>Thread-safe: mutations are serialised with the server's own writes.
 */
public final class XSeriesData {
  private final XStore store;
  private final XMutations mutations;
  private final XOAuth oauth;
  private final int rateLimit;

  XSeriesData(XStore store, XMutations mutations, XOAuth oauth, int rateLimit) {
    this.store = store;
    this.mutations = mutations;
    this.oauth = oauth;
    this.rateLimit = rateLimit;
  }

  private XTable table(String resource) {
    XTable t = store.table(Objects.requireNonNull(resource, "resource == null"));
    if (t == null) {
      throw new IllegalArgumentException("Unknown X-Series resource " + resource + "; known: " + store.resources());
    }
    return t;
  }

  private long ordinal(XTable t, String id) {
    long o = store.ids.ordinal(t.index, Objects.requireNonNull(id, "id == null"));
    if (o < 1 || t.get(o) == null) {
      throw new IllegalArgumentException("No " + t.name + " with id " + id);
    }
    return o;
  }

  static TestkitRecord view(String resource, long ordinal, ObjectNode n) {
    Map<String, String> f = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (e.getKey().startsWith("_") || v.isNull()) {
        continue;
      }
      f.put(e.getKey(), v.isValueNode() ? v.asText() : Json.write(v));
    }
    String key = resource.equals("consignment_products")
        ? n.path("consignment_id").asText() + "/" + n.path("product_id").asText() : n.path("id").asText();
    return new TestkitRecord(resource, ordinal, key, f);
  }

  private TestkitRecord record(XTable t, ObjectNode n) {
    long ordinal = t == store.consignmentProduct ? n.path("_o").asLong()
        : store.ids.ordinal(t.index, n.path("id").asText());
    return view(t.name, ordinal, n);
  }

  /** The domain prefix ({@code https://{prefix}.retail.lightspeed.app}). */
  public String domainPrefix() {
    return store.domainPrefix;
  }

  /** The retailer record as {@code GET /api/2.0/retailer} returns it. */
  public TestkitRecord retailer() {
    return view("retailer", 1, store.retailer());
  }

  /** Number of registers (outlets x registers per outlet). */
  public int registers() {
    return (int) store.register.generated;
  }

  /** Requests allowed per application per 5 minutes ({@code 300 x registers + 50} unless overridden). */
  public int rateLimit() {
    return rateLimit;
  }

  /** The highest {@code version} handed out so far (every change takes a higher one). */
  public long currentVersion() {
    return store.currentVersion();
  }

  /** The ids of the outlets, in order. */
  public List<String> outletIds() {
    List<String> out = new ArrayList<>();
    for (long o = 1; o <= store.outlets; o++) {
      out.add(store.id(XStore.T_OUTLETS, o));
    }
    return out;
  }

  /** The record as it is now (deleted records too, with {@code deleted_at}), or empty. */
  public Optional<TestkitRecord> get(String resource, String id) {
    XTable t = table(resource);
    if (t == store.consignmentProduct) {
      int slash = Objects.requireNonNull(id, "id == null").indexOf('/');
      if (slash < 0) {
        return Optional.empty();
      }
      long k = store.ids.ordinal(XStore.T_CONSIGNMENTS, id.substring(0, slash));
      if (k < 1) {
        return Optional.empty();
      }
      for (long q : store.consignmentProductOrdinals(k)) {
        ObjectNode n = t.get(q);
        if (n.path("product_id").asText().equals(id.substring(slash + 1))) {
          return Optional.of(record(t, n));
        }
      }
      return Optional.empty();
    }
    long o = store.ids.ordinal(t.index, Objects.requireNonNull(id, "id == null"));
    ObjectNode n = o < 1 ? null : t.get(o);
    return n == null ? Optional.empty() : Optional.of(record(t, n));
  }

  /** The record exactly as the API serves it (JSON text), or empty. */
  public Optional<String> json(String resource, String id) {
    XTable t = table(resource);
    long o = store.ids.ordinal(t.index, Objects.requireNonNull(id, "id == null"));
    ObjectNode n = o < 1 ? null : t.get(o);
    if (n == null) {
      return Optional.empty();
    }
    ObjectNode c = n.deepCopy();
    c.remove("_o");
    return Optional.of(Json.write(c));
  }

  /** Every record of the resource, deleted ones included, in ordinal order (generated, then created). */
  public Stream<TestkitRecord> stream(String resource) {
    XTable t = table(resource);
    Iterator<ObjectNode> it = t.byOrdinal();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .map(n -> record(t, n));
  }

  /**
   * The ids a correct full sync of the resource holds: every record that is not deleted (one per
   * id, however often it reappeared during the walk).
   */
  public Stream<String> expectedIds(String resource) {
    return stream(resource).filter(r -> r.get("deleted_at").isEmpty()).map(TestkitRecord::key);
  }

  /** Number of {@link #expectedIds}; walks the whole resource. */
  public long expectedCount(String resource) {
    return expectedIds(resource).count();
  }

  /** The ids of deleted records ({@code deleted_at} set). */
  public Stream<String> deletedIds(String resource) {
    return stream(resource).filter(r -> r.get("deleted_at").isPresent()).map(TestkitRecord::key);
  }

  public long deletedCount(String resource) {
    return deletedIds(resource).count();
  }

  /** The inventory level of a product at an outlet. */
  public long inventoryLevel(String productId, String outletId) {
    long p = ordinal(store.product, productId);
    long o = ordinal(store.outlet, outletId);
    ObjectNode n = store.inventory.get(store.inventoryOrdinal(p, o));
    if (n == null || !n.path("deleted_at").isNull()) {
      throw new IllegalArgumentException("Product " + productId + " has no inventory at outlet " + outletId);
    }
    return n.path("inventory_level").asLong();
  }

  /** The components of a composite product: product id to quantity (empty for other products). */
  public Map<String, BigDecimal> compositeComponents(String productId) {
    ObjectNode n = store.product.get(ordinal(store.product, productId));
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (JsonNode c : n.path("composite")) {
      out.put(c.path("product_id").asText(), c.path("quantity").decimalValue());
    }
    return out;
  }

  /** The products of a consignment, in order. */
  public List<TestkitRecord> consignmentProducts(String consignmentId) {
    long k = ordinal(store.consignment, consignmentId);
    List<TestkitRecord> out = new ArrayList<>();
    for (long q : store.consignmentProductOrdinals(k)) {
      out.add(record(store.consignmentProduct, store.consignmentProduct.get(q)));
    }
    return out;
  }

  /** A fresh authorization code for the registered redirect URI, as {@code /connect} would send to the callback. */
  public String newAuthorizationCode() {
    return oauth.newCode(oauth.redirectUri);
  }

  // ------------------------------------------------------------------ mutations

  private static <T> T run(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Gives a record a new version and {@code updated_at} without changing anything else (it reappears on the cursor). */
  public TestkitRecord touch(String resource, String id) {
    XTable t = table(resource);
    if (t == store.consignmentProduct) {
      throw new IllegalArgumentException("touch consignment products through their consignment");
    }
    return record(t, run(() -> mutations.touch(t, ordinal(t, id))));
  }

  /** Changes product fields as {@code PUT /api/2.1/products/{id}} would (e.g. {@code name}, {@code sku}, {@code price_excluding_tax}). */
  public TestkitRecord updateProduct(String productId, Map<String, String> fields) {
    Objects.requireNonNull(fields, "fields == null");
    ObjectNode b = Json.obj();
    fields.forEach(b::put);
    return record(store.product, run(() -> mutations.updateProduct(ordinal(store.product, productId), b)));
  }

  /** Sets the inventory level of a product at an outlet (absolute, negative allowed), as a sale or stocktake would. */
  public TestkitRecord setInventory(String productId, String outletId, long level) {
    return record(store.inventory, run(() -> mutations.setInventory(ordinal(store.product, productId),
        ordinal(store.outlet, outletId), level)));
  }

  /** Soft-deletes a product ({@code deleted_at} set; listed only with {@code deleted=true}); its inventory goes. */
  public void deleteProduct(String productId) {
    run(() -> {
      mutations.deleteProduct(ordinal(store.product, productId));
      return null;
    });
  }

  /** Changes customer fields (e.g. {@code email}, {@code first_name}). */
  public TestkitRecord updateCustomer(String customerId, Map<String, String> fields) {
    Objects.requireNonNull(fields, "fields == null");
    ObjectNode b = Json.obj();
    fields.forEach(b::put);
    return record(store.customer, run(() -> mutations.updateCustomer(ordinal(store.customer, customerId), b)));
  }

  /** Soft-deletes a customer. */
  public void deleteCustomer(String customerId) {
    run(() -> {
      mutations.deleteCustomer(ordinal(store.customer, customerId));
      return null;
    });
  }

  /**
   * Rings up a sale at the outlet's first register, at each product's price, paid in full for the
   * completed statuses; statuses whose goods leave the store (CLOSED, ONACCOUNT and the *_CLOSED
   * ones) take the quantities from the outlet's stock.
   *
   * @return the new sale's id
   */
  public String addSale(String outletId, String status, Map<String, Long> quantitiesByProduct) {
    Objects.requireNonNull(quantitiesByProduct, "quantitiesByProduct == null");
    Objects.requireNonNull(status, "status == null");
    return run(() -> {
      long o = ordinal(store.outlet, outletId);
      List<XMutations.NewLine> lines = new ArrayList<>();
      BigDecimal due = BigDecimal.ZERO;
      for (Map.Entry<String, Long> e : quantitiesByProduct.entrySet()) {
        long p = ordinal(store.product, e.getKey());
        BigDecimal price = store.product.get(p).path("price_excluding_tax").decimalValue();
        lines.add(new XMutations.NewLine(p, e.getValue(), price));
        due = due.add(price.multiply(BigDecimal.valueOf(e.getValue())).multiply(new BigDecimal("1.15")));
      }
      List<BigDecimal> pays = status.equals("SAVED") || status.equals("VOIDED") || status.equals("SERVICE")
          ? List.of() : List.of(due.setScale(2, java.math.RoundingMode.HALF_UP));
      long register = (o - 1) * store.registersPerOutlet + 1;
      if (!XStore.SALE_STATUSES.contains(status)) {
        throw new ApiException(400, "status must be one of " + XStore.SALE_STATUSES);
      }
      return mutations.writeSale(-1, register, null, status, lines, pays, "").path("id").asText();
    });
  }

  /** Changes a sale's status (VOIDED returns stock that a completed sale took). */
  public TestkitRecord setSaleStatus(String saleId, String status) {
    Objects.requireNonNull(status, "status == null");
    return record(store.sale, run(() -> mutations.setSaleStatus(ordinal(store.sale, saleId), status)));
  }
}
