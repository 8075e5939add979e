package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TimeSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The X-Series (Vend API 2.0) data set: every record a pure function of (seed, ordinal), changes
 * in overlays, one global {@code version} counter. Mutations are serialised on the store.
 */
public final class XStore {
  public static final List<String> SALE_STATUSES = List.of("SAVED", "CLOSED", "ONACCOUNT", "ONACCOUNT_CLOSED", "LAYBY",
      "LAYBY_CLOSED", "AWAITING_DISPATCH", "AWAITING_PICKUP", "DISPATCHED_CLOSED", "PICKED_UP_CLOSED", "VOIDED",
      "SERVICE", "SERVICE_CLOSED");
  public static final List<String> CONSIGNMENT_STATUSES = List.of("OPEN", "SENT", "DISPATCHED", "RECEIVED", "CANCELLED");
  public static final List<String> TIME_ZONES = List.of("Pacific/Auckland", "Australia/Sydney", "Europe/London",
      "America/New_York");
  static final BigDecimal TAX_RATE = new BigDecimal("0.15");

  public static final int T_OUTLETS = 0;
  public static final int T_REGISTERS = 1;
  public static final int T_PRODUCTS = 2;
  public static final int T_INVENTORY = 3;
  public static final int T_SALES = 4;
  public static final int T_CUSTOMERS = 5;
  public static final int T_SUPPLIERS = 6;
  public static final int T_CONSIGNMENTS = 7;
  public static final int T_CONSIGNMENT_PRODUCTS = 8;
  static final int T_LINE_ITEMS = 9;
  static final int T_USERS = 10;
  static final int T_PAYMENTS = 11;
  static final int T_MISC = 12;
  static final int T_RETAILER = 13;

  private final long seed;
  private final long epoch;
  private final TimeSource clock;
  public final XIds ids;
  public final String domainPrefix;
  public final int outlets;
  public final int registersPerOutlet;
  public final long products;
  public final long customers;
  public final int suppliers;
  public final long sales;
  public final long consignments;
  private final long productStep;
  private final long saleStep;
  private final long customerStep;
  private final long consignmentStep;
  public final XTable outlet;
  public final XTable register;
  public final XTable product;
  public final XTable inventory;
  public final XTable sale;
  public final XTable customer;
  public final XTable supplier;
  public final XTable consignment;
  public final XTable consignmentProduct;
  private final XTable[] tables;
  private final AtomicLong version;
  /** Consignment ordinal -> the ordinals of its consignment products added through writes. */
  private final Map<Long, List<Long>> addedLines = new ConcurrentHashMap<>();

  public XStore(TestkitConfig c) {
    this.seed = c.seed();
    this.epoch = c.dataEpoch().getEpochSecond();
    this.clock = c.timeSource();
    this.ids = new XIds(seed, XTable.TABLES);
    this.domainPrefix = c.xseriesDomainPrefix();
    this.outlets = c.xseriesOutlets();
    this.registersPerOutlet = c.xseriesRegistersPerOutlet();
    this.products = c.xseriesProducts();
    this.customers = c.xseriesCustomers();
    this.suppliers = c.xseriesSuppliers();
    this.sales = c.xseriesSales();
    this.consignments = c.xseriesConsignments();
    this.productStep = Times.step(products + 1, 60);
    this.saleStep = Times.step(sales + 1, 600);
    this.customerStep = Times.step(customers + 1, 3600);
    this.consignmentStep = Times.step(consignments + 1, 86400);
    this.outlet = new XTable("outlets", T_OUTLETS, outlets, seed, this::genOutlet);
    this.register = new XTable("registers", T_REGISTERS, (long) outlets * registersPerOutlet, seed, this::genRegister);
    this.product = new XTable("products", T_PRODUCTS, products, seed, this::genProduct);
    this.inventory = new XTable("inventory", T_INVENTORY, products * outlets, seed, this::genInventory);
    this.sale = new XTable("sales", T_SALES, sales, seed, this::genSale);
    this.customer = new XTable("customers", T_CUSTOMERS, customers, seed, this::genCustomer);
    this.supplier = new XTable("suppliers", T_SUPPLIERS, suppliers, seed, this::genSupplier);
    this.consignment = new XTable("consignments", T_CONSIGNMENTS, consignments, seed, this::genConsignment);
    this.consignmentProduct = new XTable("consignment_products", T_CONSIGNMENT_PRODUCTS, consignments * 4, seed,
        this::genConsignmentProduct);
    this.tables = new XTable[] {outlet, register, product, inventory, sale, customer, supplier, consignment,
        consignmentProduct};
    long max = 0;
    for (XTable t : tables) {
      max = Math.max(max, t.maxGeneratedVersion());
    }
    this.version = new AtomicLong(max + XTable.TABLES);
  }

