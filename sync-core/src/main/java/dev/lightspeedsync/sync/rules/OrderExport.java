package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.HostOrderLine;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One host order to export to Lightspeed Retail as a completed sale. {@link #reference()} is the host
 * order id: a stable idempotency reference to record in the export ledger (and to put on the sale),
 * so the order is exported exactly once. Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface OrderExport {
  /** The host order id; the idempotency reference. */
  String reference();

  String employeeId();

  String registerId();

  List<HostOrderLine> lines();

  /** Exported orders are completed (closed) sales. */
  @Value.Default
  default boolean completed() {
    return true;
  }

  /** Status to set on the host order afterwards; empty for "No Change". */
  Optional<String> statusAfterExport();
}
