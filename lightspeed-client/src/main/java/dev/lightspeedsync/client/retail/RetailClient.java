package dev.lightspeedsync.client.retail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.RateLimitSnapshot;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.internal.http.ApiResponse;
import dev.lightspeedsync.client.internal.http.BaseUrls;
import dev.lightspeedsync.client.internal.http.HttpLimits;
import dev.lightspeedsync.client.internal.http.RawApi;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.internal.http.Transport;
import dev.lightspeedsync.client.internal.json.JsonMapper;
import dev.lightspeedsync.client.internal.retail.AccountGuard;
import dev.lightspeedsync.client.internal.retail.BearerAuth;
import dev.lightspeedsync.client.internal.retail.Envelope;
import dev.lightspeedsync.client.internal.retail.LeakyBucketLimiter;
import dev.lightspeedsync.client.internal.retail.OauthTokens;
import dev.lightspeedsync.client.internal.retail.RetailCosts;
import dev.lightspeedsync.client.retail.model.Account;
import dev.lightspeedsync.client.retail.model.Customer;
import dev.lightspeedsync.client.retail.model.Employee;
import dev.lightspeedsync.client.retail.model.InventoryCount;
import dev.lightspeedsync.client.retail.model.InventoryCountItem;
import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.ItemShop;
import dev.lightspeedsync.client.retail.model.ContactAddress;
import dev.lightspeedsync.client.retail.model.ContactEmail;
import dev.lightspeedsync.client.retail.model.ContactPhone;
import dev.lightspeedsync.client.retail.model.Order;
import dev.lightspeedsync.client.retail.model.PaymentType;
import dev.lightspeedsync.client.retail.model.OrderLine;
import dev.lightspeedsync.client.retail.model.PriceLevel;
import dev.lightspeedsync.client.retail.model.Register;
import dev.lightspeedsync.client.retail.model.Sale;
import dev.lightspeedsync.client.retail.model.SaleLine;
import dev.lightspeedsync.client.retail.model.Shop;
import dev.lightspeedsync.client.retail.model.Vendor;
import dev.lightspeedsync.client.retail.write.CustomerUpdate;
import dev.lightspeedsync.client.retail.write.ItemShopQuantity;
import dev.lightspeedsync.client.retail.write.ItemUpdate;
import dev.lightspeedsync.client.retail.write.NewCustomer;
import dev.lightspeedsync.client.retail.write.NewItem;
import dev.lightspeedsync.client.retail.write.NewItemPrice;
import dev.lightspeedsync.client.retail.write.NewOrder;
import dev.lightspeedsync.client.retail.write.NewOrderLine;
import dev.lightspeedsync.client.retail.write.NewSale;
import dev.lightspeedsync.client.retail.write.NewSaleLine;
import dev.lightspeedsync.client.retail.write.NewSalePayment;
import dev.lightspeedsync.client.retail.write.OrderLineUpdate;
import dev.lightspeedsync.client.retail.write.OrderUpdate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * A typed client for one Lightspeed Retail (R-Series, API V3) account.
 *
 * <pre>{@code
 * RetailClient client = RetailClient.builder()
 *     .accountId(123456)
 *     .oauth(OauthClientCredentials.of(clientId, clientSecret), tokenStore)
 *     .build();
 * for (Item item : client.items().list(RetailQuery.builder().loadRelations("ItemShops").build())) { ... }
 * }</pre>
 *
 * <p>One client per account. It is immutable and thread-safe: every thread and every list in flight
 * shares one rate limiter, which paces requests so that a steady sync stays under the account's
 * leaky bucket and never receives a 429, and pauses every request of the account when one does.
 * Reads are retried on 429, 5xx and connection faults; writes only when the server cannot have
 * applied them. Access tokens are refreshed once for all threads, shortly before they expire or on
 * the first 401, and every rotated pair is saved to the {@link TokenStore} before it is used.
 *
 * <p>Close the client to release the connection pool and threads it created; a shared
 * {@link OkHttpClient} passed to the builder is never shut down by the client.
 */
public final class RetailClient implements AutoCloseable {
  /** The public R-Series API. */
  public static final String DEFAULT_BASE_URL = "https://api.lightspeedapp.com/";
  /** The OAuth token endpoint of the public API. */
  public static final String DEFAULT_TOKEN_URL = "https://cloud.lightspeedapp.com/auth/oauth/token";

