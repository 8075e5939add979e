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
  private final List<RejectedRecord> rejected;

  private Page(List<T> items, @Nullable PageCursor cursor, @Nullable PageCursor next,
      List<RejectedRecord> rejected) {
    this.items = List.copyOf(Objects.requireNonNull(items, "items == null"));
    this.cursor = cursor;
    this.next = next;
    this.rejected = List.copyOf(Objects.requireNonNull(rejected, "rejected == null"));
  }

  /**
   * A page.
   *
   * @param items the records, in order
   * @param cursor the cursor this page was fetched with, or null for the first page
   * @param next the cursor of the following page, or null when this is the last page
   */
  public static <T> Page<T> of(List<T> items, @Nullable PageCursor cursor, @Nullable PageCursor next) {
    return new Page<>(items, cursor, next, List.of());
  }

  /**
   * A page some of whose records could not be decoded.
   *
   * @param items the records that decoded, in order
   * @param cursor the cursor this page was fetched with, or null for the first page
   * @param next the cursor of the following page, or null when this is the last page
   * @param rejected the records that did not decode, with their ids and reasons
   */
  public static <T> Page<T> of(List<T> items, @Nullable PageCursor cursor, @Nullable PageCursor next,
      List<RejectedRecord> rejected) {
    return new Page<>(items, cursor, next, rejected);
  }

  /**
   * The records of this page that could not be decoded; empty on a clean page. They are not in
   * {@link #items()}: log them (with their ids) and carry on.
   */
  public List<RejectedRecord> rejected() {
    return rejected;
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
    return "Page{items=" + items.size() + ", rejected=" + rejected.size() + ", cursor=" + cursor
        + ", next=" + next + "}";
  }
}
