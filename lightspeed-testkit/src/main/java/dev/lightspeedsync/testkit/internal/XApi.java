package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The X-Series API over an {@link XStore}: {@code /api/2.0} reads and writes, {@code /api/2.1}
 * product writes, {@code /api/register_sales} (0.9), {@code /api/1.0/token} and {@code /connect}.
 */
public final class XApi implements Function<Req, Resp> {
  private static final Pattern UUID_SEGMENT = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}(?=/|$)");
  /** Resources whose list takes {@code deleted=true} in the API 2.0 spec. */
  static final Set<String> DELETED_PARAM = Set.of("outlets", "registers", "products", "customers");

  private final XStore store;
  private final XMutations mutations;
  private final XOAuth oauth;
  private final XLimiter limiter;
  private final int defaultPageSize;
  private final int maxPageSize;
  private final int churn;
  private final double timeScale;
  private final Set<String> churned = ConcurrentHashMap.newKeySet();
  /** Webhooks (API 0.9 {@code /api/webhooks}): id to record, in creation order. None are delivered. */
  private final Map<String, ObjectNode> webhooks = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

  public XApi(XStore store, XMutations mutations, XOAuth oauth, XLimiter limiter, int defaultPageSize, int maxPageSize,
      int churn, double timeScale) {
    this.timeScale = timeScale;
    this.store = store;
    this.mutations = mutations;
    this.oauth = oauth;
    this.limiter = limiter;
    this.defaultPageSize = defaultPageSize;
    this.maxPageSize = maxPageSize;
    this.churn = churn;
  }

  /** True for the token and connect endpoints (no API rate limit, no seeded faults). */
  public static boolean isAuthPath(String path) {
    return path.equals("/api/1.0/token") || path.equals("/connect");
  }

  public static boolean handles(String path) {
    return path.startsWith("/api/") || path.equals("/connect");
  }

  /** The inspection key, e.g. {@code GET /api/2.0/products/{id}}. */
  public static String endpointKey(Req req) {
    return req.method + " " + UUID_SEGMENT.matcher(req.path).replaceAll("/{id}");
  }

  public static Resp error(int status, String error, String message) {
    ObjectNode n = Json.obj();
    n.put("error", error);
    n.put("message", message);
    return Resp.json(status, Json.write(n));
  }

  public static Resp error(int status, String message) {
    return error(status, RetailApi.reason(status), message);
  }

  @Override
  public Resp apply(Req req) {
    Resp r;
    try {
      if (isAuthPath(req.path)) {
        r = req.path.equals("/connect") ? connect(req) : token(req);
      } else {
        r = api(req);
      }
    } catch (ApiException e) {
      r = error(e.status, e.getMessage());
    } catch (NumberFormatException | ArithmeticException e) {
      r = error(400, "Invalid number in the request: " + e.getMessage());
    }
    r.endpoint = endpointKey(req);
    return r;
  }

  private static String bearer(Req req) {
    String h = req.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return h.substring(7).trim();
  }

  private Resp api(Req req) {
    String app = oauth.application(bearer(req));
    if (app == null) {
      return error(401, "Unauthorized", bearer(req) == null ? "Send Authorization: Bearer <token>"
          : "The access token is invalid or has expired");
    }
    XLimiter.Admission a = limiter.admit(app);
    Resp r;
    if (!a.allowed()) {
      r = error(429, "Too Many Requests", "Rate limiting enforced");
      r.header("Retry-After", a.retryAfter());
      r.rateLimited = true;
    } else {
      try {
        r = route(req);
      } catch (ApiException e) {
        r = error(e.status, e.getMessage());
      } catch (NumberFormatException | ArithmeticException e) {
        r = error(400, "Invalid number in the request: " + e.getMessage());
      }
    }
    r.header("X-RateLimit-Limit", Integer.toString(a.limit()));
    r.header("X-RateLimit-Remaining", Integer.toString(a.remaining()));
    if (timeScale != 1.0) {
      r.header("X-Testkit-Time-Scale", LeakyBucket.num(timeScale));
    }
    return r;
  }

  private static JsonNode body(Req req) {
    if (req.body.length == 0) {
      throw new ApiException(400, "The request needs a JSON body");
    }
    return Json.read(req.bodyString());
  }

  private static Resp data(int status, JsonNode n) {
    ObjectNode out = Json.obj();
    out.set("data", render(n));
    return Resp.json(status, Json.write(out));
  }

  /** The record as served: internal fields ({@code _...}) left out. */
  static JsonNode render(JsonNode n) {
    if (n instanceof ObjectNode o && o.has("_o")) {
      ObjectNode c = o.deepCopy();
      c.remove("_o");
      return c;
    }
    return n;
  }

  private Resp route(Req req) {
    String[] seg = req.path.substring(5).split("/", -1); // after "/api/"
    String version = seg[0];
    String m = req.method;
    if (version.equals("register_sales") && seg.length == 1) {
      if (!m.equals("POST")) {
        throw new ApiException(405, "Use POST /api/register_sales to create or update a sale");
      }
      ObjectNode out = Json.obj();
      out.set("register_sale", registerSaleView(mutations.registerSale(body(req))));
      return Resp.json(200, Json.write(out));
    }
    if (version.equals("webhooks")) {
      return webhooks(req, seg);
    }
    if (!version.equals("2.0") && !version.equals("2.1")) {
      throw new ApiException(404, "Not found: " + req.path + " (the testkit serves /api/2.0, /api/2.1 for products,"
          + " /api/1.0/token and /api/register_sales)");
    }
    if (seg.length < 2 || seg[1].isEmpty()) {
      throw new ApiException(404, "Not found: " + req.path);
    }
    String res = seg[1];
    if (version.equals("2.1") && !res.equals("products")) {
      throw new ApiException(404, "Not found: " + req.path + " (API 2.1 is served for products only)");
    }
    switch (res) {
      case "retailer":
        if (seg.length == 2 && m.equals("GET")) {
          return data(200, store.retailer());
        }
        break;
      case "outlets":
      case "registers":
      case "inventory":
      case "sales":
      case "suppliers":
        if (m.equals("GET")) {
          return read(req, res, seg);
        }
        break;
      case "products":
        return products(req, version, seg);
      case "search":
        if (seg.length == 2 && m.equals("GET") && version.equals("2.0")) {
          return search(req);
        }
        break;
      case "customers":
        return customers(req, seg);
      case "consignments":
        return consignments(req, seg);
      default:
        break;
    }
    throw new ApiException(seg.length >= 2 && isKnown(res) ? 405 : 404, "Not found or not allowed: " + m + " "
        + req.path + " (not modelled by the testkit)");
  }

  private static boolean isKnown(String res) {
    return Set.of("retailer", "outlets", "registers", "inventory", "sales", "suppliers", "products", "customers",
        "consignments", "search").contains(res);
  }

  private Resp read(Req req, String res, String[] seg) {
    XTable t = store.table(res);
    if (seg.length == 2) {
      return list(req, t, r -> true);
    }
    if (seg.length == 3) {
      return single(t, seg[2]);
    }
    throw new ApiException(404, "Not found: " + req.path);
  }

  private Resp single(XTable t, String id) {
    long o = store.ids.ordinal(t.index, id);
    ObjectNode n = o < 1 ? null : t.get(o);
    // deleted records stay readable by id, with deleted_at set; inventory of deleted products is gone
    if (n == null || (t == store.inventory && !n.path("deleted_at").isNull())) {
      throw new ApiException(404, "No " + t.name + " with id " + id);
    }
    return data(200, n);
  }

  private long longParam(Req req, String name, long dflt) {
    String v = req.param(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new ApiException(400, name + " must be an integer: '" + v + "'");
    }
  }

  private Resp list(Req req, XTable t, Predicate<ObjectNode> extra) {
    long after = longParam(req, "after", 0);
    long before = longParam(req, "before", Long.MAX_VALUE);
    long size = longParam(req, "page_size", defaultPageSize);
    if (after < 0 || before < 0) {
      throw new ApiException(400, "after and before must not be negative");
    }
    if (size < 1) {
      throw new ApiException(400, "page_size must be at least 1: " + size);
    }
    int pageSize = (int) Math.min(size, maxPageSize);
    String deletedParam = req.param("deleted");
    boolean deleted = "true".equalsIgnoreCase(deletedParam) || "1".equals(deletedParam);
    boolean withDeleted = deleted && DELETED_PARAM.contains(t.name);
    Predicate<ObjectNode> filter = n -> (withDeleted || n.path("deleted_at").isNull()) && extra.test(n);
    List<ObjectNode> page = t.page(after, before, pageSize, filter);
    Resp r = pageResponse(page);
    churn(t, page);
    return r;
  }

  /** {@code GET /consignments/{id}/products}: the consignment's lines on the version cursor (no table scan). */
  private Resp consignmentProducts(Req req, long k) {
    long after = longParam(req, "after", 0);
    long before = longParam(req, "before", Long.MAX_VALUE);
    long size = longParam(req, "page_size", defaultPageSize);
    if (size < 1) {
      throw new ApiException(400, "page_size must be at least 1: " + size);
    }
    List<ObjectNode> lines = new java.util.ArrayList<>();
    for (long q : store.consignmentProductOrdinals(k)) {
      ObjectNode n = store.consignmentProduct.get(q);
      long v = n.path("version").asLong();
      if (v > after && v < before && n.path("deleted_at").isNull()) {
        lines.add(n);
      }
    }
    lines.sort(java.util.Comparator.comparingLong(n -> n.path("version").asLong()));
    List<ObjectNode> page = lines.subList(0, (int) Math.min(lines.size(), Math.min(size, maxPageSize)));
    return pageResponse(page);
  }

  private static Resp pageResponse(List<ObjectNode> page) {
    ObjectNode out = Json.obj();
    ArrayNode arr = out.putArray("data");
    for (ObjectNode n : page) {
      arr.add(render(n));
    }
    ObjectNode v = out.putObject("version");
    if (page.isEmpty()) {
      v.putNull("min");
      v.putNull("max");
    } else {
      v.put("min", page.get(0).path("version").asLong());
      v.put("max", page.get(page.size() - 1).path("version").asLong());
    }
    return Resp.json(200, Json.write(out));
  }

  /** Updates up to {@code churn} records of the page just served (each at most once), so that they reappear later. */
  private void churn(XTable t, List<ObjectNode> page) {
    if (churn <= 0 || page.isEmpty()) {
      return;
    }
    int done = 0;
    for (int i = 0; i < page.size() && done < churn; i += Math.max(1, page.size() / churn)) {
      ObjectNode n = page.get(i);
      long o = n.has("_o") ? n.get("_o").asLong() : store.ids.ordinal(t.index, n.path("id").asText());
      if (o >= 1 && churned.add(t.name + "/" + o)) {
        mutations.touch(t, o);
        done++;
      }
    }
  }

  private Resp products(Req req, String version, String[] seg) {
    String m = req.method;
    XTable t = store.product;
    if (seg.length == 2) {
      if (m.equals("GET") && req.param("sku") != null) {
        return bySku(t, req.param("sku"));
      }
      if (m.equals("GET")) {
        return list(req, t, n -> true);
      }
      if (m.equals("POST")) {
        return data(201, mutations.createProduct(body(req)));
      }
    } else if (seg.length == 3) {
      switch (m) {
        case "GET":
          return single(t, seg[2]);
        case "PUT":
          if (!version.equals("2.1")) {
            throw new ApiException(405, "Products are updated with PUT /api/2.1/products/{id}");
          }
          return data(200, mutations.updateProduct(mutations.resolve(t, seg[2]), body(req)));
        case "DELETE":
          if (!version.equals("2.0")) {
            break;
          }
          mutations.deleteProduct(mutations.resolve(t, seg[2]));
          return Resp.json(204, "");
        default:
          break;
      }
    } else if (seg.length == 4 && seg[3].equals("inventory") && m.equals("GET")) {
      long p = mutations.resolve(t, seg[2]);
      ArrayNode arr = Json.arr();
      for (long o = 1; o <= store.outlets; o++) {
        ObjectNode inv = store.inventory.get(store.inventoryOrdinal(p, o));
        if (inv != null && inv.path("deleted_at").isNull()) {
          arr.add(inv);
        }
      }
      return data(200, arr);
    } else if (seg.length == 4 && seg[3].equals("all") && m.equals("DELETE") && version.equals("2.0")) {
      long p = mutations.resolve(t, seg[2]);
      synchronized (mutations.lock()) {
        for (long f : mutations.family(p)) {
          if (t.get(f).path("deleted_at").isNull()) {
            mutations.deleteProduct(f);
          }
        }
      }
      return Resp.json(204, "");
    }
    throw new ApiException(405, "Not allowed: " + m + " " + req.path + " (not modelled by the testkit)");
  }

  /**
   * {@code GET /products?sku=...}: "allows loading a product by one of its SKUs"; every other parameter
   * is ignored (spec), so the answer is the same whatever {@code after} says. Whether deleted products
   * are included is not documented: the testkit includes them (with {@code deleted_at}), the harder case.
   */
  private Resp bySku(XTable t, String sku) {
    List<ObjectNode> found = new java.util.ArrayList<>();
    for (java.util.Iterator<ObjectNode> it = t.byOrdinal(); it.hasNext();) {
      ObjectNode n = it.next();
      if (n != null && sku.equals(n.path("sku").asText(null))) {
        found.add(n);
      }
    }
    found.sort(java.util.Comparator.comparingLong(n -> n.path("version").asLong()));
    return pageResponse(found);
  }

  /** Customer attributes {@code GET /search?type=customers} matches on (spec), exactly and case-insensitively. */
  static final List<String> CUSTOMER_SEARCH = List.of("customer_code", "first_name", "last_name", "company_name",
      "mobile", "phone", "email");

  /**
   * {@code GET /search} for {@code type=customers} (the attributes of {@link #CUSTOMER_SEARCH}) and
   * {@code type=products} ({@code sku}, which must be lowercased, per the spec): offset pagination with
   * {@code page_size} capped at 1000; deleted records only with {@code deleted=true}. Sales search is not
   * modelled.
   */
  private Resp search(Req req) {
    String type = req.param("type");
    Map<String, String> wanted = new java.util.LinkedHashMap<>();
    XTable t;
    if ("customers".equals(type)) {
      t = store.customer;
      for (String f : CUSTOMER_SEARCH) {
        if (req.param(f) != null) {
          wanted.put(f, req.param(f));
        }
      }
    } else if ("products".equals(type)) {
      t = store.product;
      if (req.param("sku") != null) {
        wanted.put("sku", req.param("sku"));
      }
    } else {
      throw new ApiException(400, "type must be customers or products (sales search is not modelled by the testkit)");
    }
    if (wanted.isEmpty()) {
      throw new ApiException(400, "Give at least one search attribute for type " + type);
    }
    long offset = longParam(req, "offset", 0);
    long size = Math.min(1000, longParam(req, "page_size", 1000));
    boolean deleted = "true".equalsIgnoreCase(req.param("deleted"));
    List<ObjectNode> found = new java.util.ArrayList<>();
    for (java.util.Iterator<ObjectNode> it = t.byOrdinal(); it.hasNext();) {
      ObjectNode n = it.next();
      if (n == null || (!deleted && !n.path("deleted_at").isNull())) {
        continue;
      }
      boolean all = true;
      for (Map.Entry<String, String> w : wanted.entrySet()) {
        String have = n.path(w.getKey()).asText(null);
        all &= have != null && (w.getKey().equals("sku") ? have.toLowerCase(java.util.Locale.ROOT).equals(w.getValue())
            : have.equalsIgnoreCase(w.getValue()));
      }
      if (all) {
        found.add(n);
      }
    }
    ObjectNode out = Json.obj();
    ArrayNode arr = out.putArray("data");
    found.stream().skip(offset).limit(size).forEach(n -> arr.add(render(n)));
    return Resp.json(200, Json.write(out));
  }

  private Resp customers(Req req, String[] seg) {
    String m = req.method;
    XTable t = store.customer;
    if (seg.length == 2) {
      if (m.equals("GET")) {
        return list(req, t, n -> true);
      }
      if (m.equals("POST")) {
        return data(201, mutations.createCustomer(body(req)));
      }
    } else if (seg.length == 3) {
      switch (m) {
        case "GET":
          return single(t, seg[2]);
        case "PUT":
          return data(200, mutations.updateCustomer(mutations.resolve(t, seg[2]), body(req)));
        case "DELETE":
          mutations.deleteCustomer(mutations.resolve(t, seg[2]));
          return Resp.json(204, "");
        default:
          break;
      }
    }
    throw new ApiException(405, "Not allowed: " + m + " " + req.path);
  }

  private Resp consignments(Req req, String[] seg) {
    String m = req.method;
    XTable t = store.consignment;
    if (seg.length == 2) {
      if (m.equals("GET")) {
        String type = req.param("type");
        String status = req.param("status");
        String outlet = req.param("outlet_id");
        return list(req, t, n -> (type == null || type.equals(n.path("type").asText()))
            && (status == null || status.equals(n.path("status").asText()))
            && (outlet == null || outlet.equals(n.path("outlet_id").asText())));
      }
      if (m.equals("POST")) {
        return data(201, mutations.createConsignment(body(req)));
      }
    } else if (seg.length == 3) {
      switch (m) {
        case "GET":
          return single(t, seg[2]);
        case "PUT":
          return data(200, mutations.updateConsignment(mutations.resolve(t, seg[2]), body(req)));
        default:
          break;
      }
    } else if (seg.length >= 4 && seg[3].equals("products")) {
      long k = mutations.resolve(t, seg[2]);
      if (seg.length == 4 && m.equals("GET")) {
        return consignmentProducts(req, k);
      }
      if (seg.length == 4 && m.equals("POST")) {
        return data(201, mutations.addConsignmentProduct(k, body(req)));
      }
      if (seg.length == 5 && m.equals("PUT")) {
        return data(200, mutations.updateConsignmentProduct(k, seg[4], body(req)));
      }
      if (seg.length == 5 && m.equals("GET")) {
        return data(200, store.consignmentProduct.get(mutations.consignmentLine(k, seg[4])));
      }
    }
    throw new ApiException(405, "Not allowed: " + m + " " + req.path + " (not modelled by the testkit)");
  }

  static final List<String> WEBHOOK_TYPES = List.of("sale.update", "product.update", "inventory.update",
      "customer.update", "register_closure.create", "consignment.send", "consignment.receive");

  /**
   * {@code /api/webhooks} (API 0.9): {@code GET} lists, {@code POST} creates from a form field
   * {@code data} holding JSON {@code {url, active, type}} (a JSON body is accepted too), {@code PUT}
   * and {@code DELETE /api/webhooks/{id}}. The testkit never delivers them.
   */
  private Resp webhooks(Req req, String[] seg) {
    String m = req.method;
    if (seg.length == 1 && m.equals("GET")) {
      ArrayNode arr = Json.arr();
      synchronized (webhooks) {
        webhooks.values().forEach(arr::add);
      }
      return Resp.json(200, Json.write(arr));
    }
    if ((seg.length == 1 && m.equals("POST")) || (seg.length == 2 && m.equals("PUT"))) {
      JsonNode data = webhookBody(req);
      ObjectNode w;
      if (seg.length == 1) {
        w = Json.obj();
        w.put("id", java.util.UUID.nameUUIDFromBytes((store.domainPrefix + "/webhook/" + store.nextVersion())
            .getBytes(StandardCharsets.UTF_8)).toString());
        w.put("retailer_id", store.retailer().path("id").asText());
        w.putNull("user_id");
        w.put("active", true);
      } else {
        ObjectNode cur = webhooks.get(seg[1]);
        if (cur == null) {
          throw new ApiException(404, "No webhook with id " + seg[1]);
        }
        w = cur.deepCopy();
      }
      if (data.has("url") || seg.length == 1) {
        String url = data.path("url").asText("");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
          throw new ApiException(400, "url must be an http(s) URL: '" + url + "'");
        }
        w.put("url", url);
      }
      if (data.has("type") || seg.length == 1) {
        String type = data.path("type").asText("");
        if (!WEBHOOK_TYPES.contains(type)) {
          throw new ApiException(400, "type must be one of " + WEBHOOK_TYPES + ": '" + type + "'");
        }
        w.put("type", type);
      }
      if (data.has("active")) {
        w.put("active", data.get("active").asBoolean());
      }
      webhooks.put(w.get("id").asText(), w);
      return Resp.json(200, Json.write(w));
    }
    if (seg.length == 2 && m.equals("DELETE")) {
      if (webhooks.remove(seg[1]) == null) {
        throw new ApiException(404, "No webhook with id " + seg[1]);
      }
      ObjectNode ok = Json.obj();
      ok.put("status", "success");
      return Resp.json(200, Json.write(ok));
    }
    throw new ApiException(405, "Not allowed: " + m + " " + req.path);
  }

  private static JsonNode webhookBody(Req req) {
    String ct = req.header("Content-Type");
    if (ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return body(req);
    }
    for (Map.Entry<String, String> e : Req.parseQuery(req.bodyString())) {
      if (e.getKey().equals("data")) {
        JsonNode n = Json.read(e.getValue());
        if (!n.isObject()) {
          throw new ApiException(400, "data must be a JSON object {url, active, type}");
        }
        return n;
      }
    }
    throw new ApiException(400, "Send the webhook as a form field 'data' holding JSON {url, active, type}");
  }

  private static ObjectNode registerSaleView(ObjectNode sale) {
    ObjectNode n = Json.obj();
    for (String f : List.of("id", "source", "register_id", "outlet_id", "customer_id", "user_id", "sale_date",
        "created_at", "updated_at", "total_price", "total_tax", "note", "status", "short_code", "invoice_number")) {
      n.set(f, sale.get(f));
    }
    ArrayNode lines = n.putArray("register_sale_products");
    for (JsonNode li : sale.path("line_items")) {
      ObjectNode l = lines.addObject();
      l.set("id", li.get("id"));
      l.set("product_id", li.get("product_id"));
      l.set("register_id", sale.get("register_id"));
      l.set("sequence", li.get("sequence"));
      l.set("quantity", li.get("quantity"));
      l.set("price", li.get("price"));
      l.set("tax", li.get("tax"));
      l.set("price_total", li.get("price_total"));
      l.set("status", li.get("status"));
    }
    ArrayNode pays = n.putArray("register_sale_payments");
    for (JsonNode p : sale.path("payments")) {
      ObjectNode o = pays.addObject();
      o.set("id", p.get("id"));
      o.set("register_id", p.get("register_id"));
      o.set("retailer_payment_type_id", p.get("retailer_payment_type_id"));
      o.set("payment_date", p.get("payment_date"));
      o.set("amount", p.get("amount"));
    }
    return n;
  }

  // ------------------------------------------------------------------ authorization

  private Resp connect(Req req) {
    if (!req.method.equals("GET")) {
      return error(405, "Use GET /connect");
    }
    if (!"code".equals(req.param("response_type"))) {
      return error(400, "response_type must be code (only the authorization code grant is supported)");
    }
    if (!oauth.clientId.equals(req.param("client_id"))) {
      return error(400, "Unknown client_id");
    }
    String redirect = req.param("redirect_uri");
    if (!oauth.redirectUri.equals(redirect)) {
      return error(400, "redirect_uri must be exactly the one registered for the application");
    }
    StringBuilder loc = new StringBuilder(redirect).append("?code=").append(enc(oauth.newCode(redirect)))
        .append("&domain_prefix=").append(enc(store.domainPrefix));
    if (req.param("state") != null) {
      loc.append("&state=").append(enc(req.param("state")));
    }
    Resp r = new Resp(302, new byte[0]);
    r.header("Location", loc.toString());
    return r;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Resp tokenError(int status, String error, String description) {
    ObjectNode n = Json.obj();
    n.put("error", error);
    n.put("error_description", description);
    return Resp.json(status, Json.write(n));
  }

  private Resp token(Req req) {
    if (!req.method.equals("POST")) {
      return tokenError(405, "invalid_request", "Use POST");
    }
    String ct = req.header("Content-Type");
    if (ct == null || !ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return tokenError(400, "invalid_request", "The token request must be application/x-www-form-urlencoded");
    }
    Map<String, String> f = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> e : Req.parseQuery(req.bodyString())) {
      f.put(e.getKey(), e.getValue());
    }
    if (!oauth.clientId.equals(f.get("client_id")) || !oauth.clientSecret.equals(f.get("client_secret"))) {
      return tokenError(401, "invalid_client", "Client authentication failed");
    }
    XOAuth.Issued issued;
    String grant = f.getOrDefault("grant_type", "");
    switch (grant) {
      case "authorization_code":
        issued = oauth.exchange(f.get("code"), f.get("redirect_uri"));
        if (issued == null) {
          return tokenError(400, "invalid_grant", "The authorization code is invalid, used, expired, or was issued"
              + " for another redirect_uri");
        }
        break;
      case "refresh_token":
        issued = oauth.refresh(f.get("refresh_token"));
        if (issued == null) {
          return tokenError(400, "invalid_grant", "The refresh token is invalid or was already used (refresh tokens"
              + " rotate: use the one returned by the last refresh)");
        }
        break;
      default:
        return tokenError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
    }
    ObjectNode n = Json.obj();
    n.put("access_token", issued.accessToken());
    n.put("token_type", "Bearer");
    n.put("expires", issued.expiresAt().getEpochSecond());
    n.put("expires_in", issued.expiresIn());
    n.put("refresh_token", issued.refreshToken());
    n.put("domain_prefix", store.domainPrefix);
    n.put("scope", "");
    return Resp.json(200, Json.write(n));
  }
}
