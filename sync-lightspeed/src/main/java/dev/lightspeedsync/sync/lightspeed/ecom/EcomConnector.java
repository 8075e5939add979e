package dev.lightspeedsync.sync.lightspeed.ecom;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.ecom.EcomQuery;
import dev.lightspeedsync.client.ecom.EcomResource;
import dev.lightspeedsync.client.ecom.model.Image;
import dev.lightspeedsync.client.ecom.model.Order;
import dev.lightspeedsync.client.ecom.model.OrderProduct;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Supplier;
import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.client.error.NotFoundException;
import dev.lightspeedsync.client.error.RateLimitedException;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.Mapped;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.internal.Pages;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.spi.Batch;
import dev.lightspeedsync.sync.spi.Connector;
import dev.lightspeedsync.sync.spi.PassPage;
import dev.lightspeedsync.sync.spi.PlanContext;
import dev.lightspeedsync.sync.spi.ReadPass;
import dev.lightspeedsync.sync.spi.ReadPlan;
import dev.lightspeedsync.sync.spi.ReadPlan.BookmarkRule;
import dev.lightspeedsync.sync.spi.ReadStart;
import dev.lightspeedsync.sync.spi.SourceRateLimitedException;
import dev.lightspeedsync.sync.spi.TransportStats;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The eCom (C-Series) connector for one shop: the webshop as its one location, suppliers, the
 * catalogue and stock (one SKU per variant, carrying its product's visibility and supplier; stock is
 * a field of the variant, stored at location {@value EcomMapping#WEBSHOP}) and sales history (every
 * order with its lines). Run it with a {@link dev.lightspeedsync.sync.engine.SyncEngine}.
 *
 * <ul>
 *   <li><b>Keyset walks by id</b> ({@code since_id}), filtered by {@code updated_at_min} when
 *       incremental, never by page number, which skips or repeats records while data changes.
 *       Because the walk order is not the change order, the next bookmark is the time the read
 *       started ({@link BookmarkRule#PLAN_START}), less the engine's overlap.
 *   <li><b>Catalogue and stock: products, then variants.</b> A changed product (hidden, another
 *       supplier) changes its variants' SKUs, so an incremental read re-reads the variants of each
 *       changed product.
 *   <li><b>Images.</b> Every SKU carries its product's main image URL, which comes with the
 *       product at no extra request. With {@link Builder#allProductImages(boolean)} it carries all
 *       the product's images instead (seed 003: "Picqer will also import all product images"), at
 *       one more request per product ({@code GET products/{id}/images}): per product with variants
 *       in a full read; per changed product, and per product of a changed variant not read before
 *       in this connector's life, in an incremental one. Off by default.
 *   <li><b>Sales history: every order</b> on the first read, then orders changed since the
 *       bookmark; the lines of each order that is not cancelled come from its products list (one
 *       request per order, which the eCom API requires).
 * </ul>
 *
 * <p>Thread-safe for sequential runs; the client is shared.
 */
public final class EcomConnector implements Connector {
  private final EcomClient client;
  private final String shopKey;
  private final SyncMetrics metrics;
  private final Clock clock;
  /** Products by id, as read in this connector's life; a variant needs its product's visibility. */
  private final Map<Long, Optional<Product>> products = new ConcurrentHashMap<>();
  /** All images of each product, read once a product is read (again), when {@code allImages}. */
  private final Map<Long, List<Image>> images = new ConcurrentHashMap<>();
  private final boolean allImages;

  private EcomConnector(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client is required");
    this.shopKey = Objects.requireNonNull(b.shopKey, "shopKey is required (for example the eCom shop id)");
    this.metrics = b.metrics;
    this.clock = b.clock;
    this.allImages = b.allProductImages;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether SKUs carry all their product's images (one request per product) rather than the main image. */
  public boolean allProductImages() {
    return allImages;
  }

  @Override
  public String accountKey() {
    return "ecom:" + shopKey;
  }

  @Override
  public Set<SyncStream> streams() {
    // eCom customers are not synced: no seed asks for them
    return EnumSet.complementOf(EnumSet.of(SyncStream.CUSTOMERS));
  }

  @Override
  public TransportStats transportStats() {
    return metrics.transportStats();
  }

  @Override
  public ReadPlan locations() {
    ReadPass webshop = new ReadPass() {
      @Override
      public String name() {
        return "webshop";
      }

      @Override
      public PassPage read(ReadStart since, @Nullable String cursor) {
        return PassPage.of(Batch.builder().addLocations(List.of(Location.of(EcomMapping.WEBSHOP, EcomMapping.WEBSHOP)))
            .build(), null, null);
      }
    };
    return ReadPlan.of("webshop", SyncStream.LOCATIONS, BookmarkRule.NEWEST_RECORD, "no request", webshop);
  }

  @Override
  public List<ReadPlan> plans(PlanContext context) {
    List<ReadPlan> plans = new ArrayList<>();
    Set<SyncStream> asked = context.requested();
    if (asked.contains(SyncStream.SUPPLIERS)) {
      plans.add(ReadPlan.of("suppliers", SyncStream.SUPPLIERS, BookmarkRule.PLAN_START, "1 request per 250 suppliers",
          walk("suppliers", client.suppliers(), (page, b) -> {
            List<dev.lightspeedsync.sync.model.Supplier> out = new ArrayList<>();
            for (Supplier s : page.items()) {
              out.add(dev.lightspeedsync.sync.model.Supplier.of(Long.toString(s.id()),
                  s.title().filter(t -> !t.isBlank()).orElse("Supplier " + s.id())));
            }
            b.addSuppliers(out);
            b.addIssues(Pages.rejected(page, RecordKind.SUPPLIER, "Supplier", clock.instant()));
          })));
    }
    Set<SyncStream> catalogue = EnumSet.noneOf(SyncStream.class);
    if (asked.contains(SyncStream.CATALOGUE)) {
      catalogue.add(SyncStream.CATALOGUE);
    }
    if (asked.contains(SyncStream.STOCK)) {
      catalogue.add(SyncStream.STOCK);
    }
    if (!catalogue.isEmpty()) {
      // one walk reads both: stock is a field of the variant, and a SKU's stock needs the SKU
      boolean skus = true;
      boolean stock = true;
      plans.add(ReadPlan.of("products+variants", catalogue, BookmarkRule.PLAN_START,
          "1 request per 250 products and per 250 variants; +1 per changed product when incremental"
              + (allImages ? "; +1 per product for its images" : ""),
          List.of(walk("products", client.products(), (page, b) -> {
            for (Product p : page.items()) {
              products.put(p.id(), Optional.of(EcomMapping.skuPart(p)));
              images.remove(p.id()); // changed or read anew: its images are read again when its SKUs are
            }
            b.addIssues(Pages.rejected(page, RecordKind.SKU, "Product", clock.instant()));
          }, (page, since, b) -> {
            if (!since.full()) {
              // a changed product changes its variants' SKUs too
              for (Product p : page.items()) {
                variants(client.variants().walkById(EcomQuery.builder().filter("product", p.id()).build()).stream()
                    .collect(Collectors.toList()), skus, stock, b);
              }
            }
          }), walk("variants", client.variants(), (page, b) -> {
            variants(page.items(), skus, stock, b);
            b.addIssues(Pages.rejected(page, RecordKind.SKU, "Variant", clock.instant()));
          }))));
    }
    if (asked.contains(SyncStream.SALES)) {
      plans.add(ReadPlan.of("orders", SyncStream.SALES, BookmarkRule.PLAN_START,
          "1 request per 250 orders, +1 per order for its lines",
          ordersPass()));
    }
    if (asked.contains(SyncStream.ORDER_IMPORT)) {
      // the engine starts this read at the import window at the latest: only recent changes are read
      plans.add(ReadPlan.of("orders changed in the import window", SyncStream.ORDER_IMPORT, BookmarkRule.PLAN_START,
          "1 request per 250 orders changed in the window, +1 per order for its lines, +2 per missing product",
          ordersPass()));
    }
    return plans;
  }

  /**
   * Variants by id, each with its product, for the missing products of imported orders: one request
   * per variant, plus one per product not read before. Unknown ids are left out.
   */
  @Override
  public Batch fetchSkus(java.util.Collection<String> skuIds) {
    Batch.Builder b = Batch.builder();
    List<Variant> found = new ArrayList<>();
    for (String id : skuIds) {
      Optional<Long> variantId = eComId(id);
      if (variantId.isEmpty()) {
        continue; // not an eCom variant id
      }
      try {
        found.add(Pages.paced(() -> client.variants().get(variantId.get()), clock));
      } catch (NotFoundException e) {
        // deleted since the order was placed: the order is handed over without it
      }
    }
    Pages.paced(() -> {
      variants(found, true, true, b); // reads the products not read before
      return null;
    }, clock);
    return b.build();
  }

  /**
   * Products missing from the cache on one page above which the whole product list is walked
   * instead (250 products per request) of reading them one by one: a resumed full sync starts its
   * variants pass with an empty cache.
   */
  private static final int PRODUCT_WALK_THRESHOLD = 20;

  private volatile boolean productsWalked;

  private void variants(List<Variant> variants, boolean skus, boolean stock, Batch.Builder b) {
    if (skus && !productsWalked) {
      long missing = variants.stream().map(v -> v.productId().orElse(null)).filter(Objects::nonNull).distinct()
          .filter(id -> !products.containsKey(id)).count();
      if (missing > PRODUCT_WALK_THRESHOLD) {
        client.products().walkById().stream().forEach(p -> products.put(p.id(), Optional.of(EcomMapping.skuPart(p))));
        productsWalked = true;
      }
    }
    for (Variant v : variants) {
      if (skus) {
        Optional<Product> product = v.productId().map(id -> products.computeIfAbsent(id, this::product))
            .orElse(Optional.empty());
        List<Image> productImages = allImages && product.isPresent()
            ? images.computeIfAbsent(product.get().id(), this::productImages) : List.of();
        b.addSku(EcomMapping.toSku(v, product, productImages));
      }
      if (stock) {
        EcomMapping.toStockLevel(v).ifPresent(b::addStock);
      }
    }
  }

  private Optional<Product> product(long id) {
    try {
      return Optional.of(EcomMapping.skuPart(client.products().get(id)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** All images of a product (one request; products have a handful); none when it was deleted meanwhile. */
  private List<Image> productImages(long productId) {
    try {
      return client.productImages(productId).list().stream().collect(Collectors.toList());
    } catch (NotFoundException e) {
      return List.of();
    }
  }

  private void orders(Page<Order> page, Batch.Builder b) {
    orders(page.items(), b);
    b.addIssues(Pages.rejected(page, RecordKind.SALES_ORDER, "Order", clock.instant()));
  }

  private void orders(List<Order> orders, Batch.Builder b) {
    Instant asOf = clock.instant();
    for (Order order : orders) {
      Mapped<SalesOrder> mapped = EcomMapping.toSalesOrder(order, asOf);
      b.addIssues(mapped.issues());
      if (mapped.value().isEmpty()) {
        continue;
      }
      SalesOrder header = mapped.value().get();
      if (header.status() == SaleStatus.CANCELLED || header.status() == SaleStatus.VOIDED) {
        b.addSale(header); // no demand: its lines are not needed
        continue;
      }
      List<OrderProduct> lines = client.orderProducts(order.id()).list().stream().collect(Collectors.toList());
      Mapped<List<SalesLine>> mappedLines = EcomMapping.toLines(order.id(), lines, asOf);
      b.addIssues(mappedLines.issues());
      b.addSale(SalesOrder.builder().from(header).lines(mappedLines.value().orElse(List.of())).build());
    }
  }

  /**
   * The orders walk: a page of orders, then the lines of each order that is not cancelled (one
   * request each). When the rate limit stops the line reads in the middle of a page, the orders
   * done so far are returned with a cursor just after the last of them ({@code since_id}), so the
   * engine's retry after the window reads the rest of the page, not the whole page and its lines
   * again.
   */
  private ReadPass ordersPass() {
    return new ReadPass() {
      @Override
      public String name() {
        return "orders";
      }

      @Override
      public PassPage read(ReadStart since, @Nullable String cursor) {
        Page<Order> page = Pages.read(client.orders().walkById(changedSince(since)), cursor, clock);
        Batch.Builder b = Batch.builder();
        b.addIssues(Pages.rejected(page, RecordKind.SALES_ORDER, "Order", clock.instant()));
        Long lastDone = null;
        for (Order order : page.items()) {
          try {
            orders(List.of(order), b);
          } catch (RateLimitedException e) {
            if (lastDone == null) {
              throw new SourceRateLimitedException(clock.instant().plus(e.retryAfter()), e.getMessage(), e);
            }
            return PassPage.of(b.build(), "since_id:" + lastDone, null);
          }
          lastDone = order.id();
        }
        return PassPage.of(b.build(), Pages.next(page), null);
      }
    };
  }

  /** The walk's query: everything on a full read, else what changed since the start ({@code updated_at_min}). */
  private static EcomQuery changedSince(ReadStart since) {
    EcomQuery.Builder query = EcomQuery.builder();
    since.sinceTime().ifPresent(query::updatedAtMin);
    return query.build();
  }

  /** Orders by id with their lines, for immediate imports; unknown ids are left out. */
  @Override
  public Batch fetchOrders(java.util.Collection<String> orderIds) {
    List<Order> found = new ArrayList<>();
    for (String id : orderIds) {
      Optional<Long> orderId = eComId(id);
      if (orderId.isPresent()) {
        try {
          found.add(Pages.paced(() -> client.orders().get(orderId.get()), clock));
        } catch (NotFoundException e) {
          // deleted since the webhook was sent
        }
      }
    }
    Batch.Builder b = Batch.builder();
    Pages.paced(() -> {
      orders(found, b);
      return null;
    }, clock);
    return b.build();
  }

  /**
   * What a verified webhook delivery changed, read now (seed 000: "New products are imported
   * immediately"), for {@link dev.lightspeedsync.sync.engine.SyncEngine#applyChanges}: a variant
   * created or updated is read by id; a deleted variant is a deleted SKU (deactivated, never
   * erased: the eCom API has no tombstones, so this is how deletions are seen between full syncs); a
   * product created or updated has its variants read (a product's visibility and supplier are part
   * of its variants' SKUs); an order is read with its lines. Other events change nothing here.
   * Check the delivery's signature ({@code WebhookDelivery.signatureMatches}) before calling this.
   */
  public Batch changes(dev.lightspeedsync.client.ecom.WebhookDelivery delivery) {
    Objects.requireNonNull(delivery, "delivery == null");
    Optional<Long> id = delivery.resourceId();
    if (id.isEmpty()) {
      return Batch.empty();
    }
    String group = delivery.itemGroup();
    if (group.equals("variants")) {
      return delivery.isDeletion() ? Batch.builder().addDeletedSkuId(Long.toString(id.get())).build()
          : fetchSkus(List.of(Long.toString(id.get())));
    }
    if (group.equals("products") && !delivery.isDeletion()) {
      products.remove(id.get()); // read the product again: its visibility or supplier may have changed
      images.remove(id.get()); // and its images
      Batch.Builder b = Batch.builder();
      Pages.paced(() -> {
        variants(client.variants().walkById(EcomQuery.builder().filter("product", id.get()).build()).stream()
            .collect(Collectors.toList()), true, true, b);
        return null;
      }, clock);
      return b.build();
    }
    if (group.equals("orders")) {
      return fetchOrders(List.of(Long.toString(id.get())));
    }
    return Batch.empty();
  }

  private static Optional<Long> eComId(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Something done with a page after it is mapped, knowing where the read started. */
  private interface After<T> {
    void accept(Page<T> page, ReadStart since, Batch.Builder batch);
  }

  private <T> ReadPass walk(String name, EcomResource<T> resource, BiConsumer<Page<T>, Batch.Builder> map) {
    return walk(name, resource, map, (page, since, b) -> {});
  }

  private <T> ReadPass walk(String name, EcomResource<T> resource, BiConsumer<Page<T>, Batch.Builder> map,
      After<T> after) {
    return Pages.pass(name, clock, (since, cursor) -> {
      Page<T> page = Pages.read(resource.walkById(changedSince(since)), cursor, clock);
      Batch.Builder batch = Batch.builder();
      map.accept(page, batch);
      after.accept(page, since, batch);
      return PassPage.of(batch.build(), Pages.next(page), null);
    });
  }

  /** Builds an {@link EcomConnector}; not thread-safe. */
  public static final class Builder {
    private @Nullable EcomClient client;
    private @Nullable String shopKey;
    private SyncMetrics metrics = new SyncMetrics();
    private Clock clock = Clock.systemUTC();
    private boolean allProductImages;

    private Builder() {}

    /** The shop's client (required). */
    public Builder client(EcomClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** A stable key of the shop (for example its shop id), used in checkpoint names (required). */
    public Builder shopKey(String shopKey) {
      Objects.requireNonNull(shopKey, "shopKey == null");
      if (shopKey.isBlank()) {
        throw new IllegalArgumentException("shopKey is blank");
      }
      this.shopKey = shopKey;
      return this;
    }

    /** The listener registered with the client, whose counters the run reports show. */
    public Builder metrics(SyncMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics == null");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Whether each SKU carries all its product's image URLs ({@code GET products/{id}/images}, one
     * request per product, see the class comment) instead of only the main image, which costs
     * nothing extra. Default false.
     */
    public Builder allProductImages(boolean allProductImages) {
      this.allProductImages = allProductImages;
      return this;
    }

    public EcomConnector build() {
      return new EcomConnector(this);
    }
  }
}
