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
  /**
   * Reads the SKUs with these ids one by one, for the engine's targeted imports: the missing products
   * of an order being imported (seed 003: "all the missing products from that order will be imported
   * automatically"). Ids the platform does not know are left out. The batch goes through the same
   * rules as a catalogue page. The default reads nothing, for platforms that cannot look a SKU up.
   *
   * @throws SourceRateLimitedException when the rate limit does not allow the reads now
   */
  default Batch fetchSkus(java.util.Collection<String> skuIds) {
    return Batch.empty();
  }

  /**
   * Reads the sales orders with these ids one by one, with their lines, for immediate imports (an
   * order webhook). Ids the platform does not know are left out. The default reads nothing.
   *
   * @throws SourceRateLimitedException when the rate limit does not allow the reads now
   */
  default Batch fetchOrders(java.util.Collection<String> orderIds) {
    return Batch.empty();
  }

  default TransportStats transportStats() {
    return TransportStats.NONE;
  }
}
