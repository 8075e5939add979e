package dev.lightspeedsync.testkit.internal;

import dev.lightspeedsync.testkit.TestkitConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The R-Series data set: generated tables (pure functions of seed and id) with write overlays,
 * relations, and the state changes that writes and mutations make. Writes are serialised on this
 * object; reads run concurrently.
 */
public final class RetailStore {
  public static final String[] PRICE_TYPES = {"Default", "MSRP", "Online"};
  static final String[] ADJ = {"Red", "Blue", "Large", "Small", "Organic", "Classic", "Deluxe", "Mini", "Vintage", "Eco"};
  static final String[] NOUN = {"Shirt", "Mug", "Bottle", "Candle", "Notebook", "Cap", "Scarf", "Lamp", "Bag", "Sock"};
  static final String[] FIRST = {"Ada", "Bram", "Chloe", "Daan", "Emma", "Finn", "Gwen", "Hugo", "Iris", "Jules"};
  static final String[] LAST = {"Jansen", "de Vries", "Smith", "O'Brien", "Müller", "Peeters", "Dubois", "Rossi"};

  /** Relation of a resource. */
  public record Rel(String name, boolean toMany, String elementKey, String target, Function<Rec, List<Rec>> loader) {}

  /** An R-Series resource: its table and what the API allows on it. */
  public static final class Resource {
    public final String name;
    public final RTable table;
    public final boolean endpoint;
    public final List<String> sortable;
    public final boolean archivable;
    public final Map<String, Rel> rels = new LinkedHashMap<>();
    /** Documented relation names -> to-many flag; those without a loader are accepted but omitted. */
    public final Map<String, Boolean> documentedRels = new LinkedHashMap<>();

    Resource(String name, RTable table, boolean endpoint, boolean archivable, List<String> sortable) {
      this.name = name;
      this.table = table;
      this.endpoint = endpoint;
      this.archivable = archivable;
      this.sortable = sortable;
    }

    Resource rel(Rel rel) {
      rels.put(rel.name(), rel);
      documentedRels.put(rel.name(), rel.toMany());
      return this;
    }

    Resource documented(boolean toMany, String... names) {
      for (String n : names) {
        documentedRels.put(n, toMany);
      }
      return this;
    }
  }

  private final long seed;
  private final long epoch;
  private final long itemStep;
  private final long saleStep;
  private final long orderStep;
  private final long customerStep;
  private final long countStep;
  public final int shops;
  public final long items;
  private final int vendors;
  private final long customers;
  private final int employees;
  public final long sales;
  public final long orders;
  public final long accountId;
  public final Map<String, Resource> resources = new LinkedHashMap<>();
  /** Most generated purchase orders whose open quantities are folded into ItemShop.backorder. */
  public static final long BACKORDER_ORDERS_LIMIT = 100_000;
  /** Generated backorder per (itemID * (shops + 1) + shopID), from generated open purchase orders. */
  private final Map<Long, Long> generatedBackorder = new java.util.HashMap<>();

  public final RTable item;
  public final RTable itemShop;
  public final RTable itemComponent;
  public final RTable itemVendorNum;
  public final RTable shop;
  public final RTable register;
  public final RTable priceLevel;
  public final RTable vendor;
  public final RTable employee;
  public final RTable customer;
  public final RTable sale;
  public final RTable saleLine;
  public final RTable salePayment;
  public final RTable order;
  public final RTable orderLine;
  public final RTable inventoryCount;
  public final RTable inventoryCountItem;
  public final RTable paymentType;

