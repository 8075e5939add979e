package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.RetailResource;
import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.ItemShop;
import dev.lightspeedsync.client.retail.model.Sale;
import dev.lightspeedsync.client.retail.model.Shop;
import dev.lightspeedsync.client.retail.model.Vendor;
import dev.lightspeedsync.client.retail.query.Archived;
import dev.lightspeedsync.client.retail.query.Filter;
import dev.lightspeedsync.client.retail.query.Operator;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.Mapped;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.internal.Pages;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SalesOrder;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The R-Series (Retail V3) connector for one account: locations (shops), suppliers (vendors), the
 * catalogue (items), stock (ItemShops) and sales history. Run it with a
 * {@link dev.lightspeedsync.sync.engine.SyncEngine}.
 *
 * <p><b>Read plans, by the documented 2026 request costs</b> (1 drip per request, +0.4 per
 * X-to-many relation loaded on a list endpoint):
 *
 * <ul>
 *   <li>Every list is walked sorted by {@code timeStamp}; incremental walks filter {@code timeStamp
 *       >=} the bookmark less the engine's overlap. Cursors are Lightspeed's own keyset cursors.
 *   <li><b>Full catalogue and stock together: {@code items+ItemShops}.</b> Loading {@code ItemShops}
 *       with the item walk costs 0.4 drips per page of 100 items, where a separate ItemShop walk
 *       costs 1 drip per 100 rows, that is one page per shop for every page of items. With one shop
 *       or more, one walk is cheaper, so a full sync reads stock with the items.
 *   <li><b>Incremental stock: the ItemShop feed</b> ({@code ItemShop} by {@code timeStamp}),
 *       because an item's timestamp does not move when its stock does.
 *   <li><b>Sales: the sale walk with its lines, then a voided re-check.</b> A completed sale keeps
 *       its completion time as {@code timeStamp} when it is voided later, so incremental runs also
 *       re-read voided sales newest {@code updatetime} first, back to the bookmark, and the engine
 *       replaces the stored ones. The bookmark moves only after both passes.
 * </ul>
 *
 * <p>Thread-safe for sequential runs; the client is shared.
 */
public final class RetailConnector implements Connector {
  /** Items and sales per list page (the API's maximum). */
  static final int PAGE_SIZE = 100;

  private final RetailClient client;
  private final SyncMetrics metrics;
  private final Clock clock;
  private final String accountKey;

  private RetailConnector(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client is required");
    this.metrics = b.metrics;
    this.clock = b.clock;
    this.accountKey = "retail:" + client.accountId();
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
    // R-Series has no order import: seed 004 exports web orders to it instead (RetailWriter)
    return EnumSet.complementOf(EnumSet.of(SyncStream.ORDER_IMPORT));
  }

  @Override
  public TransportStats transportStats() {
    return metrics.transportStats();
  }

  @Override
  public ReadPlan locations() {
    ReadPass shops = new ReadPass() {
      @Override
      public String name() {
        return "shops";
      }

      @Override
      public PassPage read(ReadStart since, @Nullable String cursor) {
        Page<Shop> page = Pages.read(client.shops().list(RetailQuery.builder().archived(Archived.INCLUDE).build()),
            cursor, clock);
        Batch.Builder batch = Batch.builder();
        page.items().forEach(s -> batch.addLocations(List.of(RetailMapping.toLocation(s))));
        batch.addIssues(Pages.rejected(page, RecordKind.LOCATION, "Shop", clock.instant()));
        return PassPage.of(batch.build(), Pages.next(page), null);
      }
    };
    return ReadPlan.of("shops", SyncStream.LOCATIONS, BookmarkRule.NEWEST_RECORD, "1 drip per 100 shops", shops);
  }

