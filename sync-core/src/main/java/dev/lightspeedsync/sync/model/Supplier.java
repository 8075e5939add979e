package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import org.immutables.value.Value;

/** A supplier (R-Series vendor, eCom supplier). Immutable, thread-safe. */
@Value.Immutable
public interface Supplier extends WithSupplier {
  String id();

  String name();

  static Builder builder() {
    return new Builder();
  }

  static Supplier of(String id, String name) {
    return builder().id(id).name(name).build();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("Supplier", "id", id());
    Checks.notBlank("Supplier", "name", name());
  }

  /** Builds a {@link Supplier}; not thread-safe. */
  final class Builder extends ImmutableSupplier.Builder {}
}
