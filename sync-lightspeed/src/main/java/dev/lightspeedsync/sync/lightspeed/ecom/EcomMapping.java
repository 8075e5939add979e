package dev.lightspeedsync.sync.lightspeed.ecom;

import dev.lightspeedsync.client.ecom.model.Image;
import dev.lightspeedsync.client.ecom.model.Order;
import dev.lightspeedsync.client.ecom.model.OrderProduct;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Relation;
import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.sync.lightspeed.Mapped;
import dev.lightspeedsync.sync.lightspeed.internal.Quantities;
import dev.lightspeedsync.sync.model.PaymentStatus;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesChannel;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.ShipmentStatus;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.model.StockTracking;
import dev.lightspeedsync.sync.model.Visibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps eCom records to the sync-core model. Pure functions.
 *
 * <ul>
 *   <li>A variant is a SKU; it carries its product's visibility and supplier, and its own stock
 *       tracking. Its prices go into {@code Sku.prices()} under three keys: {@value #PRICE} (the
 *       selling price excl. tax, {@code priceExcl}), {@value #PRICE_INCL} ({@code priceIncl}) and
 *       {@value #COST} (the purchase price, {@code priceCost}). The purchase price rule reads
 *       {@code PurchasePriceConfig.priceField()}, whose default {@code "cost"} is therefore the
 *       variant's {@code priceCost} (seed 000: "the product's purchase price is read out as
 *       purchase price"); configure {@code PurchasePriceConfig.builder().priceField(EcomMapping.PRICE)}
 *       to plan with the selling price instead. Negative prices are left out.
 *   <li>A SKU's {@code imageUrls} are its product's image URLs ({@code src}): the product's main
 *       {@code image}, which comes with the product at no extra request, or, when the product's
 *       images were read ({@code GET products/{id}/images}), all of them by {@code sortOrder}.
 *   <li>eCom has one stock figure per variant: it maps to the single location {@value #WEBSHOP}.
 *   <li>An order is a sales order of channel ECOM with its status, payment and shipment state; its
 *       lines come from the order's products and point at variants.
 * </ul>
 */
public final class EcomMapping {
  /** The location id of eCom stock and orders. */
  public static final String WEBSHOP = "webshop";

  /** The price key of a variant's selling price excluding tax ({@code priceExcl}). */
  public static final String PRICE = "price";

  /** The price key of a variant's selling price including tax ({@code priceIncl}). */
  public static final String PRICE_INCL = "priceIncl";

  /**
   * The price key of a variant's purchase price ({@code priceCost}): the default
   * {@code PurchasePriceConfig.priceField()}, the same key R-Series maps an item's default cost to.
   */
  public static final String COST = "cost";

  private EcomMapping() {}

  /**
   * The SKU of a variant, with {@code product} giving visibility, supplier and title. Its
   * {@code purchasePrice} is the variant's {@code priceCost}; the engine's purchase price rule then
   * sets it from the configured price field.
   */
  public static Sku toSku(Variant variant, Optional<Product> product) {
    return toSku(variant, product, List.of());
  }

  /**
   * The SKU of a variant as {@link #toSku(Variant, Optional)}, with {@code productImages} (the
   * product's {@code GET products/{id}/images}) as its image URLs, by {@code sortOrder}; when that
   * list is empty, the product's main image.
   */
  public static Sku toSku(Variant variant, Optional<Product> product, List<Image> productImages) {
    Map<String, BigDecimal> prices = new LinkedHashMap<>();
    variant.priceExcl().filter(p -> p.signum() >= 0).ifPresent(p -> prices.put(PRICE, p));
    variant.priceIncl().filter(p -> p.signum() >= 0).ifPresent(p -> prices.put(PRICE_INCL, p));
    variant.priceCost().filter(p -> p.signum() >= 0).ifPresent(p -> prices.put(COST, p));
    String productTitle = product.flatMap(Product::title).orElse("");
    String variantTitle = variant.title().orElse("");
    String name = productTitle.isEmpty() ? variantTitle
        : (variantTitle.isEmpty() || variantTitle.equals(productTitle) ? productTitle : productTitle + " - " + variantTitle);
    Sku.Builder b = Sku.builder()
        .id(Long.toString(variant.id()))
        .sku(variant.sku().filter(s -> !s.isEmpty()))
        .name(name)
        .ean(variant.ean().filter(s -> !s.isBlank()))
        .manufacturerSku(variant.articleCode().filter(s -> !s.isBlank()))
        .prices(prices)
        .purchasePrice(variant.priceCost().filter(p -> p.signum() >= 0))
        .supplierId(product.flatMap(Product::supplierId).map(String::valueOf))
        .stockTracking(tracking(variant))
        .updatedAt(Quantities.latest(variant.updatedAt(), product.flatMap(Product::updatedAt)))
        .imageUrls(imageUrls(product, productImages));
    if (product.isPresent()) {
      Product p = product.get();
      b.visibility(visibility(p));
      if (b.build().visibility() == Visibility.UNKNOWN) {
        b.visibilityRaw(p.visibilityRaw());
      }
    } else {
      b.visibility(Visibility.UNKNOWN).visibilityRaw("product not found");
    }
    return b.build();
  }

  /**
   * The part of a product that {@link #toSku(Variant, Optional, List)} reads: id, title, supplier
   * id, update time, visibility and main image. A connector that keeps every product of a shop in
   * memory for the variants walk keeps this instead (no descriptions, texts or relation links: a few
   * hundred bytes a product instead of kilobytes); {@code toSku} maps it exactly as the whole product.
   */
  public static Product skuPart(Product product) {
    Product.Builder b = Product.builder().id(product.id()).title(product.title()).updatedAt(product.updatedAt())
        .visibilityRaw(product.visibilityRaw()).visible(product.visible());
    product.supplierId().ifPresent(id -> b.supplier(Relation.builder().id(id).build()));
    product.image().flatMap(Image::src).ifPresent(src -> b.image(Image.builder().src(src).build()));
    return b.build();
  }

  /** All images by sortOrder when read, else the main image; blank and repeated URLs left out. */
  static List<String> imageUrls(Optional<Product> product, List<Image> productImages) {
    List<Image> images = new ArrayList<>(productImages);
    images.sort(Comparator.comparingLong(i -> i.sortOrder().orElse(Long.MAX_VALUE))); // stable: ties keep their order
    if (images.isEmpty()) {
      product.flatMap(Product::image).ifPresent(images::add);
    }
    LinkedHashSet<String> urls = new LinkedHashSet<>();
    for (Image i : images) {
      i.src().map(String::trim).filter(u -> !u.isEmpty()).ifPresent(urls::add);
    }
    return List.copyOf(urls);
  }

  static Visibility visibility(Product product) {
    switch (product.visibility()) {
      case VISIBLE:
        return Visibility.VISIBLE;
      case AUTO:
        return Visibility.AUTO;
      case HIDDEN:
        return Visibility.HIDDEN;
      default:
        return Visibility.UNKNOWN;
    }
  }

  static StockTracking tracking(Variant variant) {
    switch (variant.stockTracking()) {
      case ENABLED:
        return StockTracking.ENABLED;
      case INDICATOR:
        return StockTracking.INDICATOR;
      case DISABLED:
        return StockTracking.DISABLED;
      default:
        return StockTracking.UNKNOWN;
    }
  }

  /** The webshop stock of a variant; empty when the variant reports none. */
  public static Optional<StockLevel> toStockLevel(Variant variant) {
    return variant.stockLevel().map(level -> StockLevel.builder()
        .skuId(Long.toString(variant.id()))
        .locationId(WEBSHOP)
        .onHand(level)
        .reorderPoint(Math.max(0, variant.stockMinimum().orElse(0L)))
        .build());
  }

  /** An order's header as a sales order without lines (lines come from {@link #toLines}). */
  public static Mapped<SalesOrder> toSalesOrder(Order order, Instant asOf) {
    String id = Long.toString(order.id());
    Optional<Instant> created = order.createdAt().or(order::updatedAt);
    if (created.isEmpty()) {
      return Mapped.rejected(RecordIssue.of(RecordKind.SALES_ORDER, id, ReasonCode.MALFORMED_RECORD,
          "order " + id + " has no createdAt or updatedAt", "check the order in the eCom back office", asOf));
    }
    SaleStatus status;
    switch (order.status()) {
      case CANCELLED:
        status = SaleStatus.CANCELLED;
        break;
      case COMPLETED:
      case COMPLETED_SHIPPED:
      case COMPLETED_PICKED_UP:
        status = SaleStatus.COMPLETED;
        break;
      case UNKNOWN:
        status = SaleStatus.UNKNOWN;
        break;
      default:
        status = SaleStatus.PENDING;
        break;
    }
    SalesOrder.Builder b = SalesOrder.builder()
        .id(id)
        .channel(SalesChannel.ECOM)
        .status(status)
        .statusRaw(order.statusRaw())
        .paymentStatus(payment(order))
        .shipmentStatus(shipment(order))
        .cashOnDelivery(order.shipmentIsCashOnDelivery().orElse(false))
        .locationId(WEBSHOP)
        .createdAt(created.get())
        .updatedAt(order.updatedAt().orElse(created.get()));
    if (status == SaleStatus.COMPLETED) {
      b.completedAt(order.updatedAt().orElse(created.get()));
    }
    return Mapped.of(b.build(), List.of());
  }

  /** The lines of an order from its order products; products without a variant are reported. */
  public static Mapped<List<SalesLine>> toLines(long orderId, List<OrderProduct> products, Instant asOf) {
    List<SalesLine> lines = new ArrayList<>();
    List<RecordIssue> issues = new ArrayList<>();
    for (OrderProduct p : products) {
      if (p.variantId().isEmpty()) {
        issues.add(RecordIssue.of(RecordKind.SALES_ORDER, Long.toString(orderId), ReasonCode.SKU_NOT_LINKED,
            "order " + orderId + " product line " + p.id() + " (" + p.productTitle().orElse("untitled")
                + ") has no variant",
            "the product was probably deleted; its demand cannot be attributed to a SKU", asOf));
        continue;
      }
      long quantity = p.quantityOrdered() - p.quantityRefunded() - p.quantityReturned();
      if (quantity == 0) {
        continue;
      }
      SalesLine.Builder l = SalesLine.builder().lineId(Long.toString(p.id()))
          .skuId(Long.toString(p.variantId().get())).quantity(quantity);
      p.basePriceExcl().ifPresent(l::unitPrice);
      lines.add(l.build());
    }
    return Mapped.of(lines, issues);
  }

  private static PaymentStatus payment(Order order) {
    switch (order.paymentStatus()) {
      case PAID:
        return PaymentStatus.PAID;
      case PARTIALLY_PAID:
        return PaymentStatus.PARTIALLY_PAID;
      case NOT_PAID:
        return PaymentStatus.NOT_PAID;
      case CANCELLED:
        return PaymentStatus.CANCELLED;
      default:
        return PaymentStatus.UNKNOWN;
    }
  }

  private static ShipmentStatus shipment(Order order) {
    switch (order.shipmentStatus()) {
      case SHIPPED:
        return ShipmentStatus.SHIPPED;
      case PARTIALLY_SHIPPED:
        return ShipmentStatus.PARTIALLY_SHIPPED;
      case NOT_SHIPPED:
        return ShipmentStatus.NOT_SHIPPED;
      case CANCELLED:
        return ShipmentStatus.CANCELLED;
      default:
        return ShipmentStatus.UNKNOWN;
    }
  }
}
