package dev.lightspeedsync.sync.spi;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * How far a sync stream got: an opaque position (a cursor, a timestamp, a page number) to resume
 * from after a restart. Store it only after the records it covers are stored. Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface Checkpoint extends WithCheckpoint {
  /** The stream, for example {@code "retail:items"} or {@code "ecom:orders"}. */
  String stream();

  /** Opaque to sync-core; the source adapter writes and reads it. */
  String position();

  Instant savedAt();

  static Checkpoint of(String stream, String position, Instant savedAt) {
    return ImmutableCheckpoint.builder().stream(stream).position(position).savedAt(savedAt).build();
  }

  @Value.Check
  default void check() {
    if (stream().isBlank()) {
      throw new IllegalStateException("Checkpoint.stream must not be blank");
    }
  }
}
