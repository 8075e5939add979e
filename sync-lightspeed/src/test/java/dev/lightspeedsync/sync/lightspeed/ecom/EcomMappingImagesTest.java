package dev.lightspeedsync.sync.lightspeed.ecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.ecom.model.Image;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Relation;
import dev.lightspeedsync.client.ecom.model.Variant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The image URLs of a SKU: all images by sortOrder when read, else the product's main image. */
class EcomMappingImagesTest {
  static final Variant VARIANT = Variant.builder().id(7).product(Relation.builder().id(3L).build()).build();

  static Image image(long sortOrder, String src) {
    return Image.builder().id(sortOrder * 10).sortOrder(sortOrder).src(src).build();
  }

  static Product product(Optional<Image> main) {
    return Product.builder().id(3).title("Mug").visibilityRaw("visible").image(main).build();
  }

  @Test
  void allImagesBySortOrderWithoutBlanksOrRepeats() {
    List<Image> images = List.of(image(3, "https://cdn/c.png"), image(1, "https://cdn/a.jpg"), image(2, " "),
        image(4, "https://cdn/a.jpg"), image(2, "https://cdn/b.jpg"));

    assertThat(EcomMapping.toSku(VARIANT, Optional.of(product(Optional.empty())), images).imageUrls())
        .containsExactly("https://cdn/a.jpg", "https://cdn/b.jpg", "https://cdn/c.png");
  }

  @Test
  void withoutTheImagesListTheMainImage() {
    Product p = product(Optional.of(Image.builder().src("https://cdn/main.jpg").thumb("https://cdn/t.jpg").build()));

    assertThat(EcomMapping.toSku(VARIANT, Optional.of(p)).imageUrls()).containsExactly("https://cdn/main.jpg");
    assertThat(EcomMapping.toSku(VARIANT, Optional.of(product(Optional.empty()))).imageUrls()).isEmpty();
    assertThat(EcomMapping.toSku(VARIANT, Optional.empty()).imageUrls()).isEmpty();
  }
}
