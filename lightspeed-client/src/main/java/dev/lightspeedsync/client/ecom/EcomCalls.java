package dev.lightspeedsync.client.ecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.NotFoundException;
import dev.lightspeedsync.client.internal.http.ApiResponse;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.internal.http.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.lightspeedsync.client.pagination.RejectedRecord;
import okhttp3.HttpUrl;

/**
 * What every eCom call shares: the transport, the mapper, the language URL, the translation of
 * generic errors into eCom-specific ones, and envelope unwrapping. Thread-safe.
 */
final class EcomCalls {
  final Transport transport;
  final ObjectMapper mapper;
  final HttpUrl languageUrl;
  final String language;

  EcomCalls(Transport transport, ObjectMapper mapper, HttpUrl languageUrl, String language) {
    this.transport = transport;
    this.mapper = mapper;
    this.languageUrl = languageUrl;
    this.language = language;
  }

  ApiResponse execute(RequestSpec spec) {
    try {
      return transport.execute(spec);
    } catch (AuthenticationException e) {
      String hint = e.statusCode() == 403
          ? "the API key lacks the permission for this call; grant it in the shop's back office (Settings > Developers)"
          : "Lightspeed eCom refused the API key and secret; check that the key is enabled in the back office "
              + "(Settings > Developers) and that key and secret belong together (for an app-store app the secret is "
              + "md5(shop access token + app secret))";
      throw new AuthenticationException(spec.describe() + " failed with HTTP " + e.statusCode()
          + e.apiMessage().map(m -> " (" + m + ")").orElse("") + ": " + hint,
          e.statusCode(), e.requestId().orElse(null), e.apiMessage().orElse(null), false, null);
    } catch (NotFoundException e) {
      String api = e.apiMessage().orElse("");
      if (api.toLowerCase(Locale.ROOT).contains("language")) {
        throw new InactiveLanguageException("the shop language '" + language + "' is unknown or not active in this shop ("
            + spec.describe() + " answered HTTP 404: " + api + "). Build the client with one of the shop's active "
            + "language codes (its language.code values such as nl, en or us, listed by GET /{lang}/languages.json)",
            language, e.statusCode(), e.requestId().orElse(null), api, e);
      }
      throw e;
    }
  }

  /** A decoded list page: the records that decoded, those that did not, and every record's raw id in order. */
  record Decoded<T>(List<T> items, List<RejectedRecord> rejected, List<Long> ids) {
    int size() {
      return items.size() + rejected.size();
    }
  }

  /**
   * The records of a list page under the plural envelope key. A body that is not an object, or an
   * object without the key but with other keys, is a {@link DecodingException}; a missing,
   * {@code false} or {@code ""} list on an otherwise empty body is an empty page. A record that does
   * not decode is rejected with its id and the reason; the rest of the page is returned.
   */
  <T> Decoded<T> page(ApiResponse response, String key, Class<T> type, RequestSpec spec) {
    JsonNode root = response.body();
    int status = response.status();
    String expected = " (an eCom list page is {\"" + key + "\":[...]})";
    if (!root.isObject()) {
      throw new DecodingException(spec.describe() + " answered HTTP " + status + " with a JSON "
          + root.getNodeType().name().toLowerCase(Locale.ROOT) + " at the root, not a list page" + expected,
          status, null, null, false, null);
    }
    JsonNode node = root.get(key);
    List<T> items = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    if (node == null && root.size() > 0) {
      throw new DecodingException(spec.describe() + " answered HTTP " + status + " with '"
          + bounded(root.fieldNames().next()) + "' where the list of " + key + " was expected" + expected,
          status, null, null, false, null);
    }
    if (node == null || node.isNull() || node.isBoolean() || (node.isTextual() && node.asText().isBlank())) {
      return new Decoded<>(items, rejected, ids);
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        decodeInto(element, key, type, items, rejected, ids);
      }
    } else if (node.isObject()) {
      decodeInto(node, key, type, items, rejected, ids);
    } else {
      throw new DecodingException(spec.describe() + " answered HTTP " + status + " with a '" + key
          + "' that is neither a record nor a list of records" + expected, status, null, null, false, null);
    }
    return new Decoded<>(items, rejected, ids);
  }

  private <T> void decodeInto(JsonNode element, String key, Class<T> type, List<T> items,
      List<RejectedRecord> rejected, List<Long> ids) {
    JsonNode id = element.get("id");
    Long rawId = id != null && (id.isIntegralNumber() || id.asText().trim().matches("[0-9]{1,18}"))
        ? Long.valueOf(id.asText().trim()) : null;
    ids.add(rawId);
    try {
      items.add(mapper.treeToValue(element, type));
    } catch (Exception e) {
      String idText = rawId != null ? rawId.toString()
          : id != null && id.isValueNode() && !id.asText().isBlank() ? bounded(id.asText()) : null;
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      int nl = m.indexOf('\n');
      rejected.add(RejectedRecord.of(idText, type.getSimpleName() + " could not be read: "
          + bounded(nl > 0 ? m.substring(0, nl) : m)));
    }
  }

  private static String bounded(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** The record under the singular envelope key. */
  <T> T record(JsonNode root, String key, Class<T> type, RequestSpec spec) {
    JsonNode node = root.get(key);
    if (node == null || !node.isObject()) {
      throw new DecodingException(spec.describe() + " returned no '" + key + "' object in its body", 200, null, null,
          false, null);
    }
    try {
      return mapper.treeToValue(node, type);
    } catch (Exception e) {
      throw decoding(spec, key, e);
    }
  }

  /** The {@code count} of a {@code count.json} response. */
  long count(JsonNode root, RequestSpec spec) {
    JsonNode count = root.get("count");
    if (count == null || !(count.isIntegralNumber() || count.asText().trim().matches("[0-9]+"))) {
      throw new DecodingException(spec.describe() + " returned no numeric count", 200, null, null, false, null);
    }
    return count.asLong();
  }

  static DecodingException decoding(RequestSpec spec, String key, Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return new DecodingException(spec.describe() + " returned a '" + key + "' that could not be read: "
        + (nl > 0 ? m.substring(0, nl) : m), 200, null, null, false, e);
  }
}
