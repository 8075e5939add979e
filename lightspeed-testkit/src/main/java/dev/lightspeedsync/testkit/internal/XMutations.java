package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.testkit.TimeSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every X-Series state change: API writes and the ground-truth mutations. Serialised on the store. */
public final class XMutations {
  static final Set<String> PRODUCT_WRITABLE = Set.of("name", "description", "sku", "handle", "active",
      "price_excluding_tax", "price_including_tax", "supply_price", "supplier_id", "supplier_code", "brand_id",
      "product_type_id", "variant_name", "weight", "weight_unit", "length", "width", "height", "dimensions_unit",
      "loyalty_amount", "tag_ids", "inventory", "has_inventory", "composite", "source", "source_id", "is_active");
  static final Set<String> CUSTOMER_WRITABLE = Set.of("first_name", "last_name", "name", "email", "phone", "mobile",
      "company_name", "customer_code", "note", "customer_group_id", "enable_loyalty", "do_not_email",
      "physical_address_1", "physical_address_2", "physical_suburb", "physical_city", "physical_postcode",
      "physical_state", "physical_country_id", "postal_address_1", "postal_address_2", "postal_suburb",
      "postal_city", "postal_postcode", "postal_state", "postal_country_id");
  static final Set<String> CONSIGNMENT_WRITABLE = Set.of("name", "reference", "due_at", "supplier_invoice", "status",
      "outlet_id", "supplier_id", "type", "consignment_date", "source_outlet_id");

  private final XStore s;
  private final TimeSource clock;

  public XMutations(XStore store, TimeSource clock) {
    this.s = store;
    this.clock = clock;
  }

  public Object lock() {
    return s;
  }

  private static ApiException bad(String message) {
    return new ApiException(400, message);
  }

  /** The ordinal of {@code id} in table {@code t}; 404 when there is no such (live or deleted) record. */
  public long resolve(XTable t, String id) {
    long o = s.ids.ordinal(t.index, id);
    if (o < 1 || t.get(o) == null) {
      throw new ApiException(404, "No " + t.name + " with id " + id);
    }
    return o;
  }

  private long resolveLive(XTable t, String id, String field) {
    long o = s.ids.ordinal(t.index, id);
    ObjectNode n = o < 1 ? null : t.get(o);
    if (n == null || !n.path("deleted_at").isNull()) {
      throw bad(field + " " + id + " is not an existing " + t.name.replaceAll("s$", ""));
    }
    return o;
  }

  private ObjectNode bump(XTable t, long ordinal, ObjectNode cur) {
    cur.put("version", s.nextVersion());
    if (cur.has("updated_at")) {
      cur.put("updated_at", s.now());
    }
    t.put(ordinal, cur);
    return cur;
  }

  /** Gives the record a new version (and updated_at) without changing anything else. */
  public ObjectNode touch(XTable t, long ordinal) {
    synchronized (s) {
      ObjectNode n = t.get(ordinal);
      if (n == null) {
        throw new ApiException(404, "No " + t.name + " record " + ordinal);
      }
      return bump(t, ordinal, n.deepCopy());
    }
  }

