package dev.lightspeedsync.sync.engine.internal;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncRunException;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.Demand;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.SkuListing;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.BreakdownResult;
import dev.lightspeedsync.sync.rules.ComponentDemand;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.rules.GtinMapping;
import dev.lightspeedsync.sync.rules.ItemImportConfig;
import dev.lightspeedsync.sync.rules.MasterDataConfig;
import dev.lightspeedsync.sync.rules.MasterDataDecision;
import dev.lightspeedsync.sync.rules.MasterDataRule;
import dev.lightspeedsync.sync.rules.MasterSide;
import dev.lightspeedsync.sync.rules.PriceLevelRule;
import dev.lightspeedsync.sync.rules.PriceSelection;
import dev.lightspeedsync.sync.rules.ProductField;
import dev.lightspeedsync.sync.rules.PublishCheck;
import dev.lightspeedsync.sync.rules.PublishRule;
import dev.lightspeedsync.sync.rules.SkuRule;
import dev.lightspeedsync.sync.rules.ItemImportFilter;
import dev.lightspeedsync.sync.rules.LocationRule;
import dev.lightspeedsync.sync.rules.LocationSelection;
import dev.lightspeedsync.sync.rules.PurchasePriceResult;
import dev.lightspeedsync.sync.rules.PurchasePriceRule;
import dev.lightspeedsync.sync.rules.SalesSelectionRule;
import dev.lightspeedsync.sync.rules.Selection;
import dev.lightspeedsync.sync.rules.VisibilityResult;
import dev.lightspeedsync.sync.rules.VisibilityRule;
import dev.lightspeedsync.sync.spi.Batch;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Every rule of DESIGN.md section 3 that judges records read from a platform, applied in one place
 * for every connector: a page's {@link Batch} goes in, what the rules keep goes to the sink, with
 * the connection-log entries and the counts of each stream. Confined to the run's thread.
 */
public final class RuleStage {
  private final SyncSettings settings;
  private final SyncSink sink;
  private final Clock clock;
  private final String accountKey;
  private final VisibilityRule visibility;
  private final PurchasePriceRule purchasePrice;
  private final SalesSelectionRule salesSelection;
  private final ItemImportFilter itemImport;
  private final boolean importFilterOn;
  private final Function<java.util.Collection<String>, Batch> fetchSkus;
  private final @Nullable SalesSelectionRule orderImport;
  private final SkuRule skuRule;
  private final PriceLevelRule priceLevels;
  private final PublishRule publishRule;
  private final boolean publishIssues;
  private final MasterDataRule masterData;
  private final boolean hostMasters;
  private @Nullable LocationSelection locations;

  public RuleStage(SyncSettings settings, SyncSink sink, Clock clock, String accountKey,
      Function<java.util.Collection<String>, Batch> fetchSkus) {
    this.fetchSkus = fetchSkus;
    this.orderImport = settings.orderImport().map(c -> c.rule()).orElse(null);
    this.settings = settings;
    this.sink = sink;
    this.clock = clock;
    this.accountKey = accountKey;
    this.visibility = VisibilityRule.of(settings.visibility());
    this.purchasePrice = PurchasePriceRule.of(settings.purchasePrice());
    this.salesSelection = SalesSelectionRule.of(settings.salesSelection());
    ItemImportConfig importConfig = settings.itemImport().orElse(null);
    this.itemImport = ItemImportFilter.of(importConfig == null ? ItemImportConfig.defaults() : importConfig);
    this.importFilterOn = importConfig != null && (importConfig.onHandAboveZero() || importConfig.onOrderAboveZero()
        || importConfig.reorderAboveZero());
    this.skuRule = SkuRule.of(settings.skus());
    this.priceLevels = PriceLevelRule.of(settings.priceLevels());
    this.publishRule = PublishRule.of(settings.publish());
    this.publishIssues = settings.publish().enabled();
    MasterDataConfig master = settings.effectiveMasterData();
    this.masterData = MasterDataRule.of(master);
    this.hostMasters = master.master() == MasterSide.HOST;
  }

