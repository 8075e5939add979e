package dev.lightspeedsync.client.pagination;

import org.jspecify.annotations.Nullable;

/**
 * Fetches one page of a list. The clients implement it for each API's pagination style; hosts
 * rarely need to, except to build a {@link Paginated} over their own data in tests.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface PageFetcher<T> {
  /** Fetches the page at {@code cursor}, or the first page when {@code cursor} is null. */
  Page<T> fetch(@Nullable PageCursor cursor);
}
