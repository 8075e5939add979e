package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.HostOrder;
import dev.lightspeedsync.sync.model.HostOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Rule 9 (seed 004): which host orders are exported to Lightspeed Retail as completed sales.
 *
 * <p>An order is exported when export is enabled, it is balanced ("paid in full"), it is not in the
 * export ledger yet ("Orders can only be exported ... once"), and, if configured, all its items are
 * fulfilled. An order listed twice in one input is planned once. Pure and stateless: safe to share
 * between threads.
 */
public final class OrderExportRule {
  private final OrderExportConfig config;

  private OrderExportRule(OrderExportConfig config) {
    this.config = config;
  }

  public static OrderExportRule of(OrderExportConfig config) {
    return new OrderExportRule(Objects.requireNonNull(config, "config == null"));
  }

  /**
   * Plans the export.
   *
   * @param orders candidate host orders
   * @param alreadyExported tells whether the ledger holds a reference, e.g.
   *     {@code ref -> sink.ledgerEntry(LedgerKind.ORDER_EXPORT, ref).map(LedgerEntry::confirmed).orElse(false)} (a claimed but unconfirmed export must be reconciled by the writer, not skipped)
   */
  public ExportPlan plan(List<HostOrder> orders, Predicate<String> alreadyExported) {
    Objects.requireNonNull(orders, "orders == null");
    Objects.requireNonNull(alreadyExported, "alreadyExported == null");
    ImmutableExportPlan.Builder plan = ImmutableExportPlan.builder();
    Set<String> planned = new HashSet<>();
    for (HostOrder order : orders) {
      ReasonCode reason = reason(order, alreadyExported, planned);
      if (reason != null) {
        plan.addExclusions(new Exclusion(order.id(), reason));
        continue;
      }
      planned.add(order.id());
      plan.addExports(ImmutableOrderExport.builder().reference(order.id())
          .employeeId(config.employeeId().orElseThrow())
          .registerId(config.registerId().orElseThrow()).lines(order.lines())
          .statusAfterExport(config.statusAfterExport()).build());
    }
    return plan.build();
  }

  private @Nullable ReasonCode reason(HostOrder order, Predicate<String> alreadyExported,
      Set<String> planned) {
    if (!config.enabled()) {
      return ReasonCode.EXPORT_DISABLED;
    }
    if (planned.contains(order.id()) || alreadyExported.test(order.id())) {
      return ReasonCode.ALREADY_IN_LEDGER;
    }
    if (order.balanceDue().signum() > 0) {
      return ReasonCode.ORDER_NOT_BALANCED;
    }
    if (config.requireAllFulfilled()) {
      for (HostOrderLine line : order.lines()) {
        if (!line.fulfilled()) {
          return ReasonCode.ORDER_NOT_FULFILLED;
        }
      }
    }
    return null;
  }
}
