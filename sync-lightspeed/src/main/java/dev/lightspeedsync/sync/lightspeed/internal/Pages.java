package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.client.error.RateLimitedException;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.PageCursor;
import dev.lightspeedsync.client.pagination.Paginated;
import dev.lightspeedsync.client.pagination.RejectedRecord;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.spi.CursorRejectedException;
import dev.lightspeedsync.sync.spi.PassPage;
import dev.lightspeedsync.sync.spi.ReadPass;
import dev.lightspeedsync.sync.spi.ReadStart;
import dev.lightspeedsync.sync.spi.SourceRateLimitedException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** What every connector's read passes share: one page of a client list, in the engine's terms. */
public final class Pages {
  private Pages() {}

  /**
   * Reads the page of {@code list} at {@code cursor} (the first page for {@code null}). A rate limit
   * the client will not wait for becomes a {@link SourceRateLimitedException}; a saved cursor the
   * client refuses becomes a {@link CursorRejectedException}.
   */
  public static <T> Page<T> read(Paginated<T> list, @Nullable String cursor, Clock clock) {
    Paginated<T> from;
    try {
      from = cursor == null ? list : list.startingAt(PageCursor.parse(cursor));
    } catch (IllegalArgumentException e) {
      throw new CursorRejectedException(e.getMessage(), e);
    }
    try {
      return from.firstPage();
    } catch (IllegalArgumentException e) {
      if (cursor != null) {
        throw new CursorRejectedException(e.getMessage(), e);
      }
      throw e;
    } catch (RateLimitedException e) {
      Instant retryAt = clock.instant().plus(e.retryAfter());
      throw new SourceRateLimitedException(retryAt, e.getMessage(), e);
    }
  }

  /**
   * Runs one pass read: a rate limit the client will not wait for, anywhere in it (a page, or a
   * request the mapping needs, such as an order's lines), becomes a {@link SourceRateLimitedException},
   * so the engine waits for the window and reads the page again.
   */
  public static <T> T paced(java.util.function.Supplier<T> read, Clock clock) {
    try {
      return read.get();
    } catch (RateLimitedException e) {
      throw new SourceRateLimitedException(clock.instant().plus(e.retryAfter()), e.getMessage(), e);
    }
  }

  /** How one page of a pass is read. */
  @FunctionalInterface
  public interface PageReader {
    PassPage read(ReadStart since, @Nullable String cursor);
  }

  /**
   * A read pass named {@code name} whose pages {@code reader} reads, {@link #paced} so that a rate
   * limit anywhere in a page's requests reaches the engine as a {@link SourceRateLimitedException}.
   */
  public static ReadPass pass(String name, Clock clock, PageReader reader) {
    java.util.Objects.requireNonNull(name, "name == null");
    java.util.Objects.requireNonNull(reader, "reader == null");
    return new ReadPass() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public PassPage read(ReadStart since, @Nullable String cursor) {
        return paced(() -> reader.read(since, cursor), clock);
      }
    };
  }

  /** The next cursor of a page, or {@code null} on the last page. */
  public static @Nullable String next(Page<?> page) {
    return page.next().map(PageCursor::asString).orElse(null);
  }

  /** The records of a page that did not decode, as connection-log entries. */
  public static List<RecordIssue> rejected(Page<?> page, RecordKind kind, String what, Instant asOf) {
    List<RecordIssue> out = new ArrayList<>();
    for (RejectedRecord r : page.rejected()) {
      out.add(RecordIssue.of(kind, r.id().orElse("unknown"), ReasonCode.MALFORMED_RECORD,
          what + " " + r.id().map(id -> id + " ").orElse("") + "could not be read: " + r.reason(),
          "Correct the record in Lightspeed; it is read again when it changes. The rest of its page was stored.",
          asOf));
    }
    return out;
  }

  /** The newest of the records' timestamps. */
  public static <T> @Nullable Instant newest(List<T> records, Function<T, Optional<Instant>> time) {
    Instant max = null;
    for (T r : records) {
      Instant t = time.apply(r).orElse(null);
      if (t != null && (max == null || t.isAfter(max))) {
        max = t;
      }
    }
    return max;
  }
}
