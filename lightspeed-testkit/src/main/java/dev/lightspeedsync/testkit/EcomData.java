package dev.lightspeedsync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.testkit.internal.ETable;
import dev.lightspeedsync.testkit.internal.EcomMutations;
import dev.lightspeedsync.testkit.internal.EcomStore;
import dev.lightspeedsync.testkit.internal.EcomWebhooks;
import java.math.BigDecimal;
import java.time.Duration;
import dev.lightspeedsync.testkit.internal.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Ground truth and mutations of the fake eCom shop. Resources: {@code products}, {@code variants},
 * {@code suppliers}, {@code orders}, {@code orderProducts}, {@code shipments} (one per order),
 * {@code webhooks}, {@code variantsMovements} (one per stock change). Relation fields are left out
 * of the views; {@code variants} views carry the owning product id as {@code product}, and
 * {@code orderProducts} and {@code shipments} views their order id as {@code order}. Every mutation
 * moves the record's {@code updatedAt} to the server's current time and fires the matching
 * webhooks (see {@link #awaitWebhooks(Duration)}).
 *
 * <p>Thread-safe.
 */
public final class EcomData {
  private final EcomStore store;
  private final EcomMutations mutations;
  private final EcomWebhooks webhooks;

  EcomData(EcomStore store, EcomMutations mutations, EcomWebhooks webhooks) {
    this.store = store;
    this.mutations = mutations;
    this.webhooks = webhooks;
  }

  private ETable table(String resource) {
    switch (Objects.requireNonNull(resource, "resource == null")) {
      case "products": return store.product;
      case "variants": return store.variant;
      case "suppliers": return store.supplier;
      case "orders": return store.order;
      case "orderProducts": return store.orderProduct;
      case "webhooks": return store.webhook;
      case "shipments": return store.shipment;
      case "variantsMovements": return store.movement;
      default: throw new IllegalArgumentException("Unknown eCom resource " + resource);
    }
  }

  static TestkitRecord view(String resource, ObjectNode n) {
    Map<String, String> f = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (e.getKey().equals("_product")) {
        f.put("product", v.asText());
      } else if (e.getKey().equals("_order")) {
        f.put("order", v.asText());
      } else if (e.getKey().startsWith("_") || v.isNull()) {
        continue;
      } else {
        f.put(e.getKey(), v.isValueNode() ? v.asText() : Json.write(v));
      }
    }
    return new TestkitRecord(resource, n.path("id").asLong(), f);
  }

  /** The record as it is now, or empty when it does not exist (or was deleted). */
  public Optional<TestkitRecord> get(String resource, long id) {
    ObjectNode n = table(resource).get(id);
    return n == null ? Optional.empty() : Optional.of(view(resource, n));
  }

  /** Every record in id order, generated lazily. */
  public Stream<TestkitRecord> stream(String resource) {
    Iterator<ObjectNode> it = table(resource).iterate(0, n -> true);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .map(n -> view(resource, n));
  }

  /** Number of records; walks the whole table. */
  public long count(String resource) {
    return stream(resource).count();
  }

  /**
   * How many records a correct full sync of this shop stores under the default rules; walks the
   * products, variants and orders once:
   *
   * <ul>
   *   <li>{@code skus}: variants whose product is {@code visible} or {@code auto} and whose
   *       {@code stockTracking} is not {@code disabled};
   *   <li>{@code stockRows}: one per variant that has a {@code stockLevel}, whatever its product's
   *       visibility or its tracking (the webshop is the one location);
   *   <li>{@code sales}: orders that are {@code paid} and not {@code cancelled}, whatever their age.
   * </ul>
   *
   * @return the expected counts, as of now
   */
  public ExpectedCounts expected() {
    Set<Long> shown = new HashSet<>();
    stream("products").filter(p -> {
      String v = p.get("visibility").orElse("");
      return v.equals("visible") || v.equals("auto");
    }).forEach(p -> shown.add(p.id()));
    long skus = stream("variants")
        .filter(v -> shown.contains(v.getLong("product")) && !"disabled".equals(v.get("stockTracking").orElse("")))
        .count();
    long sales = stream("orders")
        .filter(o -> "paid".equals(o.get("paymentStatus").orElse("")) && !"cancelled".equals(o.get("status").orElse("")))
        .count();
    long stockRows = stream("variants").filter(v -> v.get("stockLevel").isPresent()).count();
    return new ExpectedCounts(skus, stockRows, sales);
  }

  /** The variants of a product. */
  public List<TestkitRecord> variantsOf(long productId) {
    List<TestkitRecord> out = new ArrayList<>();
    for (long id : store.variantIdsOf(productId)) {
      out.add(view("variants", store.variant.get(id)));
    }
    return out;
  }

  private static <T> T run(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (RuntimeException e) {
      if (e.getClass().getName().startsWith("dev.lightspeedsync.testkit.internal")) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      throw e;
    }
  }

  /** Sets a variant's stockLevel (absolute; negative allowed) and moves its updatedAt. */
  public TestkitRecord setVariantStock(long variantId, long stockLevel) {
    return view("variants", run(() -> mutations.setVariantStock(variantId, stockLevel)));
  }

  /** The lines of an order, as they are now. */
  public List<TestkitRecord> linesOf(long orderId) {
    List<TestkitRecord> out = new ArrayList<>();
    for (ObjectNode n : store.linesOf(orderId)) {
      out.add(view("orderProducts", n));
    }
    return out;
  }

  /**
   * Creates a product with one variant (stock tracking {@code enabled}), as a shop owner adding it
   * in the back office does; {@code products/created} and {@code variants/created} webhooks fire.
   *
   * @return the new variant (its {@code product} is the new product's id)
   */
  public TestkitRecord createProduct(String title, String visibility, String sku, long stockLevel, BigDecimal priceExcl,
      BigDecimal priceCost) {
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(visibility, "visibility == null");
    Objects.requireNonNull(sku, "sku == null");
    Objects.requireNonNull(priceExcl, "priceExcl == null");
    Objects.requireNonNull(priceCost, "priceCost == null");
    return view("variants", run(() -> mutations.createProduct(title, visibility, sku, stockLevel, priceExcl,
        priceCost)));
  }

  /** Deletes one variant, as deleting it in the back office does; nothing lists it afterwards. */
  public void deleteVariant(long variantId) {
    run(() -> {
      if (store.variant.get(variantId) == null) {
        throw new IllegalArgumentException("no variant " + variantId);
      }
      mutations.delete(store.variant, variantId);
      return null;
    });
  }

  /**
   * Marks an order's shipment shipped with a tracking code (as the back office does) and sets the
   * order's shipmentStatus to {@code shipped}; both move their updatedAt.
   */
  public TestkitRecord shipOrder(long orderId, String trackingCode) {
    Objects.requireNonNull(trackingCode, "trackingCode == null");
    ObjectNode b = Json.obj();
    b.put("status", "shipped");
    b.put("trackingCode", trackingCode);
    run(() -> mutations.updateShipment(orderId, b));
    ObjectNode o = Json.obj();
    o.put("shipmentStatus", "shipped");
    return view("orders", run(() -> mutations.updateOrder(orderId, o)));
  }

  /**
   * Waits until every webhook delivery caused so far has been made. Deliveries go out one at a
   * time on a background thread, only to loopback addresses, signed with
   * {@code X-Signature = md5(raw body + API secret)}.
   *
   * @throws IllegalStateException when they did not finish within {@code timeout}
   */
  public void awaitWebhooks(Duration timeout) {
    webhooks.await(Objects.requireNonNull(timeout, "timeout == null"));
  }

  /** Webhook calls answered with a 2xx so far. */
  public long webhooksDelivered() {
    return webhooks.delivered();
  }

  /** Webhook calls that failed (no connection, timeout or a non-2xx answer); they are not retried. */
  public long webhooksFailed() {
    return webhooks.failed();
  }

  /** Webhook calls not made because the address is not a loopback address. */
  public long webhooksSkipped() {
    return webhooks.skipped();
  }

  /** Sets a product's visibility ({@code visible}, {@code auto} or {@code hidden}). */
  public TestkitRecord setProductVisibility(long productId, String visibility) {
    Objects.requireNonNull(visibility, "visibility == null");
    ObjectNode b = Json.obj();
    b.put("visibility", visibility);
    return view("products", run(() -> mutations.updateProduct(productId, b)));
  }

  /**
   * Gives a product {@code count} images (0 to 4), as uploading or deleting images in the back office
   * does; its main {@code image} follows and its {@code updatedAt} moves.
   */
  public TestkitRecord setProductImageCount(long productId, int count) {
    return view("products", run(() -> mutations.setProductImageCount(productId, count)));
  }

  /**
   * The full-size URLs ({@code src}) of a product's images, in their {@code sortOrder}, as
   * {@code GET products/{id}/images} lists them; empty for a product without images or unknown.
   */
  public List<String> productImageUrls(long productId) {
    synchronized (store) {
      com.fasterxml.jackson.databind.node.ObjectNode p = store.product.get(productId);
      List<String> out = new ArrayList<>();
      for (int k = 0; p != null && k < p.path("_images").asInt(); k++) {
        out.add(store.image(productId, k, true).path("src").asText());
      }
      return out;
    }
  }

  /** Hides a product, as archiving its item in Retail does. */
  public TestkitRecord hideProduct(long productId) {
    return setProductVisibility(productId, "hidden");
  }

  /** Deletes a product and its variants, as deleting it in the back office does; nothing lists it afterwards. */
  public void deleteProduct(long productId) {
    run(() -> {
      mutations.deleteProduct(productId);
      return null;
    });
  }

  /** Changes an order's status, paymentStatus and shipmentStatus (any documented values) and moves its updatedAt. */
  public TestkitRecord setOrderStatus(long orderId, String status, String paymentStatus, String shipmentStatus) {
    ObjectNode b = Json.obj();
    b.put("status", Objects.requireNonNull(status, "status == null"));
    b.put("paymentStatus", Objects.requireNonNull(paymentStatus, "paymentStatus == null"));
    b.put("shipmentStatus", Objects.requireNonNull(shipmentStatus, "shipmentStatus == null"));
    return view("orders", run(() -> mutations.updateOrder(orderId, b)));
  }
}
