package dev.lightspeedsync.client;

import java.time.Duration;

/**
 * Receives events from a client, for metrics and run reports: each HTTP exchange, each wait for the
 * rate limit, each retry and each token refresh. All methods have empty defaults; override the ones
 * you need.
 *
 * <p>Every request event has two forms. The clients call the form with a {@link RequestEvent},
 * which carries the client's request id, the attempt, the server's request id and the account's
 * {@link RateLimitState}; its default calls the older form without it, so a listener written
 * against either form receives every event. Override one form per event, not both.
 *
 * <p>Called synchronously on the thread making the request, possibly from many threads at once:
 * implementations must be thread-safe and fast, and must not throw. Events carry no secrets and no
 * query strings.
 */
public interface ClientListener {
  /** A listener that ignores every event. */
  ClientListener NONE = new ClientListener() {};

  /**
   * An HTTP exchange finished with a response (any status, 429 included).
   *
   * @param request the request, with the server's request id and the rate-limit state learned from
   *     this response
   * @param status the HTTP status code
   * @param duration time from sending the request to reading the whole response
   */
  default void onResponse(RequestEvent request, int status, Duration duration) {
    onResponse(request.method(), request.path(), status, duration);
  }

  /**
   * An HTTP exchange finished with a response; see {@link #onResponse(RequestEvent, int, Duration)}.
   *
   * @param method the HTTP method
   * @param path the URL path, without the query string
   * @param status the HTTP status code
   * @param duration time from sending the request to reading the whole response
   */
  default void onResponse(String method, String path, int status, Duration duration) {}

  /**
   * An HTTP exchange failed without a usable response (connection fault, truncated body).
   *
   * @param request the request
   * @param cause what went wrong
   */
  default void onConnectionFailure(RequestEvent request, Exception cause) {
    onConnectionFailure(request.method(), request.path(), cause);
  }

  /**
   * An HTTP exchange failed without a usable response; see
   * {@link #onConnectionFailure(RequestEvent, Exception)}.
   *
   * @param method the HTTP method
   * @param path the URL path, without the query string
   * @param cause what went wrong
   */
  default void onConnectionFailure(String method, String path, Exception cause) {}

  /**
   * The client is about to wait {@code wait} before sending {@code request}, to stay under the
   * rate limit.
   *
   * @param request the request that waits, with the rate-limit state that makes it wait
   * @param wait how long it waits
   */
  default void onPacingWait(RequestEvent request, Duration wait) {
    onPacingWait(wait);
  }

  /**
   * The client is about to wait {@code wait} before sending; see
   * {@link #onPacingWait(RequestEvent, Duration)}.
   *
   * @param wait how long it waits
   */
  default void onPacingWait(Duration wait) {}

  /**
   * A request will be sent again after {@code delay}.
   *
   * @param request the request; its {@link RequestEvent#attempt() attempt} is the one that failed
   * @param cause why it failed
   * @param delay the backoff before the next attempt (zero after a 429: the rate limit's pause is
   *     reported as a pacing wait)
   */
  default void onRetry(RequestEvent request, Exception cause, Duration delay) {
    onRetry(request.method(), request.path(), request.attempt(), cause, delay);
  }

  /**
   * A request will be sent again after {@code delay}; {@code attempt} is the attempt that failed.
   * See {@link #onRetry(RequestEvent, Exception, Duration)}.
   *
   * @param method the HTTP method
   * @param path the URL path, without the query string
   * @param attempt the attempt that failed, from 1
   * @param cause why it failed
   * @param delay the backoff before the next attempt
   */
  default void onRetry(String method, String path, int attempt, Exception cause, Duration delay) {}

  /** The access token was refreshed and the new pair handed to the token store. */
  default void onTokenRefreshed() {}
}
