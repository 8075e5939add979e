package dev.lightspeedsync.sync.lightspeed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomConnector;
import dev.lightspeedsync.sync.lightspeed.retail.RetailConnector;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.ExpectedCounts;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The testkit's {@code RetailData.expected()} and {@code EcomData.expected()} (the ground truth that
 * host tests use) are what the connectors' full sync stores under the default rules.
 */
class ExpectedCountsSyncTest {
  final ManualTimeSource time = new ManualTimeSource();
  LightspeedTestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** What the sink holds; a retail sale counts once completed, an eCom order whenever stored (paid). */
  private static ExpectedCounts stored(InMemorySyncSink sink, List<String> skuIds, List<String> saleIds,
      boolean completedOnly) {
    long skus = sink.findSkus(skuIds).values().stream().filter(Sku::active).count();
    long stock = sink.findStock(skuIds).size();
    long sales = sink.findSales(saleIds).values().stream()
        .filter(o -> !completedOnly || o.status() == SaleStatus.COMPLETED).count();
    return new ExpectedCounts(skus, stock, sales);
  }

  private static List<String> ids(LightspeedTestServer server, boolean retail, String resource) {
    return (retail ? server.retail().stream(resource) : server.ecom().stream(resource))
        .map(r -> Long.toString(r.id())).collect(Collectors.toList());
  }

  @Test
  void retailFullSyncStoresTheExpectedCounts() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(42).timeSource(time).shops(3).items(300)
        .sales(400).orders(0).build());
    RetailCredentials creds = server.retailCredentials();
    Clock clock = Clock.fixed(time.now(), ZoneOffset.UTC);
    try (RetailClient client = RetailClient.builder().accountId(creds.accountId()).baseUrl(server.origin() + "/")
        .oauth(OauthClientCredentials.of(creds.clientId(), creds.clientSecret()),
            TokenStore.inMemory(TokenPair.of(creds.accessToken(), creds.refreshToken(),
                time.now().plusSeconds(creds.expiresInSeconds()))))
        .clock(time.asClock()).sleeper(time::sleep).build()) {
      String anyShop = server.retail().stream("Shop").findFirst().orElseThrow().require("name");
      InMemorySyncSink sink = new InMemorySyncSink();
      new EngineRun(RetailConnector.builder().client(client).clock(clock).build(), sink,
          SyncSettings.builder()
              .location(LocationConfig.builder().strategy(LocationStrategy.ALL).defaultLocationCode(anyShop).build())
              .build(), clock).runOnce();

      ExpectedCounts expected = server.retail().expected();
      assertThat(expected.skus()).isPositive();
      assertThat(expected.sales()).isPositive();
      assertThat(stored(sink, ids(server, true, "Item"), ids(server, true, "Sale"), true)).isEqualTo(expected);
    }
  }

  @Test
  void ecomFullSyncStoresTheExpectedCounts() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(11).timeSource(time).items(0).sales(0).orders(0)
        .products(120).ecomOrders(100).build());
    EcomCredentials creds = server.ecomCredentials();
    Clock clock = Clock.fixed(time.now(), ZoneOffset.UTC);
    try (EcomClient client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(creds.language())
        .credentials(creds.apiKey(), creds.apiSecret()).clock(time.asClock()).sleeper(time::sleep).build()) {
      InMemorySyncSink sink = new InMemorySyncSink();
      new EngineRun(EcomConnector.builder().client(client).shopKey("shop-1").clock(clock).build(), sink,
          SyncSettings.defaults(), clock).runOnce();

      ExpectedCounts expected = server.ecom().expected();
      assertThat(expected.skus()).isPositive();
      assertThat(expected.sales()).isPositive();
      assertThat(stored(sink, ids(server, false, "variants"), ids(server, false, "orders"), false)).isEqualTo(expected);
    }
  }
}