  public RetailStore(TestkitConfig c) {
    this.seed = c.seed();
    this.epoch = c.dataEpoch().getEpochSecond();
    this.shops = c.shops();
    this.items = c.items();
    this.vendors = c.vendors();
    this.customers = c.customers();
    this.employees = c.employees();
    this.sales = c.sales();
    this.orders = c.orders();
    this.accountId = c.accountId();
    this.itemStep = Times.step(items / 2 + 1, 30);
    this.saleStep = Times.step(sales + 1, 90);
    this.orderStep = Times.step(orders + 2, 3600);
    this.customerStep = Times.step(customers + 1, 120);
    this.countStep = Times.step(c.inventoryCounts() + 1, 86400);
    int slots = shops + 1;

    item = new RTable("Item", "itemID", "timeStamp", items, this::genItem, this::itemTs);
    itemShop = new RTable("ItemShop", "itemShopID", "timeStamp", items * slots, this::genItemShop,
        id -> itemTs((id - 1) / slots + 1), "itemID");
    itemComponent = new RTable("ItemComponent", "itemComponentID", null, items * 2, this::genItemComponent, null,
        "assemblyItemID");
    itemVendorNum = new RTable("ItemVendorNum", "itemVendorNumID", "timeStamp", items, this::genItemVendorNum,
        this::itemTs, "itemID");
    shop = new RTable("Shop", "shopID", "timeStamp", shops, this::genShop, id -> epoch + id);
    register = new RTable("Register", "registerID", null, shops, this::genRegister, null, "shopID");
    priceLevel = new RTable("PriceLevel", "priceLevelID", null, 3, this::genPriceLevel, null);
    vendor = new RTable("Vendor", "vendorID", "timeStamp", vendors, this::genVendor, id -> epoch + id * 60);
    employee = new RTable("Employee", "employeeID", "timeStamp", employees, this::genEmployee, id -> epoch + id * 60);
    customer = new RTable("Customer", "customerID", "timeStamp", customers, this::genCustomer, this::customerTs);
    sale = new RTable("Sale", "saleID", "timeStamp", sales, this::genSale, this::saleTs);
    saleLine = new RTable("SaleLine", "saleLineID", "timeStamp", sales * 3, this::genSaleLine,
        id -> saleTs((id - 1) / 3 + 1), "saleID");
    salePayment = new RTable("SalePayment", "salePaymentID", null, sales * 2, this::genSalePayment, null, "saleID");
    order = new RTable("Order", "orderID", "timeStamp", orders, this::genOrder, this::orderTs);
    orderLine = new RTable("OrderLine", "orderLineID", "timeStamp", orders * 4, this::genOrderLine,
        id -> orderTs((id - 1) / 4 + 1), "orderID");
    inventoryCount = new RTable("InventoryCount", "inventoryCountID", "timeStamp", c.inventoryCounts(),
        this::genInventoryCount, id -> epoch + id * countStep);
    inventoryCountItem = new RTable("InventoryCountItem", "inventoryCountItemID", "timeStamp", 0, id -> null, id -> 0,
        "inventoryCountID");

    paymentType = new RTable("PaymentType", "paymentTypeID", null, PAYMENT_TYPES.length, this::genPaymentType, null);

    Rel contact = new Rel("Contact", false, null, "Contact", r -> List.of(contactFor(r)));
    res(item, true, true, "itemID", "timeStamp", "description")
        .rel(new Rel("ItemShops", true, "ItemShop", "ItemShop", this::itemShopsOf))
        .rel(new Rel("ItemComponents", true, "ItemComponent", "ItemComponent", this::componentsOf))
        .rel(new Rel("ItemVendorNums", true, "ItemVendorNum", "ItemVendorNum", this::vendorNumsOf))
        .documented(false, "Category", "TaxClass", "Manufacturer", "Note", "ItemECommerce")
        .documented(true, "ItemAttributes", "ItemAttributes.ItemAttributeSet", "Images", "TagRelations",
            "TagRelations.Tag", "CustomFieldValues", "CustomFieldValues.value", "ItemPrices");
    res(itemShop, true, false, "itemShopID", "timeStamp")
        .rel(new Rel("Item", false, null, "Item", r -> one(item, r.getLong("itemID"))))
        .rel(new Rel("Shop", false, null, "Shop", r -> one(shop, r.getLong("shopID"))));
    res(itemComponent, false, false, "itemComponentID");
    res(itemVendorNum, false, false, "itemVendorNumID");
    res(shop, true, true, "shopID")
        .rel(contact)
        .rel(new Rel("Registers", true, "Register", "Register", r -> register.children(r.id, r.id, "shopID", r.id)))
        .rel(new Rel("PriceLevel", false, null, "PriceLevel", r -> one(priceLevel, r.getLong("priceLevelID"))))
        .documented(false, "ReceiptSetup", "TaxCategory", "CCGateway").documented(true, "ShelfLocations");
    res(register, true, true, "registerID");
    res(priceLevel, true, true, "priceLevelID");
    res(vendor, true, true, "vendorID", "timeStamp", "name").rel(contact).documented(true, "Reps");
    res(employee, true, true, "employeeID", "timeStamp").rel(contact)
        .documented(false, "EmployeeRole").documented(true, "EmployeeRole.EmployeeRights", "EmployeeRights");
    res(customer, true, true, "customerID", "timeStamp", "firstName", "lastName").rel(contact)
        .documented(false, "CustomerType", "Discount", "Note", "TaxCategory", "CreditAccount")
        .documented(true, "Tags", "CustomFieldValues");
    res(sale, true, true, "saleID", "timeStamp", "completeTime", "updatetime")
        .rel(new Rel("SaleLines", true, "SaleLine", "SaleLine", this::linesOf))
        .rel(new Rel("SalePayments", true, "SalePayment", "SalePayment", this::paymentsOf))
        .rel(new Rel("Customer", false, null, "Customer", r -> one(customer, r.getLong("customerID"))))
        .documented(false, "ShipTo", "Discount", "TaxCategory", "Quote").documented(true, "SaleNotes");
    res(saleLine, true, false, "saleLineID", "timeStamp", "saleID")
        .rel(new Rel("Item", false, null, "Item", r -> one(item, r.getLong("itemID"))))
        .documented(false, "Discount", "TaxClass", "TaxCategory", "Note").documented(true, "InventorySales");
    res(salePayment, false, false, "salePaymentID").documented(false, "PaymentType", "CCCharge")
        .documented(true, "SaleAccounts", "Signatures");
    res(order, true, true, "orderID", "timeStamp")
        .rel(new Rel("OrderLines", true, "OrderLine", "OrderLine", this::orderLinesOf))
        .rel(new Rel("Vendor", false, null, "Vendor", r -> one(vendor, r.getLong("vendorID"))))
        .rel(new Rel("Shop", false, null, "Shop", r -> one(shop, r.getLong("shopID"))))
        .documented(false, "Note").documented(true, "CustomFieldValues");
    res(orderLine, true, false, "orderLineID", "timeStamp", "orderID")
        .rel(new Rel("Item", false, null, "Item", r -> one(item, r.getLong("itemID"))));
    res(inventoryCount, true, true, "inventoryCountID")
        .rel(new Rel("InventoryCountItems", true, "InventoryCountItem", "InventoryCountItem",
            r -> inventoryCountItem.children(1, 0, "inventoryCountID", r.id)));
    res(inventoryCountItem, true, false, "inventoryCountItemID");
    res(paymentType, true, true, "paymentTypeID");
    if (orders <= BACKORDER_ORDERS_LIMIT) {
      for (long o = 1; o <= orders; o++) {
        if (!countsAsBackorder(orderState(o))) {
          continue;
        }
        Rec order = genOrder(o);
        long shopId = order.getLong("shopID");
        for (long lineId = (o - 1) * 4 + 1; lineId <= o * 4; lineId++) {
          Rec line = genOrderLine(lineId);
          if (line != null) {
            long open = line.getLong("quantity") - line.getLong("checkedIn");
            generatedBackorder.merge(line.getLong("itemID") * (shops + 1) + shopId, open, Long::sum);
            generatedBackorder.merge(line.getLong("itemID") * (shops + 1), open, Long::sum);
          }
        }
      }
    }
    resources.get("ItemComponent").rels.put("ComponentItem",
        new Rel("ComponentItem", false, null, "Item", r -> one(item, r.getLong("componentItemID"))));
  }