  private final long accountId;
  private final HttpUrl baseUrl;
  private final HttpUrl accountUrl;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final ObjectMapper mapper;
  private final LeakyBucketLimiter limiter;
  private final Transport transport;
  private final OauthTokens tokens;
  private final AccountGuard guard;

  private final RetailResource<Item> items;
  private final RetailResource<ItemShop> itemShops;
  private final RetailResource<Shop> shops;
  private final RetailResource<Vendor> vendors;
  private final RetailResource<Sale> sales;
  private final RetailResource<SaleLine> saleLines;
  private final RetailResource<Order> orders;
  private final RetailResource<OrderLine> orderLines;
  private final RetailResource<Employee> employees;
  private final RetailResource<Register> registers;
  private final RetailResource<PriceLevel> priceLevels;
  private final RetailResource<Customer> customers;
  private final RetailResource<InventoryCount> inventoryCounts;
  private final RetailResource<PaymentType> paymentTypes;

  private RetailClient(Builder b) {
    if (b.accountId <= 0) {
      throw new IllegalArgumentException("accountId must be set to the positive R-Series account id but was " + b.accountId);
    }
    if (b.tokenStore == null) {
      throw new IllegalArgumentException("credentials are required: call oauth(credentials, tokenStore) or accessToken(token)");
    }
    this.accountId = b.accountId;
    this.baseUrl = BaseUrls.checked(b.baseUrl, "baseUrl");
    HttpUrl tokenUrl = b.tokenUrl != null
        ? BaseUrls.checked(b.tokenUrl, "tokenUrl")
        : (b.baseUrl.equals(DEFAULT_BASE_URL)
            ? HttpUrl.get(DEFAULT_TOKEN_URL)
            : baseUrl.newBuilder().encodedPath("/auth/oauth/token").query(null).build());
    this.accountUrl = baseUrl.newBuilder()
        .addPathSegments("API/V3/Account").addPathSegment(Long.toString(accountId)).build();
    this.mapper = JsonMapper.create();
    this.ownsHttp = b.okHttpClient == null;
    OkHttpClient base = b.limits.client(b.okHttpClient);
    // Never let OkHttp resend a request silently: the transport decides what is safe to repeat.
    OkHttpClient plain = base.newBuilder().retryOnConnectionFailure(false).build();
    HttpUrl accountsUrl = baseUrl.newBuilder().addPathSegments("API/V3/Account.json").build();
    this.guard = new AccountGuard(accountId, plain, accountsUrl, mapper);
    this.tokens = new OauthTokens(plain, tokenUrl, b.credentials, b.tokenStore, b.clock, b.refreshAhead,
        b.listener, mapper, guard);
    BearerAuth auth = new BearerAuth(tokens);
    this.http = plain.newBuilder().addInterceptor(auth).authenticator(auth).build();
    RawApi api = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(http)
        .addConverterFactory(JacksonConverterFactory.create(mapper))
        .validateEagerly(true)
        .build()
        .create(RawApi.class);
    this.limiter = new LeakyBucketLimiter();
    this.transport = new Transport(api, mapper, b.limits, http, limiter, b.retry, b.clock, b.sleeper, b.listener,
        () -> ThreadLocalRandom.current().nextDouble());

    this.items = resource("Item", Item.class);
    this.itemShops = resource("ItemShop", ItemShop.class);
    this.shops = resource("Shop", Shop.class);
    this.vendors = resource("Vendor", Vendor.class);
    this.sales = resource("Sale", Sale.class);
    this.saleLines = resource("SaleLine", SaleLine.class);
    this.orders = resource("Order", Order.class);
    this.orderLines = resource("OrderLine", OrderLine.class);
    this.employees = resource("Employee", Employee.class);
    this.registers = resource("Register", Register.class);
    this.priceLevels = resource("PriceLevel", PriceLevel.class);
    this.customers = resource("Customer", Customer.class);
    this.inventoryCounts = resource("InventoryCount", InventoryCount.class);
    this.paymentTypes = resource("PaymentType", PaymentType.class);
  }

