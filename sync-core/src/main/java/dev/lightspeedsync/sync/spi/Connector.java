package dev.lightspeedsync.sync.spi;

import dev.lightspeedsync.sync.engine.SyncStream;
import java.util.List;
import java.util.Set;

/**
 * One platform's side of a sync, for one account: which streams it offers and how to read each.
 * A connector holds no orchestration: the engine decides what runs, keeps the checkpoints, applies
 * every rule and writes to the sink. Adding a platform means writing a connector.
 *
 * <p>Implementations must be thread-safe for sequential use from different threads.
 */
public interface Connector {
  /**
   * A stable key of the account, unique across platforms (e.g. {@code retail:12345}), used for
   * checkpoint names and the run lock. It must not contain secrets.
   */
  String accountKey();

  /** The streams this platform offers; always includes {@link SyncStream#LOCATIONS}. */
  Set<SyncStream> streams();

  /** The plan that reads the account's locations; run first, always in full. */
  ReadPlan locations();

  /**
   * The plans for the requested streams of {@code context} (locations excluded): every requested
   * stream covered by exactly one plan, in the order they should run. A connector chooses, for each
   * stream, its full-sync or incremental plan, the cheapest by documented request cost.
   */
  List<ReadPlan> plans(PlanContext context);

  /** Counters of the connector's transport; the engine reports their change over a run. */
  default TransportStats transportStats() {
    return TransportStats.NONE;
  }
}
