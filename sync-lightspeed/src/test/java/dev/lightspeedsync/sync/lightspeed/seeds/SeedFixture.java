package dev.lightspeedsync.sync.lightspeed.seeds;

import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomConnector;
import dev.lightspeedsync.sync.lightspeed.retail.RetailConnector;
import dev.lightspeedsync.sync.spi.Connector;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;

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

  private SeedFixture(TestkitConfig.Builder config, boolean ecom) {
    server = LightspeedTestServer.start(config.timeSource(time).build());
    if (ecom) {
      EcomCredentials c = server.ecomCredentials();
      EcomClient e = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(c.language())
          .credentials(c.apiKey(), c.apiSecret()).clock(time.asClock()).sleeper(time::sleep).listener(metrics).build();
      client = e;
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

  SyncEngine engine(SyncSettings settings) {
    return SyncEngine.builder().sink(sink).settings(settings).clock(time.asClock()).sleeper(time::sleep).build();
  }

  SyncReport run(SyncSettings settings) {
    return engine(settings).run(connector);
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
