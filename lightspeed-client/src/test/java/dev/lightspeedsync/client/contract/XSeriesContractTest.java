package dev.lightspeedsync.client.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.PageCursor;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.client.xseries.XSeriesOauth;
import dev.lightspeedsync.client.xseries.XSeriesResource;
import dev.lightspeedsync.client.xseries.model.Consignment;
import dev.lightspeedsync.client.xseries.model.ConsignmentStatus;
import dev.lightspeedsync.client.xseries.model.Inventory;
import dev.lightspeedsync.client.xseries.model.Product;
import dev.lightspeedsync.client.xseries.model.Sale;
import dev.lightspeedsync.client.xseries.query.XSeriesQuery;
import dev.lightspeedsync.client.xseries.write.ConsignmentLine;
import dev.lightspeedsync.client.xseries.write.InventoryLevel;
import dev.lightspeedsync.client.xseries.write.NewConsignment;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.FaultPlan;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import dev.lightspeedsync.testkit.XSeriesCredentials;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract tests: the X-Series client against the testkit's X-Series fake, written independently
 * from the documentation, on a manual clock (the client's sleeper moves it).
 */
class XSeriesContractTest {
  final ManualTimeSource time = new ManualTimeSource();
  final AtomicInteger responses429 = new AtomicInteger();
  final List<TokenPair> saved = new CopyOnWriteArrayList<>();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  LightspeedTestServer server;
  XSeriesClient client;

  private LightspeedTestServer startServer(TestkitConfig.Builder config) {
    server = LightspeedTestServer.start(config.timeSource(time).build());
    return server;
  }

  private XSeriesClient.Builder builder() {
    Sleeper sleeper = d -> {
      sleeps.add(d);
      time.sleep(d);
    };
    return XSeriesClient.builder()
        .baseUrl(server.xseriesOrigin().toString())
        .clock(time.asClock())
        .sleeper(sleeper)
        .listener(new ClientListener() {
          @Override
          public void onResponse(String method, String path, int status, Duration duration) {
            if (status == 429) {
              responses429.incrementAndGet();
            }
          }
        });
  }

  private XSeriesClient personal(TestkitConfig.Builder config) {
    startServer(config);
    client = builder().personalToken(server.xseriesCredentials().personalToken()).build();
    return client;
  }

  private TokenStore store(TokenPair initial) {
    return new TokenStore() {
      volatile TokenPair current = initial;

      @Override
      public Optional<TokenPair> load() {
        return Optional.of(current);
      }

      @Override
      public void save(TokenPair pair) {
        saved.add(pair);
        current = pair;
      }
    };
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The truth: every product id (deleted ones too, as the walk asks for them) and its version now. */
  private Map<String, Long> truthVersions(String resource) {
    return server.xseries().stream(resource)
        .collect(Collectors.toMap(TestkitRecord::key, r -> r.getLong("version")));
  }

  @ParameterizedTest(name = "{0} products, ids reappearing")
  @ValueSource(ints = {1, 100, 101, 10_000})
  void aWalkReadsEveryProductExactlyOnceInItsLatestStateWhileIdsReappear(int products) {
    // Every served page updates two of its records, so they reappear later in the same walk.
    XSeriesClient c = personal(TestkitConfig.builder().seed(11).xseriesProducts(products).xseriesWalkChurn(2));

    Map<String, Long> latest = new HashMap<>();
    Set<String> pairs = new HashSet<>();
    long delivered = 0;
    int pages = 0;
    for (Page<Product> page : c.products().list(XSeriesQuery.builder().pageSize(1000).build()).pages()) {
      pages++;
      assertThat(page.rejected()).isEmpty();
      for (Product p : page.items()) {
        delivered++;
        long v = p.version().orElseThrow();
        assertThat(pairs.add(p.id() + "@" + v)).as("no (id, version) twice").isTrue();
        latest.merge(p.id(), v, Math::max);
      }
    }

    Map<String, Long> truth = truthVersions("products");
    assertThat(truth).hasSize(products);
    assertThat(latest).isEqualTo(truth); // each id once, at the version it has now
    if (products > 1) {
      assertThat(delivered).as("ids reappeared during the walk").isGreaterThan(products);
    }
    assertThat(server.inspect().xseriesRateLimited()).isZero();
    assertThat(responses429).hasValue(0);
    assertThat(pages).isGreaterThanOrEqualTo(products / 1000 + 1);
  }

  @Test
  void withoutChurnAWalkDeliversEveryProductLiterallyOnceAndStopsAtTheEmptyPage() {
    XSeriesClient c = personal(TestkitConfig.builder().seed(12).xseriesProducts(250));
    List<String> ids = c.products().list(XSeriesQuery.builder().pageSize(100).build()).stream().map(Product::id)
        .collect(Collectors.toList());
    assertThat(ids).hasSize(250).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(truthVersions("products").keySet());
    assertThat(server.inspect().requests("GET /api/2.0/products")).isEqualTo(4); // 3 pages and the empty one
  }

  @Test
  void aLongWalkSpanningSeveralWindowsGetsNo429() {
    // A limit of 60 requests per 5 minutes and 241 pages: five windows.
    XSeriesClient c = personal(TestkitConfig.builder().seed(13).xseriesProducts(2_400).xseriesRateLimit(60)
        .xseriesPageSize(10, 1000));
    java.time.Instant start = time.now();

    long count = c.products().list(XSeriesQuery.builder().pageSize(10).build()).stream().count();

    assertThat(count).isEqualTo(2_400);
    assertThat(server.inspect().xseriesRateLimited()).isZero();
    assertThat(responses429).hasValue(0);
    assertThat(server.inspect().xseriesWindowPeak()).isLessThanOrEqualTo(60);
    Duration elapsed = Duration.between(start, time.now());
    Duration floor = Duration.ofMinutes(5).multipliedBy((241 + 59) / 60 - 1);
    assertThat((double) elapsed.toMillis()).isLessThanOrEqualTo(1.03 * floor.toMillis());
    assertThat(c.rateLimit().orElseThrow().limit()).isEqualTo(60);
  }

  @Test
  void a429WithAnHttpDateRetryAfterPausesTheRetailerUntilThatDate() throws IOException {
    XSeriesClient c = personal(TestkitConfig.builder().seed(14).xseriesProducts(30).xseriesRateLimit(20));
    // Another process of the same app spends the whole window behind the client's back.
    OkHttpClient other = new OkHttpClient();
    String token = server.xseriesCredentials().personalToken();
    for (int i = 0; i < 20; i++) {
      try (Response r = other.newCall(new Request.Builder().url(server.xseriesApiRoot() + "outlets")
          .header("Authorization", "Bearer " + token).build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
      }
    }
    other.dispatcher().executorService().shutdown();
    other.connectionPool().evictAll();
    java.time.Instant before = time.now();

    long count = c.products().list().stream().count();

    assertThat(count).isEqualTo(30);
    assertThat(responses429).hasValue(1);
    assertThat(server.inspect().xseriesRateLimited()).isEqualTo(1);
    // The pause lasted until the Retry-After date (plus the client's grace second), not 0 s.
    Duration paused = sleeps.get(0);
    assertThat(paused).isGreaterThan(Duration.ofSeconds(1)).isLessThanOrEqualTo(Duration.ofSeconds(302));
    assertThat(Duration.between(before, time.now())).isGreaterThanOrEqualTo(paused);
  }

  @Test
  void eightThreadsWithAnExpiredAccessTokenCauseOneRefreshAndTheRotatedPairIsSavedFirst() throws Exception {
    startServer(TestkitConfig.builder().seed(15).xseriesProducts(20).xseriesAccessTokenTtl(Duration.ofMinutes(10)));
    XSeriesCredentials creds = server.xseriesCredentials();
    TokenStore store = store(TokenPair.of(creds.accessToken(), creds.refreshToken(), creds.accessTokenExpiresAt()));
    client = builder().oauth(OauthClientCredentials.of(creds.clientId(), creds.clientSecret()), store).build();
    time.advance(Duration.ofMinutes(11)); // the access token has expired

    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> counts = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        counts.add(pool.submit(() -> {
          go.await();
          return client.products().list().stream().count();
        }));
      }
      go.countDown();
      for (Future<Long> f : counts) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(20);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.inspect().xseriesTokenRefreshes()).isEqualTo(1);
    assertThat(saved).hasSize(1);
    assertThat(saved.get(0).refreshToken()).isNotEqualTo(creds.refreshToken());
    assertThat(server.inspect().isXSeriesRefreshTokenActive(saved.get(0).refreshToken())).isTrue();
    assertThat(server.inspect().isXSeriesRefreshTokenActive(creds.refreshToken())).isFalse();
  }

  @Test
  void tokensRejectedByTheServerAreRefreshedOnceForEightThreads() throws Exception {
    startServer(TestkitConfig.builder().seed(16).xseriesProducts(20));
    XSeriesCredentials creds = server.xseriesCredentials();
    // The store knows no expiry: the client uses the token until the API refuses it.
    TokenStore store = store(TokenPair.withoutExpiry(creds.accessToken(), creds.refreshToken()));
    client = builder().oauth(OauthClientCredentials.of(creds.clientId(), creds.clientSecret()), store).build();
    server.expireAccessTokens();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> counts = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        counts.add(pool.submit(() -> {
          go.await();
          return client.outlets().list().stream().count();
        }));
      }
      go.countDown();
      for (Future<Long> f : counts) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(server.xseries().stream("outlets").count());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.inspect().xseriesTokenRefreshes()).isEqualTo(1);
    assertThat(saved).hasSize(1);
  }

  @Test
  void anAuthorizationCodeFromTheConnectFlowBecomesAWorkingClient() {
    startServer(TestkitConfig.builder().seed(17).xseriesProducts(5));
    XSeriesCredentials creds = server.xseriesCredentials();
    OauthClientCredentials app = OauthClientCredentials.of(creds.clientId(), creds.clientSecret());
    TokenPair first = XSeriesOauth.exchangeCode(server.xseriesTokenUrl().toString(), app,
        server.xseries().newAuthorizationCode(), creds.redirectUri(), time.asClock());
    client = builder().oauth(app, store(first)).build();
    assertThat(client.retailer().domainPrefix()).contains(creds.domainPrefix());
    assertThat(client.products().list().stream().count()).isEqualTo(5);
  }

  @Test
  void aWalkRecoversFrom5xxDropsAndTruncatedBodiesAndReadsEveryRecordOnce() {
    FaultPlan faults = FaultPlan.seeded(7)
        .with(Fault.SERVER_ERROR, 0.05)
        .with(Fault.DROP_CONNECTION, 0.02)
        .with(Fault.TRUNCATED_BODY, 0.01);
    XSeriesClient c = personal(TestkitConfig.builder().seed(18).xseriesProducts(3_000).xseriesSales(0).faults(faults));

    List<String> ids = c.products().list(XSeriesQuery.builder().pageSize(20).build()).stream().map(Product::id)
        .collect(Collectors.toList());

    assertThat(ids).hasSize(3_000).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(truthVersions("products").keySet());
    long injected = server.inspect().faults(Fault.SERVER_ERROR) + server.inspect().faults(Fault.DROP_CONNECTION)
        + server.inspect().faults(Fault.TRUNCATED_BODY);
    assertThat(injected).isPositive();
    assertThat(server.inspect().xseriesRateLimited()).isZero();
  }

  @Test
  void aWriteAppliedThenAnswered500IsNotRepeated() {
    XSeriesClient c = personal(TestkitConfig.builder().seed(19).xseriesProducts(20));
    String product = server.xseries().stream("inventory").findFirst().orElseThrow().require("product_id");
    String outlet = server.xseries().outletIds().get(0);
    server.injectNext(Fault.APPLY_THEN_500, "PUT /api/2.1/products/");

    assertThatThrownBy(() -> c.setInventory(product, List.of(InventoryLevel.of(outlet, new BigDecimal("-4")))))
        .isInstanceOfSatisfying(LightspeedException.class, e -> assertThat(e.requestMayHaveBeenApplied()).isTrue());

    assertThat(server.inspect().requests("PUT /api/2.1/products/{id}")).isEqualTo(1);
    assertThat(server.xseries().inventoryLevel(product, outlet)).isEqualTo(-4); // applied once, negative is legal
  }

  @Test
  void deletedProductsAreListedWithTheirDeletionAndADeletionIsSeenIncrementally() {
    XSeriesClient c = personal(TestkitConfig.builder().seed(20).xseriesProducts(200));
    Set<String> deletedTruth = server.xseries().deletedIds("products").collect(Collectors.toSet());
    assertThat(deletedTruth).isNotEmpty();

    PageCursor bookmark = null;
    Set<String> deletedSeen = new HashSet<>();
    for (Page<Product> page : c.products().list().pages()) {
      page.items().stream().filter(Product::deleted).map(Product::id).forEach(deletedSeen::add);
      if (page.next().isPresent()) {
        bookmark = page.next().get();
      }
    }
    assertThat(deletedSeen).isEqualTo(deletedTruth);
    assertThat(c.products().list(XSeriesQuery.builder().includeDeleted(false).build()).stream().map(Product::id)
        .collect(Collectors.toSet())).isEqualTo(server.xseries().expectedIds("products").collect(Collectors.toSet()));

    String victim = server.xseries().expectedIds("products").findFirst().orElseThrow();
    server.xseries().deleteProduct(victim);
    List<Product> changes = c.products().list(XSeriesQuery.changedAfter(XSeriesResource.version(bookmark))).stream()
        .collect(Collectors.toList());
    assertThat(changes).extracting(Product::id).contains(victim);
    assertThat(changes.stream().filter(p -> p.id().equals(victim)).findFirst().orElseThrow().deleted()).isTrue();
  }

  @Test
  void salesInEveryStatusAndNegativeInventoryRead() {
    XSeriesClient c = personal(TestkitConfig.builder().seed(21).xseriesProducts(60).xseriesSales(26));
    List<Sale> sales = c.sales().list().stream().collect(Collectors.toList());
    assertThat(sales).hasSize(26);
    assertThat(sales.stream().map(Sale::status).distinct().count()).isEqualTo(13);
    assertThat(sales).allSatisfy(s -> assertThat(s.lineItems()).isNotEmpty());
    String product = server.xseries().stream("inventory").findFirst().orElseThrow().require("product_id");
    String outlet = server.xseries().outletIds().get(1);
    server.xseries().setInventory(product, outlet, -7);
    List<Inventory> rows = c.productInventory(product).list().stream().collect(Collectors.toList());
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.outletId()).contains(outlet);
      assertThat(r.inventoryLevel()).contains(new BigDecimal("-7"));
    });
  }

  @Test
  void aSupplierPurchaseOrderIsReceivedIntoStock() {
    XSeriesClient c = personal(TestkitConfig.builder().seed(22).xseriesProducts(30));
    TestkitRecord stock = server.xseries().stream("inventory").findFirst().orElseThrow();
    String product = stock.require("product_id");
    String outlet = stock.require("outlet_id");
    long before = server.xseries().inventoryLevel(product, outlet);
    String supplier = server.xseries().stream("suppliers").findFirst().orElseThrow().key();

    Consignment po = c.createConsignment(NewConsignment.builder().outletId(outlet).supplierId(supplier)
        .reference("PO-7001").status("SENT").build());
    c.addConsignmentProduct(po.id(), ConsignmentLine.builder().productId(product).count(new BigDecimal("12"))
        .cost(new BigDecimal("3.5")).build());
    c.receiveConsignmentProduct(po.id(), product, new BigDecimal("10"));
    Consignment received = c.setConsignmentStatus(po.id(), ConsignmentStatus.RECEIVED);

    assertThat(received.status()).isEqualTo(ConsignmentStatus.RECEIVED);
    assertThat(server.xseries().inventoryLevel(product, outlet)).isEqualTo(before + 10);
    assertThat(c.consignmentProducts(po.id()).list().stream())
        .singleElement().satisfies(line -> assertThat(line.received()).contains(new BigDecimal("10")));
  }
}
