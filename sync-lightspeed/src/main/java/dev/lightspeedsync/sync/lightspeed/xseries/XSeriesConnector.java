package dev.lightspeedsync.sync.lightspeed.xseries;

import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.client.xseries.XSeriesRateLimit;
import dev.lightspeedsync.client.xseries.XSeriesResource;
import dev.lightspeedsync.client.xseries.model.Customer;
import dev.lightspeedsync.client.xseries.model.Inventory;
import dev.lightspeedsync.client.xseries.model.Outlet;
import dev.lightspeedsync.client.xseries.model.Product;
import dev.lightspeedsync.client.xseries.model.Sale;
import dev.lightspeedsync.client.xseries.model.Supplier;
import dev.lightspeedsync.client.xseries.query.XSeriesQuery;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.Mapped;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.internal.Pages;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.spi.Batch;
import dev.lightspeedsync.sync.spi.Bookmark;
import dev.lightspeedsync.sync.spi.Connector;
import dev.lightspeedsync.sync.spi.PassPage;
import dev.lightspeedsync.sync.spi.PlanContext;
import dev.lightspeedsync.sync.spi.ReadPass;
import dev.lightspeedsync.sync.spi.ReadPlan;
import dev.lightspeedsync.sync.spi.ReadPlan.BookmarkRule;
import dev.lightspeedsync.sync.spi.ReadStart;
import dev.lightspeedsync.sync.spi.TransportStats;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The X-Series (Lightspeed Retail X-Series, ex Vend, API 2.0) connector for one retailer: locations
 * (outlets), suppliers, the catalogue (every product row, variants and composites included), stock
 * (inventory per product and outlet), sales history (every sale with its line items) and customers
 * (with their contact data; deleted ones stored inactive). Run it
 * with a {@link dev.lightspeedsync.sync.engine.SyncEngine}.
 *
 * <pre>{@code
 * SyncReport report = engine.run(XSeriesConnector.builder().client(client).metrics(metrics).build());
 * }</pre>
 *
 * <ul>
 *   <li><b>One walk per stream, by the global {@code version} cursor.</b> Every change to a record
 *       gives it a higher version, so the version a walk reached is an exact
 *       {@link Bookmark.Kind#SEQUENCE sequence bookmark}: a full read walks from {@code after=0}, an
 *       incremental read is the same walk from {@code after=} the stored version, and reads only what
 *       changed (one request when nothing did). The page cursors are versions too, so a checkpoint
 *       resumes exactly where the crash left it. A record changed during a long walk reappears later
 *       in the same walk with its new version; the later copy is stored last and wins.
 *   <li><b>Deletions are seen</b> where the API offers {@code deleted=true} (products, outlets,
 *       customers): a deleted product comes as a deleted SKU id, which the engine deactivates and
 *       never erases; a deleted customer is stored inactive. A
 *       voided sale gets a new version, so it is read again and stops counting as demand without a
 *       separate re-check pass. {@code /inventory} offers no deleted flag: the stock of a deleted
 *       product stays as last read, on a deactivated SKU.
 *   <li><b>Cost</b>: one request per page (plus the empty page that ends each walk) against the
 *       retailer's window of {@code 300 x registers + 50} requests per 5 minutes, which the client
 *       paces; a wait longer than the client takes in-process reaches the engine as a
 *       {@link dev.lightspeedsync.sync.spi.SourceRateLimitedException}, so it waits for the window or
 *       stops at the checkpoint. {@link #floorMinutes(long, long)} gives the floor a window sets.
 *   <li><b>Not read</b>: consignments (Lightspeed's purchase orders; the host keeps its own, and
 *       {@link XSeriesWriter#receiveConsignments} writes its receipts as consignments).
 * </ul>
 *
 * <p>Immutable; thread-safe for sequential runs; the client is shared.
 */
public final class XSeriesConnector implements Connector {
  private static final Set<SyncStream> STREAMS = Set.copyOf(EnumSet.of(SyncStream.LOCATIONS, SyncStream.SUPPLIERS,
      SyncStream.CATALOGUE, SyncStream.STOCK, SyncStream.SALES, SyncStream.CUSTOMERS));

  private final XSeriesClient client;
  private final SyncMetrics metrics;
  private final Clock clock;
  private final String accountKey;
  private final @Nullable Integer pageSize;

  private XSeriesConnector(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client is required");
    this.metrics = b.metrics;
    this.clock = b.clock;
    this.pageSize = b.pageSize;
    String retailer = b.retailerKey != null ? b.retailerKey : client.domainPrefix().orElseThrow(
        () -> new IllegalStateException("retailerKey is required when the client has no domain prefix "
            + "(for example when it was built with a base URL only)"));
    this.accountKey = "xseries:" + retailer;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String accountKey() {
    return accountKey;
  }

  @Override
  public Set<SyncStream> streams() {
    return STREAMS;
  }

  @Override
  public TransportStats transportStats() {
    return metrics.transportStats();
  }

  @Override
  public ReadPlan locations() {
    return ReadPlan.of("outlets", SyncStream.LOCATIONS, BookmarkRule.NEWEST_RECORD,
        "1 request per page of outlets, +1 for the empty last page",
        walk("outlets", client.outlets(), (page, b) -> {
          page.items().forEach(o -> b.addLocations(List.of(XSeriesMapping.toLocation(o))));
          b.addIssues(Pages.rejected(page, RecordKind.LOCATION, "Outlet", clock.instant()));
        }));
  }

  @Override
  public List<ReadPlan> plans(PlanContext context) {
    List<ReadPlan> plans = new ArrayList<>();
    Set<SyncStream> asked = context.requested();
    OptionalLong window = client.rateLimit().map(XSeriesRateLimit::limit)
        .map(OptionalLong::of).orElse(OptionalLong.empty());
    OptionalInt size = pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize);
    if (asked.contains(SyncStream.SUPPLIERS)) {
      plans.add(ReadPlan.of("suppliers", SyncStream.SUPPLIERS, BookmarkRule.NEWEST_RECORD,
          ReadCost.describe("suppliers", context.isFull(SyncStream.SUPPLIERS), size, window),
          walk("suppliers", client.suppliers(), this::suppliers)));
    }
    if (asked.contains(SyncStream.CATALOGUE)) {
      plans.add(ReadPlan.of("products", SyncStream.CATALOGUE, BookmarkRule.NEWEST_RECORD,
          ReadCost.describe("products", context.isFull(SyncStream.CATALOGUE), size, window),
          walk("products", client.products(), this::products)));
    }
    if (asked.contains(SyncStream.STOCK)) {
      plans.add(ReadPlan.of("inventory", SyncStream.STOCK, BookmarkRule.NEWEST_RECORD,
          ReadCost.describe("inventory records", context.isFull(SyncStream.STOCK), size, window),
          walk("inventory", client.inventory(), this::inventory)));
    }
    if (asked.contains(SyncStream.SALES)) {
      plans.add(ReadPlan.of("sales", SyncStream.SALES, BookmarkRule.NEWEST_RECORD,
          ReadCost.describe("sales (line items included)", context.isFull(SyncStream.SALES), size, window),
          walk("sales", client.sales(), this::sales)));
    }
    if (asked.contains(SyncStream.CUSTOMERS)) {
      plans.add(ReadPlan.of("customers", SyncStream.CUSTOMERS, BookmarkRule.NEWEST_RECORD,
          ReadCost.describe("customers", context.isFull(SyncStream.CUSTOMERS), size, window),
          walk("customers", client.customers(), this::customers)));
    }
    return plans;
  }

  /**
   * The least time, in minutes, a walk of {@code requests} requests takes under a window of
   * {@code limit} requests per 5 minutes, starting with a full window: every further window of
   * requests waits 5 minutes. This is the floor the X-Series benchmark compares a full sync with.
   *
   * @throws IllegalArgumentException when {@code requests} is negative or {@code limit} not positive
   */
  public static long floorMinutes(long requests, long limit) {
    return ReadCost.floorMinutes(requests, limit);
  }

  private void suppliers(Page<Supplier> page, Batch.Builder b) {
    page.items().forEach(s -> b.addSuppliers(List.of(XSeriesMapping.toSupplier(s))));
    b.addIssues(Pages.rejected(page, RecordKind.SUPPLIER, "Supplier", clock.instant()));
  }

  private void customers(Page<Customer> page, Batch.Builder b) {
    page.items().forEach(c -> b.addCustomer(XSeriesMapping.toCustomer(c)));
    b.addIssues(Pages.rejected(page, RecordKind.CUSTOMER, "Customer", clock.instant()));
  }

  private void products(Page<Product> page, Batch.Builder b) {
    for (Product p : page.items()) {
      if (p.deleted()) {
        b.addDeletedSkuId(p.id());
      } else {
        b.addSku(XSeriesMapping.toSku(p));
      }
    }
    b.addIssues(Pages.rejected(page, RecordKind.SKU, "Product", clock.instant()));
  }

  private void inventory(Page<Inventory> page, Batch.Builder b) {
    Instant asOf = clock.instant();
    for (Inventory row : page.items()) {
      Mapped<StockLevel> mapped = XSeriesMapping.toStockLevel(row, asOf);
      mapped.value().ifPresent(b::addStock);
      b.addIssues(mapped.issues());
    }
    b.addIssues(Pages.rejected(page, RecordKind.STOCK, "Inventory record", asOf));
  }

  private void sales(Page<Sale> page, Batch.Builder b) {
    Instant asOf = clock.instant();
    for (Sale sale : page.items()) {
      Mapped<SalesOrder> mapped = XSeriesMapping.toSalesOrder(sale, asOf);
      mapped.value().ifPresent(b::addSale);
      b.addIssues(mapped.issues());
    }
    b.addIssues(Pages.rejected(page, RecordKind.SALES_ORDER, "Sale", asOf));
  }

  /**
   * A walk of one list by version: from {@code after=0} for a full read, from the stored version
   * otherwise; each page's bookmark is the version the walk reached.
   */
  private <T> ReadPass walk(String name, XSeriesResource<T> resource, BiConsumer<Page<T>, Batch.Builder> map) {
    return Pages.pass(name, clock, (since, cursor) -> {
      Page<T> page = Pages.read(resource.list(query(since)), cursor, clock);
      Batch.Builder batch = Batch.builder();
      map.accept(page, batch);
      String next = Pages.next(page);
      return PassPage.of(batch.build(), next, next == null ? null : Bookmark.sequence(Long.parseLong(next)));
    });
  }

  /**
   * The list query of a read. A bookmark that is not a version (a checkpoint written by something
   * else) cannot say where the changes start: the walk then reads from the beginning, which
   * misses nothing.
   */
  private XSeriesQuery query(ReadStart since) {
    Optional<Bookmark> version = since.since().filter(b -> b.kind() == Bookmark.Kind.SEQUENCE);
    XSeriesQuery.Builder q = XSeriesQuery.builder().after(version.map(Bookmark::asSequence).orElse(0L));
    if (pageSize != null) {
      q.pageSize(pageSize);
    }
    return q.build();
  }

  @Override
  public String toString() {
    return "XSeriesConnector{" + accountKey + "}";
  }

  /** Builds an {@link XSeriesConnector}; not thread-safe. */
  public static final class Builder {
    private @Nullable XSeriesClient client;
    private SyncMetrics metrics = new SyncMetrics();
    private Clock clock = Clock.systemUTC();
    private @Nullable String retailerKey;
    private @Nullable Integer pageSize;

    private Builder() {}

    /** The retailer's client (required). */
    public Builder client(XSeriesClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
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
     * A stable key of the retailer, used in checkpoint names (default: the client's domain prefix;
     * required when the client was built with a base URL only).
     */
    public Builder retailerKey(String retailerKey) {
      Objects.requireNonNull(retailerKey, "retailerKey == null");
      if (retailerKey.isBlank()) {
        throw new IllegalArgumentException("retailerKey is blank");
      }
      this.retailerKey = retailerKey;
      return this;
    }

    /**
     * The {@code page_size} to ask for (default: none, the server's default). API 2.0 does not
     * document a maximum for its lists; a server that sends fewer records per page is still read to
     * the end, only with more requests.
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    public XSeriesConnector build() {
      return new XSeriesConnector(this);
    }
  }
}
