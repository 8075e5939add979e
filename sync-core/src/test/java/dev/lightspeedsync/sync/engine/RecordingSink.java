package dev.lightspeedsync.sync.engine;

import dev.lightspeedsync.sync.model.Deactivation;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.spi.ForwardingSyncSink;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what reaches the sink (upserts per record, checkpoints saved) and can simulate a crash: the
 * write call number {@link #killAtWrite} (or the first after {@link #killAfterCheckpoints} checkpoints) throws {@link Killed} before anything of it is stored.
 */
final class RecordingSink extends ForwardingSyncSink {
  /** The simulated crash. */
  static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Killed(int write) {
      super("killed at write " + write);
    }
  }

  final Map<String, Integer> skuUpserts = new HashMap<>();
  final Map<String, Integer> stockUpserts = new HashMap<>();
  final Map<String, Integer> saleUpserts = new HashMap<>();
  final List<Checkpoint> checkpoints = new ArrayList<>();
  /** Write calls so far (every method that changes the sink). */
  int writes;
  /** The write call (1-based) that crashes; 0 for none. */
  int killAtWrite;
  /** Crash at the first write after this many checkpoints were saved; 0 for none. */
  int killAfterCheckpoints;

  RecordingSink(SyncSink delegate) {
    super(delegate);
  }

  private void write() {
    writes++;
    if (writes == killAtWrite || killAfterCheckpoints > 0 && checkpoints.size() >= killAfterCheckpoints) {
      throw new Killed(writes);
    }
  }

  @Override
  public void upsertSkus(List<Sku> skus) {
    write();
    super.upsertSkus(skus);
    skus.forEach(s -> skuUpserts.merge(s.id(), 1, Integer::sum));
  }

  @Override
  public void deactivateSkus(List<Deactivation> deactivations) {
    write();
    super.deactivateSkus(deactivations);
  }

  @Override
  public void upsertLocations(List<Location> locations) {
    write();
    super.upsertLocations(locations);
  }

  @Override
  public void upsertStock(List<StockLevel> stock) {
    write();
    super.upsertStock(stock);
    stock.forEach(s -> stockUpserts.merge(s.skuId() + "@" + s.locationId(), 1, Integer::sum));
  }

  @Override
  public void upsertSales(List<SalesOrder> sales) {
    write();
    super.upsertSales(sales);
    sales.forEach(s -> saleUpserts.merge(s.id(), 1, Integer::sum));
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    write();
    super.saveCheckpoint(checkpoint);
    checkpoints.add(checkpoint);
  }

  @Override
  public void logIssues(List<RecordIssue> issues) {
    write();
    super.logIssues(issues);
  }

  long checkpointsOf(SyncStream stream) {
    String name = SyncEngine.checkpointName(FakeConnector.ACCOUNT, stream);
    return checkpoints.stream().filter(c -> c.stream().equals(name)).count();
  }
}
