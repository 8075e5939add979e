package dev.lightspeedsync.client.internal.retail;

import dev.lightspeedsync.client.retail.query.Filter;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Builds R-Series URLs with exact encoding: operators and commas percent-encoded as the docs ask,
 * {@code +} in dates as {@code %2B} (never a space), {@code load_relations} as a JSON array. Pure.
 */
public final class QueryEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private QueryEncoding() {}

  /** Percent-encodes everything except RFC 3986 unreserved characters and {@code !}. */
  public static String encode(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 16);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '!') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  /** {@code ["A","B"]}: the JSON array form {@code load_relations} requires. */
  public static String relationsJson(List<String> relations) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < relations.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(relations.get(i)).append('"');
    }
    return sb.append(']').toString();
  }

  /** The list URL of {@code resource} for {@code query}. */
  public static HttpUrl listUrl(HttpUrl accountUrl, String resource, RetailQuery query) {
    HttpUrl.Builder b = accountUrl.newBuilder().addPathSegment(resource + ".json");
    addCommon(b, query.relations(), query.archived().wireValue());
    for (Filter f : query.filters()) {
      b.addEncodedQueryParameter(encode(f.field()), encode(f.expression()));
    }
    for (List<Filter> group : query.orGroups()) {
      b.addEncodedQueryParameter("or", orValue(group));
    }
    query.sort().ifPresent(s -> b.addEncodedQueryParameter("sort", encode(s)));
    b.addEncodedQueryParameter("limit", Integer.toString(query.limit()));
    return b.build();
  }

  /** The count URL: the same filters with {@code count=1} and no sort, limit or cursor. */
  public static HttpUrl countUrl(HttpUrl accountUrl, String resource, RetailQuery query) {
    HttpUrl.Builder b = accountUrl.newBuilder().addPathSegment(resource + ".json");
    addCommon(b, List.of(), query.archived().wireValue());
    for (Filter f : query.filters()) {
      b.addEncodedQueryParameter(encode(f.field()), encode(f.expression()));
    }
    for (List<Filter> group : query.orGroups()) {
      b.addEncodedQueryParameter("or", orValue(group));
    }
    b.addEncodedQueryParameter("count", "1");
    return b.build();
  }

  /** The URL of one record. */
  public static HttpUrl recordUrl(HttpUrl accountUrl, String resource, long id, List<String> relations) {
    HttpUrl.Builder b = accountUrl.newBuilder().addPathSegment(resource).addPathSegment(id + ".json");
    if (!relations.isEmpty()) {
      b.addEncodedQueryParameter("load_relations", encode(relationsJson(relations)));
    }
    return b.build();
  }

  private static void addCommon(HttpUrl.Builder b, List<String> relations, String archived) {
    if (!relations.isEmpty()) {
      b.addEncodedQueryParameter("load_relations", encode(relationsJson(relations)));
    }
    if (!"false".equals(archived)) {
      b.addEncodedQueryParameter("archived", archived);
    }
  }

  /** {@code a%3D...|b%3D...}: each alternative encoded, joined by a literal pipe. */
  static String orValue(List<Filter> group) {
    StringBuilder sb = new StringBuilder();
    for (Filter f : group) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(encode(f.field())).append("%3D").append(encode(f.expression()));
    }
    return sb.toString();
  }
}
