package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Report helpers of the writers. */
public final class Reports {
  private Reports() {}

  /**
   * The report of an export that sends nothing: read-only mode ({@code READ_ONLY}) or the export is off
   * ({@code EXPORT_DISABLED}, each record left out); empty when it may go ahead.
   */
  public static Optional<WriteReport> refusedExport(SyncSettings settings, boolean dryRun, boolean enabled,
      List<String> ids) {
    if (settings.readOnly()) {
      return Optional.of(WriteReport.suppressed(dryRun, ReasonCode.READ_ONLY, List.of()));
    }
    if (!enabled) {
      return Optional.of(WriteReport.suppressed(dryRun, ReasonCode.EXPORT_DISABLED,
          ids.stream().map(id -> new Exclusion(id, ReasonCode.EXPORT_DISABLED)).toList()));
    }
    return Optional.empty();
  }

  /** The actions ordered as their keys come in the input (stable; unknown keys last). */
  public static List<WriteAction> inInputOrder(List<WriteAction> actions, List<String> keys) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      index.putIfAbsent(keys.get(i), i);
    }
    List<WriteAction> sorted = new ArrayList<>(actions);
    sorted.sort(Comparator.comparingInt(a -> index.getOrDefault(a.key(), Integer.MAX_VALUE)));
    return sorted;
  }
}
