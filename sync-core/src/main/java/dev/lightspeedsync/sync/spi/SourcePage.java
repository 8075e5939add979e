package dev.lightspeedsync.sync.spi;

import java.util.List;
import org.immutables.value.Value;

/**
 * One page of records read from a source, with the position to store as checkpoint once the page is
 * stored. Immutable.
 *
 * @param <T> the record type
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface SourcePage<T> {
  List<T> records();

  /** The position after this page; store it in a {@link Checkpoint} after storing the records. */
  String nextPosition();

  /** False on the last page. */
  boolean hasMore();

  static <T> SourcePage<T> of(List<T> records, String nextPosition, boolean hasMore) {
    return ImmutableSourcePage.<T>builder().records(records).nextPosition(nextPosition)
        .hasMore(hasMore).build();
  }
}