  /** The table of an API resource name, or null. */
  public XTable table(String resource) {
    for (XTable t : tables) {
      if (t.name.equals(resource)) {
        return t;
      }
    }
    return null;
  }

  public List<String> resources() {
    return List.of("outlets", "registers", "products", "inventory", "sales", "customers", "suppliers", "consignments",
        "consignment_products");
  }

  /** The highest version handed out so far. */
  public long currentVersion() {
    return version.get();
  }

  public long nextVersion() {
    return version.incrementAndGet();
  }

  public String now() {
    return Times.format(clock.now().getEpochSecond());
  }

  private int below(String stream, long i, int salt, int bound) {
    return Hashing.below(seed, stream, i, salt, bound);
  }

  public String id(int table, long ordinal) {
    return ids.id(table, ordinal);
  }

  private static String ts(long s) {
    return Times.format(s);
  }

  // ------------------------------------------------------------------ retailer, outlets, registers

  public ObjectNode retailer() {
    ObjectNode n = Json.obj();
    n.put("id", id(T_RETAILER, 1));
    n.put("name", "Testkit Store");
    n.put("domain_prefix", domainPrefix);
    n.put("timezone", TIME_ZONES.get(0));
    n.put("currency", "NZD");
    n.put("currency_symbol", "$");
    n.put("tax_exclusive", false);
    n.put("enable_loyalty", true);
    n.put("loyalty_ratio", 0.01);
    return n;
  }

  private ObjectNode genOutlet(long i) {
    ObjectNode n = Json.obj();
    n.put("id", id(T_OUTLETS, i));
    n.put("name", i == 1 ? "Main Street" : i == 2 ? "main street" : "Outlet " + i);
    n.put("time_zone", TIME_ZONES.get((int) ((i - 1) % TIME_ZONES.size())));
    n.put("currency", "NZD");
    n.put("currency_symbol", "$");
    n.put("display_prices", i % 2 == 0 ? "exclusive" : "inclusive");
    n.put("physical_address_1", i + " Queen Street");
    n.putNull("physical_address_2");
    n.put("physical_suburb", "Central");
    n.put("physical_city", "Auckland");
    n.put("physical_postcode", "1010");
    n.putNull("physical_state");
    n.put("physical_country_id", "NZ");
    n.put("email", "outlet" + i + "@store.example");
    n.set("attributes", Json.arr());
    n.putNull("deleted_at");
    n.put("version", outlet.generatedVersion(i));
    return n;
  }

  public long registerOutlet(long r) {
    return (r - 1) / registersPerOutlet + 1;
  }

  private ObjectNode genRegister(long i) {
    ObjectNode n = Json.obj();
    n.put("id", id(T_REGISTERS, i));
    n.put("name", "Register " + i);
    n.put("outlet_id", id(T_OUTLETS, registerOutlet(i)));
    n.put("is_open", true);
    n.put("invoice_prefix", "R" + i + "-");
    n.put("invoice_suffix", "");
    n.put("invoice_sequence", 1000 + i);
    n.putNull("deleted_at");
    n.put("version", register.generatedVersion(i));
    return n;
  }

  // ------------------------------------------------------------------ products

  /** Position of a product in its block of 10: 0 standalone, 1 family parent, 2-3 variants, 4 composite, 9 service. */
  public int position(long p) {
    return (int) ((p - 1) % 10);
  }

  private long blockBase(long p) {
    return p - position(p);
  }

  public boolean familyComplete(long p) {
    return blockBase(p) + 3 <= products;
  }

  public boolean generatedComposite(long p) {
    return p <= products && position(p) == 4 && blockBase(p) + 5 <= products;
  }

  /** Generated deleted products: about a third of positions 6..8 (never components or family members). */
  public boolean generatedDeleted(long p) {
    int pos = position(p);
    return p <= products && pos >= 6 && pos <= 8 && below("pdel", p, 0, 100) < 10;
  }

