package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.rules.PushPlan;
import java.util.Optional;

/** What every writer's stock push shares: the cases in which nothing may be sent at all. */
public final class Pushes {
  private Pushes() {}

  /**
   * The report of a push that sends nothing: in read-only mode ({@code READ_ONLY}), when the plan
   * itself was suppressed, or when the stock push is off ({@code PUSH_DISABLED}, the default);
   * empty when the push may go ahead.
   */
  public static Optional<WriteReport> suppressed(SyncSettings settings, PushPlan plan, boolean dryRun) {
    if (settings.readOnly()) {
      return Optional.of(WriteReport.suppressed(dryRun, ReasonCode.READ_ONLY, plan.unchanged()));
    }
    if (plan.suppressedBecause().isPresent()) {
      return Optional.of(WriteReport.suppressed(dryRun, plan.suppressedBecause().get(), plan.unchanged()));
    }
    if (!settings.effectiveAvailability().pushStock()) {
      return Optional.of(WriteReport.suppressed(dryRun, ReasonCode.PUSH_DISABLED, plan.unchanged()));
    }
    return Optional.empty();
  }
}
