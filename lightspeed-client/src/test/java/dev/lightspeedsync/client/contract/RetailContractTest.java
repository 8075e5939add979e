package dev.lightspeedsync.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.ItemShop;
import dev.lightspeedsync.client.retail.query.Archived;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.FaultPlan;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Contract tests: the R-Series client against the testkit, a fake written independently from the
 * API fact sheet, with real leaky-bucket semantics on a manual clock (the client's sleeper moves it).
 */
class RetailContractTest {
  private static final RetailQuery ALL = RetailQuery.builder().archived(Archived.INCLUDE).build();
  final ManualTimeSource time = new ManualTimeSource();
  final AtomicInteger responses429 = new AtomicInteger();
  final List<TokenPair> saved = new CopyOnWriteArrayList<>();
  LightspeedTestServer server;
  RetailClient client;

  private RetailClient start(TestkitConfig.Builder config) {
    server = LightspeedTestServer.start(config.timeSource(time).build());
    RetailCredentials creds = server.retailCredentials();
    TokenStore store = new TokenStore() {
      volatile TokenPair current =
          TokenPair.of(creds.accessToken(), creds.refreshToken(), time.now().plusSeconds(creds.expiresInSeconds()));

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
    Clock clock = time.asClock();
    Sleeper sleeper = time::sleep;
    client = RetailClient.builder()
        .accountId(creds.accountId())
        .baseUrl(server.origin() + "/")
        .oauth(OauthClientCredentials.of(creds.clientId(), creds.clientSecret()), store)
        .clock(clock)
        .sleeper(sleeper)
        .listener(new ClientListener() {
          @Override
          public void onResponse(String method, String path, int status, Duration duration) {
            if (status == 429) {
              responses429.incrementAndGet();
            }
          }
        })
        .build();
    return client;
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

  @Test
  void thousandsOfItemsArePagedExactlyOnceWithOneRequestPerPageAndNo429() {
    RetailClient c = start(TestkitConfig.builder().seed(1).items(5_000).shops(2).sales(0).orders(0));

    List<Long> ids = c.items().list(RetailQuery.builder().archived(Archived.INCLUDE).loadRelations("ItemShops").build())
        .stream().map(Item::id).collect(Collectors.toList());

    assertThat(ids).hasSize(5_000).doesNotHaveDuplicates().isSorted();
    assertThat(server.inspect().totalRequests()).isEqualTo(50);
    assertThat(server.inspect().rateLimited()).isZero();
    assertThat(responses429).hasValue(0);
    assertThat(server.inspect().bucketPeak()).isLessThanOrEqualTo(90.0);
  }

  @Test
  void fourThreadsSharingOneClientStayUnderTheBucket() throws Exception {
    RetailClient c = start(TestkitConfig.builder().seed(2).items(2_000).shops(3).sales(0).orders(0));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Long>> counts = new ArrayList<>();
    counts.add(pool.submit(() -> c.items().list(ALL).stream().count()));
    counts.add(pool.submit(() -> c.itemShops().list().stream().count()));
    counts.add(pool.submit(() -> c.items().list(RetailQuery.builder().archived(Archived.INCLUDE).loadRelations("ItemShops", "ItemVendorNums").build())
        .stream().count()));
    counts.add(pool.submit(() -> c.itemShops().list(RetailQuery.builder().sort("timeStamp").build()).stream()
        .map(ItemShop::id).distinct().count()));
    List<Long> results = new ArrayList<>();
    for (Future<Long> f : counts) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(results).containsExactly(2_000L, 8_000L, 2_000L, 8_000L);
    assertThat(server.inspect().rateLimited()).isZero();
    assertThat(server.inspect().bucketPeak()).isLessThanOrEqualTo(90.0);
  }

  @Test
  void aFullWalkRecoversFromInjectedFaultsAndReadsEveryRecordOnce() {
    FaultPlan faults = FaultPlan.seeded(7)
        .with(Fault.SERVER_ERROR, 0.05)
        .with(Fault.DROP_CONNECTION, 0.02)
        .with(Fault.TRUNCATED_BODY, 0.01);
    RetailClient c = start(TestkitConfig.builder().seed(3).items(3_000).shops(2).sales(0).orders(0).faults(faults));

    List<Long> ids = c.items().list(ALL).stream().map(Item::id).collect(Collectors.toList());

    assertThat(ids).hasSize(3_000).doesNotHaveDuplicates().isSorted();
    long injected = server.inspect().faults(Fault.SERVER_ERROR) + server.inspect().faults(Fault.DROP_CONNECTION)
        + server.inspect().faults(Fault.TRUNCATED_BODY);
    assertThat(injected).isPositive();
    assertThat(server.inspect().rateLimited()).isZero();
  }

  @Test
  void expiringAccessTokensAreRotatedAndEveryNewPairIsSavedFirst() {
    RetailClient c = start(TestkitConfig.builder().seed(4).items(3_000).shops(1).sales(0).orders(0)
        .accessTokenTtl(Duration.ofSeconds(20)));

    long count = c.items().list(ALL).stream().count();

    assertThat(count).isEqualTo(3_000);
    assertThat(server.inspect().tokenRefreshes()).isPositive().isEqualTo(saved.size());
    TokenPair newest = saved.get(saved.size() - 1);
    assertThat(server.inspect().isRefreshTokenActive(newest.refreshToken())).isTrue();
    assertThat(saved.stream().map(TokenPair::refreshToken).distinct().count()).isEqualTo(saved.size());
  }
}
