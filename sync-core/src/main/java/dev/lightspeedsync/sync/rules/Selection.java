package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Exclusion;
import java.util.List;
import org.immutables.value.Value;

/**
 * The records a filtering rule kept, in input order, and the ones it left out with a reason.
 * Immutable, thread-safe.
 *
 * @param <T> the record type
 */
@Value.Immutable
public interface Selection<T> {
  List<T> kept();

  List<Exclusion> exclusions();
}