  private static void onlyWritable(ObjectNode body, Set<String> writable, String what) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!writable.contains(f)) {
        throw bad("Field '" + f + "' of " + what + " cannot be written (or is not modelled by the testkit)");
      }
    }
  }

  static BigDecimal decimal(JsonNode v, String field) {
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      if (v.isNumber()) {
        return v.decimalValue();
      }
      if (v.isTextual()) {
        return new BigDecimal(v.textValue().trim());
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw bad(field + " must be a number: " + v);
  }

  private static long whole(JsonNode v, String field) {
    BigDecimal d = decimal(v, field);
    if (d == null) {
      throw bad(field + " is required");
    }
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw bad(field + " must be a whole number: " + v);
    }
  }

  /** Merges a 2.1 {@code {common:{..}, details:{..}}} body into one flat object; a flat body is returned as is. */
  static ObjectNode flatten(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad("The request body must be a JSON object");
    }
    if (!body.has("common") && !body.has("details")) {
      return (ObjectNode) body.deepCopy();
    }
    ObjectNode out = Json.obj();
    for (String part : List.of("common", "details")) {
      JsonNode p = body.get(part);
      if (p == null || p.isNull()) {
        continue;
      }
      if (!p.isObject()) {
        throw bad("'" + part + "' must be an object");
      }
      p.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!f.equals("common") && !f.equals("details")) {
        throw bad("Unknown top-level field '" + f + "' (a 2.1 product body has 'common' and 'details')");
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ products

  private void applyProductFields(ObjectNode cur, ObjectNode b) {
    for (Map.Entry<String, JsonNode> e : b.properties()) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      switch (k) {
        case "inventory":
        case "composite":
          break;
        case "name":
          if (!v.isTextual() || v.asText().isBlank()) {
            throw bad("name must be a non-empty string");
          }
          cur.set(k, v);
          break;
        case "price_excluding_tax": {
          BigDecimal d = decimal(v, k);
          cur.put(k, d);
          if (!b.has("price_including_tax")) {
            cur.put("price_including_tax", d.multiply(BigDecimal.ONE.add(XStore.TAX_RATE)).setScale(2, RoundingMode.HALF_UP));
          }
          break;
        }
        case "price_including_tax": {
          BigDecimal d = decimal(v, k);
          cur.put(k, d);
          if (!b.has("price_excluding_tax")) {
            cur.put("price_excluding_tax", d.divide(BigDecimal.ONE.add(XStore.TAX_RATE), 2, RoundingMode.HALF_UP));
          }
          break;
        }
        case "is_active": // the create and 2.1 update bodies say is_active; records carry active
          if (!v.isBoolean()) {
            throw bad("is_active must be a boolean");
          }
          cur.set("active", v);
          break;
        case "supply_price":
        case "loyalty_amount":
          cur.put(k, decimal(v, k));
          break;
        case "supplier_id":
          if (v.isNull()) {
            cur.putNull("supplier_id");
            cur.putNull("supplier");
          } else {
            long sup = resolveLive(s.supplier, v.asText(), "supplier_id");
            cur.put("supplier_id", v.asText());
            ObjectNode so = cur.putObject("supplier");
            so.put("id", v.asText());
            so.put("name", s.supplier.get(sup).path("name").asText());
          }
          break;
        default:
          cur.set(k, v);
      }
    }
    if (cur.has("name") && !cur.path("has_variants").asBoolean() && b.has("name") && !b.has("variant_name")) {
      cur.set("variant_name", cur.get("name"));
    }
  }

  /** {@code POST /products}: a new product (with its inventory records when it has inventory). */
  public ObjectNode createProduct(JsonNode rawBody) {
    ObjectNode b = flatten(rawBody);
    onlyWritable(b, PRODUCT_WRITABLE, "product");
    if (!b.path("name").isTextual() || b.path("name").asText().isBlank()) {
      throw bad("name is required");
    }
    synchronized (s) {
      List<long[]> components = new ArrayList<>();
      JsonNode comp = b.get("composite");
      if (comp != null && !comp.isNull()) {
        if (!comp.isArray() || comp.isEmpty()) {
          throw bad("composite must be a non-empty array of {product_id, quantity}");
        }
        for (JsonNode c : comp) {
          long p = resolveLive(s.product, c.path("product_id").asText(), "composite product_id");
          if (s.product.get(p).path("is_composite").asBoolean()) {
            throw bad("composite product_id " + c.path("product_id").asText() + " is itself a composite");
          }
          BigDecimal q = decimal(c.get("quantity"), "composite quantity");
          if (q == null || q.signum() <= 0) {
            throw bad("composite quantity must be > 0");
          }
          components.add(new long[] {p, q.longValue()});
        }
      }
      boolean composite = !components.isEmpty();
      long p = s.product.allocateOrdinal();
      String now = s.now();
      ObjectNode n = Json.obj();
      n.put("id", s.id(XStore.T_PRODUCTS, p));
      n.put("source", "USER");
      n.putNull("source_id");
      n.putNull("source_variant_id");
      n.putNull("variant_parent_id");
      n.put("name", b.get("name").asText());
      n.put("variant_name", b.get("name").asText());
      n.put("handle", "product-" + p);
      n.put("sku", "");
      n.put("description", "");
      n.put("active", true);
      n.put("has_inventory", !composite);
      n.put("is_composite", composite);
      n.put("has_variants", false);
      n.put("variant_count", 0);
      n.set("variant_options", Json.arr());
      n.put("price_excluding_tax", BigDecimal.ZERO.setScale(2));
      n.put("price_including_tax", BigDecimal.ZERO.setScale(2));
      n.put("supply_price", BigDecimal.ZERO.setScale(2));
      n.putNull("supplier_id");
      n.putNull("supplier_code");
      n.putNull("supplier");
      n.set("product_suppliers", Json.arr());
      n.putNull("product_type_id");
      n.putNull("type");
      n.putNull("brand_id");
      n.putNull("brand");
      n.set("tag_ids", Json.arr());
      n.set("categories", Json.arr());
      n.set("attributes", Json.arr());
      n.set("images", Json.arr());
      n.putNull("image_url");
      n.putNull("image_thumbnail_url");
      n.put("weight", 0);
      n.put("weight_unit", "G");
      n.put("length", 0);
      n.put("width", 0);
      n.put("height", 0);
      n.put("dimensions_unit", "CM");
      n.putNull("loyalty_amount");
      if (composite) {
        ArrayNode a = n.putArray("composite");
        for (long[] c : components) {
          ObjectNode e = a.addObject();
          e.put("product_id", s.id(XStore.T_PRODUCTS, c[0]));
          e.put("quantity", c[1]);
        }
      }
      n.put("created_at", now);
      n.put("updated_at", now);
      n.putNull("deleted_at");
      applyProductFields(n, b);
      if (composite) {
        n.put("has_inventory", false);
      }
      n.put("version", s.nextVersion());
      s.product.put(p, n);
      if (n.path("has_inventory").asBoolean()) {
        for (long o = 1; o <= s.outlets; o++) {
          long q = s.inventoryOrdinal(p, o);
          s.inventory.put(q, s.inventoryNode(q, p, o, 0, 0, 0, s.nextVersion()));
        }
        applyInventory(p, b.get("inventory"));
      }
      return n;
    }
  }

  /** {@code PUT /api/2.1/products/{id}}: product fields and, in {@code details.inventory}, absolute stock per outlet. */
  public ObjectNode updateProduct(long p, JsonNode rawBody) {
    ObjectNode b = flatten(rawBody);
    onlyWritable(b, PRODUCT_WRITABLE, "product");
    if (b.has("composite")) {
      throw bad("The testkit does not model changing a composite's components");
    }
    synchronized (s) {
      ObjectNode cur = s.product.get(p);
      if (cur == null || !cur.path("deleted_at").isNull()) {
        throw new ApiException(404, "No product with id " + s.id(XStore.T_PRODUCTS, p));
      }
      boolean fields = false;
      for (Iterator<String> it = b.fieldNames(); it.hasNext();) {
        if (!it.next().equals("inventory")) {
          fields = true;
        }
      }
      if (b.has("inventory") && !cur.path("has_inventory").asBoolean()) {
        throw bad("Product " + cur.path("id").asText() + " does not track inventory");
      }
      ObjectNode next = cur.deepCopy();
      applyProductFields(next, b);
      applyInventory(p, b.get("inventory"));
      if (fields) {
        bump(s.product, p, next);
      }
      return s.product.get(p);
    }
  }

  private void applyInventory(long p, JsonNode inv) {
    if (inv == null || inv.isNull()) {
      return;
    }
    if (!inv.isArray()) {
      throw bad("inventory must be an array of {outlet_id, current_amount, reorder_point, reorder_amount}");
    }
    Map<Long, JsonNode> byOutlet = new LinkedHashMap<>();
    for (JsonNode e : inv) {
      long o = resolveLive(s.outlet, e.path("outlet_id").asText(), "inventory outlet_id");
      if (!e.has("current_amount") && !e.has("reorder_point") && !e.has("reorder_amount")) {
        throw bad("inventory entry for outlet " + e.path("outlet_id").asText()
            + " sets nothing (current_amount, reorder_point or reorder_amount)");
      }
      if (e.has("current_amount")) {
        whole(e.get("current_amount"), "current_amount");
      }
      byOutlet.put(o, e);
    }
    for (Map.Entry<Long, JsonNode> e : byOutlet.entrySet()) {
      JsonNode v = e.getValue();
      long q = s.inventoryOrdinal(p, e.getKey());
      ObjectNode cur = s.inventory.get(q);
      ObjectNode next = cur == null ? s.inventoryNode(q, p, e.getKey(), 0, 0, 0, 0) : cur.deepCopy();
      if (v.has("current_amount")) {
        long level = whole(v.get("current_amount"), "current_amount");
        next.put("inventory_level", level);
        next.put("current_amount", level);
      }
      if (v.has("reorder_point")) {
        next.put("reorder_point", whole(v.get("reorder_point"), "reorder_point"));
      }
      if (v.has("reorder_amount")) {
        next.put("reorder_amount", whole(v.get("reorder_amount"), "reorder_amount"));
      }
      bump(s.inventory, q, next);
    }
  }

  /** Sets the level of (product, outlet) absolutely, as the POS would; negative allowed. */
  public ObjectNode setInventory(long p, long o, long level) {
    synchronized (s) {
      long q = s.inventoryOrdinal(p, o);
      ObjectNode cur = s.inventory.get(q);
      if (cur == null || !cur.path("deleted_at").isNull()) {
        throw new ApiException(404, "Product " + s.id(XStore.T_PRODUCTS, p) + " has no inventory at outlet " + o);
      }
      ObjectNode next = cur.deepCopy();
      next.put("inventory_level", level);
      next.put("current_amount", level);
      return bump(s.inventory, q, next);
    }
  }

  /** Adds {@code delta} to (product, outlet); composites move their components instead. */
  void adjustInventory(long p, long o, long delta) {
    ObjectNode prod = s.product.get(p);
    if (prod == null || delta == 0) {
      return;
    }
    if (prod.path("is_composite").asBoolean()) {
      for (JsonNode c : prod.path("composite")) {
        long cp = s.ids.ordinal(XStore.T_PRODUCTS, c.path("product_id").asText());
        adjustInventory(cp, o, delta * c.path("quantity").asLong());
      }
      return;
    }
    long q = s.inventoryOrdinal(p, o);
    ObjectNode cur = s.inventory.get(q);
    if (cur == null || !cur.path("deleted_at").isNull()) {
      return; // no stock tracked (service product, deleted product)
    }
    ObjectNode next = cur.deepCopy();
    long level = next.path("inventory_level").asLong() + delta;
    next.put("inventory_level", level);
    next.put("current_amount", level);
    bump(s.inventory, q, next);
  }

  /** {@code DELETE /products/{id}}: soft delete (deleted_at set); its inventory records stop being listed. */
  public void deleteProduct(long p) {
    synchronized (s) {
      ObjectNode cur = s.product.get(p);
      if (cur == null || !cur.path("deleted_at").isNull()) {
        throw new ApiException(404, "No product with id " + s.id(XStore.T_PRODUCTS, p));
      }
      ObjectNode next = cur.deepCopy();
      next.put("deleted_at", s.now());
      bump(s.product, p, next);
      for (long o = 1; o <= s.outlets; o++) {
        long q = s.inventoryOrdinal(p, o);
        ObjectNode inv = s.inventory.get(q);
        if (inv != null && inv.path("deleted_at").isNull()) {
          ObjectNode gone = inv.deepCopy();
          gone.put("deleted_at", s.now());
          bump(s.inventory, q, gone);
        }
      }
    }
  }

  /** The product and, for a family parent, its variants. */
  public List<Long> family(long p) {
    List<Long> out = new ArrayList<>();
    out.add(p);
    if (p <= s.products && s.position(p) == 1 && s.familyComplete(p)) {
      out.add(p + 1);
      out.add(p + 2);
    }
    return out;
  }

  // ------------------------------------------------------------------ customers

  public ObjectNode createCustomer(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad("The request body must be a JSON object");
    }
    ObjectNode b = (ObjectNode) body;
    onlyWritable(b, CUSTOMER_WRITABLE, "customer");
    boolean named = false;
    for (String f : List.of("first_name", "last_name", "name", "company_name", "email")) {
      named |= b.path(f).isTextual() && !b.path(f).asText().isBlank();
    }
    if (!named) {
      throw bad("A customer needs at least one of first_name, last_name, name, company_name or email");
    }
    synchronized (s) {
      long c = s.customer.allocateOrdinal();
      String now = s.now();
      ObjectNode n = Json.obj();
      n.put("id", s.id(XStore.T_CUSTOMERS, c));
      n.put("customer_code", "C-" + Times.pad(c, 6));
      n.putNull("name");
      n.putNull("first_name");
      n.putNull("last_name");
      n.putNull("email");
      n.putNull("phone");
      n.putNull("mobile");
      n.putNull("company_name");
      n.put("customer_group_id", s.id(XStore.T_MISC, 300));
      n.put("note", "");
      n.put("enable_loyalty", false);
      n.put("do_not_email", false);
      for (String f : List.of("physical_address_1", "physical_address_2", "physical_suburb", "physical_city",
          "physical_postcode", "physical_state", "physical_country_id")) {
        n.putNull(f);
      }
      n.put("loyalty_balance", BigDecimal.ZERO.setScale(2));
      n.put("year_to_date", BigDecimal.ZERO.setScale(2));
      n.put("balance", BigDecimal.ZERO.setScale(2));
      n.put("created_at", now);
      n.put("updated_at", now);
      n.putNull("deleted_at");
      applyCustomer(n, b);
      n.put("version", s.nextVersion());
      s.customer.put(c, n);
      return n;
    }
  }

  private static void applyCustomer(ObjectNode n, ObjectNode b) {
    b.properties().forEach(e -> n.set(e.getKey(), e.getValue()));
    if (!b.has("name")) {
      String full = (n.path("first_name").asText("") + " " + n.path("last_name").asText("")).trim();
      if (!full.isEmpty()) {
        n.put("name", full);
      }
    }
  }

  public ObjectNode updateCustomer(long c, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad("The request body must be a JSON object");
    }
    onlyWritable((ObjectNode) body, CUSTOMER_WRITABLE, "customer");
    synchronized (s) {
      ObjectNode cur = s.customer.get(c);
      if (cur == null || !cur.path("deleted_at").isNull()) {
        throw new ApiException(404, "No customer with id " + s.id(XStore.T_CUSTOMERS, c));
      }
      ObjectNode next = cur.deepCopy();
      applyCustomer(next, (ObjectNode) body);
      return bump(s.customer, c, next);
    }
  }

  public void deleteCustomer(long c) {
    synchronized (s) {
      ObjectNode cur = s.customer.get(c);
      if (cur == null || !cur.path("deleted_at").isNull()) {
        throw new ApiException(404, "No customer with id " + s.id(XStore.T_CUSTOMERS, c));
      }
      ObjectNode next = cur.deepCopy();
      next.put("deleted_at", s.now());
      bump(s.customer, c, next);
    }
  }

  // ------------------------------------------------------------------ consignments

  public ObjectNode createConsignment(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad("The request body must be a JSON object");
    }
    ObjectNode b = (ObjectNode) body;
    onlyWritable(b, CONSIGNMENT_WRITABLE, "consignment");
    String type = b.path("type").asText("");
    if (!type.equals("SUPPLIER")) {
      throw bad(type.isEmpty() ? "type is required (SUPPLIER, OUTLET, STOCKTAKE or RETURN)"
          : "type " + type + " is not modelled by the testkit; only SUPPLIER consignments are");
    }
    String status = b.path("status").asText("OPEN");
    if (status.equals("DISPATCHED") || status.equals("RECEIVED")) {
      throw bad("A " + status + " SUPPLIER consignment cannot be created directly: create it OPEN or SENT,"
          + " add products, then set their received quantities and the status RECEIVED");
    }
    if (!status.equals("OPEN") && !status.equals("SENT")) {
      throw bad("status must be OPEN or SENT when creating a SUPPLIER consignment: " + status);
    }
    synchronized (s) {
      long o = resolveLive(s.outlet, b.path("outlet_id").asText(""), "outlet_id");
      String supplierId = null;
      if (b.hasNonNull("supplier_id")) {
        resolveLive(s.supplier, b.get("supplier_id").asText(), "supplier_id");
        supplierId = b.get("supplier_id").asText();
      }
      long k = s.consignment.allocateOrdinal();
      String now = s.now();
      ObjectNode n = Json.obj();
      n.put("id", s.id(XStore.T_CONSIGNMENTS, k));
      n.put("outlet_id", s.id(XStore.T_OUTLETS, o));
      n.putNull("source_outlet_id");
      if (supplierId == null) {
        n.putNull("supplier_id");
      } else {
        n.put("supplier_id", supplierId);
      }
      n.put("name", b.path("name").asText(""));
      n.put("type", "SUPPLIER");
      n.put("status", status);
      n.put("consignment_date", b.path("consignment_date").asText(now));
      if (b.hasNonNull("due_at")) {
        n.put("due_at", b.get("due_at").asText());
      } else {
        n.putNull("due_at");
      }
      n.putNull("received_at");
      n.put("supplier_invoice", b.path("supplier_invoice").asText(""));
      n.put("reference", b.hasNonNull("reference") ? b.get("reference").asText() : "PO-" + Times.pad(k, 5));
      n.put("created_at", now);
      n.put("updated_at", now);
      n.putNull("deleted_at");
      n.put("version", s.nextVersion());
      s.consignment.put(k, n);
      return n;
    }
  }

  private ObjectNode mutableConsignment(long k) {
    ObjectNode cur = s.consignment.get(k);
    if (cur == null || !cur.path("deleted_at").isNull()) {
      throw new ApiException(404, "No consignment with id " + s.id(XStore.T_CONSIGNMENTS, k));
    }
    String st = cur.path("status").asText();
    if (st.equals("RECEIVED") || st.equals("CANCELLED")) {
      throw bad("Consignment " + cur.path("id").asText() + " is " + st + " and can no longer be changed");
    }
    return cur;
  }

  public ObjectNode updateConsignment(long k, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad("The request body must be a JSON object");
    }
    ObjectNode b = (ObjectNode) body;
    onlyWritable(b, CONSIGNMENT_WRITABLE, "consignment");
    synchronized (s) {
      ObjectNode cur = mutableConsignment(k);
      ObjectNode next = cur.deepCopy();
      for (String f : List.of("name", "reference", "due_at", "supplier_invoice")) {
        if (b.has(f)) {
          next.set(f, b.get(f));
        }
      }
      if (b.has("type") && !b.get("type").asText().equals(cur.path("type").asText())) {
        throw bad("The type of a consignment cannot change");
      }
      if (b.has("outlet_id") && !b.get("outlet_id").asText().equals(cur.path("outlet_id").asText())) {
        throw bad("The outlet of a consignment cannot change");
      }
      String from = cur.path("status").asText();
      String to = b.path("status").asText(from);
      if (!to.equals(from)) {
        switch (to) {
          case "SENT":
            if (!from.equals("OPEN")) {
              throw bad("Only an OPEN consignment can be SENT (it is " + from + ")");
            }
            break;
          case "DISPATCHED":
            if (!from.equals("SENT")) {
              throw bad("Only a SENT consignment can be DISPATCHED (it is " + from + ")");
            }
            break;
          case "CANCELLED":
            break;
          case "RECEIVED":
            receive(k, next, from);
            break;
          default:
            throw bad("status cannot be set to " + to + " (from " + from + ")");
        }
        next.put("status", to);
      }
      return bump(s.consignment, k, next);
    }
  }

  private void receive(long k, ObjectNode next, String from) {
    if (!from.equals("SENT") && !from.equals("DISPATCHED")) {
      throw bad("Only a SENT or DISPATCHED consignment can be RECEIVED (it is " + from + "); set it SENT first");
    }
    List<Long> lines = s.consignmentProductOrdinals(k);
    boolean any = false;
    for (long q : lines) {
      BigDecimal r = decimal(s.consignmentProduct.get(q).get("received"), "received");
      any |= r != null && r.signum() > 0;
    }
    if (!any) {
      throw bad("At least one product of the consignment needs a non-zero received quantity before it is RECEIVED");
    }
    long o = s.ids.ordinal(XStore.T_OUTLETS, next.path("outlet_id").asText());
    for (long q : lines) {
      ObjectNode line = s.consignmentProduct.get(q).deepCopy();
      BigDecimal r = decimal(line.get("received"), "received");
      if (r != null && r.signum() > 0) {
        long p = s.ids.ordinal(XStore.T_PRODUCTS, line.path("product_id").asText());
        adjustInventory(p, o, r.setScale(0, RoundingMode.DOWN).longValueExact());
      }
      line.put("status", "SUCCESS");
      bump(s.consignmentProduct, q, line);
    }
    next.put("received_at", s.now());
  }

  private static String quantity(JsonNode v, String field) {
    BigDecimal d = decimal(v, field);
    if (d == null) {
      return null;
    }
    if (d.signum() < 0) {
      throw bad(field + " must not be negative: " + v);
    }
    return d.stripTrailingZeros().toPlainString();
  }

  public ObjectNode addConsignmentProduct(long k, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad("The request body must be a JSON object");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!Set.of("product_id", "count", "received", "cost", "is_included").contains(f)) {
        throw bad("Field '" + f + "' of a consignment product cannot be written (or is not modelled by the testkit)");
      }
    }
    synchronized (s) {
      ObjectNode c = mutableConsignment(k);
      long p = resolveLive(s.product, body.path("product_id").asText(""), "product_id");
      ObjectNode prod = s.product.get(p);
      if (prod.path("is_composite").asBoolean()) {
        throw bad("Composite products cannot be added to SUPPLIER consignments; add their components");
      }
      for (long q : s.consignmentProductOrdinals(k)) {
        if (s.consignmentProduct.get(q).path("product_id").asText().equals(prod.path("id").asText())) {
          throw bad("Product " + prod.path("id").asText() + " is already on consignment " + c.path("id").asText()
              + "; change it with PUT /consignments/{id}/products/{product_id}");
        }
      }
      String count = quantity(body.get("count"), "count");
      if (count == null) {
        throw bad("count is required");
      }
      String cost = body.hasNonNull("cost") ? decimal(body.get("cost"), "cost").toPlainString()
          : prod.path("supply_price").decimalValue().toPlainString();
      long q = s.consignmentProduct.allocateOrdinal();
      ObjectNode n = s.consignmentProductNode(q, k, p, count, quantity(body.get("received"), "received"), cost,
          "PENDING", s.now(), s.nextVersion());
      s.consignmentProduct.put(q, n);
      s.addedLine(k, q);
      if (n.hasNonNull("received") && c.path("status").asText().equals("SENT")) {
        ObjectNode nc = c.deepCopy();
        nc.put("status", "DISPATCHED");
        bump(s.consignment, k, nc);
      }
      return n;
    }
  }

  /** The consignment-product ordinal of a product on a consignment; 404 when it is not on it. */
  public long consignmentLine(long k, String productId) {
    for (long q : s.consignmentProductOrdinals(k)) {
      if (s.consignmentProduct.get(q).path("product_id").asText().equals(productId)) {
        return q;
      }
    }
    throw new ApiException(404, "Product " + productId + " is not on consignment " + s.id(XStore.T_CONSIGNMENTS, k));
  }

  public ObjectNode updateConsignmentProduct(long k, String productId, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad("The request body must be a JSON object");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!Set.of("product_id", "count", "received", "cost", "is_included").contains(f)) {
        throw bad("Field '" + f + "' of a consignment product cannot be written (or is not modelled by the testkit)");
      }
    }
    synchronized (s) {
      ObjectNode c = mutableConsignment(k);
      long q = consignmentLine(k, productId);
      ObjectNode next = s.consignmentProduct.get(q).deepCopy();
      if (body.has("count")) {
        String v = quantity(body.get("count"), "count");
        if (v == null) {
          throw bad("count cannot be null");
        }
        next.put("count", v);
      }
      if (body.has("received")) {
        String v = quantity(body.get("received"), "received");
        if (v == null) {
          next.putNull("received");
        } else {
          next.put("received", v);
        }
      }
      if (body.has("cost")) {
        next.put("cost", decimal(body.get("cost"), "cost").toPlainString());
      }
      if (body.has("is_included")) {
        next.put("is_included", body.get("is_included").asBoolean());
      }
      bump(s.consignmentProduct, q, next);
      if (body.hasNonNull("received") && c.path("status").asText().equals("SENT")) {
        ObjectNode nc = c.deepCopy();
        nc.put("status", "DISPATCHED");
        bump(s.consignment, k, nc);
      }
      return next;
    }
  }

  // ------------------------------------------------------------------ sales

  /** A new line item of a sale being created. */
  public record NewLine(long product, long quantity, BigDecimal price) {}

  /** {@code POST /api/register_sales} (API 0.9 body): creates a sale, or updates the one with the given {@code id}. */
  public ObjectNode registerSale(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad("The request body must be a JSON object");
    }
    synchronized (s) {
      long r = resolveLive(s.register, body.path("register_id").asText(""), "register_id");
      String status = body.path("status").asText("");
      if (!XStore.SALE_STATUSES.contains(status)) {
        throw bad("status must be one of " + XStore.SALE_STATUSES + ": '" + status + "'");
      }
      String customerId = null;
      if (body.hasNonNull("customer_id") && !body.get("customer_id").asText().isEmpty()) {
        resolveLive(s.customer, body.get("customer_id").asText(), "customer_id");
        customerId = body.get("customer_id").asText();
      }
      JsonNode products = body.path("register_sale_products");
      if (!products.isArray() || products.isEmpty()) {
        throw bad("register_sale_products must be a non-empty array of {product_id, quantity, price, tax}");
      }
      List<NewLine> lines = new ArrayList<>();
      for (JsonNode l : products) {
        long p = resolveLive(s.product, l.path("product_id").asText(""), "register_sale_products product_id");
        long qty = whole(l.get("quantity"), "quantity");
        BigDecimal price = l.hasNonNull("price") ? decimal(l.get("price"), "price")
            : s.product.get(p).path("price_excluding_tax").decimalValue();
        lines.add(new NewLine(p, qty, price));
      }
      List<BigDecimal> payments = new ArrayList<>();
      for (JsonNode pay : body.path("register_sale_payments")) {
        BigDecimal a = decimal(pay.get("amount"), "amount");
        if (a == null) {
          throw bad("register_sale_payments amount is required");
        }
        payments.add(a);
      }
      long existing = -1;
      if (body.hasNonNull("id")) {
        existing = s.ids.ordinal(XStore.T_SALES, body.get("id").asText());
        if (existing < 1 || s.sale.get(existing) == null) {
          throw new ApiException(404, "No sale with id " + body.get("id").asText() + " to update (leave id out to create one)");
        }
      }
      return writeSale(existing, r, customerId, status, lines, payments, body.path("note").asText(""));
    }
  }

  /** Creates (existing &lt; 1) or replaces a sale and moves stock by the status change. */
  public ObjectNode writeSale(long existing, long r, String customerId, String status, List<NewLine> lines,
      List<BigDecimal> payments, String note) {
    synchronized (s) {
      long o = s.registerOutlet(r);
      ObjectNode old = existing >= 1 ? s.sale.get(existing) : null;
      if (old != null && old.path("status").asText().equals("VOIDED")) {
        throw bad("A VOIDED sale cannot be changed");
      }
      long k = old != null ? existing : s.sale.allocateOrdinal();
      if (old != null && XStore.takesStock(old.path("status").asText())) {
        long oo = s.ids.ordinal(XStore.T_OUTLETS, old.path("outlet_id").asText());
        for (JsonNode li : old.path("line_items")) {
          adjustInventory(s.ids.ordinal(XStore.T_PRODUCTS, li.path("product_id").asText()), oo,
              li.path("quantity").asLong());
        }
      }
      ArrayNode items = Json.arr();
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal tax = BigDecimal.ZERO;
      int j = 0;
      for (NewLine l : lines) {
        ObjectNode li = XStore.lineItem(java.util.UUID.nameUUIDFromBytes((s.id(XStore.T_SALES, k) + "/" + s.nextVersion())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), s.id(XStore.T_PRODUCTS, l.product()),
            l.quantity(), l.price(), j++);
        if (status.equals("VOIDED")) {
          li.put("status", "VOIDED");
        }
        items.add(li);
        total = total.add(li.get("price_total").decimalValue());
        tax = tax.add(li.get("tax_total").decimalValue());
      }
      long now = clock.now().getEpochSecond();
      long created = old != null ? java.time.OffsetDateTime.parse(old.path("created_at").asText()).toEpochSecond() : now;
      ObjectNode n = s.saleNode(k, s.id(XStore.T_SALES, k), o, r, customerId, status, created, now, items, total, tax,
          s.nextVersion());
      n.put("note", note);
      ArrayNode pays = n.putArray("payments");
      int i = 0;
      if (!status.equals("VOIDED")) {
        for (BigDecimal a : payments) {
          pays.add(s.payment(java.util.UUID.nameUUIDFromBytes((n.path("id").asText() + "/pay/" + i++)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), r, "Cash", 1, a, now));
        }
      }
      if (XStore.takesStock(status)) {
        for (NewLine l : lines) {
          adjustInventory(l.product(), o, -l.quantity());
        }
      }
      s.sale.put(k, n);
      return n;
    }
  }

  /** Changes a sale's status (stock moves accordingly: VOIDED returns it). */
  public ObjectNode setSaleStatus(long k, String status) {
    if (!XStore.SALE_STATUSES.contains(status)) {
      throw bad("status must be one of " + XStore.SALE_STATUSES);
    }
    synchronized (s) {
      ObjectNode cur = s.sale.get(k);
      if (cur == null) {
        throw new ApiException(404, "No sale " + k);
      }
      String from = cur.path("status").asText();
      if (from.equals("VOIDED")) {
        throw bad("A VOIDED sale cannot be changed");
      }
      long o = s.ids.ordinal(XStore.T_OUTLETS, cur.path("outlet_id").asText());
      int sign = (XStore.takesStock(status) ? 1 : 0) - (XStore.takesStock(from) ? 1 : 0);
      if (sign != 0) {
        for (JsonNode li : cur.path("line_items")) {
          adjustInventory(s.ids.ordinal(XStore.T_PRODUCTS, li.path("product_id").asText()), o,
              -sign * li.path("quantity").asLong());
        }
      }
      ObjectNode next = cur.deepCopy();
      next.put("status", status);
      if (status.equals("VOIDED")) {
        next.putArray("payments");
        for (JsonNode li : next.path("line_items")) {
          ((ObjectNode) li).put("status", "VOIDED");
        }
      }
      return bump(s.sale, k, next);
    }
  }
}