  private <T> RetailResource<T> resource(String name, Class<T> type) {
    return new RetailResource<>(this::execute, mapper, accountUrl, name, name, type);
  }

  /** Starts building a client. */
  public static Builder builder() {
    return new Builder();
  }

  /** The account this client reads and writes. */
  public long accountId() {
    return accountId;
  }

  /** What the last response said about the account's rate limit; empty before the first response. */
  public Optional<RateLimitSnapshot> rateLimit() {
    return limiter.snapshot();
  }

  /** The account behind the access token ({@code GET /API/V3/Account.json}). */
  public Account account() {
    HttpUrl url = baseUrl.newBuilder().addPathSegments("API/V3/Account.json").build();
    RequestSpec spec = new RequestSpec("GET", url, null, RetailCosts.single(List.of()), "GET Account", true);
    return Envelope.record(mapper, transport.execute(spec).body(), "Account", Account.class, spec);
  }

  /** Items, with ItemShops, ItemComponents and ItemVendorNums as relations; prices come in every Item body. */
  public RetailResource<Item> items() {
    return items;
  }

  /** Stock rows per item and shop: the change feed for stock (sort and filter by timeStamp). */
  public RetailResource<ItemShop> itemShops() {
    return itemShops;
  }

  public RetailResource<Shop> shops() {
    return shops;
  }

  public RetailResource<Vendor> vendors() {
    return vendors;
  }

  /** Sales, with SaleLines and SalePayments as relations. */
  public RetailResource<Sale> sales() {
    return sales;
  }

  public RetailResource<SaleLine> saleLines() {
    return saleLines;
  }

  /** Purchase orders, with OrderLines as a relation. */
  public RetailResource<Order> orders() {
    return orders;
  }

  public RetailResource<OrderLine> orderLines() {
    return orderLines;
  }

  public RetailResource<Employee> employees() {
    return employees;
  }

  public RetailResource<Register> registers() {
    return registers;
  }

  public RetailResource<PriceLevel> priceLevels() {
    return priceLevels;
  }

  public RetailResource<Customer> customers() {
    return customers;
  }

  public RetailResource<InventoryCount> inventoryCounts() {
    return inventoryCounts;
  }

  /** Methods of payment (Cash, Credit Card, user-defined ones ...), named by every sale payment. */
  public RetailResource<PaymentType> paymentTypes() {
    return paymentTypes;
  }

  /**
   * The payment type with this name (case-insensitive, surrounding spaces ignored), skipping
   * archived ones. Reads the payment-type list (a handful of records, one page). When several
   * active payment types share the name, the first is returned; to refuse such a name, filter
   * {@link #paymentTypes()} with {@link PaymentType#hasName(String)} and check there is one.
   *
   * @return empty when the account has no such payment type
   */
  public Optional<PaymentType> findPaymentType(String name) {
    Objects.requireNonNull(name, "name == null");
    return paymentTypes.list().stream().filter(t -> !t.archived() && t.hasName(name)).findFirst();
  }

  /**
   * Creates a customer with its contact data in one request. Not resent after it may have reached
   * Lightspeed: on an unknown outcome look the customer up before creating it again.
   *
   * @return the customer as Lightspeed returns it, with its {@code Contact}
   */
  public Customer createCustomer(NewCustomer customer) {
    Objects.requireNonNull(customer, "customer == null");
    ObjectNode body = mapper.createObjectNode();
    customer.firstName().ifPresent(v -> body.put("firstName", v));
    customer.lastName().ifPresent(v -> body.put("lastName", v));
    customer.company().ifPresent(v -> body.put("company", v));
    customer.title().ifPresent(v -> body.put("title", v));
    customer.vatNumber().ifPresent(v -> body.put("vatNumber", v));
    customer.companyRegistrationNumber().ifPresent(v -> body.put("companyRegistrationNumber", v));
    customer.customerTypeId().ifPresent(v -> body.put("customerTypeID", v));
    int nested = contact(body, customer.emails(), customer.phones(), customer.addresses(), customer.noEmail(),
        customer.noMail(), customer.noPhone());
    return write("POST", listUrl("Customer"), body, RetailCosts.write(nested), "POST Customer", "Customer",
        Customer.class);
  }