  public boolean generatedHasInventory(long p) {
    return p <= products && !generatedComposite(p) && position(p) != 9;
  }

  long priceCents(long p) {
    return 250 + below("pprice", p, 0, 20000);
  }

  private String productSku(long p) {
    int s = below("psku", p, 0, 100);
    return s < 2 ? "DUP-" + (p % 3) : s < 5 ? " SKU-" + p + " " : s < 7 ? "SKU " + p : "SKU-" + p;
  }

  private ObjectNode genProduct(long p) {
    ObjectNode n = Json.obj();
    int pos = position(p);
    long base = blockBase(p);
    boolean family = (pos == 1 || pos == 2 || pos == 3) && familyComplete(p);
    boolean composite = generatedComposite(p);
    String adj = RetailStore.ADJ[below("pname", base, 0, RetailStore.ADJ.length)];
    String noun = RetailStore.NOUN[below("pname", p, 1, RetailStore.NOUN.length)];
    long created = epoch + (p - 1) * productStep;
    long updated = created + below("pupd", p, 0, 86400 * 20);
    n.put("id", id(T_PRODUCTS, p));
    n.put("source", "USER");
    n.putNull("source_id");
    n.putNull("source_variant_id");
    if (family) {
      String familyName = adj + " Tee " + base;
      String size = "SML".substring(pos - 1, pos);
      if (pos == 1) {
        n.putNull("variant_parent_id");
      } else {
        n.put("variant_parent_id", id(T_PRODUCTS, base + 1));
      }
      n.put("name", familyName);
      n.put("variant_name", familyName + " / " + size);
      n.put("handle", "tee-" + base);
    } else if (pos == 9) {
      n.putNull("variant_parent_id");
      n.put("name", "Gift wrap " + p);
      n.put("variant_name", "Gift wrap " + p);
      n.put("handle", "gift-wrap-" + p);
    } else if (composite) {
      n.putNull("variant_parent_id");
      n.put("name", "Bundle " + p);
      n.put("variant_name", "Bundle " + p);
      n.put("handle", "bundle-" + p);
    } else {
      n.putNull("variant_parent_id");
      n.put("name", adj + " " + noun + " " + p);
      n.put("variant_name", adj + " " + noun + " " + p);
      n.put("handle", "product-" + p);
    }
    n.put("sku", productSku(p));
    n.put("description", below("pdesc", p, 0, 3) == 0 ? "" : "<p>" + n.get("name").asText() + "</p>");
    n.put("active", below("pact", p, 0, 50) != 0);
    n.put("has_inventory", generatedHasInventory(p));
    n.put("is_composite", composite);
    n.put("has_variants", family);
    n.put("variant_count", family ? 3 : 0);
    ArrayNode options = Json.arr();
    if (family) {
      ObjectNode o = options.addObject();
      o.put("id", id(T_MISC, 1));
      o.put("name", "Size");
      o.put("value", "SML".substring(pos - 1, pos));
    }
    n.set("variant_options", options);
    BigDecimal excl = BigDecimal.valueOf(priceCents(p), 2);
    n.put("price_excluding_tax", excl);
    n.put("price_including_tax", excl.multiply(BigDecimal.ONE.add(TAX_RATE)).setScale(2, RoundingMode.HALF_UP));
    n.put("supply_price", excl.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
    long sup = suppliers == 0 || below("psup", p, 0, 100) < 15 ? 0 : 1 + below("psup", p, 1, suppliers);
    if (sup == 0) {
      n.putNull("supplier_id");
      n.putNull("supplier_code");
      n.putNull("supplier");
      n.set("product_suppliers", Json.arr());
    } else {
      n.put("supplier_id", id(T_SUPPLIERS, sup));
      n.put("supplier_code", "SUP-" + p);
      ObjectNode s = n.putObject("supplier");
      s.put("id", id(T_SUPPLIERS, sup));
      s.put("name", supplierName(sup));
      ArrayNode ps = n.putArray("product_suppliers");
      ObjectNode e = ps.addObject();
      e.put("supplier_id", id(T_SUPPLIERS, sup));
      e.put("supplier_name", supplierName(sup));
      e.put("code", "SUP-" + p);
      e.put("price", excl.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
    }
    int type = below("ptype", p, 0, 4);
    n.put("product_type_id", id(T_MISC, 100 + type));
    ObjectNode t = n.putObject("type");
    t.put("id", id(T_MISC, 100 + type));
    t.put("name", List.of("Apparel", "Homeware", "Accessories", "Services").get(type));
    int brand = below("pbrand", p, 0, 5);
    if (brand == 0) {
      n.putNull("brand_id");
      n.putNull("brand");
    } else {
      n.put("brand_id", id(T_MISC, 200 + brand));
      ObjectNode b = n.putObject("brand");
      b.put("id", id(T_MISC, 200 + brand));
      b.put("name", "Brand " + brand);
    }
    n.set("tag_ids", Json.arr());
    n.set("categories", Json.arr());
    n.set("attributes", Json.arr());
    n.set("images", Json.arr());
    n.putNull("image_url");
    n.putNull("image_thumbnail_url");
    n.put("weight", below("pw", p, 0, 2000));
    n.put("weight_unit", "G");
    n.put("length", 0);
    n.put("width", 0);
    n.put("height", 0);
    n.put("dimensions_unit", "CM");
    n.putNull("loyalty_amount");
    if (composite) {
      ArrayNode comp = n.putArray("composite");
      ObjectNode a = comp.addObject();
      a.put("product_id", id(T_PRODUCTS, base));
      a.put("quantity", 2);
      ObjectNode b = comp.addObject();
      b.put("product_id", id(T_PRODUCTS, base + 5));
      b.put("quantity", 1);
    }
    n.put("created_at", ts(created));
    n.put("updated_at", ts(updated));
    if (generatedDeleted(p)) {
      n.put("deleted_at", ts(updated));
    } else {
      n.putNull("deleted_at");
    }
    n.put("version", product.generatedVersion(p));
    return n;
  }

  // ------------------------------------------------------------------ inventory

  public long inventoryOrdinal(long p, long o) {
    return (p - 1) * outlets + o;
  }

  private ObjectNode genInventory(long q) {
    long p = (q - 1) / outlets + 1;
    long o = (q - 1) % outlets + 1;
    if (!generatedHasInventory(p) || generatedDeleted(p)) {
      return null;
    }
    int r = below("inv", q, 0, 100);
    long level = r < 8 ? -1 - below("inv", q, 1, 10) : r < 18 ? 0 : below("inv", q, 2, 120);
    return inventoryNode(q, p, o, level, below("inv", q, 3, 3) * 5, 10, inventory.generatedVersion(q));
  }

  ObjectNode inventoryNode(long q, long p, long o, long level, long reorderPoint, long reorderAmount, long v) {
    ObjectNode n = Json.obj();
    n.put("id", id(T_INVENTORY, q));
    n.put("product_id", id(T_PRODUCTS, p));
    n.put("outlet_id", id(T_OUTLETS, o));
    n.put("inventory_level", level);
    n.put("current_amount", level);
    n.put("reorder_point", reorderPoint);
    n.put("reorder_amount", reorderAmount);
    n.put("average_cost", BigDecimal.valueOf(p <= products ? priceCents(p) : 100, 2).divide(BigDecimal.valueOf(2), 2,
        RoundingMode.HALF_UP));
    n.putNull("deleted_at");
    n.put("version", v);
    return n;
  }

  // ------------------------------------------------------------------ customers, suppliers

  private ObjectNode genCustomer(long c) {
    ObjectNode n = Json.obj();
    long created = epoch + (c - 1) * customerStep;
    String first = RetailStore.FIRST[below("cfirst", c, 0, RetailStore.FIRST.length)];
    String last = RetailStore.LAST[below("clast", c, 0, RetailStore.LAST.length)];
    n.put("id", id(T_CUSTOMERS, c));
    n.put("customer_code", "C-" + Times.pad(c, 6));
    n.put("name", first + " " + last);
    n.put("first_name", first);
    n.put("last_name", last);
    n.put("email", below("cmail", c, 0, 10) == 0 ? null : "customer" + c + "@mail.example");
    n.put("phone", below("cphone", c, 0, 3) == 0 ? null : "+64 9 555 " + Times.pad(c % 10000, 4));
    n.putNull("mobile");
    n.putNull("company_name");
    n.put("customer_group_id", id(T_MISC, 300));
    n.put("note", "");
    n.put("enable_loyalty", c % 2 == 0);
    n.put("loyalty_balance", BigDecimal.ZERO.setScale(2));
    n.put("year_to_date", BigDecimal.ZERO.setScale(2));
    n.put("balance", BigDecimal.ZERO.setScale(2));
    n.put("created_at", ts(created));
    n.put("updated_at", ts(created + below("cupd", c, 0, 86400 * 30)));
    if (below("cdel", c, 0, 100) < 4) {
      n.put("deleted_at", ts(created + 86400 * 31));
    } else {
      n.putNull("deleted_at");
    }
    n.put("version", customer.generatedVersion(c));
    return n;
  }

  public String supplierName(long s) {
    return s == 2 ? "ACME supplies" : s == 3 ? "Acme Supplies" : "Supplier " + s;
  }

  private ObjectNode genSupplier(long s) {
    ObjectNode n = Json.obj();
    n.put("id", id(T_SUPPLIERS, s));
    n.put("name", supplierName(s));
    n.put("description", s % 2 == 0 ? "" : "Wholesale");
    n.put("source", "USER");
    n.put("default_markup", 100);
    ObjectNode contact = n.putObject("contact");
    contact.put("first_name", "Pat");
    contact.put("last_name", "Buyer" + s);
    contact.put("email", "orders@supplier" + s + ".example");
    contact.putNull("phone");
    n.putNull("deleted_at");
    n.put("version", supplier.generatedVersion(s));
    return n;
  }

  // ------------------------------------------------------------------ sales

  public long saleOutlet(long s) {
    return 1 + below("soutlet", s, 0, outlets);
  }

  private int saleLines(long s) {
    return 1 + below("slines", s, 0, 3);
  }

  private ObjectNode genSale(long s) {
    if (products == 0) {
      return null;
    }
    String status = SALE_STATUSES.get((int) ((s - 1) % SALE_STATUSES.size()));
    long o = saleOutlet(s);
    long r = (o - 1) * registersPerOutlet + 1 + below("sreg", s, 0, registersPerOutlet);
    long created = epoch + 3600 + (s - 1) * saleStep;
    ArrayNode lines = Json.arr();
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    for (int j = 0; j < saleLines(s); j++) {
      long p = 1 + Hashing.below(seed, "sprod", s, j, (int) Math.min(products, Integer.MAX_VALUE));
      long qty = 1 + below("sqty", s, j, 3);
      BigDecimal price = BigDecimal.valueOf(priceCents(p), 2);
      ObjectNode li = lineItem(id(T_LINE_ITEMS, (s - 1) * 3 + j + 1), id(T_PRODUCTS, p), qty, price, j);
      lines.add(li);
      total = total.add(li.get("price_total").decimalValue());
      tax = tax.add(li.get("tax_total").decimalValue());
    }
    long customerOrd = customers == 0 || below("scust", s, 0, 10) < 3 ? 0 : 1 + below("scust", s, 1,
        (int) Math.min(customers, Integer.MAX_VALUE));
    return saleNode(s, id(T_SALES, s), o, r, customerOrd == 0 ? null : id(T_CUSTOMERS, customerOrd), status, created,
        created + below("supd", s, 0, 86400 * 3), lines, total, tax, sale.generatedVersion(s));
  }

  static ObjectNode lineItem(String id, String productId, long qty, BigDecimal price, int sequence) {
    ObjectNode li = Json.obj();
    BigDecimal q = BigDecimal.valueOf(qty);
    BigDecimal unitTax = price.multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP);
    BigDecimal cost = price.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    li.put("id", id);
    li.put("product_id", productId);
    li.put("quantity", qty);
    li.put("price", price);
    li.put("cost", cost);
    li.put("discount", BigDecimal.ZERO.setScale(2));
    li.put("tax", unitTax);
    li.putNull("tax_id");
    li.put("price_total", price.multiply(q));
    li.put("cost_total", cost.multiply(q));
    li.put("tax_total", unitTax.multiply(q));
    li.put("discount_total", BigDecimal.ZERO.setScale(2));
    li.put("loyalty_value", BigDecimal.ZERO.setScale(2));
    li.put("price_set", false);
    li.put("sequence", sequence);
    li.putNull("note");
    li.put("is_return", qty < 0);
    li.put("status", "CONFIRMED");
    li.set("tax_components", Json.arr());
    li.putNull("salesperson_id");
    return li;
  }

  /** How much of a sale in this status is paid: 2 in full, 1 half, 0 nothing. */
  static int paidShare(String status) {
    switch (status) {
      case "CLOSED": case "ONACCOUNT_CLOSED": case "LAYBY_CLOSED": case "AWAITING_DISPATCH": case "AWAITING_PICKUP":
      case "DISPATCHED_CLOSED": case "PICKED_UP_CLOSED": case "SERVICE_CLOSED":
        return 2;
      case "LAYBY": case "ONACCOUNT":
        return 1;
      default:
        return 0;
    }
  }

  /** Statuses whose goods have left the store's stock (the testkit's reading of the status table). */
  public static boolean takesStock(String status) {
    switch (status) {
      case "CLOSED": case "ONACCOUNT": case "ONACCOUNT_CLOSED": case "LAYBY_CLOSED": case "DISPATCHED_CLOSED":
      case "PICKED_UP_CLOSED": case "SERVICE_CLOSED":
        return true;
      default:
        return false;
    }
  }

  ObjectNode saleNode(long s, String id, long o, long r, String customerId, String status, long created, long updated,
      ArrayNode lines, BigDecimal total, BigDecimal tax, long v) {
    ObjectNode n = Json.obj();
    n.put("id", id);
    n.put("outlet_id", id(T_OUTLETS, o));
    n.put("register_id", id(T_REGISTERS, r));
    n.put("user_id", id(T_USERS, 1 + (s % 3)));
    if (customerId == null) {
      n.putNull("customer_id");
    } else {
      n.put("customer_id", customerId);
    }
    n.put("invoice_number", "R" + r + "-" + s);
    n.put("invoice_sequence", s);
    boolean ecom = status.startsWith("AWAITING") || status.equals("DISPATCHED_CLOSED") || status.equals("PICKED_UP_CLOSED");
    n.put("source", ecom ? "ECOMMERCE" : "USER");
    n.putNull("source_id");
    n.put("status", status);
    n.put("note", "");
    n.put("short_code", Long.toString(36L * 36 * 36 + s, 36));
    n.putNull("return_for");
    n.put("total_price", total);
    n.put("total_tax", tax);
    n.put("total_loyalty", BigDecimal.ZERO.setScale(2));
    n.put("sale_date", ts(created));
    n.put("created_at", ts(created));
    n.put("updated_at", ts(updated));
    n.putNull("deleted_at");
    n.put("version", v);
    ArrayNode taxes = n.putArray("taxes");
    ObjectNode tx = taxes.addObject();
    tx.put("id", id(T_MISC, 400));
    tx.put("amount", tax);
    n.set("line_items", lines);
    ArrayNode payments = n.putArray("payments");
    int share = paidShare(status);
    BigDecimal due = total.add(tax);
    if (share > 0 && due.signum() != 0) {
      BigDecimal amount = share == 2 ? due : due.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
      boolean split = share == 2 && s % 4 == 0 && amount.compareTo(BigDecimal.ONE) > 0;
      BigDecimal first = split ? amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN) : amount;
      payments.add(payment(id(T_PAYMENTS, s * 2 - 1), r, "Cash", 1, first, created));
      if (split) {
        payments.add(payment(id(T_PAYMENTS, s * 2), r, "Credit Card", 2, amount.subtract(first), created));
      }
    }
    n.set("adjustments", Json.arr());
    n.set("attributes", Json.arr());
    return n;
  }

