package dev.lightspeedsync.sync.lightspeed.ecom;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.ecom.EcomQuery;
import dev.lightspeedsync.client.ecom.EcomResource;
import dev.lightspeedsync.client.ecom.model.Order;
import dev.lightspeedsync.client.ecom.model.OrderProduct;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Supplier;
import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.client.error.NotFoundException;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.PageCursor;
import dev.lightspeedsync.client.pagination.Paginated;
import dev.lightspeedsync.sync.lightspeed.Mapped;
import dev.lightspeedsync.sync.lightspeed.SyncException;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.SyncReport;
import dev.lightspeedsync.sync.lightspeed.SyncStream;
import dev.lightspeedsync.sync.lightspeed.internal.Position;
import dev.lightspeedsync.sync.lightspeed.internal.StreamCounter;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.PurchasePriceConfig;
import dev.lightspeedsync.sync.rules.PurchasePriceResult;
import dev.lightspeedsync.sync.rules.PurchasePriceRule;
import dev.lightspeedsync.sync.rules.SalesSelectionConfig;
import dev.lightspeedsync.sync.rules.SalesSelectionRule;
import dev.lightspeedsync.sync.rules.Selection;
import dev.lightspeedsync.sync.rules.VisibilityConfig;
import dev.lightspeedsync.sync.rules.VisibilityResult;
import dev.lightspeedsync.sync.rules.VisibilityRule;
import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Syncs one eCom (C-Series) shop into a {@link SyncSink}: a full sync first, then incremental
 * syncs by {@code updated_at}.
 *
 * <ul>
 *   <li><b>Keyset walks.</b> Every list is walked with {@code since_id} (ascending ids) filtered by
 *       {@code updated_at_min}, never by page number, which can skip or repeat records while data
 *       changes. A walk starts at the previous walk's start time less an overlap window (default 2
 *       minutes), so a record changed during a walk is read again by the next run; upserts make the
 *       repeat harmless.
 *   <li><b>Catalogue and stock.</b> Variants are SKUs carrying their product's visibility and
 *       supplier and their own stock tracking; eCom stock is one figure per variant, stored at
 *       location {@value EcomMapping#WEBSHOP}. When a product changes (for example it is hidden),
 *       its variants are re-read, so they are deactivated even though the variants themselves did
 *       not change.
 *   <li><b>Sales.</b> Orders changed within the change window of the sales selection (12 hours by
 *       default) are read; those the selection keeps are stored with their lines (one request per
 *       order for its products, which the eCom API requires). A stored order that is later
 *       cancelled is replaced by its cancelled version.
 *   <li><b>Checkpoint per page</b>, one run per shop at a time in this JVM, and a {@link SyncReport}
 *       per run, as for R-Series.
 * </ul>
 *
 * <p>Thread-safe: runs of different shops may proceed concurrently.
 */
public final class EcomSyncRunner {
  private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

  private final EcomClient client;
  private final SyncSink sink;
  private final String shopKey;
  private final SalesSelectionConfig salesSelection;
  private final VisibilityRule visibility;
  private final PurchasePriceRule purchasePrice;
  private final SyncMetrics metrics;
  private final Clock clock;
  private final Duration overlap;

  private EcomSyncRunner(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client is required");
    this.sink = Objects.requireNonNull(b.sink, "sink is required");
    this.shopKey = Objects.requireNonNull(b.shopKey, "shopKey is required (for example the eCom shop id)");
    this.salesSelection = b.salesSelection;
    this.visibility = VisibilityRule.of(b.visibility);
    this.purchasePrice = PurchasePriceRule.of(b.purchasePrice);
    this.metrics = b.metrics;
    this.clock = b.clock;
    this.overlap = b.overlap;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs every stream once now: full where a stream has no checkpoint, else incremental. */
  public SyncReport runOnce() {
    return run(EnumSet.allOf(SyncStream.class));
  }

  /**
   * Runs the given streams once now. {@link SyncStream#CATALOGUE} and {@link SyncStream#STOCK} are
   * one walk in eCom (stock is a field of the variant); asking for either runs it.
   */
  public SyncReport run(Set<SyncStream> streams) {
    String key = "ecom:" + shopKey;
    if (!RUNNING.add(key)) {
      throw new SyncException("a sync of eCom shop " + shopKey + " is already running");
    }
    try {
      return doRun(streams);
    } finally {
      RUNNING.remove(key);
    }
  }

  /** Moves the checkpoints of {@code streams} back to {@code from}, then runs them. */
  public SyncReport reimportFrom(Instant from, Set<SyncStream> streams) {
    Objects.requireNonNull(from, "from == null");
    String position = new Position(from, null, null).format();
    for (SyncStream s : streams) {
      if (s == SyncStream.CATALOGUE || s == SyncStream.STOCK) {
        sink.saveCheckpoint(Checkpoint.of(checkpointName("products"), position, clock.instant()));
        sink.saveCheckpoint(Checkpoint.of(checkpointName("variants"), position, clock.instant()));
      } else if (s == SyncStream.SUPPLIERS) {
        sink.saveCheckpoint(Checkpoint.of(checkpointName("suppliers"), position, clock.instant()));
      } else if (s == SyncStream.SALES) {
        sink.saveCheckpoint(Checkpoint.of(checkpointName("orders"), position, clock.instant()));
      }
    }
    return run(streams);
  }

  /** The checkpoint name of one walk of this shop, e.g. {@code ecom:123:variants}. */
  public String checkpointName(String walk) {
    return "ecom:" + shopKey + ":" + walk;
  }

  private SyncReport doRun(Set<SyncStream> streams) {
    Instant started = clock.instant();
    SyncMetrics.Snapshot before = metrics.snapshot();
    Map<SyncStream, SyncReport.StreamCounts> counts = new EnumMap<>(SyncStream.class);
    boolean full = false;
    sink.upsertLocations(List.of(Location.of(EcomMapping.WEBSHOP, EcomMapping.WEBSHOP)));
    counts.put(SyncStream.LOCATIONS, new SyncReport.StreamCounts(1, 1, 0, Map.of()));
    if (streams.contains(SyncStream.SUPPLIERS)) {
      full |= sink.checkpoint(checkpointName("suppliers")).isEmpty();
      StreamCounter c = new StreamCounter();
      walk("suppliers", client.suppliers(), null, page -> {
        List<dev.lightspeedsync.sync.model.Supplier> suppliers = new ArrayList<>();
        for (Supplier s : page) {
          suppliers.add(dev.lightspeedsync.sync.model.Supplier.of(Long.toString(s.id()),
              s.title().filter(t -> !t.isBlank()).orElse("Supplier " + s.id())));
        }
        sink.upsertSuppliers(suppliers);
        c.read += page.size();
        c.stored += suppliers.size();
      });
      counts.put(SyncStream.SUPPLIERS, c.counts());
    }
    if (streams.contains(SyncStream.CATALOGUE) || streams.contains(SyncStream.STOCK)) {
      full |= sink.checkpoint(checkpointName("variants")).isEmpty();
      StreamCounter catalogue = new StreamCounter();
      StreamCounter stock = new StreamCounter();
      catalogue(catalogue, stock);
      counts.put(SyncStream.CATALOGUE, catalogue.counts());
      counts.put(SyncStream.STOCK, stock.counts());
    }
    if (streams.contains(SyncStream.SALES)) {
      full |= sink.checkpoint(checkpointName("orders")).isEmpty();
      counts.put(SyncStream.SALES, sales());
    }
    SyncMetrics.Snapshot after = metrics.snapshot();
    return new SyncReport(full, counts, after.requests() - before.requests(),
        after.rateLimited() - before.rateLimited(), after.retries() - before.retries(),
        Duration.between(started, clock.instant()));
  }

  private void catalogue(StreamCounter catalogue, StreamCounter stock) {
    Map<Long, Optional<Product>> products = new HashMap<>();
    // Until one product walk has completed there is no "since": every variant is read anyway.
    boolean fullProducts = sink.checkpoint(checkpointName("products"))
        .map(cp -> Position.parse(cp.position()).since() == null).orElse(true);
    walk("products", client.products(), null, page -> {
      for (Product p : page) {
        products.put(p.id(), Optional.of(p));
      }
      if (!fullProducts) {
        // A changed product (hidden, new supplier...) changes its variants' SKUs too.
        for (Product p : page) {
          List<Variant> variants = client.variants().walkById(EcomQuery.builder().filter("product", p.id()).build())
              .stream().collect(Collectors.toList());
          storeVariants(variants, products, catalogue, stock);
        }
      }
    });
    walk("variants", client.variants(), null, page -> storeVariants(page, products, catalogue, stock));
  }

  private void storeVariants(List<Variant> variants, Map<Long, Optional<Product>> products, StreamCounter catalogue,
      StreamCounter stock) {
    Instant asOf = clock.instant();
    List<Sku> skus = new ArrayList<>(variants.size());
    for (Variant v : variants) {
      Optional<Product> product = v.productId().map(id -> products.computeIfAbsent(id, this::product))
          .orElse(Optional.empty());
      skus.add(EcomMapping.toSku(v, product));
    }
    Set<String> ids = skus.stream().map(Sku::id).collect(Collectors.toSet());
    Set<String> activeInHost = sink.findSkus(ids).values().stream().filter(Sku::active).map(Sku::id)
        .collect(Collectors.toSet());
    VisibilityResult result = visibility.apply(skus, List.of(), activeInHost, asOf);
    PurchasePriceResult priced = pricedAndSupplied(result.upserts(), asOf);
    sink.upsertSkus(priced.skus());
    sink.logIssues(priced.issues());
    sink.deactivateSkus(result.deactivations());
    sink.logIssues(result.issues());
    catalogue.read += variants.size();
    catalogue.stored += result.upserts().size();
    catalogue.deactivated += result.deactivations().size();
    catalogue.leftOut(result.exclusions());

    Set<String> kept = result.upserts().stream().map(Sku::id).collect(Collectors.toSet());
    List<StockLevel> levels = new ArrayList<>();
    for (Variant v : variants) {
      if (kept.contains(Long.toString(v.id()))) {
        EcomMapping.toStockLevel(v).ifPresent(levels::add);
      }
    }
    sink.upsertStock(levels);
    stock.read += variants.size();
    stock.stored += levels.size();
  }

  private Optional<Product> product(long id) {
    try {
      return Optional.of(client.products().get(id));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private SyncReport.StreamCounts sales() {
    StreamCounter c = new StreamCounter();
    SalesSelectionRule rule = SalesSelectionRule.of(salesSelection);
    Instant windowStart = clock.instant().minus(salesSelection.ecomChangeWindow());
    walk("orders", client.orders(), windowStart, page -> {
      Instant asOf = clock.instant();
      List<SalesOrder> headers = new ArrayList<>();
      List<RecordIssue> issues = new ArrayList<>();
      for (Order order : page) {
        Mapped<SalesOrder> mapped = EcomMapping.toSalesOrder(order, asOf);
        mapped.value().ifPresent(headers::add);
        issues.addAll(mapped.issues());
      }
      Selection<SalesOrder> selected = rule.select(headers, asOf);
      List<SalesOrder> store = new ArrayList<>();
      for (SalesOrder header : selected.kept()) {
        long orderId = Long.parseLong(header.id());
        List<OrderProduct> products = client.orderProducts(orderId).list().stream().collect(Collectors.toList());
        Mapped<List<SalesLine>> lines = EcomMapping.toLines(orderId, products, asOf);
        issues.addAll(lines.issues());
        store.add(SalesOrder.builder().from(header).lines(lines.value().orElse(List.of())).build());
      }
      // A stored order that is now cancelled stops counting: store its cancelled state, keep its lines.
      Set<String> voided = new HashSet<>();
      for (Exclusion e : selected.exclusions()) {
        if (e.reason() == ReasonCode.SALE_VOIDED) {
          voided.add(e.recordId());
        }
      }
      Map<String, SalesOrder> stored = sink.findSales(voided);
      for (SalesOrder header : headers) {
        SalesOrder previous = stored.get(header.id());
        if (previous != null && previous.status() != header.status()) {
          store.add(SalesOrder.builder().from(header).lines(previous.lines()).build());
        }
      }
      sink.upsertSales(store);
      sink.logIssues(issues);
      c.read += page.size();
      c.stored += store.size();
      c.leftOut(selected.exclusions());
    });
    return c.counts();
  }

  /**
   * Walks one list by ascending id from its checkpoint, changed since the last walk's start (less
   * the overlap) and never before {@code floor}, saving the checkpoint after each page.
   */
  private <T> void walk(String walk, EcomResource<T> resource, @Nullable Instant floor, Consumer<List<T>> handle) {
    String name = checkpointName(walk);
    Position position = sink.checkpoint(name).map(cp -> Position.parse(cp.position())).orElse(Position.START);
    Instant walkStart = position.seen() != null ? position.seen() : clock.instant();
    Instant from = position.since() == null ? floor : position.since().minus(overlap);
    if (floor != null && from != null && from.isBefore(floor)) {
      from = floor;
    }
    EcomQuery.Builder query = EcomQuery.builder();
    if (from != null) {
      query.updatedAtMin(from);
    }
    Paginated<T> list = resource.walkById(query.build());
    if (position.cursor() != null) {
      list = list.startingAt(PageCursor.parse(position.cursor()));
    }
    for (Page<T> page : list.pages()) {
      handle.accept(page.items());
      Position next = page.next()
          .map(cursor -> new Position(position.since(), cursor.asString(), walkStart))
          .orElseGet(() -> new Position(walkStart, null, null));
      sink.saveCheckpoint(Checkpoint.of(name, next.format(), clock.instant()));
    }
  }

  /**
   * Rule 2 on the SKUs that are synced: purchase price from the configured field, the supplier
   * checked against the stored suppliers ("Unknown Supplier" otherwise), host-owned fields kept.
   */
  private PurchasePriceResult pricedAndSupplied(List<Sku> skus, Instant asOf) {
    Set<String> supplierIds = new HashSet<>();
    for (Sku s : skus) {
      s.supplierId().ifPresent(supplierIds::add);
    }
    Set<String> known = sink.findSuppliers(supplierIds).keySet();
    Map<String, Sku> stored = sink.findSkus(skus.stream().map(Sku::id).collect(Collectors.toList()));
    return purchasePrice.apply(skus, stored, known, asOf);
  }

  /** Builds an {@link EcomSyncRunner}. Not thread-safe. */
  public static final class Builder {
    private @Nullable EcomClient client;
    private @Nullable SyncSink sink;
    private @Nullable String shopKey;
    private SalesSelectionConfig salesSelection = SalesSelectionConfig.defaults();
    private VisibilityConfig visibility = VisibilityConfig.defaults();
    private PurchasePriceConfig purchasePrice = PurchasePriceConfig.defaults();
    private SyncMetrics metrics = new SyncMetrics();
    private Clock clock = Clock.systemUTC();
    private Duration overlap = Duration.ofMinutes(2);

    private Builder() {}

    public Builder client(EcomClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    public Builder sink(SyncSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink == null");
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

    /** Which orders are imported (default: paid only, changed within 12 hours, not shipped). */
    public Builder salesSelection(SalesSelectionConfig salesSelection) {
      this.salesSelection = Objects.requireNonNull(salesSelection, "salesSelection == null");
      return this;
    }

    /**
     * Which price field is the purchase price (default: the variant's {@code price}, as in seed 000). Synced SKUs without it, or without a
     * known supplier, get a connection-log entry ("Unknown Supplier").
     */
    public Builder purchasePrice(PurchasePriceConfig purchasePrice) {
      this.purchasePrice = Objects.requireNonNull(purchasePrice, "purchasePrice == null");
      return this;
    }

    public Builder visibility(VisibilityConfig visibility) {
      this.visibility = Objects.requireNonNull(visibility, "visibility == null");
      return this;
    }

    /** The metrics listener registered with the client, for the run reports. */
    public Builder metrics(SyncMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics == null");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How far before the last walk's start the next walk begins (default 2 minutes). */
    public Builder overlap(Duration overlap) {
      Objects.requireNonNull(overlap, "overlap == null");
      if (overlap.isNegative()) {
        throw new IllegalArgumentException("overlap cannot be negative");
      }
      this.overlap = overlap;
      return this;
    }

    public EcomSyncRunner build() {
      return new EcomSyncRunner(this);
    }
  }
}
