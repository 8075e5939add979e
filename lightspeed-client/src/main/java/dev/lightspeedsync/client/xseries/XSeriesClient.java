package dev.lightspeedsync.client.xseries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.internal.http.ApiResponse;
import dev.lightspeedsync.client.internal.http.BaseUrls;
import dev.lightspeedsync.client.internal.http.HttpLimits;
import dev.lightspeedsync.client.internal.http.RawApi;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.internal.http.Transport;
import dev.lightspeedsync.client.internal.retail.BearerAuth;
import dev.lightspeedsync.client.internal.retail.OauthTokens;
import dev.lightspeedsync.client.internal.xseries.StaticBearer;
import dev.lightspeedsync.client.internal.xseries.XSeriesJson;
import dev.lightspeedsync.client.internal.xseries.XSeriesRateLimiter;
import dev.lightspeedsync.client.xseries.model.Consignment;
import dev.lightspeedsync.client.xseries.model.ConsignmentProduct;
import dev.lightspeedsync.client.xseries.model.ConsignmentStatus;
import dev.lightspeedsync.client.xseries.model.Customer;
import dev.lightspeedsync.client.xseries.model.Inventory;
import dev.lightspeedsync.client.xseries.model.Outlet;
import dev.lightspeedsync.client.xseries.model.Product;
import dev.lightspeedsync.client.xseries.model.Register;
import dev.lightspeedsync.client.xseries.model.Retailer;
import dev.lightspeedsync.client.xseries.model.Sale;
import dev.lightspeedsync.client.xseries.model.Supplier;
import dev.lightspeedsync.client.xseries.model.Webhook;
import dev.lightspeedsync.client.xseries.write.ComponentQuantity;
import dev.lightspeedsync.client.xseries.write.ConsignmentLine;
import dev.lightspeedsync.client.xseries.write.CustomerDetails;
import dev.lightspeedsync.client.xseries.write.InventoryLevel;
import dev.lightspeedsync.client.xseries.write.NewConsignment;
import dev.lightspeedsync.client.xseries.write.NewProduct;
import dev.lightspeedsync.client.xseries.write.NewRegisterSale;
import dev.lightspeedsync.client.xseries.write.NewRegisterSaleLine;
import dev.lightspeedsync.client.xseries.write.NewRegisterSalePayment;
import dev.lightspeedsync.client.xseries.write.ProductUpdate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * A typed client for one Lightspeed Retail X-Series retailer (API 2.0, ex Vend).
 *
 * <pre>{@code
 * try (XSeriesClient store = XSeriesClient.builder()
 *     .domainPrefix("mystore")
 *     .personalToken(token)                 // or .oauth(credentials, tokenStore)
 *     .build()) {
 *   for (Page<Product> page : store.products().list().pages()) {
 *     save(page.items());
 *     page.next().ifPresent(c -> bookmark(XSeriesResource.version(c)));
 *   }
 * }
 * }</pre>
 *
 * <p>URLs: reads and most writes go to {@code https://{domain_prefix}.retail.lightspeed.app/api/2.0},
 * product and inventory updates to {@code /api/2.1}, the OAuth token endpoint is
 * {@code /api/1.0/token} and sales are created through the legacy {@code /api/register_sales}.
 * {@link Builder#baseUrl(String)} replaces the origin (tests, the testkit, a proxy); plain http is
 * allowed only to loopback.
 *
 * <p>One client per retailer. It is immutable and thread-safe: every thread and every list in
 * flight shares one rate limiter for the retailer's {@code 300 x registers + 50} requests per 5
 * minutes, which paces requests so that a long sync gets no 429, and pauses every request of the
 * retailer until the HTTP-date {@code Retry-After} when one does. Waits up to 5.5 minutes (one
 * window) are taken in-process by default; longer ones fail with a
 * {@link dev.lightspeedsync.client.error.RateLimitedException} carrying the wait. Reads are retried
 * on 429, 5xx and connection faults; writes only when Lightspeed cannot have applied them (a 429,
 * or a connection that was never made). OAuth access tokens are refreshed once for all threads,
 * shortly before they expire or on the first 401 (then the request is repeated once); a refresh may
 * rotate the refresh token, and every new pair is saved to the {@link TokenStore} before it is used.
 *
 * <p>Tokens, the client secret and the {@code Authorization} header never appear in logs,
 * exception messages or {@code toString()}. Close the client to release the connection pool and
 * threads it created; a shared {@link OkHttpClient} passed to the builder is never shut down.
 */
public final class XSeriesClient implements AutoCloseable {
  private static final Pattern DOMAIN_PREFIX = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final DateTimeFormatter LEGACY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  /** One window plus a little: a paced sync that has spent the window waits for it in-process. */
  static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(330);

  private final @Nullable String domainPrefix;
  private final HttpUrl origin;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final ObjectMapper mapper;
  private final XSeriesRateLimiter limiter;
  private final XSeriesCalls calls;

  private final XSeriesResource<Outlet> outlets;
  private final XSeriesResource<Register> registers;
  private final XSeriesResource<Product> products;
  private final XSeriesResource<Inventory> inventory;
  private final XSeriesResource<Sale> sales;
  private final XSeriesResource<Customer> customers;
  private final XSeriesResource<Supplier> suppliers;
  private final XSeriesResource<Consignment> consignments;

  private XSeriesClient(Builder b) {
    if (b.baseUrl == null && b.domainPrefix == null) {
      throw new IllegalArgumentException("the retailer is required: call domainPrefix(\"mystore\") (the subdomain of "
          + "mystore.retail.lightspeed.app) or baseUrl(url)");
    }
    if (b.personalToken == null && b.tokenStore == null) {
      throw new IllegalArgumentException("credentials are required: call personalToken(token) or "
          + "oauth(credentials, tokenStore)");
    }
    this.domainPrefix = b.domainPrefix;
    this.origin = BaseUrls.checked(b.baseUrl != null ? b.baseUrl : origin(b.domainPrefix), "baseUrl")
        .newBuilder().query(null).build();
    this.mapper = XSeriesJson.mapper();
    this.ownsHttp = b.okHttpClient == null;
    OkHttpClient base = b.limits.client(b.okHttpClient);
    // Never let OkHttp resend a request silently: the transport decides what is safe to repeat.
    OkHttpClient plain = base.newBuilder().retryOnConnectionFailure(false).build();
    if (b.personalToken != null) {
      this.http = plain.newBuilder().addInterceptor(new StaticBearer(b.personalToken)).build();
    } else {
      HttpUrl tokenUrl = b.tokenUrl != null
          ? stripSlash(BaseUrls.checked(b.tokenUrl, "tokenUrl"))
          : origin.newBuilder().addPathSegments("api/1.0/token").build();
      OauthTokens tokens = new OauthTokens(plain, tokenUrl, b.credentials, Objects.requireNonNull(b.tokenStore),
          b.clock, b.refreshAhead, b.listener, mapper, null);
      BearerAuth auth = new BearerAuth(tokens);
      this.http = plain.newBuilder().addInterceptor(auth).authenticator(auth).build();
    }
    RawApi api = new Retrofit.Builder()
        .baseUrl(origin)
        .client(http)
        .addConverterFactory(JacksonConverterFactory.create(mapper))
        .validateEagerly(true)
        .build()
        .create(RawApi.class);
    this.limiter = new XSeriesRateLimiter();
    RetryConfig retry = b.retry != null ? b.retry : RetryConfig.defaults().withMaxWait(DEFAULT_MAX_WAIT);
    Transport transport = new Transport(api, mapper, b.limits, http, limiter, retry, b.clock, b.sleeper, b.listener,
        () -> ThreadLocalRandom.current().nextDouble());
    this.calls = new XSeriesCalls(transport, mapper, origin, b.personalToken != null);

    this.outlets = new XSeriesResource<>(calls, "outlets", Outlet.class, true, true);
    this.registers = new XSeriesResource<>(calls, "registers", Register.class, true, true);
    this.products = new XSeriesResource<>(calls, "products", Product.class, true, true);
    this.inventory = new XSeriesResource<>(calls, "inventory", Inventory.class, false, false);
    this.sales = new XSeriesResource<>(calls, "sales", Sale.class, false, true);
    this.customers = new XSeriesResource<>(calls, "customers", Customer.class, true, true);
    this.suppliers = new XSeriesResource<>(calls, "suppliers", Supplier.class, false, true);
    this.consignments = new XSeriesResource<>(calls, "consignments", Consignment.class, false, true);
  }

  static String origin(@Nullable String domainPrefix) {
    return "https://" + checkDomainPrefix(domainPrefix) + ".retail.lightspeed.app/";
  }

  static String checkDomainPrefix(@Nullable String domainPrefix) {
    Objects.requireNonNull(domainPrefix, "domainPrefix == null");
    if (!DOMAIN_PREFIX.matcher(domainPrefix).matches()) {
      throw new IllegalArgumentException("domainPrefix must be the retailer's subdomain in lower case (letters, digits, "
          + "'-'), as in mystore.retail.lightspeed.app, but was '" + domainPrefix + "'");
    }
    return domainPrefix;
  }

  private static HttpUrl stripSlash(HttpUrl url) {
    String p = url.encodedPath();
    return p.length() > 1 && p.endsWith("/") ? url.newBuilder().encodedPath(p.substring(0, p.length() - 1)).build() : url;
  }

  /** Starts building a client. */
  public static Builder builder() {
    return new Builder();
  }

  /** The retailer's domain prefix, when the client was built with one. */
  public Optional<String> domainPrefix() {
    return Optional.ofNullable(domainPrefix);
  }

  /** What the last response said about the retailer's rate limit; empty before the first response. */
  public Optional<XSeriesRateLimit> rateLimit() {
    return limiter.snapshot();
  }

  /** Outlets (store locations); deleted ones included by default. */
  public XSeriesResource<Outlet> outlets() {
    return outlets;
  }

  /** Registers of all outlets; deleted ones included by default. */
  public XSeriesResource<Register> registers() {
    return registers;
  }

  /** Products: every variant is a product of its own; deleted ones included by default. */
  public XSeriesResource<Product> products() {
    return products;
  }

  /** Stock of every product at every outlet (one record per product and outlet; negative levels are legal). */
  public XSeriesResource<Inventory> inventory() {
    return inventory;
  }

  /** The stock of one product at every outlet ({@code GET /products/{id}/inventory}). */
  public XSeriesResource<Inventory> productInventory(String productId) {
    return new XSeriesResource<>(calls, "products/" + id(productId, "productId") + "/inventory", Inventory.class,
        false, false);
  }

  /** Sales in every status, with line items and payments. The API offers no deleted filter here. */
  public XSeriesResource<Sale> sales() {
    return sales;
  }

  /** Customers; deleted ones included by default. */
  public XSeriesResource<Customer> customers() {
    return customers;
  }

  /** Suppliers. Their records may carry no version, in which case the list is read in one page. */
  public XSeriesResource<Supplier> suppliers() {
    return suppliers;
  }

  /** Consignments: supplier orders, transfers, returns, stocktakes. Filter with {@code filter("type", "SUPPLIER")}. */
  public XSeriesResource<Consignment> consignments() {
    return consignments;
  }

  /** The product lines of one consignment ({@code GET /consignments/{id}/products}). */
  public XSeriesResource<ConsignmentProduct> consignmentProducts(String consignmentId) {
    return new XSeriesResource<>(calls, "consignments/" + id(consignmentId, "consignmentId") + "/products",
        ConsignmentProduct.class, false, false);
  }

  /** The retailer behind the token ({@code GET /retailer}). */
  public Retailer retailer() {
    RequestSpec spec = get(calls.v20.newBuilder().addPathSegment("retailer").build(), "GET retailer");
    return calls.record(calls.execute(spec).body(), Retailer.class, spec);
  }

  /**
   * The products holding {@code sku} ({@code GET /products?sku=...}, one request): the API documents
   * that this parameter "allows loading a product by one of its SKUs" and that every other parameter is
   * then ignored, so it is not a paged list (a version walk would read the same page forever). Deleted
   * products may be included; check {@link Product#deleted()}. The SKU is sent exactly as given.
   */
  public List<Product> findProductsBySku(String sku) {
    Objects.requireNonNull(sku, "sku == null");
    if (sku.isBlank()) {
      throw new IllegalArgumentException("sku is blank");
    }
    RequestSpec spec = get(calls.v20.newBuilder().addPathSegment("products").addQueryParameter("sku", sku).build(),
        "GET products?sku");
    return calls.records(calls.execute(spec).body(), Product.class, spec);
  }

  /**
   * The customers whose {@code customer_code} is {@code customerCode}, through the search endpoint
   * ({@code GET /search?type=customers&customer_code=...}, one request of up to 1,000 results; the
   * search pages by offset, not by version). Use it to find a customer created with a code of yours.
   */
  public List<Customer> findCustomersByCode(String customerCode) {
    Objects.requireNonNull(customerCode, "customerCode == null");
    if (customerCode.isBlank()) {
      throw new IllegalArgumentException("customerCode is blank");
    }
    RequestSpec spec = get(calls.v20.newBuilder().addPathSegment("search").addQueryParameter("type", "customers")
        .addQueryParameter("customer_code", customerCode).addQueryParameter("page_size", "1000").build(),
        "GET search customers");
    return calls.records(calls.execute(spec).body(), Customer.class, spec);
  }

  /** The webhook subscriptions of the token's app ({@code GET /api/2.0/webhooks}; not paged). */
  public List<Webhook> webhooks() {
    RequestSpec spec = get(calls.v20.newBuilder().addPathSegment("webhooks").build(), "GET webhooks");
    return calls.records(calls.execute(spec).body(), Webhook.class, spec);
  }

  /**
   * Updates one product (variant) through {@code PUT /api/2.1/products/{id}}: family fields in
   * {@code common}, the variant's fields and stock in {@code details}. Not resent after it may have
   * reached Lightspeed: on an unknown outcome read the product before deciding to repeat.
   *
   * @return the product when the response carries it
   */
  public Optional<Product> updateProduct(String productId, ProductUpdate update) {
    Objects.requireNonNull(update, "update == null");
    ObjectNode body = mapper.createObjectNode();
    ObjectNode common = mapper.createObjectNode();
    update.name().ifPresent(v -> common.put("name", v));
    update.description().ifPresent(v -> common.put("description", v));
    update.brandId().ifPresent(v -> common.put("brand_id", v));
    ObjectNode details = mapper.createObjectNode();
    update.sku().ifPresent(v -> details.put("sku", v));
    update.active().ifPresent(v -> details.put("is_active", v));
    update.priceExcludingTax().ifPresent(v -> details.put("price_excluding_tax", v));
    update.priceIncludingTax().ifPresent(v -> details.put("price_including_tax", v));
    update.supplyPrice().ifPresent(v -> details.put("supply_price", v));
    if (!update.inventory().isEmpty()) {
      details.set("inventory", inventoryRows(update.inventory()));
    }
    if (common.size() > 0) {
      body.set("common", common);
    }
    if (details.size() > 0) {
      body.set("details", details);
    }
    HttpUrl url = calls.v21.newBuilder().addPathSegment("products").addPathSegment(id(productId, "productId")).build();
    RequestSpec spec = write("PUT", url, body, "PUT 2.1 products");
    return optionalRecord(calls.execute(spec).body(), Product.class, spec);
  }

  /**
   * Sets absolute stock levels of one product at one or more outlets (the direct inventory update
   * of {@code PUT /api/2.1/products/{id}}). Lightspeed recommends stock flows (sales, consignments,
   * stocktakes) where X-Series is the source of truth: a direct set writes vague product history
   * and affects cost. Not resent after it may have reached Lightspeed.
   */
  public Optional<Product> setInventory(String productId, List<InventoryLevel> levels) {
    Objects.requireNonNull(levels, "levels == null");
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("levels is empty: nothing to write");
    }
    return updateProduct(productId, ProductUpdate.inventory(levels));
  }

  /**
   * Creates a product ({@code POST /api/2.0/products}). A POST is never resent after it may have
   * reached Lightspeed: on an unknown outcome look the product up by SKU before posting again.
   *
   * @return the ids of the new products, as the API returns them
   */
  public List<String> createProduct(NewProduct product) {
    Objects.requireNonNull(product, "product == null");
    ObjectNode body = mapper.createObjectNode().put("name", product.name());
    product.sku().ifPresent(v -> body.put("sku", v));
    product.handle().ifPresent(v -> body.put("handle", v));
    product.description().ifPresent(v -> body.put("description", v));
    product.active().ifPresent(v -> body.put("is_active", v));
    product.priceExcludingTax().ifPresent(v -> body.put("price_excluding_tax", v));
    product.priceIncludingTax().ifPresent(v -> body.put("price_including_tax", v));
    product.supplyPrice().ifPresent(v -> body.put("supply_price", v));
    product.supplierId().ifPresent(v -> body.put("supplier_id", v));
    product.supplierCode().ifPresent(v -> body.put("supplier_code", v));
    product.brandId().ifPresent(v -> body.put("brand_id", v));
    product.productTypeId().ifPresent(v -> body.put("product_type_id", v));
    if (!product.inventory().isEmpty()) {
      body.set("inventory", inventoryRows(product.inventory()));
    }
    if (!product.components().isEmpty()) {
      ArrayNode rows = body.putArray("composite");
      for (ComponentQuantity c : product.components()) {
        rows.addObject().put("product_id", c.productId()).put("quantity", c.quantity());
      }
    }
    RequestSpec spec = write("POST", calls.v20.newBuilder().addPathSegment("products").build(), body, "POST products");
    JsonNode data = calls.execute(spec).body().get("data");
    List<String> ids = new ArrayList<>();
    if (data != null && data.isArray()) {
      for (JsonNode n : data) {
        String id = n.isObject() ? n.path("id").asText("") : n.asText("");
        if (!id.isBlank()) {
          ids.add(id);
        }
      }
    } else if (data != null && data.isObject() && !data.path("id").asText("").isBlank()) {
      ids.add(data.path("id").asText());
    }
    if (ids.isEmpty()) {
      throw new DecodingException(spec.describe() + " answered without the new product's id; the product was probably "
          + "created: look it up by SKU before posting again", 200, null, null, true, null);
    }
    return List.copyOf(ids);
  }

  /**
   * Creates a customer ({@code POST /customers}); it needs a first or last name. Never resent
   * after it may have reached Lightspeed: on an unknown outcome search by email or customer code.
   */
  public Customer createCustomer(CustomerDetails customer) {
    Objects.requireNonNull(customer, "customer == null");
    if (customer.firstName().isEmpty() && customer.lastName().isEmpty()) {
      throw new IllegalArgumentException("a new customer needs a firstName or a lastName");
    }
    RequestSpec spec = write("POST", calls.v20.newBuilder().addPathSegment("customers").build(),
        customerBody(customer), "POST customers");
    return calls.record(calls.execute(spec).body(), Customer.class, spec);
  }

  /** Updates a customer ({@code PUT /customers/{id}}); only the fields that are set are sent. */
  public Customer updateCustomer(String customerId, CustomerDetails customer) {
    Objects.requireNonNull(customer, "customer == null");
    ObjectNode body = customerBody(customer);
    if (body.size() == 0) {
      throw new IllegalArgumentException("the customer update changes nothing: set at least one field");
    }
    HttpUrl url = calls.v20.newBuilder().addPathSegment("customers").addPathSegment(id(customerId, "customerId")).build();
    RequestSpec spec = write("PUT", url, body, "PUT customers");
    return calls.record(calls.execute(spec).body(), Customer.class, spec);
  }

  /**
   * Creates a consignment ({@code POST /consignments}), by default a supplier purchase order in
   * status OPEN. Never resent after it may have reached Lightspeed: on an unknown outcome list
   * consignments and match your {@link NewConsignment#reference()}.
   */
  public Consignment createConsignment(NewConsignment consignment) {
    Objects.requireNonNull(consignment, "consignment == null");
    ObjectNode body = mapper.createObjectNode()
        .put("outlet_id", consignment.outletId())
        .put("type", consignment.type())
        .put("status", consignment.status());
    consignment.supplierId().ifPresent(v -> body.put("supplier_id", v));
    consignment.sourceOutletId().ifPresent(v -> body.put("source_outlet_id", v));
    consignment.name().ifPresent(v -> body.put("name", v));
    consignment.reference().ifPresent(v -> body.put("reference", v));
    consignment.dueAt().ifPresent(v -> body.put("due_at", v.toString()));
    RequestSpec spec = write("POST", calls.v20.newBuilder().addPathSegment("consignments").build(), body,
        "POST consignments");
    return calls.record(calls.execute(spec).body(), Consignment.class, spec);
  }

  /**
   * Adds a product to a consignment ({@code POST /consignments/{id}/products}); quantities are
   * sent as decimal strings. Composites cannot be added to supplier orders. Never resent after it
   * may have reached Lightspeed.
   *
   * @return the line when the response carries it
   */
  public Optional<ConsignmentProduct> addConsignmentProduct(String consignmentId, ConsignmentLine line) {
    Objects.requireNonNull(line, "line == null");
    HttpUrl url = consignmentUrl(consignmentId).newBuilder().addPathSegment("products").build();
    RequestSpec spec = write("POST", url, lineBody(line, true), "POST consignment products");
    return optionalRecord(calls.execute(spec).body(), ConsignmentProduct.class, spec);
  }

  /**
   * Changes a product line of a consignment ({@code PUT /consignments/{id}/products/{productId}}):
   * on a supplier order, {@code count} while OPEN or SENT, {@code received} once DISPATCHED (setting
   * it on a SENT order moves the order to DISPATCHED), {@code cost} until received.
   *
   * @return the line when the response carries it
   */
  public Optional<ConsignmentProduct> updateConsignmentProduct(String consignmentId, ConsignmentLine line) {
    Objects.requireNonNull(line, "line == null");
    HttpUrl url = consignmentUrl(consignmentId).newBuilder().addPathSegment("products")
        .addPathSegment(id(line.productId(), "productId")).build();
    ObjectNode body = lineBody(line, false);
    if (body.size() == 0) {
      throw new IllegalArgumentException("the consignment line changes nothing: set count, received or cost");
    }
    RequestSpec spec = write("PUT", url, body, "PUT consignment product");
    return optionalRecord(calls.execute(spec).body(), ConsignmentProduct.class, spec);
  }

  /** Records the quantity received of one product of a consignment (absolute, not an increment). */
  public Optional<ConsignmentProduct> receiveConsignmentProduct(String consignmentId, String productId,
      BigDecimal received) {
    return updateConsignmentProduct(consignmentId,
        ConsignmentLine.builder().productId(productId).received(received).build());
  }

  /**
   * Moves a consignment to {@code status} ({@code PUT /consignments/{id}}), e.g. RECEIVED once
   * received quantities are recorded (at least one must be non-zero). Because the documented body is
   * the whole consignment, the current record is read first and sent back with the new status, so
   * that the update cannot blank a field. RECEIVED and CANCELLED consignments are immutable.
   */
  public Consignment setConsignmentStatus(String consignmentId, ConsignmentStatus status) {
    Objects.requireNonNull(status, "status == null");
    if (status == ConsignmentStatus.UNKNOWN) {
      throw new IllegalArgumentException("status UNKNOWN cannot be written");
    }
    Consignment current = consignments.get(id(consignmentId, "consignmentId"));
    ObjectNode body = mapper.createObjectNode();
    current.outletId().ifPresent(v -> body.put("outlet_id", v));
    current.typeRaw().ifPresent(v -> body.put("type", v));
    current.name().ifPresent(v -> body.put("name", v));
    current.supplierId().ifPresent(v -> body.put("supplier_id", v));
    current.sourceOutletId().ifPresent(v -> body.put("source_outlet_id", v));
    current.reference().ifPresent(v -> body.put("reference", v));
    current.supplierInvoice().ifPresent(v -> body.put("supplier_invoice", v));
    current.dueAt().ifPresent(v -> body.put("due_at", v.toString()));
    current.consignmentDate().ifPresent(v -> body.put("consignment_date", v.toString()));
    body.put("status", status.wireValue());
    RequestSpec spec = write("PUT", consignmentUrl(consignmentId), body, "PUT consignment");
    return calls.record(calls.execute(spec).body(), Consignment.class, spec);
  }

  /**
   * Creates a sale through the legacy {@code POST /api/register_sales} (API 0.9 field names). Never
   * resent after it may have reached Lightspeed: on an unknown outcome look the sale up by its
   * {@link NewRegisterSale#invoiceNumber()} before posting again.
   *
   * @return the id of the new sale
   */
  public String createRegisterSale(NewRegisterSale sale) {
    Objects.requireNonNull(sale, "sale == null");
    ObjectNode body = mapper.createObjectNode()
        .put("register_id", sale.registerId())
        .put("user_id", sale.userId())
        .put("status", sale.status());
    sale.customerId().ifPresent(v -> body.put("customer_id", v));
    sale.saleDate().ifPresent(v -> body.put("sale_date", LEGACY_TIME.format(v)));
    sale.note().ifPresent(v -> body.put("note", v));
    sale.invoiceNumber().ifPresent(v -> body.put("invoice_number", v));
    ArrayNode lines = body.putArray("register_sale_products");
    for (NewRegisterSaleLine l : sale.lines()) {
      ObjectNode row = lines.addObject()
          .put("product_id", l.productId())
          .put("register_id", sale.registerId())
          .put("quantity", l.quantity())
          .put("price", l.price())
          .put("tax", l.tax())
          .put("tax_id", l.taxId());
      l.cost().ifPresent(v -> row.put("cost", v));
      l.discount().ifPresent(v -> row.put("discount", v));
    }
    ArrayNode payments = body.putArray("register_sale_payments");
    for (NewRegisterSalePayment p : sale.payments()) {
      ObjectNode row = payments.addObject()
          .put("register_id", sale.registerId())
          .put("retailer_payment_type_id", p.retailerPaymentTypeId())
          .put("amount", p.amount());
      p.paymentDate().ifPresent(v -> row.put("payment_date", LEGACY_TIME.format(v)));
    }
    RequestSpec spec = write("POST", calls.legacy.newBuilder().addPathSegment("register_sales").build(), body,
        "POST register_sales");
    JsonNode root = calls.execute(spec).body();
    for (JsonNode candidate : new JsonNode[] {root.path("register_sale"), root.path("data"), root}) {
      String id = candidate.path("id").asText("");
      if (!id.isBlank()) {
        return id;
      }
    }
    throw new DecodingException(spec.describe() + " answered without the new sale's id; the sale was probably created: "
        + "look it up by invoice number before posting again", 200, null, null, true, null);
  }

  private ArrayNode inventoryRows(List<InventoryLevel> levels) {
    ArrayNode rows = mapper.createArrayNode();
    for (InventoryLevel level : levels) {
      ObjectNode row = rows.addObject()
          .put("outlet_id", level.outletId())
          .put("current_amount", level.currentAmount());
      level.reorderPoint().ifPresent(v -> row.put("reorder_point", v));
      level.reorderAmount().ifPresent(v -> row.put("reorder_amount", v));
    }
    return rows;
  }

  private ObjectNode customerBody(CustomerDetails c) {
    ObjectNode body = mapper.createObjectNode();
    c.firstName().ifPresent(v -> body.put("first_name", v));
    c.lastName().ifPresent(v -> body.put("last_name", v));
    c.email().ifPresent(v -> body.put("email", v));
    c.phone().ifPresent(v -> body.put("phone", v));
    c.mobile().ifPresent(v -> body.put("mobile", v));
    c.companyName().ifPresent(v -> body.put("company_name", v));
    c.customerCode().ifPresent(v -> body.put("customer_code", v));
    c.customerGroupId().ifPresent(v -> body.put("customer_group_id", v));
    c.note().ifPresent(v -> body.put("note", v));
    c.doNotEmail().ifPresent(v -> body.put("do_not_email", v));
    c.physicalAddress1().ifPresent(v -> body.put("physical_address_1", v));
    c.physicalAddress2().ifPresent(v -> body.put("physical_address_2", v));
    c.physicalCity().ifPresent(v -> body.put("physical_city", v));
    c.physicalPostcode().ifPresent(v -> body.put("physical_postcode", v));
    c.physicalState().ifPresent(v -> body.put("physical_state", v));
    c.physicalCountryId().ifPresent(v -> body.put("physical_country_id", v));
    return body;
  }

  private ObjectNode lineBody(ConsignmentLine line, boolean withProduct) {
    ObjectNode body = mapper.createObjectNode();
    if (withProduct) {
      body.put("product_id", line.productId());
    }
    line.count().ifPresent(v -> body.put("count", v.toPlainString()));
    line.received().ifPresent(v -> body.put("received", v.toPlainString()));
    line.cost().ifPresent(v -> body.put("cost", v.toPlainString()));
    return body;
  }

  private <T> Optional<T> optionalRecord(JsonNode root, Class<T> type, RequestSpec spec) {
    JsonNode data = root.get("data");
    if (data == null || !data.isObject() || data.size() == 0) {
      return Optional.empty();
    }
    return Optional.of(calls.decode(data, type, spec));
  }

  private HttpUrl consignmentUrl(String consignmentId) {
    return calls.v20.newBuilder().addPathSegment("consignments").addPathSegment(id(consignmentId, "consignmentId"))
        .build();
  }

  private static RequestSpec get(HttpUrl url, String operationKey) {
    return new RequestSpec("GET", url, null, BigDecimal.ONE, operationKey, true);
  }

  /** Writes are never repeated once they may have reached Lightspeed (only 429s and unsent requests are retried). */
  private static RequestSpec write(String method, HttpUrl url, ObjectNode body, String operationKey) {
    return new RequestSpec(method, url, body, BigDecimal.ONE, operationKey, false);
  }

  private static String id(String id, String name) {
    Objects.requireNonNull(id, name + " == null");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(name + " must be an X-Series id (a UUID) but was '" + id + "'");
    }
    return id;
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
    return "XSeriesClient{" + (domainPrefix == null ? "" : "domainPrefix=" + domainPrefix + ", ") + "origin=" + origin
        + "}";
  }

  /** Builds an {@link XSeriesClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private @Nullable String domainPrefix;
    private @Nullable String baseUrl;
    private @Nullable String tokenUrl;
    private @Nullable String personalToken;
    private @Nullable OauthClientCredentials credentials;
    private @Nullable TokenStore tokenStore;
    private @Nullable OkHttpClient okHttpClient;
    private HttpLimits limits = HttpLimits.defaults();
    private ClientListener listener = ClientListener.NONE;
    private @Nullable RetryConfig retry;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Duration refreshAhead = Duration.ofSeconds(60);

    private Builder() {}

    /** The retailer's subdomain: {@code mystore} for {@code mystore.retail.lightspeed.app}. */
    public Builder domainPrefix(String domainPrefix) {
      this.domainPrefix = checkDomainPrefix(domainPrefix);
      return this;
    }

    /**
     * Replaces the origin {@code https://{domain_prefix}.retail.lightspeed.app/} (tests, the
     * testkit, a proxy): https, or plain http to loopback only. The API paths ({@code /api/2.0} ...)
     * and the token endpoint ({@code /api/1.0/token}) are appended to it.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /** The OAuth token endpoint, when it is not {@code {origin}/api/1.0/token}. */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl == null");
      return this;
    }

    /** A personal token created by an admin in the web app: sent as a bearer token, never refreshed. */
    public Builder personalToken(String token) {
      Objects.requireNonNull(token, "token == null");
      if (token.isBlank() || token.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
        throw new IllegalArgumentException("the personal token must be non-blank and without spaces");
      }
      this.personalToken = token;
      this.credentials = null;
      this.tokenStore = null;
      return this;
    }

    /**
     * OAuth (authorization-code grant): the app's credentials and the store holding the retailer's
     * current pair (save the pair of {@link XSeriesOauth#exchangeCode} there first). The client
     * refreshes the access token and saves every new pair, including a rotated refresh token, to
     * {@code store} before using it.
     */
    public Builder oauth(OauthClientCredentials credentials, TokenStore store) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      this.tokenStore = Objects.requireNonNull(store, "store == null");
      this.personalToken = null;
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

    /**
     * Retry attempts, backoff and the longest wait taken in-process. The default is
     * {@link RetryConfig#defaults()} with a {@code maxWait} of 330 s, so that a sync waits for the
     * 5-minute window instead of failing.
     */
    public Builder retry(RetryConfig retry) {
      this.retry = Objects.requireNonNull(retry, "retry == null");
      return this;
    }

    /** The clock for token expiry and the rate-limit window; inject a fake one in tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How the client waits; inject one that advances a fake clock in tests. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** How long before expiry an OAuth access token is refreshed (default 60 s). */
    public Builder refreshAhead(Duration refreshAhead) {
      Objects.requireNonNull(refreshAhead, "refreshAhead == null");
      if (refreshAhead.isNegative()) {
        throw new IllegalArgumentException("refreshAhead cannot be negative");
      }
      this.refreshAhead = refreshAhead;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException when the retailer or the credentials are missing, or the base
     *     URL is plain http to a non-loopback host
     */
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

    public XSeriesClient build() {
      return new XSeriesClient(this);
    }

    @Override
    public String toString() {
      return "XSeriesClient.Builder{domainPrefix=" + domainPrefix + ", baseUrl=" + baseUrl + "}";
    }
  }
}
