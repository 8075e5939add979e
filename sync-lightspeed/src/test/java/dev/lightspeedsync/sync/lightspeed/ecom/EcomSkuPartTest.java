package dev.lightspeedsync.sync.lightspeed.ecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.ecom.model.Image;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Relation;
import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The connector keeps only {@link EcomMapping#skuPart} of each product in memory: every SKU it maps
 * from that part must equal the SKU mapped from the whole product.
 */
class EcomSkuPartTest {
  @ParameterizedTest(name = "testkit shop, seed {0}")
  @ValueSource(longs = {3, 11})
  void everyVariantOfAShopMapsTheSameFromTheProductsSkuPartAsFromTheWholeProduct(long seed) {
    ManualTimeSource time = new ManualTimeSource();
    try (LightspeedTestServer server = LightspeedTestServer.start(TestkitConfig.builder().seed(seed).timeSource(time)
        .items(0).sales(0).orders(0).products(300).ecomOrders(0).build())) {
      EcomCredentials c = server.ecomCredentials();
      try (EcomClient client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(c.language())
          .credentials(c.apiKey(), c.apiSecret()).clock(time.asClock()).sleeper(time::sleep).build()) {
        Map<Long, Product> products = client.products().walkById().stream()
            .collect(Collectors.toMap(Product::id, Function.identity()));
        List<Variant> variants = client.variants().walkById().stream().collect(Collectors.toList());
        assertThat(variants).hasSizeGreaterThan(300);
        assertThat(products.values()).as("the data covers what the SKU reads of a product")
            .anyMatch(p -> p.supplierId().isPresent()).anyMatch(p -> p.supplierId().isEmpty())
            .anyMatch(p -> p.image().isPresent()).anyMatch(p -> p.description().isPresent())
            .extracting(Product::visibilityRaw).contains(Optional.of("hidden"), Optional.of("visible"));
        for (Variant v : variants) {
          Optional<Product> whole = v.productId().map(products::get);
          assertThat(EcomMapping.toSku(v, whole.map(EcomMapping::skuPart), List.of()))
              .as("variant %s", v.id()).isEqualTo(EcomMapping.toSku(v, whole, List.of()));
        }
      }
    }
  }

  @Test
  void aProductWithEveryFieldTheSkuReadsAndOthersKeepsOnlyTheFormer() {
    Product whole = Product.builder().id(7).title("Mug").updatedAt(Instant.parse("2026-05-01T10:00:00Z"))
        .visibilityRaw("something-new").visible(true).description("short").content("<p>" + "long ".repeat(500) + "</p>")
        .supplier(Relation.builder().id(4L).url("suppliers/4").link("https://api.webshopapp.com/nl/suppliers/4.json").build())
        .brand(Relation.builder().id(9L).url("brands/9").build())
        .image(Image.builder().id(1L).src("https://cdn.example.com/mug.jpg").thumb("t.jpg").title("Mug").build())
        .build();
    Variant variant = Variant.builder().id(70).product(Relation.builder().id(7L).build()).title("Blue").build();

    Product part = EcomMapping.skuPart(whole);

    assertThat(part.description()).isEmpty();
    assertThat(part.content()).isEmpty();
    assertThat(part.brand()).isEmpty();
    assertThat(part.supplierId()).contains(4L);
    assertThat(part.image().flatMap(Image::src)).contains("https://cdn.example.com/mug.jpg");
    assertThat(EcomMapping.toSku(variant, Optional.of(part), List.of()))
        .isEqualTo(EcomMapping.toSku(variant, Optional.of(whole), List.of()));
  }
}
