package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationRule;
import dev.lightspeedsync.sync.rules.LocationSelection;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.rules.OutletLink;
import dev.lightspeedsync.sync.rules.OutletMapping;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --outlet-mapping "Main Outlet=WH1,Second=WH2"} (seed 002: outlets to the host's warehouses,
 * one to one), a picocli {@code @Mixin} of {@code sync}, {@code push-stock} and {@code book-receipts}.
 * {@link #pairs} checks its shape (usage errors, exit 2, naming pairs by position, never their text);
 * {@link #resolve} names each outlet by its id against the account's locations (exit 5 with the near
 * match for a name that is not there).
 */
final class OutletMappingOption {
  @Option(names = "--outlet-mapping", description = {"Outlets mapped to the host's warehouses, one to one (seed 002):"
      + " OUTLET=WAREHOUSE pairs separated by commas, as in \"Main Outlet=WH1,Second=WH2\". OUTLET is an R-Series shop's or"
      + " X-Series outlet's exact, case-sensitive name (or its id). sync takes stock and sales from mapped outlets only;"
      + " push-stock and book-receipts take the WAREHOUSE codes as locationId. Not for eCom. Default: no mapping."})
  @Nullable String value;

  /**
   * The pairs as outlet to warehouse, in the order given, or null when the option is not given; a
   * usage error when it is given on eCom, malformed or not one to one.
   */
  @Nullable Map<String, String> pairs(String platform) {
    if (value == null) {
      return null;
    }
    if (platform.equals("ecom")) {
      throw SyncOptions.usage("--outlet-mapping maps R-Series shops or X-Series outlets; it needs --platform retail or xseries");
    }
    String shape = "--outlet-mapping must be OUTLET=WAREHOUSE pairs separated by commas, as in \"Main Outlet=WH1,Second=WH2\"";
    Map<String, String> byOutlet = new LinkedHashMap<>();
    Map<String, Integer> pairOfWarehouse = new HashMap<>();
    Map<String, Integer> pairOfOutlet = new HashMap<>();
    String[] pairs = value.split(",", -1);
    for (int i = 0; i < pairs.length; i++) {
      int n = i + 1;
      String[] sides = pairs[i].split("=", -1);
      if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
        throw SyncOptions.usage(shape + " (pair " + n + " is not)");
      }
      String outlet = sides[0].strip();
      String warehouse = sides[1].strip();
      Integer other = pairOfOutlet.putIfAbsent(outlet, n);
      if (other != null) {
        throw SyncOptions.usage("--outlet-mapping maps one outlet twice (pairs " + other + " and " + n
            + "); an outlet maps to exactly one warehouse");
      }
      other = pairOfWarehouse.putIfAbsent(warehouse, n);
      if (other != null) {
        throw SyncOptions.usage("--outlet-mapping maps two outlets to one warehouse (pairs " + other + " and " + n
            + "); mappings are one to one");
      }
      byOutlet.put(outlet, warehouse);
    }
    return byOutlet;
  }

  /**
   * The mapping with each outlet named by its id: an outlet is given by its exact name (code) or its
   * id. One that is neither stops the command (exit 5) with the near match {@code LocationRule} finds
   * ("did you mean 'Main Outlet'?").
   *
   * @param nothingDone what the message ends with, as in "nothing was synced"
   */
  static OutletMapping resolve(Map<String, String> byOutlet, List<Location> locations, String nothingDone) {
    OutletMapping.Builder mapping = OutletMapping.builder();
    for (Map.Entry<String, String> e : byOutlet.entrySet()) {
      String given = e.getKey();
      Optional<Location> found = locations.stream().filter(l -> l.code().equals(given)).findFirst()
          .or(() -> locations.stream().filter(l -> l.id().equals(given)).findFirst());
      if (found.isEmpty()) {
        LocationSelection probe = LocationRule.select(LocationConfig.builder().strategy(LocationStrategy.ONE)
            .defaultLocationCode(given).build(), locations);
        String near = probe.errors().stream().flatMap(x -> x.nearMatch().stream()).findFirst()
            .map(m -> "; did you mean '" + m + "'?").orElse("");
        throw new AppException(ExitCodes.SETTINGS_MISMATCH, "--outlet-mapping: no outlet named '" + given
            + "' in the account (names are case-sensitive" + near + "); " + nothingDone);
      }
      mapping.addLinks(OutletLink.of(found.get().id(), e.getValue()));
    }
    try {
      return mapping.build();
    } catch (IllegalStateException e) {
      throw new AppException(ExitCodes.SETTINGS_MISMATCH, "--outlet-mapping: " + e.getMessage());
    }
  }
}