  private Resource res(RTable t, boolean endpoint, boolean archivable, String... sortable) {
    Resource r = new Resource(t.name, t, endpoint, archivable, List.of(sortable));
    resources.put(t.name, r);
    return r;
  }

  private static List<Rec> one(RTable t, long id) {
    if (id == 0) {
      return List.of();
    }
    Rec r = t.get(id);
    return r == null ? List.of() : List.of(r);
  }

  // ---------------------------------------------------------------- generation helpers

  private int below(String stream, long i, int salt, int bound) {
    return Hashing.below(seed, stream, i, salt, bound);
  }

  static String ts(long epochSecond) {
    return Times.format(epochSecond);
  }

  static String b(boolean v) {
    return v ? "true" : "false";
  }

  public long itemTs(long i) {
    return epoch + ((i - 1) / 2) * itemStep;
  }

  public long saleTs(long i) {
    return epoch + 3600 + (i - 1) * saleStep;
  }

  public long customerTs(long i) {
    return epoch + i * customerStep;
  }

  public long orderTs(long i) {
    return epoch + 7200 + (i - 1) * orderStep;
  }

  /** Default price in cents of a generated item. */
  long priceCents(long i) {
    return 100 + below("price", i, 0, 20000);
  }

  String itemType(long i) {
    int r = below("itemType", i, 0, 100);
    if (r < 5) {
      return "non_inventory";
    }
    if (r < 8) {
      return "assembly";
    }
    if (r < 11) {
      return "box";
    }
    return "default";
  }

  long vendorOf(long i) {
    if (vendors == 0 || below("vendor", i, 0, 100) < 12) {
      return 0;
    }
    return 1 + below("vendor", i, 1, vendors);
  }

