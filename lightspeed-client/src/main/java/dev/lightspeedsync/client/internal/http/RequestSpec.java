package dev.lightspeedsync.client.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One logical API call before it is sent: method, absolute URL, optional JSON body, the estimated
 * rate-limit cost, a key naming the operation's shape (for learning its real cost) and whether it
 * may be repeated after the server may have seen it.
 */
public record RequestSpec(
    String method,
    HttpUrl url,
    @Nullable JsonNode body,
    BigDecimal estimatedCost,
    String operationKey,
    boolean safeToRepeat) {

  public RequestSpec {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(estimatedCost, "estimatedCost == null");
    Objects.requireNonNull(operationKey, "operationKey == null");
  }

  /** Method and path, without the query string: safe to put in messages and logs. */
  public String describe() {
    return method + " " + url.encodedPath();
  }
}
