package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Stock values to push, only those that changed since the last push. When
 * {@link #suppressedBecause()} is present ({@code READ_ONLY} or {@code PUSH_DISABLED}) the plan is
 * empty. Immutable, thread-safe.
 */
@Value.Immutable
public interface PushPlan {
  List<StockPush> pushes();

  /** Rows not pushed because the value did not change ({@code UNCHANGED_SINCE_LAST_PUSH}). */
  List<Exclusion> unchanged();

  Optional<ReasonCode> suppressedBecause();
}
