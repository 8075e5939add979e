package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.testkit.TimeSource;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** State changes of the eCom data; each write moves the record's {@code updatedAt}. Serialised on the store. */
public final class EcomMutations {
  private static final Set<String> VARIANT_WRITABLE = Set.of("stockLevel", "stockTracking", "stockAlert", "stockMinimum",
      "priceExcl", "priceIncl", "priceCost", "oldPriceExcl", "oldPriceIncl", "sku", "ean", "articleCode", "title",
      "isDefault", "sortOrder", "unitPrice", "unitUnit", "weight", "volume", "colli", "stockBuyMinimum",
      "stockBuyMaximum", "taxType", "hs");
  private static final Set<String> PRODUCT_WRITABLE = Set.of("visibility", "title", "fulltitle", "description", "content",
      "url", "data01", "data02", "data03");
  private static final Set<String> ORDER_WRITABLE = Set.of("status", "paymentStatus", "shipmentStatus", "memo",
      "comment", "customStatusId");
  private static final Set<String> SUPPLIER_WRITABLE = Set.of("title", "attention_of", "street", "street2", "number",
      "extension", "zip_code", "city", "region");

  private static final Set<String> SHIPMENT_WRITABLE = Set.of("status", "trackingCode", "doNotifyShipped",
      "doNotifyReadyForPickup", "doNotifyTrackingCode");

  private final EcomStore s;
  private final TimeSource clock;
  private final EcomWebhooks webhooks;

  public EcomMutations(EcomStore store, TimeSource clock, EcomWebhooks webhooks) {
    this.s = store;
    this.clock = clock;
    this.webhooks = webhooks;
  }

  private String now() {
    return Times.format(clock.now().getEpochSecond());
  }

  private static ObjectNode require(ETable t, long id) {
    ObjectNode n = t.get(id);
    if (n == null) {
      throw new EcomApi.EcomError(404, EcomApi.singular(t.name) + " " + id + " not found");
    }
    return n;
  }