  /**
   * Updates a customer (a partial update: only the fields set in {@code update} change).
   *
   * @return the customer as Lightspeed returns it after the write
   */
  public Customer updateCustomer(long customerId, CustomerUpdate update) {
    requirePositive(customerId, "customerId");
    Objects.requireNonNull(update, "update == null");
    ObjectNode body = mapper.createObjectNode();
    update.firstName().ifPresent(v -> body.put("firstName", v));
    update.lastName().ifPresent(v -> body.put("lastName", v));
    update.company().ifPresent(v -> body.put("company", v));
    update.title().ifPresent(v -> body.put("title", v));
    update.vatNumber().ifPresent(v -> body.put("vatNumber", v));
    update.companyRegistrationNumber().ifPresent(v -> body.put("companyRegistrationNumber", v));
    update.customerTypeId().ifPresent(v -> body.put("customerTypeID", v));
    update.archived().ifPresent(v -> body.put("archived", v));
    int nested = contact(body, update.emails(), update.phones(), update.addresses(), update.noEmail(),
        update.noMail(), update.noPhone());
    if (body.isEmpty()) {
      throw new IllegalArgumentException("the customer update changes nothing");
    }
    return write("PUT", recordUrl("Customer", customerId), body, RetailCosts.write(nested), "PUT Customer",
        "Customer", Customer.class);
  }

  /** Writes the nested Contact; returns the number of nested entities (for the cost estimate). */
  private int contact(ObjectNode body, List<ContactEmail> emails, List<ContactPhone> phones,
      List<ContactAddress> addresses, Optional<Boolean> noEmail, Optional<Boolean> noMail, Optional<Boolean> noPhone) {
    if (emails.isEmpty() && phones.isEmpty() && addresses.isEmpty() && noEmail.isEmpty() && noMail.isEmpty()
        && noPhone.isEmpty()) {
      return 0;
    }
    ObjectNode contact = body.putObject("Contact");
    noEmail.ifPresent(v -> contact.put("noEmail", v));
    noMail.ifPresent(v -> contact.put("noMail", v));
    noPhone.ifPresent(v -> contact.put("noPhone", v));
    if (!emails.isEmpty()) {
      ArrayNode rows = contact.putObject("Emails").putArray("ContactEmail");
      emails.forEach(e -> rows.addObject().put("address", e.address()).put("useType", e.useType().orElse("Primary")));
    }
    if (!phones.isEmpty()) {
      ArrayNode rows = contact.putObject("Phones").putArray("ContactPhone");
      phones.forEach(p -> rows.addObject().put("number", p.number()).put("useType", p.useType().orElse("Home")));
    }
    if (!addresses.isEmpty()) {
      ArrayNode rows = contact.putObject("Addresses").putArray("ContactAddress");
      for (ContactAddress a : addresses) {
        ObjectNode row = rows.addObject();
        a.address1().ifPresent(v -> row.put("address1", v));
        a.address2().ifPresent(v -> row.put("address2", v));
        a.city().ifPresent(v -> row.put("city", v));
        a.state().ifPresent(v -> row.put("state", v));
        a.stateCode().ifPresent(v -> row.put("stateCode", v));
        a.zip().ifPresent(v -> row.put("zip", v));
        a.country().ifPresent(v -> row.put("country", v));
        a.countryCode().ifPresent(v -> row.put("countryCode", v));
      }
    }
    return 1 + emails.size() + phones.size() + addresses.size();
  }

  /**
   * Creates an item with its codes, default vendor and prices. Not resent after it may have reached
   * Lightspeed: on an unknown outcome search by custom SKU before creating it again.
   *
   * @return the item as Lightspeed returns it (with its prices and ItemShops)
   */
  public Item createItem(NewItem item) {
    Objects.requireNonNull(item, "item == null");
    ObjectNode body = mapper.createObjectNode().put("description", item.description());
    item.customSku().ifPresent(v -> body.put("customSku", v));
    item.manufacturerSku().ifPresent(v -> body.put("manufacturerSku", v));
    item.upc().ifPresent(v -> body.put("upc", v));
    item.ean().ifPresent(v -> body.put("ean", v));
    item.defaultCost().ifPresent(v -> body.put("defaultCost", v));
    item.defaultVendorId().ifPresent(v -> body.put("defaultVendorID", v));
    item.categoryId().ifPresent(v -> body.put("categoryID", v));
    item.manufacturerId().ifPresent(v -> body.put("manufacturerID", v));
    item.itemType().ifPresent(v -> body.put("itemType", v));
    prices(body, item.prices());
    return write("POST", listUrl("Item"), body, RetailCosts.write(item.prices().size()), "POST Item", "Item", Item.class);
  }

