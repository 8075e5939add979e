package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.Sku;
import java.util.List;
import org.immutables.value.Value;

/**
 * Output of {@link PurchasePriceRule}: SKUs ready to upsert and data-quality entries. Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface PurchasePriceResult {
  /** Input SKUs with purchase price resolved and host-owned fields carried over, in input order. */
  List<Sku> skus();

  /** "Unknown Supplier" and missing-price entries for the connection log. */
  List<RecordIssue> issues();
}
