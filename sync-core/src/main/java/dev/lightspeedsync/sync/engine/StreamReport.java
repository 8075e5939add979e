package dev.lightspeedsync.sync.engine;

import dev.lightspeedsync.sync.model.ReasonCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one stream did in a run. {@code read = stored + leftOut + rejected} for the records the
 * rules judged; deactivations are counted apart (a deactivated SKU is stored as inactive). A
 * revisit pass (a voided-sales re-check) counts only the stored records it corrected, in both
 * {@code read} and {@code stored}.
 *
 * @param full whether the stream was read in full
 * @param plan the name of the read plan that read it, e.g. {@code items+ItemShops}
 * @param estimate the plan's cost estimate in words
 * @param pages pages read
 * @param read records read
 * @param stored records written to the sink
 * @param deactivated SKUs deactivated (hidden, archived, deleted at the source)
 * @param rejected records that could not be mapped (malformed), logged to the connection log
 * @param leftOut records the rules left out, by reason
 */
public record StreamReport(boolean full, String plan, String estimate, long pages, long read, long stored,
    long deactivated, long rejected, Map<ReasonCode, Long> leftOut) {
  public StreamReport {
    Objects.requireNonNull(plan, "plan == null");
    Objects.requireNonNull(estimate, "estimate == null");
    leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
  }

  /** The total of {@link #leftOut()}. */
  public long leftOutTotal() {
    return leftOut.values().stream().mapToLong(Long::longValue).sum();
  }
}
