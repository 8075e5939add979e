package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesMapping;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesWriter;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.MasterDataConfig;
import dev.lightspeedsync.sync.rules.MasterSide;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export-products}: each line is a host product; it is linked to the R-Series item with the
 * same custom SKU (of the items {@code sync} stored in {@code --db}), or created once ({@code
 * RetailWriter.exportProducts}: a create is claimed in the ledger and reconciled by searching the
 * custom SKU after an unknown outcome). With {@code --master host} only the fields that differ are
 * updated; with {@code --master lightspeed} (the default) an existing item is left as it is.
 *
 * <p>X-Series ({@code XSeriesWriter.exportProducts}): the same contract; a product is linked by its
 * SKU or created once ({@code POST /api/2.0/products}, reconciled by {@code GET /products?sku=}).
 * Its prices are keyed {@code price} (excluding tax), {@code priceIncl} (including tax, not with
 * {@code price}) and {@code cost} (the supply price), its supplier is an X-Series supplier id (a
 * UUID); {@code upc}, {@code ean} and {@code manufacturerSku} are not exported (a notice says so). A
 * line X-Series cannot take (another price key, {@code purchasePrice}, a supplier that is no UUID)
 * is INVALID with what to change, rather than skipped by the writer.
 */
@Command(name = "export-products", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Exports host products to R-Series items or X-Series products, each created once, linked by SKU (seed 002).",
        "Input: one JSON object a line (--in FILE, or - for stdin):",
        "  {\"id\":\"P-1\",\"sku\":\"ABC-1\",\"name\":\"Blue mug\",\"upc\":\"012345678905\",\"ean\":\"...\",\"manufacturerSku\":\"MPN 7\",",
        "   \"supplierId\":\"3\",\"prices\":{\"Default\":\"12.50\",\"MSRP\":\"15.00\"},\"purchasePrice\":\"4.10\"}",
        "  id: the host's product key; sku: the code that links it to an item (spaces removed); name: the",
        "  description (both required); the others optional: codes, the R-Series vendorID, price levels by",
        "  name, the purchase price. Run sync first: items are linked by the custom SKUs in --db.",
        "X-Series (--platform xseries), the differences:",
        "  {\"id\":\"P-1\",\"sku\":\"ABC-1\",\"name\":\"Blue mug\",\"supplierId\":\"0a6f...-uuid\",",
        "   \"prices\":{\"price\":\"12.50\",\"cost\":\"4.10\"}}",
        "  prices: price (excluding tax) or priceIncl (including tax; not both) and cost (the supply price),",
        "  other keys are INVALID (X-Series has price books, not price levels); purchasePrice is INVALID: give",
        "  prices.cost; supplierId: an X-Series supplier id (a UUID); upc, ean and manufacturerSku are accepted",
        "  but not exported (a notice names the lines). Products are linked by SKU (the one of --db, else a",
        "  lookup), created once otherwise; externalId is the product id.",
        "Output: one JSON object a line per product: {\"line\",\"key\",\"kind\",\"status\",\"request\",\"detail\",\"externalId\"}",
        "  (externalId: the itemID), status as for book-receipts."})
final class ExportProductsCommand extends WriteFlowCommand {
  static final List<String> FIELDS = List.of("id", "sku", "name", "upc", "ean", "manufacturerSku", "supplierId", "prices",
      "purchasePrice");

  @Option(names = "--master", defaultValue = "lightspeed",
      description = "Which system masters product information: lightspeed (existing items are not overwritten) or host"
          + " (only the fields that differ are updated). Default: ${DEFAULT-VALUE}.")
  String master;

  ExportProductsCommand(PrintStream out, PrintStream err) {
    super(out, err, List.of("retail", "xseries"), FIELDS, 3);
  }

  @Override
  void checkOptions() {
    if (!List.of("lightspeed", "host").contains(master.toLowerCase(Locale.ROOT))) {
      throw SyncOptions.usage("--master must be lightspeed or host");
    }
  }

