package dev.lightspeedsync.sync.lightspeed;

import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one call of a writer ({@code RetailWriter}, {@code EcomWriter}) planned or did. When {@link #suppressedBecause()} is present
 * ({@code READ_ONLY}, {@code PUSH_DISABLED}, {@code BOOKING_DISABLED}, {@code EXPORT_DISABLED}) no
 * request was sent and {@link #actions()} is empty, as with sync-core's {@code PushPlan}. In a
 * {@linkplain #dryRun() dry run} nothing was written to Lightspeed or to the sink and every write that
 * would be sent is listed with status {@code PLANNED}. {@link #toString()} prints one line per action.
 *
 * @param dryRun whether this was a dry run
 * @param suppressedBecause why nothing was written at all, if so
 * @param actions the writes, in the order they were (or would be) sent
 * @param exclusions records the rules left out, with the reason
 * @param issues connection-log entries raised (stored in the sink unless this is a dry run)
 * @param pushedValues stock push only: the available values written, by {@code skuId@locationId};
 *     store them and pass them as {@code lastPushed} to {@code AvailabilityRule.plan} next time
 * @param hostStatusUpdates order export only: the status to set on each host order now in Lightspeed
 *     (exported, recovered or found exported), by host order id, when
 *     {@code OrderExportConfig.statusAfterExport} is set (seed 004, "What status should be applied to
 *     exported orders?"); empty for "No Change" and in a dry run, since nothing was exported. Applying it
 *     is the host's job: the SDK does not write to the host's orders
 */
public record WriteReport(boolean dryRun, Optional<ReasonCode> suppressedBecause, List<WriteAction> actions,
    List<Exclusion> exclusions, List<RecordIssue> issues, Map<String, Long> pushedValues,
    Map<String, String> hostStatusUpdates) {

  /** Copies the lists and maps. */
  public WriteReport {
    Objects.requireNonNull(suppressedBecause, "suppressedBecause == null");
    actions = List.copyOf(actions);
    exclusions = List.copyOf(exclusions);
    issues = List.copyOf(issues);
    pushedValues = Map.copyOf(pushedValues);
    hostStatusUpdates = Collections.unmodifiableMap(new LinkedHashMap<>(hostStatusUpdates));
  }

  /** A report without host status updates (every write but order export). */
  public WriteReport(boolean dryRun, Optional<ReasonCode> suppressedBecause, List<WriteAction> actions,
      List<Exclusion> exclusions, List<RecordIssue> issues, Map<String, Long> pushedValues) {
    this(dryRun, suppressedBecause, actions, exclusions, issues, pushedValues, Map.of());
  }

  public static WriteReport suppressed(boolean dryRun, ReasonCode reason, List<Exclusion> exclusions) {
    return new WriteReport(dryRun, Optional.of(reason), List.of(), exclusions, List.of(), Map.of());
  }

  /** The actions with the given status. */
  public List<WriteAction> actions(WriteAction.Status status) {
    return actions.stream().filter(a -> a.status() == status).toList();
  }

  /** How many actions have the given status. */
  public long count(WriteAction.Status status) {
    return actions.stream().filter(a -> a.status() == status).count();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(dryRun ? "Dry run (nothing sent)" : "Writes");
    suppressedBecause.ifPresent(r -> out.append(": none, ").append(r));
    out.append('\n');
    for (WriteAction a : actions) {
      out.append("  ").append(a).append('\n');
    }
    hostStatusUpdates.forEach((order, status) -> out.append("  set host order ").append(order).append(" to status '")
        .append(status).append("'\n"));
    for (Exclusion e : exclusions) {
      out.append("  left out ").append(e.recordId()).append(": ").append(e.reason()).append('\n');
    }
    for (RecordIssue i : issues) {
      out.append("  issue ").append(i.recordId()).append(": ").append(i.problem()).append(" -> ")
          .append(i.remedy()).append('\n');
    }
    return out.toString();
  }
}
