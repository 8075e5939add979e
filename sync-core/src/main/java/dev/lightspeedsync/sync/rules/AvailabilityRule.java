package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.StockLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rule 7 (seeds 002, 003): available stock and the stock push plan.
 *
 * <p>Available = on hand - allocated (seed 002), plus, when {@link AvailabilityConfig#includeAssemblable()}
 * is on, the quantity of an assembly that can be built from its components' available stock at the
 * same location. A push plan holds only values that changed since the last push; in read-only mode,
 * or with the push switched off, it holds nothing at all.
 *
 * <p>Pure and stateless: safe to share between threads.
 */
public final class AvailabilityRule {
  private final AvailabilityConfig config;

  private AvailabilityRule(AvailabilityConfig config) {
    this.config = config;
  }

  public static AvailabilityRule of(AvailabilityConfig config) {
    return new AvailabilityRule(Objects.requireNonNull(config, "config == null"));
  }

  /** The key last pushed values are stored under. */
  public static String key(String skuId, String locationId) {
    return skuId + "@" + locationId;
  }

  /** On hand minus allocated. */
  public static long available(StockLevel stock) {
    return stock.onHand() - stock.allocated();
  }

  /**
   * Plans the stock push.
   *
   * @param stock stock rows of the selected locations
   * @param composites the compiled composites (used only when assemblable quantities are included)
   * @param lastPushed values pushed last time, by {@link #key(String, String)}
   */
  public PushPlan plan(List<StockLevel> stock, CompositeBreakdown composites,
      Map<String, Long> lastPushed) {
    Objects.requireNonNull(stock, "stock == null");
    Objects.requireNonNull(composites, "composites == null");
    Objects.requireNonNull(lastPushed, "lastPushed == null");
    ImmutablePushPlan.Builder plan = ImmutablePushPlan.builder();
    if (config.readOnly()) {
      return plan.suppressedBecause(ReasonCode.READ_ONLY).build();
    }
    if (!config.pushStock()) {
      return plan.suppressedBecause(ReasonCode.PUSH_DISABLED).build();
    }
    Map<String, Map<String, Long>> availableByLocation = new HashMap<>();
    if (config.includeAssemblable()) {
      for (StockLevel s : stock) {
        availableByLocation.computeIfAbsent(s.locationId(), k -> new HashMap<>())
            .put(s.skuId(), available(s));
      }
    }
    List<StockPush> pushes = new ArrayList<>();
    List<Exclusion> unchanged = new ArrayList<>();
    for (StockLevel s : stock) {
      long value = available(s);
      if (config.includeAssemblable() && composites.isComposite(s.skuId())) {
        value += composites.buildable(s.skuId(), availableByLocation.get(s.locationId()))
            .quantity();
      }
      String key = key(s.skuId(), s.locationId());
      Long previous = lastPushed.get(key);
      if (previous != null && previous == value) {
        unchanged.add(new Exclusion(key, ReasonCode.UNCHANGED_SINCE_LAST_PUSH));
        continue;
      }
      ImmutableStockPush.Builder push = ImmutableStockPush.builder().skuId(s.skuId())
          .locationId(s.locationId()).available(value);
      Optional.ofNullable(previous).ifPresent(push::previous);
      pushes.add(push.build());
    }
    return plan.pushes(pushes).unchanged(unchanged).build();
  }
}
