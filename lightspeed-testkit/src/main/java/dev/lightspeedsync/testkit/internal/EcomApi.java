package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** The eCom (C-Series) API over an {@link EcomStore}. */
public final class EcomApi implements Function<Req, Resp> {
  private final EcomStore store;
  private final EcomMutations mutations;
  private final EcomLimiter limiter;
  private final List<String> languages;

  public EcomApi(EcomStore store, EcomMutations mutations, EcomLimiter limiter, List<String> languages) {
    this.store = store;
    this.mutations = mutations;
    this.limiter = limiter;
    this.languages = languages;
  }

  /** The inspection key of a request ("GET products/{id}.json"), without handling it. */
  public static String endpointKey(Req req) {
    String rest = req.path.length() > 4 ? req.path.substring(4) : "";
    return req.method + " " + rest.replaceAll("/\\d+", "/{id}");
  }

  @Override
  public Resp apply(Req req) {
    String lang = req.path.substring(1, 3);
    String rest = req.path.length() > 4 ? req.path.substring(4) : "";
    String endpoint = endpointKey(req);
    Resp r;
    EcomLimiter.Admission a = null;
    try {
      checkAuth(req);
      if (!languages.contains(lang)) {
        throw new EcomError(404, "Unknown or inactive language '" + lang + "'. Active languages: "
            + String.join(", ", languages));
      }
      a = limiter.admit();
      if (!a.allowed()) {
        r = EcomErrors.error(429, req.method, req.path, "Too many requests");
        r.rateLimited = true;
        r.header("Retry-After", Long.toString(a.retryAfter()));
      } else {
        r = route(req, lang, rest);
      }
    } catch (EcomError e) {
      r = EcomErrors.error(e.status, req.method, req.path, e.getMessage());
    } catch (ApiException e) {
      r = EcomErrors.error(e.status, req.method, req.path, e.getMessage());
    } catch (NumberFormatException | ArithmeticException e) {
      r = EcomErrors.error(400, req.method, req.path, "Invalid number in the request: " + e.getMessage());
    }
    if (a != null) {
      r.header("X-RateLimit-Limit", a.limit());
      r.header("X-RateLimit-Remaining", a.remaining());
      r.header("X-RateLimit-Reset", a.reset());
    }
    r.endpoint = endpoint;
    return r;
  }

  /** An eCom error. */
  static final class EcomError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    EcomError(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private void checkAuth(Req req) {
    String h = req.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw new EcomError(401, "Authorization required (HTTP Basic with API key and secret)");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new EcomError(401, "Invalid Basic authorization header");
    }
    if (!decoded.equals(store.apiKey + ":" + store.apiSecret)) {
      throw new EcomError(401, "Invalid API key or secret");
    }
  }