  private static Sku product(Line l) {
    Sku.Builder b = Sku.builder().id(text(l, "id")).sku(text(l, "sku")).name(text(l, "name"));
    for (String f : List.of("upc", "ean", "manufacturerSku", "supplierId")) {
      String v = text(l, f);
      if (v != null && !v.isBlank()) {
        switch (f) {
          case "upc" -> b.upc(v);
          case "ean" -> b.ean(v);
          case "manufacturerSku" -> b.manufacturerSku(v);
          default -> b.supplierId(v);
        }
      }
    }
    JsonNode prices = l.json().get("prices");
    if (prices != null && !prices.isNull()) {
      if (!prices.isObject()) {
        throw new IllegalArgumentException("'prices' must be an object of price level names to amounts");
      }
      Map<String, BigDecimal> byLevel = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = prices.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        try {
          byLevel.put(e.getKey(), new BigDecimal(e.getValue().asText()));
        } catch (NumberFormatException x) {
          throw new IllegalArgumentException("prices['" + e.getKey() + "'] must be a number");
        }
      }
      b.prices(byLevel);
    }
    if (l.json().hasNonNull("purchasePrice")) {
      b.purchasePrice(decimal(l, "purchasePrice"));
    }
    return b.build();
  }

  /** The price keys X-Series takes, in the order the message names them. */
  private static final List<String> XSERIES_PRICES = List.of(XSeriesMapping.PRICE, XSeriesMapping.PRICE_INCL,
      XSeriesMapping.COST);
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
  /** Fields X-Series product export does not send. */
  private static final List<String> NOT_ON_XSERIES = List.of("upc", "ean", "manufacturerSku");

  @Override
  void validate(Line line) {
    Sku p = product(line);
    if (!platform().equals("xseries")) {
      return;
    }
    for (String key : p.prices().keySet()) {
      if (!XSERIES_PRICES.contains(key)) {
        throw new IllegalArgumentException("prices['" + key + "'] is not an X-Series price: use price (excluding tax),"
            + " priceIncl (including tax) or cost (the supply price)");
      }
    }
    if (p.prices().containsKey(XSeriesMapping.PRICE) && p.prices().containsKey(XSeriesMapping.PRICE_INCL)) {
      throw new IllegalArgumentException("prices has both price and priceIncl: X-Series takes one of them (price"
          + " excluding tax, or priceIncl including tax)");
    }
    if (p.purchasePrice().isPresent()) {
      throw new IllegalArgumentException("'purchasePrice' is not an X-Series field: give the supply price as prices.cost");
    }
    p.supplierId().filter(s -> !UUID.matcher(s).matches()).ifPresent(s -> {
      throw new IllegalArgumentException("'supplierId' must be an X-Series supplier id (a UUID, as the suppliers"
          + " sync stores); leave it out to export the product without a supplier");
    });
  }

  @Override
  String keyOf(Line line) {
    return text(line, "id");
  }

  @Override
  WriteReport write(Target target, List<Line> lines) {
    MasterSide side = master.equalsIgnoreCase("host") ? MasterSide.HOST : MasterSide.LIGHTSPEED;
    SyncSettings settings = SyncSettings.builder().readOnly(readOnly())
        .masterData(MasterDataConfig.builder().master(side).exportProducts(true).build()).build();
    List<Sku> products = lines.stream().map(ExportProductsCommand::product).toList();
    if (platform().equals("xseries")) {
      List<String> ignored = lines.stream().filter(l -> NOT_ON_XSERIES.stream().anyMatch(f -> text(l, f) != null))
          .map(l -> Integer.toString(l.number())).toList();
      if (!ignored.isEmpty()) {
        err.println("notice: line " + String.join(", ", ignored) + " give upc, ean or manufacturerSku; X-Series product"
            + " export does not send them (the products are exported without)");
      }
      return XSeriesWriter.builder().client(target.xseries()).sink(target.sink).settings(settings).dryRun(dryRun).build()
          .exportProducts(products);
    }
    RetailWriter writer = RetailWriter.builder().client(target.retail()).sink(target.sink).settings(settings).dryRun(dryRun).build();
    return writer.exportProducts(products);
  }
}