  /** The reasons of SKU entries that the rules of {@link #skus} decide afresh each time a SKU is read. */
  private static final Set<ReasonCode> SKU_RULE_REASONS = Set.copyOf(EnumSet.of(ReasonCode.MALFORMED_RECORD,
      ReasonCode.UNKNOWN_VISIBILITY, ReasonCode.UNKNOWN_STOCK_TRACKING, ReasonCode.UNKNOWN_SUPPLIER,
      ReasonCode.PURCHASE_PRICE_MISSING, ReasonCode.SKU_MISSING, ReasonCode.SKU_DUPLICATE,
      ReasonCode.PRICE_LEVEL_MISSING, ReasonCode.PUBLISH_PRICE_MISSING, ReasonCode.PUBLISH_IDENTIFIER_MISSING));

  /** Applies the rules to one page and writes what they keep. */
  public void apply(Batch batch, boolean revisit, Set<SyncStream> streams, Map<SyncStream, StreamCounter> counters) {
    List<RecordIssue> issues = new ArrayList<>(batch.issues());
    if (!batch.issues().isEmpty()) {
      for (RecordIssue issue : batch.issues()) {
        if (issue.reason() == ReasonCode.MALFORMED_RECORD) {
          StreamCounter c = counter(counters, streamOf(issue));
          c.read++; // read, and rejected: read = stored + left out + rejected
          c.rejected++;
        }
      }
    }
    if (!batch.locations().isEmpty()) {
      locations(batch.locations(), counter(counters, SyncStream.LOCATIONS));
    }
    if (!batch.suppliers().isEmpty()) {
      sink.upsertSuppliers(batch.suppliers());
      StreamCounter c = counter(counters, SyncStream.SUPPLIERS);
      c.read += batch.suppliers().size();
      c.stored += batch.suppliers().size();
    }
    if (!batch.customers().isEmpty()) {
      sink.upsertCustomers(batch.customers());
      StreamCounter c = counter(counters, SyncStream.CUSTOMERS);
      c.read += batch.customers().size();
      c.stored += batch.customers().size();
      c.deactivated += batch.customers().stream().filter(x -> !x.active()).count();
    }
    if (!batch.skus().isEmpty() || !batch.deletedSkuIds().isEmpty()) {
      skus(batch, issues, counter(counters, SyncStream.CATALOGUE));
    }
    if (!batch.stock().isEmpty()) {
      stock(batch.stock(), counter(counters, SyncStream.STOCK));
    }
    if (!batch.sales().isEmpty()) {
      if (streams.contains(SyncStream.ORDER_IMPORT)) {
        importOrders(batch.sales(), issues, counters);
      } else {
        sales(batch.sales(), revisit, counter(counters, SyncStream.SALES));
      }
    }
    if (!issues.isEmpty()) {
      sink.logIssues(issues);
    }
  }

  /**
   * For changes applied outside a sync: the location settings judged against the locations the
   * last sync stored. Fails when there are none, since stock and sales cannot be placed then.
   */
  public void useStoredLocations() {
    if (settings.location().isEmpty()) {
      return;
    }
    List<Location> stored = sink.locations();
    if (stored.isEmpty()) {
      throw new SyncRunException(SyncRunException.Reason.SETTINGS, accountKey,
          "no locations are stored for this account yet: run a sync before applying changes");
    }
    judgeLocations(stored);
  }

  /**
   * The location settings and the outlet mapping against the account's locations: a mismatch
   * fails the run naming the near match or the missing outlet; what both select is kept.
   */
  private void judgeLocations(List<Location> all) {
    LocationSelection selection = null;
    if (settings.location().isPresent()) {
      selection = LocationRule.select(settings.location().get(), all);
      if (!selection.valid()) {
        throw new SyncRunException(SyncRunException.Reason.SETTINGS, accountKey,
            "the location settings do not match the account: " + selection.errors().stream()
                .map(e -> e.message()).collect(Collectors.joining("; ")));
      }
    }
    if (settings.outletMapping().isPresent()) {
      dev.lightspeedsync.sync.rules.OutletMapping mapping = settings.outletMapping().get();
      List<RecordIssue> wrong = LocationRule.validateMapping(mapping, all, clock.instant());
      if (!wrong.isEmpty()) {
        throw new SyncRunException(SyncRunException.Reason.SETTINGS, accountKey,
            "the outlet mapping does not match the account: " + wrong.stream().map(RecordIssue::problem)
                .collect(Collectors.joining("; ")));
      }
      selection = LocationRule.selectMapped(mapping, all, java.util.Optional.ofNullable(selection));
    }
    if (selection != null) {
      locations = selection;
    }
  }

  /** Rule 3: the location settings must match the account before anything else is written. */
  private void locations(List<Location> all, StreamCounter c) {
    judgeLocations(all);
    sink.upsertLocations(all);
    c.read += all.size();
    c.stored += all.size();
  }

