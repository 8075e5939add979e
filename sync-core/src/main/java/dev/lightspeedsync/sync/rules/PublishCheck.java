package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import java.util.List;
import org.immutables.value.Value;

/**
 * Whether an item can be published, and if not, what is missing. Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface PublishCheck {
  String skuId();

  GtinMapping identifiers();

  /** Empty when the item can be published. */
  List<ReasonCode> missing();

  /** The same findings as connection-log entries. */
  List<RecordIssue> issues();

  @Value.Derived
  default boolean publishable() {
    return missing().isEmpty();
  }
}
