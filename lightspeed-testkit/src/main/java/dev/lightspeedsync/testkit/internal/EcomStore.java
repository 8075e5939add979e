package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The eCom data set: generated on demand from (seed, id) with write overlays. */
public final class EcomStore {
  public static final List<String> VISIBILITY = List.of("visible", "auto", "hidden");
  public static final List<String> STOCK_TRACKING = List.of("enabled", "disabled", "indicator");
  public static final List<String> STATUS = List.of("on_hold", "processing_awaiting_payment",
      "processing_awaiting_shipment", "processing_awaiting_pickup", "processing_ready_for_pickup", "completed",
      "completed_shipped", "completed_picked_up", "cancelled");
  public static final List<String> LEGACY_STATUS = List.of("new", "offer", "processing", "processing_partially_paid",
      "processing_partially_shipped", "processing_partially_picked_up");
  public static final List<String> PAYMENT_STATUS = List.of("not_paid", "partially_paid", "paid", "cancelled");
  public static final List<String> SHIPMENT_STATUS = List.of("not_shipped", "partially_shipped", "shipped", "cancelled");
  public static final List<String> ITEM_GROUPS = List.of("customers", "orders", "invoices", "shipments", "products",
      "variants", "quotes", "reviews", "returns", "tickets", "subscriptions", "contacts");
  public static final List<String> ITEM_ACTIONS = List.of("created", "updated", "deleted", "*");

  private final long seed;
  private final long epoch;
  private final long productStep;
  private final long orderStep;
  public final long products;
  public final int suppliers;
  public final long orders;
  public final ETable product;
  public final ETable variant;
  public final ETable supplier;
  public final ETable order;
  public final ETable orderProduct;
  public final ETable webhook;
  /** Variant stock movements: none are generated; every stockLevel change records one. */
  public final ETable movement;
  public final String apiKey;
  public final String apiSecret;
  public final long shopId;

  public EcomStore(TestkitConfig c) {
    this.seed = c.seed();
    this.epoch = c.dataEpoch().getEpochSecond();
    this.products = c.products();
    this.suppliers = c.suppliers();
    this.orders = c.ecomOrders();
    this.productStep = Times.step(products + 1, 60);
    this.orderStep = Times.step(orders + 1, 300);
    this.product = new ETable("products", products, true, this::genProduct);
    this.variant = new ETable("variants", products * 3, false, this::genVariant);
    this.supplier = new ETable("suppliers", suppliers, true, this::genSupplier);
    this.order = new ETable("orders", orders, true, this::genOrder);
    this.orderProduct = new ETable("orderProducts", orders * 3, false, this::genOrderProduct);
    this.webhook = new ETable("webhooks", 0, true, id -> null);
    this.movement = new ETable("variantsMovements", 0, true, id -> null);
    this.apiKey = hex32("key");
    this.apiSecret = hex32("secret");
    this.shopId = 300000 + Hashing.below(seed, "shop", 0, 0, 99999);
  }

  private String hex32(String stream) {
    return String.format("%016x%016x", Hashing.hash(seed, stream, 1, 0), Hashing.hash(seed, stream, 2, 0));
  }

  private int below(String stream, long i, int salt, int bound) {
    return Hashing.below(seed, stream, i, salt, bound);
  }

  static String ts(long s) {
    return Times.format(s);
  }

  public long productCreated(long i) {
    return epoch + (i - 1) * productStep;
  }

  public int variantCount(long p) {
    return 1 + below("variants", p, 0, 3);
  }

  public String visibilityOf(long p) {
    int r = below("visibility", p, 0, 100);
    return r < 60 ? "visible" : r < 85 ? "auto" : "hidden";
  }

