package dev.lightspeedsync.client.internal.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Reads R-Series response envelopes: {@code {"@attributes":{...}, "Item": [...] | {...}}}. The
 * resource key may hold an array, a single object (one hit), or be missing (no hits); {@code next}
 * is a full URL or {@code ""}.
 */
public final class Envelope {
  private Envelope() {}

  /** The records under {@code key}, whatever their shape. */
  public static <T> List<T> records(ObjectMapper mapper, JsonNode root, String key, Class<T> type, RequestSpec spec) {
    JsonNode node = root.get(key);
    List<T> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isTextual()) {
      return out;
    }
    try {
      if (node.isArray()) {
        for (JsonNode element : node) {
          out.add(mapper.treeToValue(element, type));
        }
      } else if (node.isObject()) {
        out.add(mapper.treeToValue(node, type));
      }
    } catch (Exception e) {
      throw new DecodingException(spec.describe() + " returned a " + key + " that could not be read: "
          + conciseMessage(e), 200, null, null, false, e);
    }
    return out;
  }

  /** The single record under {@code key}; a decoding error if there is none. */
  public static <T> T record(ObjectMapper mapper, JsonNode root, String key, Class<T> type, RequestSpec spec) {
    List<T> records = records(mapper, root, key, type, spec);
    if (records.isEmpty()) {
      throw new DecodingException(spec.describe() + " returned no " + key + " in its body", 200, null, null,
          false, null);
    }
    return records.get(0);
  }

  /**
   * The {@code @attributes.next} URL, resolved against {@code base}; empty on the last page. A next
   * URL on another origin is refused: following it would send the bearer token elsewhere.
   */
  public static Optional<HttpUrl> next(JsonNode root, HttpUrl base, RequestSpec spec) {
    JsonNode next = root.path("@attributes").path("next");
    if (!next.isTextual() || next.asText().isBlank()) {
      return Optional.empty();
    }
    HttpUrl url = base.resolve(next.asText());
    if (url == null) {
      throw new DecodingException(spec.describe() + " returned a next link that is not a URL", 200, null, null, false, null);
    }
    if (!url.scheme().equals(base.scheme()) || !url.host().equals(base.host()) || url.port() != base.port()) {
      throw new DecodingException(spec.describe() + " returned a next link on another host (" + url.host()
          + "); refusing to send credentials there", 200, null, null, false, null);
    }
    return Optional.of(url);
  }

  /** The {@code @attributes.count} of a {@code count=1} response. */
  public static long count(JsonNode root, RequestSpec spec) {
    JsonNode count = root.path("@attributes").path("count");
    try {
      return Long.parseLong(count.asText().trim());
    } catch (NumberFormatException e) {
      throw new DecodingException(spec.describe() + " returned no numeric @attributes.count", 200, null, null, false, e);
    }
  }

  private static String conciseMessage(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }
}
