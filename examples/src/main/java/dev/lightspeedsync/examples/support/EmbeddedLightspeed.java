package dev.lightspeedsync.examples.support;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import dev.lightspeedsync.testkit.TimeSource;
import dev.lightspeedsync.testkit.XSeriesCredentials;
import dev.lightspeedsync.testkit.XSeriesData;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The offline Lightspeed the app and the examples use when no {@code --base-url} is given: a
 * {@link LightspeedTestServer} with generated data, real rate-limit semantics (leaky bucket of 90,
 * one drip per API second) and API time running {@code timeScale} times faster than the wall clock,
 * so a full sync of a few thousand SKUs waits for the bucket like a real one, in seconds.
 *
 * <p>Clients built by {@link #retailClient} share the server's clock and wait in its time.
 * Not thread-safe to configure; the server and clients are thread-safe.
 */
public final class EmbeddedLightspeed implements AutoCloseable {
  private final LightspeedTestServer server;

  private EmbeddedLightspeed(LightspeedTestServer server) {
    this.server = server;
  }

  /**
   * Starts a server: {@code shops} shops, {@code items} items, {@code sales} sales, seed 7; for
   * eCom {@code items / 2} products (1 to 3 variants each) and {@code sales / 4} orders.
   */
  public static EmbeddedLightspeed start(int shops, long items, long sales, double timeScale) {
    return start(TestkitConfig.builder().seed(7).shops(shops).items(items).sales(sales)
        .products(Math.max(1, items / 2)).ecomOrders(Math.max(1, sales / 4))
        .timeSource(TimeSource.scaled(timeScale)).build());
  }

  /** Starts a webshop only (no R-Series data): {@code products} products, {@code orders} orders, seed 7. */
  public static EmbeddedLightspeed webshop(long products, long orders, double timeScale) {
    return start(TestkitConfig.builder().seed(7).shops(1).items(0).sales(0).orders(0).products(products)
        .ecomOrders(orders).timeSource(TimeSource.scaled(timeScale)).build());
  }

  /**
   * Starts an X-Series retailer only (no R-Series or eCom data): {@code outlets} outlets (one
   * register each), {@code products} products, {@code sales} sales, seed 7.
   */
  public static EmbeddedLightspeed xseries(int outlets, long products, long sales, double timeScale) {
    return start(TestkitConfig.builder().seed(7).shops(1).items(0).sales(0).orders(0).products(0).ecomOrders(0)
        .xseriesOutlets(outlets).xseriesProducts(products).xseriesSales(sales)
        .timeSource(TimeSource.scaled(timeScale)).build());
  }

  /** Starts a server with any configuration. */
  public static EmbeddedLightspeed start(TestkitConfig config) {
    return new EmbeddedLightspeed(LightspeedTestServer.start(config));
  }

  public LightspeedTestServer server() {
    return server;
  }

  /** The server's API clock. */
  public Clock clock() {
    return server.clock().asClock();
  }

  /**
   * Waits in the server's API time: what an engine on {@link #clock()} must be given
   * ({@code SyncEngine.Builder.sleeper}), or a rate-limit window that the API clock passes in a
   * second would be waited for {@code timeScale} seconds of real time.
   */
  public dev.lightspeedsync.sync.engine.Sleeper sleeper() {
    return server.clock()::sleep;
  }

  /** The credentials the server issued (redacted in {@code toString()}). */
  public RetailCredentials credentials() {
    return server.retailCredentials();
  }

  /** The base URL to pass as {@code --base-url} ({@code http://127.0.0.1:<port>/}). */
  public String baseUrl() {
    return server.retailBaseUrl().toString();
  }

  /**
   * A client for the server's account, refreshing OAuth through {@code tokens} (null: an in-memory
   * store seeded with the server's initial pair).
   */
  public RetailClient retailClient(ClientListener listener, TokenStore tokens) {
    return retailClientBuilder(listener, tokens).build();
  }

  /** The builder {@link #retailClient} builds, for callers that set more (a call timeout). */
  public RetailClient.Builder retailClientBuilder(ClientListener listener, TokenStore tokens) {
    RetailCredentials c = credentials();
    TokenStore store = tokens != null ? tokens
        : TokenStore.inMemory(TokenPair.of(c.accessToken(), c.refreshToken(), c.accessTokenExpiresAt()));
    return RetailClient.builder()
        .accountId(c.accountId())
        .baseUrl(baseUrl())
        .oauth(OauthClientCredentials.of(c.clientId(), c.clientSecret()), store)
        .listener(Objects.requireNonNull(listener, "listener == null"))
        .clock(clock())
        .sleeper(server.clock()::sleep);
  }

  /** An eCom client for the server's shop, in its default language. */
  public EcomClient ecomClient(ClientListener listener) {
    return ecomClientBuilder(listener).build();
  }

  /** The builder {@link #ecomClient} builds, for callers that set more (a call timeout). */
  public EcomClient.Builder ecomClientBuilder(ClientListener listener) {
    EcomCredentials c = server.ecomCredentials();
    return EcomClient.builder()
        .baseUrl(server.ecomBaseUrl().toString())
        .language(c.language())
        .credentials(c.apiKey(), c.apiSecret())
        .listener(Objects.requireNonNull(listener, "listener == null"))
        .clock(clock())
        .sleeper(server.clock()::sleep);
  }

  /**
   * An X-Series client for the server's retailer with its personal token, on the server's clock
   * (origin {@link LightspeedTestServer#xseriesOrigin()}, the retailer's domain prefix).
   */
  public XSeriesClient.Builder xseriesClientBuilder(ClientListener listener) {
    XSeriesCredentials c = server.xseriesCredentials();
    return XSeriesClient.builder()
        .domainPrefix(c.domainPrefix())
        .baseUrl(server.xseriesOrigin().toString())
        .personalToken(c.personalToken())
        .listener(Objects.requireNonNull(listener, "listener == null"))
        .clock(clock())
        .sleeper(server.clock()::sleep);
  }

  /** The X-Series client {@link #xseriesClientBuilder} builds. */
  public XSeriesClient xseriesClient(ClientListener listener) {
    return xseriesClientBuilder(listener).build();
  }

  /** The first outlet's name (a valid {@code --default-location} for X-Series). */
  public String firstOutletName() {
    return server.xseries().stream("outlets").findFirst().map(r -> r.require("name")).orElseThrow();
  }

  /**
   * X-Series activity between two syncs: two stock changes at the first outlet, a new closed sale,
   * a deleted product and a voided sale.
   *
   * @return a one-line description
   */
  public String simulateXSeriesActivity() {
    XSeriesData x = server.xseries();
    String outlet = x.outletIds().get(0);
    List<String> products = x.expectedIds("products").sorted().limit(4).collect(Collectors.toList());
    x.setInventory(products.get(0), outlet, 77);
    x.setInventory(products.get(1), outlet, x.inventoryLevel(products.get(1), outlet) + 3);
    x.addSale(outlet, "CLOSED", Map.of(products.get(2), 2L));
    x.deleteProduct(products.get(3));
    x.stream("sales").filter(r -> "CLOSED".equals(r.get("status").orElse(""))).findFirst()
        .ifPresent(r -> x.setSaleStatus(r.key(), "VOIDED"));
    return "2 stock changes, 1 new sale, 1 deleted product, 1 voided sale";
  }

  /**
   * eCom orders are imported only when they changed within the last 12 hours (seed 003); generated
   * orders are older. This touches every fourth order, as a day of webshop activity would.
   *
   * @return how many orders were touched
   */
  public long touchRecentEcomOrders() {
    long touched = 0;
    for (TestkitRecord o : server.ecom().stream("orders").filter(o -> o.id() % 4 == 0).collect(Collectors.toList())) {
      server.ecom().setOrderStatus(o.id(), o.require("status"), o.require("paymentStatus"), o.require("shipmentStatus"));
      touched++;
    }
    return touched;
  }

  /** eCom activity between two syncs: a stock change, a hidden product and a newly paid order. */
  public String simulateEcomActivity() {
    List<TestkitRecord> visible = server.ecom().stream("products")
        .filter(p -> !p.require("visibility").equals("hidden")).limit(20).collect(Collectors.toList());
    TestkitRecord variant = visible.stream().flatMap(p -> server.ecom().variantsOf(p.id()).stream())
        .filter(v -> v.require("stockTracking").equals("enabled")).findFirst().orElseThrow();
    server.ecom().setVariantStock(variant.id(), 42);
    TestkitRecord product = visible.stream().filter(p -> p.id() != variant.getLong("product")).findFirst().orElseThrow();
    server.ecom().hideProduct(product.id());
    server.ecom().stream("orders").filter(o -> o.id() % 4 == 1).findFirst()
        .ifPresent(o -> server.ecom().setOrderStatus(o.id(), "processing_awaiting_shipment", "paid", "not_shipped"));
    return "1 stock change, 1 hidden product, 1 newly paid order";
  }

  /** The initial token pair, for seeding a token store. */
  public TokenPair initialTokens() {
    RetailCredentials c = credentials();
    return TokenPair.of(c.accessToken(), c.refreshToken(), c.accessTokenExpiresAt());
  }

  /** The first shop's name (a valid {@code --default-location}). */
  public String firstShopName() {
    return server.retail().stream("Shop").findFirst().map(r -> r.require("name")).orElseThrow();
  }

  /** Pages a full walk of an R-Series resource takes (100 records a page). */
  public long pagesOf(String resource) {
    return Math.max(1, (server.retail().count(resource) + 99) / 100);
  }

  /**
   * What happens in the shops between two syncs, so that the incremental run has something to do:
   * two stock changes, a new completed sale, an archived item and a voided sale.
   *
   * @return a one-line description
   */
  public String simulateActivity() {
    long shop = server.retail().stream("Shop").findFirst().orElseThrow().id();
    Map<Long, TestkitRecord> sellable = server.retail().stream("Item")
        .filter(r -> !r.getBoolean("archived") && r.require("itemType").equals("default")).limit(4)
        .collect(Collectors.toMap(TestkitRecord::id, r -> r));
    Long[] ids = sellable.keySet().stream().sorted().toArray(Long[]::new);
    server.retail().setStock(ids[0], shop, 77);
    server.retail().adjustStock(ids[1], shop, 3);
    server.retail().addCompletedSale(shop, Map.of(ids[2], 2L));
    server.retail().archiveItem(ids[3]);
    server.retail().stream("Sale").filter(r -> r.getBoolean("completed") && !r.getBoolean("voided")).findFirst()
        .ifPresent(r -> server.retail().voidSale(r.id()));
    return "2 stock changes, 1 new sale, 1 archived item, 1 voided sale";
  }

  @Override
  public void close() {
    server.close();
  }
}
