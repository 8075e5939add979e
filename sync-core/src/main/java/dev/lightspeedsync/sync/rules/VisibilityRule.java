package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Deactivation;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockTracking;
import dev.lightspeedsync.sync.model.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Rule 1 (seed 000): which SKUs are synced, and which are deactivated.
 *
 * <p>SKUs whose visibility is in {@link VisibilityConfig#syncedVisibilities()} and whose stock is
 * tracked are upserted. Hidden, untracked and deleted SKUs are excluded; if the host holds them as
 * active they are <em>deactivated</em>, never erased, so their past sales and open orders stay.
 * Unknown visibility or tracking values are kept (by default) and reported.
 *
 * <p>Pure and stateless: safe to share between threads.
 */
public final class VisibilityRule {
  private final VisibilityConfig config;

  private VisibilityRule(VisibilityConfig config) {
    this.config = config;
  }

  /** A rule with the given configuration. */
  public static VisibilityRule of(VisibilityConfig config) {
    return new VisibilityRule(Objects.requireNonNull(config, "config == null"));
  }

  public VisibilityConfig config() {
    return config;
  }

  /**
   * Applies the rule.
   *
   * @param skus the SKUs read from the source (a full snapshot or an incremental batch)
   * @param deletedIds ids the source reports as deleted (a deleted SKU may also arrive as
   *     {@link Sku#deleted()})
   * @param activeInHost ids the host currently holds as active; only these are deactivated
   * @param asOf the instant of the run, stamped on deactivations and issues
   */
  public VisibilityResult apply(List<Sku> skus, Collection<String> deletedIds,
      Set<String> activeInHost, Instant asOf) {
    Objects.requireNonNull(skus, "skus == null");
    Objects.requireNonNull(deletedIds, "deletedIds == null");
    Objects.requireNonNull(activeInHost, "activeInHost == null");
    Objects.requireNonNull(asOf, "asOf == null");
    List<Sku> upserts = new ArrayList<>(skus.size());
    List<Deactivation> deactivations = new ArrayList<>();
    List<Exclusion> exclusions = new ArrayList<>();
    List<RecordIssue> issues = new ArrayList<>();
    Set<Visibility> synced = config.syncedVisibilities();
    boolean keepUnknown = config.keepUnknownValues();
    for (int i = 0, n = skus.size(); i < n; i++) {
      Sku sku = skus.get(i);
      ReasonCode excluded = null;
      if (sku.deleted()) {
        excluded = ReasonCode.DELETED_AT_SOURCE;
      } else {
        Visibility visibility = sku.visibility();
        if (visibility == Visibility.UNKNOWN) {
          issues.add(unknownVisibility(sku, asOf, keepUnknown));
          if (!keepUnknown) {
            excluded = ReasonCode.UNKNOWN_VISIBILITY;
          }
        } else if (!synced.contains(visibility)) {
          excluded = ReasonCode.HIDDEN;
        }
        if (excluded == null) {
          StockTracking tracking = sku.stockTracking();
          if (tracking == StockTracking.DISABLED) {
            excluded = ReasonCode.STOCK_NOT_TRACKED;
          } else if (tracking == StockTracking.UNKNOWN) {
            issues.add(RecordIssue.of(RecordKind.SKU, sku.id(), ReasonCode.UNKNOWN_STOCK_TRACKING,
                "Stock tracking value is not known to this SDK version",
                keepUnknown ? "Kept as tracked; check the variant's stock tracking in Lightspeed"
                    : "Left out; set stock tracking in Lightspeed or upgrade the SDK", asOf));
            if (!keepUnknown) {
              excluded = ReasonCode.UNKNOWN_STOCK_TRACKING;
            }
          }
        }
      }
      if (excluded == null) {
        upserts.add(sku.active() ? sku : sku.withActive(true));
      } else {
        exclusions.add(new Exclusion(sku.id(), excluded));
        if (activeInHost.contains(sku.id())) {
          deactivations.add(Deactivation.of(sku.id(), excluded, asOf));
        }
      }
    }
    for (String id : deletedIds) {
      exclusions.add(new Exclusion(id, ReasonCode.DELETED_AT_SOURCE));
      if (activeInHost.contains(id)) {
        deactivations.add(Deactivation.of(id, ReasonCode.DELETED_AT_SOURCE, asOf));
      }
    }
    return ImmutableVisibilityResult.builder().upserts(upserts).deactivations(deactivations)
        .exclusions(exclusions).issues(issues).build();
  }

  private static RecordIssue unknownVisibility(Sku sku, Instant asOf, boolean kept) {
    return RecordIssue.of(RecordKind.SKU, sku.id(), ReasonCode.UNKNOWN_VISIBILITY,
        "Visibility '" + sku.visibilityRaw().orElse("?") + "' is not known to this SDK version",
        kept ? "Kept as visible; set the product to visible, auto or hidden in Lightspeed"
            : "Left out; set the product to visible, auto or hidden in Lightspeed", asOf);
  }
}
