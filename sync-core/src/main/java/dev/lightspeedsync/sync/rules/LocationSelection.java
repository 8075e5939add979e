package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Location;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The locations a {@link LocationConfig} resolves to against the account's locations, built by
 * {@link LocationRule#select}. When {@link #errors()} is not empty the selection is not
 * {@linkplain #valid() valid} and a runner must not sync (and buy orders must not be exported).
 * Immutable, thread-safe.
 */
@Value.Immutable
public interface LocationSelection {
  LocationStrategy strategy();

  /** Locations stock and sales are taken from, in the account's order. */
  List<Location> selected();

  /** The default location: where buy orders are exported to (seed 001). */
  Optional<Location> defaultLocation();

  /** Codes that did not match, each naming its near match. */
  List<LocationCodeError> errors();

  @Value.Derived
  default boolean valid() {
    return errors().isEmpty();
  }

  /** Ids of {@link #selected()}; precomputed for fast filtering. */
  @Value.Derived
  default Set<String> selectedIds() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Location l : selected()) {
      ids.add(l.id());
    }
    return java.util.Collections.unmodifiableSet(ids);
  }

  /** The location buy orders go to; empty when the default code did not resolve. */
  default Optional<Location> buyOrderLocation() {
    return defaultLocation();
  }
}
