package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.testkit.internal.RetailMutations.NewLine;
import dev.lightspeedsync.testkit.internal.RetailMutations.NewPayment;
import dev.lightspeedsync.testkit.internal.RetailStore.Rel;
import dev.lightspeedsync.testkit.internal.RetailStore.Resource;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The R-Series V3 API over a {@link RetailStore}. */
public final class RetailApi {
  private static final Pattern ACCOUNT_PATH = Pattern.compile("^/API/V3/Account/([^/.]+)(?:/(.*?))?(\\.json)?$");
  private static final Set<String> RESERVED = Set.of("limit", "sort", "after", "before", "count", "load_relations",
      "archived", "or", "offset", "orderby", "orderby_desc");
  private static final String DUP_UPC = "012345678905";
  private static final String DUP_EAN = "4006381333931";

  private final RetailStore store;
  private final RetailMutations mutations;
  private final OAuth oauth;
  private final LeakyBucket bucket;
  private final double timeScale;

  public RetailApi(RetailStore store, RetailMutations mutations, OAuth oauth, LeakyBucket bucket, double timeScale) {
    this.store = store;
    this.mutations = mutations;
    this.oauth = oauth;
    this.bucket = bucket;
    this.timeScale = timeScale;
  }

  /** R-Series error body. */
  public static Resp error(int status, String message) {
    ObjectNode n = Json.obj();
    n.put("httpCode", Integer.toString(status));
    n.put("httpMessage", reason(status));
    n.put("message", message);
    n.put("errorClass", status == 404 ? "NotFoundException" : status == 429 ? "RateLimitException" : "Exception");
    return Resp.json(status, Json.write(n));
  }