  private ObjectNode genProduct(long i) {
    ObjectNode n = Json.obj();
    long created = productCreated(i);
    long updated = created + below("pupd", i, 0, 86400 * 30);
    String vis = visibilityOf(i);
    n.put("id", i);
    n.put("createdAt", ts(created));
    n.put("updatedAt", ts(updated));
    n.put("isVisible", !vis.equals("hidden"));
    n.put("visibility", vis);
    n.put("hasMatrix", variantCount(i) > 1);
    n.put("data01", "");
    n.put("data02", "");
    n.put("data03", "");
    String title = RetailStore.ADJ[below("ptitle", i, 0, 10)] + " " + RetailStore.NOUN[below("ptitle", i, 1, 10)];
    n.put("url", title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-" + i);
    n.put("title", title);
    n.put("fulltitle", title + " " + i);
    n.put("description", below("pdesc", i, 0, 4) == 0 ? "" : "About " + title);
    n.put("content", below("pdesc", i, 1, 3) == 0 ? "" : "<p>" + title + "</p>");
    n.put("set", false);
    n.put("image", false);
    n.putNull("brand");
    n.putNull("categories");
    n.put("deliverydate", false);
    n.putNull("images");
    n.putNull("relations");
    n.putNull("metafields");
    n.putNull("reviews");
    n.put("type", false);
    n.putNull("attributes");
    n.putNull("supplier");
    n.putNull("tags");
    n.putNull("variants");
    n.putNull("movements");
    n.put("_brand", below("brand", i, 0, 3) == 0 ? 0 : 1 + below("brand", i, 1, 20));
    n.put("_supplier", suppliers == 0 || below("psup", i, 0, 10) < 2 ? 0 : 1 + below("psup", i, 1, suppliers));
    return n;
  }

  private ObjectNode genVariant(long id) {
    long p = (id - 1) / 3 + 1;
    int j = (int) ((id - 1) % 3);
    if (j >= variantCount(p)) {
      return null;
    }
    ObjectNode n = Json.obj();
    long created = productCreated(p);
    long updated = created + below("vupd", id, 0, 86400 * 30);
    long cents = 199 + below("vprice", id, 0, 20000);
    BigDecimal excl = BigDecimal.valueOf(cents, 2);
    n.put("id", id);
    n.put("createdAt", ts(created));
    n.put("updatedAt", ts(updated));
    n.put("isDefault", j == 0);
    n.put("sortOrder", j + 1);
    n.put("title", variantCount(p) == 1 ? "Default" : "Size " + "SML".charAt(j));
    n.put("taxType", below("tax", id, 0, 3) == 0 ? null : "auto");
    n.putNull("hs");
    int a = below("acode", id, 0, 100);
    n.put("articleCode", a < 20 ? "" : "ART-" + id);
    int e = below("vean", id, 0, 100);
    n.put("ean", e < 25 ? "" : e < 28 ? "8712345678906" : Times.pad(8700000000000L + id, 13));
    int s = below("vsku", id, 0, 100);
    n.put("sku", s < 6 ? "" : s < 11 ? "DUP-" + (id % 5) : s < 14 ? " SKU " + id : "SKU-" + id);
    n.put("unitPrice", 0);
    n.put("unitUnit", "");
    n.put("priceExcl", excl);
    n.put("priceIncl", excl.multiply(new BigDecimal("1.21")).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
    n.put("priceCost", excl.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
    n.put("oldPriceExcl", 0);
    n.put("oldPriceIncl", 0);
    int t = below("tracking", id, 0, 100);
    n.put("stockTracking", t < 60 ? "enabled" : t < 85 ? "disabled" : "indicator");
    int q = below("vstock", id, 0, 100);
    n.put("stockLevel", q < 8 ? -1 - below("vstock", id, 1, 4) : q < 20 ? 0 : below("vstock", id, 2, 80));
    n.put("stockAlert", 0);
    n.put("stockMinimum", 0);
    n.put("stockSold", below("sold", id, 0, 300));
    n.put("stockBuyMininum", 1);
    n.put("stockBuyMinimum", 1);
    n.put("stockBuyMaximum", 10000);
    n.put("weight", 0);
    n.put("weightValue", "0.000");
    n.put("weightUnit", "g");
    n.put("volume", 0);
    n.put("volumeValue", "0.000");
    n.put("volumeUnit", "ml");
    n.put("colli", 1);
    n.put("sizeX", 0);
    n.put("sizeY", 0);
    n.put("sizeZ", 0);
    n.put("sizeXValue", "0.000");
    n.put("sizeYValue", "0.000");
    n.put("sizeZValue", "0.000");
    n.put("sizeUnit", "cm");
    n.put("matrix", false);
    n.put("image", false);
    n.put("tax", false);
    n.putNull("product");
    n.putNull("movements");
    n.putNull("metafields");
    n.put("additionalcost", false);
    n.set("options", Json.arr());
    n.put("_product", p);
    return n;
  }

  private ObjectNode genSupplier(long i) {
    ObjectNode n = Json.obj();
    n.put("id", i);
    n.put("createdAt", ts(epoch + i * 100));
    n.put("updatedAt", ts(epoch + i * 100));
    n.put("title", i == 2 ? "ACME supplies" : i == 3 ? "Acme Supplies" : "Supplier " + i);
    n.put("attention_of", i % 2 == 0 ? "" : "Purchasing");
    n.put("street", "Industrieweg");
    n.put("street2", "");
    n.put("number", Long.toString(i));
    n.put("extension", "");
    n.put("zip_code", "1000 AA");
    n.put("city", "Amsterdam");
    n.put("region", "");
    n.set("country_id", country());
    return n;
  }

  static ObjectNode country() {
    ObjectNode c = Json.obj();
    c.put("id", 150);
    c.put("code", "nl");
    c.put("code3", "nld");
    c.put("title", "Netherlands");
    return c;
  }

  public long orderCreated(long i) {
    return epoch + 1800 + (i - 1) * orderStep;
  }

  public int orderLines(long o) {
    return 1 + below("olines", o, 0, 3);
  }

  long lineQty(long o, int j) {
    return 1 + below("olqty", o, j, 4);
  }

  long lineVariant(long o, int j) {
    if (products == 0) {
      return 0;
    }
    long p = 1 + Hashing.below(seed, "olprod", o, j, (int) Math.min(products, Integer.MAX_VALUE));
    return (p - 1) * 3 + 1;
  }

  long linePriceCents(long o, int j) {
    return 199 + below("olprice", o, j, 10000);
  }

  private ObjectNode genOrder(long i) {
    ObjectNode n = Json.obj();
    long created = orderCreated(i);
    long updated = created + below("oupd", i, 0, 86400 * 10);
    long exclCents = 0;
    for (int j = 0; j < orderLines(i); j++) {
      exclCents += linePriceCents(i, j) * lineQty(i, j);
    }
    BigDecimal excl = BigDecimal.valueOf(exclCents, 2);
    int combo = (int) ((i - 1) % (STATUS.size() * PAYMENT_STATUS.size() * SHIPMENT_STATUS.size()));
    n.put("id", i);
    n.put("createdAt", ts(created));
    n.put("updatedAt", ts(updated));
    n.put("number", String.format("ORD%05d", i));
    n.put("status", STATUS.get(combo % STATUS.size()));
    n.putNull("customStatusId");
    n.put("channel", i % 10 == 0 ? "" : "main");
    n.put("remoteIp", "192.0.2." + (i % 250 + 1));
    n.put("userAgent", "Mozilla/5.0");
    n.put("referralId", false);
    n.put("priceCost", excl.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
    n.put("priceExcl", excl);
    n.put("priceIncl", excl.multiply(new BigDecimal("1.21")).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
    n.put("weight", 0);
    n.put("volume", 0);
    n.put("colli", 1);
    n.put("gender", "");
    n.put("birthDate", false);
    n.put("nationalId", "");
    n.put("email", "buyer" + i + "@mail.example");
    n.put("firstname", RetailStore.FIRST[(int) (i % RetailStore.FIRST.length)]);
    n.put("middlename", "");
    n.put("lastname", RetailStore.LAST[(int) (i % RetailStore.LAST.length)]);
    n.put("phone", "");
    n.put("mobile", "");
    n.put("isCompany", false);
    n.put("companyName", "");
    n.put("addressBillingName", "Buyer " + i);
    n.put("addressBillingStreet", "Dorpsstraat");
    n.put("addressBillingNumber", Long.toString(i % 200 + 1));
    n.put("addressBillingZipcode", "1234 AB");
    n.put("addressBillingCity", "Utrecht");
    n.set("addressBillingCountry", country());
    n.put("addressShippingName", "Buyer " + i);
    n.put("addressShippingCompany", false);
    n.put("addressShippingStreet", "Dorpsstraat");
    n.put("addressShippingNumber", Long.toString(i % 200 + 1));
    n.put("addressShippingZipcode", "1234 AB");
    n.put("addressShippingCity", "Utrecht");
    n.set("addressShippingCountry", country());
    n.put("paymentId", "core|" + (1000 + i % 3));
    n.put("paymentStatus", PAYMENT_STATUS.get((combo / STATUS.size()) % PAYMENT_STATUS.size()));
    n.put("paymentIsPost", false);
    n.put("paymentTitle", i % 3 == 0 ? "iDEAL" : "Credit card");
    n.put("shipmentId", "core|33265|" + (55700 + i % 7));
    n.put("shipmentStatus", SHIPMENT_STATUS.get(combo / (STATUS.size() * PAYMENT_STATUS.size())));
    n.put("shipmentIsCashOnDelivery", below("cod", i, 0, 10) == 0);
    n.put("shipmentIsPickup", combo % STATUS.size() == 3 || combo % STATUS.size() == 4 || combo % STATUS.size() == 7);
    n.put("shipmentTitle", "PostNL");
    n.put("isDiscounted", false);
    n.put("discountAmount", 0);
    n.set("taxRates", Json.arr());
    n.put("comment", "");
    n.put("memo", "");
    ObjectNode lang = Json.obj();
    lang.put("id", 1);
    lang.put("code", "en");
    lang.put("locale", "en_GB");
    lang.put("title", "English");
    n.set("language", lang);
    n.putNull("customer");
    n.putNull("invoices");
    n.putNull("shipments");
    n.putNull("products");
    n.putNull("metafields");
    n.putNull("events");
    n.put("_customer", below("ocust", i, 0, 4) == 0 ? 0 : 5000 + below("ocust", i, 1, 1000));
    return n;
  }

  private ObjectNode genOrderProduct(long id) {
    long o = (id - 1) / 3 + 1;
    int j = (int) ((id - 1) % 3);
    if (j >= orderLines(o)) {
      return null;
    }
    long v = lineVariant(o, j);
    long qty = lineQty(o, j);
    BigDecimal base = BigDecimal.valueOf(linePriceCents(o, j), 2);
    ObjectNode n = Json.obj();
    n.put("id", id);
    n.put("supplierTitle", "");
    n.put("brandTitle", "");
    n.put("productTitle", "Product " + ((v - 1) / 3 + 1));
    n.put("variantTitle", "Default");
    n.put("taxRate", 0.21);
    n.set("taxRates", Json.arr());
    n.put("quantityOrdered", qty);
    n.put("quantityInvoiced", qty);
    n.put("quantityShipped", 0);
    n.put("quantityRefunded", 0);
    n.put("quantityReturned", 0);
    n.put("articleCode", "");
    n.put("ean", "");
    n.put("sku", v == 0 ? "" : "SKU-" + v);
    n.put("weight", 0);
    n.put("volume", 0);
    n.put("colli", 1);
    n.put("priceCost", base.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
    n.put("customExcl", 0);
    n.put("customIncl", 0);
    n.put("basePriceExcl", base);
    n.put("basePriceIncl", base.multiply(new BigDecimal("1.21")).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
    n.put("priceExcl", base.multiply(BigDecimal.valueOf(qty)));
    n.put("priceIncl", base.multiply(BigDecimal.valueOf(qty)).multiply(new BigDecimal("1.21")).setScale(4,
        RoundingMode.HALF_UP).stripTrailingZeros());
    n.put("discountExcl", 0);
    n.put("discountIncl", 0);
    n.put("customFields", false);
    n.putNull("product");
    n.putNull("variant");
    n.put("_order", o);
    n.put("_product", v == 0 ? 0 : (v - 1) / 3 + 1);
    n.put("_variant", v == 0 || below("olvar", o, j, 20) == 0 ? 0 : v);
    return n;
  }

  /** Variant ids of a product (generated range plus created ones are not supported). */
  public List<Long> variantIdsOf(long productId) {
    java.util.List<Long> out = new java.util.ArrayList<>();
    if (productId >= 1 && productId <= products) {
      for (long id = (productId - 1) * 3 + 1; id <= productId * 3; id++) {
        if (variant.get(id) != null) {
          out.add(id);
        }
      }
    }
    return out;
  }

  public static ArrayNode arr() {
    return Json.arr();
  }
}