  private Rec genItem(long i) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    long t = itemTs(i);
    long price = priceCents(i);
    String type = itemType(i);
    f.put("itemID", Long.toString(i));
    f.put("systemSku", Long.toString(210000000000L + i));
    f.put("defaultCost", Money.fmt(Money.cents(price / 2)));
    f.put("avgCost", Money.fmt(Money.cents(price / 2)));
    f.put("discountable", "true");
    f.put("tax", b(!"non_inventory".equals(type) || below("tax", i, 0, 2) == 0));
    f.put("archived", b(below("archived", i, 0, 100) < 3));
    f.put("itemType", type);
    f.put("serialized", b(below("serialized", i, 0, 100) < 2));
    f.put("description", ADJ[below("desc", i, 0, ADJ.length)] + " " + NOUN[below("desc", i, 1, NOUN.length)] + " " + i);
    f.put("modelYear", "0");
    int u = below("upc", i, 0, 100);
    f.put("upc", u < 10 ? "" : u < 14 ? "012345678905" : Times.pad(400000000000L + i, 12));
    int e = below("ean", i, 0, 100);
    f.put("ean", e < 30 ? "" : e < 33 ? "4006381333931" : Times.pad(2000000000000L + i, 13));
    int s = below("sku", i, 0, 100);
    f.put("customSku", s < 5 ? "" : s < 10 ? "DUP-" + (i % 7) : s < 13 ? "SKU " + i + " " : "SKU-" + i);
    f.put("manufacturerSku", below("msku", i, 0, 3) == 0 ? "" : "MFR-" + (i * 7 % 100000));
    f.put("publishToEcom", b(below("ecom", i, 0, 2) == 0));
    f.put("categoryID", Long.toString(below("cat", i, 0, 11)));
    f.put("taxClassID", "1");
    f.put("departmentID", "0");
    f.put("itemMatrixID", "0");
    f.put("manufacturerID", Long.toString(below("mfr", i, 0, 6)));
    f.put("seasonID", "0");
    f.put("defaultVendorID", Long.toString(vendorOf(i)));
    f.put("createTime", ts(t));
    f.put("timeStamp", ts(t));
    f.put("_price.Default", Money.fmt(Money.cents(price)));
    f.put("_price.MSRP", Money.fmt(Money.cents(price * 6 / 5)));
    f.put("_price.Online", Money.fmt(Money.cents(price * 19 / 20)));
    return new Rec(i, t, f);
  }

  long generatedQoh(long item, int shopId) {
    if ("non_inventory".equals(itemType(item))) {
      return 0;
    }
    int r = below("qoh", item, shopId, 100);
    if (r < 8) {
      return -1 - below("qoh", item, shopId + 1000, 5);
    }
    if (r < 20) {
      return 0;
    }
    return below("qoh", item, shopId + 2000, 60);
  }

  private Rec genItemShop(long id) {
    int slots = shops + 1;
    long itemId = (id - 1) / slots + 1;
    int shopId = (int) ((id - 1) % slots);
    long qoh;
    if (shopId == 0) {
      qoh = 0;
      for (int s = 1; s <= shops; s++) {
        qoh += generatedQoh(itemId, s);
      }
    } else {
      qoh = generatedQoh(itemId, shopId);
    }
    long cost = priceCents(itemId) / 2;
    int rp = shopId == 0 ? 0 : below("reorder", itemId, shopId, 6);
    LinkedHashMap<String, String> f = itemShopFields(id, itemId, shopId, qoh, rp, rp == 0 ? 0 : rp * 3, cost, itemTs(itemId));
    Long backorder = generatedBackorder.get(itemId * (shops + 1) + shopId);
    if (backorder != null) {
      f.put("backorder", Long.toString(backorder));
    }
    return new Rec(id, itemTs(itemId), f);
  }

  static LinkedHashMap<String, String> itemShopFields(long id, long itemId, long shopId, long qoh, long reorderPoint,
      long reorderLevel, long costCents, long t) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("itemShopID", Long.toString(id));
    f.put("qoh", Long.toString(qoh));
    f.put("sellable", Long.toString(Math.max(qoh, 0)));
    f.put("backorder", "0");
    f.put("componentQoh", "0");
    f.put("componentBackorder", "0");
    f.put("reorderPoint", Long.toString(reorderPoint));
    f.put("reorderLevel", Long.toString(reorderLevel));
    f.put("timeStamp", ts(t));
    f.put("itemID", Long.toString(itemId));
    f.put("shopID", Long.toString(shopId));
    f.put("onLayaway", "0");
    f.put("onSpecialOrder", "0");
    f.put("onWorkOrder", "0");
    f.put("onTransferOut", "0");
    f.put("onTransferIn", "0");
    f.put("averageCost", shopId == 0 ? Money.fmt(Money.cents(costCents)) : "0");
    f.put("totalValueFifo", Money.fmt(Money.cents(Math.max(qoh, 0) * costCents)));
    f.put("totalValueAvgCost", Money.fmt(Money.cents(Math.max(qoh, 0) * costCents)));
    f.put("totalValueNegativeInventory", b(qoh < 0));
    f.put("lastReceivedCost", Money.fmt(Money.cents(costCents)));
    f.put("lastReceivedLotID", "0");
    f.put("nextFifoLotCost", Money.fmt(Money.cents(costCents)));
    f.put("nextFifoLotID", "0");
    return f;
  }

  private Rec genItemComponent(long id) {
    long itemId = (id - 1) / 2 + 1;
    int j = (int) ((id - 1) % 2);
    String type = itemType(itemId);
    boolean box = "box".equals(type);
    if (itemId < 2 || !(box || "assembly".equals(type)) || (box && j > 0)) {
      return null;
    }
    long comp = 1 + Hashing.below(seed, "component", itemId, j, (int) Math.min(itemId - 1, Integer.MAX_VALUE));
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("itemComponentID", Long.toString(id));
    f.put("quantity", box ? "6" : Long.toString(1 + below("compQty", itemId, j, 3)));
    f.put("componentGroup", box ? Long.toString(j + 1) : "0");
    f.put("assemblyItemID", Long.toString(itemId));
    f.put("componentItemID", Long.toString(comp));
    return new Rec(id, 0, f);
  }

  private Rec genItemVendorNum(long id) {
    long v = vendorOf(id);
    if (v == 0) {
      return null;
    }
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("itemVendorNumID", Long.toString(id));
    f.put("value", below("vnum", id, 0, 10) == 0 ? "" : "V" + v + "-" + id);
    f.put("itemID", Long.toString(id));
    f.put("vendorID", Long.toString(v));
    f.put("timeStamp", ts(itemTs(id)));
    f.put("cost", Money.fmt(Money.cents(priceCents(id) / 2)));
    return new Rec(id, itemTs(id), f);
  }

  static String shopName(long i) {
    if (i == 1) {
      return "Main Store";
    }
    if (i == 2) {
      return "main store";
    }
    if (i == 3) {
      return "Warehouse";
    }
    return "Shop " + i;
  }

  private Rec genShop(long i) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("shopID", Long.toString(i));
    f.put("name", shopName(i));
    f.put("serviceRate", "0");
    f.put("timeZone", i % 2 == 1 ? "US/Eastern" : "Europe/Amsterdam");
    f.put("taxLabor", "false");
    f.put("labelTitle", "Shop Name");
    f.put("labelMsrp", "false");
    f.put("archived", "false");
    f.put("timeStamp", ts(epoch + i));
    f.put("companyRegistrationNumber", "");
    f.put("vatNumber", "");
    f.put("zebraBrowserPrint", "false");
    f.put("contactID", Long.toString(1000 + i));
    f.put("taxCategoryID", "1");
    f.put("receiptSetupID", "1");
    f.put("ccGatewayID", "0");
    f.put("gatewayConfigID", "");
    f.put("priceLevelID", "1");
    return new Rec(i, epoch + i, f);
  }

  private Rec genRegister(long i) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("registerID", Long.toString(i));
    f.put("name", "Register " + i);
    f.put("open", "false");
    f.put("openTime", "");
    f.put("archived", "false");
    f.put("tipEnabled", "false");
    f.put("openEmployeeID", "0");
    f.put("shopID", Long.toString(i));
    f.put("ccTerminalID", "0");
    return new Rec(i, 0, f);
  }

  private Rec genPriceLevel(long i) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("priceLevelID", Long.toString(i));
    f.put("name", PRICE_TYPES[(int) i - 1]);
    f.put("archived", "false");
    f.put("canBeArchived", b(i > 1));
    f.put("type", "fixed");
    f.put("Calculation", "");
    return new Rec(i, 0, f);
  }

  private Rec genVendor(long i) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    long t = epoch + i * 60;
    f.put("vendorID", Long.toString(i));
    f.put("name", i == 2 ? "ACME supplies" : i == 3 ? "Acme Supplies" : "Vendor " + i);
    f.put("archived", b(i > 3 && i == vendors));
    f.put("accountNumber", i % 3 == 0 ? "" : "ACC-" + i);
    f.put("priceLevel", "");
    f.put("updatePrice", "false");
    f.put("updateCost", "true");
    f.put("updateDescription", "false");
    f.put("shareSellThrough", "false");
    f.put("timeStamp", ts(t));
    f.put("b2bSellerUID", "");
    f.put("_email", i % 2 == 0 ? "" : "orders@vendor" + i + ".example");
    return new Rec(i, t, f);
  }

  private Rec genEmployee(long i) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    long t = epoch + i * 60;
    f.put("employeeID", Long.toString(i));
    f.put("firstName", FIRST[(int) (i % FIRST.length)]);
    f.put("lastName", LAST[(int) (i % LAST.length)]);
    f.put("lockOut", "false");
    f.put("archived", "false");
    f.put("timeStamp", ts(t));
    f.put("contactID", Long.toString(2000 + i));
    f.put("clockInEmployeeHoursID", "0");
    f.put("employeeRoleID", i == 1 ? "1" : "2");
    f.put("limitToShopID", "0");
    f.put("lastShopID", Long.toString(1 + (i - 1) % shops));
    f.put("lastSaleID", "0");
    f.put("lastRegisterID", "0");
    f.put("_email", "employee" + i + "@shop.example");
    return new Rec(i, t, f);
  }

  private Rec genCustomer(long i) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    long t = customerTs(i);
    f.put("customerID", Long.toString(i));
    f.put("firstName", FIRST[below("cfirst", i, 0, FIRST.length)]);
    f.put("lastName", LAST[below("clast", i, 0, LAST.length)]);
    f.put("dob", "");
    f.put("archived", b(below("carch", i, 0, 100) < 5));
    f.put("title", "");
    f.put("company", below("comp", i, 0, 4) == 0 ? "Company " + i : "");
    f.put("companyRegistrationNumber", "");
    f.put("vatNumber", "");
    f.put("createTime", ts(t));
    f.put("timeStamp", ts(t));
    f.put("creditAccountID", "0");
    f.put("customerTypeID", "0");
    f.put("discountID", "0");
    f.put("taxCategoryID", "0");
    f.put("_email", below("cmail", i, 0, 5) == 0 ? "" : "customer" + i + "@mail.example");
    f.put("_phone", below("cphone", i, 0, 3) == 0 ? "" : "555-01" + (i % 100));
    return new Rec(i, t, f);
  }

  /**
   * The generated payment types: {name, type, internalReserved, refundAsPaymentTypeID}. Cash is 1,
   * Credit Account 4 and Gift Card 5, as in the docs' samples.
   */
  static final String[][] PAYMENT_TYPES = {
      {"Cash", "cash", "true", "0"},
      {"Check", "user defined", "false", "0"},
      {"Credit Card", "credit card", "true", "0"},
      {"Credit Account", "credit account", "true", "4"},
      {"Gift Card", "gift card", "true", "5"},
      {"Debit Card", "user defined", "false", "0"},
      {"Webshop", "ecom", "true", "0"},
  };

  private Rec genPaymentType(long i) {
    String[] p = PAYMENT_TYPES[(int) i - 1];
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("paymentTypeID", Long.toString(i));
    f.put("name", p[0]);
    f.put("requireCustomer", b(p[1].equals("credit account")));
    f.put("archived", "false");
    f.put("internalReserved", p[2]);
    f.put("type", p[1]);
    f.put("refundAsPaymentTypeID", p[3]);
    return new Rec(i, 0, f);
  }

  /** The fields of a new Customer before the request's values are applied. */
  static LinkedHashMap<String, String> customerDefaults() {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    for (String k : List.of("customerID", "firstName", "lastName", "dob", "archived", "title", "company",
        "companyRegistrationNumber", "vatNumber", "createTime", "timeStamp", "creditAccountID", "customerTypeID",
        "discountID", "taxCategoryID")) {
      f.put(k, k.endsWith("ID") ? "0" : "");
    }
    f.put("archived", "false");
    f.put("_email", "");
    f.put("_phone", "");
    f.put("_contact", "");
    return f;
  }

  /** Contact of a Shop/Vendor/Employee/Customer; rendered with Addresses/Phones/Emails/Websites. */
  Rec contactFor(Rec parent) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("contactID", parent.fields.getOrDefault("contactID", Long.toString(parent.id)));
    f.put("custom", "");
    f.put("noEmail", "false");
    f.put("noPhone", "false");
    f.put("noMail", "false");
    f.put("_email", parent.fields.getOrDefault("_email", ""));
    f.put("_phone", parent.fields.getOrDefault("_phone", ""));
    f.put("_contact", parent.fields.getOrDefault("_contact", ""));
    f.put("_ts", parent.fields.getOrDefault("timeStamp", ""));
    f.put("_address", parent.fields.containsKey("shopID") && !parent.fields.containsKey("itemID")
        ? "Main Street " + parent.id : "");
    return new Rec(parent.id, 0, f);
  }

  private static final class SaleShape {
    String state;
    int lines;
    long[] itemIds;
    long[] qty;
    long[] unitCents;
  }

  private SaleShape saleShape(long i) {
    SaleShape s = new SaleShape();
    int r = below("saleState", i, 0, 100);
    s.state = r < 70 ? "completed" : r < 85 ? "open" : r < 95 ? "voided" : "archived";
    s.lines = 1 + below("saleLines", i, 0, 3);
    s.itemIds = new long[s.lines];
    s.qty = new long[s.lines];
    s.unitCents = new long[s.lines];
    for (int j = 0; j < s.lines; j++) {
      long it = items == 0 ? 0 : 1 + Hashing.below(seed, "saleItem", i, j, (int) Math.min(items, Integer.MAX_VALUE));
      s.itemIds[j] = it;
      s.qty[j] = 1 + below("saleQty", i, j, 3);
      s.unitCents[j] = it == 0 ? 500 : priceCents(it);
    }
    return s;
  }

  static final BigDecimal TAX1 = new BigDecimal("0.08");

  private Rec genSale(long i) {
    SaleShape s = saleShape(i);
    BigDecimal subtotal = BigDecimal.ZERO;
    for (int j = 0; j < s.lines; j++) {
      subtotal = subtotal.add(Money.cents(s.unitCents[j] * s.qty[j]));
    }
    boolean completed = !"open".equals(s.state);
    long t = saleTs(i);
    long shopId = 1 + below("saleShop", i, 0, shops);
    long cust = customers == 0 || below("saleCust", i, 0, 10) < 4 ? 0 : 1 + below("saleCust", i, 1, (int) Math.min(customers, Integer.MAX_VALUE));
    return new Rec(i, t, saleFields(i, t, completed, "voided".equals(s.state), "archived".equals(s.state), subtotal,
        completed, shopId, cust, 1 + below("saleEmp", i, 0, employees), "", ""));
  }

  static LinkedHashMap<String, String> saleFields(long id, long t, boolean completed, boolean voided, boolean archived,
      BigDecimal subtotal, boolean paid, long shopId, long customerId, long employeeId, String ref, String refSource) {
    BigDecimal tax = subtotal.multiply(TAX1);
    BigDecimal total = subtotal.add(tax);
    BigDecimal payments = paid ? total : BigDecimal.ZERO;
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("saleID", Long.toString(id));
    f.put("timeStamp", ts(t));
    f.put("discountPercent", "0");
    f.put("completed", b(completed));
    f.put("archived", b(archived));
    f.put("voided", b(voided));
    f.put("enablePromotions", "false");
    f.put("isTaxInclusive", "false");
    f.put("createTime", ts(t - 600));
    f.put("updatetime", ts(t));
    f.put("completeTime", completed ? ts(t) : "");
    f.put("referenceNumber", ref);
    f.put("referenceNumberSource", refSource);
    f.put("tax1Rate", "0.08");
    f.put("tax2Rate", "0");
    f.put("change", "0");
    f.put("receiptPreference", "printed");
    f.put("displayableSubtotal", Money.fmt(subtotal));
    f.put("ticketNumber", Long.toString(220000000L + id));
    f.put("calcDiscount", "0");
    f.put("calcTotal", Money.fmt(total));
    f.put("calcSubtotal", Money.fmt(subtotal));
    f.put("calcTaxable", Money.fmt(subtotal));
    f.put("calcNonTaxable", "0");
    f.put("calcAvgCost", Money.fmt(subtotal.divide(BigDecimal.valueOf(2))));
    f.put("calcFIFOCost", Money.fmt(subtotal.divide(BigDecimal.valueOf(2))));
    f.put("calcTax1", Money.fmt(tax));
    f.put("calcTax2", "0");
    f.put("calcPayments", Money.fmt(payments));
    f.put("calcTips", "0");
    f.put("total", Money.fmt(total));
    f.put("totalDue", Money.fmt(total));
    f.put("displayableTotal", Money.fmt(total));
    f.put("balance", Money.fmt(total.subtract(payments)));
    f.put("taxTotal", Money.fmt(tax));
    f.put("customerID", Long.toString(customerId));
    f.put("discountID", "0");
    f.put("employeeID", Long.toString(employeeId));
    f.put("tipEmployeeID", "0");
    f.put("quoteID", "0");
    f.put("registerID", Long.toString(shopId));
    f.put("shipToID", "0");
    f.put("shopID", Long.toString(shopId));
    f.put("taxCategoryID", "1");
    return f;
  }

  private Rec genSaleLine(long id) {
    long saleId = (id - 1) / 3 + 1;
    int j = (int) ((id - 1) % 3);
    SaleShape s = saleShape(saleId);
    if (j >= s.lines) {
      return null;
    }
    Rec sale = genSale(saleId);
    long t = saleTs(saleId);
    return new Rec(id, t, saleLineFields(id, saleId, t, s.itemIds[j], s.qty[j], Money.cents(s.unitCents[j]),
        sale.getLong("customerID"), sale.getLong("employeeID"), sale.getLong("shopID")));
  }

  static LinkedHashMap<String, String> saleLineFields(long id, long saleId, long t, long itemId, long qty, BigDecimal unit,
      long customerId, long employeeId, long shopId) {
    BigDecimal sub = unit.multiply(BigDecimal.valueOf(qty));
    BigDecimal tax = sub.multiply(TAX1);
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("saleLineID", Long.toString(id));
    f.put("createTime", ts(t));
    f.put("timeStamp", ts(t));
    f.put("unitQuantity", Long.toString(qty));
    f.put("unitPrice", Money.fmt(unit));
    f.put("normalUnitPrice", Money.fmt(unit));
    f.put("discountAmount", "0");
    f.put("discountPercent", "0");
    f.put("avgCost", Money.fmt(unit.divide(BigDecimal.valueOf(2), 5, RoundingMode.HALF_UP)));
    f.put("fifoCost", Money.fmt(unit.divide(BigDecimal.valueOf(2), 5, RoundingMode.HALF_UP)));
    f.put("tax", "true");
    f.put("tax1Rate", "0.08");
    f.put("tax2Rate", "0");
    f.put("isLayaway", "false");
    f.put("isWorkorder", "false");
    f.put("isSpecialOrder", "false");
    f.put("displayableSubtotal", Money.fmt(sub));
    f.put("displayableUnitPrice", Money.fmt(unit));
    f.put("calcLineDiscount", "0");
    f.put("calcTransactionDiscount", "0");
    f.put("calcTotal", Money.fmt(sub.add(tax)));
    f.put("calcSubtotal", Money.fmt(sub));
    f.put("calcTax1", Money.fmt(tax));
    f.put("calcTax2", "0");
    f.put("taxClassID", "1");
    f.put("customerID", Long.toString(customerId));
    f.put("discountID", "0");
    f.put("employeeID", Long.toString(employeeId));
    f.put("itemID", Long.toString(itemId));
    f.put("noteID", "0");
    f.put("parentSaleLineID", "0");
    f.put("shopID", Long.toString(shopId));
    f.put("taxCategoryID", "1");
    f.put("saleID", Long.toString(saleId));
    f.put("itemFeeID", "0");
    return f;
  }

  private Rec genSalePayment(long id) {
    long saleId = (id - 1) / 2 + 1;
    int j = (int) ((id - 1) % 2);
    Rec sale = genSale(saleId);
    if (!sale.getBool("completed")) {
      return null;
    }
    BigDecimal total = Money.parse(sale.get("total"));
    boolean split = total.compareTo(BigDecimal.valueOf(20)) > 0 && below("split", saleId, 0, 2) == 0;
    if (j == 1 && !split) {
      return null;
    }
    BigDecimal first = split ? total.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN) : total;
    BigDecimal amount = j == 0 ? first : total.subtract(first);
    return new Rec(id, 0, salePaymentFields(id, saleId, amount, j == 0 ? 1 : 2, sale.ts, sale.getLong("registerID"),
        sale.getLong("employeeID")));
  }

  static LinkedHashMap<String, String> salePaymentFields(long id, long saleId, BigDecimal amount, long paymentTypeId,
      long t, long registerId, long employeeId) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("salePaymentID", Long.toString(id));
    f.put("amount", Money.fmt(amount));
    f.put("tipAmount", "0");
    f.put("createTime", ts(t));
    f.put("archived", "false");
    f.put("remoteReference", "");
    f.put("paymentID", "");
    f.put("saleID", Long.toString(saleId));
    f.put("paymentTypeID", Long.toString(paymentTypeId));
    f.put("ccChargeID", "0");
    f.put("refPaymentID", "0");
    f.put("registerID", Long.toString(registerId));
    f.put("employeeID", Long.toString(employeeId));
    f.put("creditAccountID", "0");
    return f;
  }

  /** Open purchase orders (draft or ordered, not received or archived) count toward backorder. */
  static boolean countsAsBackorder(String state) {
    return "open".equals(state) || "ordered".equals(state);
  }

  private String orderState(long i) {
    int r = below("orderState", i, 0, 100);
    return r < 30 ? "open" : r < 60 ? "ordered" : r < 90 ? "received" : "archived";
  }

  private int orderLineCount(long i) {
    return 1 + below("orderLines", i, 0, 4);
  }

  private Rec genOrder(long i) {
    String state = orderState(i);
    long t = orderTs(i);
    long qty = 0;
    for (int j = 0; j < orderLineCount(i); j++) {
      qty += orderLineQty(i, j);
    }
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("orderID", Long.toString(i));
    f.put("orderedDate", "open".equals(state) ? "" : ts(t - 3600));
    f.put("receivedDate", "received".equals(state) || "archived".equals(state) ? ts(t) : "");
    f.put("arrivalDate", "");
    f.put("shipInstructions", "");
    f.put("stockInstructions", "");
    f.put("createTime", ts(t - 7200));
    f.put("timeStamp", ts(t));
    f.put("refNum", below("refnum", i, 0, 4) == 0 ? "" : "PO-" + i);
    f.put("shipCost", "0");
    f.put("shipVendorCost", "0");
    f.put("otherCost", "0");
    f.put("otherVendorCost", "0");
    f.put("complete", b("received".equals(state) || "archived".equals(state)));
    f.put("archived", b("archived".equals(state)));
    f.put("discount", "0");
    f.put("totalDiscount", "0");
    f.put("totalQuantity", Long.toString(qty));
    f.put("vendorCurrencyRate", "1");
    f.put("vendorCurrencyCode", "USD");
    f.put("shippingCostMethod", "evenly");
    f.put("hasShipments", "false");
    f.put("vendorID", Long.toString(vendors == 0 ? 0 : 1 + below("orderVendor", i, 0, vendors)));
    f.put("noteID", "0");
    f.put("shopID", Long.toString(1 + below("orderShop", i, 0, shops)));
    f.put("createdByEmployeeID", "1");
    return new Rec(i, t, f);
  }

  private long orderLineQty(long order, int j) {
    return 1 + below("olQty", order, j, 24);
  }

  private Rec genOrderLine(long id) {
    long orderId = (id - 1) / 4 + 1;
    int j = (int) ((id - 1) % 4);
    if (j >= orderLineCount(orderId) || items == 0) {
      return null;
    }
    String state = orderState(orderId);
    long itemId = 1 + Hashing.below(seed, "olItem", orderId, j, (int) Math.min(items, Integer.MAX_VALUE));
    long qty = orderLineQty(orderId, j);
    boolean received = "received".equals(state) || "archived".equals(state);
    long t = orderTs(orderId);
    return new Rec(id, t, orderLineFields(id, orderId, itemId, qty, Money.cents(priceCents(itemId) / 2),
        received ? qty : 0, "ordered".equals(state) && j == 0 ? qty : 0, t));
  }

  static LinkedHashMap<String, String> orderLineFields(long id, long orderId, long itemId, long qty, BigDecimal price,
      long checkedIn, long numReceived, long t) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("orderLineID", Long.toString(id));
    f.put("quantity", Long.toString(qty));
    f.put("price", Money.fmt(price));
    f.put("originalPrice", Money.fmt(price));
    f.put("vendorCost", Money.fmt(price));
    f.put("checkedIn", Long.toString(checkedIn));
    f.put("numReceived", Long.toString(numReceived));
    f.put("timeStamp", ts(t));
    f.put("createTime", ts(t));
    f.put("total", Money.fmt(price.multiply(BigDecimal.valueOf(qty))));
    f.put("shippingCost", "0");
    f.put("discountPercentValue", "0");
    f.put("orderID", Long.toString(orderId));
    f.put("itemID", Long.toString(itemId));
    return f;
  }

  private Rec genInventoryCount(long i) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    long t = epoch + i * countStep;
    f.put("inventoryCountID", Long.toString(i));
    f.put("name", "Count " + i);
    f.put("timeStamp", ts(t));
    f.put("archived", "false");
    f.put("shopID", Long.toString(1 + (i - 1) % shops));
    return new Rec(i, t, f);
  }

  // ---------------------------------------------------------------- relations

  public List<Rec> itemShopsOf(Rec itemRec) {
    long i = itemRec.id;
    int slots = shops + 1;
    if (i <= items) {
      return itemShop.children((i - 1) * slots + 1, i * slots, "itemID", i);
    }
    return itemShop.children(1, 0, "itemID", i);
  }

  /** The ItemShop row of (item, shop), or null. */
  public Rec itemShopOf(long itemId, long shopId) {
    if (itemId >= 1 && itemId <= items && shopId >= 0 && shopId <= shops) {
      return itemShop.get((itemId - 1) * (shops + 1) + shopId + 1);
    }
    for (long id : itemShop.createdWhere("itemID", itemId)) {
      Rec r = itemShop.get(id);
      if (r != null && r.getLong("shopID") == shopId) {
        return r;
      }
    }
    return null;
  }

  List<Rec> componentsOf(Rec itemRec) {
    long i = itemRec.id;
    return i <= items ? itemComponent.children((i - 1) * 2 + 1, i * 2, "assemblyItemID", i)
        : itemComponent.children(1, 0, "assemblyItemID", i);
  }

  List<Rec> vendorNumsOf(Rec itemRec) {
    long i = itemRec.id;
    return i <= items ? itemVendorNum.children(i, i, "itemID", i) : itemVendorNum.children(1, 0, "itemID", i);
  }

  public List<Rec> linesOf(Rec saleRec) {
    long i = saleRec.id;
    return i <= sales ? saleLine.children((i - 1) * 3 + 1, i * 3, "saleID", i) : saleLine.children(1, 0, "saleID", i);
  }

  public List<Rec> paymentsOf(Rec saleRec) {
    long i = saleRec.id;
    return i <= sales ? salePayment.children((i - 1) * 2 + 1, i * 2, "saleID", i)
        : salePayment.children(1, 0, "saleID", i);
  }

  public List<Rec> orderLinesOf(Rec orderRec) {
    long i = orderRec.id;
    return i <= orders ? orderLine.children((i - 1) * 4 + 1, i * 4, "orderID", i) : orderLine.children(1, 0, "orderID", i);
  }

  /** The prices of an item as (useType name, amount) pairs, from its hidden {@code _price.*} fields. */
  public static List<String[]> pricesOf(Rec itemRec) {
    List<String[]> out = new ArrayList<>();
    for (Map.Entry<String, String> e : itemRec.fields.entrySet()) {
      if (e.getKey().startsWith("_price.")) {
        out.add(new String[] {e.getKey().substring(7), e.getValue()});
      }
    }
    return out;
  }

  public Resource resource(String name) {
    return resources.get(name);
  }
}
