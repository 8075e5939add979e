package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.RecordIssue;
import java.util.List;
import org.immutables.value.Value;

/**
 * Output of {@link SkuRule#link}: links made, records left unlinked, and the missing or duplicate
 * SKUs that were reported instead of guessed. Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface LinkResult {
  /** Links, in Lightspeed input order. */
  List<SkuLink> links();

  /** Host products with a unique SKU and no Lightspeed counterpart. */
  List<String> unlinkedHostIds();

  /** Lightspeed SKUs with a unique code and no host counterpart: candidates for "Import products". */
  List<String> unlinkedSkuIds();

  /** Missing and duplicate SKU codes, on either side. */
  List<RecordIssue> issues();
}
