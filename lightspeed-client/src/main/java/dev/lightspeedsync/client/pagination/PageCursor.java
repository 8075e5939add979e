package dev.lightspeedsync.client.pagination;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An opaque position in a list: where the next page starts. Store {@link #asString()} after each
 * page you have processed and pass {@link #parse(String)} to {@link Paginated#startingAt(PageCursor)}
 * to resume later.
 *
 * <p>For R-Series lists the cursor is the {@code next} URL exactly as Lightspeed returned it, so
 * resuming follows Lightspeed's own keyset cursor. Treat the string as opaque. Immutable.
 */
public final class PageCursor {
  private final String value;

  private PageCursor(String value) {
    Objects.requireNonNull(value, "value == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a page cursor cannot be blank");
    }
    this.value = value;
  }

  /** Restores a cursor saved with {@link #asString()}. */
  public static PageCursor parse(String value) {
    return new PageCursor(value);
  }

  /** The cursor's stable string form, suitable for storage. */
  public String asString() {
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PageCursor && ((PageCursor) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "PageCursor{" + value + "}";
  }
}
