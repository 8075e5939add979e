package dev.lightspeedsync.client;

import java.time.Duration;

/**
 * Receives events from a client, for metrics and run reports: each HTTP exchange, each wait for the
 * rate limit, each retry and each token refresh. All methods have empty defaults; override the ones
 * you need.
 *
 * <p>Called synchronously on the thread making the request, possibly from many threads at once:
 * implementations must be thread-safe and fast, and must not throw. Events carry no secrets and no
 * query strings.
 */
public interface ClientListener {
  /** A listener that ignores every event. */
  ClientListener NONE = new ClientListener() {};

  /**
   * An HTTP exchange finished with a response.
   *
   * @param method the HTTP method
   * @param path the URL path, without the query string
   * @param status the HTTP status code
   * @param duration time from sending the request to reading the whole response
   */
  default void onResponse(String method, String path, int status, Duration duration) {}

  /** An HTTP exchange failed without a usable response (connection fault, truncated body). */
  default void onConnectionFailure(String method, String path, Exception cause) {}

  /** The client is about to wait {@code wait} before sending, to stay under the rate limit. */
  default void onPacingWait(Duration wait) {}

  /** A request will be sent again after {@code delay}; {@code attempt} is the attempt that failed. */
  default void onRetry(String method, String path, int attempt, Exception cause, Duration delay) {}

  /** The access token was refreshed and the new pair handed to the token store. */
  default void onTokenRefreshed() {}
}
