package dev.lightspeedsync.client.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.error.NotFoundException;
import dev.lightspeedsync.client.error.RateLimitedException;
import dev.lightspeedsync.client.error.ServerException;
import dev.lightspeedsync.client.error.ValidationException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns a non-2xx response into the matching typed exception. Pure. */
public final class ErrorMapper {
  private static final int MAX_MESSAGE = 300;
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private ErrorMapper() {}

  /**
   * The exception for a non-2xx response.
   *
   * @param body the error body as text (may be JSON sent as text/html), or null
   * @param retryAfter the wait asked by a 429, or null
   */
  public static LightspeedException map(
      RequestSpec spec, int status, @Nullable String requestId, @Nullable String body, @Nullable Duration retryAfter) {
    String apiMessage = apiMessage(body);
    String message =
        spec.describe() + " failed with HTTP " + status
            + (apiMessage == null ? "" : ": " + apiMessage)
            + (requestId == null ? "" : " (Cf-Ray " + requestId + ")");
    if (status == 401 || status == 403) {
      return new AuthenticationException(message
          + (status == 401 ? ". The access token was refused; re-authorise the connection." : ". The token lacks the scope for this call."),
          status, requestId, apiMessage, false, null);
    }
    if (status == 404) {
      return new NotFoundException(message, status, requestId, apiMessage, false, null);
    }
    if (status == 429) {
      return new RateLimitedException(message, status, requestId, apiMessage,
          retryAfter == null ? Duration.ofSeconds(1) : retryAfter, null);
    }
    if (status >= 500) {
      boolean mayHaveApplied = !spec.method().equals("GET");
      return new ServerException(message, status, requestId, apiMessage, mayHaveApplied, null);
    }
    if (status == 400 || status == 409 || status == 422) {
      return new ValidationException(message, status, requestId, apiMessage, false, null);
    }
    return new LightspeedException(message, status, requestId, apiMessage, false, null) {
      private static final long serialVersionUID = 1L;
    };
  }

  /** The most specific human-readable error text in a body, bounded in length. */
  static @Nullable String apiMessage(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    String text = null;
    try {
      JsonNode node = PLAIN.readTree(body);
      if (node != null && node.isObject()) {
        text = firstText(node, "message", "error_description", "hint", "error", "httpMessage");
        if (text == null && node.has("error") && node.get("error").isObject()) {
          text = firstText(node.get("error"), "message", "title");
        }
      }
    } catch (Exception notJson) {
      text = null;
    }
    if (text == null) {
      String trimmed = body.strip();
      if (trimmed.startsWith("<")) {
        return null; // an HTML error page says nothing useful
      }
      text = trimmed;
    }
    text = text.replaceAll("\\s+", " ");
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
  }

  private static @Nullable String firstText(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode v = node.get(name);
      if (v != null && v.isValueNode() && !v.asText().isBlank()) {
        return v.asText();
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase("message") && e.getValue().isValueNode()) {
        return e.getValue().asText();
      }
    }
    return null;
  }
}