  /**
   * Rules 1, 2 and 8: visibility and stock tracking (hidden or deleted SKUs deactivated, never
   * erased), item import filters on stock at the selected locations, purchase price and supplier,
   * master-data ownership, and per SKU the listing (link code under the whitespace policy, price
   * levels, GTIN/MPN, publish check) with missing and duplicate SKU codes in the connection log.
   * Returns the ids of SKUs the rules left out.
   */
  private Set<String> skus(Batch batch, List<RecordIssue> issues, StreamCounter c) {
    Instant asOf = clock.instant();
    List<Sku> skus = batch.skus();
    Set<String> ids = new LinkedHashSet<>(ids(skus, Sku::id));
    ids.addAll(batch.deletedSkuIds());
    Map<String, Sku> stored = sink.findSkus(ids);
    Set<String> activeInHost = stored.values().stream().filter(Sku::active).map(Sku::id)
        .collect(Collectors.toSet());
    VisibilityResult visible = visibility.apply(skus, batch.deletedSkuIds(), activeInHost, asOf);
    List<Sku> kept = visible.upserts();
    Set<String> excluded = new HashSet<>(ids(visible.exclusions(), Exclusion::recordId));
    if (importFilterOn) {
      List<StockLevel> stock = batch.stock().isEmpty() ? sink.findStock(ids(kept, Sku::id)) : batch.stock();
      Selection<Sku> imported = itemImport.filter(kept, atSelectedLocations(stock));
      kept = imported.kept();
      excluded.addAll(ids(imported.exclusions(), Exclusion::recordId));
      c.leftOut(imported.exclusions());
    }
    PurchasePriceResult priced = priced(kept, stored, asOf);
    List<Sku> toStore = new ArrayList<>(priced.skus().size());
    List<SkuListing> listings = new ArrayList<>(priced.skus().size());
    Map<String, Optional<String>> previousCodes = new HashMap<>();
    if (!priced.skus().isEmpty()) {
      sink.findListings(ids(priced.skus(), Sku::id)).forEach((id, l) -> previousCodes.put(id, l.code()));
    }
    for (Sku sku : priced.skus()) {
      Set<ProductField> pending = Set.of();
      Sku previous = stored.get(sku.id());
      if (hostMasters && previous != null) {
        MasterDataDecision decision = masterData.decide(sku, previous);
        if (decision.direction() == MasterDataDecision.Direction.UPDATE_LIGHTSPEED) {
          pending = decision.differingFields();
          sku = keepHostFields(sku, previous);
        }
      }
      toStore.add(sku);
      listings.add(listing(sku, pending, issues, asOf));
    }
    sink.upsertSkus(toStore);
    sink.upsertListings(listings);
    if (!visible.deactivations().isEmpty()) {
      sink.deactivateSkus(visible.deactivations());
      sharedCodes.clear(); // a deactivated SKU no longer holds its code
    }
    // what the rules say now replaces what they said when these SKUs were read before
    sink.resolveIssues(RecordKind.SKU, ids, SKU_RULE_REASONS);
    issues.addAll(visible.issues());
    issues.addAll(priced.issues());
    duplicates(listings, previousCodes, issues, asOf);
    c.read += skus.size() + batch.deletedSkuIds().size();
    c.stored += priced.skus().size();
    c.deactivated += visible.deactivations().size();
    c.leftOut(visible.exclusions());
    return excluded;
  }

  private PurchasePriceResult priced(List<Sku> skus, Map<String, Sku> stored, Instant asOf) {
    Set<String> supplierIds = new HashSet<>();
    for (Sku s : skus) {
      s.supplierId().ifPresent(supplierIds::add);
    }
    Set<String> known = supplierIds.isEmpty() ? Set.of() : sink.findSuppliers(supplierIds).keySet();
    return purchasePrice.apply(skus, stored, known, asOf);
  }

  /** Rule 8, master data: with the host as master, the stored SKU keeps the host's product fields. */
  private static Sku keepHostFields(Sku lightspeed, Sku host) {
    return Sku.builder().from(lightspeed).name(host.name()).upc(host.upc()).ean(host.ean())
        .manufacturerSku(host.manufacturerSku()).prices(host.prices()).build();
  }

