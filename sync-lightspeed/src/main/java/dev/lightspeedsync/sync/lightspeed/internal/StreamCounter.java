package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.sync.lightspeed.SyncReport.StreamCounts;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mutable counts of one stream during a run; not thread-safe. */
public final class StreamCounter {
  public long read;
  public long stored;
  public long deactivated;
  private final Map<ReasonCode, Long> leftOut = new LinkedHashMap<>();

  public void leftOut(List<Exclusion> exclusions) {
    for (Exclusion e : exclusions) {
      leftOut.merge(e.reason(), 1L, Long::sum);
    }
  }

  public StreamCounts counts() {
    return new StreamCounts(read, stored, deactivated, leftOut);
  }
}