  ObjectNode payment(String id, long r, String name, int type, BigDecimal amount, long at) {
    ObjectNode p = Json.obj();
    p.put("id", id);
    p.put("register_id", id(T_REGISTERS, r));
    p.put("retailer_payment_type_id", id(T_MISC, 500 + type));
    p.put("payment_type_id", Integer.toString(type));
    p.put("name", name);
    p.put("amount", amount);
    p.put("payment_date", ts(at));
    p.putNull("deleted_at");
    return p;
  }

  // ------------------------------------------------------------------ consignments

  public long consignmentOutlet(long k) {
    return 1 + below("koutlet", k, 0, outlets);
  }

  public int consignmentLines(long k) {
    return products < 10 ? 0 : 1 + below("klines", k, 0, 4);
  }

  private ObjectNode genConsignment(long k) {
    String status = CONSIGNMENT_STATUSES.get((int) ((k - 1) % CONSIGNMENT_STATUSES.size()));
    long created = epoch + 7200 + (k - 1) * consignmentStep;
    ObjectNode n = Json.obj();
    n.put("id", id(T_CONSIGNMENTS, k));
    n.put("outlet_id", id(T_OUTLETS, consignmentOutlet(k)));
    n.putNull("source_outlet_id");
    if (suppliers == 0) {
      n.putNull("supplier_id");
    } else {
      n.put("supplier_id", id(T_SUPPLIERS, 1 + below("ksup", k, 0, suppliers)));
    }
    n.put("name", "Order note " + k);
    n.put("type", "SUPPLIER");
    n.put("status", status);
    n.put("consignment_date", ts(created));
    n.put("due_at", ts(created + 7 * 86400));
    if (status.equals("RECEIVED")) {
      n.put("received_at", ts(created + 6 * 86400));
    } else {
      n.putNull("received_at");
    }
    n.put("supplier_invoice", status.equals("RECEIVED") ? "INV-" + k : "");
    n.put("reference", "PO-" + Times.pad(k, 5));
    n.put("created_at", ts(created));
    n.put("updated_at", ts(created + (status.equals("RECEIVED") ? 6 * 86400 : 3600)));
    n.putNull("deleted_at");
    n.put("version", consignment.generatedVersion(k));
    return n;
  }

