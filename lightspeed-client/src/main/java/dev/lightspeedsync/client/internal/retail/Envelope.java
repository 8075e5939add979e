package dev.lightspeedsync.client.internal.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.pagination.RejectedRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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

  /** The records of a list page that decoded, and those that did not (with their ids and reasons). */
  public record Decoded<T>(List<T> items, List<RejectedRecord> rejected) {}

  /**
   * The records of a list page. The body must be a list page ({@code {"@attributes":{...}}} with
   * at most the resource key beside it); anything else is a {@link DecodingException}, not an
   * empty page. A record that does not decode is rejected with its id (the {@code xxxID} field)
   * and the reason, and the rest of the page is returned.
   */
  public static <T> Decoded<T> page(ObjectMapper mapper, JsonNode root, String key, Class<T> type, RequestSpec spec,
      int status) {
    String expected = " (an R-Series list page is {\"@attributes\":{...},\"" + key + "\":[...]})";
    if (!root.isObject()) {
      throw new DecodingException(spec.describe() + " answered HTTP " + status + " with a JSON "
          + root.getNodeType().name().toLowerCase(Locale.ROOT) + " at the root, not a list page" + expected,
          status, null, null, false, null);
    }
    if (!root.path("@attributes").isObject()) {
      throw new DecodingException(spec.describe() + " answered HTTP " + status + " without '@attributes', so it is not "
          + "a list page" + expected, status, null, null, false, null);
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("@attributes") && !name.equals(key)) {
        throw new DecodingException(spec.describe() + " answered HTTP " + status + " with '" + bounded(name)
            + "' where the list of " + key + " was expected" + expected, status, null, null, false, null);
      }
    }
    JsonNode node = root.get(key);
    List<T> items = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      return new Decoded<>(items, rejected);
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        decodeInto(mapper, element, key, type, items, rejected);
      }
    } else if (node.isObject()) {
      decodeInto(mapper, node, key, type, items, rejected);
    } else {
      throw new DecodingException(spec.describe() + " answered HTTP " + status + " with a '" + key + "' that is neither "
          + "a record nor a list of records" + expected, status, null, null, false, null);
    }
    return new Decoded<>(items, rejected);
  }

  private static <T> void decodeInto(ObjectMapper mapper, JsonNode element, String key, Class<T> type, List<T> items,
      List<RejectedRecord> rejected) {
    try {
      items.add(mapper.treeToValue(element, type));
    } catch (Exception e) {
      String idField = Character.toLowerCase(key.charAt(0)) + key.substring(1) + "ID";
      JsonNode id = element.get(idField);
      String idText = id != null && id.isValueNode() && !id.asText().isBlank() ? bounded(id.asText()) : null;
      rejected.add(RejectedRecord.of(idText, key + " could not be read: " + bounded(conciseMessage(e))));
    }
  }

  private static String bounded(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
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
