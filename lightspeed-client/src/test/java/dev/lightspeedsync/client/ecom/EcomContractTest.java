package dev.lightspeedsync.client.ecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.ecom.model.Order;
import dev.lightspeedsync.client.ecom.model.OrderProduct;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.client.ecom.model.VariantMovement;
import dev.lightspeedsync.client.ecom.model.Webhook;
import dev.lightspeedsync.client.ecom.write.WebhookSettings;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.error.NotFoundException;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.FaultPlan;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Contract tests: the eCom client against the testkit, a fake written independently from the same
 * fact sheet, with its quotas enforced on a manual clock that the client's sleeper moves.
 */
class EcomContractTest {
  final ManualTimeSource time = new ManualTimeSource();
  final AtomicInteger responses429 = new AtomicInteger();
  LightspeedTestServer server;
  EcomCredentials creds;
  EcomClient client;

  private EcomClient start(TestkitConfig.Builder config) {
    return start(config, RetryConfig.defaults().withMaxWait(Duration.ofDays(1)));
  }

  private EcomClient start(TestkitConfig.Builder config, RetryConfig retry) {
    server = LightspeedTestServer.start(config.timeSource(time).build());
    creds = server.ecomCredentials();
    client = builder().retry(retry).build();
    return client;
  }

  private EcomClient.Builder builder() {
    Clock clock = new Clock() {
      @Override
      public Instant instant() {
        return time.now();
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
    return EcomClient.builder()
        .baseUrl(server.ecomBaseUrl().toString())
        .language(creds.language())
        .credentials(creds.apiKey(), creds.apiSecret())
        .clock(clock)
        .sleeper(time::advance)
        .listener(new ClientListener() {
          @Override
          public void onResponse(String method, String path, int status, Duration duration) {
            if (status == 429) {
              responses429.incrementAndGet();
            }
          }
        });
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
  void bothWalksReadEveryVariantOnceAndAgreeWithTheCount() {
    EcomClient c = start(TestkitConfig.builder().seed(11).products(400).suppliers(5).ecomOrders(0));
    long count = c.variants().count();
    assertThat(count).isGreaterThan(400);

    List<Long> byPage = c.variants().list().stream().map(Variant::id).collect(Collectors.toList());
    List<Long> byId = c.variants().walkById().stream().map(Variant::id).collect(Collectors.toList());

    assertThat(byPage).hasSize((int) count).doesNotHaveDuplicates();
    assertThat(byId).hasSize((int) count).doesNotHaveDuplicates().isSorted();
    assertThat(byPage).containsExactlyInAnyOrderElementsOf(byId);
    assertThat(server.inspect().ecomRateLimited()).isZero();
    assertThat(responses429).hasValue(0);
  }

  @Test
  void productsSuppliersAndRelationsMatchTheServer() {
    EcomClient c = start(TestkitConfig.builder().seed(12).products(50).suppliers(5).ecomOrders(0));
    List<Product> products = c.products().walkById().stream().collect(Collectors.toList());
    assertThat(products).hasSize(50);
    for (Product p : products) {
      assertThat(p.visibility()).isNotNull();
      assertThat(p.variants()).hasValueSatisfying(r -> assertThat(r.isToMany()).isTrue());
      p.supplierId().ifPresent(id -> assertThat(c.suppliers().get(id).id()).isEqualTo(id));
    }
    Product first = products.get(0);
    List<Variant> variants = c.variants().list(EcomQuery.builder().filter("product", first.id()).build())
        .stream().collect(Collectors.toList());
    assertThat(variants).isNotEmpty().allSatisfy(v -> assertThat(v.productId()).contains(first.id()));
  }

  @Test
  void ordersAndTheirProducts() {
    EcomClient c = start(TestkitConfig.builder().seed(13).products(30).suppliers(2).ecomOrders(20));
    List<Order> orders = c.orders().walkById().stream().collect(Collectors.toList());
    assertThat(orders).hasSize(20);
    for (Order o : orders.subList(0, 5)) {
      List<OrderProduct> lines = c.orderProducts(o.id()).list().stream().collect(Collectors.toList());
      assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l.quantityOrdered()).isPositive());
      assertThat(c.orderProducts(o.id()).count()).isEqualTo(lines.size());
      assertThat(o.createdAt()).isPresent();
      assertThat(o.number()).isPresent();
    }
  }

  @Test
  void aLongSyncStaysUnderEveryWindow() {
    EcomClient c = start(TestkitConfig.builder().seed(14).products(150).suppliers(2).ecomOrders(0)
        .ecomLimits(30, 100, 10_000));
    // 10 records a page: dozens of requests across several 5-minute windows and past the hourly quota.
    List<Long> ids = c.variants().walkById(EcomQuery.builder().limit(10).build()).stream().map(Variant::id)
        .collect(Collectors.toList());
    assertThat(ids).doesNotHaveDuplicates().isSorted().hasSize((int) server.ecom().count("variants"));
    assertThat(server.inspect().ecomRateLimited()).isZero();
    assertThat(responses429).hasValue(0);
  }

  @Test
  void fourThreadsSharingOneClientGetNo429() throws Exception {
    EcomClient c = start(TestkitConfig.builder().seed(15).products(200).suppliers(3).ecomOrders(40)
        .ecomLimits(60, 1000, 10_000));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> counts = new ArrayList<>();
      EcomQuery small = EcomQuery.builder().limit(20).build();
      counts.add(pool.submit(() -> c.variants().walkById(small).stream().count()));
      counts.add(pool.submit(() -> c.products().list(small).stream().count()));
      counts.add(pool.submit(() -> c.orders().walkById(small).stream().count()));
      counts.add(pool.submit(() -> c.variants().list(small).stream().count()));
      List<Long> results = new ArrayList<>();
      for (Future<Long> f : counts) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      long variants = server.ecom().count("variants");
      assertThat(results).containsExactly(variants, 200L, 40L, variants);
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.inspect().ecomRateLimited()).isZero();
    assertThat(responses429).hasValue(0);
  }

