package dev.lightspeedsync.client.pagination;

import dev.lightspeedsync.client.error.PaginationException;
import dev.lightspeedsync.client.internal.SafeText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
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
 *   <li>A walk never runs forever: when a page names a next cursor the walk has already followed
 *       (a page pointing at itself, or a cycle), or a server that ignores the cursor sends the same
 *       records again under a new one, iteration throws a
 *       {@link dev.lightspeedsync.client.error.PaginationException} naming the cursor. A walk
 *       remembers a 16-byte fingerprint per page for this.
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
    /** Fingerprints of every cursor this walk has fetched: 16 bytes a page, not the cursors. */
    private final Set<Fingerprint> seen = new HashSet<>();
    private @Nullable List<T> previousItems;
    private int repeats;
    private long pages;

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
      PageCursor cursor = nextCursor;
      if (cursor != null) {
        seen.add(Fingerprint.of(cursor));
      }
      Page<T> page = fetcher.fetch(cursor);
      first = false;
      pages++;
      PageCursor following = page.next().orElse(null);
      if (following != null) {
        if (following.equals(cursor)) {
          throw repeated(following, "the page at this cursor names itself as the next page");
        }
        if (seen.contains(Fingerprint.of(following))) {
          throw repeated(following, "the next cursor is one this walk already followed (a cycle of cursors)");
        }
        List<T> items = page.items();
        if (!items.isEmpty() && items.equals(previousItems)) {
          // A server that ignores the cursor answers every page with the same records under ever new
          // cursors. One repeated single-record page can be a legitimate shift; two cannot.
          repeats++;
          if (repeats >= (items.size() > 1 ? 1 : 2)) {
            throw repeated(following, "the page returned the same " + items.size()
                + " record(s) as the page before it: the server ignores the cursor");
          }
        } else {
          repeats = 0;
        }
      }
      previousItems = page.items();
      nextCursor = following;
      return page;
    }

    private PaginationException repeated(PageCursor cursor, String what) {
      String shown = SafeText.cursor(cursor.asString());
      return new PaginationException("pagination stopped after " + pages + " page(s): " + what + " (next cursor "
          + shown + "). Following it would never end, so the walk stops here; keep your last stored checkpoint and "
          + "resume from it once the server pages correctly", shown, null);
    }
  }

  /** A 128-bit digest of a cursor. */
  private record Fingerprint(long high, long low) {
    static Fingerprint of(PageCursor cursor) {
      try {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(cursor.asString().getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.wrap(d);
        return new Fingerprint(b.getLong(), b.getLong());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this JVM", e);
      }
    }
  }
}
