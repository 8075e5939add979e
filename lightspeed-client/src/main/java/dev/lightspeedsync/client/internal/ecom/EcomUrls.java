package dev.lightspeedsync.client.internal.ecom;

import dev.lightspeedsync.client.ecom.EcomQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** Builds eCom URLs: {@code {origin}/{lang}/{path}.json?query}. Pure. */
public final class EcomUrls {
  private static final DateTimeFormatter FILTER_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private EcomUrls() {}

  /** {@code 2026-11-23 10:00:00}: the filter format, in UTC. */
  public static String filterTime(Instant t) {
    return FILTER_TIME.format(t);
  }

  /** The URL of {@code path} ({@code products}, {@code orders/5/products}) with {@code .json} appended. */
  public static HttpUrl resource(HttpUrl languageUrl, String path) {
    return languageUrl.newBuilder().addPathSegments(path + ".json").build();
  }

  /**
   * A list URL: the query's filters plus the given paging. {@code page} null omits it;
   * {@code sinceId} overrides the query's own; {@code extraField} is added to a non-empty field list.
   */
  public static HttpUrl list(HttpUrl languageUrl, String path, EcomQuery q, @Nullable Integer page,
      @Nullable Long sinceId, @Nullable String extraField) {
    HttpUrl.Builder b = resource(languageUrl, path).newBuilder();
    filters(b, q, sinceId);
    if (!q.fields().isEmpty()) {
      List<String> fields = q.fields();
      String joined = String.join(",", fields);
      if (extraField != null && !fields.contains(extraField)) {
        joined = extraField + "," + joined;
      }
      // Names are validated [A-Za-z0-9_]; the comma stays literal, as clients of this API send it.
      b.addEncodedQueryParameter("fields", joined);
    }
    if (page != null) {
      b.addQueryParameter("page", Integer.toString(page));
    }
    b.addQueryParameter("limit", Integer.toString(q.limit()));
    return b.build();
  }

  /** The count URL {@code {path}/count.json} with the query's filters. */
  public static HttpUrl count(HttpUrl languageUrl, String path, EcomQuery q) {
    HttpUrl.Builder b = resource(languageUrl, path + "/count").newBuilder();
    filters(b, q, null);
    return b.build();
  }

  private static void filters(HttpUrl.Builder b, EcomQuery q, @Nullable Long sinceId) {
    Long since = sinceId != null ? sinceId : q.sinceId().orElse(null);
    if (since != null) {
      b.addQueryParameter("since_id", Long.toString(since));
    }
    q.createdAtMin().ifPresent(t -> b.addQueryParameter("created_at_min", filterTime(t)));
    q.createdAtMax().ifPresent(t -> b.addQueryParameter("created_at_max", filterTime(t)));
    q.updatedAtMin().ifPresent(t -> b.addQueryParameter("updated_at_min", filterTime(t)));
    q.updatedAtMax().ifPresent(t -> b.addQueryParameter("updated_at_max", filterTime(t)));
    for (Map.Entry<String, String> f : q.filters().entrySet()) {
      b.addQueryParameter(f.getKey(), f.getValue());
    }
  }
}
