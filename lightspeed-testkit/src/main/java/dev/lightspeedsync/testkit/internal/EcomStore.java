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
  /** Total variants requested (-1: 1 to 3 per product at random). */
  private final long variantsTotal;
  private final long permA;
  private final long permB;
  /** The server clock at start: about one order in eight was updated in the 48 hours before it. */
  private final long startedAt;
  public final long products;
  public final int suppliers;
  public final long orders;
  public final ETable product;
  public final ETable variant;
  public final ETable supplier;
  public final ETable order;
  public final ETable orderProduct;
  public final ETable webhook;
  /** One shipment per order (same id), created with the order as the shop does. */
  public final ETable shipment;
  /** Variant stock movements: none are generated; every stockLevel change records one. */
  public final ETable movement;
  /** Variant of each product created through the mutation API (product id to variant id). */
  public final java.util.concurrent.ConcurrentHashMap<Long, Long> createdVariants = new java.util.concurrent.ConcurrentHashMap<>();
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
    this.variantsTotal = c.ecomVariants();
    long a = 1 + 2 * Hashing.below(seed, "perm", 0, 0, 1 << 20);
    while (products > 1 && gcd(a, products) != 1) {
      a += 2;
    }
    this.permA = a;
    this.permB = products == 0 ? 0 : Hashing.below(seed, "perm", 1, 0, (int) Math.min(products, Integer.MAX_VALUE));
    this.startedAt = c.timeSource().now().getEpochSecond();
    this.product = new ETable("products", products, true, this::genProduct);
    this.variant = new ETable("variants", products * 3, false, this::genVariant);
    this.supplier = new ETable("suppliers", suppliers, true, this::genSupplier);
    this.order = new ETable("orders", orders, true, this::genOrder);
    this.orderProduct = new ETable("orderProducts", orders * 3, false, this::genOrderProduct);
    this.webhook = new ETable("webhooks", 0, true, id -> null);
    this.shipment = new ETable("shipments", orders, true, this::genShipment);
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

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /**
   * Variants of product p: 1 to 3 at random, or, with a requested total, exactly that total: a
   * permutation of the products picks which get a second and a third variant.
   */
  public int variantCount(long p) {
    if (variantsTotal < 0) {
      return 1 + below("variants", p, 0, 3);
    }
    long extra = variantsTotal - products;
    long rank = Math.floorMod((p - 1) * permA + permB, products);
    int n = 1;
    if (rank < Math.min(extra, products)) {
      n++;
    }
    if (rank < extra - products) {
      n++;
    }
    return n;
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
    int images = imageCount(i);
    n.put("_images", images);
    if (images == 0) {
      n.put("image", false);
    } else {
      n.set("image", image(i, 0, false));
    }
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

  /** Number of images of product p (0 to 3; about one product in four has none). */
  public int imageCount(long p) {
    int r = below("pimg", p, 0, 100);
    return r < 25 ? 0 : r < 70 ? 1 : r < 90 ? 2 : 3;
  }

  /** Image k of product p: the inline file object of a product, or a productImage (with id and sortOrder). */
  public ObjectNode image(long p, int k, boolean withId) {
    ObjectNode img = Json.obj();
    long file = 14_000_000L + p * 4 + k;
    String t = ts(productCreated(p) + k * 60L);
    if (withId) {
      img.put("id", p * 4 + k);
      img.put("sortOrder", k + 1);
    }
    img.put("createdAt", t);
    img.put("updatedAt", t);
    img.put("extension", k == 2 ? "png" : "jpg");
    img.put("size", 20_000 + below("pimgsize", p, k, 200_000));
    img.put("title", "product-" + p + "-" + (k + 1));
    String name = "product-" + p + "-" + (k + 1) + (k == 2 ? ".png" : ".jpg");
    img.put("thumb", "https://cdn.shoplightspeed.com/shops/" + shopId + "/files/" + file + "/50x50x2/" + name);
    img.put("src", "https://cdn.shoplightspeed.com/shops/" + shopId + "/files/" + file + "/" + name);
    return img;
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
    long exclCents = 0;
    for (int j = 0; j < orderLines(i); j++) {
      exclCents += linePriceCents(i, j) * lineQty(i, j);
    }
    BigDecimal excl = BigDecimal.valueOf(exclCents, 2);
    String[] st = orderState(i);
    n.put("id", i);
    n.put("createdAt", ts(created));
    n.put("updatedAt", ts(orderUpdated(i)));
    n.put("number", String.format("ORD%05d", i));
    n.put("status", st[0]);
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
    n.put("paymentId", st[3].equals("cod") ? "cod" : "core|" + (1000 + i % 3));
    boolean cod = st[3].equals("cod");
    n.put("paymentStatus", st[1]);
    n.put("paymentIsPost", false);
    n.put("paymentIsInvoiceExternal", false);
    n.put("paymentTitle", cod ? "Cash on delivery" : i % 3 == 0 ? "iDEAL" : "Credit card");
    n.put("shipmentId", "core|33265|" + (55700 + i % 7));
    n.put("shipmentStatus", st[2]);
    n.put("shipmentIsCashOnDelivery", cod);
    n.put("shipmentIsPickup", st[3].equals("pickup"));
    n.put("shipmentTitle", cod ? "PostNL (cash on delivery)" : st[3].equals("pickup") ? "Pick up in store" : "PostNL");
    n.put("shippingDate", st[2].equals("not_shipped") || st[2].equals("cancelled") ? null : ts(orderUpdated(i)));
    n.put("deliveryDate", (String) null);
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

  /**
   * A realistic, coherent state of order i: {status, paymentStatus, shipmentStatus, kind} where kind
   * is {@code cod} (cash on delivery), {@code pickup} or {@code ship}. About: 10 % cancelled, 10 %
   * awaiting payment, 3 % partially paid, 4 % on hold, 10 % cash on delivery not yet (fully) shipped,
   * 25 % paid awaiting (or partially) shipped, 4 % pickup, 34 % completed.
   */
  public String[] orderState(long i) {
    int r = below("ostate", i, 0, 100);
    if (r < 10) {
      return new String[] {"cancelled", r < 4 ? "cancelled" : "not_paid", "cancelled", r == 9 ? "cod" : "ship"};
    }
    if (r < 20) {
      return new String[] {"processing_awaiting_payment", "not_paid", "not_shipped", "ship"};
    }
    if (r < 28) {
      return new String[] {"processing_awaiting_shipment", "not_paid", "not_shipped", "cod"};
    }
    if (r < 30) {
      return new String[] {"processing_awaiting_shipment", "not_paid", "partially_shipped", "cod"};
    }
    if (r < 50) {
      return new String[] {"processing_awaiting_shipment", "paid", "not_shipped", "ship"};
    }
    if (r < 55) {
      return new String[] {"processing_awaiting_shipment", "paid", "partially_shipped", "ship"};
    }
    if (r < 58) {
      return new String[] {"processing_awaiting_payment", "partially_paid", "not_shipped", "ship"};
    }
    if (r < 62) {
      return new String[] {"on_hold", "not_paid", "not_shipped", "ship"};
    }
    if (r < 64) {
      return new String[] {"processing_awaiting_pickup", "paid", "not_shipped", "pickup"};
    }
    if (r < 66) {
      return new String[] {"processing_ready_for_pickup", "paid", "not_shipped", "pickup"};
    }
    if (r < 90) {
      return new String[] {"completed_shipped", "paid", "shipped", "ship"};
    }
    if (r < 94) {
      return new String[] {"completed_shipped", "paid", "shipped", "cod"};
    }
    if (r < 97) {
      return new String[] {"completed_picked_up", "paid", "shipped", "pickup"};
    }
    return new String[] {"completed", "paid", "shipped", "ship"};
  }

  /**
   * When order i was last updated: within 10 days of its creation, or, for about one order in eight,
   * in the 48 hours before the server started (orders paid, shipped or edited lately).
   */
  public long orderUpdated(long i) {
    long created = orderCreated(i);
    if (below("orecent", i, 0, 8) == 0 && startedAt - 172_800 > created) {
      return startedAt - 1 - below("orecent", i, 1, 172_800);
    }
    return created + below("oupd", i, 0, 86400 * 10);
  }

  private ObjectNode genShipment(long i) {
    String[] st = orderState(i);
    boolean shipped = st[2].equals("shipped") || st[2].equals("partially_shipped");
    ObjectNode n = Json.obj();
    n.put("id", i);
    n.put("createdAt", ts(orderCreated(i)));
    n.put("updatedAt", ts(shipped ? orderUpdated(i) : orderCreated(i)));
    n.put("number", String.format("SHIP%05d", i));
    n.put("status", shipped ? "shipped" : "not_shipped");
    n.put("trackingCode", shipped && !st[3].equals("pickup") ? "3STEST" + Times.pad(i, 9) : "");
    n.put("doNotifyShipped", false);
    n.put("doNotifyReadyForPickup", false);
    n.put("doNotifyTrackingCode", false);
    n.put("totalWeight", 0);
    n.put("totalSizeX", 0);
    n.put("totalSizeY", 0);
    n.put("totalSizeZ", 0);
    n.putNull("customer");
    n.putNull("order");
    n.putNull("products");
    n.putNull("metafields");
    n.putNull("events");
    n.put("_order", i);
    n.put("_customer", below("ocust", i, 0, 4) == 0 ? 0 : 5000 + below("ocust", i, 1, 1000));
    return n;
  }

  /** Quantity shipped of line j of order o in the generated data. */
  long lineShipped(long o, int j) {
    String ship = orderState(o)[2];
    if (ship.equals("shipped")) {
      return lineQty(o, j);
    }
    return ship.equals("partially_shipped") && j == 0 ? (orderLines(o) == 1 ? lineQty(o, 0) - 1 : lineQty(o, 0)) : 0;
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
    n.put("quantityShipped", lineShipped(o, j));
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
    // "variant": false means the variant was deleted after the order: only closed (completed or
    // cancelled) orders, which are old, have such lines.
    String status = orderState(o)[0];
    boolean closed = status.startsWith("completed") || status.equals("cancelled");
    n.put("_variant", v == 0 || (closed && below("olvar", o, j, 20) == 0) ? 0 : v);
    return n;
  }

  /** The lines of order o (generated ids 3(o-1)+1 .. 3o), as they are now. */
  public List<ObjectNode> linesOf(long o) {
    java.util.List<ObjectNode> out = new java.util.ArrayList<>();
    for (long id = (o - 1) * 3 + 1; id <= o * 3 && o >= 1 && o <= orders; id++) {
      ObjectNode n = orderProduct.get(id);
      if (n != null && n.path("_order").asLong() == o) {
        out.add(n);
      }
    }
    return out;
  }

  /** Variant ids of a product: the generated ones, or the one of a product created through the mutation API. */
  public List<Long> variantIdsOf(long productId) {
    java.util.List<Long> out = new java.util.ArrayList<>();
    Long created = createdVariants.get(productId);
    if (created != null) {
      if (variant.get(created) != null) {
        out.add(created);
      }
      return out;
    }
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