  private ObjectNode genConsignmentProduct(long q) {
    long k = (q - 1) / 4 + 1;
    int j = (int) ((q - 1) % 4);
    if (j >= consignmentLines(k)) {
      return null;
    }
    long blocks = products / 10;
    long p = 10 * Hashing.below(seed, "kprod", k, j, (int) Math.min(blocks, Integer.MAX_VALUE)) + 1 + j % 2 * 5;
    String status = CONSIGNMENT_STATUSES.get((int) ((k - 1) % CONSIGNMENT_STATUSES.size()));
    long count = 2 + below("kcount", q, 0, 20);
    String received;
    switch (status) {
      case "DISPATCHED":
        received = Long.toString(count - below("krec", q, 0, 2));
        break;
      case "RECEIVED":
        received = Long.toString(j == 1 ? count - 1 : count);
        break;
      default:
        received = null;
    }
    long created = epoch + 7200 + (k - 1) * consignmentStep;
    return consignmentProductNode(q, k, p, Long.toString(count), received,
        BigDecimal.valueOf(priceCents(p), 2).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP).toPlainString(),
        status.equals("RECEIVED") ? "SUCCESS" : "PENDING", ts(created), consignmentProduct.generatedVersion(q));
  }

  ObjectNode consignmentProductNode(long q, long k, long p, String count, String received, String cost, String status,
      String created, long v) {
    ObjectNode n = Json.obj();
    n.put("_o", q);
    n.put("consignment_id", id(T_CONSIGNMENTS, k));
    n.put("product_id", id(T_PRODUCTS, p));
    ObjectNode prod = product.get(p);
    n.put("product_sku", prod == null ? "" : prod.path("sku").asText());
    n.put("count", count);
    if (received == null) {
      n.putNull("received");
    } else {
      n.put("received", received);
    }
    n.put("cost", cost);
    n.put("is_included", true);
    n.put("status", status);
    n.put("created_at", created);
    n.put("updated_at", created);
    n.putNull("deleted_at");
    n.put("version", v);
    return n;
  }

  /** Ordinals of the consignment products of a consignment (generated, then added). */
  public List<Long> consignmentProductOrdinals(long k) {
    List<Long> out = new java.util.ArrayList<>();
    if (k >= 1 && k <= consignments) {
      for (int j = 0; j < 4; j++) {
        long q = (k - 1) * 4 + j + 1;
        if (consignmentProduct.get(q) != null) {
          out.add(q);
        }
      }
    }
    out.addAll(addedLines.getOrDefault(k, List.of()));
    return out;
  }

  void addedLine(long k, long q) {
    addedLines.computeIfAbsent(k, x -> new CopyOnWriteArrayList<>()).add(q);
  }
}