  private Resp route(Req req, String lang, String rest) {
    if (!rest.endsWith(".json")) {
      throw new EcomError(404, "Not found: eCom paths end in .json");
    }
    String[] seg = rest.substring(0, rest.length() - 5).split("/");
    String m = req.method;
    String res = seg[0];
    switch (res) {
      case "account":
        if (seg.length == 1 && m.equals("GET")) {
          return account();
        }
        if (seg.length == 2 && seg[1].equals("ratelimit") && m.equals("GET")) {
          return rateLimitInfo();
        }
        break;
      case "languages":
        if (seg.length == 1 && m.equals("GET")) {
          return languagesList();
        }
        break;
      case "products":
      case "variants":
      case "suppliers":
      case "orders":
      case "shipments":
      case "webhooks": {
        if (res.equals("variants") && seg.length >= 2 && seg[1].equals("movements")) {
          return movements(req, lang, seg);
        }
        ETable t = table(res);
        if (seg.length == 1) {
          if (m.equals("GET")) {
            return list(req, lang, res, t, filterFor(req, res, -1));
          }
          if (m.equals("POST") && res.equals("webhooks")) {
            return singleOut("webhook", mutations.createWebhook(body(req, "webhook"), lang), lang, req, res);
          }
          throw new EcomError(405, "Method not allowed");
        }
        if (seg.length == 2 && seg[1].equals("count")) {
          return count(req, t, filterFor(req, res, -1));
        }
        long id = parseId(seg[1]);
        if (seg.length == 2) {
          switch (m) {
            case "GET": {
              ObjectNode n = t.get(id);
              if (n == null) {
                throw new EcomError(404, singular(res) + " " + id + " not found");
              }
              return singleOut(singular(res), n, lang, req, res);
            }
            case "PUT":
              return singleOut(singular(res), put(res, id, body(req, singular(res))), lang, req, res);
            case "DELETE":
              if (res.equals("webhooks") || res.equals("suppliers") || res.equals("products")
                  || res.equals("variants")) {
                if (t.get(id) == null) {
                  throw new EcomError(404, singular(res) + " " + id + " not found");
                }
                if (res.equals("products")) {
                  mutations.deleteProduct(id);
                } else {
                  mutations.delete(t, id);
                }
                return Resp.json(204, "").header("Content-Type", "application/json");
              }
              throw new EcomError(405, "Method not allowed");
            default:
              throw new EcomError(405, "Method not allowed");
          }
        }
        if (res.equals("orders") && seg[2].equals("products") && m.equals("GET")) {
          if (store.order.get(id) == null) {
            throw new EcomError(404, "order " + id + " not found");
          }
          return nested(req, lang, seg, "orderProducts", "orderProduct", store.linesOf(id));
        }
        if (res.equals("shipments") && seg[2].equals("products") && m.equals("GET")) {
          ObjectNode sh = store.shipment.get(id);
          if (sh == null) {
            throw new EcomError(404, "shipment " + id + " not found");
          }
          return nested(req, lang, seg, "shipmentProducts", "shipmentProduct", shipmentProducts(sh));
        }
        if (res.equals("products") && seg[2].equals("images") && m.equals("GET")) {
          ObjectNode p = store.product.get(id);
          if (p == null) {
            throw new EcomError(404, "product " + id + " not found");
          }
          List<ObjectNode> images = new ArrayList<>();
          for (int k = 0; k < p.path("_images").asInt(); k++) {
            images.add(store.image(id, k, true));
          }
          return nested(req, lang, seg, "productImages", "productImage", images);
        }
        break;
      }
      default:
        break;
    }
    throw new EcomError(404, "Not found: " + rest + " (not modelled by the testkit)");
  }

  private Resp movements(Req req, String lang, String[] seg) {
    if (!req.method.equals("GET")) {
      throw new EcomError(405, "Variant movements are read-only");
    }
    Predicate<ObjectNode> f = filterFor(req, "variantsMovements", -1);
    if (seg.length == 2) {
      return list(req, lang, "variantsMovements", store.movement, f);
    }
    if (seg.length == 3 && seg[2].equals("count")) {
      return count(req, store.movement, f);
    }
    if (seg.length == 3) {
      ObjectNode n = store.movement.get(parseId(seg[2]));
      if (n == null) {
        throw new EcomError(404, "variantMovement " + seg[2] + " not found");
      }
      return singleOut("variantMovement", n, lang, req, "variantsMovements");
    }
    throw new EcomError(404, "Not found");
  }

  private ETable table(String res) {
    switch (res) {
      case "products": return store.product;
      case "variants": return store.variant;
      case "suppliers": return store.supplier;
      case "orders": return store.order;
      case "webhooks": return store.webhook;
      case "shipments": return store.shipment;
      default: throw new IllegalArgumentException(res);
    }
  }

  static String singular(String res) {
    return res.equals("orderProducts") ? "orderProduct" : res.substring(0, res.length() - 1);
  }

