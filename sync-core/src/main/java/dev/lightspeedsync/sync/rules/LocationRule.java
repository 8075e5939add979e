package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.StockLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 3 (seeds 001, 002, 004): resolve the location strategy against the account's locations,
 * validate outlet mappings, and restrict stock and sales to the selected locations.
 *
 * <p>Codes match exactly and case-sensitively; a mismatch is an error that names the near match.
 * Pure and stateless: all methods are static and thread-safe.
 */
public final class LocationRule {
  private LocationRule() {}

  /** Resolves {@code config} against the account's {@code locations}. Never throws for a mismatch. */
  public static LocationSelection select(LocationConfig config, List<Location> locations) {
    Objects.requireNonNull(config, "config == null");
    Objects.requireNonNull(locations, "locations == null");
    List<LocationCodeError> errors = new ArrayList<>();
    Optional<Location> defaultLocation =
        resolve("defaultLocationCode", config.defaultLocationCode(), locations, errors);
    List<Location> selected = new ArrayList<>();
    switch (config.strategy()) {
      case ALL:
        for (Location l : locations) {
          if (!l.archived()) {
            selected.add(l);
          }
        }
        break;
      case ONE:
        defaultLocation.ifPresent(selected::add);
        break;
      case MULTIPLE:
        Set<String> wanted = new HashSet<>();
        for (String code : config.locationCodes()) {
          resolve("locationCodes", code, locations, errors).ifPresent(l -> wanted.add(l.id()));
        }
        for (Location l : locations) {
          if (wanted.contains(l.id())) {
            selected.add(l);
          }
        }
        break;
      default:
        throw new AssertionError(config.strategy());
    }
    return ImmutableLocationSelection.builder().strategy(config.strategy()).selected(selected)
        .defaultLocation(defaultLocation).errors(errors).build();
  }

  private static Optional<Location> resolve(String field, String code, List<Location> locations,
      List<LocationCodeError> errors) {
    for (Location l : locations) {
      if (l.code().equals(code)) {
        if (l.archived()) {
          errors.add(ImmutableLocationCodeError.builder().field(field).code(code).archived(true)
              .build());
          return Optional.empty();
        }
        return Optional.of(l);
      }
    }
    errors.add(ImmutableLocationCodeError.builder().field(field).code(code).archived(false)
        .nearMatch(nearMatch(code, locations)).build());
    return Optional.empty();
  }

  /**
   * The active location code closest to {@code code}: a case-insensitive match first, then one that
   * differs only in spaces, then the smallest edit distance within a third of the length (at least 2).
   */
  static Optional<String> nearMatch(String code, List<Location> locations) {
    String folded = fold(code);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Location l : locations) {
      if (l.archived()) {
        continue;
      }
      String candidate = l.code();
      if (candidate.equalsIgnoreCase(code)) {
        return Optional.of(candidate);
      }
      if (fold(candidate).equals(folded)) {
        best = candidate;
        bestDistance = -1;
        continue;
      }
      int d = distance(code.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int limit = Math.max(2, code.length() / 3);
    return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  private static String fold(String s) {
    return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Keeps stock of selected locations only. Excluded ids read {@code skuId@locationId}. */
  public static Selection<StockLevel> filterStock(LocationSelection selection,
      List<StockLevel> stock) {
    Objects.requireNonNull(selection, "selection == null");
    Objects.requireNonNull(stock, "stock == null");
    Set<String> ids = selection.selectedIds();
    Selection.Collector<StockLevel> out = new Selection.Collector<>(stock.size(),
        s -> s.skuId() + "@" + s.locationId());
    for (int i = 0, n = stock.size(); i < n; i++) {
      StockLevel s = stock.get(i);
      if (ids.contains(s.locationId())) {
        out.keep(s);
      } else {
        out.exclude(s, ReasonCode.LOCATION_NOT_SELECTED);
      }
    }
    return out.build();
  }

  /**
   * Keeps sales of selected locations only. With the ALL strategy a sale without a location (a
   * webshop order) is kept; with ONE or MULTIPLE it is excluded as {@code LOCATION_MISSING}.
   */
  public static Selection<SalesOrder> filterSales(LocationSelection selection,
      List<SalesOrder> sales) {
    Objects.requireNonNull(selection, "selection == null");
    Objects.requireNonNull(sales, "sales == null");
    Set<String> ids = selection.selectedIds();
    boolean all = selection.strategy() == LocationStrategy.ALL;
    Selection.Collector<SalesOrder> out = new Selection.Collector<>(sales.size(),
        SalesOrder::id);
    for (int i = 0, n = sales.size(); i < n; i++) {
      SalesOrder o = sales.get(i);
      Optional<String> location = o.locationId();
      if (location.isEmpty()) {
        if (all) {
          out.keep(o);
        } else {
          out.exclude(o, ReasonCode.LOCATION_MISSING);
        }
      } else if (ids.contains(location.get())) {
        out.keep(o);
      } else {
        out.exclude(o, ReasonCode.LOCATION_NOT_SELECTED);
      }
    }
    return out.build();
  }

  /**
   * The outlets an outlet mapping maps (seed 002: sales and stock come from mapped outlets only),
   * within {@code within} when location settings select too. Check the mapping with
   * {@link #validateMapping} first.
   */
  public static LocationSelection selectMapped(OutletMapping mapping, List<Location> outlets,
      Optional<LocationSelection> within) {
    Objects.requireNonNull(mapping, "mapping == null");
    Objects.requireNonNull(outlets, "outlets == null");
    Objects.requireNonNull(within, "within == null");
    Set<String> allowed = within.map(LocationSelection::selectedIds).orElse(null);
    ImmutableLocationSelection.Builder out = ImmutableLocationSelection.builder().strategy(LocationStrategy.MULTIPLE);
    for (Location l : outlets) {
      if (mapping.warehouseFor(l.id()).isPresent() && (allowed == null || allowed.contains(l.id()))) {
        out.addSelected(l);
      }
    }
    within.flatMap(LocationSelection::defaultLocation).ifPresent(out::defaultLocation);
    return out.build();
  }

  /**
   * Checks an outlet mapping against the account's outlets: every mapped outlet must exist.
   * The mapping's own shape (one to one, at least one) is enforced when it is built.
   */
  public static List<RecordIssue> validateMapping(OutletMapping mapping, List<Location> outlets,
      Instant asOf) {
    Objects.requireNonNull(mapping, "mapping == null");
    Objects.requireNonNull(outlets, "outlets == null");
    Objects.requireNonNull(asOf, "asOf == null");
    Set<String> ids = new HashSet<>();
    for (Location l : outlets) {
      if (!l.archived()) {
        ids.add(l.id());
      }
    }
    List<RecordIssue> issues = new ArrayList<>();
    for (OutletLink link : mapping.links()) {
      if (!ids.contains(link.outletId())) {
        issues.add(RecordIssue.of(RecordKind.CONFIGURATION, link.outletId(),
            ReasonCode.OUTLET_NOT_FOUND,
            "Outlet " + link.outletId() + " mapped to warehouse '" + link.warehouseCode()
                + "' does not exist (or is archived) in Lightspeed",
            "Reload the Lightspeed outlets and map an existing outlet", asOf));
      }
    }
    return issues;
  }
}
