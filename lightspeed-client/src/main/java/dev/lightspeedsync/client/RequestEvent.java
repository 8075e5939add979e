package dev.lightspeedsync.client;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ClientListener} event says about the request it belongs to. Immutable and
 * thread-safe; carries no secrets and no query string.
 *
 * <p>{@link #requestId()} is assigned by the client: unique within one client and the same for
 * every attempt, pacing wait and retry of one call, so a listener can tie them together.
 * {@link #serverRequestId()} is the id the server gave the response ({@code Cf-Ray}, else
 * {@code X-Request-Id}), the one Lightspeed support asks for; it is empty before a response.
 * {@link #rateLimit()} is the account's rate-limit state as the client knew it at the event (after
 * learning from the response, for response events); empty until a response reported one.
 */
public final class RequestEvent {
  private final String requestId;
  private final String method;
  private final String path;
  private final int attempt;
  private final @Nullable String serverRequestId;
  private final @Nullable RateLimitState rateLimit;

  /**
   * Creates an event; used by the clients, public so tests of host listeners can build one.
   *
   * @param requestId the client's id of the call, for example {@code "17"}
   * @param method the HTTP method
   * @param path the URL path, without the query string
   * @param attempt the attempt the event belongs to, from 1
   * @param serverRequestId the server's id of the response, or null
   * @param rateLimit the rate-limit state, or null
   */
  public RequestEvent(String requestId, String method, String path, int attempt, @Nullable String serverRequestId,
      @Nullable RateLimitState rateLimit) {
    this.requestId = Objects.requireNonNull(requestId, "requestId == null");
    this.method = Objects.requireNonNull(method, "method == null");
    this.path = Objects.requireNonNull(path, "path == null");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1 but was " + attempt);
    }
    this.attempt = attempt;
    this.serverRequestId = serverRequestId;
    this.rateLimit = rateLimit;
  }

  /** The client's id of the call: the same for all its attempts, waits and retries. */
  public String requestId() {
    return requestId;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The URL path, without the query string. */
  public String path() {
    return path;
  }

  /** The attempt the event belongs to, from 1. */
  public int attempt() {
    return attempt;
  }

  /** The server's id of the response ({@code Cf-Ray} or {@code X-Request-Id}); empty before one. */
  public Optional<String> serverRequestId() {
    return Optional.ofNullable(serverRequestId);
  }

  /** The account's rate-limit state at the event; empty until a response reported one. */
  public Optional<RateLimitState> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RequestEvent)) {
      return false;
    }
    RequestEvent e = (RequestEvent) o;
    return requestId.equals(e.requestId) && method.equals(e.method) && path.equals(e.path) && attempt == e.attempt
        && Objects.equals(serverRequestId, e.serverRequestId) && Objects.equals(rateLimit, e.rateLimit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestId, method, path, attempt, serverRequestId, rateLimit);
  }

  @Override
  public String toString() {
    return "RequestEvent{requestId=" + requestId + ", " + method + " " + path + ", attempt=" + attempt
        + (serverRequestId == null ? "" : ", serverRequestId=" + serverRequestId)
        + (rateLimit == null ? "" : ", rateLimit=" + rateLimit) + "}";
  }
}
