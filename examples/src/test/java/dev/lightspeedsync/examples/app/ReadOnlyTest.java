package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomMapping;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomWriter;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.AvailabilityConfig;
import dev.lightspeedsync.sync.rules.AvailabilityRule;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.model.HostOrder;
import dev.lightspeedsync.sync.model.HostOrderLine;
import dev.lightspeedsync.sync.rules.OrderExportConfig;
import dev.lightspeedsync.sync.rules.PurchaseOrderConfig;
import dev.lightspeedsync.sync.rules.PushPlan;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.Inspection;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code --read-only} (issue 15): a read-only sync sends no write request, and the option is wired
 * to {@link SyncSettings#readOnly()} ({@link SyncOptions#settings}), whose writers then send
 * nothing even when every write flow is asked for. Checked on the testkit's request log: no POST,
 * PUT, PATCH or DELETE to the R-Series or eCom API.
 */
class ReadOnlyTest {
  static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  @TempDir
  Path dir;

  LightspeedTestServer server;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(31).shops(2).items(40).sales(20).orders(0)
        .products(20).ecomOrders(10).timeSource(new ManualTimeSource()).unlimited().build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<Inspection.Request> writes() {
    return server.inspect().recentRequests().stream()
        .filter(r -> (r.api().equals("retail") || r.api().equals("ecom")) && WRITES.contains(r.method())).toList();
  }

  private static SyncCommand parse(String... args) {
    SyncCommand c = new SyncCommand(System.out);
    new CommandLine(c).parseArgs(args);
    return c;
  }

  @ParameterizedTest
  @ValueSource(strings = {"retail", "ecom"})
  void aReadOnlySyncSendsNoWriteRequest(String platform) {
    RetailCredentials r = server.retailCredentials();
    EcomCredentials e = server.ecomCredentials();
    String[] args = platform.equals("retail")
        ? new String[] {"sync", "--read-only", "--platform", "retail", "--base-url", server.retailBaseUrl().toString(),
            "--account-id", Long.toString(r.accountId()), "--client-id", r.clientId(), "--client-secret",
            r.clientSecret(), "--refresh-token", r.refreshToken(), "--db", "jdbc:h2:file:" + dir.resolve("r"),
            "--progress", "none"}
        : new String[] {"sync", "--read-only", "--platform", "ecom", "--base-url", server.ecomBaseUrl().toString(),
            "--api-key", e.apiKey(), "--api-secret", e.apiSecret(), "--language", e.language(), "--db",
            "jdbc:h2:file:" + dir.resolve("e"), "--progress", "none"};

    AppRun run = AppRun.of(args);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.inspect().recentRequests()).as("the sync read").anyMatch(q -> q.method().equals("GET"));
    assertThat(writes()).isEmpty();
  }

  @Test
  void theOptionIsWiredToTheSettings() {
    assertThat(SyncOptions.settings(parse("--read-only"), "Main Store").readOnly()).isTrue();
    assertThat(SyncOptions.settings(parse(), "Main Store").readOnly()).isFalse();
    assertThat(SyncOptions.settings(parse("--read-only", "--platform", "ecom"), null).readOnly()).isTrue();
  }

  /** The app's read-only settings with every write flow asked for. */
  private static SyncSettings writeFlowsAskedFor(SyncCommand command, String defaultLocation) {
    return SyncOptions.settings(command, defaultLocation)
        .withAvailability(AvailabilityConfig.builder().pushStock(true).build())
        .withPurchaseOrders(PurchaseOrderConfig.builder().bookingEnabled(true).build())
        .withOrderExport(OrderExportConfig.builder().enabled(true).employeeId("1").registerId("1").build());
  }

  private static PushPlan pushOf(String skuId, String locationId, long onHand) {
    StockLevel level = StockLevel.builder().skuId(skuId).locationId(locationId).onHand(onHand).build();
    return AvailabilityRule.of(AvailabilityConfig.builder().pushStock(true).build()).plan(List.of(level),
        CompositeBreakdown.compile(List.of(), CompositeConfig.defaults(), Instant.EPOCH), Map.of());
  }

  @Test
  void withReadOnlyEveryWriteFlowIsSuppressedAndNothingIsSent() {
    String shop = server.retail().stream("Shop").findFirst().orElseThrow().require("name");
    SyncSettings settings = writeFlowsAskedFor(parse("--read-only", "--locations", "one"), shop);
    assertThat(settings.effectiveAvailability().readOnly()).isTrue();
    assertThat(settings.effectivePurchaseOrders().bookingEnabled()).isFalse();
    assertThat(settings.effectiveOrderExport().enabled()).isFalse();

    TestkitRecord item = server.retail().stream("Item").findFirst().orElseThrow();
    long shopId = server.retail().stream("Shop").findFirst().orElseThrow().id();
    HostOrder order = HostOrder.builder().id("web-1").placedAt(Instant.parse("2026-06-01T10:00:00Z"))
        .total(new BigDecimal("10.00")).amountPaid(new BigDecimal("10.00"))
        .addLines(HostOrderLine.builder().skuId(Long.toString(item.id())).quantity(1).unitPrice(new BigDecimal("10.00"))
            .build())
        .build();
    RetailCredentials c = server.retailCredentials();
    WriteReport push;
    WriteReport export;
    WriteReport booking;
    try (RetailClient client = RetailClient.builder().accountId(c.accountId()).baseUrl(server.retailBaseUrl().toString())
        .oauth(OauthClientCredentials.of(c.clientId(), c.clientSecret()),
            TokenStore.inMemory(TokenPair.of(c.accessToken(), c.refreshToken(), c.accessTokenExpiresAt())))
        .build()) {
      RetailWriter writer = RetailWriter.builder().client(client).sink(new InMemorySyncSink()).settings(settings)
          .salePaymentTypeId(1).build();
      push = writer.pushStock(pushOf(Long.toString(item.id()), Long.toString(shopId), 99));
      export = writer.exportOrders(List.of(order));
      booking = writer.bookReceipts(List.of());
    }
    WriteReport ecomPush = ecomPush(writeFlowsAskedFor(parse("--read-only", "--platform", "ecom"), null));

    for (WriteReport r : List.of(push, export, booking, ecomPush)) {
      assertThat(r.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    }
    assertThat(writes()).isEmpty();
  }

  @Test
  void withoutReadOnlyTheSameStockPushIsSent() {
    WriteReport push = ecomPush(writeFlowsAskedFor(parse("--platform", "ecom"), null));

    assertThat(push.suppressedBecause()).isEmpty();
    assertThat(writes()).as("the check above can fail").isNotEmpty();
  }

  private WriteReport ecomPush(SyncSettings settings) {
    TestkitRecord variant = server.ecom().stream("variants")
        .filter(v -> v.require("stockTracking").equals("enabled")).findFirst().orElseThrow();
    EcomCredentials e = server.ecomCredentials();
    try (EcomClient client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(e.language())
        .credentials(e.apiKey(), e.apiSecret()).build()) {
      return EcomWriter.builder().client(client).sink(new InMemorySyncSink()).settings(settings).build()
          .pushStock(pushOf(Long.toString(variant.id()), EcomMapping.WEBSHOP, 77));
    }
  }
}