  @Test
  void aWalkRecoversFromInjectedFaults() {
    FaultPlan faults = FaultPlan.seeded(7)
        .with(Fault.SERVER_ERROR, 0.05)
        .with(Fault.DROP_CONNECTION, 0.02)
        .with(Fault.TRUNCATED_BODY, 0.02);
    EcomClient c = start(TestkitConfig.builder().seed(16).products(300).suppliers(2).ecomOrders(0).faults(faults));
    List<Long> ids = c.variants().walkById(EcomQuery.builder().limit(25).build()).stream().map(Variant::id)
        .collect(Collectors.toList());
    assertThat(ids).doesNotHaveDuplicates().isSorted().hasSize((int) server.ecom().count("variants"));
    assertThat(server.inspect().faults(Fault.SERVER_ERROR) + server.inspect().faults(Fault.DROP_CONNECTION)
        + server.inspect().faults(Fault.TRUNCATED_BODY)).isPositive();
  }

  @Test
  void stockAndCostWritesLandOnTheServer() {
    EcomClient c = start(TestkitConfig.builder().seed(17).products(5).suppliers(1).ecomOrders(0));
    Variant v = c.variants().list().firstPage().items().get(0);
    Variant updated = c.setVariantStockLevel(v.id(), 37);
    assertThat(updated.stockLevel()).contains(37L);
    assertThat(server.ecom().get("variants", v.id()).orElseThrow().getLong("stockLevel")).isEqualTo(37);
    Variant costed = c.updateVariantCost(v.id(), new BigDecimal("12.34"));
    assertThat(costed.priceCost()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("12.34"));
    assertThat(c.variants().get(v.id()).stockLevel()).contains(37L);
  }

  @Test
  void aStockWriteWhoseOutcomeIsUnknownIsNotResentAndShowsInTheVariantAndItsMovements() {
    EcomClient c = start(TestkitConfig.builder().seed(19).products(5).suppliers(1).ecomOrders(0));
    Variant v = c.variants().list().firstPage().items().get(0);
    long before = v.stockLevel().orElseThrow();
    time.advance(Duration.ofMinutes(1));

    server.injectNext(Fault.APPLY_THEN_500, "PUT /" + creds.language() + "/variants/");
    assertThatThrownBy(() -> c.setVariantStockLevel(v.id(), before + 3))
        .isInstanceOfSatisfying(LightspeedException.class, e -> assertThat(e.requestMayHaveBeenApplied()).isTrue());
    server.injectNext(Fault.DROP_CONNECTION, "PUT /" + creds.language() + "/variants/");
    assertThatThrownBy(() -> c.setVariantStockLevel(v.id(), before + 5))
        .isInstanceOfSatisfying(LightspeedException.class, e -> assertThat(e.requestMayHaveBeenApplied()).isTrue());

    assertThat(server.inspect().requests("PUT variants/{id}.json")).as("neither write resent").isEqualTo(2);
    Variant now = c.variants().get(v.id());
    assertThat(now.stockLevel()).as("the first landed, the dropped one did not").contains(before + 3);
    assertThat(now.updatedAt()).isNotEqualTo(v.updatedAt());
    assertThat(c.variantMovements().list(EcomQuery.builder().filter("variant", v.id()).build()).stream()
        .map(VariantMovement::stockLevelChange)).containsExactly(3L);
  }

  @Test
  void webhooksAreCreatedListedUpdatedAndDeleted() {
    EcomClient c = start(TestkitConfig.builder().seed(18).products(1).suppliers(1).ecomOrders(0));
    Webhook created = c.createWebhook(WebhookSettings.builder().itemGroup("orders").itemAction("updated")
        .address("https://example.com/hooks/ls").build());
    assertThat(created.address()).contains("https://example.com/hooks/ls");
    assertThat(created.format()).contains("json");
    assertThat(c.webhooks().list().stream().map(Webhook::id)).contains(created.id());
    Webhook updated = c.updateWebhook(created.id(), WebhookSettings.builder().itemGroup("variants").itemAction("*")
        .address("https://example.com/hooks/ls").active(false).build());
    assertThat(updated.itemGroup()).contains("variants");
    assertThat(updated.active()).contains(false);
    c.deleteWebhook(created.id());
    assertThatThrownBy(() -> c.webhooks().get(created.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void wrongCredentialsAndAnInactiveLanguageAreClearErrors() {
    start(TestkitConfig.builder().seed(19).products(1).suppliers(1).ecomOrders(0).ecomLanguages(List.of("nl", "en")));
    try (EcomClient wrongKey = builder().credentials(creds.apiKey(), "0".repeat(32)).build()) {
      assertThatThrownBy(() -> wrongKey.products().count()).isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("refused the API key and secret");
    }
    try (EcomClient german = builder().language("de").build()) {
      assertThatThrownBy(() -> german.products().count()).isInstanceOfSatisfying(InactiveLanguageException.class,
          e -> assertThat(e.language()).isEqualTo("de"));
    }
    try (EcomClient english = builder().language("en").build()) {
      assertThat(english.products().count()).isEqualTo(1);
    }
  }
}
