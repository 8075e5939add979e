package dev.lightspeedsync.sync.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.immutables.value.Value;

/** Output of {@link CompositeBreakdown#breakDown}: demand per line, in input order. Immutable. */
@Value.Immutable
public interface BreakdownResult {
  List<ComponentDemand> demand();

  /** Total demand per SKU, sorted by SKU id; computed on first use. */
  @Value.Lazy
  default Map<String, Long> totalsBySku() {
    Map<String, Long> totals = new TreeMap<>();
    for (ComponentDemand d : demand()) {
      totals.merge(d.skuId(), d.quantity(), Long::sum);
    }
    return java.util.Collections.unmodifiableMap(totals);
  }
}
