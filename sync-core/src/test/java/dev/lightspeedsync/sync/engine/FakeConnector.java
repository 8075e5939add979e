package dev.lightspeedsync.sync.engine;

import dev.lightspeedsync.sync.engine.FakeTruth.Stamped;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.spi.Batch;
import dev.lightspeedsync.sync.spi.Bookmark;
import dev.lightspeedsync.sync.spi.Connector;
import dev.lightspeedsync.sync.spi.PassPage;
import dev.lightspeedsync.sync.spi.PlanContext;
import dev.lightspeedsync.sync.spi.ReadPass;
import dev.lightspeedsync.sync.spi.ReadPlan;
import dev.lightspeedsync.sync.spi.ReadStart;
import dev.lightspeedsync.sync.spi.SourceRateLimitedException;
import dev.lightspeedsync.sync.spi.TransportStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A connector over a {@link FakeTruth}: no HTTP. Every pass walks a list sorted by (change time, id),
 * filtered to changes at or after the read's start; the cursor is the offset of the next page in that
 * list. Every read is one "request". Tests inject faults with {@link #beforeRead}, which sees each read
 * (after it was counted) and may throw.
 */
final class FakeConnector implements Connector {
  static final String ACCOUNT = "fake:42";

  /** One call of {@link ReadPass#read}. */
  record ReadCall(int index, String pass, ReadStart start, @Nullable String cursor) {
    /** The same page request (pass, start and cursor), whatever the call's index. */
    boolean samePage(ReadCall other) {
      return pass.equals(other.pass) && start.equals(other.start) && java.util.Objects.equals(cursor, other.cursor);
    }
  }

  /** Sees every read before the page is built; may throw to simulate a fault. */
  @FunctionalInterface
  interface BeforeRead {
    void before(ReadCall call);
  }

  final FakeTruth truth;
  final FakeClock clock;
  int pageSize = 10;
  int locationsPageSize = 100;
  /** Time that passes per request. */
  Duration perRead = Duration.ZERO;
  /** Read catalogue and stock in one walk when both read in full (like R-Series items+ItemShops). */
  boolean combinedFullWalk;
  /** The sales plan has a second pass, a voided-sales re-check (revisit). */
  boolean voidRecheck;
  BeforeRead beforeRead = call -> {};
  @Nullable Function<PlanContext, List<ReadPlan>> planOverride;
  final List<ReadCall> calls = new ArrayList<>();
  final List<PlanContext> contexts = new ArrayList<>();
  private long requests;
  private long rateLimited;

  FakeConnector(FakeTruth truth, FakeClock clock) {
    this.truth = truth;
    this.clock = clock;
  }

  @Override
  public String accountKey() {
    return ACCOUNT;
  }

  @Override
  public Set<SyncStream> streams() {
    return EnumSet.of(SyncStream.LOCATIONS, SyncStream.CATALOGUE, SyncStream.STOCK, SyncStream.SALES);
  }

  @Override
  public ReadPlan locations() {
    return ReadPlan.of("locations", SyncStream.LOCATIONS, ReadPlan.BookmarkRule.NEWEST_RECORD, "1 request",
        pass("locations", false, (start, offset) -> {
          List<Location> all = truth.locations;
          int end = Math.min(all.size(), offset + locationsPageSize);
          return page(Batch.builder().addLocations(all.subList(offset, end)).build(), end, all.size(), Optional.empty(),
              Map.of());
        }));
  }

  @Override
  public List<ReadPlan> plans(PlanContext context) {
    contexts.add(context);
    if (planOverride != null) {
      return planOverride.apply(context);
    }
    List<ReadPlan> plans = new ArrayList<>();
    Set<SyncStream> asked = context.requested();
    boolean combined = combinedFullWalk && asked.contains(SyncStream.CATALOGUE) && asked.contains(SyncStream.STOCK)
        && context.isFull(SyncStream.CATALOGUE) && context.isFull(SyncStream.STOCK);
    if (combined) {
      plans.add(ReadPlan.of("skus+stock", EnumSet.of(SyncStream.CATALOGUE, SyncStream.STOCK),
          ReadPlan.BookmarkRule.NEWEST_RECORD, "one walk", List.of(skusWithStock())));
    } else {
      if (asked.contains(SyncStream.CATALOGUE)) {
        plans.add(catalogue(context.isFull(SyncStream.CATALOGUE)));
      }
      if (asked.contains(SyncStream.STOCK)) {
        plans.add(ReadPlan.of(context.isFull(SyncStream.STOCK) ? "stock:full" : "stock:changes", SyncStream.STOCK,
            ReadPlan.BookmarkRule.NEWEST_RECORD, "stock walk", stock()));
      }
    }
    if (asked.contains(SyncStream.SALES)) {
      plans.add(salesPlan(context.isFull(SyncStream.SALES)));
    }
    return plans;
  }

  ReadPlan catalogue(boolean full) {
    return ReadPlan.of(full ? "catalogue:full" : "catalogue:changes", SyncStream.CATALOGUE,
        ReadPlan.BookmarkRule.NEWEST_RECORD, "catalogue walk", skus());
  }

  ReadPlan salesPlan(boolean full) {
    List<ReadPass> passes = new ArrayList<>(List.of(sales()));
    if (voidRecheck) {
      passes.add(voided());
    }
    return ReadPlan.of(full ? "sales:full" : "sales:changes", Set.of(SyncStream.SALES),
        ReadPlan.BookmarkRule.NEWEST_RECORD, "sales walk", passes);
  }

  @Override
  public TransportStats transportStats() {
    return new TransportStats(requests, rateLimited, 0);
  }

  /** The calls of one pass, in order. */
  List<ReadCall> calls(String pass) {
    return calls.stream().filter(c -> c.pass().equals(pass)).collect(Collectors.toList());
  }

  // passes ---------------------------------------------------------------------------------------

  ReadPass skus() {
    return pass("skus", false, (start, offset) -> {
      List<Sku> all = sortedSkus(start);
      int end = Math.min(all.size(), offset + pageSize);
      Batch.Builder b = Batch.builder();
      for (Sku s : all.subList(offset, end)) {
        addSku(b, s);
      }
      return page(b.build(), end, all.size(), newest(all.subList(offset, end), s -> s.updatedAt().orElseThrow()),
          Map.of());
    });
  }

  ReadPass stock() {
    return pass("stock", false, (start, offset) -> {
      List<Stamped<StockLevel>> all = truth.stock.values().stream().filter(s -> since(start, s.at()))
          .sorted(Comparator.comparing((Stamped<StockLevel> s) -> s.at()).thenComparing(s -> key(s.value())))
          .collect(Collectors.toList());
      int end = Math.min(all.size(), offset + pageSize);
      List<Stamped<StockLevel>> rows = all.subList(offset, end);
      return page(Batch.builder().addStock(rows.stream().map(Stamped::value).collect(Collectors.toList())).build(),
          end, all.size(), newest(rows, Stamped::at), Map.of());
    });
  }

  /** SKUs with their stock rows in one walk; the page's newest is per stream. */
  ReadPass skusWithStock() {
    return pass("skus+stock", false, (start, offset) -> {
      List<Sku> all = sortedSkus(start);
      int end = Math.min(all.size(), offset + pageSize);
      Batch.Builder b = Batch.builder();
      List<Stamped<StockLevel>> rows = new ArrayList<>();
      for (Sku s : all.subList(offset, end)) {
        addSku(b, s);
        truth.stock.values().stream().filter(r -> r.value().skuId().equals(s.id())).forEach(rows::add);
      }
      rows.forEach(r -> b.addStock(r.value()));
      Map<SyncStream, Bookmark> byStream = new EnumMap<>(SyncStream.class);
      newest(all.subList(offset, end), s -> s.updatedAt().orElseThrow())
          .ifPresent(t -> byStream.put(SyncStream.CATALOGUE, t));
      newest(rows, Stamped::at).ifPresent(t -> byStream.put(SyncStream.STOCK, t));
      return page(b.build(), end, all.size(), Optional.empty(), byStream);
    });
  }

  ReadPass sales() {
    return pass("sales", false, (start, offset) -> {
      List<SalesOrder> all = truth.sales.values().stream().filter(s -> since(start, s.updatedAt()))
          .sorted(Comparator.comparing(SalesOrder::updatedAt).thenComparing(SalesOrder::id))
          .collect(Collectors.toList());
      int end = Math.min(all.size(), offset + pageSize);
      List<SalesOrder> rows = all.subList(offset, end);
      Batch.Builder b = Batch.builder();
      rows.forEach(b::addSale);
      return page(b.build(), end, all.size(), newest(rows, SalesOrder::updatedAt), Map.of());
    });
  }

  /** Sales voided since the start, by the time of the void; moves no bookmark. */
  ReadPass voided() {
    return pass("voided", true, (start, offset) -> {
      List<String> all = truth.silentVoids.entrySet().stream().filter(e -> since(start, e.getValue()))
          .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey).collect(Collectors.toList());
      int end = Math.min(all.size(), offset + pageSize);
      Batch.Builder b = Batch.builder();
      all.subList(offset, end).forEach(id -> b.addSale(truth.sales.get(id)));
      return page(b.build(), end, all.size(), Optional.empty(), Map.of());
    });
  }

  // helpers --------------------------------------------------------------------------------------

  private interface PageReader {
    PassPage read(ReadStart start, int offset);
  }

  private ReadPass pass(String name, boolean revisit, PageReader reader) {
    return new ReadPass() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public PassPage read(ReadStart since, @Nullable String cursor) {
        ReadCall call = new ReadCall(calls.size(), name, since, cursor);
        calls.add(call);
        requests++;
        clock.advance(perRead);
        try {
          beforeRead.before(call);
        } catch (SourceRateLimitedException e) {
          rateLimited++;
          throw e;
        }
        return reader.read(since, cursor == null ? 0 : Integer.parseInt(cursor));
      }

      @Override
      public boolean revisit() {
        return revisit;
      }
    };
  }

  private void addSku(Batch.Builder b, Sku s) {
    if (truth.malformedSkus.contains(s.id())) {
      b.addIssue(RecordIssue.of(RecordKind.SKU, s.id(), ReasonCode.MALFORMED_RECORD,
          "field 'qoh' is not a number", "fix the item in Lightspeed", clock.instant()));
    } else {
      b.addSku(s);
    }
  }

  private List<Sku> sortedSkus(ReadStart start) {
    return truth.skus.values().stream().filter(s -> since(start, s.updatedAt().orElseThrow()))
        .sorted(Comparator.comparing((Sku s) -> s.updatedAt().orElseThrow()).thenComparing(Sku::id))
        .collect(Collectors.toList());
  }

  private static boolean since(ReadStart start, Instant at) {
    return start.sinceTime().map(t -> !at.isBefore(t)).orElse(true);
  }

  private static String key(StockLevel s) {
    return s.skuId() + "@" + s.locationId();
  }

  private static <T> Optional<Bookmark> newest(List<T> rows, Function<T, Instant> at) {
    return rows.stream().map(at).max(Comparator.naturalOrder()).map(Bookmark::time);
  }

  private static PassPage page(Batch batch, int end, int size, Optional<Bookmark> newest,
      Map<SyncStream, Bookmark> byStream) {
    Optional<String> next = end < size ? Optional.of(String.valueOf(end)) : Optional.empty();
    return new PassPage(batch, next, newest, byStream);
  }
}