  private static long parseId(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new EcomError(404, "Not found: " + s);
    }
  }

  private static ObjectNode body(Req req, String envelope) {
    if (req.body.length == 0) {
      throw new EcomError(400, "Request body required: {\"" + envelope + "\":{...}}");
    }
    JsonNode n;
    try {
      n = Json.read(req.bodyString());
    } catch (ApiException e) {
      throw new EcomError(400, "Request body is not valid JSON");
    }
    JsonNode inner = n.get(envelope);
    if (inner == null || !inner.isObject()) {
      throw new EcomError(400, "Request body must be wrapped in {\"" + envelope + "\":{...}}");
    }
    return (ObjectNode) inner;
  }

  private ObjectNode put(String res, long id, ObjectNode body) {
    switch (res) {
      case "variants":
        return mutations.updateVariant(id, body);
      case "products":
        return mutations.updateProduct(id, body);
      case "orders":
        return mutations.updateOrder(id, body);
      case "webhooks":
        return mutations.updateWebhook(id, body);
      case "shipments":
        return mutations.updateShipment(id, body);
      case "suppliers":
        return mutations.updateSupplier(id, body);
      default:
        throw new EcomError(405, "Method not allowed");
    }
  }

  // ---------------------------------------------------------------------- listing

  private Predicate<ObjectNode> filterFor(Req req, String res, long parentId) {
    List<Predicate<ObjectNode>> ps = new ArrayList<>();
    Long createdMin = date(req, "created_at_min");
    Long createdMax = date(req, "created_at_max");
    Long updatedMin = date(req, "updated_at_min");
    Long updatedMax = date(req, "updated_at_max");
    if (createdMin != null) {
      ps.add(n -> epoch(n, "createdAt") >= createdMin);
    }
    if (createdMax != null) {
      ps.add(n -> epoch(n, "createdAt") <= createdMax);
    }
    if (updatedMin != null) {
      ps.add(n -> epoch(n, "updatedAt") >= updatedMin);
    }
    if (updatedMax != null) {
      ps.add(n -> epoch(n, "updatedAt") <= updatedMax);
    }
    Map<String, String> simple = switch (res) {
      case "products" -> Map.of("supplier", "_supplier", "brand", "_brand");
      case "variantsMovements" -> Map.of("variant", "_variant", "product", "_product");
      case "variants" -> Map.of("product", "_product", "sku", "sku", "ean", "ean", "articleCode", "articleCode");
      case "orders" -> Map.of("customer", "_customer", "number", "number", "status", "status", "paymentStatus",
          "paymentStatus", "shipmentStatus", "shipmentStatus");
      case "shipments" -> Map.of("order", "_order", "customer", "_customer", "number", "number", "status", "status");
      default -> Map.of();
    };
    for (Map.Entry<String, String> e : simple.entrySet()) {
      String v = req.param(e.getKey());
      if (v != null) {
        String field = e.getValue();
        ps.add(n -> n.has(field) && n.get(field).asText().equals(v));
      }
    }
    if (parentId >= 0) {
      ps.add(n -> n.path("_order").asLong() == parentId);
    }
    return n -> {
      for (Predicate<ObjectNode> p : ps) {
        if (!p.test(n)) {
          return false;
        }
      }
      return true;
    };
  }

  private static long epoch(ObjectNode n, String field) {
    Long v = Times.parseEpochSecond(n.path(field).asText());
    return v == null ? Long.MIN_VALUE : v;
  }

  private static Long date(Req req, String name) {
    String v = req.param(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    Long t = Times.parseEpochSecond(v);
    if (t == null) {
      throw new EcomError(400, name + " must be formatted as YYYY-MM-DD HH:MM:SS");
    }
    return t;
  }

  private static long longParam(Req req, String name, long dflt) {
    String v = req.param(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new EcomError(400, name + " must be a number");
    }
  }

  private Resp count(Req req, ETable t, Predicate<ObjectNode> filter) {
    long since = longParam(req, "since_id", 0);
    long n = 0;
    for (Iterator<ObjectNode> it = t.iterate(since, filter); it.hasNext(); it.next()) {
      n++;
    }
    ObjectNode out = Json.obj();
    out.put("count", n);
    return Resp.json(200, Json.write(out));
  }

  private Resp list(Req req, String lang, String res, ETable t, Predicate<ObjectNode> filter) {
    long page = longParam(req, "page", 1);
    long limit = longParam(req, "limit", 50);
    if (page < 1) {
      throw new EcomError(400, "page must be 1 or more");
    }
    limit = Math.max(1, Math.min(limit, 250));
    long since = longParam(req, "since_id", 0);
    long skip = (page - 1) * limit;
    boolean unfiltered = req.param("created_at_min") == null && req.param("created_at_max") == null
        && req.param("updated_at_min") == null && req.param("updated_at_max") == null;
    Iterator<ObjectNode> it;
    if (unfiltered && filterIsTrivial(req, res) && t.denseFrom(since)) {
      // no holes, deletions or filters: the n-th record after since_id is id since_id + n
      long generatedLeft = t.generated - since;
      if (skip <= generatedLeft) {
        it = t.iterate(since + skip, filter);
        skip = 0;
      } else {
        it = t.iterate(t.generated, filter);
        skip -= generatedLeft;
      }
    } else {
      it = t.iterate(since, filter);
    }
    while (skip > 0 && it.hasNext()) {
      it.next();
      skip--;
    }
    Set<String> fields = fieldsParam(req);
    ArrayNode arr = Json.arr();
    while (arr.size() < limit && it.hasNext()) {
      arr.add(render(res, it.next(), lang, req.origin, fields));
    }
    ObjectNode out = Json.obj();
    out.set(res, arr);
    return Resp.json(200, Json.write(out));
  }

  private static boolean filterIsTrivial(Req req, String res) {
    for (String p : List.of("supplier", "brand", "product", "sku", "ean", "articleCode", "customer", "number", "status",
        "paymentStatus", "shipmentStatus", "order")) {
      if (req.param(p) != null) {
        return false;
      }
    }
    return !res.equals("orderProducts") && req.param("variant") == null;
  }

  private static Set<String> fieldsParam(Req req) {
    String f = req.param("fields");
    if (f == null || f.isBlank()) {
      return null;
    }
    Set<String> s = new LinkedHashSet<>();
    for (String x : f.split(",")) {
      if (!x.isBlank()) {
        s.add(x.trim());
      }
    }
    return s;
  }

  private Resp singleOut(String envelope, ObjectNode n, String lang, Req req, String res) {
    ObjectNode out = Json.obj();
    out.set(envelope, render(res, n, lang, req.origin, fieldsParam(req)));
    return Resp.json(200, Json.write(out));
  }

  // ---------------------------------------------------------------------- rendering

  private static ObjectNode ref(Object id, String url, String origin, String lang) {
    ObjectNode r = Json.obj();
    ObjectNode resource = Json.obj();
    if (id instanceof Long l) {
      resource.put("id", l);
    } else {
      resource.put("id", false);
    }
    resource.put("url", url);
    int q = url.indexOf('?');
    String link = q < 0 ? url + ".json" : url.substring(0, q) + ".json" + url.substring(q);
    resource.put("link", origin + "/" + lang + "/" + link);
    r.set("resource", resource);
    return r;
  }

  /** The record as a webhook body carries it (all fields, relations as references). */
  public ObjectNode render(String res, ObjectNode core, String lang, String origin) {
    return render(res, core, lang, origin, null);
  }

  /** The lines of a shipment: the lines of its order, with the quantity shipped (or, not shipped yet, to ship). */
  private List<ObjectNode> shipmentProducts(ObjectNode shipment) {
    boolean shipped = shipment.path("status").asText().equals("shipped");
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode line : store.linesOf(shipment.path("_order").asLong())) {
      long qty = shipped ? line.path("quantityShipped").asLong() : line.path("quantityOrdered").asLong();
      if (qty <= 0) {
        continue;
      }
      ObjectNode n = Json.obj();
      n.put("id", line.path("id").asLong());
      n.put("createdAt", shipment.path("createdAt").asText());
      n.put("updatedAt", shipment.path("updatedAt").asText());
      n.put("quantity", qty);
      n.put("title", line.path("productTitle").asText());
      n.put("variant", line.path("variantTitle").asText());
      n.put("articleCode", line.path("articleCode").asText());
      n.put("ean", line.path("ean").asText());
      n.put("sku", line.path("sku").asText());
      n.put("customData", false);
      out.add(n);
    }
    return out;
  }

  /** A nested list (a few records held in memory): {@code .../x.json}, {@code .../x/count.json}, {@code .../x/{id}.json}. */
  private Resp nested(Req req, String lang, String[] seg, String listKey, String recordKey, List<ObjectNode> rows) {
    if (seg.length == 4 && seg[3].equals("count")) {
      ObjectNode out = Json.obj();
      out.put("count", rows.size());
      return Resp.json(200, Json.write(out));
    }
    if (seg.length == 4) {
      long want = parseId(seg[3]);
      for (ObjectNode n : rows) {
        if (n.path("id").asLong() == want) {
          return singleOut(recordKey, n, lang, req, listKey);
        }
      }
      throw new EcomError(404, recordKey + " " + want + " not found");
    }
    if (seg.length != 3) {
      throw new EcomError(404, "Not found");
    }
    long page = longParam(req, "page", 1);
    long limit = Math.max(1, Math.min(longParam(req, "limit", 50), 250));
    long since = longParam(req, "since_id", 0);
    if (page < 1) {
      throw new EcomError(400, "page must be 1 or more");
    }
    Set<String> fields = fieldsParam(req);
    ArrayNode arr = Json.arr();
    long skip = (page - 1) * limit;
    for (ObjectNode n : rows) {
      if (n.path("id").asLong() <= since) {
        continue;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      if (arr.size() >= limit) {
        break;
      }
      arr.add(render(listKey, n, lang, req.origin, fields));
    }
    ObjectNode out = Json.obj();
    out.set(listKey, arr);
    return Resp.json(200, Json.write(out));
  }

  ObjectNode render(String res, ObjectNode core, String lang, String origin, Set<String> fields) {
    ObjectNode n = Json.obj();
    long id = core.path("id").asLong();
    for (Iterator<Map.Entry<String, JsonNode>> it = core.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (k.startsWith("_") || (fields != null && !fields.contains(k))) {
        continue;
      }
      JsonNode v = e.getValue();
      if (v.isNull()) {
        JsonNode rel = relation(res, k, id, core, lang, origin);
        if (rel != null) {
          n.set(k, rel);
          continue;
        }
      }
      n.set(k, v);
    }
    return n;
  }

  private JsonNode relation(String res, String key, long id, ObjectNode core, String lang, String origin) {
    switch (res + "." + key) {
      case "products.brand": {
        long b = core.path("_brand").asLong();
        return b == 0 ? BooleanNode.FALSE : ref(b, "brands/" + b, origin, lang);
      }
      case "products.supplier": {
        long s = core.path("_supplier").asLong();
        return s == 0 ? BooleanNode.FALSE : ref(s, "suppliers/" + s, origin, lang);
      }
      case "products.categories": return ref(null, "categories/products?product=" + id, origin, lang);
      case "products.images": return ref(null, "products/" + id + "/images", origin, lang);
      case "products.relations": return ref(null, "products/" + id + "/relations", origin, lang);
      case "products.metafields": return ref(null, "products/" + id + "/metafields", origin, lang);
      case "products.reviews": return ref(null, "reviews?product=" + id, origin, lang);
      case "products.attributes": return ref(null, "products/" + id + "/attributes", origin, lang);
      case "products.tags": return ref(null, "tags/products?product=" + id, origin, lang);
      case "products.variants": return ref(null, "variants?product=" + id, origin, lang);
      case "products.movements": return ref(null, "variants/movements?product=" + id, origin, lang);
      case "variants.product": {
        long p = core.path("_product").asLong();
        return ref(p, "products/" + p, origin, lang);
      }
      case "variants.movements": return ref(null, "variants/movements?variant=" + id, origin, lang);
      case "variants.metafields": return ref(null, "variants/" + id + "/metafields", origin, lang);
      case "orders.customer": {
        long c = core.path("_customer").asLong();
        return c == 0 ? BooleanNode.FALSE : ref(c, "customers/" + c, origin, lang);
      }
      case "orders.invoices": return ref(null, "invoices?order=" + id, origin, lang);
      case "orders.shipments": return ref(null, "shipments?order=" + id, origin, lang);
      case "orders.products": return ref(null, "orders/" + id + "/products", origin, lang);
      case "orders.metafields": return ref(null, "orders/" + id + "/metafields", origin, lang);
      case "orders.events": return ref(null, "orders/events?order=" + id, origin, lang);
      case "shipments.customer": {
        long c = core.path("_customer").asLong();
        return c == 0 ? BooleanNode.FALSE : ref(c, "customers/" + c, origin, lang);
      }
      case "shipments.order": {
        long o = core.path("_order").asLong();
        return ref(o, "orders/" + o, origin, lang);
      }
      case "shipments.products": return ref(null, "shipments/" + id + "/products", origin, lang);
      case "shipments.metafields": return ref(null, "shipments/" + id + "/metafields", origin, lang);
      case "shipments.events": return ref(null, "orders/events?shipment=" + id, origin, lang);
      case "variantsMovements.product": {
        long p = core.path("_product").asLong();
        return ref(p, "products/" + p, origin, lang);
      }
      case "variantsMovements.variant": {
        long v = core.path("_variant").asLong();
        return ref(v, "variants/" + v, origin, lang);
      }
      case "orderProducts.product": {
        long p = core.path("_product").asLong();
        return p == 0 ? BooleanNode.FALSE : ref(p, "products/" + p, origin, lang);
      }
      case "orderProducts.variant": {
        long v = core.path("_variant").asLong();
        return v == 0 ? BooleanNode.FALSE : ref(v, "variants/" + v, origin, lang);
      }
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------------- account

  private Resp account() {
    ObjectNode a = Json.obj();
    a.put("id", store.shopId);
    a.put("appId", false);
    a.put("apiKey", store.apiKey);
    ObjectNode out = Json.obj();
    out.set("account", a);
    return Resp.json(200, Json.write(out));
  }

  private Resp rateLimitInfo() {
    long[][] s = limiter.state();
    String[] names = {"limit5Min", "limitHour", "limitDay"};
    ObjectNode rl = Json.obj();
    for (int w = 0; w < 3; w++) {
      ObjectNode o = Json.obj();
      o.put("limit", s[w][0]);
      o.put("remaining", s[w][1]);
      o.put("reset", s[w][2]);
      o.put("resetTime", Times.format(s[w][3]));
      rl.set(names[w], o);
    }
    ObjectNode out = Json.obj();
    out.set("accountRatelimit", rl);
    return Resp.json(200, Json.write(out));
  }

  private Resp languagesList() {
    ArrayNode arr = Json.arr();
    int i = 1;
    for (String l : languages) {
      ObjectNode o = Json.obj();
      o.put("id", i++);
      o.put("isActive", true);
      o.put("code", l);
      o.put("locale", l.equals("en") ? "en_GB" : l.equals("us") ? "en_US" : l + "_" + l.toUpperCase(java.util.Locale.ROOT));
      o.put("title", l);
      arr.add(o);
    }
    ObjectNode out = Json.obj();
    out.set("languages", arr);
    return Resp.json(200, Json.write(out));
  }
}
