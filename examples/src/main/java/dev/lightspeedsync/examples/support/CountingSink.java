package dev.lightspeedsync.examples.support;

import dev.lightspeedsync.sync.model.Deactivation;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.spi.ForwardingSyncSink;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SyncSink} decorator that counts what reaches the wrapped sink: SKUs, stock rows, sales
 * orders and their lines. The app uses it for progress and for the sales-line figure of the summary.
 * Thread-safe when the wrapped sink is.
 */
public final class CountingSink extends ForwardingSyncSink {
  private final AtomicLong skus = new AtomicLong();
  private final AtomicLong deactivated = new AtomicLong();
  private final AtomicLong stock = new AtomicLong();
  private final AtomicLong sales = new AtomicLong();
  private final AtomicLong salesLines = new AtomicLong();

  public CountingSink(SyncSink delegate) {
    super(delegate);
  }

  /** Figures so far. */
  public record Counts(long skus, long deactivated, long stockLevels, long salesOrders, long salesLines) {
    public Counts minus(Counts before) {
      return new Counts(skus - before.skus, deactivated - before.deactivated, stockLevels - before.stockLevels,
          salesOrders - before.salesOrders, salesLines - before.salesLines);
    }
  }

  public Counts counts() {
    return new Counts(skus.get(), deactivated.get(), stock.get(), sales.get(), salesLines.get());
  }

  @Override
  public void upsertSkus(List<Sku> list) {
    super.upsertSkus(list);
    skus.addAndGet(list.size());
  }

  @Override
  public void deactivateSkus(List<Deactivation> list) {
    super.deactivateSkus(list);
    deactivated.addAndGet(list.size());
  }

  @Override
  public void upsertStock(List<StockLevel> list) {
    super.upsertStock(list);
    stock.addAndGet(list.size());
  }

  @Override
  public void upsertSales(List<SalesOrder> list) {
    super.upsertSales(list);
    sales.addAndGet(list.size());
    long lines = 0;
    for (SalesOrder o : list) {
      lines += o.lines().size();
    }
    salesLines.addAndGet(lines);
  }
}