  @Override
  public List<ReadPlan> plans(PlanContext context) {
    List<ReadPlan> plans = new ArrayList<>();
    Set<SyncStream> asked = context.requested();
    int shops = Math.max(1, context.locations().size());
    if (asked.contains(SyncStream.SUPPLIERS)) {
      plans.add(ReadPlan.of("vendors", SyncStream.SUPPLIERS, BookmarkRule.NEWEST_RECORD, "1 drip per 100 vendors",
          walk("vendors", client.vendors(), q -> q.archived(Archived.INCLUDE), Vendor::timeStamp, (page, b) -> {
            page.items().forEach(v -> b.addSuppliers(List.of(RetailMapping.toSupplier(v))));
            b.addIssues(Pages.rejected(page, RecordKind.SUPPLIER, "Vendor", clock.instant()));
          })));
    }
    boolean catalogue = asked.contains(SyncStream.CATALOGUE);
    boolean stock = asked.contains(SyncStream.STOCK);
    if (catalogue && stock && context.isFull(SyncStream.CATALOGUE) && context.isFull(SyncStream.STOCK)) {
      plans.add(ReadPlan.of("items+ItemShops", EnumSet.of(SyncStream.CATALOGUE, SyncStream.STOCK),
          BookmarkRule.NEWEST_RECORD,
          String.format(Locale.ROOT, "1.4 drips per 100 items, + 1.4 per 100 assemblies and boxes (a separate"
              + " ItemShop walk: 1 + %d per 100 items; ItemComponents on every page: +0.4 per 100 items)", shops),
          List.of(itemsWithStock(), composites())));
    } else {
      if (catalogue) {
        plans.add(ReadPlan.of("items", SyncStream.CATALOGUE, BookmarkRule.NEWEST_RECORD,
            "1 drip per 100 items, + 1.4 per 100 assemblies and boxes",
            walk("items", client.items(), q -> q.archived(Archived.INCLUDE), Item::timeStamp, this::items),
            composites()));
      }
      if (stock) {
        plans.add(ReadPlan.of("ItemShop feed", SyncStream.STOCK, BookmarkRule.NEWEST_RECORD,
            context.isFull(SyncStream.STOCK)
                ? String.format(Locale.ROOT, "1 drip per 100 item-shop rows (%d shops: %d per 100 items)", shops, shops)
                : "1 drip per 100 changed item-shop rows",
            walk("ItemShop feed", client.itemShops(), q -> q, ItemShop::timeStamp, (page, b) -> {
              page.items().forEach(row -> RetailMapping.toStockLevel(row).ifPresent(b::addStock));
              b.addIssues(Pages.rejected(page, RecordKind.STOCK, "ItemShop", clock.instant()));
            })));
      }
    }
    if (asked.contains(SyncStream.CUSTOMERS)) {
      plans.add(ReadPlan.of("customers+Contact", SyncStream.CUSTOMERS, BookmarkRule.NEWEST_RECORD,
          "1.2 drips per 100 customers",
          walk("customers", client.customers(), q -> q.archived(Archived.INCLUDE).loadRelations("Contact"),
              dev.lightspeedsync.client.retail.model.Customer::timeStamp, (page, b) -> {
                page.items().forEach(c -> b.addCustomer(RetailMapping.toCustomer(c)));
                b.addIssues(Pages.rejected(page, RecordKind.CUSTOMER, "Customer", clock.instant()));
              })));
    }
    if (asked.contains(SyncStream.SALES)) {
      plans.add(ReadPlan.of(context.isFull(SyncStream.SALES) ? "sales" : "sales+voided re-check", SyncStream.SALES,
          BookmarkRule.NEWEST_RECORD, "1.4 drips per 100 sales, +1 per 100 voided since the bookmark",
          walk("sales", client.sales(), q -> q.archived(Archived.INCLUDE).loadRelations("SaleLines"), Sale::timeStamp,
              this::sales),
          voidedRecheck()));
    }
    return plans;
  }

  private ReadPass itemsWithStock() {
    return new ReadPass() {
      @Override
      public String name() {
        return "items+ItemShops";
      }

      @Override
      public PassPage read(ReadStart since, @Nullable String cursor) {
        RetailQuery query = query(since, q -> q.archived(Archived.INCLUDE).loadRelations("ItemShops"));
        return Pages.paced(() -> readPage(query, cursor), clock);
      }

      private PassPage readPage(RetailQuery query, @Nullable String cursor) {
        Page<Item> page = Pages.read(client.items().list(query), cursor, clock);
        Batch.Builder batch = Batch.builder();
        items(page, batch);
        Instant newestShop = null;
        for (Item item : page.items()) {
          for (ItemShop row : item.itemShops()) {
            RetailMapping.toStockLevel(row).ifPresent(batch::addStock);
            Instant t = row.timeStamp().orElse(null);
            newestShop = t != null && (newestShop == null || t.isAfter(newestShop)) ? t : newestShop;
          }
        }
        Instant newestItem = Pages.newest(page.items(), Item::timeStamp);
        Map<SyncStream, Bookmark> newest = new java.util.EnumMap<>(SyncStream.class);
        if (newestItem != null) {
          newest.put(SyncStream.CATALOGUE, Bookmark.time(newestItem));
        }
        if (newestShop != null) {
          newest.put(SyncStream.STOCK, Bookmark.time(newestShop));
        }
        return new PassPage(batch.build(), Optional.ofNullable(Pages.next(page)), Optional.empty(), newest);
      }
    };
  }

