package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.PageCursor;
import dev.lightspeedsync.client.pagination.Paginated;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.ItemShop;
import dev.lightspeedsync.client.retail.model.Sale;
import dev.lightspeedsync.client.retail.model.Vendor;
import dev.lightspeedsync.client.retail.query.Archived;
import dev.lightspeedsync.client.retail.query.Filter;
import dev.lightspeedsync.client.retail.query.Operator;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import dev.lightspeedsync.sync.lightspeed.Mapped;
import dev.lightspeedsync.sync.lightspeed.SyncException;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.SyncReport;
import dev.lightspeedsync.sync.lightspeed.SyncReport.StreamCounts;
import dev.lightspeedsync.sync.lightspeed.SyncStream;
import dev.lightspeedsync.sync.lightspeed.internal.Position;
import dev.lightspeedsync.sync.lightspeed.internal.StreamCounter;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationRule;
import dev.lightspeedsync.sync.rules.LocationSelection;
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
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Syncs one R-Series account into a {@link SyncSink}: the first run of a stream is a full sync,
 * later runs are incremental from the stream's checkpoint.
 *
 * <ul>
 *   <li><b>Incremental by timestamp.</b> Each stream walks its resource sorted by {@code timeStamp}
 *       from the last walk's newest timestamp, less an overlap window (default 2 minutes) so that
 *       records written late with an earlier timestamp are not missed. Records seen twice are
 *       upserted twice, which stores them once. Stock comes from the ItemShop feed, because an
 *       Item's timestamp does not move when its stock does.
 *   <li><b>Checkpoint per page.</b> After every page the stream's checkpoint (time window and the
 *       cursor of the next page) is saved through the sink, so a crash loses at most one page and a
 *       rerun continues from the saved cursor. R-Series cursors are keyset cursors on
 *       (timeStamp, id): a record changed during a walk moves behind the cursor and is read later
 *       in the same walk or in the next run, never skipped.
 *   <li><b>Locations and suppliers:</b> every shop (archived ones included) is stored as a location
 *       on each run; vendors are walked like the other streams and stored as suppliers.
 *   <li><b>Rules decide what reaches the sink.</b> The location strategy (exact, case-sensitive
 *       names; a mismatch fails before any data is written, naming the near match), the sales
 *       selection (completed only by default; voided never counts: a stored sale that is later
 *       voided is replaced by its voided version) and the visibility rule (archived and
 *       non-inventory items are deactivated, never erased). Records left out for a data reason
 *       are logged as connection-log issues.
 *   <li><b>One run per account at a time</b> in this JVM; a second concurrent run of the same
 *       account fails with a {@link SyncException}. Across nodes, schedule with a cluster-aware
 *       scheduler.
 * </ul>
 *
 * <p>Thread-safe: runs of different accounts may proceed concurrently.
 */
public final class RetailSyncRunner {
  private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

  private final RetailClient client;
  private final SyncSink sink;
  private final LocationConfig locations;
  private final SalesSelectionConfig salesSelection;
  private final VisibilityRule visibility;
  private final PurchasePriceRule purchasePrice;
  private final SyncMetrics metrics;
  private final Clock clock;
  private final Duration overlap;
  private final String streamPrefix;