  /**
   * Updates an item's fields and prices (a partial update: only what {@code update} sets changes).
   *
   * @return the item as Lightspeed returns it after the write
   */
  public Item updateItem(long itemId, ItemUpdate update) {
    requirePositive(itemId, "itemId");
    Objects.requireNonNull(update, "update == null");
    ObjectNode body = mapper.createObjectNode();
    update.description().ifPresent(v -> body.put("description", v));
    update.customSku().ifPresent(v -> body.put("customSku", v));
    update.manufacturerSku().ifPresent(v -> body.put("manufacturerSku", v));
    update.upc().ifPresent(v -> body.put("upc", v));
    update.ean().ifPresent(v -> body.put("ean", v));
    update.defaultCost().ifPresent(v -> body.put("defaultCost", v));
    update.defaultVendorId().ifPresent(v -> body.put("defaultVendorID", v));
    update.categoryId().ifPresent(v -> body.put("categoryID", v));
    update.manufacturerId().ifPresent(v -> body.put("manufacturerID", v));
    prices(body, update.prices());
    if (body.isEmpty()) {
      throw new IllegalArgumentException("the item update changes nothing");
    }
    return write("PUT", recordUrl("Item", itemId), body, RetailCosts.write(update.prices().size()), "PUT Item",
        "Item", Item.class);
  }

  private static void prices(ObjectNode body, List<NewItemPrice> prices) {
    if (prices.isEmpty()) {
      return;
    }
    ArrayNode rows = body.putObject("Prices").putArray("ItemPrice");
    for (NewItemPrice p : prices) {
      ObjectNode row = rows.addObject().put("amount", p.amount());
      p.priceLevelId().ifPresent(id -> row.put("useTypeID", id));
      p.useType().ifPresent(t -> row.put("useType", t));
    }
  }

  /**
   * Sets absolute quantities on hand of one item in one or more shops ({@code PUT Item} with
   * nested ItemShops). Not retried after the request may have reached Lightspeed: on an unknown
   * outcome, read the item's stock before deciding to repeat.
   *
   * @return the item as Lightspeed returns it after the write (with its ItemShops)
   */
  public Item setQuantitiesOnHand(long itemId, List<ItemShopQuantity> quantities) {
    requirePositive(itemId, "itemId");
    if (quantities.isEmpty()) {
      throw new IllegalArgumentException("quantities is empty: nothing to write");
    }
    ArrayNode rows = mapper.createArrayNode();
    for (ItemShopQuantity q : quantities) {
      rows.addObject().put("shopID", q.shopId()).put("qoh", q.quantityOnHand());
    }
    ObjectNode body = mapper.createObjectNode();
    body.putObject("ItemShops").set("ItemShop", rows);
    return write("PUT", recordUrl("Item", itemId), body, RetailCosts.write(quantities.size()), "PUT Item qoh", "Item", Item.class);
  }

  /** Sets the reorder point and reorder level of one ItemShop ({@code PUT ItemShop/{id}}). */
  public ItemShop setReorderLevels(long itemShopId, BigDecimal reorderPoint, BigDecimal reorderLevel) {
    requirePositive(itemShopId, "itemShopId");
    requireNonNegative(reorderPoint, "reorderPoint");
    requireNonNegative(reorderLevel, "reorderLevel");
    ObjectNode body = mapper.createObjectNode().put("reorderPoint", reorderPoint).put("reorderLevel", reorderLevel);
    return write("PUT", recordUrl("ItemShop", itemShopId), body, RetailCosts.write(0), "PUT ItemShop", "ItemShop",
        ItemShop.class);
  }

