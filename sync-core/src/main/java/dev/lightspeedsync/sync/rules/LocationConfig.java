package dev.lightspeedsync.sync.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Location settings of an R-Series / Retail connection (seed 001): the default location code (where
 * buy orders are exported to) and the location strategy. Codes must match Lightspeed's location
 * names exactly (case-sensitive); that is checked against the account's locations by
 * {@link LocationRule#select}, which names the near match. This builder checks the shape of the
 * configuration. Immutable, thread-safe.
 */
@Value.Immutable
public interface LocationConfig extends WithLocationConfig {
  /** The Default Location Code: must equal a location name exactly. Required. */
  String defaultLocationCode();

  /** Defaults to {@link LocationStrategy#ONE}. */
  @Value.Default
  default LocationStrategy strategy() {
    return LocationStrategy.ONE;
  }

  /** Codes for {@link LocationStrategy#MULTIPLE}; must be empty for the other strategies. */
  List<String> locationCodes();

  static Builder builder() {
    return new Builder();
  }

  /**
   * Splits the comma-separated input of the "Multiple Locations" field ("DowntownStore,
   * WarehouseMain"). Spaces around commas are separators and dropped; spaces inside a code are kept,
   * and so is case. Empty entries are kept so that the builder can reject them with a clear message.
   */
  static List<String> parseCodeList(String commaSeparated) {
    List<String> codes = new ArrayList<>();
    for (String part : commaSeparated.split(",", -1)) {
      codes.add(part.strip());
    }
    return codes;
  }

  @Value.Check
  default void check() {
    if (defaultLocationCode().isBlank()) {
      throw new IllegalStateException("LocationConfig.defaultLocationCode must not be blank:"
          + " buy orders are exported to the default location");
    }
    if (strategy() == LocationStrategy.MULTIPLE) {
      if (locationCodes().isEmpty()) {
        throw new IllegalStateException(
            "LocationConfig.locationCodes must list at least one code when strategy is MULTIPLE");
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < locationCodes().size(); i++) {
        String code = locationCodes().get(i);
        if (code.isBlank()) {
          throw new IllegalStateException("LocationConfig.locationCodes[" + i + "] is blank"
              + " (check for a doubled or trailing comma)");
        }
        if (!seen.add(code)) {
          throw new IllegalStateException(
              "LocationConfig.locationCodes lists '" + code + "' twice");
        }
      }
    } else if (!locationCodes().isEmpty()) {
      throw new IllegalStateException("LocationConfig.locationCodes is only used with strategy"
          + " MULTIPLE, but strategy is " + strategy());
    }
  }

  /** Builds a {@link LocationConfig}; not thread-safe. */
  final class Builder extends ImmutableLocationConfig.Builder {}
}
