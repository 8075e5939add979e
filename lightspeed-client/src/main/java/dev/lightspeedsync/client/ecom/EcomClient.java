package dev.lightspeedsync.client.ecom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.ecom.model.Image;
import dev.lightspeedsync.client.ecom.model.Order;
import dev.lightspeedsync.client.ecom.model.OrderProduct;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Shipment;
import dev.lightspeedsync.client.ecom.model.ShipmentProduct;
import dev.lightspeedsync.client.ecom.model.Supplier;
import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.client.ecom.model.VariantMovement;
import dev.lightspeedsync.client.ecom.model.Webhook;
import dev.lightspeedsync.client.ecom.write.OrderUpdate;
import dev.lightspeedsync.client.ecom.write.ShipmentUpdate;
import dev.lightspeedsync.client.ecom.write.WebhookSettings;
import dev.lightspeedsync.client.error.NotFoundException;
import dev.lightspeedsync.client.internal.ecom.BasicAuth;
import dev.lightspeedsync.client.internal.ecom.EcomJson;
import dev.lightspeedsync.client.internal.ecom.EcomRateLimiter;
import dev.lightspeedsync.client.internal.ecom.EcomUrls;
import dev.lightspeedsync.client.internal.ecom.JsonNodeConverters;
import dev.lightspeedsync.client.internal.http.BaseUrls;
import dev.lightspeedsync.client.internal.http.HttpLimits;
import dev.lightspeedsync.client.internal.http.RawApi;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.internal.http.Transport;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * A typed client for one Lightspeed eCom (C-Series) shop, in one shop language.
 *
 * <pre>{@code
 * try (EcomClient shop = EcomClient.builder()
 *     .cluster(EcomCluster.EU1)
 *     .language("nl")
 *     .credentials(apiKey, apiSecret)
 *     .build()) {
 *   for (Variant v : shop.variants().walkById()) { ... }
 *   shop.setVariantStockLevel(variantId, 42);
 * }
 * }</pre>
 *
 * <p>One client per shop and API key (the rate limits are per key). It is immutable and
 * thread-safe: every thread and every list in flight shares one rate limiter, which reads the
 * three windows of {@code X-RateLimit-*} (5 minutes, hour, day), keeps to 20 requests per second,
 * and pauses before a window runs out so that a long sync does not receive a 429; on a 429 every
 * request of the client waits until the exhausted window resets (or for {@code Retry-After}). Waits
 * longer than {@link RetryConfig#maxWait()} are not taken: the call fails with a
 * {@link dev.lightspeedsync.client.error.RateLimitedException} carrying the wait, so a scheduler can
 * defer the work (a key allows 12,000 requests a day by default). Reads are retried on 429, 5xx and
 * connection faults; writes only when the server cannot have applied them.
 *
 * <p>Errors: wrong credentials give an {@link dev.lightspeedsync.client.error.AuthenticationException}
 * saying so, a language the shop has not activated an {@link InactiveLanguageException}. The API key
 * secret and the {@code Authorization} header never appear in logs, messages or {@code toString()}.
 *
 * <p>Close the client to release the connection pool and threads it created; a shared
 * {@link OkHttpClient} passed to the builder is never shut down by the client.
 */
public final class EcomClient implements AutoCloseable {
  private final HttpUrl baseUrl;
  private final String language;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final ObjectMapper mapper;
  private final EcomRateLimiter limiter;
  private final EcomCalls calls;

  private final EcomResource<Product> products;
  private final EcomResource<Variant> variants;
  private final EcomResource<Supplier> suppliers;
  private final EcomResource<Order> orders;
  private final EcomResource<Shipment> shipments;
  private final EcomResource<Webhook> webhooks;
  private final EcomResource<VariantMovement> variantMovements;

  private EcomClient(Builder b) {
    if (b.baseUrl == null) {
      throw new IllegalArgumentException("the cluster is required: call cluster(EcomCluster.EU1 or US1) or baseUrl(url)");
    }
    if (b.language == null) {
      throw new IllegalArgumentException("the shop language is required: call language(\"nl\"), one of the shop's active "
          + "language codes");
    }
    if (b.apiKey == null || b.apiSecret == null) {
      throw new IllegalArgumentException("credentials are required: call credentials(apiKey, apiSecret)");
    }
    this.baseUrl = BaseUrls.checked(b.baseUrl, "baseUrl");
    this.language = b.language;
    this.mapper = EcomJson.mapper();
    this.ownsHttp = b.okHttpClient == null;
    OkHttpClient base = b.limits.client(b.okHttpClient);
    // Never let OkHttp resend a request silently: the transport decides what is safe to repeat.
    this.http = base.newBuilder()
        .retryOnConnectionFailure(false)
        .addInterceptor(new BasicAuth(b.apiKey, b.apiSecret))
        .build();
    RawApi api = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(http)
        .addConverterFactory(new JsonNodeConverters(mapper))
        .validateEagerly(true)
        .build()
        .create(RawApi.class);
    this.limiter = new EcomRateLimiter();
    Transport transport = new Transport(api, mapper, b.limits, http, limiter, b.retry, b.clock, b.sleeper, b.listener,
        () -> ThreadLocalRandom.current().nextDouble());
    HttpUrl languageUrl = baseUrl.newBuilder().addPathSegment(language).build();
    this.calls = new EcomCalls(transport, mapper, languageUrl, language);

    this.products = new EcomResource<>(calls, "products", "products", "product", Product.class, Product::id);
    this.variants = new EcomResource<>(calls, "variants", "variants", "variant", Variant.class, Variant::id);
    this.suppliers = new EcomResource<>(calls, "suppliers", "suppliers", "supplier", Supplier.class, Supplier::id);
    this.orders = new EcomResource<>(calls, "orders", "orders", "order", Order.class, Order::id);
    this.shipments = new EcomResource<>(calls, "shipments", "shipments", "shipment", Shipment.class, Shipment::id);
    this.webhooks = new EcomResource<>(calls, "webhooks", "webhooks", "webhook", Webhook.class, Webhook::id);
    this.variantMovements = new EcomResource<>(calls, "variants/movements", "variantsMovements", "variantMovement",
        VariantMovement.class, VariantMovement::id);
  }

  /** Starts building a client. */
  public static Builder builder() {
    return new Builder();
  }

  /** The shop language in every URL of this client, e.g. {@code nl}. */
  public String language() {
    return language;
  }

  /** What the last response said about the API key's rate-limit windows; empty before the first. */
  public Optional<EcomRateLimit> rateLimit() {
    return limiter.snapshot();
  }

  /** Products. Filters seen in the field: {@code brand}, {@code supplier}, {@code type}. */
  public EcomResource<Product> products() {
    return products;
  }

  /** Variants: SKUs, prices and stock. Filter by product with {@code filter("product", id)}. */
  public EcomResource<Variant> variants() {
    return variants;
  }

  /** Suppliers (snake_case on the wire; the supplier of a product is {@link Product#supplier()}). */
  public EcomResource<Supplier> suppliers() {
    return suppliers;
  }

  /**
   * Orders. For an incremental read filter on {@code updatedAtMin} (overlapping the last run by a
   * few minutes); a full read walks them all with {@link EcomResource#walkById()}. Filters seen in
   * the field: {@code customer}, {@code number}, {@code status}, {@code paymentStatus},
   * {@code shipmentStatus}.
   */
  public EcomResource<Order> orders() {
    return orders;
  }

  /** Every line of one order, read in full (orders have a handful of lines). */
  public List<OrderProduct> orderLines(long orderId) {
    return orderProducts(orderId).list().stream().collect(Collectors.toList());
  }

  /**
   * The products an order's lines refer to, each read once ({@code GET products/{id}}), in the
   * order of the lines: what a host imports before the order when it lacks them. Products deleted
   * since the order was placed are left out.
   */
  public List<Product> productsOfOrder(long orderId) {
    Set<Long> ids = new LinkedHashSet<>();
    for (OrderProduct line : orderLines(orderId)) {
      line.productId().ifPresent(ids::add);
    }
    return readExisting(ids, products);
  }

  /**
   * The variants an order's lines refer to, each read once ({@code GET variants/{id}}), in the
   * order of the lines. Variants deleted since the order was placed are left out.
   */
  public List<Variant> variantsOfOrder(long orderId) {
    Set<Long> ids = new LinkedHashSet<>();
    for (OrderProduct line : orderLines(orderId)) {
      line.variantId().ifPresent(ids::add);
    }
    return readExisting(ids, variants);
  }

  private static <T> List<T> readExisting(Set<Long> ids, EcomResource<T> resource) {
    List<T> out = new ArrayList<>();
    for (long id : ids) {
      try {
        out.add(resource.get(id));
      } catch (NotFoundException deleted) {
        // deleted since the order was placed: nothing to import
      }
    }
    return out;
  }

  /** The images of one product ({@code /products/{productId}/images}, envelope {@code productImages}). */
  public EcomResource<Image> productImages(long productId) {
    requirePositive(productId, "productId");
    return new EcomResource<>(calls, "products/" + productId + "/images", "productImages", "productImage", Image.class,
        i -> i.id().orElse(0L));
  }

  /**
   * Stock movements of variants ({@code variants/movements}, read-only): one per stock change.
   * Filter by variant with {@code filter("variant", id)}.
   */
  public EcomResource<VariantMovement> variantMovements() {
    return variantMovements;
  }

  /** The lines of one order ({@code /orders/{orderId}/products}). */
  public EcomResource<OrderProduct> orderProducts(long orderId) {
    requirePositive(orderId, "orderId");
    return new EcomResource<>(calls, "orders/" + orderId + "/products", "orderProducts", "orderProduct",
        OrderProduct.class, OrderProduct::id);
  }

  /** Shipments. Filter by order with {@code filter("order", id)}. */
  public EcomResource<Shipment> shipments() {
    return shipments;
  }

  /**
   * The shipments of one order ({@code GET shipments.json?order=id}). Lightspeed creates an order's
   * shipment with the order; this is also how a retried ship call is detected: a shipment already
   * {@code shipped} with the same tracking code means the earlier attempt landed.
   */
  public List<Shipment> shipmentsOfOrder(long orderId) {
    requirePositive(orderId, "orderId");
    return shipments.list(EcomQuery.builder().filter("order", orderId).build()).stream().collect(Collectors.toList());
  }

  /** The lines of one shipment ({@code /shipments/{shipmentId}/products}, read-only). */
  public EcomResource<ShipmentProduct> shipmentProducts(long shipmentId) {
    requirePositive(shipmentId, "shipmentId");
    return new EcomResource<>(calls, "shipments/" + shipmentId + "/products", "shipmentProducts", "shipmentProduct",
        ShipmentProduct.class, ShipmentProduct::id);
  }

  /**
   * Updates a shipment ({@code PUT shipments/{id}.json}), e.g. {@link ShipmentUpdate#shipped(String)}
   * to mark it shipped with its tracking code. The eCom API cannot create shipments (Lightspeed
   * creates one with each order) nor choose its lines. Not resent after it may have reached
   * Lightspeed: on an unknown outcome read {@link #shipmentsOfOrder(long)} before repeating.
   *
   * @return the shipment as Lightspeed returns it after the write
   */
  public Shipment updateShipment(long shipmentId, ShipmentUpdate update) {
    requirePositive(shipmentId, "shipmentId");
    Objects.requireNonNull(update, "update == null");
    ObjectNode fields = mapper.createObjectNode();
    update.status().ifPresent(st -> fields.put("status", st.wireValue()));
    update.trackingCode().ifPresent(t -> fields.put("trackingCode", t));
    update.notifyShipped().ifPresent(b -> fields.put("doNotifyShipped", b));
    update.notifyTrackingCode().ifPresent(b -> fields.put("doNotifyTrackingCode", b));
    HttpUrl url = EcomUrls.resource(calls.languageUrl, "shipments/" + shipmentId);
    return write("PUT", url, "shipment", fields, "PUT shipment", Shipment.class);
  }

  /**
   * Updates an order's statuses or memo ({@code PUT orders/{id}.json}), e.g. to
   * {@code completed_shipped} / {@code shipped} after its shipment left.
   *
   * @return the order as Lightspeed returns it after the write
   */
  public Order updateOrder(long orderId, OrderUpdate update) {
    requirePositive(orderId, "orderId");
    Objects.requireNonNull(update, "update == null");
    ObjectNode fields = mapper.createObjectNode();
    update.status().ifPresent(st -> fields.put("status", st.wireValue()));
    update.paymentStatus().ifPresent(st -> fields.put("paymentStatus", st.wireValue()));
    update.shipmentStatus().ifPresent(st -> fields.put("shipmentStatus", st.wireValue()));
    update.memo().ifPresent(m -> fields.put("memo", m));
    HttpUrl url = EcomUrls.resource(calls.languageUrl, "orders/" + orderId);
    return write("PUT", url, "order", fields, "PUT order", Order.class);
  }

  /** Webhook subscriptions of this API key. */
  public EcomResource<Webhook> webhooks() {
    return webhooks;
  }

  /**
   * Sets a variant's absolute stock level ({@code PUT variants/{id}.json} with
   * {@code {"variant":{"stockLevel":n}}}). The eCom API documents no relative stock change on
   * writes ({@code stockLevelChange} exists only on the read-only {@link #variantMovements()}), so a
   * receipt is booked as read, add, write. Not resent after it may have reached Lightspeed: on an
   * unknown outcome read the variant (and its movements) before deciding to repeat (sales may have
   * moved the stock).
   *
   * @return the variant as Lightspeed returns it after the write
   */
  public Variant setVariantStockLevel(long variantId, long stockLevel) {
    requirePositive(variantId, "variantId");
    ObjectNode fields = mapper.createObjectNode().put("stockLevel", stockLevel);
    return writeVariant(variantId, fields, "PUT variant stockLevel");
  }

  /**
   * Sets a variant's purchase (cost) price ({@code priceCost}).
   *
   * @return the variant as Lightspeed returns it after the write
   */
  public Variant updateVariantCost(long variantId, BigDecimal priceCost) {
    requirePositive(variantId, "variantId");
    Objects.requireNonNull(priceCost, "priceCost == null");
    if (priceCost.signum() < 0) {
      throw new IllegalArgumentException("priceCost cannot be negative but was " + priceCost.toPlainString());
    }
    ObjectNode fields = mapper.createObjectNode().put("priceCost", priceCost);
    return writeVariant(variantId, fields, "PUT variant priceCost");
  }

  /** Creates a webhook ({@code POST webhooks.json}). */
  public Webhook createWebhook(WebhookSettings settings) {
    Objects.requireNonNull(settings, "settings == null");
    HttpUrl url = EcomUrls.resource(calls.languageUrl, "webhooks");
    return write("POST", url, "webhook", webhookBody(settings), "POST webhook", Webhook.class);
  }

  /** Replaces a webhook's settings ({@code PUT webhooks/{id}.json}). */
  public Webhook updateWebhook(long webhookId, WebhookSettings settings) {
    requirePositive(webhookId, "webhookId");
    Objects.requireNonNull(settings, "settings == null");
    HttpUrl url = EcomUrls.resource(calls.languageUrl, "webhooks/" + webhookId);
    return write("PUT", url, "webhook", webhookBody(settings), "PUT webhook", Webhook.class);
  }

  /**
   * Deletes a webhook ({@code DELETE webhooks/{id}.json}).
   *
   * @throws dev.lightspeedsync.client.error.NotFoundException when there is no such webhook
   */
  public void deleteWebhook(long webhookId) {
    requirePositive(webhookId, "webhookId");
    HttpUrl url = EcomUrls.resource(calls.languageUrl, "webhooks/" + webhookId);
    calls.execute(new RequestSpec("DELETE", url, null, BigDecimal.ONE, "DELETE webhook", false));
  }

  private ObjectNode webhookBody(WebhookSettings s) {
    return mapper.createObjectNode()
        .put("isActive", s.active())
        .put("itemGroup", s.itemGroup())
        .put("itemAction", s.itemAction())
        .put("format", s.format().toLowerCase(Locale.ROOT))
        .put("address", s.address());
  }

  private Variant writeVariant(long variantId, ObjectNode fields, String operationKey) {
    HttpUrl url = EcomUrls.resource(calls.languageUrl, "variants/" + variantId);
    return write("PUT", url, "variant", fields, operationKey, Variant.class);
  }

  private <T> T write(String method, HttpUrl url, String key, ObjectNode fields, String operationKey, Class<T> type) {
    ObjectNode body = mapper.createObjectNode();
    body.set(key, fields);
    RequestSpec spec = new RequestSpec(method, url, body, BigDecimal.ONE, operationKey, false);
    return calls.record(calls.execute(spec).body(), key, type, spec);
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
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
    return "EcomClient{baseUrl=" + baseUrl + ", language=" + language + "}";
  }

  /** Builds an {@link EcomClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private @Nullable String baseUrl;
    private @Nullable String language;
    private @Nullable String apiKey;
    private @Nullable String apiSecret;
    private @Nullable OkHttpClient okHttpClient;
    private HttpLimits limits = HttpLimits.defaults();
    private ClientListener listener = ClientListener.NONE;
    private RetryConfig retry = RetryConfig.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    /** The shop's cluster (required unless {@link #baseUrl(String)} is set). */
    public Builder cluster(EcomCluster cluster) {
      this.baseUrl = Objects.requireNonNull(cluster, "cluster == null").baseUrl();
      return this;
    }

    /** Any API origin instead of a cluster: https, or plain http to loopback for tests. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /**
     * The shop language (required): two letters, one of the codes active in the shop, such as
     * {@code nl}, {@code en} or {@code us}. Translatable fields come back in this language.
     */
    public Builder language(String language) {
      Objects.requireNonNull(language, "language == null");
      String l = language.trim().toLowerCase(Locale.ROOT);
      if (!l.matches("[a-z]{2}")) {
        throw new IllegalArgumentException("language must be a two-letter shop language code such as nl, en or us but was '"
            + language + "'");
      }
      this.language = l;
      return this;
    }

    /**
     * The API key and secret, sent as HTTP Basic on every request. For an app-store app the secret
     * is {@code md5(shop access token + app secret)}.
     */
    public Builder credentials(String apiKey, String apiSecret) {
      Objects.requireNonNull(apiKey, "apiKey == null");
      Objects.requireNonNull(apiSecret, "apiSecret == null");
      if (apiKey.isBlank() || apiKey.chars().anyMatch(c -> c == ':' || Character.isWhitespace(c) || c < 0x20)) {
        throw new IllegalArgumentException("apiKey must be non-blank, without spaces or ':'");
      }
      if (apiSecret.isBlank() || apiSecret.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
        throw new IllegalArgumentException("apiSecret must be non-blank and without spaces");
      }
      this.apiKey = apiKey;
      this.apiSecret = apiSecret;
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

    /** Retry attempts, backoff and the longest wait taken in-process (default {@link RetryConfig#defaults()}). */
    public Builder retry(RetryConfig retry) {
      this.retry = Objects.requireNonNull(retry, "retry == null");
      return this;
    }

    /** The clock for rate-limit windows; inject a fake one in tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How the client waits; inject one that advances a fake clock in tests. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException when the cluster (or base URL), language or credentials are
     *     missing, or the base URL is plain http to a non-loopback host
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

    public EcomClient build() {
      return new EcomClient(this);
    }

    @Override
    public String toString() {
      return "EcomClient.Builder{baseUrl=" + baseUrl + ", language=" + language + "}";
    }
  }
}
