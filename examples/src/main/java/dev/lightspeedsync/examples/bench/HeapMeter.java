package dev.lightspeedsync.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The heap figures of a benchmark run: the used heap sampled every 20 ms (all pools at one moment),
 * and the largest old generation left after a collection (the live set). Start it just before the
 * run, stop it just after. Both figures include the in-process testkit and H2.
 */
final class HeapMeter implements AutoCloseable {
  private final Thread sampler;
  private final long baseline;
  private volatile long peak;

  private HeapMeter() {
    baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
    sampler = new Thread(this::sample, "heap-sampler");
    sampler.setDaemon(true);
  }

  static HeapMeter start() {
    System.gc();
    HeapMeter m = new HeapMeter();
    m.sampler.start();
    return m;
  }

  private void sample() {
    var memory = ManagementFactory.getMemoryMXBean();
    while (!Thread.currentThread().isInterrupted()) {
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * The used heap just after the collection at the start, in MiB: what the testkit, its data and the
   * JVM held before the run.
   */
  double baselineMiB() {
    return baseline / 1048576.0;
  }

  /** The largest used heap sampled, in MiB. */
  double peakMiB() {
    return peak / 1048576.0;
  }

  /** The largest old generation after a collection, in MiB. */
  static double liveAfterGcMiB() {
    long max = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null && p.getName().contains("Old")) {
        max = Math.max(max, p.getCollectionUsage().getUsed());
      }
    }
    return max / 1048576.0;
  }

  static double maxHeapMiB() {
    return Runtime.getRuntime().maxMemory() / 1048576.0;
  }

  @Override
  public void close() throws InterruptedException {
    sampler.interrupt();
    sampler.join();
  }
}
