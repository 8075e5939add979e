package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export-products}: each line is a host product; it is linked to the R-Series item with the
 * same custom SKU (of the items {@code sync} stored in {@code --db}), or created once ({@code
 * RetailWriter.exportProducts}: a create is claimed in the ledger and reconciled by searching the
 * custom SKU after an unknown outcome). With {@code --master host} only the fields that differ are
 * updated; with {@code --master lightspeed} (the default) an existing item is left as it is.
 */
@Command(name = "export-products", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Exports host products to R-Series items, each created once, linked by custom SKU (seed 002).",
        "Input: one JSON object a line (--in FILE, or - for stdin):",
        "  {\"id\":\"P-1\",\"sku\":\"ABC-1\",\"name\":\"Blue mug\",\"upc\":\"012345678905\",\"ean\":\"...\",\"manufacturerSku\":\"MPN 7\",",
        "   \"supplierId\":\"3\",\"prices\":{\"Default\":\"12.50\",\"MSRP\":\"15.00\"},\"purchasePrice\":\"4.10\"}",
        "  id: the host's product key; sku: the code that links it to an item (spaces removed); name: the",
        "  description (both required); the others optional: codes, the R-Series vendorID, price levels by",
        "  name, the purchase price. Run sync first: items are linked by the custom SKUs in --db.",
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
    super(out, err, List.of("retail"), FIELDS, 3);
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

  @Override
  void validate(Line line) {
    product(line);
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
    RetailWriter writer = RetailWriter.builder().client(target.retail()).sink(target.sink).settings(settings).dryRun(dryRun).build();
    return writer.exportProducts(lines.stream().map(ExportProductsCommand::product).toList());
  }
}
