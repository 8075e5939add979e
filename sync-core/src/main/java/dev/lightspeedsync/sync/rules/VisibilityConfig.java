package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Visibility;
import java.util.EnumSet;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Configuration of {@link VisibilityRule}. The defaults are those of seed 000: "Always visible" and
 * "Visible when in stock" are synced, "Hidden" is not, untracked variants are not, unknown visibility
 * values are kept and reported. Immutable, thread-safe; validated at {@code build()}.
 */
@Value.Immutable
public interface VisibilityConfig extends WithVisibilityConfig {
  /** Visibilities that are synced; defaults to {@code VISIBLE} and {@code AUTO}. */
  @Value.Default
  default Set<Visibility> syncedVisibilities() {
    return EnumSet.of(Visibility.VISIBLE, Visibility.AUTO);
  }

  /** Whether SKUs with an unknown visibility or stock tracking value are kept (and reported). */
  @Value.Default
  default boolean keepUnknownValues() {
    return true;
  }

  static Builder builder() {
    return new Builder();
  }

  /** The seed 000 defaults. */
  static VisibilityConfig defaults() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    if (syncedVisibilities().isEmpty()) {
      throw new IllegalStateException(
          "VisibilityConfig.syncedVisibilities must not be empty: nothing would ever be synced");
    }
    if (syncedVisibilities().contains(Visibility.UNKNOWN)) {
      throw new IllegalStateException("VisibilityConfig.syncedVisibilities must not contain UNKNOWN;"
          + " use keepUnknownValues to decide about unknown values");
    }
  }

  /** Builds a {@link VisibilityConfig}; not thread-safe. */
  final class Builder extends ImmutableVisibilityConfig.Builder {}
}
