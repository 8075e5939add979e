package dev.lightspeedsync.client.pagination;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A lazy list of records spread over pages.
 *
 * <ul>
 *   <li>Creating a {@code Paginated} does no I/O. Pages are fetched one at a time, only when
 *       iteration needs the next record, so errors surface during iteration as
 *       {@link dev.lightspeedsync.client.error.LightspeedException}s.
 *   <li>Memory is constant: at most one page is held at a time. There is no background prefetch;
 *       throughput against Lightspeed is bounded by its rate limit, not by latency.
 *   <li>Each call to {@link #iterator()}, {@link #stream()} or {@link #pages()} starts a new,
 *       independent walk from the first page (or from {@link #startingAt(PageCursor)}). Iterators
 *       are for one thread; the {@code Paginated} itself is immutable and can be shared.
 *   <li>{@link #stream()} is sequential and ordered; short-circuiting operations such as
 *       {@code limit} or {@code findFirst} stop fetching.
 *   <li>Sync jobs iterate {@link #pages()} and store {@link Page#next()} after each page they have
 *       processed, then resume with {@link #startingAt(PageCursor)}.
 * </ul>
 *
 * @param <T> the record type
 */
public final class Paginated<T> implements Iterable<T> {
  private final PageFetcher<T> fetcher;
  private final @Nullable PageCursor start;

  private Paginated(PageFetcher<T> fetcher, @Nullable PageCursor start) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher == null");
    this.start = start;
  }

  /** A list whose pages come from {@code fetcher}, starting at the first page. */
  public static <T> Paginated<T> of(PageFetcher<T> fetcher) {
    return new Paginated<>(fetcher, null);
  }

  /** The same list, walked from {@code cursor} (a {@link Page#next()} saved earlier). */
  public Paginated<T> startingAt(PageCursor cursor) {
    return new Paginated<>(fetcher, Objects.requireNonNull(cursor, "cursor == null"));
  }

  /** Iterates the pages, fetching each one when {@code next()} is called. */
  public Iterable<Page<T>> pages() {
    return () -> new PageIterator<>(fetcher, start);
  }

  /** The first page only (one request). */
  public Page<T> firstPage() {
    return fetcher.fetch(start);
  }

  @Override
  public Iterator<T> iterator() {
    PageIterator<T> pages = new PageIterator<>(fetcher, start);
    return new Iterator<T>() {
      private Iterator<T> current = List.<T>of().iterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!pages.hasNext()) {
            return false;
          }
          current = pages.next().items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** A sequential, ordered stream of the records; fetches pages as the stream is consumed. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private static final class PageIterator<T> implements Iterator<Page<T>> {
    private final PageFetcher<T> fetcher;
    private @Nullable PageCursor nextCursor;
    private boolean first = true;

    PageIterator(PageFetcher<T> fetcher, @Nullable PageCursor start) {
      this.fetcher = fetcher;
      this.nextCursor = start;
    }

    @Override
    public boolean hasNext() {
      return first || nextCursor != null;
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Page<T> page = fetcher.fetch(nextCursor);
      first = false;
      nextCursor = page.next().orElse(null);
      return page;
    }
  }
}
