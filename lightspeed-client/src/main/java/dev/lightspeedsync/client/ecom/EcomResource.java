package dev.lightspeedsync.client.ecom;

import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.internal.ecom.EcomUrls;
import dev.lightspeedsync.client.internal.http.ApiResponse;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.PageCursor;
import dev.lightspeedsync.client.pagination.Paginated;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Reads one eCom resource (products, variants, orders ...) of one shop language: lazy lists, single
 * records and counts. Obtain it from {@link EcomClient}. Immutable and thread-safe.
 *
 * <h2>Which walk to use</h2>
 *
 * <ul>
 *   <li>{@link #walkById(EcomQuery)} pages by id ({@code since_id} = the highest id seen so far).
 *       Inserts and deletes during the walk cannot shift records between pages, so nothing is
 *       skipped or read twice, and the cursor (the last id) stays valid for days. <b>Use it for full
 *       syncs, id reconciliation and any long walk</b>, also combined with
 *       {@code updatedAtMin} for incremental syncs.
 *   <li>{@link #list(EcomQuery)} pages by number ({@code page=1,2,...}). While data changes, a
 *       record deleted from an earlier page shifts the rest back (one is skipped) and one inserted
 *       shifts them forward (one is read twice); deep pages may also be capped by the server. Use
 *       it for short lists, for resources that may not honour {@code since_id} (nested ones such as
 *       an order's products), or when the API's own order matters.
 * </ul>
 *
 * <p>Both stop at the first page holding fewer than {@link EcomQuery#limit()} records (eCom sends
 * no paging metadata), hold one page in memory at a time, and send nothing until iterated. A record
 * that does not decode is reported in {@link Page#rejected()} with its id (and still counts for the
 * page size and the id walk); a body that is not a list page fails with a
 * {@link dev.lightspeedsync.client.error.DecodingException}.
 *
 * @param <T> the model type
 */
public final class EcomResource<T> {
  private static final String PAGE = "page:";
  private static final String SINCE = "since_id:";

  private final EcomCalls calls;
  private final String path;
  private final String listKey;
  private final String recordKey;
  private final Class<T> type;
  private final ToLongFunction<T> idOf;

  EcomResource(EcomCalls calls, String path, String listKey, String recordKey, Class<T> type, ToLongFunction<T> idOf) {
    this.calls = calls;
    this.path = path;
    this.listKey = listKey;
    this.recordKey = recordKey;
    this.type = type;
    this.idOf = idOf;
  }

  /** The resource path after the language, e.g. {@code products} or {@code orders/55/products}. */
  public String path() {
    return path;
  }

  /**
   * The records matching {@code query}, walked by page number (see the class comment for when to
   * prefer {@link #walkById(EcomQuery)}). Cursors are {@code page:N}.
   */
  public Paginated<T> list(EcomQuery query) {
    Objects.requireNonNull(query, "query == null");
    return Paginated.of(cursor -> fetchByPage(query, cursor));
  }

  /** Every record, walked by page number. */
  public Paginated<T> list() {
    return list(EcomQuery.all());
  }

  /**
   * The records matching {@code query} in ascending id order, walked with {@code since_id}: each
   * page asks for ids above the highest id of the page before. A {@link EcomQuery#sinceId()} in the
   * query is the starting point. Cursors are {@code since_id:N}; a stored cursor resumes after
   * record N even days later.
   */
  public Paginated<T> walkById(EcomQuery query) {
    Objects.requireNonNull(query, "query == null");
    return Paginated.of(cursor -> fetchById(query, cursor));
  }

  /** Every record in ascending id order, walked with {@code since_id}. */
  public Paginated<T> walkById() {
    return walkById(EcomQuery.all());
  }

  /**
   * The ids of the records matching {@code query}'s filters, in ascending order: a
   * {@link #walkById(EcomQuery)} with {@code fields=id}, so each page is a few bytes per record.
   * Compare them with the ids a host holds to find deleted records (eCom has no tombstones);
   * {@link #count(EcomQuery)} tells cheaply whether anything changed at all. Cursors are those of
   * {@link #walkById(EcomQuery)}.
   */
  public Paginated<Long> walkIds(EcomQuery query) {
    Objects.requireNonNull(query, "query == null");
    EcomQuery ids = query.withOnlyFields("id");
    return Paginated.of(cursor -> {
      Page<T> page = fetchById(ids, cursor);
      List<Long> out = new java.util.ArrayList<>(page.items().size());
      for (T record : page.items()) {
        out.add(idOf.applyAsLong(record));
      }
      return Page.of(out, page.cursor().orElse(null), page.next().orElse(null), page.rejected());
    });
  }

  /** Every id, ascending, walked with {@code since_id} and {@code fields=id}. */
  public Paginated<Long> walkIds() {
    return walkIds(EcomQuery.all());
  }

  /**
   * One record by id.
   *
   * @throws dev.lightspeedsync.client.error.NotFoundException when there is no such record
   */
  public T get(long id) {
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive but was " + id);
    }
    HttpUrl url = EcomUrls.resource(calls.languageUrl, path + "/" + id);
    RequestSpec spec = new RequestSpec("GET", url, null, BigDecimal.ONE, "GET " + path + " one", true);
    return calls.record(calls.execute(spec).body(), recordKey, type, spec);
  }

  /** The number of records matching {@code query}'s filters ({@code {path}/count.json}). */
  public long count(EcomQuery query) {
    Objects.requireNonNull(query, "query == null");
    HttpUrl url = EcomUrls.count(calls.languageUrl, path, query);
    RequestSpec spec = new RequestSpec("GET", url, null, BigDecimal.ONE, "GET " + path + " count", true);
    return calls.count(calls.execute(spec).body(), spec);
  }

  /** The number of records. */
  public long count() {
    return count(EcomQuery.all());
  }

  private Page<T> fetchByPage(EcomQuery query, @Nullable PageCursor cursor) {
    int page = cursor == null ? 1 : (int) Math.min(Integer.MAX_VALUE, parse(cursor, PAGE, "list()"));
    HttpUrl url = EcomUrls.list(calls.languageUrl, path, query, page, null, "id");
    EcomCalls.Decoded<T> records = fetch(url, "list");
    boolean last = records.size() < query.limit();
    return Page.of(records.items(), cursor, last ? null : PageCursor.parse(PAGE + (page + 1)), records.rejected());
  }

  private Page<T> fetchById(EcomQuery query, @Nullable PageCursor cursor) {
    long since = cursor == null ? query.sinceId().orElse(0L) : parse(cursor, SINCE, "walkById()");
    HttpUrl url = EcomUrls.list(calls.languageUrl, path, query, null, since, "id");
    EcomCalls.Decoded<T> records = fetch(url, "walk");
    long max = since;
    // every record's id counts, also those that did not decode: the walk must pass them too
    for (Long raw : records.ids()) {
      if (raw == null) {
        continue;
      }
      long id = raw;
      if (id <= max) {
        // Ids at or below since_id, or out of ascending order: continuing from the highest id could
        // silently skip records, so stop loudly instead.
        throw new DecodingException("GET " + url.encodedPath() + " with since_id=" + since + " returned id " + id
            + (id <= since ? " (since_id was ignored)" : " out of ascending order")
            + "; walk this resource with list() instead", 200, null, null, false, null);
      }
      max = id;
    }
    boolean last = records.size() < query.limit();
    return Page.of(records.items(), cursor, last ? null : PageCursor.parse(SINCE + max), records.rejected());
  }

  private EcomCalls.Decoded<T> fetch(HttpUrl url, String kind) {
    RequestSpec spec = new RequestSpec("GET", url, null, BigDecimal.ONE, "GET " + path + " " + kind, true);
    ApiResponse response = calls.execute(spec);
    return calls.page(response, listKey, type, spec);
  }

  private long parse(PageCursor cursor, String prefix, String walk) {
    String s = cursor.asString();
    if (s.startsWith(prefix)) {
      try {
        long v = Long.parseLong(s.substring(prefix.length()));
        if (v >= 0) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("the cursor '" + s + "' does not belong to " + walk + " of " + path
        + "; pass a cursor saved from the same walk");
  }

  @Override
  public String toString() {
    return "EcomResource{" + path + "}";
  }
}
