package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Deactivation;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.Sku;
import java.util.List;
import org.immutables.value.Value;

/**
 * What {@link VisibilityRule} decided: SKUs to upsert, SKUs to deactivate (never delete), every
 * exclusion with its reason, and data-quality entries. Immutable, thread-safe.
 */
@Value.Immutable
public interface VisibilityResult {
  /** SKUs that are synced, active, in input order. */
  List<Sku> upserts();

  /** SKUs that were active in the host and must now be deactivated. */
  List<Deactivation> deactivations();

  /** Every SKU left out, with its reason, in input order. */
  List<Exclusion> exclusions();

  /** Unknown values that were kept, for the connection log. */
  List<RecordIssue> issues();
}
