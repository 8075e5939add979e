package dev.lightspeedsync.sync.spi;

import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.model.Location;
import java.util.List;
import java.util.Set;

/**
 * What a connector knows when it chooses its read plans: the streams asked for, which of them
 * read in full (no bookmark yet, or a forced full sync), and the account's locations (read first),
 * which shape the cost of each plan. Immutable.
 *
 * @param requested the streams to read in this run, other than {@link SyncStream#LOCATIONS}
 * @param full the requested streams that read in full
 * @param locations the account's locations as read in this run
 */
public record PlanContext(Set<SyncStream> requested, Set<SyncStream> full, List<Location> locations) {
  public PlanContext {
    requested = Set.copyOf(requested);
    full = Set.copyOf(full);
    locations = List.copyOf(locations);
  }

  /** Whether {@code stream} reads in full in this run. */
  public boolean isFull(SyncStream stream) {
    return full.contains(stream);
  }
}