  /**
   * Creates a sale with its lines and payments in one request. POST is never resent after it may
   * have reached Lightspeed: on an unknown outcome search sales by {@link NewSale#referenceNumber()}
   * before posting again.
   */
  public Sale createSale(NewSale sale) {
    ObjectNode body = mapper.createObjectNode()
        .put("shopID", sale.shopId())
        .put("registerID", sale.registerId())
        .put("employeeID", sale.employeeId())
        .put("completed", sale.completed());
    sale.customerId().ifPresent(id -> body.put("customerID", id));
    sale.referenceNumber().ifPresent(r -> body.put("referenceNumber", r));
    sale.referenceNumberSource().ifPresent(r -> body.put("referenceNumberSource", r));
    ArrayNode lines = mapper.createArrayNode();
    for (NewSaleLine line : sale.lines()) {
      ObjectNode l = lines.addObject().put("itemID", line.itemId()).put("unitQuantity", line.unitQuantity());
      line.unitPrice().ifPresent(p -> l.put("unitPrice", p));
    }
    body.putObject("SaleLines").set("SaleLine", lines);
    if (!sale.payments().isEmpty()) {
      ArrayNode payments = mapper.createArrayNode();
      for (NewSalePayment p : sale.payments()) {
        payments.addObject().put("paymentTypeID", p.paymentTypeId()).put("amount", p.amount());
      }
      body.putObject("SalePayments").set("SalePayment", payments);
    }
    BigDecimal cost = RetailCosts.sale(sale.completed(), sale.lines().size() + sale.payments().size());
    return write("POST", listUrl("Sale"), body, cost, "POST Sale", "Sale", Sale.class);
  }

  /**
   * Completes an open sale with payments ({@code PUT Sale/{id}} with {@code completed=true}). Create
   * the sale open ({@code completed(false)}), read its tax-inclusive {@link Sale#total()} from the
   * response, then complete it with payments that add up to that total; Lightspeed refuses a
   * completed sale that does not balance. Not resent after it may have reached Lightspeed: on an
   * unknown outcome read the sale and complete it only if it is still open.
   *
   * @return the completed sale with its lines and payments
   */
  public Sale completeSale(long saleId, List<NewSalePayment> payments) {
    requirePositive(saleId, "saleId");
    if (payments.isEmpty()) {
      throw new IllegalArgumentException("payments is empty: a sale is completed with payments that balance its total");
    }
    ArrayNode rows = mapper.createArrayNode();
    for (NewSalePayment p : payments) {
      rows.addObject().put("paymentTypeID", p.paymentTypeId()).put("amount", p.amount());
    }
    ObjectNode body = mapper.createObjectNode().put("completed", true);
    body.putObject("SalePayments").set("SalePayment", rows);
    return write("PUT", recordUrl("Sale", saleId), body, RetailCosts.sale(true, payments.size()), "PUT Sale complete",
        "Sale", Sale.class);
  }

  /** Creates a purchase order; add its lines with {@link #createOrderLine(NewOrderLine)}. */
  public Order createOrder(NewOrder order) {
    ObjectNode body = mapper.createObjectNode().put("shopID", order.shopId());
    order.vendorId().ifPresent(v -> body.put("vendorID", v));
    order.refNum().ifPresent(r -> body.put("refNum", r));
    order.arrivalDate().ifPresent(d -> body.put("arrivalDate", d.toString()));
    return write("POST", listUrl("Order"), body, RetailCosts.write(0), "POST Order", "Order", Order.class);
  }

  /** Updates a purchase order (ordered, received and arrival dates, reference, completion). */
  public Order updateOrder(long orderId, OrderUpdate update) {
    requirePositive(orderId, "orderId");
    ObjectNode body = mapper.createObjectNode();
    update.orderedDate().ifPresent(d -> body.put("orderedDate", d.toString()));
    update.receivedDate().ifPresent(d -> body.put("receivedDate", d.toString()));
    update.arrivalDate().ifPresent(d -> body.put("arrivalDate", d.toString()));
    update.refNum().ifPresent(r -> body.put("refNum", r));
    update.complete().ifPresent(c -> body.put("complete", c));
    return write("PUT", recordUrl("Order", orderId), body, RetailCosts.write(0), "PUT Order", "Order", Order.class);
  }

