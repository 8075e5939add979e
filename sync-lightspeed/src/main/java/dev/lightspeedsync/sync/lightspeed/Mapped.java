package dev.lightspeedsync.sync.lightspeed;

import dev.lightspeedsync.sync.model.RecordIssue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of mapping one Lightspeed record to the sync-core model: the mapped value, or none
 * when the record cannot be synced, plus the data problems found (for the connection log).
 * Immutable.
 *
 * @param <T> the sync-core type
 */
public final class Mapped<T> {
  private final @Nullable T value;
  private final List<RecordIssue> issues;

  private Mapped(@Nullable T value, List<RecordIssue> issues) {
    this.value = value;
    this.issues = List.copyOf(issues);
  }

  /** A mapped value, possibly with problems in parts of it that were left out. */
  public static <T> Mapped<T> of(T value, List<RecordIssue> issues) {
    return new Mapped<>(Objects.requireNonNull(value, "value == null"), issues);
  }

  /** A record that could not be mapped, with the reason. */
  public static <T> Mapped<T> rejected(RecordIssue issue) {
    return new Mapped<>(null, List.of(Objects.requireNonNull(issue, "issue == null")));
  }

  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  public List<RecordIssue> issues() {
    return issues;
  }

  @Override
  public String toString() {
    return "Mapped{value=" + value + ", issues=" + issues + "}";
  }
}
