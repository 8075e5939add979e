package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.query.Archived;
import dev.lightspeedsync.client.retail.query.Filter;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import dev.lightspeedsync.client.retail.write.ItemUpdate;
import dev.lightspeedsync.client.retail.write.NewItem;
import dev.lightspeedsync.client.retail.write.NewItemPrice;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.internal.ReceiptBooker;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.MasterDataConfig;
import dev.lightspeedsync.sync.rules.MasterDataDecision;
import dev.lightspeedsync.sync.rules.MasterDataRule;
import dev.lightspeedsync.sync.rules.MasterSide;
import dev.lightspeedsync.sync.rules.ProductField;
import dev.lightspeedsync.sync.rules.SkuRule;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Product export (seed 002, "Export products to Lightspeed"): host products become R-Series Items
 * with their codes, prices and default vendor; see {@link RetailWriter#exportProducts}.
 */
final class ProductExport {
  static final String LEDGER_PREFIX = "product:";

  private final RetailClient client;
  private final SyncSink sink;
  private final MasterDataConfig master;
  private final SkuRule skus;
  private final Clock clock;
  private final boolean dryRun;
  private final CreateOnce once;

  ProductExport(RetailClient client, SyncSink sink, SyncSettings settings, Clock clock, boolean dryRun) {
    this.client = client;
    this.sink = sink;
    this.master = settings.effectiveMasterData();
    this.skus = SkuRule.of(settings.skus());
    this.clock = clock;
    this.dryRun = dryRun;
    this.once = new CreateOnce(sink, clock, dryRun, Kind.PRODUCT_EXPORT, RecordKind.SKU, LedgerKind.PRODUCT_EXPORT);
  }

  /** One host product on its way: its normalised code and the item it becomes. */
  private record Planned(Sku host, String code, NewItem item) {}

  void run(List<Sku> products, List<WriteAction> out, List<RecordIssue> issues) {
    List<WriteAction> actions = new ArrayList<>();
    List<Planned> valid = new ArrayList<>();
    Map<String, List<String>> hostByCode = new LinkedHashMap<>();
    for (Sku p : products) {
      Optional<Planned> planned = plan(p, actions, issues);
      planned.ifPresent(valid::add);
      planned.ifPresent(x -> hostByCode.computeIfAbsent(x.code(), k -> new ArrayList<>()).add(p.id()));
    }
    Map<String, List<String>> lightspeedByCode = sink.findSkuIdsByCode(hostByCode.keySet());
    Map<Long, Planned> updates = new LinkedHashMap<>();
    for (Planned p : valid) {
      String key = p.host().id();
      String ledgerKey = LEDGER_PREFIX + key;
      List<String> sameCode = hostByCode.get(p.code());
      if (sameCode.size() > 1) {
        issues.add(issue(key, ReasonCode.SKU_DUPLICATE, "Host products " + sameCode + " share the SKU '" + p.code()
            + "' (after whitespace normalisation); none of them is exported", "Give each host product a unique SKU"));
        actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, key, "POST/PUT Item customSku=" + p.code(), Status.SKIPPED,
            "SKU shared by host products " + sameCode));
        continue;
      }
      Optional<LedgerEntry> claim = sink.ledgerEntry(LedgerKind.PRODUCT_EXPORT, ledgerKey);
      Long itemId = claim.flatMap(LedgerEntry::externalId).map(Long::valueOf).orElse(null);
      if (itemId == null && claim.isEmpty()) {
        List<String> linked = lightspeedByCode.getOrDefault(p.code(), List.of());
        if (linked.size() > 1) {
          issues.add(issue(key, ReasonCode.SKU_DUPLICATE, "SKU '" + p.code() + "' of host product " + key
              + " is shared by Lightspeed items " + linked + "; the product is not linked, updated or created",
              "Give each item a unique custom SKU in Lightspeed"));
          actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, key, "PUT Item customSku=" + p.code(), Status.SKIPPED,
              "SKU shared by Lightspeed items " + linked));
          continue;
        }
        if (linked.size() == 1) {
          itemId = ReceiptBooker.id(linked.get(0));
          if (itemId != null) {
            once.link(ledgerKey, itemId);
          }
        }
      }
      if (itemId != null) {
        if (master.master() == MasterSide.LIGHTSPEED) {
          actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, key, "PUT Item/" + itemId + ".json", Status.ALREADY_DONE,
              "Lightspeed masters product data: the existing item is not overwritten")
              .withExternalId(Long.toString(itemId)));
        } else {
          updates.put(itemId, p);
        }
        continue;
      }
      actions.add(create(p, ledgerKey, claim, issues));
    }
    update(updates, actions, issues);
    out.addAll(Reports.inInputOrder(actions, products.stream().map(x -> x.id()).toList()));
  }

  /** Validates a host product and builds the item it becomes; empty (and reported) when it cannot be. */
  private Optional<Planned> plan(Sku p, List<WriteAction> actions, List<RecordIssue> issues) {
    String code = p.sku().map(skus::normalize).orElse("");
    if (code.isEmpty()) {
      issues.add(issue(p.id(), ReasonCode.SKU_MISSING, "Host product " + p.id() + " has no SKU, so it cannot be"
          + " linked to or created in Lightspeed exactly once", "Enter a unique SKU for this product"));
      actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, p.id(), "POST Item.json", Status.SKIPPED, "no SKU"));
      return Optional.empty();
    }
    try {
      NewItem.Builder b = NewItem.builder().description(p.name().strip()).customSku(code)
          .upc(code(p.upc())).ean(code(p.ean())).manufacturerSku(code(p.manufacturerSku()));
      vendor(p).ifPresent(b::defaultVendorId);
      p.prices().forEach((level, amount) -> {
        if (level.equals(RetailMapping.COST)) {
          b.defaultCost(amount);
        } else {
          b.addPrices(NewItemPrice.of(level, amount));
        }
      });
      return Optional.of(new Planned(p, code, b.build()));
    } catch (IllegalArgumentException e) {
      issues.add(issue(p.id(), ReasonCode.MALFORMED_RECORD, "Host product " + p.id() + " cannot be exported: "
          + e.getMessage(), "Correct the product in the host"));
      actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, p.id(), "POST/PUT Item customSku=" + code, Status.SKIPPED,
          e.getMessage()));
      return Optional.empty();
    }
  }

  private Optional<String> code(Optional<String> value) {
    return value.map(skus::normalize).filter(s -> !s.isEmpty());
  }

  private static Optional<Long> vendor(Sku p) {
    if (p.supplierId().isEmpty()) {
      return Optional.empty();
    }
    Long id = ReceiptBooker.id(p.supplierId().get());
    if (id == null) {
      throw new IllegalArgumentException("its supplier id must be an R-Series vendorID but was '"
          + p.supplierId().get() + "'");
    }
    return Optional.of(id);
  }

  private WriteAction create(Planned p, String ledgerKey, Optional<LedgerEntry> claim, List<RecordIssue> issues) {
    NewItem item = p.item();
    String request = "POST Item.json customSku=" + p.code() + " '" + item.description() + "'"
        + item.upc().map(v -> " upc=" + v).orElse("") + item.ean().map(v -> " ean=" + v).orElse("")
        + item.manufacturerSku().map(v -> " manufacturerSku=" + v).orElse("")
        + item.defaultVendorId().map(v -> " vendor " + v).orElse("")
        + item.defaultCost().map(v -> " cost " + v.toPlainString()).orElse("")
        + (item.prices().isEmpty() ? "" : " " + prices(item.prices()));
    return once.create(ledgerKey, p.host().id(), request, "customSku '" + p.code() + "'", claim,
        new CreateOnce.Target() {
          @Override
          public List<Long> find() {
            RetailQuery q = RetailQuery.builder().archived(Archived.INCLUDE)
                .filter(Filter.equalTo("customSku", p.code())).build();
            return client.items().list(q).stream().filter(i -> p.code().equals(i.customSku().orElse(null)))
                .map(Item::id).collect(Collectors.toList());
          }

          @Override
          public long create() {
            return client.createItem(item).id();
          }
        }, issues);
  }

  /** Host master: sends to each linked item only the fields that differ from what Lightspeed holds now. */
  private void update(Map<Long, Planned> updates, List<WriteAction> actions, List<RecordIssue> issues) {
    if (updates.isEmpty()) {
      return;
    }
    Map<Long, Item> current = new HashMap<>();
    List<Long> ids = new ArrayList<>(updates.keySet());
    try {
      for (int from = 0; from < ids.size(); from += 100) {
        RetailQuery q = RetailQuery.builder().archived(Archived.INCLUDE)
            .filter(Filter.in("itemID", ids.subList(from, Math.min(ids.size(), from + 100)))).build();
        client.items().list(q).stream().forEach(i -> current.put(i.id(), i));
      }
    } catch (LightspeedException e) {
      updates.forEach((id, p) -> actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, p.host().id(), "PUT Item/" + id
          + ".json", Status.FAILED, "could not read the item: " + ReceiptBooker.describe(e) + "; nothing sent")));
      return;
    }
    MasterDataRule rule = MasterDataRule.of(master);
    for (Map.Entry<Long, Planned> e : updates.entrySet()) {
      long itemId = e.getKey();
      String key = e.getValue().host().id();
      Item item = current.get(itemId);
      if (item == null) {
        issues.add(issue(key, ReasonCode.SKU_NOT_LINKED, "Host product " + key + " is linked to Lightspeed item "
            + itemId + ", which no longer exists", "Check the item in Lightspeed"));
        actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, key, "PUT Item/" + itemId + ".json", Status.SKIPPED,
            "item " + itemId + " not found"));
        continue;
      }
      actions.add(update(rule, item, e.getValue()));
    }
  }

  private WriteAction update(MasterDataRule rule, Item item, Planned p) {
    NewItem host = p.item();
    Sku ls = RetailMapping.toSku(item);
    Map<String, BigDecimal> hostPrices = p.host().prices();
    Map<String, BigDecimal> lsPrices = new LinkedHashMap<>();
    hostPrices.keySet().forEach(level -> lsPrices.put(level, ls.prices().getOrDefault(level, BigDecimal.ZERO)));
    // Both sides as the rule compares them: codes normalised, a code the host leaves empty kept as it is,
    // and only the price levels the host names (the other levels are Lightspeed's).
    Sku lsView = Sku.builder().id(ls.id()).name(ls.name()).upc(code(ls.upc())).ean(code(ls.ean()))
        .manufacturerSku(code(ls.manufacturerSku())).prices(lsPrices).build();
    Sku hostView = Sku.builder().id(ls.id()).name(host.description()).upc(host.upc().or(lsView::upc))
        .ean(host.ean().or(lsView::ean)).manufacturerSku(host.manufacturerSku().or(lsView::manufacturerSku))
        .prices(hostPrices).build();
    MasterDataDecision decision = rule.decide(lsView, hostView);
    boolean toLightspeed = decision.direction() == MasterDataDecision.Direction.UPDATE_LIGHTSPEED;
    ItemUpdate.Builder u = ItemUpdate.builder();
    List<String> fields = new ArrayList<>();
    if (toLightspeed && decision.differingFields().contains(ProductField.NAME)) {
      u.description(host.description());
      fields.add("description '" + host.description() + "'");
    }
    if (toLightspeed && decision.differingFields().contains(ProductField.UPC)) {
      u.upc(host.upc().orElseThrow());
      fields.add("upc=" + host.upc().get());
    }
    if (toLightspeed && decision.differingFields().contains(ProductField.EAN)) {
      u.ean(host.ean().orElseThrow());
      fields.add("ean=" + host.ean().get());
    }
    if (toLightspeed && decision.differingFields().contains(ProductField.MANUFACTURER_SKU)) {
      u.manufacturerSku(host.manufacturerSku().orElseThrow());
      fields.add("manufacturerSku=" + host.manufacturerSku().get());
    }
    if (toLightspeed && decision.differingFields().contains(ProductField.PRICES)) {
      List<NewItemPrice> changed = new ArrayList<>();
      hostPrices.forEach((level, amount) -> {
        if (amount.compareTo(lsPrices.get(level)) == 0) {
          return;
        }
        if (level.equals(RetailMapping.COST)) {
          u.defaultCost(amount);
          fields.add("cost " + amount.toPlainString());
        } else {
          changed.add(NewItemPrice.of(level, amount));
        }
      });
      u.prices(changed);
      if (!changed.isEmpty()) {
        fields.add(prices(changed));
      }
    }
    // Outside the rule's fields: the link code (a ledger link survives a code change) and the vendor.
    if (!p.code().equals(code(item.customSku()).orElse(""))) {
      u.customSku(p.code());
      fields.add("customSku=" + p.code());
    }
    if (host.defaultVendorId().isPresent() && !host.defaultVendorId().equals(item.defaultVendorId())) {
      u.defaultVendorId(host.defaultVendorId().get());
      fields.add("vendor " + host.defaultVendorId().get());
    }
    String key = p.host().id();
    String itemId = Long.toString(item.id());
    String request = "PUT Item/" + itemId + ".json " + (fields.isEmpty() ? "(nothing)" : String.join(", ", fields));
    if (fields.isEmpty()) {
      return WriteAction.of(Kind.PRODUCT_EXPORT, key, request, Status.ALREADY_DONE, "Lightspeed already holds the"
          + " host's values").withExternalId(itemId);
    }
    if (dryRun) {
      return WriteAction.of(Kind.PRODUCT_EXPORT, key, request, Status.PLANNED, "").withExternalId(itemId);
    }
    try {
      client.updateItem(item.id(), u.build());
      return WriteAction.of(Kind.PRODUCT_EXPORT, key, request, Status.DONE, "").withExternalId(itemId);
    } catch (LightspeedException e) {
      return WriteAction.of(Kind.PRODUCT_EXPORT, key, request, e.requestMayHaveBeenApplied() ? Status.PENDING
          : Status.FAILED, ReceiptBooker.describe(e) + "; the next run reads the item again and sends only what"
          + " still differs").withExternalId(itemId);
    }
  }

  private static String prices(List<NewItemPrice> prices) {
    return "Prices(" + prices.stream().map(x -> x.useType().orElse("?") + " " + x.amount().toPlainString())
        .collect(Collectors.joining(", ")) + ")";
  }

  private RecordIssue issue(String id, ReasonCode reason, String problem, String remedy) {
    return RecordIssue.of(RecordKind.SKU, Objects.requireNonNull(id), reason, problem, remedy, clock.instant());
  }
}