  /**
   * The SKUs of a page of the item walk. Assemblies and boxes are left to the {@link #composites()}
   * pass, which reads them with their components: each SKU is stored once, complete.
   */
  private void items(Page<Item> page, Batch.Builder batch) {
    for (Item item : page.items()) {
      if (!item.itemType().isComposite()) {
        batch.addSku(RetailMapping.toSku(item));
      }
    }
    batch.addIssues(Pages.rejected(page, RecordKind.SKU, "Item", clock.instant()));
  }

  /**
   * Components only for the items that can have them: assemblies and boxes, filtered on
   * {@code itemType}, with {@code ItemComponents} loaded. At the documented costs (+0.4 per 100
   * items for an X-to-many relation on a list) this is cheaper than loading the relation on every
   * item page unless more than 2 in 7 items are composites.
   */
  private ReadPass composites() {
    return walk("assemblies and boxes+ItemComponents", client.items(), q -> q.archived(Archived.INCLUDE)
            .filter(Filter.in("itemType", COMPOSITE_TYPES)).loadRelations("ItemComponents"), Item::timeStamp,
        (page, batch) -> {
          for (Item item : page.items()) {
            batch.addSku(RetailMapping.toSku(item));
          }
          batch.addIssues(Pages.rejected(page, RecordKind.SKU, "Item", clock.instant()));
        });
  }

  /** The wire values of the item types that have components. */
  private static final List<String> COMPOSITE_TYPES = List.of("assembly", "box", "serialized_assembly");

  private void sales(Page<Sale> page, Batch.Builder batch) {
    Instant asOf = clock.instant();
    for (Sale sale : page.items()) {
      Mapped<SalesOrder> mapped = RetailMapping.toSalesOrder(sale, asOf);
      mapped.value().ifPresent(batch::addSale);
      batch.addIssues(mapped.issues());
    }
    batch.addIssues(Pages.rejected(page, RecordKind.SALES_ORDER, "Sale", asOf));
  }

  /**
   * Voided sales, newest {@code updatetime} first (a documented filter and sort), back to the
   * bookmark; nothing on a full read, which reads every sale in its current state.
   */
  private ReadPass voidedRecheck() {
    return new ReadPass() {
      @Override
      public String name() {
        return "voided re-check";
      }

      @Override
      public boolean revisit() {
        return true;
      }

      @Override
      public PassPage read(ReadStart since, @Nullable String cursor) {
        if (since.full()) {
          return PassPage.of(Batch.empty(), null, null);
        }
        Instant from = since.sinceTime().orElseThrow();
        RetailQuery voided = RetailQuery.builder().archived(Archived.INCLUDE).filter(Filter.equalTo("voided", true))
            .loadRelations("SaleLines").sort("-updatetime").build();
        Page<Sale> page = Pages.read(client.sales().list(voided), cursor, clock);
        Instant asOf = clock.instant();
        Batch.Builder batch = Batch.builder();
        boolean older = false;
        for (Sale sale : page.items()) {
          Instant changed = sale.updateTime().or(sale::timeStamp).orElse(Instant.EPOCH);
          if (changed.isBefore(from)) {
            older = true;
            break;
          }
          RetailMapping.toSalesOrder(sale, asOf).value().ifPresent(batch::addSale);
        }
        return PassPage.of(batch.build(), older ? null : Pages.next(page), null);
      }
    };
  }

  private RetailQuery query(ReadStart since, UnaryOperator<RetailQuery.Builder> shape) {
    RetailQuery.Builder q = shape.apply(RetailQuery.builder()).sort("timeStamp");
    since.sinceTime().ifPresent(t -> q.filter(Filter.of("timeStamp", Operator.GREATER_OR_EQUAL, t)));
    return q.build();
  }

  /** A walk of one resource by {@code timeStamp}. */
  private <T> ReadPass walk(String name, RetailResource<T> resource, UnaryOperator<RetailQuery.Builder> shape,
      Function<T, Optional<Instant>> time, java.util.function.BiConsumer<Page<T>, Batch.Builder> map) {
    return Pages.pass(name, clock, (since, cursor) -> {
      Page<T> page = Pages.read(resource.list(query(since, shape)), cursor, clock);
      Batch.Builder batch = Batch.builder();
      map.accept(page, batch);
      Instant newest = Pages.newest(page.items(), time);
      return PassPage.of(batch.build(), Pages.next(page), newest == null ? null : Bookmark.time(newest));
    });
  }

  /** Builds a {@link RetailConnector}; not thread-safe. */
  public static final class Builder {
    private @Nullable RetailClient client;
    private SyncMetrics metrics = new SyncMetrics();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The account's client (required). */
    public Builder client(RetailClient client) {
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

    public RetailConnector build() {
      return new RetailConnector(this);
    }
  }
}
