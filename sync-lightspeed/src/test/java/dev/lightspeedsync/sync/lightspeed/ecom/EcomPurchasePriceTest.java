package dev.lightspeedsync.sync.lightspeed.ecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.EngineRun;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.PurchasePriceConfig;
import dev.lightspeedsync.sync.rules.PurchasePriceRule;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 000 "Purchase price": the default price field is the variant's priceCost, and the field is configurable. */
class EcomPurchasePriceTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  static Variant variant() {
    return Variant.builder().id(7).priceExcl(new BigDecimal("166.32")).priceIncl(new BigDecimal("201.25"))
        .priceCost(new BigDecimal("83.16")).sku("A-7").build();
  }

  static Optional<BigDecimal> purchasePrice(SyncSettings settings, Sku sku) {
    return PurchasePriceRule.of(settings.purchasePrice()).apply(List.of(sku), Map.of(), Set.of(), NOW).skus().get(0)
        .purchasePrice();
  }

  @Test
  @DisplayName("the mapping keys priceExcl as 'price', priceIncl as 'priceIncl' and priceCost as 'cost'")
  void priceKeys() {
    Sku sku = EcomMapping.toSku(variant(), Optional.of(Product.builder().id(1).build()));

    assertThat(sku.prices()).containsOnlyKeys(EcomMapping.PRICE, EcomMapping.PRICE_INCL, EcomMapping.COST);
    assertThat(sku.prices().get(EcomMapping.COST)).isEqualByComparingTo("83.16");
    assertThat(sku.prices().get(EcomMapping.PRICE)).isEqualByComparingTo("166.32");
    assertThat(sku.purchasePrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("83.16"));
    assertThat(PurchasePriceConfig.defaults().priceField()).isEqualTo(EcomMapping.COST);
  }

  @Test
  @DisplayName("default: the purchase price is priceCost (83.16), not the selling price (166.32); configured: the selling price")
  void defaultAndConfigured() {
    Sku sku = EcomMapping.toSku(variant(), Optional.of(Product.builder().id(1).build()));

    assertThat(purchasePrice(SyncSettings.defaults(), sku)).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("83.16"));
    SyncSettings selling = SyncSettings.builder()
        .purchasePrice(PurchasePriceConfig.builder().priceField(EcomMapping.PRICE).build()).build();
    assertThat(purchasePrice(selling, sku)).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("166.32"));
  }

  @Test
  @DisplayName("through the engine against the testkit: the stored purchase price follows the configured field")
  void throughTheEngine() {
    ManualTimeSource time = new ManualTimeSource();
    try (LightspeedTestServer server = LightspeedTestServer.start(TestkitConfig.builder().seed(5).timeSource(time)
        .items(0).sales(0).orders(0).products(30).ecomOrders(0).build())) {
      EcomCredentials creds = server.ecomCredentials();
      try (EcomClient client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(creds.language())
          .credentials(creds.apiKey(), creds.apiSecret()).clock(time.asClock()).sleeper(time::sleep).build()) {
        Map<Long, TestkitRecord> truth = server.ecom().stream("variants")
            .collect(Collectors.toMap(TestkitRecord::id, v -> v));
        Set<String> ids = truth.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
        Map<String, Sku> byDefault = sync(client, time, ids, SyncSettings.defaults());
        Map<String, Sku> bySelling = sync(client, time, ids, SyncSettings.builder()
            .purchasePrice(PurchasePriceConfig.builder().priceField(EcomMapping.PRICE).build()).build());

        assertThat(byDefault).isNotEmpty();
        for (Sku sku : byDefault.values()) {
          TestkitRecord v = truth.get(Long.parseLong(sku.id()));
          assertThat(v.getDecimal("priceCost")).isNotEqualByComparingTo(v.getDecimal("priceExcl"));
          assertThat(sku.purchasePrice()).as("SKU %s", sku.id())
              .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo(v.getDecimal("priceCost")));
          assertThat(bySelling.get(sku.id()).purchasePrice()).as("SKU %s", sku.id())
              .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo(v.getDecimal("priceExcl")));
        }
      }
    }
  }

  private static Map<String, Sku> sync(EcomClient client, ManualTimeSource time, Set<String> ids, SyncSettings settings) {
    InMemorySyncSink sink = new InMemorySyncSink();
    Clock clock = Clock.fixed(time.now(), ZoneOffset.UTC);
    new EngineRun(EcomConnector.builder().client(client).shopKey("shop-1").clock(clock).build(), sink, settings, clock)
        .run(Set.of(SyncStream.CATALOGUE));
    return sink.findSkus(ids).values().stream().filter(Sku::active).collect(Collectors.toMap(Sku::id, s -> s));
  }
}
