package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import org.immutables.value.Value;

/**
 * A place that holds stock and books sales: an R-Series shop, an outlet, a warehouse.
 *
 * <p>{@link #code()} is the name users type into configuration (for example "Main Warehouse"); it is
 * matched exactly and case-sensitively by the location rule. Immutable and thread-safe.
 */
@Value.Immutable
public interface Location extends WithLocation {
  /** The source system's id, for example the R-Series {@code shopID}. */
  String id();

  /** The name users put into configuration; matched exactly (case-sensitive). */
  String code();

  /** Archived locations are never selected, even by the ALL strategy. */
  @Value.Default
  default boolean archived() {
    return false;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Shorthand for an active location. */
  static Location of(String id, String code) {
    return builder().id(id).code(code).build();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("Location", "id", id());
    Checks.notBlank("Location", "code", code());
  }

  /** Builds a {@link Location}; not thread-safe, use one builder per thread. */
  final class Builder extends ImmutableLocation.Builder {}
}
