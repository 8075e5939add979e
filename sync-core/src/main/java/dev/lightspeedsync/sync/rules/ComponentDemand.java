package dev.lightspeedsync.sync.rules;

import java.util.List;

/**
 * Demand on one SKU caused by one sales line, with its provenance. For a plain SKU the demand is the
 * line itself and {@link #path()} is empty; for a composite the demand lands on each leaf component,
 * quantities multiplied along the way, and {@link #path()} lists the composites from the sold one down
 * to the component's parent.
 *
 * <p>A record rather than an Immutables value: the breakdown creates one per line on a hot path and
 * shares the precomputed, unmodifiable path list. Immutable, thread-safe.
 *
 * @param orderId the sales order
 * @param lineId the sales line
 * @param soldSkuId the SKU on the sales line
 * @param skuId the SKU that carries the demand
 * @param quantity units of demand (negative for returns)
 * @param path composites traversed, outermost first; empty for direct demand
 */
public record ComponentDemand(String orderId, String lineId, String soldSkuId, String skuId,
    long quantity, List<String> path) {

  /** True when the demand comes from breaking down a composite. */
  public boolean fromComposite() {
    return !path.isEmpty();
  }
}