  /** Rule 8: the link code, price levels, GTIN/MPN and publish check of one SKU. */
  private SkuListing listing(Sku sku, Set<ProductField> pending, List<RecordIssue> issues, Instant asOf) {
    Optional<String> code = sku.sku().map(skuRule::normalize).filter(s -> !s.isEmpty());
    if (code.isEmpty()) {
      issues.add(RecordIssue.of(RecordKind.SKU, sku.id(), ReasonCode.SKU_MISSING,
          "Product '" + sku.name() + "' has no SKU in Lightspeed, so it cannot be linked",
          "Enter a unique SKU for this product in Lightspeed", asOf));
    }
    PriceSelection prices = priceLevels.prices(sku, asOf);
    issues.addAll(prices.issues());
    PublishCheck publish = publishRule.check(sku, asOf);
    if (publishIssues) {
      issues.addAll(publish.issues());
    }
    GtinMapping gtin = publish.identifiers();
    return SkuListing.builder().skuId(sku.id()).code(code).regularPrice(prices.regularPrice())
        .salePrice(prices.salePrice()).gtin1(gtin.gtin1()).gtin2(gtin.gtin2()).mpn(gtin.mpn())
        .publishMissing(publish.missing()).pendingExport(pending).build();
  }

  /**
   * Rule 8, SKU linking: a code held by more than one active SKU (on this page or stored before) is a
   * duplicate, and every holder gets an entry; a code that became unique (a holder changed its code)
   * has its remaining holder's duplicate entry resolved. Nothing is linked by guess.
   */
  private void duplicates(List<SkuListing> listings, Map<String, Optional<String>> previousCodes,
      List<RecordIssue> issues, Instant asOf) {
    Map<String, List<String>> onPageByCode = new LinkedHashMap<>();
    Set<String> lookUp = new LinkedHashSet<>();
    for (SkuListing l : listings) {
      l.code().ifPresent(code -> onPageByCode.computeIfAbsent(code, k -> new ArrayList<>()).add(l.skuId()));
      Optional<String> before = previousCodes.getOrDefault(l.skuId(), Optional.empty());
      if (before.isPresent() && !before.equals(l.code())) {
        lookUp.add(before.get()); // a holder left this code: it may link again
        sharedCodes.remove(before.get());
      }
    }
    for (Map.Entry<String, List<String>> e : onPageByCode.entrySet()) {
      SharedCode known = lookUp.contains(e.getKey()) ? null : sharedCodes.get(e.getKey());
      if (known == null) {
        lookUp.add(e.getKey());
        continue;
      }
      // Shared before on this run: the earlier holders still hold it (only this run writes, and a
      // holder read again with another code would have removed the entry), so only the page's
      // holders are logged, without reading every holder again (a code shared by thousands of SKUs
      // on every page made the sync quadratic).
      for (String id : e.getValue()) {
        if (!previousCodes.getOrDefault(id, Optional.empty()).equals(Optional.of(e.getKey()))) {
          known.add(id); // a new holder; one read before was counted when the code was looked up
        }
      }
      String problem = known.problem(e.getKey());
      for (String id : e.getValue()) {
        issues.add(RecordIssue.of(RecordKind.SKU, id, ReasonCode.SKU_DUPLICATE, problem, DUPLICATE_REMEDY, asOf));
      }
    }
    if (lookUp.isEmpty()) {
      return;
    }
    Set<String> onPage = ids(listings, SkuListing::skuId);
    for (Map.Entry<String, List<String>> e : sink.findSkuIdsByCode(lookUp).entrySet()) {
      List<String> holders = e.getValue();
      if (holders.size() > 1) {
        // The holders on this page get their entry (theirs were resolved when the page was read).
        // Holders read before keep theirs, except a single one: until this page the code linked it.
        List<String> before = new ArrayList<>();
        for (String id : holders) {
          if (!onPage.contains(id)) {
            before.add(id);
          }
        }
        SharedCode shared = new SharedCode(holders);
        sharedCodes.put(e.getKey(), shared);
        String problem = shared.problem(e.getKey());
        for (String id : holders) {
          if (onPage.contains(id) || before.size() == 1) {
            issues.add(RecordIssue.of(RecordKind.SKU, id, ReasonCode.SKU_DUPLICATE, problem, DUPLICATE_REMEDY, asOf));
          }
        }
      } else if (!onPage.contains(holders.get(0))) {
        sink.resolveIssues(RecordKind.SKU, holders, Set.of(ReasonCode.SKU_DUPLICATE));
      }
    }
  }

  private static final String DUPLICATE_REMEDY = "Give each product a unique SKU in Lightspeed";

