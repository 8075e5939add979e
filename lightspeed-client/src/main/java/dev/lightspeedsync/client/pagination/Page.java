package dev.lightspeedsync.client.pagination;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list: its records, the cursor it was fetched with and the cursor of the page after
 * it. A sync job processes {@link #items()}, then stores {@link #next()} as its checkpoint. Immutable.
 *
 * @param <T> the record type
 */
public final class Page<T> {
  private final List<T> items;
  private final @Nullable PageCursor cursor;
  private final @Nullable PageCursor next;

  private Page(List<T> items, @Nullable PageCursor cursor, @Nullable PageCursor next) {
    this.items = List.copyOf(Objects.requireNonNull(items, "items == null"));
    this.cursor = cursor;
    this.next = next;
  }

  /**
   * A page.
   *
   * @param items the records, in order
   * @param cursor the cursor this page was fetched with, or null for the first page
   * @param next the cursor of the following page, or null when this is the last page
   */
  public static <T> Page<T> of(List<T> items, @Nullable PageCursor cursor, @Nullable PageCursor next) {
    return new Page<>(items, cursor, next);
  }

  /** The records of this page, in the order the API returned them. */
  public List<T> items() {
    return items;
  }

  /** The cursor this page was fetched with; empty for the first page of a walk. */
  public Optional<PageCursor> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** The cursor of the next page; empty when this is the last page. */
  public Optional<PageCursor> next() {
    return Optional.ofNullable(next);
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", cursor=" + cursor + ", next=" + next + "}";
  }
}