  static String reason(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 406: return "Not Acceptable";
      case 422: return "Unprocessable Entity";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      default: return "Error";
    }
  }

  /** A parsed R-Series request target. */
  private static final class Target {
    String resource;
    Long id;
    String sub;
    String endpoint;
  }

  /** The inspection key of a request ("GET Item/{id}.json"), without handling it. */
  public static String endpointKey(Req req) {
    if (req.path.equals("/API/V3/Account.json") || req.path.equals("/API/V3/Account")) {
      return req.method + " Account.json";
    }
    Matcher m = ACCOUNT_PATH.matcher(req.path);
    if (!m.matches()) {
      return req.method + " (unknown)";
    }
    String rest = m.group(2);
    if (rest == null || rest.isEmpty()) {
      return req.method + " Account/{accountID}.json";
    }
    return req.method + " " + rest.replaceAll("/\\d+", "/{id}") + ".json";
  }

  public Resp handle(Req req) {
    Resp r;
    String endpoint = req.method + " " + req.path;
    try {
      Target t = null;
      boolean accountOnly = false;
      if (req.path.equals("/API/V3/Account.json") || req.path.equals("/API/V3/Account")) {
        accountOnly = true;
        endpoint = req.method + " Account.json";
      } else {
        Matcher m = ACCOUNT_PATH.matcher(req.path);
        if (!m.matches()) {
          Resp nf = error(404, "Unknown path " + req.path);
          nf.endpoint = req.method + " (unknown)";
          return withCommon(nf);
        }
        t = parseTarget(m);
        endpoint = t.endpoint = req.method + " " + (t.resource == null ? "Account/{accountID}" : t.resource
            + (t.id != null ? "/{id}" : "") + (t.sub != null ? "/" + t.sub : "")) + ".json";
        boolean json = m.group(3) != null || (req.header("Accept") != null && req.header("Accept").contains("json"));
        if (!json) {
          throw new ApiException(406, "The testkit serves JSON only: add .json to the path or send Accept: application/json");
        }
        if (!m.group(1).equals(Long.toString(store.accountId))) {
          checkAuth(req);
          throw new ApiException(403, "Access to account " + m.group(1) + " is not allowed for this token");
        }
      }
      checkAuth(req);
      JsonNode body = null;
      if (req.isWrite() && req.body.length > 0) {
        body = Json.read(req.bodyString());
        if (!body.isObject()) {
          throw new ApiException(400, "Request body must be a JSON object");
        }
      }
      double cost = cost(req, t, body);
      LeakyBucket.Admission a = bucket.admit(cost);
      if (!a.allowed()) {
        r = error(429, "burst".equals(a.limitType()) || "api-burst-limiter".equals(a.limitType())
            ? "Too Many Requests: burst rate limit exceeded" : "Too Many Requests: rate limit exceeded");
        r.rateLimited = true;
        r.header("Retry-After", Long.toString(a.retryAfterSeconds()));
        r.header("X-LS-API-RateLimit-Type", a.limitType());
      } else {
        try {
          r = accountOnly ? accountList(req) : dispatch(req, t, body);
        } catch (ApiException e) {
          r = error(e.status, e.getMessage());
        } catch (NumberFormatException | ArithmeticException e) {
          r = error(400, "Invalid number in the request: " + e.getMessage());
        }
      }
      rateHeaders(r, a);
    } catch (ApiException e) {
      r = error(e.status, e.getMessage());
      if (e.status == 401) {
        r = unauthorized(e.getMessage());
      }
    }
    r.endpoint = endpoint;
    return withCommon(r);
  }

  private Resp withCommon(Resp r) {
    r.header("X-LS-Acct-Id", Long.toString(store.accountId));
    r.header("X-LS-Oauth-Client-Id", oauth.clientId);
    if (timeScale != 1.0) {
      r.header("X-Testkit-Time-Scale", LeakyBucket.num(timeScale));
    }
    return r;
  }

  private static Resp unauthorized(String hint) {
    ObjectNode n = Json.obj();
    n.put("error", "access_denied");
    n.put("error_description", "The resource owner or authorization server denied the request.");
    n.put("hint", hint);
    return Resp.json(401, Json.write(n));
  }

  private void checkAuth(Req req) {
    String h = req.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(401, "Missing \"Authorization: Bearer\" header");
    }
    OAuth.Check c = oauth.check(h.substring(7).trim());
    if (!c.valid()) {
      throw new ApiException(401, c.hint());
    }
  }

  private void rateHeaders(Resp r, LeakyBucket.Admission a) {
    r.header("X-LS-API-Bucket-Level", LeakyBucket.num(a.level()) + "/" + LeakyBucket.num(bucket.size()));
    r.header("X-LS-API-Drip-Rate", LeakyBucket.num(bucket.dripRate()));
    r.header("X-LS-API-Request-Cost", LeakyBucket.num(a.cost()));
    r.header("X-LS-API-Burst-Level", Math.min(a.burstCount(), bucket.burstLimit()) + "/" + bucket.burstLimit());
  }

  private Target parseTarget(Matcher m) {
    Target t = new Target();
    String rest = m.group(2);
    if (rest == null || rest.isEmpty()) {
      return t;
    }
    String[] seg = rest.split("/");
    t.resource = seg[0];
    if (seg.length > 1) {
      try {
        t.id = Long.parseLong(seg[1]);
      } catch (NumberFormatException e) {
        throw new ApiException(404, "Invalid id " + seg[1]);
      }
    }
    if (seg.length > 2) {
      t.sub = seg[2];
    }
    if (seg.length > 3) {
      throw new ApiException(404, "Unknown path");
    }
    return t;
  }

  // ------------------------------------------------------------------------- cost

  private double cost(Req req, Target t, JsonNode body) {
    if (t == null || t.resource == null) {
      return 1;
    }
    if (req.isWrite()) {
      double c = 1;
      if (t.resource.equals("Sale") || t.resource.equals("SaleLine")) {
        c = 2;
        if (t.resource.equals("Sale") && body != null && body.has("completed")
            && "true".equals(Json.scalar(body.get("completed")))) {
          c += 3;
        }
      }
      if (t.resource.equals("InventoryCountReconcile") || "Reconcile".equalsIgnoreCase(t.sub)
          || "refund".equalsIgnoreCase(t.sub) || t.resource.equals("Category")) {
        c = 10;
      }
      if (body != null) {
        c += 0.5 * nested(body);
      }
      return c;
    }
    if ("1".equals(req.param("count")) || "true".equals(req.param("count"))) {
      return 10;
    }
    double c = 1;
    Resource res = store.resource(t.resource);
    String lr = req.param("load_relations");
    if (res != null && lr != null) {
      try {
        boolean query = t.id == null;
        for (String rel : parseRelations(lr, res)) {
          Boolean toMany = relationToMany(res, rel);
          double base = Boolean.TRUE.equals(toMany) ? 0.2 : 0.1;
          if (query) {
            base *= 2;
          }
          if (rel.contains(".") && Boolean.TRUE.equals(toMany)) {
            base *= 2;
          }
          c += base;
        }
      } catch (ApiException ignored) {
        // invalid load_relations costs the base; the 400 comes later
      }
    }
    String or = req.param("or");
    if (or != null) {
      Set<String> fields = new LinkedHashSet<>();
      String[] ops = or.split("\\|");
      for (String op : ops) {
        int eq = op.indexOf('=');
        fields.add(eq < 0 ? op : op.substring(0, eq));
      }
      if (fields.size() > 1) {
        c += ops.length;
      }
    }
    return Math.round(c * 1000) / 1000.0;
  }

  /** Nested related entities in a write payload (+0.5 drip each). */
  static int nested(JsonNode n) {
    int count = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
      JsonNode v = it.next().getValue();
      count += nestedValue(v);
    }
    return count;
  }

  private static int nestedValue(JsonNode v) {
    if (v.isArray()) {
      int c = 0;
      for (JsonNode e : v) {
        if (e.isObject()) {
          c += 1 + nested(e);
        }
      }
      return c;
    }
    if (v.isObject()) {
      if (v.size() == 1) {
        JsonNode inner = v.elements().next();
        if (inner.isArray() || inner.isObject()) {
          return nestedValue(inner);
        }
      }
      return 1 + nested(v);
    }
    return 0;
  }

  private Boolean relationToMany(Resource res, String rel) {
    String[] parts = rel.split("\\.");
    Resource cur = res;
    Boolean toMany = null;
    for (int i = 0; i < parts.length; i++) {
      String name = i == 0 ? parts[0] : parts[i];
      if (cur == null) {
        return toMany;
      }
      Boolean tm = cur.documentedRels.get(name);
      if (tm == null && i == 0) {
        tm = cur.documentedRels.get(rel);
        if (tm != null) {
          return tm;
        }
      }
      toMany = tm;
      Rel r = cur.rels.get(name);
      cur = r == null ? null : store.resource(r.target());
    }
    return toMany;
  }

  // ------------------------------------------------------------------------- relations

  /** Validates and expands load_relations: a JSON array of names, or {@code all}. */
  List<String> parseRelations(String raw, Resource res) {
    if (raw == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    if (raw.equals("all")) {
      for (String n : res.documentedRels.keySet()) {
        if (!n.startsWith("CustomFieldValues") && !n.contains(".")) {
          names.add(n);
        }
      }
      return names;
    }
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(raw);
    } catch (Exception e) {
      n = null;
    }
    if (n == null || !n.isArray()) {
      throw new ApiException(400, "load_relations must be passed as a JSON encoded array");
    }
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw new ApiException(400, "load_relations must be passed as a JSON encoded array of strings");
      }
      String name = e.textValue();
      if (!validRelation(res, name)) {
        throw new ApiException(400, "Invalid relation \"" + name + "\" for " + res.name + ". Valid relations: "
            + String.join(", ", res.documentedRels.keySet()));
      }
      names.add(name);
    }
    return names;
  }

  private boolean validRelation(Resource res, String name) {
    if (res.documentedRels.containsKey(name)) {
      return true;
    }
    int dot = name.indexOf('.');
    if (dot < 0) {
      return false;
    }
    Rel first = res.rels.get(name.substring(0, dot));
    if (first == null) {
      return res.documentedRels.containsKey(name.substring(0, dot));
    }
    Resource target = store.resource(first.target());
    if (target == null) {
      return first.target().equals("Contact");
    }
    return validRelation(target, name.substring(dot + 1));
  }

  /** A tree of relation names to render. */
  static final class RelTree {
    final Map<String, RelTree> children = new LinkedHashMap<>();

    static RelTree of(List<String> names) {
      RelTree root = new RelTree();
      for (String n : names) {
        RelTree cur = root;
        for (String part : n.split("\\.")) {
          cur = cur.children.computeIfAbsent(part, k -> new RelTree());
        }
      }
      return root;
    }
  }

  public ObjectNode render(String resource, Rec r, RelTree rels) {
    if (resource.equals("Contact")) {
      return renderContact(r);
    }
    ObjectNode n = Json.obj();
    for (Map.Entry<String, String> e : r.fields.entrySet()) {
      if (!e.getKey().startsWith("_")) {
        n.put(e.getKey(), e.getValue());
      }
    }
    if (resource.equals("Item")) {
      List<ObjectNode> prices = new ArrayList<>();
      List<String[]> ps = RetailStore.pricesOf(r);
      for (String[] p : ps) {
        ObjectNode pn = Json.obj();
        pn.put("amount", p[1]);
        int idx = List.of(RetailStore.PRICE_TYPES).indexOf(p[0]);
        pn.put("useTypeID", Integer.toString(idx + 1));
        pn.put("useType", p[0]);
        prices.add(pn);
      }
      n.set("Prices", wrap("ItemPrice", prices));
    }
    Resource res = store.resource(resource);
    if (res == null || rels == null) {
      return n;
    }
    for (Map.Entry<String, RelTree> e : rels.children.entrySet()) {
      Rel rel = res.rels.get(e.getKey());
      if (rel == null) {
        continue; // documented but not modelled by the testkit: omitted, as unloaded relations are
      }
      List<Rec> kids = rel.loader().apply(r);
      if (rel.toMany()) {
        List<ObjectNode> rendered = new ArrayList<>();
        for (Rec k : kids) {
          rendered.add(render(rel.target(), k, e.getValue()));
        }
        n.set(rel.name(), wrap(rel.elementKey(), rendered));
      } else if (!kids.isEmpty()) {
        n.set(rel.name(), render(rel.target(), kids.get(0), e.getValue()));
      }
    }
    return n;
  }

  /** {@code {"Singular": X}}: X an array for 2+, an object for 1, and {@code ""} when empty. */
  static JsonNode wrap(String elementKey, List<ObjectNode> items) {
    if (items.isEmpty()) {
      return Json.F.textNode("");
    }
    ObjectNode w = Json.obj();
    if (items.size() == 1) {
      w.set(elementKey, items.get(0));
    } else {
      ArrayNode a = Json.arr();
      items.forEach(a::add);
      w.set(elementKey, a);
    }
    return w;
  }

  private ObjectNode renderContact(Rec c) {
    String stored = c.fields.getOrDefault("_contact", "");
    if (!stored.isEmpty()) {
      return renderStoredContact(c, Json.read(stored));
    }
    ObjectNode n = Json.obj();
    for (Map.Entry<String, String> e : c.fields.entrySet()) {
      if (!e.getKey().startsWith("_")) {
        n.put(e.getKey(), e.getValue());
      }
    }
    String addr = c.fields.getOrDefault("_address", "");
    if (addr.isEmpty()) {
      n.put("Addresses", "");
    } else {
      ObjectNode a = Json.obj();
      a.put("address1", addr);
      a.put("address2", "");
      a.put("city", "Springfield");
      a.put("state", "");
      a.put("zip", "12345");
      a.put("country", "United States");
      a.put("countryCode", "US");
      a.put("stateCode", "");
      n.set("Addresses", wrap("ContactAddress", List.of(a)));
    }
    String phone = c.fields.getOrDefault("_phone", "");
    if (phone.isEmpty()) {
      n.put("Phones", "");
    } else {
      ObjectNode p = Json.obj();
      p.put("number", phone);
      p.put("useType", "Mobile");
      n.set("Phones", wrap("ContactPhone", List.of(p)));
    }
    String email = c.fields.getOrDefault("_email", "");
    if (email.isEmpty()) {
      n.put("Emails", "");
    } else {
      ObjectNode em = Json.obj();
      em.put("address", email);
      em.put("useType", "Primary");
      n.set("Emails", wrap("ContactEmail", List.of(em)));
    }
    n.put("Websites", "");
    return n;
  }

  /** A contact written through the API: {@code {noEmail, noPhone, noMail, custom, emails[], phones[], addresses[], websites[]}}. */
  private ObjectNode renderStoredContact(Rec c, JsonNode stored) {
    ObjectNode n = Json.obj();
    n.put("contactID", c.fields.getOrDefault("contactID", Long.toString(c.id)));
    n.put("custom", stored.path("custom").asText(""));
    for (String flag : List.of("noEmail", "noPhone", "noMail")) {
      n.put(flag, stored.path(flag).asText("false"));
    }
    n.set("Addresses", wrap("ContactAddress", rows(stored.path("addresses"))));
    n.set("Phones", wrap("ContactPhone", rows(stored.path("phones"))));
    n.set("Emails", wrap("ContactEmail", rows(stored.path("emails"))));
    n.set("Websites", wrap("ContactWebsite", rows(stored.path("websites"))));
    n.put("timeStamp", c.fields.getOrDefault("_ts", ""));
    return n;
  }

  private static List<ObjectNode> rows(JsonNode array) {
    List<ObjectNode> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(e -> out.add(((ObjectNode) e).deepCopy()));
    }
    return out;
  }

  private static final List<String> ADDRESS_FIELDS = List.of("address1", "address2", "city", "state", "stateCode", "zip",
      "country", "countryCode");
  private static final Set<String> PHONE_TYPES = Set.of("Home", "Work", "Mobile", "Pager", "Fax");
  private static final Set<String> EMAIL_TYPES = Set.of("Primary", "Secondary");

  /**
   * The stored contact of a customer after a write: sub-collections present in the payload replace
   * the stored ones (the docs do not say whether the API merges them), flags given are set, the rest
   * stays. A new customer is opted out of email, mail and phone unless the payload says false
   * (changelog 2018.12).
   */
  private static ObjectNode mergedContact(Rec current, JsonNode payload, boolean created) {
    ObjectNode c;
    String stored = current == null ? "" : current.fields.getOrDefault("_contact", "");
    if (!stored.isEmpty()) {
      c = (ObjectNode) Json.read(stored);
    } else {
      c = Json.obj();
      c.put("custom", "");
      for (String flag : List.of("noEmail", "noPhone", "noMail")) {
        c.put(flag, created ? "true" : "false");
      }
      ArrayNode emails = c.putArray("emails");
      ArrayNode phones = c.putArray("phones");
      c.putArray("addresses");
      c.putArray("websites");
      if (current != null && !current.fields.getOrDefault("_email", "").isEmpty()) {
        emails.addObject().put("address", current.get("_email")).put("useType", "Primary");
      }
      if (current != null && !current.fields.getOrDefault("_phone", "").isEmpty()) {
        phones.addObject().put("number", current.get("_phone")).put("useType", "Mobile");
      }
    }
    if (payload == null || !payload.isObject()) {
      return c;
    }
    for (String flag : List.of("noEmail", "noPhone", "noMail", "custom")) {
      if (payload.has(flag)) {
        String v = Json.scalar(payload.get(flag));
        c.put(flag, flag.equals("custom") ? v : Boolean.toString("true".equals(v) || "1".equals(v)));
      }
    }
    if (payload.has("Emails")) {
      ArrayNode out = Json.arr();
      Set<String> seen = new java.util.HashSet<>();
      for (JsonNode e : elements(payload.get("Emails"), "ContactEmail")) {
        String address = Json.scalar(e.get("address"));
        String type = e.has("useType") ? Json.scalar(e.get("useType")) : "Primary";
        if (address == null || address.isBlank()) {
          throw new ApiException(400, "ContactEmail needs an address");
        }
        if (!EMAIL_TYPES.contains(type) || !seen.add(type)) {
          throw new ApiException(400, "ContactEmail useType must be Primary or Secondary, one of each (got " + type + ")");
        }
        out.addObject().put("address", address).put("useType", type);
      }
      c.set("emails", out);
    }
    if (payload.has("Phones")) {
      ArrayNode out = Json.arr();
      Set<String> seen = new java.util.HashSet<>();
      for (JsonNode p : elements(payload.get("Phones"), "ContactPhone")) {
        String number = Json.scalar(p.get("number"));
        String type = p.has("useType") ? Json.scalar(p.get("useType")) : "Home";
        if (number == null || number.isBlank()) {
          throw new ApiException(400, "ContactPhone needs a number");
        }
        if (!PHONE_TYPES.contains(type) || !seen.add(type)) {
          throw new ApiException(400, "ContactPhone useType must be one of " + PHONE_TYPES + ", one of each (got " + type
              + ")");
        }
        out.addObject().put("number", number).put("useType", type);
      }
      c.set("phones", out);
    }
    if (payload.has("Addresses")) {
      ArrayNode out = Json.arr();
      for (JsonNode a : elements(payload.get("Addresses"), "ContactAddress")) {
        ObjectNode row = out.addObject();
        for (String f : ADDRESS_FIELDS) {
          row.put(f, a.has(f) ? Json.scalar(a.get(f)) : "");
        }
      }
      c.set("addresses", out);
    }
    if (payload.has("Websites")) {
      ArrayNode out = Json.arr();
      for (JsonNode w : elements(payload.get("Websites"), "ContactWebsite")) {
        out.addObject().put("url", Json.scalar(w.get("url")));
      }
      c.set("websites", out);
    }
    return c;
  }

  /** Hidden fields that keep a written contact: the JSON, plus the primary email and first phone for filters. */
  private static Map<String, String> contactFields(ObjectNode contact) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_contact", Json.write(contact));
    String email = "";
    for (JsonNode e : contact.path("emails")) {
      if (email.isEmpty() || "Primary".equals(e.path("useType").asText())) {
        email = e.path("address").asText();
      }
    }
    f.put("_email", email);
    JsonNode phones = contact.path("phones");
    f.put("_phone", phones.size() > 0 ? phones.get(0).path("number").asText() : "");
    return f;
  }

  // ------------------------------------------------------------------------- dispatch

  private Resp accountList(Req req) {
    if (!req.method.equals("GET")) {
      throw new ApiException(405, "Method not allowed");
    }
    ObjectNode n = Json.obj();
    ObjectNode attrs = Json.obj();
    attrs.put("count", "1");
    n.set("@attributes", attrs);
    ObjectNode acct = Json.obj();
    acct.put("accountID", Long.toString(store.accountId));
    acct.put("name", "Testkit Retail");
    ObjectNode link = Json.obj();
    ObjectNode la = Json.obj();
    la.put("href", "/API/V3/Account/" + store.accountId);
    link.set("@attributes", la);
    acct.set("link", link);
    n.set("Account", acct);
    return Resp.json(200, Json.write(n));
  }

  private Resp accountDetail() {
    ObjectNode n = Json.obj();
    ObjectNode attrs = Json.obj();
    attrs.put("count", "1");
    n.set("@attributes", attrs);
    ObjectNode acct = Json.obj();
    acct.put("accountID", Long.toString(store.accountId));
    acct.put("name", "Testkit Retail");
    acct.put("status", "active");
    acct.put("employeeCount", Long.toString(store.employee.generated));
    acct.put("employeeLimit", "0");
    acct.put("uniqueSubscriptionIdentifier", "testkit-" + store.accountId);
    ObjectNode cur = Json.obj();
    cur.put("code", "USD");
    cur.put("symbol", "$");
    acct.set("defaultCurrency", cur);
    ObjectNode pa = Json.obj();
    pa.put("systemCustomerID", "1");
    acct.set("@attributes", pa);
    n.set("Account", acct);
    return Resp.json(200, Json.write(n));
  }

  private Resp dispatch(Req req, Target t, JsonNode body) {
    if (t.resource == null) {
      if (!req.method.equals("GET")) {
        throw new ApiException(405, "Method not allowed");
      }
      return accountDetail();
    }
    if (t.resource.equals("InventoryCountReconcile") && req.method.equals("POST") && t.id == null) {
      long countId = requiredLong(body, "inventoryCountID", "InventoryCountReconcile");
      long itemId = body != null && body.has("itemID") ? Long.parseLong(Json.scalar(body.get("itemID"))) : 0;
      return single("InventoryCount", mutations.reconcile(countId, itemId), RelTree.of(List.of()));
    }
    Resource res = store.resource(t.resource);
    if (res == null || !res.endpoint) {
      throw new ApiException(404, "Unknown resource " + t.resource);
    }
    if (t.sub != null) {
      if (t.resource.equals("InventoryCount") && t.sub.equalsIgnoreCase("Reconcile") && req.method.equals("POST")) {
        long itemId = body != null && body.has("itemID") ? Long.parseLong(Json.scalar(body.get("itemID"))) : 0;
        return single("InventoryCount", mutations.reconcile(t.id, itemId), RelTree.of(List.of()));
      }
      throw new ApiException(404, "Unknown path " + t.resource + "/" + t.id + "/" + t.sub + " (not modelled by the testkit)");
    }
    switch (req.method) {
      case "GET":
        return t.id == null ? query(req, res) : getOne(req, res, t.id);
      case "PUT":
        if (t.id == null) {
          throw new ApiException(405, "PUT needs an id");
        }
        return put(res, t.id, body == null ? Json.obj() : body);
      case "POST":
        if (t.id != null) {
          throw new ApiException(405, "POST to an id is not allowed");
        }
        return post(res, body == null ? Json.obj() : body);
      case "DELETE":
        if (t.id == null) {
          throw new ApiException(405, "DELETE needs an id");
        }
        return delete(res, t.id);
      default:
        throw new ApiException(405, "Method not allowed");
    }
  }

  private Resp single(String resource, Rec r, RelTree rels) {
    ObjectNode n = Json.obj();
    ObjectNode attrs = Json.obj();
    attrs.put("count", "1");
    n.set("@attributes", attrs);
    n.set(resource, render(resource, r, rels));
    return Resp.json(200, Json.write(n));
  }

  private Resp getOne(Req req, Resource res, long id) {
    List<String> rels = parseRelations(req.param("load_relations"), res);
    Rec r = res.table.get(id);
    if (r == null) {
      throw new ApiException(404, res.name + " " + id + " not found");
    }
    return single(res.name, r, RelTree.of(rels));
  }

  // ------------------------------------------------------------------------- query

  private Resp query(Req req, Resource res) {
    List<String> rels = parseRelations(req.param("load_relations"), res);
    for (String legacy : List.of("offset", "orderby", "orderby_desc")) {
      if (req.param(legacy) != null) {
        throw new ApiException(400, "The '" + legacy + "' parameter was removed in V3; follow @attributes.next instead");
      }
    }
    boolean count = req.param("count") != null && !"0".equals(req.param("count")) && !"false".equals(req.param("count"));
    if (count && (req.param("limit") != null || req.param("sort") != null || req.param("after") != null
        || req.param("before") != null)) {
      throw new ApiException(400, "count cannot be combined with limit, sort, after or before");
    }
    if (req.param("after") != null && req.param("before") != null) {
      throw new ApiException(400, "after and before cannot be combined");
    }
    // sort
    String sortParam = req.param("sort");
    String sortField = res.table.idField;
    boolean asc = true;
    if (sortParam != null && !sortParam.isEmpty()) {
      asc = !sortParam.startsWith("-");
      sortField = asc ? sortParam : sortParam.substring(1);
      if (!res.sortable.contains(sortField)) {
        throw new ApiException(400, "Sorting on " + sortField + " is not allowed. Sortable fields: "
            + String.join(", ", res.sortable));
      }
    }
    boolean fieldSort = !sortField.equals(res.table.idField) && !sortField.equals(res.table.tsField);
    boolean byTs = !fieldSort && !sortField.equals(res.table.idField);
    int limit = 100;
    if (req.param("limit") != null) {
      try {
        limit = Integer.parseInt(req.param("limit").trim());
      } catch (NumberFormatException e) {
        throw new ApiException(400, "limit must be a number between 0 and 100");
      }
      limit = Math.max(0, Math.min(limit, 100));
    }
    // filters
    List<Filter> fieldFilters = new ArrayList<>();
    List<Filter> relFilters = new ArrayList<>();
    List<List<Filter>> orGroups = new ArrayList<>();
    Set<String> known = knownFields(res);
    for (Map.Entry<String, String> p : req.params) {
      String k = p.getKey();
      if (RESERVED.contains(k)) {
        continue;
      }
      if (k.equals("itemCode") && res.name.equals("Item")) {
        Filter f = Filter.parse(k, p.getValue());
        if (!f.op.equals("=") && !f.op.equals("IN")) {
          throw new ApiException(400, "itemCode only supports =, IN and or");
        }
        fieldFilters.add(f);
        continue;
      }
      Filter f = Filter.parse(k, p.getValue());
      if (k.contains(".")) {
        checkRelationFilter(res, k);
        relFilters.add(f);
      } else {
        if (known != null && !known.contains(k)) {
          throw new ApiException(400, "Unknown field '" + k + "' for " + res.name);
        }
        fieldFilters.add(f);
      }
    }
    if (req.param("or") != null) {
      List<Filter> group = new ArrayList<>();
      for (String operand : req.param("or").split("\\|")) {
        int eq = operand.indexOf('=');
        if (eq <= 0) {
          throw new ApiException(400, "Invalid or= operand '" + operand + "'");
        }
        String k = operand.substring(0, eq);
        if (k.contains(".")) {
          checkRelationFilter(res, k);
        } else if (known != null && !known.contains(k)) {
          throw new ApiException(400, "Unknown field '" + k + "' for " + res.name);
        }
        group.add(Filter.parse(k, operand.substring(eq + 1)));
      }
      orGroups.add(group);
    }
    String archived = req.param("archived");
    if (archived == null || archived.isEmpty()) {
      archived = "false";
    }
    archived = archived.toLowerCase(java.util.Locale.ROOT);
    if (!Set.of("false", "true", "only", "0", "1").contains(archived)) {
      throw new ApiException(400, "archived must be false, true or only");
    }
    final String archivedMode = archived.equals("1") ? "true" : archived.equals("0") ? "false" : archived;
    boolean archivable = res.archivable && known != null && known.contains("archived");
    // bounds on the sort field and key-level filters
    RTable.Bounds bounds = RTable.Bounds.ALL;
    RTable.Bounds tsBounds = RTable.Bounds.ALL;
    List<Filter> keyFilters = new ArrayList<>();
    List<Filter> recFilters = new ArrayList<>();
    for (Filter f : fieldFilters) {
      boolean isId = f.field.equals(res.table.idField);
      boolean isTs = f.field.equals(res.table.tsField);
      if ((isId && !byTs) || (isTs && byTs)) {
        RTable.Bounds b = f.bounds(isTs);
        if (b != null) {
          bounds = new RTable.Bounds(Math.max(bounds.lo(), b.lo()), Math.min(bounds.hi(), b.hi()));
        }
      }
      if (isTs && !byTs) {
        RTable.Bounds b = f.bounds(true);
        if (b != null) {
          tsBounds = new RTable.Bounds(Math.max(tsBounds.lo(), b.lo()), Math.min(tsBounds.hi(), b.hi()));
        }
      }
      if (isId || (isTs && byTs)) {
        keyFilters.add(f);
      } else {
        recFilters.add(f);
      }
    }
    final boolean byTsF = byTs;
    Predicate<RTable.Key> keyPred = k -> {
      for (Filter f : keyFilters) {
        String v = f.field.equals(res.table.idField) ? Long.toString(k.id()) : RetailStore.ts(k.ts());
        if (!byTsF && !f.field.equals(res.table.idField)) {
          continue;
        }
        if (!f.matches(v)) {
          return false;
        }
      }
      return true;
    };
    Predicate<Rec> recPred = r -> {
      if (archivable) {
        boolean a = r.getBool("archived");
        if (archivedMode.equals("false") && a) {
          return false;
        }
        if (archivedMode.equals("only") && !a) {
          return false;
        }
      }
      for (Filter f : recFilters) {
        if (f.field.equals("itemCode")) {
          boolean any = f.matches(r.get("itemID")) || (!r.get("upc").isEmpty() && f.matches(r.get("upc")))
              || (!r.get("ean").isEmpty() && f.matches(r.get("ean")));
          if (!any) {
            return false;
          }
        } else if (!f.matches(r.get(f.field))) {
          return false;
        }
      }
      for (Filter f : relFilters) {
        if (!relationMatches(res, r, f)) {
          return false;
        }
      }
      for (List<Filter> group : orGroups) {
        boolean any = false;
        for (Filter f : group) {
          if (f.field.contains(".") ? relationMatches(res, r, f) : f.matches(r.get(f.field))) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      return true;
    };
    RTable table = res.table;
    if (count) {
      long n = 0;
      Iterator<Rec> it = table.iterate(byTs, true, null, bounds, tsBounds, keyPred, recPred);
      while (it.hasNext()) {
        it.next();
        n++;
      }
      ObjectNode out = Json.obj();
      ObjectNode attrs = Json.obj();
      attrs.put("count", Long.toString(n));
      out.set("@attributes", attrs);
      return Resp.json(200, Json.write(out));
    }
    if (fieldSort) {
      return fieldSortedPage(req, res, rels, sortField, sortParam, asc, limit, bounds, tsBounds, keyPred, recPred);
    }
    RTable.Key after = decodeCursor(req.param("after"), byTs);
    RTable.Key before = decodeCursor(req.param("before"), byTs);
    List<Rec> page = new ArrayList<>();
    boolean forward = before == null;
    boolean iterAsc = forward == asc;
    Iterator<Rec> it = table.iterate(byTs, iterAsc, forward ? after : before, bounds, tsBounds, keyPred, recPred);
    while (page.size() < limit && it.hasNext()) {
      page.add(it.next());
    }
    boolean moreInDirection = it.hasNext();
    if (!forward) {
      Collections.reverse(page);
    }
    boolean hasNext;
    boolean hasPrev;
    if (page.isEmpty()) {
      hasNext = false;
      hasPrev = false;
    } else if (forward) {
      hasNext = moreInDirection;
      hasPrev = (after != null) && table.iterate(byTs, !asc, key(page.get(0), byTs), bounds, tsBounds, keyPred, recPred).hasNext();
    } else {
      hasPrev = moreInDirection;
      hasNext = table.iterate(byTs, asc, key(page.get(page.size() - 1), byTs), bounds, tsBounds, keyPred, recPred).hasNext();
    }
    ObjectNode out = Json.obj();
    ObjectNode attrs = Json.obj();
    String defaultsSort = sortParam == null || sortParam.isEmpty() ? res.table.idField : sortParam;
    attrs.put("next", hasNext ? pageUrl(req, limit, defaultsSort, "after", encodeCursor(page.get(page.size() - 1), byTs)) : "");
    attrs.put("previous", hasPrev ? pageUrl(req, limit, defaultsSort, "before", encodeCursor(page.get(0), byTs)) : "");
    out.set("@attributes", attrs);
    RelTree tree = RelTree.of(rels);
    if (page.size() == 1) {
      out.set(res.name, render(res.name, page.get(0), tree));
    } else if (!page.isEmpty()) {
      ArrayNode arr = Json.arr();
      for (Rec r : page) {
        arr.add(render(res.name, r, tree));
      }
      out.set(res.name, arr);
    }
    return Resp.json(200, Json.write(out));
  }

  /** Sort key of a record under a non-key sort field. */
  private record FieldKey(String value, long id) {}

  /** Most records the testkit sorts by a non-key field (it has to hold their sort keys in memory). */
  static final int FIELD_SORT_LIMIT = 500_000;

  private volatile Object[] fieldSortCache;

  private static int compareKeys(FieldKey a, FieldKey b, boolean asc) {
    int c = Filter.compare(a.value(), b.value());
    if (c == 0) {
      c = Long.compare(a.id(), b.id());
    }
    return asc ? c : -c;
  }

  private long storeVersion() {
    long v = 0;
    for (Resource r : store.resources.values()) {
      v += r.table.modCount();
    }
    return v;
  }

  /**
   * A page sorted by a documented sortable field other than the key and timeStamp (Item
   * description, Sale completeTime/updatetime, Customer names...). The sort keys of all matching
   * records are computed once per query and store version, then paged with a [value, id] cursor.
   */
  private Resp fieldSortedPage(Req req, Resource res, List<String> rels, String sortField, String sortParam, boolean asc,
      int limit, RTable.Bounds bounds, RTable.Bounds tsBounds, Predicate<RTable.Key> keyPred, Predicate<Rec> recPred) {
    StringBuilder q = new StringBuilder(res.name).append('|');
    for (Map.Entry<String, String> p : req.params) {
      if (!Set.of("after", "before", "limit", "load_relations").contains(p.getKey())) {
        q.append(p.getKey()).append('=').append(p.getValue()).append('&');
      }
    }
    String cacheKey = q.toString();
    long version = storeVersion();
    Object[] cached = fieldSortCache;
    List<FieldKey> keys;
    if (cached != null && cached[0].equals(cacheKey) && (Long) cached[1] == version) {
      @SuppressWarnings("unchecked")
      List<FieldKey> k = (List<FieldKey>) cached[2];
      keys = k;
    } else {
      keys = new ArrayList<>();
      Iterator<Rec> it = res.table.iterate(false, true, null, bounds, tsBounds, keyPred, recPred);
      while (it.hasNext()) {
        Rec r = it.next();
        keys.add(new FieldKey(r.fields.getOrDefault(sortField, ""), r.id));
        if (keys.size() > FIELD_SORT_LIMIT) {
          throw new ApiException(400, "Sorting on " + sortField + " over more than " + FIELD_SORT_LIMIT
              + " records is not modelled by the testkit; sort on " + res.table.idField
              + (res.table.tsField != null ? " or " + res.table.tsField : "") + " or filter first");
        }
      }
      keys.sort((a, b) -> compareKeys(a, b, asc));
      fieldSortCache = new Object[] {cacheKey, version, keys};
    }
    FieldKey after = decodeFieldCursor(req.param("after"));
    FieldKey before = decodeFieldCursor(req.param("before"));
    int start;
    int end;
    if (before != null) {
      end = firstIndex(keys, before, asc, false);
      start = Math.max(0, end - limit);
    } else {
      start = after == null ? 0 : firstIndex(keys, after, asc, true);
      end = Math.min(keys.size(), start + limit);
    }
    List<Rec> page = new ArrayList<>();
    for (int i = start; i < end; i++) {
      Rec r = res.table.get(keys.get(i).id());
      if (r != null) {
        page.add(r);
      }
    }
    ObjectNode out = Json.obj();
    ObjectNode attrs = Json.obj();
    boolean hasNext = !page.isEmpty() && end < keys.size();
    boolean hasPrev = !page.isEmpty() && start > 0;
    attrs.put("next", hasNext ? pageUrl(req, limit, sortParam, "after", fieldCursor(keys.get(end - 1))) : "");
    attrs.put("previous", hasPrev ? pageUrl(req, limit, sortParam, "before", fieldCursor(keys.get(start))) : "");
    out.set("@attributes", attrs);
    RelTree tree = RelTree.of(rels);
    if (page.size() == 1) {
      out.set(res.name, render(res.name, page.get(0), tree));
    } else if (!page.isEmpty()) {
      ArrayNode arr = Json.arr();
      page.forEach(r -> arr.add(render(res.name, r, tree)));
      out.set(res.name, arr);
    }
    return Resp.json(200, Json.write(out));
  }

  /** First index whose key is after (strict) or at-or-after (!strict) {@code k} in sort order. */
  private static int firstIndex(List<FieldKey> keys, FieldKey k, boolean asc, boolean strict) {
    int lo = 0;
    int hi = keys.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int c = compareKeys(keys.get(mid), k, asc);
      if (strict ? c > 0 : c >= 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static String fieldCursor(FieldKey k) {
    com.fasterxml.jackson.databind.node.ArrayNode a = Json.arr();
    a.add(k.value());
    a.add(k.id());
    return Base64.getEncoder().encodeToString(Json.write(a).getBytes(StandardCharsets.UTF_8));
  }

  private static FieldKey decodeFieldCursor(String c) {
    if (c == null) {
      return null;
    }
    try {
      JsonNode n = Json.MAPPER.readTree(new String(Base64.getDecoder().decode(c.trim()), StandardCharsets.UTF_8));
      if (n.size() != 2 || !n.get(0).isTextual() || !n.get(1).canConvertToLong()) {
        throw new IllegalArgumentException();
      }
      return new FieldKey(n.get(0).asText(), n.get(1).asLong());
    } catch (Exception e) {
      throw new ApiException(400, "Invalid pagination cursor; use the next/previous URLs exactly as given");
    }
  }

  private Set<String> knownFields(Resource res) {
    Rec sample = res.table.generated > 0 ? firstGenerated(res.table) : null;
    if (sample == null) {
      if (res.name.equals("InventoryCountItem")) {
        return Set.of("inventoryCountItemID", "qty", "inventoryCountID", "itemID", "employeeID", "timeStamp",
            "createTime");
      }
      return null;
    }
    return sample.fields.keySet();
  }

  private static Rec firstGenerated(RTable t) {
    for (long id = 1; id <= Math.min(t.generated, 50); id++) {
      Rec r = t.generatedVersion(id);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private void checkRelationFilter(Resource res, String k) {
    String relName = k.substring(0, k.indexOf('.'));
    if (k.indexOf('.', relName.length() + 1) > 0) {
      throw new ApiException(400, "Searching in relations works one level deep only: " + k);
    }
    if (!res.documentedRels.containsKey(relName)) {
      throw new ApiException(400, "Unknown relation '" + relName + "' in filter " + k);
    }
    if (!res.rels.containsKey(relName)) {
      throw new ApiException(400, "Filtering on relation " + relName + " is not modelled by the testkit");
    }
  }

  private boolean relationMatches(Resource res, Rec r, Filter f) {
    int dot = f.field.indexOf('.');
    Rel rel = res.rels.get(f.field.substring(0, dot));
    String field = f.field.substring(dot + 1);
    if (rel.target().equals("Contact")) {
      field = switch (field) {
        case "email" -> "_email";
        case "phoneHome", "phoneWork", "mobile", "pager", "fax" -> "_phone";
        default -> field;
      };
    }
    for (Rec k : rel.loader().apply(r)) {
      if (f.matches(k.get(field))) {
        return true;
      }
    }
    return false;
  }

  private static RTable.Key key(Rec r, boolean byTs) {
    return new RTable.Key(byTs ? r.ts : 0, r.id);
  }

  static String encodeCursor(Rec r, boolean byTs) {
    String json = byTs ? "[\"" + RetailStore.ts(r.ts) + "\"," + r.id + "]" : "[" + r.id + "]";
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  static RTable.Key decodeCursor(String c, boolean byTs) {
    if (c == null) {
      return null;
    }
    try {
      JsonNode n = Json.MAPPER.readTree(new String(Base64.getDecoder().decode(c.trim()), StandardCharsets.UTF_8));
      if (byTs) {
        Long ts = Times.parseEpochSecond(n.get(0).asText());
        if (ts == null || n.size() != 2) {
          throw new IllegalArgumentException();
        }
        return new RTable.Key(ts, n.get(1).asLong());
      }
      if (n.size() != 1 || !n.get(0).canConvertToLong()) {
        throw new IllegalArgumentException();
      }
      return new RTable.Key(0, n.get(0).asLong());
    } catch (Exception e) {
      throw new ApiException(400, "Invalid pagination cursor; use the next/previous URLs exactly as given");
    }
  }

  private static String pageUrl(Req req, int limit, String sort, String dir, String cursor) {
    StringBuilder q = new StringBuilder();
    boolean hasLimit = false;
    boolean hasSort = false;
    for (Map.Entry<String, String> p : req.params) {
      if (p.getKey().equals("after") || p.getKey().equals("before")) {
        continue;
      }
      hasLimit |= p.getKey().equals("limit");
      hasSort |= p.getKey().equals("sort");
      append(q, p.getKey(), p.getValue());
    }
    if (!hasSort) {
      append(q, "sort", sort);
    }
    if (!hasLimit) {
      append(q, "limit", Integer.toString(limit));
    }
    append(q, dir, cursor);
    return req.origin + req.path + "?" + q;
  }

  private static void append(StringBuilder q, String k, String v) {
    if (q.length() > 0) {
      q.append('&');
    }
    q.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------------- writes

  private static long requiredLong(JsonNode body, String field, String what) {
    if (body == null || !body.has(field) || Json.scalar(body.get(field)) == null || Json.scalar(body.get(field)).isEmpty()) {
      throw new ApiException(400, what + " not created. " + field + " is required.");
    }
    try {
      return new BigDecimal(Json.scalar(body.get(field))).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ApiException(400, field + " must be a whole number");
    }
  }

  /** Scalar fields of a write payload as R-Series strings; relations (objects/arrays) are left out. */
  private static Map<String, String> scalars(JsonNode body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      String s = Json.scalar(e.getValue());
      if (s != null) {
        out.put(e.getKey(), s);
      }
    }
    return out;
  }

  /** Elements of a relation payload: {@code {"ItemShop": {...}}} or {@code {"ItemShop": [...]}}. */
  private static List<JsonNode> elements(JsonNode rel, String elementKey) {
    List<JsonNode> out = new ArrayList<>();
    if (rel == null || rel.isNull() || (rel.isTextual() && rel.textValue().isEmpty())) {
      return out;
    }
    JsonNode inner = rel.isObject() && rel.has(elementKey) ? rel.get(elementKey) : rel;
    if (inner.isArray()) {
      inner.forEach(out::add);
    } else if (inner.isObject()) {
      out.add(inner);
    } else {
      throw new ApiException(400, "Invalid " + elementKey + " payload");
    }
    return out;
  }

  private Map<String, String> changesFor(Resource res, Rec current, JsonNode body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : scalars(body).entrySet()) {
      String k = e.getKey();
      if (k.equals(res.table.idField) || k.equals("timeStamp") || k.equals("createTime") || k.startsWith("_")) {
        continue;
      }
      if (current.fields.containsKey(k)) {
        out.put(k, e.getValue());
      }
    }
    return out;
  }

  private Resp put(Resource res, long id, JsonNode body) {
    Rec current = res.table.get(id);
    if (current == null) {
      throw new ApiException(404, res.name + " " + id + " not found");
    }
    switch (res.name) {
      case "Item":
        return putItem(current, body);
      case "ItemShop": {
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
          String f = it.next();
          if (!Set.of("reorderPoint", "reorderLevel", "itemShopID").contains(f)) {
            throw new ApiException(400, "Only reorderPoint and reorderLevel can be updated on ItemShop (got " + f + ")");
          }
        }
        if (current.getLong("shopID") == 0) {
          throw new ApiException(400, "The shopID 0 ItemShop row is a summary and cannot be written");
        }
        String point = body.has("reorderPoint") ? Json.scalar(body.get("reorderPoint")) : null;
        String level = body.has("reorderLevel") ? Json.scalar(body.get("reorderLevel")) : null;
        Rec r = mutations.setReorder(id, point, level);
        return single("ItemShop", r, RelTree.of(List.of()));
      }
      case "Sale":
        return putSale(current, body);
      case "Order": {
        Map<String, String> ch = changesFor(res, current, body);
        for (String dateField : List.of("orderedDate", "receivedDate", "arrivalDate")) {
          if (ch.containsKey(dateField) && !ch.get(dateField).isEmpty()) {
            if (!dateField.equals("arrivalDate") && store.orderLinesOf(current).isEmpty()) {
              throw new ApiException(400, "Order " + id + " has no lines; add OrderLines before setting " + dateField);
            }
            ch.put(dateField, shopLocalDate(ch.get(dateField), current.getLong("shopID")));
          }
        }
        if (body.has("OrderLines")) {
          throw new ApiException(400, "OrderLines cannot be written through Order; use the OrderLine endpoint");
        }
        synchronized (store) {
          Rec updated = mutations.update(store.order, id, ch);
          mutations.orderChanged(current, updated);
          return single("Order", updated, RelTree.of(List.of()));
        }
      }
      case "PriceLevel":
      case "Register":
      case "Shop":
      case "Customer": {
        Map<String, String> ch = changesFor(res, current, body);
        if ("true".equals(ch.get("archived"))) {
          throw new ApiException(400, "A customer cannot be archived with PUT; use DELETE");
        }
        synchronized (store) {
          if (body.has("Contact")) {
            ch.putAll(contactFields(mergedContact(current, body.get("Contact"), false)));
          }
          Rec updated = mutations.update(res.table, id, ch);
          return single(res.name, updated, RelTree.of(List.of("Contact")));
        }
      }
      case "PaymentType": {
        if (current.getBool("internalReserved")) {
          throw new ApiException(400, "PaymentType " + id + " is a reserved system payment type and cannot be changed");
        }
        Map<String, String> ch = changesFor(res, current, body);
        ch.remove("internalReserved");
        ch.remove("type");
        synchronized (store) {
          return single(res.name, mutations.update(res.table, id, ch), RelTree.of(List.of()));
        }
      }
      case "Vendor":
      case "Employee":
      case "OrderLine":
      case "InventoryCount": {
        Map<String, String> ch = changesFor(res, current, body);
        if (res.name.equals("OrderLine") && ch.containsKey("orderID")) {
          throw new ApiException(400, "orderID of an OrderLine cannot be changed");
        }
        synchronized (store) {
          Rec updated = mutations.update(res.table, id, ch);
          if (res.name.equals("OrderLine")) {
            mutations.orderLineWritten(current, updated);
          }
          return single(res.name, updated, RelTree.of(List.of()));
        }
      }
      default:
        throw new ApiException(405, res.name + " cannot be updated");
    }
  }

  /** "2021-04-04" is stored as midnight in the shop's time zone, read back in UTC. */
  private String shopLocalDate(String v, long shopId) {
    if (v.length() == 10) {
      try {
        Rec shop = store.shop.get(shopId);
        ZoneId zone = ZoneId.of(shop == null ? "UTC" : shop.get("timeZone"));
        return RetailStore.ts(LocalDate.parse(v).atStartOfDay(zone).toEpochSecond());
      } catch (java.time.DateTimeException e) {
        throw new ApiException(400, "Invalid date " + v);
      }
    }
    Long t = Times.parseEpochSecond(v);
    if (t == null) {
      throw new ApiException(400, "Invalid date " + v);
    }
    return RetailStore.ts(t);
  }

  private Resp putItem(Rec item, JsonNode body) {
    long id = item.id;
    if (body.has("archived") && "true".equals(Json.scalar(body.get("archived")))) {
      throw new ApiException(400, "An Item cannot be archived with PUT; use DELETE");
    }
    List<JsonNode> shopRows = elements(body.get("ItemShops"), "ItemShop");
    if (!shopRows.isEmpty() && (DUP_UPC.equals(item.get("upc")) || DUP_EAN.equals(item.get("ean")))) {
      throw new ApiException(422, "Item " + id + " has a UPC or EAN that another item also uses; fix it before updating inventory");
    }
    // validate everything before changing anything
    List<long[]> qohWrites = new ArrayList<>();
    List<Object[]> reorderWrites = new ArrayList<>();
    for (JsonNode row : shopRows) {
      Rec target;
      if (row.has("itemShopID")) {
        long isId = Long.parseLong(Json.scalar(row.get("itemShopID")));
        target = store.itemShop.get(isId);
        if (target == null || target.getLong("itemID") != id) {
          throw new ApiException(400, "ItemShop " + isId + " does not belong to item " + id);
        }
      } else if (row.has("shopID")) {
        long shopId = Long.parseLong(Json.scalar(row.get("shopID")));
        target = store.itemShopOf(id, shopId);
        if (target == null) {
          throw new ApiException(400, "Invalid shopID " + shopId);
        }
      } else {
        throw new ApiException(400, "Each ItemShop needs itemShopID or shopID");
      }
      if (target.getLong("shopID") == 0) {
        throw new ApiException(400, "The shopID 0 ItemShop row is a summary and cannot be written");
      }
      if (row.has("qoh")) {
        String q = Json.scalar(row.get("qoh"));
        long qoh;
        try {
          qoh = new BigDecimal(q).longValueExact();
        } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
          throw new ApiException(400, "qoh must be a whole number");
        }
        if (qoh < 0) {
          throw new ApiException(400, "qoh cannot be set to a negative value");
        }
        qohWrites.add(new long[] {target.getLong("shopID"), qoh});
      }
      if (row.has("reorderPoint") || row.has("reorderLevel")) {
        reorderWrites.add(new Object[] {target.id, row.has("reorderPoint") ? Json.scalar(row.get("reorderPoint")) : null,
            row.has("reorderLevel") ? Json.scalar(row.get("reorderLevel")) : null});
      }
    }
    Map<String, String> changes = changesFor(store.resource("Item"), item, body);
    changes.remove("systemSku");
    changes.remove("avgCost");
    validateCodes(changes);
    for (JsonNode p : elements(body.get("Prices"), "ItemPrice")) {
      String type = p.has("useType") ? Json.scalar(p.get("useType")) : null;
      if (type == null && p.has("useTypeID")) {
        int idx = Integer.parseInt(Json.scalar(p.get("useTypeID")));
        type = idx >= 1 && idx <= RetailStore.PRICE_TYPES.length ? RetailStore.PRICE_TYPES[idx - 1] : null;
      }
      if (type == null || !p.has("amount")) {
        throw new ApiException(400, "Each ItemPrice needs amount and useType or useTypeID");
      }
      changes.put("_price." + type, Money.fmt(Money.parse(Json.scalar(p.get("amount")))));
    }
    synchronized (store) {
      for (long[] w : qohWrites) {
        mutations.setQoh(id, w[0], w[1]);
      }
      for (Object[] w : reorderWrites) {
        mutations.setReorder((Long) w[0], (String) w[1], (String) w[2]);
      }
      if (!changes.isEmpty()) {
        mutations.updateItem(id, changes);
      }
    }
    return single("Item", store.item.get(id), RelTree.of(List.of("ItemShops")));
  }

  private static void validateCodes(Map<String, String> changes) {
    for (String f : List.of("upc", "ean")) {
      String v = changes.get(f);
      if (v != null && !v.isEmpty() && !v.matches("\\d{11,14}")) {
        throw new ApiException(400, f + " must be 11 to 14 digits");
      }
    }
  }

  private Resp putSale(Rec sale, JsonNode body) {
    Map<String, String> ch = changesFor(store.resource("Sale"), sale, body);
    List<NewPayment> payments = payments(body);
    Rec r = sale;
    synchronized (store) {
      boolean complete = "true".equals(ch.remove("completed"));
      boolean voided = "true".equals(ch.remove("voided"));
      ch.keySet().retainAll(Set.of("referenceNumber", "referenceNumberSource", "archived", "customerID", "employeeID",
          "completeTime", "receiptPreference"));
      if (!ch.isEmpty()) {
        r = mutations.updateSaleFields(r, ch, mutations.now());
      }
      if (complete && !r.getBool("completed")) {
        r = mutations.completeSale(r.id, payments);
      }
      if (voided) {
        r = mutations.voidSale(r.id);
      }
    }
    return single("Sale", store.sale.get(sale.id), RelTree.of(List.of("SaleLines", "SalePayments")));
  }

  private static List<NewPayment> payments(JsonNode body) {
    List<NewPayment> out = new ArrayList<>();
    for (JsonNode p : elements(body.get("SalePayments"), "SalePayment")) {
      if (!p.has("amount")) {
        throw new ApiException(400, "Each SalePayment needs an amount");
      }
      out.add(new NewPayment(Money.parse(Json.scalar(p.get("amount"))),
          p.has("paymentTypeID") ? Long.parseLong(Json.scalar(p.get("paymentTypeID"))) : 1));
    }
    return out;
  }

  private Resp post(Resource res, JsonNode body) {
    switch (res.name) {
      case "Item": {
        Map<String, String> f = scalars(body);
        if (f.getOrDefault("description", "").isBlank()) {
          throw new ApiException(400, "Item not created. An Item must have a description.");
        }
        validateCodes(f);
        if ("true".equals(f.get("archived"))) {
          throw new ApiException(400, "Item not created. An Item cannot be created archived.");
        }
        Map<Long, Long> qoh = new LinkedHashMap<>();
        for (JsonNode row : elements(body.get("ItemShops"), "ItemShop")) {
          long shopId = row.has("shopID") ? Long.parseLong(Json.scalar(row.get("shopID"))) : 0;
          if (shopId < 1 || store.shop.get(shopId) == null) {
            throw new ApiException(400, "Item not created. Invalid shopID " + shopId);
          }
          long q = row.has("qoh") ? Long.parseLong(Json.scalar(row.get("qoh"))) : 0;
          if (q < 0) {
            throw new ApiException(400, "qoh cannot be set to a negative value");
          }
          qoh.put(shopId, q);
        }
        Map<String, String> prices = new LinkedHashMap<>();
        for (JsonNode p : elements(body.get("Prices"), "ItemPrice")) {
          String type = p.has("useType") ? Json.scalar(p.get("useType")) : RetailStore.PRICE_TYPES[Math.max(0,
              Math.min(2, Integer.parseInt(Json.scalar(p.get("useTypeID"))) - 1))];
          prices.put(type, Money.fmt(Money.parse(Json.scalar(p.get("amount")))));
        }
        Rec item = mutations.createItem(f, qoh, prices);
        return single("Item", item, RelTree.of(List.of("ItemShops")));
      }
      case "Sale":
        return postSale(body);
      case "Order": {
        if (body.has("OrderLines")) {
          throw new ApiException(400, "Order not created. Lines cannot be created with the Order; POST them to OrderLine");
        }
        long shopId = requiredLong(body, "shopID", "Order");
        if (store.shop.get(shopId) == null) {
          throw new ApiException(400, "Order not created. Invalid shopID " + shopId);
        }
        Map<String, String> f = scalars(body);
        for (String d : List.of("orderedDate", "receivedDate")) {
          if (f.containsKey(d) && !f.get(d).isEmpty()) {
            throw new ApiException(400, "Order not created. " + d + " needs at least one line; set it with PUT later");
          }
        }
        Rec template = store.order.generatedVersion(1);
        LinkedHashMap<String, String> defaults = blank(template != null ? template.fields : orderTemplate());
        defaults.put("shippingCostMethod", "evenly");
        defaults.put("vendorCurrencyCode", "USD");
        defaults.put("vendorCurrencyRate", "1");
        return single("Order", mutations.create(store.order, defaults, f), RelTree.of(List.of()));
      }
      case "OrderLine": {
        long orderId = requiredLong(body, "orderID", "OrderLine");
        long itemId = requiredLong(body, "itemID", "OrderLine");
        requiredLong(body, "quantity", "OrderLine");
        if (store.order.get(orderId) == null) {
          throw new ApiException(400, "OrderLine not created. Invalid orderID " + orderId);
        }
        if (store.item.get(itemId) == null) {
          throw new ApiException(400, "OrderLine not created. Invalid itemID " + itemId);
        }
        LinkedHashMap<String, String> defaults = blank(RetailStore.orderLineFields(0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0));
        Map<String, String> f = scalars(body);
        BigDecimal price = Money.parse(f.getOrDefault("price", "0"));
        f.putIfAbsent("originalPrice", Money.fmt(price));
        f.putIfAbsent("vendorCost", Money.fmt(price));
        f.put("price", Money.fmt(price));
        f.put("total", Money.fmt(price.multiply(new BigDecimal(f.get("quantity")))));
        synchronized (store) {
          Rec created = mutations.create(store.orderLine, defaults, f);
          mutations.orderLineWritten(null, created);
          return single("OrderLine", created, RelTree.of(List.of()));
        }
      }
      case "InventoryCount": {
        long shopId = requiredLong(body, "shopID", "InventoryCount");
        if (store.shop.get(shopId) == null) {
          throw new ApiException(400, "InventoryCount not created. Invalid shopID " + shopId);
        }
        LinkedHashMap<String, String> d = new LinkedHashMap<>();
        d.put("inventoryCountID", "0");
        d.put("name", "");
        d.put("timeStamp", "");
        d.put("archived", "false");
        d.put("shopID", "0");
        return single("InventoryCount", mutations.create(store.inventoryCount, d, scalars(body)), RelTree.of(List.of()));
      }
      case "InventoryCountItem": {
        long countId = requiredLong(body, "inventoryCountID", "InventoryCountItem");
        long itemId = requiredLong(body, "itemID", "InventoryCountItem");
        requiredLong(body, "qty", "InventoryCountItem");
        requiredLong(body, "employeeID", "InventoryCountItem");
        if (store.inventoryCount.get(countId) == null || store.item.get(itemId) == null) {
          throw new ApiException(400, "InventoryCountItem not created. Invalid inventoryCountID or itemID");
        }
        LinkedHashMap<String, String> d = new LinkedHashMap<>();
        for (String k : List.of("inventoryCountItemID", "qty", "inventoryCountID", "itemID", "employeeID", "timeStamp",
            "createTime")) {
          d.put(k, "0");
        }
        return single("InventoryCountItem", mutations.create(store.inventoryCountItem, d, scalars(body)),
            RelTree.of(List.of()));
      }
      case "Customer": {
        Map<String, String> f = scalars(body);
        f.keySet().removeIf(k -> k.startsWith("_") || k.equals("archived"));
        if (f.getOrDefault("firstName", "").isBlank() && f.getOrDefault("lastName", "").isBlank()
            && f.getOrDefault("company", "").isBlank()) {
          throw new ApiException(400, "Customer not created. A customer needs a firstName, lastName or company.");
        }
        ObjectNode contact = mergedContact(null, body.get("Contact"), true);
        synchronized (store) {
          Rec created = mutations.create(store.customer, RetailStore.customerDefaults(), f);
          Rec withContact = mutations.update(store.customer, created.id, contactFields(contact));
          return single("Customer", withContact, RelTree.of(List.of("Contact")));
        }
      }
      case "PaymentType": {
        Map<String, String> f = scalars(body);
        if (f.getOrDefault("name", "").isBlank()) {
          throw new ApiException(400, "PaymentType not created. A payment type needs a name.");
        }
        LinkedHashMap<String, String> d = new LinkedHashMap<>();
        d.put("paymentTypeID", "0");
        d.put("name", "");
        d.put("requireCustomer", "false");
        d.put("archived", "false");
        d.put("internalReserved", "false");
        d.put("type", "user defined");
        d.put("refundAsPaymentTypeID", "0");
        f.remove("internalReserved");
        f.remove("type"); // the docs' sample: a created payment type is always "user defined"
        return single("PaymentType", mutations.create(store.paymentType, d, f), RelTree.of(List.of()));
      }
      case "Vendor":
      case "Employee": {
        Rec template = res.table.generatedVersion(1);
        if (template == null) {
          throw new ApiException(400, res.name + " creation needs at least one generated " + res.name + " as template");
        }
        LinkedHashMap<String, String> d = blank(template.fields);
        return single(res.name, mutations.create(res.table, d, scalars(body)), RelTree.of(List.of()));
      }
      default:
        throw new ApiException(405, res.name + " cannot be created" + (res.name.equals("Shop")
            ? " through the testkit" : ""));
    }
  }

  private static LinkedHashMap<String, String> orderTemplate() {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    for (String k : List.of("orderID", "orderedDate", "receivedDate", "arrivalDate", "shipInstructions",
        "stockInstructions", "createTime", "timeStamp", "refNum", "shipCost", "otherCost", "complete", "archived",
        "discount", "totalDiscount", "totalQuantity", "vendorID", "noteID", "shopID", "createdByEmployeeID")) {
      f.put(k, "");
    }
    return f;
  }

  /** Defaults for a new record: same keys, "false"/"0"/"" by kind of the template value. */
  private static LinkedHashMap<String, String> blank(Map<String, String> template) {
    LinkedHashMap<String, String> d = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : template.entrySet()) {
      String v = e.getValue();
      String k = e.getKey();
      if (k.startsWith("_")) {
        d.put(k, "");
      } else if (v.equals("true") || v.equals("false")) {
        d.put(k, "false");
      } else if (k.endsWith("ID") || v.matches("-?\\d+(\\.\\d+)?")) {
        d.put(k, "0");
      } else {
        d.put(k, "");
      }
    }
    return d;
  }

  private Resp postSale(JsonNode body) {
    Map<String, String> f = scalars(body);
    long shopId = f.containsKey("shopID") ? Long.parseLong(f.get("shopID")) : 0;
    if (shopId == 0) {
      throw new ApiException(400, "Sale not created. shopID is required.");
    }
    // without employeeID the sale is rung up by the authorizing employee (the token's sub, 1)
    long employeeId = f.containsKey("employeeID") && !f.get("employeeID").isEmpty() ? Long.parseLong(f.get("employeeID")) : 1;
    if (store.employee.get(employeeId) == null) {
      throw new ApiException(400, "Sale not created. Invalid employeeID " + employeeId);
    }
    long customerId = f.containsKey("customerID") && !f.get("customerID").isEmpty() ? Long.parseLong(f.get("customerID")) : 0;
    boolean completed = "true".equals(f.get("completed"));
    List<NewLine> lines = new ArrayList<>();
    for (JsonNode l : elements(body.get("SaleLines"), "SaleLine")) {
      long itemId;
      if (l.has("itemID")) {
        itemId = Long.parseLong(Json.scalar(l.get("itemID")));
      } else if (l.has("itemCode")) {
        itemId = findByItemCode(Json.scalar(l.get("itemCode")));
      } else {
        itemId = 0;
      }
      long qty = l.has("unitQuantity") ? new BigDecimal(Json.scalar(l.get("unitQuantity"))).longValueExact() : 1;
      BigDecimal price;
      if (l.has("unitPrice")) {
        price = Money.parse(Json.scalar(l.get("unitPrice")));
      } else {
        Rec item = itemId == 0 ? null : store.item.get(itemId);
        if (item == null) {
          throw new ApiException(400, "Sale not created. Invalid itemID " + itemId);
        }
        price = Money.parse(item.get("_price.Default"));
      }
      lines.add(new NewLine(itemId, qty, price));
    }
    long registerId = f.containsKey("registerID") && !f.get("registerID").isEmpty() && !f.get("registerID").equals("0")
        ? Long.parseLong(f.get("registerID")) : shopId;
    Rec sale = mutations.createSale(shopId, registerId, employeeId, customerId, completed, lines, payments(body),
        f.getOrDefault("referenceNumber", ""), f.getOrDefault("referenceNumberSource", ""));
    return single("Sale", sale, RelTree.of(List.of("SaleLines", "SalePayments")));
  }

  private long findByItemCode(String code) {
    if (code == null || code.isEmpty()) {
      throw new ApiException(400, "Sale not created. Empty itemCode");
    }
    try {
      long id = Long.parseLong(code);
      if (code.length() < 11 && store.item.get(id) != null) {
        return id;
      }
    } catch (NumberFormatException ignored) {
      // not an id
    }
    Iterator<Rec> it = store.item.iterate(false, true, null, RTable.Bounds.ALL, k -> true,
        r -> code.equals(r.get("upc")) || code.equals(r.get("ean")));
    if (!it.hasNext()) {
      throw new ApiException(400, "Sale not created. No item with itemCode " + code);
    }
    return it.next().id;
  }

  private Resp delete(Resource res, long id) {
    switch (res.name) {
      case "Item":
        return single("Item", mutations.archiveItem(id), RelTree.of(List.of("ItemShops")));
      case "Order":
        synchronized (store) {
          Rec before = res.table.get(id);
          if (before == null) {
            throw new ApiException(404, "Order " + id + " not found");
          }
          Rec archived = mutations.update(res.table, id, Map.of("archived", "true"));
          mutations.orderChanged(before, archived);
          return single(res.name, archived, RelTree.of(List.of()));
        }
      case "Vendor":
      case "Customer":
      case "Employee":
      case "PaymentType":
        return single(res.name, mutations.update(res.table, id, Map.of("archived", "true")), RelTree.of(List.of()));
      case "OrderLine":
      case "InventoryCount":
      case "InventoryCountItem": {
        Rec r = res.table.get(id);
        if (r == null) {
          throw new ApiException(404, res.name + " " + id + " not found");
        }
        synchronized (store) {
          res.table.delete(id);
          if (res.name.equals("OrderLine")) {
            mutations.orderLineWritten(r, null);
          }
        }
        return single(res.name, r, RelTree.of(List.of()));
      }
      default:
        throw new ApiException(405, res.name + " cannot be deleted");
    }
  }
}
