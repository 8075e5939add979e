package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * One entry of the connection log / data-quality log: a per-record problem the user can act on (seed
 * 002: "view the fault in the connection log and fix accordingly"). It says which record
 * ({@link #recordKind()}, {@link #recordId()}), what is wrong ({@link #problem()}) and how to fix it
 * ({@link #remedy()}). Rules return these; the host stores them through {@code SyncSink}.
 * Never carries secrets. Immutable, thread-safe.
 */
@Value.Immutable
public interface RecordIssue extends WithRecordIssue {
  RecordKind recordKind();

  String recordId();

  ReasonCode reason();

  /** What is wrong, in words a user understands. */
  String problem();

  /** How to fix it. */
  String remedy();

  /** The {@code asOf} of the rule run that found it. */
  Instant detectedAt();

  static Builder builder() {
    return new Builder();
  }

  /** Shorthand used by the rules. */
  static RecordIssue of(RecordKind kind, String recordId, ReasonCode reason, String problem,
      String remedy, Instant detectedAt) {
    return builder().recordKind(kind).recordId(recordId).reason(reason).problem(problem)
        .remedy(remedy).detectedAt(detectedAt).build();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("RecordIssue", "recordId", recordId());
    Checks.notBlank("RecordIssue", "problem", problem());
    Checks.notBlank("RecordIssue", "remedy", remedy());
  }

  /** Builds a {@link RecordIssue}; not thread-safe. */
  final class Builder extends ImmutableRecordIssue.Builder {}
}
