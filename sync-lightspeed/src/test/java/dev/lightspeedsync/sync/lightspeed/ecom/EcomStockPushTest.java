package dev.lightspeedsync.sync.lightspeed.ecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.AvailabilityConfig;
import dev.lightspeedsync.sync.rules.AvailabilityRule;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.rules.PushPlan;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 003: "stock push" from the warehouse to the webshop, only what changed, never in read-only mode. */
class EcomStockPushTest {
  static final SyncSettings PUSH_ON = SyncSettings.builder()
      .availability(AvailabilityConfig.builder().pushStock(true).build()).build();
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  final ManualTimeSource time = new ManualTimeSource();
  final InMemorySyncSink sink = new InMemorySyncSink();
  LightspeedTestServer server;
  EcomClient client;
  long variantA;
  long variantB;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(3).timeSource(time).items(0).sales(0).orders(0)
        .products(20).ecomOrders(0).build());
    EcomCredentials creds = server.ecomCredentials();
    client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(creds.language())
        .credentials(creds.apiKey(), creds.apiSecret()).clock(time.asClock()).sleeper(time::sleep).build();
    List<TestkitRecord> variants = server.ecom().stream("variants").limit(2).toList();
    variantA = variants.get(0).id();
    variantB = variants.get(1).id();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private PushPlan plan(SyncSettings settings, Map<String, Long> lastPushed) {
    List<StockLevel> stock = List.of(
        StockLevel.builder().skuId(Long.toString(variantA)).locationId(EcomMapping.WEBSHOP).onHand(12).allocated(2).build(),
        StockLevel.builder().skuId(Long.toString(variantB)).locationId(EcomMapping.WEBSHOP).onHand(7).build());
    return AvailabilityRule.of(settings.effectiveAvailability())
        .plan(stock, CompositeBreakdown.compile(List.of(), CompositeConfig.defaults(), NOW), lastPushed);
  }

  private EcomWriter writer(SyncSettings settings, boolean dryRun) {
    return EcomWriter.builder().client(client).sink(sink).settings(settings).dryRun(dryRun).build();
  }

  private long stockLevel(long variantId) {
    return server.ecom().get("variants", variantId).orElseThrow().getLong("stockLevel");
  }

  @Test
  @DisplayName("003: available stock is pushed to the webshop, only values that changed since the last push")
  void pushesOnlyChangedValues() {
    long untouched = stockLevel(variantB);

    WriteReport report = writer(PUSH_ON, false).pushStock(plan(PUSH_ON, Map.of(variantB + "@" + EcomMapping.WEBSHOP, 7L)));

    assertThat(stockLevel(variantA)).isEqualTo(10);
    assertThat(stockLevel(variantB)).isEqualTo(untouched);
    assertThat(report.count(Status.DONE)).isEqualTo(1);
    assertThat(report.pushedValues()).isEqualTo(Map.of(variantA + "@" + EcomMapping.WEBSHOP, 10L));
    assertThat(report.exclusions()).extracting(e -> e.reason()).containsExactly(ReasonCode.UNCHANGED_SINCE_LAST_PUSH);
  }

  @Test
  @DisplayName("003: a dry run lists the pushes and sends none; read-only and the default push nothing")
  void dryRunReadOnlyAndDefault() {
    long before = stockLevel(variantA);
    PushPlan planned = plan(PUSH_ON, Map.of());

    WriteReport dry = writer(PUSH_ON, true).pushStock(planned);
    WriteReport readOnly = writer(PUSH_ON.withReadOnly(true), false).pushStock(planned);
    WriteReport off = writer(SyncSettings.defaults(), false).pushStock(planned);

    assertThat(dry.actions()).extracting(a -> a.status()).containsOnly(Status.PLANNED).hasSize(2);
    assertThat(dry.toString()).contains("PUT variants/" + variantA + ".json stockLevel 10");
    assertThat(readOnly.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(off.suppressedBecause()).contains(ReasonCode.PUSH_DISABLED);
    assertThat(stockLevel(variantA)).isEqualTo(before);
    assertThat(server.inspect().snapshot().keySet()).noneMatch(k -> k.startsWith("PUT"));
  }
}