  /** Adds a line to a purchase order. */
  public OrderLine createOrderLine(NewOrderLine line) {
    ObjectNode body = mapper.createObjectNode()
        .put("orderID", line.orderId())
        .put("itemID", line.itemId())
        .put("quantity", line.quantity());
    line.price().ifPresent(p -> body.put("price", p));
    line.originalPrice().ifPresent(p -> body.put("originalPrice", p));
    line.numReceived().ifPresent(n -> body.put("numReceived", n));
    return write("POST", listUrl("OrderLine"), body, RetailCosts.write(0), "POST OrderLine", "OrderLine", OrderLine.class);
  }

  /** Updates a purchase-order line (quantity, received quantity, price). */
  public OrderLine updateOrderLine(long orderLineId, OrderLineUpdate update) {
    requirePositive(orderLineId, "orderLineId");
    ObjectNode body = mapper.createObjectNode();
    update.quantity().ifPresent(q -> body.put("quantity", q));
    update.numReceived().ifPresent(n -> body.put("numReceived", n));
    update.price().ifPresent(p -> body.put("price", p));
    return write("PUT", recordUrl("OrderLine", orderLineId), body, RetailCosts.write(0), "PUT OrderLine", "OrderLine",
        OrderLine.class);
  }

  /** Starts an inventory count at a shop. */
  public InventoryCount createInventoryCount(String name, long shopId) {
    Objects.requireNonNull(name, "name == null");
    requirePositive(shopId, "shopId");
    ObjectNode body = mapper.createObjectNode().put("name", name).put("shopID", shopId);
    return write("POST", listUrl("InventoryCount"), body, RetailCosts.write(0), "POST InventoryCount", "InventoryCount",
        InventoryCount.class);
  }

  /** Records a counted quantity; stock changes only when the count is reconciled. */
  public InventoryCountItem addInventoryCountItem(long inventoryCountId, long itemId, BigDecimal quantity, long employeeId) {
    requirePositive(inventoryCountId, "inventoryCountId");
    requirePositive(itemId, "itemId");
    requirePositive(employeeId, "employeeId");
    requireNonNegative(quantity, "quantity");
    ObjectNode body = mapper.createObjectNode()
        .put("inventoryCountID", inventoryCountId)
        .put("itemID", itemId)
        .put("qty", quantity)
        .put("employeeID", employeeId);
    return write("POST", listUrl("InventoryCountItem"), body, RetailCosts.write(0), "POST InventoryCountItem",
        "InventoryCountItem", InventoryCountItem.class);
  }

  /** Reconciles an inventory count: counted quantities become the quantities on hand. */
  public void reconcileInventoryCount(long inventoryCountId) {
    requirePositive(inventoryCountId, "inventoryCountId");
    ObjectNode body = mapper.createObjectNode().put("inventoryCountID", inventoryCountId);
    RequestSpec spec = new RequestSpec("POST", listUrl("InventoryCountReconcile"), body, RetailCosts.reconcile(),
        "POST InventoryCountReconcile", false);
    execute(spec);
  }

  private <T> T write(String method, HttpUrl url, ObjectNode body, BigDecimal cost, String operationKey, String key,
      Class<T> type) {
    RequestSpec spec = new RequestSpec(method, url, body, cost, operationKey, false);
    ApiResponse response = execute(spec);
    return Envelope.record(mapper, response.body(), key, type, spec);
  }

  /** Sends an account-scoped request; a 403 caused by a wrong account id says so. */
  private ApiResponse execute(RequestSpec spec) {
    try {
      return transport.execute(spec);
    } catch (AuthenticationException e) {
      throw guard.explain(e, tokens.currentAccessToken());
    }
  }

  private HttpUrl listUrl(String resource) {
    return accountUrl.newBuilder().addPathSegment(resource + ".json").build();
  }

  private HttpUrl recordUrl(String resource, long id) {
    return accountUrl.newBuilder().addPathSegment(resource).addPathSegment(id + ".json").build();
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
  }

