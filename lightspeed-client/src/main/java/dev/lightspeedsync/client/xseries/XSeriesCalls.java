package dev.lightspeedsync.client.xseries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.internal.http.ApiResponse;
import dev.lightspeedsync.client.internal.http.RequestSpec;
import dev.lightspeedsync.client.internal.http.Transport;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * What every X-Series call shares: the transport, the mapper, the URLs of the API versions, the
 * translation of auth errors into X-Series advice, and {@code data} unwrapping. Thread-safe.
 */
final class XSeriesCalls {
  final Transport transport;
  final ObjectMapper mapper;
  /** {@code {origin}/api/2.0/}: reads and most writes. */
  final HttpUrl v20;
  /** {@code {origin}/api/2.1/}: product and inventory writes. */
  final HttpUrl v21;
  /** {@code {origin}/api/}: the legacy (0.9) register_sales. */
  final HttpUrl legacy;
  final boolean personalToken;

  XSeriesCalls(Transport transport, ObjectMapper mapper, HttpUrl origin, boolean personalToken) {
    this.transport = transport;
    this.mapper = mapper;
    this.v20 = origin.newBuilder().addPathSegments("api/2.0/").build();
    this.v21 = origin.newBuilder().addPathSegments("api/2.1/").build();
    this.legacy = origin.newBuilder().addPathSegments("api/").build();
    this.personalToken = personalToken;
  }

  ApiResponse execute(RequestSpec spec) {
    try {
      return transport.execute(spec);
    } catch (AuthenticationException e) {
      if (e.statusCode() != 401 && e.statusCode() != 403) {
        throw e;
      }
      String hint = e.statusCode() == 403
          ? "the token lacks the permission (scope) for this call; grant it to the app or use a token of a user who has it"
          : personalToken
              ? "Lightspeed refused the personal token; it may have been revoked or expired: create a new one in the "
                  + "X-Series web app (Setup > Personal tokens) of this retailer"
              : "Lightspeed refused the access token even after a refresh; re-authorise the connection";
      throw new AuthenticationException(spec.describe() + " failed with HTTP " + e.statusCode()
          + e.apiMessage().map(m -> " (" + m + ")").orElse("") + ": " + hint,
          e.statusCode(), e.requestId().orElse(null), e.apiMessage().orElse(null), false, e);
    }
  }

  /** The object under {@code data}, decoded. */
  <T> T record(JsonNode root, Class<T> type, RequestSpec spec) {
    JsonNode node = root.get("data");
    if (node == null || !node.isObject()) {
      throw new DecodingException(spec.describe() + " returned no 'data' object in its body", 200, null, null,
          !spec.method().equals("GET"), null);
    }
    return decode(node, type, spec);
  }

  /** The elements of {@code data} (or of a bare array), decoded; a null or missing list is empty. */
  <T> List<T> records(JsonNode root, Class<T> type, RequestSpec spec) {
    JsonNode node = root.isArray() ? root : root.get("data");
    List<T> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new DecodingException(spec.describe() + " returned a 'data' that is not a list", 200, null, null, false, null);
    }
    for (JsonNode element : node) {
      out.add(decode(element, type, spec));
    }
    return out;
  }

  <T> T decode(JsonNode node, Class<T> type, RequestSpec spec) {
    try {
      return mapper.treeToValue(node, type);
    } catch (Exception e) {
      throw new DecodingException(spec.describe() + " returned a " + type.getSimpleName() + " that could not be read: "
          + reason(e), 200, null, null, !spec.method().equals("GET"), e);
    }
  }

  static String reason(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    m = nl > 0 ? m.substring(0, nl) : m;
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }
}
