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

  /** The records under the plural envelope key; a missing, {@code false} or {@code ""} list is empty. */
  <T> List<T> records(JsonNode root, String key, Class<T> type, RequestSpec spec) {
    JsonNode node = root.get(key);
    List<T> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isBoolean() || (node.isTextual() && node.asText().isBlank())) {
      if (node == null && root.size() > 0 && !root.has(key)) {
        throw new DecodingException(spec.describe() + " returned no '" + key + "' list but " + root.fieldNames().next(),
            200, null, null, false, null);
      }
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
      throw decoding(spec, key, e);
    }
    return out;
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
