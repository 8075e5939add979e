package dev.lightspeedsync.sync.lightspeed.xseries;

import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.client.xseries.model.Product;
import dev.lightspeedsync.client.xseries.write.NewProduct;
import dev.lightspeedsync.client.xseries.write.ProductUpdate;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.internal.ProductExportFlow;
import dev.lightspeedsync.sync.lightspeed.internal.ProductExportFlow.Change;
import dev.lightspeedsync.sync.lightspeed.internal.ProductExportFlow.Planned;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Product export to X-Series (seed 002, "Export products to Lightspeed"); see
 * {@link XSeriesWriter#exportProducts}. The flow (SKU rule, matching, master data, exactly once) is
 * {@link ProductExportFlow}, shared with R-Series; this class says how an X-Series product is built
 * ({@code POST /api/2.0/products}, the documented create), found ({@code GET /products?sku=}), read
 * ({@code GET /products/{id}}) and updated ({@code PUT /api/2.1/products/{id}}).
 */
final class ProductExport implements ProductExportFlow.Platform<NewProduct, Product> {
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
      + "-[0-9a-fA-F]{12}");

  private final XSeriesClient client;
  private final ProductExportFlow<NewProduct, Product> flow;

  ProductExport(XSeriesClient client, SyncSink sink, SyncSettings settings, Clock clock, boolean dryRun) {
    this.client = client;
    this.flow = new ProductExportFlow<>(this, sink, settings, clock, dryRun);
  }

  void run(List<Sku> products, List<WriteAction> out, List<RecordIssue> issues) {
    flow.run(products, out, issues);
  }

  @Override
  public String record() {
    return "product";
  }

  @Override
  public String createVerb() {
    return "POST products";
  }

  @Override
  public String writeVerb(String code) {
    return "POST/PUT products sku=" + code;
  }

  @Override
  public String updateVerb(String code) {
    return "PUT products sku=" + code;
  }

  @Override
  public String updatePath(String id) {
    return "PUT api/2.1/products/" + id;
  }

  @Override
  public String duplicateRemedy() {
    return "Give each product a unique SKU in Lightspeed";
  }

  @Override
  public String lookup(String code) {
    return "sku '" + code + "'";
  }

  @Override
  public @Nullable String linkableId(String sinkSkuId) {
    return UUID.matcher(sinkSkuId).matches() ? sinkSkuId : null;
  }

  /**
   * Name, the normalised SKU, prices by {@link XSeriesMapping} field ({@code price} excluding tax,
   * {@code priceIncl} including tax, not both; {@code cost} the supply price) and the supplier (an
   * X-Series supplier id). Other price fields have no X-Series counterpart and make the product
   * malformed rather than being dropped silently.
   */
  @Override
  public NewProduct payload(Sku p, String code, SkuRule skus) {
    NewProduct.Builder b = NewProduct.builder().name(p.name().strip()).sku(code);
    p.prices().forEach((field, amount) -> {
      switch (field) {
        case XSeriesMapping.PRICE -> b.priceExcludingTax(amount);
        case XSeriesMapping.PRICE_INCL -> b.priceIncludingTax(amount);
        case XSeriesMapping.COST -> b.supplyPrice(amount);
        default -> throw new IllegalArgumentException("price field '" + field + "' has no X-Series counterpart (use "
            + XSeriesMapping.PRICE + ", " + XSeriesMapping.PRICE_INCL + " or " + XSeriesMapping.COST + ")");
      }
    });
    p.supplierId().ifPresent(s -> {
      if (!UUID.matcher(s).matches()) {
        throw new IllegalArgumentException("its supplier id must be an X-Series supplier id (a UUID) but was '" + s
            + "'");
      }
      b.supplierId(s);
    });
    return b.build();
  }

  @Override
  public String describeCreate(Planned<NewProduct> p) {
    NewProduct n = p.payload();
    return "POST products sku=" + p.code() + " '" + n.name() + "'"
        + n.priceExcludingTax().map(v -> " price_excluding_tax " + v.toPlainString()).orElse("")
        + n.priceIncludingTax().map(v -> " price_including_tax " + v.toPlainString()).orElse("")
        + n.supplyPrice().map(v -> " supply_price " + v.toPlainString()).orElse("")
        + n.supplierId().map(v -> " supplier " + v).orElse("");
  }

  @Override
  public List<String> find(Planned<NewProduct> p) {
    return client.findProductsBySku(p.code()).stream()
        .filter(x -> !x.deleted() && p.code().equals(x.sku().orElse(null))).map(Product::id)
        .collect(Collectors.toList());
  }

  @Override
  public String create(Planned<NewProduct> p) {
    return client.createProduct(p.payload()).get(0);
  }

  /** One {@code GET /products/{id}} per product (no id filter on the list); deleted ones count as missing. */
  @Override
  public Map<String, Product> read(List<String> ids) {
    return LiveRecords.byId(ids, client.products()::get, Product::deleted);
  }

  /**
   * Host master: the fields that differ from the product as Lightspeed holds it now, under the rule
   * (name and the price fields the host names), plus the SKU when it differs. The name of a member of a
   * variant family is the family's ({@code common.name} renames every variant), so it is not sent for
   * variants.
   */
  @Override
  public Change change(MasterDataRule rule, Product current, Planned<NewProduct> p) {
    NewProduct host = p.payload();
    Sku ls = XSeriesMapping.toSku(current);
    Map<String, BigDecimal> hostPrices = p.host().prices();
    Map<String, BigDecimal> lsPrices = new LinkedHashMap<>();
    hostPrices.keySet().forEach(f -> lsPrices.put(f, ls.prices().getOrDefault(f, BigDecimal.ZERO)));
    boolean variant = current.variantParentId().filter(v -> !v.isBlank()).isPresent()
        || current.hasVariants().orElse(false);
    String lsName = current.name().orElse("");
    Sku lsView = Sku.builder().id(ls.id()).name(lsName).prices(lsPrices).build();
    Sku hostView = Sku.builder().id(ls.id()).name(variant ? lsName : host.name()).prices(hostPrices).build();
    MasterDataDecision decision = rule.decide(lsView, hostView);
    boolean toLightspeed = decision.direction() == MasterDataDecision.Direction.UPDATE_LIGHTSPEED;
    ProductUpdate.Builder u = ProductUpdate.builder();
    List<String> fields = new ArrayList<>();
    if (toLightspeed && decision.differingFields().contains(ProductField.NAME)) {
      u.name(host.name());
      fields.add("common.name '" + host.name() + "'");
    }
    if (toLightspeed && decision.differingFields().contains(ProductField.PRICES)) {
      hostPrices.forEach((f, amount) -> {
        if (amount.compareTo(lsPrices.get(f)) == 0) {
          return;
        }
        switch (f) {
          case XSeriesMapping.PRICE -> u.priceExcludingTax(amount);
          case XSeriesMapping.PRICE_INCL -> u.priceIncludingTax(amount);
          default -> u.supplyPrice(amount);
        }
        fields.add("details." + (f.equals(XSeriesMapping.PRICE) ? "price_excluding_tax"
            : f.equals(XSeriesMapping.PRICE_INCL) ? "price_including_tax" : "supply_price") + " "
            + amount.toPlainString());
      });
    }
    // Outside the rule's fields: the link code (a ledger link survives a code change).
    if (!p.code().equals(current.sku().map(flow.skus()::normalize).orElse(""))) {
      u.sku(p.code());
      fields.add("details.sku=" + p.code());
    }
    return new Change(fields, () -> client.updateProduct(current.id(), u.build()));
  }
}
