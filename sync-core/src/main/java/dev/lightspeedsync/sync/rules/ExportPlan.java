package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Exclusion;
import java.util.List;
import org.immutables.value.Value;

/**
 * Output of {@link OrderExportRule}: orders to export, and the others with a reason. Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface ExportPlan {
  List<OrderExport> exports();

  List<Exclusion> exclusions();
}
