package dev.lightspeedsync.sync.engine.internal;

import dev.lightspeedsync.sync.engine.StreamReport;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts of one stream during a run; confined to the run's thread. */
public final class StreamCounter {
  boolean full;
  String plan = "";
  String estimate = "";
  long pages;
  long read;
  long stored;
  long deactivated;
  long rejected;
  final Map<ReasonCode, Long> leftOut = new EnumMap<>(ReasonCode.class);

  void leftOut(List<Exclusion> exclusions) {
    for (Exclusion e : exclusions) {
      leftOut.merge(e.reason(), 1L, Long::sum);
    }
  }

  /** Names the plan that reads this stream. */
  public void describe(String plan, String estimate, boolean full) {
    this.plan = plan;
    this.estimate = estimate;
    this.full = full;
  }

  /** One more page read. */
  public void page() {
    pages++;
  }

  public StreamReport report() {
    return new StreamReport(full, plan, estimate, pages, read, stored, deactivated, rejected, leftOut);
  }
}
