package dev.lightspeedsync.sync.lightspeed.ecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.EngineRun;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Product images on the SKUs, through the engine and the public connector, against the testkit's
 * ground truth: the main image for free; all images as an opt-in, at one request per product.
 */
class EcomProductImagesTest {
  static final Set<SyncStream> CATALOGUE = Set.of(SyncStream.CATALOGUE, SyncStream.STOCK);
  static final String IMAGES = "GET products/{id}/images.json";

  final ManualTimeSource time = new ManualTimeSource();
  final SyncMetrics metrics = new SyncMetrics();
  LightspeedTestServer server;
  EcomClient client;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(5).timeSource(time).items(0).sales(0).orders(0)
        .products(200).ecomOrders(0).build());
    EcomCredentials c = server.ecomCredentials();
    client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(c.language())
        .credentials(c.apiKey(), c.apiSecret()).clock(time.asClock()).sleeper(time::sleep).listener(metrics).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private EngineRun runner(InMemorySyncSink sink, boolean allImages) {
    Clock clock = Clock.fixed(time.now(), ZoneOffset.UTC);
    return new EngineRun(EcomConnector.builder().client(client).shopKey("shop-1").metrics(metrics).clock(clock)
        .allProductImages(allImages).build(), sink, SyncSettings.defaults(), clock);
  }

  /** The stored SKUs by variant id (every variant, stored or left out by the catalogue rules). */
  private Map<String, Sku> stored(InMemorySyncSink sink) {
    Set<String> ids = server.ecom().stream("variants").map(v -> Long.toString(v.id())).collect(Collectors.toSet());
    Map<String, Sku> skus = sink.findSkus(ids);
    assertThat(skus).isNotEmpty();
    return skus;
  }

  private long productOf(String variantId) {
    return server.ecom().get("variants", Long.parseLong(variantId)).orElseThrow().getLong("product");
  }

  @Test
  void byDefaultEachSkuCarriesItsProductsMainImageAtNoExtraRequest() {
    InMemorySyncSink sink = new InMemorySyncSink();

    runner(sink, false).run(CATALOGUE);

    Map<String, Sku> skus = stored(sink);
    skus.values().forEach(s -> {
      List<String> all = server.ecom().productImageUrls(productOf(s.id()));
      assertThat(s.imageUrls()).as("images of SKU %s", s.id()).isEqualTo(all.isEmpty() ? List.of() : all.subList(0, 1));
    });
    assertThat(skus.values()).anyMatch(s -> s.imageUrls().isEmpty()).anyMatch(s -> !s.imageUrls().isEmpty());
    assertThat(server.inspect().requests(IMAGES)).isZero();
  }

  @Test
  void withAllImagesEachSkuCarriesEveryImageInOrderAtOneRequestPerProduct() {
    InMemorySyncSink sink = new InMemorySyncSink();

    runner(sink, true).run(CATALOGUE);

    Map<String, Sku> skus = stored(sink);
    skus.values().forEach(s -> assertThat(s.imageUrls()).as("images of SKU %s", s.id())
        .isEqualTo(server.ecom().productImageUrls(productOf(s.id()))));
    assertThat(skus.values()).anyMatch(s -> s.imageUrls().size() > 1);
    long productsWithVariants = server.ecom().stream("variants").map(v -> v.getLong("product")).distinct().count();
    assertThat(server.inspect().requests(IMAGES)).isEqualTo(productsWithVariants);
  }

  @Test
  void anIncrementalSyncReadsTheImagesOfChangedProductsOnly() {
    InMemorySyncSink sink = new InMemorySyncSink();
    runner(sink, true).run(CATALOGUE);
    TestkitRecord product = server.ecom().stream("products")
        .filter(p -> p.require("visibility").equals("visible") && server.ecom().productImageUrls(p.id()).size() == 1
            && server.ecom().variantsOf(p.id()).stream().anyMatch(v -> !v.require("stockTracking").equals("disabled")))
        .findFirst().orElseThrow();
    time.advance(Duration.ofMinutes(20));
    server.ecom().setProductImageCount(product.id(), 3); // two images uploaded in the back office
    time.advance(Duration.ofMinutes(1));
    long before = server.inspect().requests(IMAGES);

    SyncReport incremental = runner(sink, true).run(CATALOGUE); // a new connector, as a new process has

    assertThat(incremental.full()).isFalse();
    assertThat(server.inspect().requests(IMAGES) - before).isEqualTo(1);
    List<String> urls = server.ecom().productImageUrls(product.id());
    assertThat(urls).hasSize(3);
    List<Sku> ofProduct = server.ecom().variantsOf(product.id()).stream()
        .map(v -> sink.findSkus(List.of(Long.toString(v.id()))).get(Long.toString(v.id())))
        .filter(s -> s != null && s.active()).collect(Collectors.toList());
    assertThat(ofProduct).isNotEmpty().allSatisfy(s -> assertThat(s.imageUrls()).isEqualTo(urls));
  }

  @Test
  void aProductWhoseImagesWereAllDeletedLosesThemOnItsSkus() {
    InMemorySyncSink sink = new InMemorySyncSink();
    runner(sink, false).run(CATALOGUE);
    Sku withImage = stored(sink).values().stream().filter(s -> s.active() && !s.imageUrls().isEmpty())
        .findFirst().orElseThrow();
    time.advance(Duration.ofMinutes(20));
    server.ecom().setProductImageCount(productOf(withImage.id()), 0);
    time.advance(Duration.ofMinutes(1));

    runner(sink, false).run(CATALOGUE);

    assertThat(sink.findSkus(List.of(withImage.id())).get(withImage.id()).imageUrls()).isEmpty();
  }
}