  /** The most shared codes a run remembers; beyond it the least recently seen are looked up again. */
  private static final int SHARED_CODES_KEPT = 10_000;

  /**
   * Codes this run found held by several active SKUs, with how many and the first few ids (for the
   * message), least recently seen first. Forgotten when a page deactivates SKUs, since a holder may
   * be among them.
   */
  private final Map<String, SharedCode> sharedCodes = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SharedCode> eldest) {
      return size() > SHARED_CODES_KEPT;
    }
  };

  private static final class SharedCode {
    final List<String> firstIds;
    int holders;

    SharedCode(List<String> holders) {
      this.firstIds = new ArrayList<>(holders.subList(0, Math.min(5, holders.size())));
      this.holders = holders.size();
    }

    void add(String id) {
      holders++;
      if (firstIds.size() < 5) {
        firstIds.add(id);
      }
    }

    String problem(String code) {
      String ids = String.join(", ", firstIds);
      return "SKU '" + code + "' is shared by " + holders + " Lightspeed SKUs (" + ids
          + (holders > firstIds.size() ? " and " + (holders - firstIds.size()) + " more" : "")
          + "); none of them is linked";
    }
  }

  /**
   * Rule 3: stock only from the selected locations. Stock of a SKU the rules leave out (hidden,
   * archived) is stored too: its stock row does not change when the SKU is made visible again, so
   * a row left out now would be missing until the stock itself changes.
   */
  private void stock(List<StockLevel> rows, StreamCounter c) {
    List<StockLevel> kept = rows;
    if (locations != null) {
      Selection<StockLevel> selected = LocationRule.filterStock(locations, rows);
      kept = selected.kept();
      c.leftOut(selected.exclusions());
    }
    sink.upsertStock(kept);
    c.read += rows.size();
    c.stored += kept.size();
  }

  private List<StockLevel> atSelectedLocations(List<StockLevel> rows) {
    return locations == null ? rows : LocationRule.filterStock(locations, rows).kept();
  }

  /**
   * Rules 3 and 4: sales at the selected locations, selected by status. A stored sale whose status
   * changed (voided, cancelled, no longer selected) is replaced by its current version, so it stops
   * counting as demand; a version read without lines keeps the stored lines. A revisit pass only
   * replaces stored sales.
   */
  private void sales(List<SalesOrder> orders, boolean revisit, StreamCounter c) {
    List<SalesOrder> atLocations = orders;
    if (locations != null) {
      Selection<SalesOrder> selected = LocationRule.filterSales(locations, orders);
      atLocations = selected.kept();
      if (!revisit) {
        c.leftOut(selected.exclusions());
      }
    }
    Selection<SalesOrder> selected = salesSelection.selectDemand(atLocations);
    Map<String, SalesOrder> stored = sink.findSales(ids(atLocations, SalesOrder::id));
    List<SalesOrder> store = new ArrayList<>();
    if (!revisit) {
      store.addAll(selected.kept());
    }
    Set<String> keptIds = revisit ? Set.of() : ids(selected.kept(), SalesOrder::id);
    Set<String> replaced = new HashSet<>();
    for (SalesOrder o : atLocations) {
      SalesOrder previous = stored.get(o.id());
      if (previous != null && !keptIds.contains(o.id()) && previous.status() != o.status()) {
        store.add(o.lines().isEmpty() && !previous.lines().isEmpty()
            ? SalesOrder.builder().from(o).lines(previous.lines()).build() : o);
        replaced.add(o.id());
      }
    }
    sink.upsertSales(store);
    if (!store.isEmpty()) {
      Set<String> touched = ids(store, SalesOrder::id);
      List<SalesOrder> demandOrders = new ArrayList<>();
      if (!revisit) {
        for (SalesOrder o : selected.kept()) {
          if (touched.contains(o.id())) {
            demandOrders.add(o);
          }
        }
      }
      sink.replaceDemand(touched, demand(demandOrders));
    }
    if (!revisit) {
      c.read += orders.size();
      c.leftOut(selected.exclusions().stream().filter(e -> !replaced.contains(e.recordId()))
          .collect(Collectors.toList()));
    } else {
      c.read += store.size(); // a revisit counts the records it corrected, so read = stored + left out holds
    }
    c.stored += store.size();
  }

  /**
   * Rule 4, order import (seed 003): the orders the import mode and window select, at the selected
   * locations, have their missing products imported first and are then handed to the host, each
   * exactly once ({@link SyncSink#handOverOrders}). Orders handed over before are left out as
   * {@link ReasonCode#ALREADY_IN_LEDGER}.
   */
  private void importOrders(List<SalesOrder> orders, List<RecordIssue> issues, Map<SyncStream, StreamCounter> counters) {
    StreamCounter c = counter(counters, SyncStream.ORDER_IMPORT);
    List<SalesOrder> candidates = orders;
    if (locations != null) {
      Selection<SalesOrder> atLocations = LocationRule.filterSales(locations, orders);
      candidates = atLocations.kept();
      c.leftOut(atLocations.exclusions());
    }
    Selection<SalesOrder> selected = java.util.Objects.requireNonNull(orderImport).select(candidates, clock.instant());
    c.read += orders.size();
    c.leftOut(selected.exclusions());
    if (selected.kept().isEmpty()) {
      return;
    }
    Set<String> lineSkus = new LinkedHashSet<>();
    for (SalesOrder o : selected.kept()) {
      o.lines().forEach(l -> lineSkus.add(l.skuId()));
    }
    Set<String> missing = new LinkedHashSet<>(lineSkus);
    missing.removeAll(sink.findSkus(lineSkus).keySet());
    if (!missing.isEmpty()) {
      Batch products = fetchSkus.apply(missing);
      if (!products.skus().isEmpty() || !products.deletedSkuIds().isEmpty()) {
        skus(products, issues, counter(counters, SyncStream.CATALOGUE));
      }
      if (!products.stock().isEmpty()) {
        stock(products.stock(), counter(counters, SyncStream.STOCK));
      }
      issues.addAll(products.issues());
    }
    List<String> handed = sink.handOverOrders(selected.kept());
    Set<String> now = new HashSet<>(handed);
    List<Exclusion> before = new ArrayList<>();
    for (SalesOrder o : selected.kept()) {
      if (!now.contains(o.id())) {
        before.add(new Exclusion(o.id(), ReasonCode.ALREADY_IN_LEDGER));
      }
    }
    c.stored += handed.size();
    c.leftOut(before);
  }

  /**
   * Rule 5: the demand of orders that count, with sales of composites broken down into demand on
   * their components (nested, quantities multiplied, provenance kept). Definitions with a cycle or
   * nested too deep are logged and left out, so their sales count as demand on the composite.
   */
  private List<Demand> demand(List<SalesOrder> orders) {
    if (orders.isEmpty()) {
      return List.of();
    }
    Set<String> sold = new LinkedHashSet<>();
    Map<String, SalesOrder> byId = new HashMap<>();
    for (SalesOrder o : orders) {
      byId.put(o.id(), o);
      o.lines().forEach(l -> sold.add(l.skuId()));
    }
    CompositeBreakdown composites = Composites.of(sink, settings.composites(), sold, clock.instant());
    if (!composites.problems().isEmpty()) {
      sink.logIssues(composites.problems());
    }
    BreakdownResult result = composites.breakDown(orders);
    List<Demand> out = new ArrayList<>(result.size());
    for (int i = 0; i < result.size(); i++) {
      ComponentDemand d = result.get(i);
      SalesOrder o = byId.get(d.orderId());
      out.add(Demand.builder().orderId(d.orderId()).lineId(d.lineId()).soldSkuId(d.soldSkuId())
          .skuId(d.skuId()).quantity(d.quantity()).path(d.path()).locationId(o.locationId())
          .at(o.completedAt().orElse(o.createdAt())).build());
    }
    return out;
  }

  private static StreamCounter counter(Map<SyncStream, StreamCounter> counters, SyncStream stream) {
    return counters.computeIfAbsent(stream, s -> new StreamCounter());
  }

  private static SyncStream streamOf(RecordIssue issue) {
    switch (issue.recordKind()) {
      case LOCATION:
        return SyncStream.LOCATIONS;
      case SUPPLIER:
        return SyncStream.SUPPLIERS;
      case STOCK:
        return SyncStream.STOCK;
      case SALES_ORDER:
        return SyncStream.SALES;
      case CUSTOMER:
        return SyncStream.CUSTOMERS;
      default:
        return SyncStream.CATALOGUE;
    }
  }

  private static <T> Set<String> ids(List<T> records, Function<T, String> id) {
    Set<String> out = new LinkedHashSet<>();
    for (T r : records) {
      out.add(id.apply(r));
    }
    return out;
  }
}