  private static void unknown(ObjectNode body, Set<String> writable, String what) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!writable.contains(f)) {
        throw new EcomApi.EcomError(400, "Field '" + f + "' of " + what + " cannot be written (or is not modelled by the testkit)");
      }
    }
  }

  public ObjectNode updateVariant(long id, ObjectNode body) {
    return updateVariant(id, body, "api");
  }

  /** Updates a variant; a stockLevel change records a variant movement on {@code channel}. */
  public ObjectNode updateVariant(long id, ObjectNode body, String channel) {
    synchronized (s) {
      ObjectNode cur = require(s.variant, id).deepCopy();
      unknown(body, VARIANT_WRITABLE, "variant");
      if (body.has("stockLevel")) {
        JsonNode v = body.get("stockLevel");
        if (!(v.isIntegralNumber() || (v.isTextual() && v.asText().matches("-?\\d+")))) {
          throw new EcomApi.EcomError(400, "stockLevel must be a whole number");
        }
      }
      if (body.has("stockTracking") && !EcomStore.STOCK_TRACKING.contains(body.get("stockTracking").asText())) {
        throw new EcomApi.EcomError(400, "stockTracking must be one of " + EcomStore.STOCK_TRACKING);
      }
      body.properties().iterator().forEachRemaining(e -> {
        if (e.getKey().equals("stockLevel")) {
          cur.put("stockLevel", e.getValue().asLong());
        } else {
          cur.set(e.getKey(), e.getValue());
        }
      });
      cur.put("updatedAt", now());
      long before = require(s.variant, id).path("stockLevel").asLong();
      long change = cur.path("stockLevel").asLong() - before;
      s.variant.put(id, cur);
      if (change != 0) {
        long mid = s.movement.allocateId();
        ObjectNode m = Json.obj();
        m.put("id", mid);
        m.put("createdAt", now());
        m.put("channel", channel);
        m.put("stockLevelChange", change);
        m.putNull("product");
        m.putNull("variant");
        m.put("_product", cur.path("_product").asLong());
        m.put("_variant", id);
        s.movement.put(mid, m);
      }
      webhooks.fire("variants", "updated", cur);
      return cur;
    }
  }

  public ObjectNode setVariantStock(long id, long level) {
    ObjectNode b = Json.obj();
    b.put("stockLevel", level);
    return updateVariant(id, b, "backoffice");
  }

  public ObjectNode updateProduct(long id, ObjectNode body) {
    synchronized (s) {
      ObjectNode cur = require(s.product, id).deepCopy();
      unknown(body, PRODUCT_WRITABLE, "product");
      if (body.has("visibility") && !EcomStore.VISIBILITY.contains(body.get("visibility").asText())) {
        throw new EcomApi.EcomError(400, "visibility must be one of " + EcomStore.VISIBILITY);
      }
      body.properties().iterator().forEachRemaining(e -> cur.set(e.getKey(), e.getValue()));
      cur.put("isVisible", !"hidden".equals(cur.path("visibility").asText()));
      cur.put("updatedAt", now());
      s.product.put(id, cur);
      webhooks.fire("products", "updated", cur);
      return cur;
    }
  }

  /**
   * Gives a product {@code count} images (0 to 4), as uploading or deleting images in the back
   * office does: its main {@code image} follows and its {@code updatedAt} moves.
   */
  public ObjectNode setProductImageCount(long id, int count) {
    if (count < 0 || count > 4) {
      throw new EcomApi.EcomError(400, "a testkit product has 0 to 4 images, not " + count);
    }
    synchronized (s) {
      ObjectNode cur = require(s.product, id).deepCopy();
      cur.put("_images", count);
      if (count == 0) {
        cur.put("image", false);
      } else {
        cur.set("image", s.image(id, 0, false));
      }
      cur.put("updatedAt", now());
      s.product.put(id, cur);
      webhooks.fire("products", "updated", cur);
      return cur;
    }
  }

  public ObjectNode updateOrder(long id, ObjectNode body) {
    synchronized (s) {
      ObjectNode cur = require(s.order, id).deepCopy();
      unknown(body, ORDER_WRITABLE, "order");
      check(body, "status", EcomStore.STATUS, EcomStore.LEGACY_STATUS);
      check(body, "paymentStatus", EcomStore.PAYMENT_STATUS, List.of());
      check(body, "shipmentStatus", EcomStore.SHIPMENT_STATUS, List.of());
      body.properties().iterator().forEachRemaining(e -> cur.set(e.getKey(), e.getValue()));
      cur.put("updatedAt", now());
      s.order.put(id, cur);
      webhooks.fire("orders", "updated", cur);
      return cur;
    }
  }

  /**
   * Updates a shipment ({@code status}, {@code trackingCode}, notification flags). Marking it
   * {@code shipped} sets the shipped quantity of every line of its order to the ordered quantity;
   * the order's own statuses change only through {@code PUT orders/{id}}.
   */
  public ObjectNode updateShipment(long id, ObjectNode body) {
    synchronized (s) {
      ObjectNode cur = require(s.shipment, id).deepCopy();
      unknown(body, SHIPMENT_WRITABLE, "shipment");
      check(body, "status", EcomStore.SHIPMENT_STATUS, List.of());
      if (body.has("trackingCode") && !body.get("trackingCode").isTextual()) {
        throw new EcomApi.EcomError(400, "trackingCode must be a string");
      }
      boolean nowShipped = body.has("status") && body.get("status").asText().equals("shipped")
          && !cur.path("status").asText().equals("shipped");
      body.properties().iterator().forEachRemaining(e -> cur.set(e.getKey(), e.getValue()));
      cur.put("updatedAt", now());
      s.shipment.put(id, cur);
      if (nowShipped) {
        long order = cur.path("_order").asLong();
        for (ObjectNode line : s.linesOf(order)) {
          ObjectNode copy = line.deepCopy();
          copy.put("quantityShipped", copy.path("quantityOrdered").asLong());
          s.orderProduct.put(copy.path("id").asLong(), copy);
        }
      }
      webhooks.fire("shipments", "updated", cur);
      return cur;
    }
  }

  private static void check(ObjectNode body, String field, List<String> allowed, List<String> legacy) {
    if (body.has(field)) {
      String v = body.get(field).asText();
      if (!allowed.contains(v) && !legacy.contains(v)) {
        throw new EcomApi.EcomError(400, field + " must be one of " + allowed);
      }
    }
  }

  public ObjectNode updateSupplier(long id, ObjectNode body) {
    synchronized (s) {
      ObjectNode cur = require(s.supplier, id).deepCopy();
      unknown(body, SUPPLIER_WRITABLE, "supplier");
      body.properties().iterator().forEachRemaining(e -> cur.set(e.getKey(), e.getValue()));
      cur.put("updatedAt", now());
      s.supplier.put(id, cur);
      return cur;
    }
  }

  public ObjectNode createWebhook(ObjectNode body, String lang) {
    synchronized (s) {
      ObjectNode n = Json.obj();
      long id = s.webhook.allocateId();
      n.put("id", id);
      n.put("createdAt", now());
      n.put("updatedAt", now());
      validateWebhook(body, true);
      n.put("isActive", body.path("isActive").asBoolean(true));
      n.put("itemGroup", body.get("itemGroup").asText());
      n.put("itemAction", body.get("itemAction").asText());
      ObjectNode l = Json.obj();
      l.put("id", 1);
      l.put("code", lang);
      l.put("locale", lang.equals("en") ? "en_GB" : lang + "_" + lang.toUpperCase(java.util.Locale.ROOT));
      l.put("title", lang);
      n.set("language", l);
      n.put("format", body.path("format").asText("json"));
      n.put("address", body.get("address").asText());
      s.webhook.put(id, n);
      return n;
    }
  }

  private static void validateWebhook(ObjectNode body, boolean create) {
    for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext();) {
      String k = it.next().getKey();
      if (!Set.of("isActive", "itemGroup", "itemAction", "format", "address", "language").contains(k)) {
        throw new EcomApi.EcomError(400, "Unknown webhook field '" + k + "' (the URL field is 'address')");
      }
    }
    if (create || body.has("itemGroup")) {
      if (!EcomStore.ITEM_GROUPS.contains(body.path("itemGroup").asText())) {
        throw new EcomApi.EcomError(400, "itemGroup must be one of " + EcomStore.ITEM_GROUPS);
      }
    }
    if (create || body.has("itemAction")) {
      if (!EcomStore.ITEM_ACTIONS.contains(body.path("itemAction").asText())) {
        throw new EcomApi.EcomError(400, "itemAction must be one of " + EcomStore.ITEM_ACTIONS);
      }
    }
    if (body.has("format") && !List.of("json", "xml").contains(body.get("format").asText())) {
      throw new EcomApi.EcomError(400, "format must be json or xml");
    }
    if (create || body.has("address")) {
      String a = body.path("address").asText("");
      if (!a.startsWith("http://") && !a.startsWith("https://")) {
        throw new EcomApi.EcomError(400, "address must be an http(s) URL");
      }
    }
  }

  public ObjectNode updateWebhook(long id, ObjectNode body) {
    synchronized (s) {
      ObjectNode cur = require(s.webhook, id).deepCopy();
      validateWebhook(body, false);
      body.properties().iterator().forEachRemaining(e -> {
        if (!e.getKey().equals("language")) {
          cur.set(e.getKey(), e.getValue());
        }
      });
      cur.put("updatedAt", now());
      s.webhook.put(id, cur);
      return cur;
    }
  }

  /** Deletes a product and its variants (there is no tombstone to list afterwards). */
  public void deleteProduct(long id) {
    synchronized (s) {
      ObjectNode p = require(s.product, id);
      for (long v : s.variantIdsOf(id)) {
        ObjectNode variant = s.variant.get(v);
        s.variant.delete(v);
        webhooks.fire("variants", "deleted", variant);
      }
      s.product.delete(id);
      webhooks.fire("products", "deleted", p);
    }
  }

  public void delete(ETable t, long id) {
    synchronized (s) {
      ObjectNode before = t.get(id);
      t.delete(id);
      if (before != null && (t == s.variant)) {
        webhooks.fire("variants", "deleted", before);
      }
    }
  }

  /**
   * Creates a product with one variant, as a shop owner adding it in the back office does: both get
   * {@code createdAt = updatedAt = now} and the next free ids, and {@code products/created} and
   * {@code variants/created} webhooks fire. Returns the variant.
   */
  public ObjectNode createProduct(String title, String visibility, String sku, long stockLevel,
      java.math.BigDecimal priceExcl, java.math.BigDecimal priceCost) {
    synchronized (s) {
      if (!EcomStore.VISIBILITY.contains(visibility)) {
        throw new EcomApi.EcomError(400, "visibility must be one of " + EcomStore.VISIBILITY);
      }
      long pid = s.product.allocateId();
      ObjectNode template = s.products > 0 ? s.product.get(1) : null;
      ObjectNode p = template == null ? Json.obj() : template.deepCopy();
      p.put("id", pid);
      p.put("createdAt", now());
      p.put("updatedAt", now());
      p.put("visibility", visibility);
      p.put("isVisible", !visibility.equals("hidden"));
      p.put("hasMatrix", false);
      p.put("title", title);
      p.put("fulltitle", title);
      p.put("url", title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + pid);
      p.put("image", false);
      p.put("_supplier", 0);
      p.put("_brand", 0);
      p.put("_images", 0);
      for (String rel : List.of("brand", "categories", "images", "relations", "metafields", "reviews", "attributes",
          "supplier", "tags", "variants", "movements")) {
        p.putNull(rel);
      }
      s.product.put(pid, p);
      long vid = s.variant.allocateId();
      ObjectNode v = Json.obj();
      v.put("id", vid);
      v.put("createdAt", now());
      v.put("updatedAt", now());
      v.put("isDefault", true);
      v.put("sortOrder", 1);
      v.put("title", "Default");
      v.put("articleCode", "");
      v.put("ean", "");
      v.put("sku", sku);
      v.put("priceExcl", priceExcl);
      v.put("priceIncl", priceExcl.multiply(new java.math.BigDecimal("1.21")).setScale(4,
          java.math.RoundingMode.HALF_UP).stripTrailingZeros());
      v.put("priceCost", priceCost);
      v.put("stockTracking", "enabled");
      v.put("stockLevel", stockLevel);
      v.put("stockAlert", 0);
      v.put("stockMinimum", 0);
      v.put("stockSold", 0);
      v.put("matrix", false);
      v.put("image", false);
      v.put("tax", false);
      v.putNull("product");
      v.putNull("movements");
      v.putNull("metafields");
      v.put("additionalcost", false);
      v.set("options", Json.arr());
      v.put("_product", pid);
      s.variant.put(vid, v);
      s.createdVariants.put(pid, vid);
      webhooks.fire("products", "created", p);
      webhooks.fire("variants", "created", v);
      return v;
    }
  }
}