  private static void requireNonNegative(BigDecimal value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " cannot be negative but was " + value.toPlainString());
    }
  }

  /** Releases the connection pool and threads this client created (not those of a shared client). */
  @Override
  public void close() {
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "RetailClient{accountId=" + accountId + ", baseUrl=" + baseUrl + "}";
  }

  /** Builds a {@link RetailClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private long accountId;
    private String baseUrl = DEFAULT_BASE_URL;
    private @Nullable String tokenUrl;
    private @Nullable OauthClientCredentials credentials;
    private @Nullable TokenStore tokenStore;
    private @Nullable OkHttpClient okHttpClient;
    private HttpLimits limits = HttpLimits.defaults();
    private ClientListener listener = ClientListener.NONE;
    private RetryConfig retry = RetryConfig.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Duration refreshAhead = Duration.ofSeconds(60);

    private Builder() {}

    /** The R-Series account id (required). */
    public Builder accountId(long accountId) {
      this.accountId = accountId;
      return this;
    }

    /**
     * The API origin, default {@value #DEFAULT_BASE_URL}. Any https URL, or http to loopback for
     * tests. When set, the token endpoint defaults to {@code {origin}/auth/oauth/token}.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /** The OAuth token endpoint, when it differs from the default for the base URL. */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl == null");
      return this;
    }

    /**
     * Refreshing OAuth: the app's client credentials and the store holding the account's current
     * token pair. Every rotated pair is saved to {@code store} before it is used.
     */
    public Builder oauth(OauthClientCredentials credentials, TokenStore store) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      this.tokenStore = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /** A fixed access token with no refresh: calls fail with an auth error once it expires. */
    public Builder accessToken(String accessToken) {
      Objects.requireNonNull(accessToken, "accessToken == null");
      this.credentials = null;
      this.tokenStore = TokenStore.inMemory(TokenPair.withoutExpiry(accessToken, "none"));
      return this;
    }

    /** Shares an existing OkHttpClient's connection pool and dispatcher; it is not shut down by close(). */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Receives events for metrics and reports. */
    public Builder listener(ClientListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    public Builder retry(RetryConfig retry) {
      this.retry = Objects.requireNonNull(retry, "retry == null");
      return this;
    }

    /** The clock for token expiry and rate-limit drain; inject a fake one in tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How the client waits; inject one that advances a fake clock in tests. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** How long before expiry an access token is refreshed (default 60 s). */
    public Builder refreshAhead(Duration refreshAhead) {
      Objects.requireNonNull(refreshAhead, "refreshAhead == null");
      if (refreshAhead.isNegative()) {
        throw new IllegalArgumentException("refreshAhead cannot be negative");
      }
      this.refreshAhead = refreshAhead;
      return this;
    }

    /**
     * How long to wait for a TCP/TLS connection (default 10 s). A connection that cannot be made
     * fails with a {@link dev.lightspeedsync.client.error.LightspeedConnectionException} whose
     * {@code reached()} is false. Unset, a shared {@code okHttpClient}'s own non-zero value is kept.
     */
    public Builder connectTimeout(Duration timeout) {
      this.limits = limits.withConnectTimeout(timeout);
      return this;
    }

    /**
     * The longest silence allowed while reading a response or writing a request (default 30 s). A
     * read that times out is a connection fault of kind {@code TIMED_OUT}, retried for reads like
     * any other. Unset, a shared {@code okHttpClient}'s own non-zero value is kept.
     */
    public Builder readTimeout(Duration timeout) {
      this.limits = limits.withReadTimeout(timeout);
      return this;
    }

    /**
     * The deadline of one HTTP exchange, from connecting to the last byte of the body (default 2
     * minutes): a server that trickles a byte every few seconds cannot hold a call longer. Each retry
     * gets its own deadline; {@link RetryConfig#maxRetryDuration()} bounds them together. Unset, a
     * shared {@code okHttpClient}'s own non-zero call timeout is kept.
     */
    public Builder callTimeout(Duration timeout) {
      this.limits = limits.withCallTimeout(timeout);
      return this;
    }

    /**
     * The largest response body the client holds in memory (default 64 MiB, far above any
     * Lightspeed page). A larger body, announced by {@code Content-Length} or counted while reading,
     * is refused with a {@link dev.lightspeedsync.client.error.ResponseTooLargeException} instead of
     * exhausting the heap.
     */
    public Builder maxBodyBytes(long bytes) {
      this.limits = limits.withMaxBodyBytes(bytes);
      return this;
    }

    public RetailClient build() {
      return new RetailClient(this);
    }
  }
}
