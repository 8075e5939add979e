package dev.lightspeedsync.client.retail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.internal.http.ApiResponse;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.internal.retail.Envelope;
import dev.lightspeedsync.client.internal.retail.QueryEncoding;
import dev.lightspeedsync.client.internal.retail.RetailCosts;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.PageCursor;
import dev.lightspeedsync.client.pagination.Paginated;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Reads one R-Series resource (Item, Sale, Shop ...) of one account: lazy lists, single records and
 * counts. Obtain it from {@link RetailClient}. Immutable and thread-safe.
 *
 * @param <T> the model type
 */
public final class RetailResource<T> {
  private final Function<RequestSpec, ApiResponse> transport;
  private final ObjectMapper mapper;
  private final HttpUrl accountUrl;
  private final String resource;
  private final String key;
  private final Class<T> type;

  RetailResource(Function<RequestSpec, ApiResponse> transport, ObjectMapper mapper, HttpUrl accountUrl, String resource, String key, Class<T> type) {
    this.transport = transport;
    this.mapper = mapper;
    this.accountUrl = accountUrl;
    this.resource = resource;
    this.key = key;
    this.type = type;
  }

  /** The resource name in the API path, e.g. {@code Item}. */
  public String name() {
    return resource;
  }

  /**
   * The records matching {@code query}, fetched lazily page by page by following each page's
   * {@code next} link exactly as Lightspeed returned it. No request is sent until iteration starts.
   * A record that does not decode is reported in {@link Page#rejected()} with its id and the rest
   * of the page is returned; a body that is not a list page at all fails with a
   * {@link dev.lightspeedsync.client.error.DecodingException}.
   */
  public Paginated<T> list(RetailQuery query) {
    Objects.requireNonNull(query, "query == null");
    HttpUrl first = QueryEncoding.listUrl(accountUrl, resource, query);
    BigDecimal cost = RetailCosts.list(query);
    String operationKey = "GET " + resource + " list " + query.relations() + " or" + query.orGroups().size();
    return Paginated.of(cursor -> fetchPage(first, cursor, cost, operationKey));
  }

  /** Every record that is not archived. */
  public Paginated<T> list() {
    return list(RetailQuery.all());
  }

  /**
   * One record by id, with the given relations loaded.
   *
   * @throws dev.lightspeedsync.client.error.NotFoundException when there is no such record
   */
  public T get(long id, String... relations) {
    List<String> rels = RetailQuery.builder().loadRelations(relations).build().relations();
    HttpUrl url = QueryEncoding.recordUrl(accountUrl, resource, id, rels);
    RequestSpec spec = new RequestSpec("GET", url, null, RetailCosts.single(rels), "GET " + resource + " one " + rels, true);
    ApiResponse response = transport.apply(spec);
    return Envelope.record(mapper, response.body(), key, type, spec);
  }

  /** The number of records matching {@code query}'s filters. Costs 10 drips: use sparingly. */
  public long count(RetailQuery query) {
    HttpUrl url = QueryEncoding.countUrl(accountUrl, resource, query);
    RequestSpec spec = new RequestSpec("GET", url, null, RetailCosts.count(), "GET " + resource + " count", true);
    return Envelope.count(transport.apply(spec).body(), spec);
  }

  private Page<T> fetchPage(HttpUrl first, @Nullable PageCursor cursor, BigDecimal cost, String operationKey) {
    HttpUrl url = cursor == null ? first : cursorUrl(cursor);
    RequestSpec spec = new RequestSpec("GET", url, null, cost, operationKey, true);
    ApiResponse response = transport.apply(spec);
    Envelope.Decoded<T> records = Envelope.page(mapper, response.body(), key, type, spec, response.status());
    PageCursor next = Envelope.next(response.body(), accountUrl, spec).map(this::relative).orElse(null);
    return Page.of(records.items(), cursor, next, records.rejected());
  }

  /**
   * The cursor of Lightspeed's {@code next} URL, without scheme, host and port ({@code
   * /ItemShop.json?after=...}), so that a saved cursor stays valid when the same account is reached
   * through another address (a proxy, a restarted test server on another port).
   */
  private PageCursor relative(HttpUrl next) {
    String path = next.encodedPath();
    String base = accountUrl.encodedPath();
    if (!path.startsWith(base)) {
      return PageCursor.parse(next.toString());
    }
    String query = next.encodedQuery();
    return PageCursor.parse(path.substring(base.length()) + (query == null ? "" : "?" + query));
  }

  /**
   * The URL of a saved cursor, always on this client's own origin. Absolute cursors saved by
   * earlier versions are accepted when their path is this account's; their host is not used.
   */
  private HttpUrl cursorUrl(PageCursor cursor) {
    String value = cursor.asString();
    HttpUrl url;
    if (value.startsWith("http://") || value.startsWith("https://")) {
      HttpUrl saved = HttpUrl.parse(value);
      url = saved == null || !saved.encodedPath().startsWith(accountUrl.encodedPath()) ? null
          : accountUrl.newBuilder().encodedPath(saved.encodedPath()).encodedQuery(saved.encodedQuery()).build();
    } else {
      url = value.startsWith("/") ? HttpUrl.parse(accountUrl + value) : null;
    }
    if (url == null || !url.encodedPath().startsWith(accountUrl.encodedPath())
        || !url.encodedPath().substring(accountUrl.encodedPath().length()).startsWith("/" + resource)) {
      throw new IllegalArgumentException("the cursor does not belong to this account's " + resource
          + " list; pass a cursor saved from the same client and resource");
    }
    return url;
  }

  @Override
  public String toString() {
    return "RetailResource{" + resource + "}";
  }
}
