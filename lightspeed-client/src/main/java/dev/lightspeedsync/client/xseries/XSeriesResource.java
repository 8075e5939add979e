package dev.lightspeedsync.client.xseries;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.PaginationException;
import dev.lightspeedsync.client.internal.http.ApiResponse;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.PageCursor;
import dev.lightspeedsync.client.pagination.Paginated;
import dev.lightspeedsync.client.pagination.RejectedRecord;
import dev.lightspeedsync.client.xseries.query.XSeriesQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one X-Series resource (products, inventory, sales ...) of one retailer: lazy lists paged by
 * the global {@code version} cursor, and single records. Obtain it from {@link XSeriesClient}.
 * Immutable and thread-safe.
 *
 * <h2>How a list walks</h2>
 *
 * <ul>
 *   <li>Each page is {@code GET ...?after=V}; the next page starts after the page's
 *       {@code version.max}. The walk ends at the first page whose {@code data} is empty. A short
 *       page is not the end (the server may cap the page size), and a null {@code version.max} is
 *       legal: the next page starts after the higher of {@code version.max} and the page's highest
 *       record version. A page that carries no version at all, or nothing newer than the cursor (a
 *       repeated boundary record, or an endpoint that ignores {@code after} by design: a product's
 *       inventory, a consignment's products, products filtered by {@code sku} or {@code name}), ends
 *       the walk rather than asking for the same page again. A top-level list that answers a later
 *       page with records older than its cursor ignores {@code after}: that fails with a
 *       {@link dev.lightspeedsync.client.error.PaginationException} rather than ending early.
 *   <li>{@link Page#next()} holds the version to continue after ({@link #version(PageCursor)}
 *       reads it back). It is also the incremental bookmark: store it after each page you have
 *       processed and later read the changes with {@link #list(XSeriesQuery)} and
 *       {@link XSeriesQuery#changedAfter(long)}, or resume with {@link Paginated#startingAt}.
 *   <li>Versions are global and change on every update, so a record updated during a long walk
 *       moves behind the cursor and is read again on a later page, with a higher version. The
 *       later copy is the newer one: upsert by id keeping the highest {@code version()} and you end
 *       with each record exactly once, in its latest state. Within a page a repeated id keeps only
 *       its highest version, and records at or below the page's {@code after} (a server that
 *       repeats the boundary record, an overlapping resume) are dropped, so no (id, version) is
 *       delivered twice by one walk.
 *   <li>A record that does not decode is reported in {@link Page#rejected()} with its id; the rest
 *       of the page is returned.
 *   <li>Deleted records are included where the API offers {@code deleted=true}; see
 *       {@link XSeriesQuery}.
 * </ul>
 *
 * @param <T> the model type
 */
public final class XSeriesResource<T> {
  private static final Logger LOG = LoggerFactory.getLogger(XSeriesResource.class);

  private final XSeriesCalls calls;
  private final String path;
  private final Class<T> type;
  private final boolean offersDeleted;
  private final boolean hasSingle;

  XSeriesResource(XSeriesCalls calls, String path, Class<T> type, boolean offersDeleted, boolean hasSingle) {
    this.calls = calls;
    this.path = path;
    this.type = type;
    this.offersDeleted = offersDeleted;
    this.hasSingle = hasSingle;
  }

  /** The path of the list under {@code /api/2.0}, e.g. {@code products}. */
  public String path() {
    return path;
  }

  /** Whether this list offers {@code deleted=true}, so that it can return deleted records. */
  public boolean offersDeleted() {
    return offersDeleted;
  }

  /** Every record, from the first version; deleted ones included where the list offers it. */
  public Paginated<T> list() {
    return list(XSeriesQuery.all());
  }

  /**
   * The records {@code query} selects, fetched lazily page by page. No request is sent until
   * iteration starts.
   *
   * @throws IllegalArgumentException when the query asks for deleted records on a list that does
   *     not offer them
   */
  public Paginated<T> list(XSeriesQuery query) {
    Objects.requireNonNull(query, "query == null");
    if (query.includeDeleted().orElse(false) && !offersDeleted) {
      throw new IllegalArgumentException("GET /" + path + " offers no 'deleted' parameter, so deleted records cannot "
          + "be listed; leave includeDeleted unset (deletions are seen only where the API offers it)");
    }
    return Paginated.of(cursor -> fetchPage(query, cursor));
  }

  /**
   * One record by id ({@code GET /{path}/{id}}).
   *
   * @throws dev.lightspeedsync.client.error.NotFoundException when there is no such record
   * @throws UnsupportedOperationException when the API has no single-record endpoint for this list
   */
  public T get(String id) {
    Objects.requireNonNull(id, "id == null");
    if (!hasSingle) {
      throw new UnsupportedOperationException("GET /" + path + "/{id} does not exist in API 2.0; walk the list instead");
    }
    if (id.isBlank()) {
      throw new IllegalArgumentException("id is blank");
    }
    HttpUrl url = calls.v20.newBuilder().addPathSegments(path).addPathSegment(id).build();
    RequestSpec spec = new RequestSpec("GET", url, null, BigDecimal.ONE, "GET " + path + " one", true);
    return calls.record(calls.execute(spec).body(), type, spec);
  }

  /**
   * The version a cursor of this client's lists stands for: the bookmark to store and to pass to
   * {@link XSeriesQuery#changedAfter(long)}.
   *
   * @throws IllegalArgumentException when the cursor is not an X-Series version cursor
   */
  public static long version(PageCursor cursor) {
    Objects.requireNonNull(cursor, "cursor == null");
    try {
      long v = Long.parseLong(cursor.asString());
      if (v < 0) {
        throw new NumberFormatException("negative");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the cursor is not an X-Series version cursor (a non-negative number): "
          + cursor.asString(), e);
    }
  }

  private Page<T> fetchPage(XSeriesQuery query, @Nullable PageCursor cursor) {
    long after = cursor == null ? query.after() : version(cursor);
    HttpUrl url = listUrl(query, after);
    RequestSpec spec = new RequestSpec("GET", url, null, BigDecimal.ONE, "GET " + path + " list", true);
    ApiResponse response = calls.execute(spec);
    JsonNode root = response.body();
    if (!root.isObject()) {
      throw new DecodingException(spec.describe() + " answered HTTP " + response.status() + " with a JSON "
          + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " at the root, not a list page "
          + "({\"data\":[...],\"version\":{...}})", response.status(), null, null, false, null);
    }
    JsonNode data = root.get("data");
    if (data == null && root.isObject() && root.size() > 0) {
      throw new DecodingException(spec.describe() + " returned no 'data' list but '" + root.fieldNames().next() + "'",
          200, null, null, false, null);
    }
    if (data == null || data.isNull() || data.isEmpty()) {
      return Page.of(List.of(), cursor, null);
    }
    if (!data.isArray()) {
      throw new DecodingException(spec.describe() + " returned a 'data' that is not a list", 200, null, null, false, null);
    }
    Long max = number(root.path("version").get("max"));
    Long highest = null;
    // Within the page, an id that appears twice keeps its highest version.
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    List<JsonNode> withoutId = new ArrayList<>();
    int dropped = 0;
    int older = 0;
    for (JsonNode node : data) {
      Long v = number(node.get("version"));
      if (v != null) {
        highest = highest == null ? v : Math.max(highest, v);
        if (v < after) {
          older++;
        }
        if (v <= after) {
          dropped++;
          continue; // at or behind the cursor: already delivered by the page before
        }
      }
      String id = text(node.get("id"));
      if (id == null) {
        withoutId.add(node);
        continue;
      }
      JsonNode seen = byId.get(id);
      if (seen == null) {
        byId.put(id, node);
      } else {
        Long sv = number(seen.get("version"));
        if (v != null && (sv == null || v > sv)) {
          byId.remove(id);
          byId.put(id, node); // the newer copy takes the later place
        }
        dropped++;
      }
    }
    List<T> items = new ArrayList<>(byId.size() + withoutId.size());
    List<RejectedRecord> rejected = new ArrayList<>();
    for (JsonNode node : byId.values()) {
      decodeInto(node, items, rejected);
    }
    for (JsonNode node : withoutId) {
      decodeInto(node, items, rejected);
    }
    Long next = max;
    if (highest != null && (next == null || highest > next)) {
      next = highest;
    }
    if (next == null) {
      LOG.debug("{} returned records without any version; the walk cannot continue by version and ends here",
          spec.describe());
    } else if (next <= after) {
      if (older > 0 && cursor != null && pagesByVersion(query)) {
        // A version list answering a later page with records older than its cursor ignores 'after':
        // ending here would silently drop the rest of the list, asking again would loop.
        throw new PaginationException(spec.describe() + " answered after=" + after + " with " + older
            + " record(s) older than that version and none newer: the server ignores the version cursor. The walk "
            + "stops instead of ending early or asking for the same page forever; keep your last stored bookmark "
            + "and resume from it once the server pages correctly", "after=" + after, null);
      }
      // Nothing on the page is newer than the cursor (an endpoint that ignores 'after' by design, such
      // as a product's inventory or a products list filtered by sku, or a repeated boundary record):
      // asking again would return the same page, so the walk ends here.
      LOG.debug("{} returned nothing newer than after={}; the walk ends here", spec.describe(), after);
      next = null;
    }
    if (dropped > 0) {
      LOG.debug("{}: {} repeated record(s) dropped", spec.describe(), dropped);
    }
    return Page.of(items, cursor, next == null ? null : PageCursor.parse(Long.toString(next)), rejected);
  }

  /**
   * Whether this list must honour {@code after}: top-level lists do; nested ones (a product's
   * inventory, a consignment's products) and products filtered by {@code sku} or {@code name}
   * (which override every other parameter) answer in one page whatever the cursor.
   */
  private boolean pagesByVersion(XSeriesQuery query) {
    if (path.contains("/")) {
      return false;
    }
    Map<String, String> f = query.filters();
    return !(f.containsKey("sku") || f.containsKey("name") || f.containsKey("family_name"));
  }

  private void decodeInto(JsonNode node, List<T> items, List<RejectedRecord> rejected) {
    try {
      items.add(calls.mapper.treeToValue(node, type));
    } catch (Exception e) {
      String id = text(node.get("id"));
      rejected.add(RejectedRecord.of(id, type.getSimpleName() + " could not be read: " + XSeriesCalls.reason(e)));
    }
  }

  private HttpUrl listUrl(XSeriesQuery query, long after) {
    HttpUrl.Builder b = calls.v20.newBuilder().addPathSegments(path);
    b.addQueryParameter("after", Long.toString(after));
    OptionalLong before = query.before();
    if (before.isPresent()) {
      b.addQueryParameter("before", Long.toString(before.getAsLong()));
    }
    query.pageSize().ifPresent(n -> b.addQueryParameter("page_size", Integer.toString(n)));
    if (offersDeleted && query.includeDeleted().orElse(true)) {
      b.addQueryParameter("deleted", "true");
    }
    query.filters().forEach(b::addQueryParameter);
    return b.build();
  }

  private static @Nullable Long number(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isTextual() && node.asText().trim().matches("[0-9]{1,18}")) {
      return Long.parseLong(node.asText().trim());
    }
    return null;
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    String s = node.asText();
    return s.isBlank() ? null : s;
  }

  @Override
  public String toString() {
    return "XSeriesResource{" + path + "}";
  }
}
