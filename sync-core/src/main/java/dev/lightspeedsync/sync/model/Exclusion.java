package dev.lightspeedsync.sync.model;

import java.util.Objects;

/**
 * A record a rule left out, and why. A record type (not an Immutables value) because rules create one
 * per excluded record on hot paths and it has exactly two required fields. Immutable, thread-safe.
 *
 * @param recordId the excluded record's id (for stock levels: {@code skuId@locationId})
 * @param reason why it was left out
 */
public record Exclusion(String recordId, ReasonCode reason) {
  public Exclusion {
    Objects.requireNonNull(recordId, "recordId == null");
    Objects.requireNonNull(reason, "reason == null");
  }
}
