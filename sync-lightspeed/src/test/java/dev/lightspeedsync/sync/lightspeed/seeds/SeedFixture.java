package dev.lightspeedsync.sync.lightspeed.seeds;

import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomConnector;
import dev.lightspeedsync.sync.lightspeed.retail.RetailConnector;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesConnector;
import dev.lightspeedsync.sync.spi.Connector;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.XSeriesCredentials;

/**
 * One seed scenario: the testkit, a client, the platform's connector and an in-memory sink, run
 * through the public engine only. No rule is called directly.
 */
final class SeedFixture implements AutoCloseable {
  final ManualTimeSource time = new ManualTimeSource();
  final SyncMetrics metrics = new SyncMetrics();
  final InMemorySyncSink sink = new InMemorySyncSink();
  final LightspeedTestServer server;
  private final AutoCloseable client;
  final Connector connector;
  /** The X-Series client, for writes a Lightspeed user would make in the back office; null on other platforms. */
  final XSeriesClient xseriesClient;

  private enum Platform { RETAIL, ECOM, XSERIES }

  private SeedFixture(TestkitConfig.Builder config, boolean ecom) {
    this(config, ecom ? Platform.ECOM : Platform.RETAIL);
  }

  private SeedFixture(TestkitConfig.Builder config, Platform platform) {
    server = LightspeedTestServer.start(config.timeSource(time).build());
    if (platform == Platform.XSERIES) {
      XSeriesCredentials c = server.xseriesCredentials();
      Sleeper sleeper = time::sleep;
      XSeriesClient x = XSeriesClient.builder().domainPrefix(c.domainPrefix()).baseUrl(server.xseriesOrigin().toString())
          .personalToken(c.personalToken()).clock(time.asClock()).sleeper(sleeper).listener(metrics).build();
      client = x;
      xseriesClient = x;
      connector = XSeriesConnector.builder().client(x).metrics(metrics).clock(time.asClock()).build();
    } else if (platform == Platform.ECOM) {
      EcomCredentials c = server.ecomCredentials();
      EcomClient e = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(c.language())
          .credentials(c.apiKey(), c.apiSecret()).clock(time.asClock()).sleeper(time::sleep).listener(metrics).build();
      client = e;
      xseriesClient = null;
      connector = EcomConnector.builder().client(e).shopKey("shop").metrics(metrics).clock(time.asClock()).build();
    } else {
      RetailCredentials c = server.retailCredentials();
      Sleeper sleeper = time::sleep;
      RetailClient r = RetailClient.builder().accountId(c.accountId()).baseUrl(server.origin() + "/")
          .oauth(OauthClientCredentials.of(c.clientId(), c.clientSecret()),
              TokenStore.inMemory(TokenPair.of(c.accessToken(), c.refreshToken(),
                  time.now().plusSeconds(c.expiresInSeconds()))))
          .listener(metrics).clock(time.asClock()).sleeper(sleeper).build();
      client = r;
      xseriesClient = null;
      connector = RetailConnector.builder().client(r).metrics(metrics).clock(time.asClock()).build();
    }
  }

  static SeedFixture retail(long items, long sales) {
    return new SeedFixture(TestkitConfig.builder().seed(7).shops(3).items(items).sales(sales).orders(0), false);
  }

  static SeedFixture ecom(long products, long orders) {
    return new SeedFixture(TestkitConfig.builder().seed(7).items(0).sales(0).orders(0).products(products)
        .ecomOrders(orders), true);
  }

  static SeedFixture xseries(long products, long sales) {
    return new SeedFixture(TestkitConfig.builder().seed(7).items(0).sales(0).orders(0).xseriesOutlets(3)
        .xseriesProducts(products).xseriesSales(sales), Platform.XSERIES);
  }

  /** The eCom client, for the writers a host runs after a sync; fails on other platforms. */
  EcomClient ecomClient() {
    return (EcomClient) client;
  }

  SyncEngine engine(SyncSettings settings) {
    return SyncEngine.builder().sink(sink).settings(settings).clock(time.asClock()).sleeper(time::sleep).build();
  }

  SyncReport run(SyncSettings settings) {
    return engine(settings).run(connector);
  }

  /** The R-Series client, for the host's writes (product and customer export); R-Series fixtures only. */
  RetailClient retailClient() {
    if (!(client instanceof RetailClient r)) {
      throw new IllegalStateException("not an R-Series fixture");
    }
    return r;
  }

  /** A shop name of the testkit account. */
  String shop(int index) {
    return server.retail().stream("Shop").skip(index).findFirst().orElseThrow().require("name");
  }

  @Override
  public void close() throws Exception {
    client.close();
    server.close();
  }
}
