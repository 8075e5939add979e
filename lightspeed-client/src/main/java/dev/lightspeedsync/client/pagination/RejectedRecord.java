package dev.lightspeedsync.client.pagination;

import dev.lightspeedsync.client.internal.SafeText;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A record of a list page that could not be decoded (for example a field of the wrong type). The
 * rest of the page is still returned in {@link Page#items()}; the caller logs the rejected record
 * and carries on, so one malformed record never fails every later run. Immutable.
 */
public final class RejectedRecord {
  private final @Nullable String id;
  private final String reason;

  private RejectedRecord(@Nullable String id, String reason) {
    this.id = id == null ? null : SafeText.safe(id);
    this.reason = SafeText.safe(Objects.requireNonNull(reason, "reason == null"));
  }

  /**
   * A rejected record.
   *
   * @param id the record's id as the API sent it, or null when even the id could not be read
   * @param reason what was wrong, in words a user understands (never a secret or a whole body)
   */
  public static RejectedRecord of(@Nullable String id, String reason) {
    return new RejectedRecord(id, reason);
  }

  /** The record's id, when it could be read. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** What was wrong with it. */
  public String reason() {
    return reason;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RejectedRecord && Objects.equals(id, ((RejectedRecord) o).id)
        && reason.equals(((RejectedRecord) o).reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, reason);
  }

  @Override
  public String toString() {
    return "RejectedRecord{id=" + id + ", reason=" + reason + "}";
  }
}