  private RetailSyncRunner(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client is required");
    this.sink = Objects.requireNonNull(b.sink, "sink is required");
    this.locations = Objects.requireNonNull(b.locations, "locations (LocationConfig) is required");
    this.salesSelection = b.salesSelection;
    this.visibility = VisibilityRule.of(b.visibility);
    this.purchasePrice = PurchasePriceRule.of(b.purchasePrice);
    this.metrics = b.metrics;
    this.clock = b.clock;
    this.overlap = b.overlap;
    this.streamPrefix = "retail:" + client.accountId() + ":";
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs every stream once now: a full sync where a stream has no checkpoint, else incremental. */
  public SyncReport runOnce() {
    return run(EnumSet.allOf(SyncStream.class));
  }

  /** Runs the given streams once now (locations are always read: the others depend on them). */
  public SyncReport run(Set<SyncStream> streams) {
    String key = streamPrefix;
    if (!RUNNING.add(key)) {
      throw new SyncException("a sync of R-Series account " + client.accountId() + " is already running");
    }
    try {
      return doRun(EnumSet.copyOf(streams.isEmpty() ? EnumSet.of(SyncStream.LOCATIONS) : streams));
    } finally {
      RUNNING.remove(key);
    }
  }

  /**
   * Re-imports the given streams from {@code from}: their checkpoints are moved back to that time
   * (any interrupted walk is abandoned), then they run.
   */
  public SyncReport reimportFrom(Instant from, Set<SyncStream> streams) {
    Objects.requireNonNull(from, "from == null");
    for (SyncStream s : streams) {
      if (s != SyncStream.LOCATIONS) {
        sink.saveCheckpoint(Checkpoint.of(streamName(s), new Position(from, null, null).format(), clock.instant()));
      }
    }
    return run(streams);
  }

  /** The checkpoint name of a stream of this account, e.g. {@code retail:123:STOCK}. */
  public String streamName(SyncStream stream) {
    return streamPrefix + stream.name();
  }

  private SyncReport doRun(EnumSet<SyncStream> streams) {
    Instant started = clock.instant();
    SyncMetrics.Snapshot before = metrics.snapshot();
    Map<SyncStream, StreamCounts> counts = new EnumMap<>(SyncStream.class);
    boolean full = false;

    List<Location> shops = client.shops().list(RetailQuery.builder().archived(Archived.INCLUDE).build())
        .stream().map(RetailMapping::toLocation).collect(Collectors.toList());
    LocationSelection selection = LocationRule.select(locations, shops);
    if (!selection.valid()) {
      throw new SyncException("the location settings do not match the account: " + selection.errors().stream()
          .map(e -> e.message()).collect(Collectors.joining("; ")));
    }
    sink.upsertLocations(shops);
    counts.put(SyncStream.LOCATIONS, new StreamCounts(shops.size(), shops.size(), 0, Map.of()));

    if (streams.contains(SyncStream.SUPPLIERS)) {
      full |= isFull(SyncStream.SUPPLIERS);
      StreamCounter c = new StreamCounter();
      walk(SyncStream.SUPPLIERS, client.vendors(), b -> b.archived(Archived.INCLUDE), Vendor::timeStamp, vendors -> {
        sink.upsertSuppliers(vendors.stream().map(RetailMapping::toSupplier).collect(Collectors.toList()));
        c.read += vendors.size();
        c.stored += vendors.size();
      });
      counts.put(SyncStream.SUPPLIERS, c.counts());
    }

    if (streams.contains(SyncStream.CATALOGUE)) {
      full |= isFull(SyncStream.CATALOGUE);
      counts.put(SyncStream.CATALOGUE, catalogue());
    }
    if (streams.contains(SyncStream.STOCK)) {
      full |= isFull(SyncStream.STOCK);
      counts.put(SyncStream.STOCK, stock(selection));
    }
    if (streams.contains(SyncStream.SALES)) {
      full |= isFull(SyncStream.SALES);
      counts.put(SyncStream.SALES, sales(selection));
    }
    SyncMetrics.Snapshot after = metrics.snapshot();
    return new SyncReport(full, counts, after.requests() - before.requests(),
        after.rateLimited() - before.rateLimited(), after.retries() - before.retries(),
        Duration.between(started, clock.instant()));
  }

  private boolean isFull(SyncStream stream) {
    return sink.checkpoint(streamName(stream)).isEmpty();
  }

  private StreamCounts catalogue() {
    StreamCounter c = new StreamCounter();
    walk(SyncStream.CATALOGUE, client.items(), b -> b.archived(Archived.INCLUDE).loadRelations("ItemComponents"),
        Item::timeStamp, items -> {
          Instant asOf = clock.instant();
          List<Sku> skus = items.stream().map(RetailMapping::toSku).collect(Collectors.toList());
          Set<String> activeInHost = sink.findSkus(ids(skus, Sku::id)).values().stream()
              .filter(Sku::active).map(Sku::id).collect(Collectors.toSet());
          VisibilityResult result = visibility.apply(skus, List.of(), activeInHost, asOf);
          PurchasePriceResult priced = pricedAndSupplied(result.upserts(), asOf);
          sink.upsertSkus(priced.skus());
          sink.logIssues(priced.issues());
          sink.deactivateSkus(result.deactivations());
          sink.logIssues(result.issues());
          c.read += items.size();
          c.stored += result.upserts().size();
          c.deactivated += result.deactivations().size();
          c.leftOut(result.exclusions());
        });
    return c.counts();
  }

  private StreamCounts stock(LocationSelection selection) {
    StreamCounter c = new StreamCounter();
    walk(SyncStream.STOCK, client.itemShops(), b -> b, ItemShop::timeStamp, rows -> {
      List<StockLevel> levels = new ArrayList<>();
      for (ItemShop row : rows) {
        RetailMapping.toStockLevel(row).ifPresent(levels::add);
      }
      Selection<StockLevel> kept = LocationRule.filterStock(selection, levels);
      sink.upsertStock(kept.kept());
      c.read += rows.size();
      c.stored += kept.kept().size();
      c.leftOut(kept.exclusions());
    });
    return c.counts();
  }

  private StreamCounts sales(LocationSelection selection) {
    StreamCounter c = new StreamCounter();
    SalesSelectionRule rule = SalesSelectionRule.of(salesSelection);
    Instant since = sink.checkpoint(streamName(SyncStream.SALES))
        .map(cp -> Position.parse(cp.position()).since()).orElse(null);
    walk(SyncStream.SALES, client.sales(), b -> b.archived(Archived.INCLUDE).loadRelations("SaleLines"), Sale::timeStamp, page -> {
      Instant asOf = clock.instant();
      List<SalesOrder> orders = new ArrayList<>();
      List<RecordIssue> issues = new ArrayList<>();
      for (Sale sale : page) {
        Mapped<SalesOrder> mapped = RetailMapping.toSalesOrder(sale, asOf);
        mapped.value().ifPresent(orders::add);
        issues.addAll(mapped.issues());
      }
      Selection<SalesOrder> atLocations = LocationRule.filterSales(selection, orders);
      Selection<SalesOrder> selected = rule.select(atLocations.kept(), asOf);
      List<SalesOrder> store = new ArrayList<>(selected.kept());
      // A stored sale that is now voided (or no longer selected) is replaced by its current
      // version, so it stops counting as demand instead of lingering in its old state.
      Set<String> excludedIds = selected.exclusions().stream().map(Exclusion::recordId).collect(Collectors.toSet());
      Map<String, SalesOrder> stored = sink.findSales(excludedIds);
      for (SalesOrder o : atLocations.kept()) {
        SalesOrder previous = stored.get(o.id());
        if (previous != null && previous.status() != o.status()) {
          store.add(o);
        }
      }
      sink.upsertSales(store);
      sink.logIssues(issues);
      c.read += page.size();
      c.stored += store.size();
      c.leftOut(atLocations.exclusions());
      c.leftOut(selected.exclusions());
    });
    c.stored += recheckVoids(since);
    return c.counts();
  }

  /**
   * A completed sale keeps its completion time as {@code timeStamp} when it is voided later, so the
   * timestamp walk never sees the void. Voided sales are therefore re-read newest {@code updatetime}
   * first (a documented filter and sort), back to the previous walk's start; any stored sale among
   * them that is not yet voided is replaced by its voided version.
   */
  private long recheckVoids(@Nullable Instant since) {
    if (since == null) {
      return 0; // a full walk read every sale in its current state
    }
    Instant from = since.minus(overlap);
    RetailQuery voided = RetailQuery.builder().archived(Archived.INCLUDE).filter(Filter.equalTo("voided", true))
        .loadRelations("SaleLines").sort("-updatetime").build();
    long replaced = 0;
    Instant asOf = clock.instant();
    for (Page<Sale> page : client.sales().list(voided).pages()) {
      List<SalesOrder> voids = new ArrayList<>();
      boolean older = false;
      for (Sale sale : page.items()) {
        Instant changed = sale.updateTime().or(sale::timeStamp).orElse(Instant.EPOCH);
        if (changed.isBefore(from)) {
          older = true;
          break;
        }
        RetailMapping.toSalesOrder(sale, asOf).value().ifPresent(voids::add);
      }
      Map<String, SalesOrder> stored = sink.findSales(ids(voids, SalesOrder::id));
      List<SalesOrder> store = voids.stream()
          .filter(o -> stored.containsKey(o.id()) && stored.get(o.id()).status() != SaleStatus.VOIDED)
          .collect(Collectors.toList());
      sink.upsertSales(store);
      replaced += store.size();
      if (older) {
        break;
      }
    }
    return replaced;
  }

  /** Walks one resource from the stream's checkpoint, saving it after each page. */
  private <T> void walk(SyncStream stream, dev.lightspeedsync.client.retail.RetailResource<T> resource,
      Function<RetailQuery.Builder, RetailQuery.Builder> shape, Function<T, java.util.Optional<Instant>> timeOf,
      java.util.function.Consumer<List<T>> handle) {
    String name = streamName(stream);
    Position position = sink.checkpoint(name).map(cp -> Position.parse(cp.position())).orElse(Position.START);
    RetailQuery.Builder query = shape.apply(RetailQuery.builder()).sort("timeStamp");
    if (position.since() != null) {
      query.filter(Filter.of("timeStamp", Operator.GREATER_OR_EQUAL, position.since().minus(overlap)));
    }
    Paginated<T> list = resource.list(query.build());
    if (position.cursor() != null) {
      list = list.startingAt(PageCursor.parse(position.cursor()));
    }
    @Nullable Instant seen = position.seen();
    for (Page<T> page : list.pages()) {
      handle.accept(page.items());
      for (T record : page.items()) {
        seen = Position.max(seen, timeOf.apply(record).orElse(null));
      }
      Position next;
      if (page.next().isPresent()) {
        next = new Position(position.since(), page.next().get().asString(), seen);
      } else {
        // The walk is complete: the next run starts from the newest timestamp seen.
        next = new Position(Position.max(position.since(), seen), null, null);
      }
      sink.saveCheckpoint(Checkpoint.of(name, next.format(), clock.instant()));
    }
  }

  private static <T> Collection<String> ids(List<T> records, Function<T, String> id) {
    Set<String> out = new HashSet<>();
    for (T r : records) {
      out.add(id.apply(r));
    }
    return out;
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

  /** Builds an {@link RetailSyncRunner}. Not thread-safe. */
  public static final class Builder {
    private @Nullable RetailClient client;
    private @Nullable SyncSink sink;
    private @Nullable LocationConfig locations;
    private SalesSelectionConfig salesSelection = SalesSelectionConfig.defaults();
    private VisibilityConfig visibility = VisibilityConfig.defaults();
    private PurchasePriceConfig purchasePrice = PurchasePriceConfig.builder().priceField(RetailMapping.COST).build();
    private SyncMetrics metrics = new SyncMetrics();
    private Clock clock = Clock.systemUTC();
    private Duration overlap = Duration.ofMinutes(2);

    private Builder() {}

    public Builder client(RetailClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    public Builder sink(SyncSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink == null");
      return this;
    }

    /** Location strategy and default location (required). */
    public Builder locations(LocationConfig locations) {
      this.locations = Objects.requireNonNull(locations, "locations == null");
      return this;
    }

    /** Which sales count (default: completed only). */
    public Builder salesSelection(SalesSelectionConfig salesSelection) {
      this.salesSelection = Objects.requireNonNull(salesSelection, "salesSelection == null");
      return this;
    }

    /**
     * Which price field is the purchase price (default: the item's {@code cost}). Synced SKUs without it, or without a
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

    /** How far back each incremental walk starts before the last newest timestamp (default 2 min). */
    public Builder overlap(Duration overlap) {
      Objects.requireNonNull(overlap, "overlap == null");
      if (overlap.isNegative()) {
        throw new IllegalArgumentException("overlap cannot be negative");
      }
      this.overlap = overlap;
      return this;
    }

    public RetailSyncRunner build() {
      return new RetailSyncRunner(this);
    }
  }
}
