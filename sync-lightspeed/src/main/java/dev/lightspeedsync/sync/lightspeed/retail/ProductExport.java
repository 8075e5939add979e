package dev.lightspeedsync.sync.lightspeed.retail;

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
import dev.lightspeedsync.sync.lightspeed.internal.ProductExportFlow;
import dev.lightspeedsync.sync.lightspeed.internal.ProductExportFlow.Change;
import dev.lightspeedsync.sync.lightspeed.internal.ProductExportFlow.Planned;
import dev.lightspeedsync.sync.lightspeed.internal.ReceiptBooker;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.MasterDataDecision;
import dev.lightspeedsync.sync.rules.MasterDataRule;
import dev.lightspeedsync.sync.rules.ProductField;
import dev.lightspeedsync.sync.rules.SkuRule;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Product export (seed 002, "Export products to Lightspeed"): host products become R-Series Items
 * with their codes, prices and default vendor; see {@link RetailWriter#exportProducts}. The flow
 * (matching, master data, exactly once) is {@link ProductExportFlow}, shared with X-Series; this
 * class says how an Item is built, found, created, read and updated.
 */
final class ProductExport implements ProductExportFlow.Platform<NewItem, Item> {
  static final String LEDGER_PREFIX = ProductExportFlow.LEDGER_PREFIX;

  private final RetailClient client;
  private final ProductExportFlow<NewItem, Item> flow;

  ProductExport(RetailClient client, SyncSink sink, SyncSettings settings, Clock clock, boolean dryRun) {
    this.client = client;
    this.flow = new ProductExportFlow<>(this, sink, settings, clock, dryRun);
  }

  void run(List<Sku> products, List<WriteAction> out, List<RecordIssue> issues) {
    flow.run(products, out, issues);
  }

  @Override
  public String record() {
    return "item";
  }

  @Override
  public String createVerb() {
    return "POST Item.json";
  }

  @Override
  public String writeVerb(String code) {
    return "POST/PUT Item customSku=" + code;
  }

  @Override
  public String updateVerb(String code) {
    return "PUT Item customSku=" + code;
  }

  @Override
  public String updatePath(String id) {
    return "PUT Item/" + id + ".json";
  }

  @Override
  public String duplicateRemedy() {
    return "Give each item a unique custom SKU in Lightspeed";
  }

  @Override
  public String lookup(String code) {
    return "customSku '" + code + "'";
  }

  @Override
  public @Nullable String linkableId(String sinkSkuId) {
    Long id = ReceiptBooker.id(sinkSkuId);
    return id == null ? null : Long.toString(id);
  }

  @Override
  public NewItem payload(Sku p, String code, SkuRule skus) {
    NewItem.Builder b = NewItem.builder().description(p.name().strip()).customSku(code)
        .upc(code(skus, p.upc())).ean(code(skus, p.ean())).manufacturerSku(code(skus, p.manufacturerSku()));
    vendor(p).ifPresent(b::defaultVendorId);
    p.prices().forEach((level, amount) -> {
      if (level.equals(RetailMapping.COST)) {
        b.defaultCost(amount);
      } else {
        b.addPrices(NewItemPrice.of(level, amount));
      }
    });
    return b.build();
  }

  private static Optional<String> code(SkuRule skus, Optional<String> value) {
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

  @Override
  public String describeCreate(Planned<NewItem> p) {
    NewItem item = p.payload();
    return "POST Item.json customSku=" + p.code() + " '" + item.description() + "'"
        + item.upc().map(v -> " upc=" + v).orElse("") + item.ean().map(v -> " ean=" + v).orElse("")
        + item.manufacturerSku().map(v -> " manufacturerSku=" + v).orElse("")
        + item.defaultVendorId().map(v -> " vendor " + v).orElse("")
        + item.defaultCost().map(v -> " cost " + v.toPlainString()).orElse("")
        + (item.prices().isEmpty() ? "" : " " + prices(item.prices()));
  }

  @Override
  public List<String> find(Planned<NewItem> p) {
    RetailQuery q = RetailQuery.builder().archived(Archived.INCLUDE)
        .filter(Filter.equalTo("customSku", p.code())).build();
    return client.items().list(q).stream().filter(i -> p.code().equals(i.customSku().orElse(null)))
        .map(i -> Long.toString(i.id())).collect(Collectors.toList());
  }

  @Override
  public String create(Planned<NewItem> p) {
    return Long.toString(client.createItem(p.payload()).id());
  }

  @Override
  public Map<String, Item> read(List<String> ids) {
    Map<String, Item> current = new HashMap<>();
    List<Long> numbers = ids.stream().map(Long::valueOf).toList();
    for (int from = 0; from < numbers.size(); from += 100) {
      RetailQuery q = RetailQuery.builder().archived(Archived.INCLUDE)
          .filter(Filter.in("itemID", numbers.subList(from, Math.min(numbers.size(), from + 100)))).build();
      client.items().list(q).stream().forEach(i -> current.put(Long.toString(i.id()), i));
    }
    return current;
  }

  /** Host master: the fields that differ from the item as Lightspeed holds it now. */
  @Override
  public Change change(MasterDataRule rule, Item item, Planned<NewItem> p) {
    SkuRule skus = flow.skus();
    NewItem host = p.payload();
    Sku ls = RetailMapping.toSku(item);
    Map<String, BigDecimal> hostPrices = p.host().prices();
    Map<String, BigDecimal> lsPrices = new LinkedHashMap<>();
    hostPrices.keySet().forEach(level -> lsPrices.put(level, ls.prices().getOrDefault(level, BigDecimal.ZERO)));
    // Both sides as the rule compares them: codes normalised, a code the host leaves empty kept as it is,
    // and only the price levels the host names (the other levels are Lightspeed's).
    Sku lsView = Sku.builder().id(ls.id()).name(ls.name()).upc(code(skus, ls.upc())).ean(code(skus, ls.ean()))
        .manufacturerSku(code(skus, ls.manufacturerSku())).prices(lsPrices).build();
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
    if (!p.code().equals(code(skus, item.customSku()).orElse(""))) {
      u.customSku(p.code());
      fields.add("customSku=" + p.code());
    }
    if (host.defaultVendorId().isPresent() && !host.defaultVendorId().equals(item.defaultVendorId())) {
      u.defaultVendorId(host.defaultVendorId().get());
      fields.add("vendor " + host.defaultVendorId().get());
    }
    return new Change(fields, () -> client.updateItem(item.id(), u.build()));
  }

  private static String prices(List<NewItemPrice> prices) {
    return "Prices(" + prices.stream().map(x -> x.useType().orElse("?") + " " + x.amount().toPlainString())
        .collect(Collectors.joining(", ")) + ")";
  }
}
