package dev.lightspeedsync.client.error;

import dev.lightspeedsync.client.internal.SafeText;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Root of every error the Lightspeed clients throw. Unchecked, so that lazy iteration over
 * {@link dev.lightspeedsync.client.pagination.Paginated} can surface it.
 *
 * <p>Catch a subclass to react to one kind of failure: {@link AuthenticationException},
 * {@link NotFoundException}, {@link ValidationException}, {@link RateLimitedException},
 * {@link ServerException}, {@link LightspeedConnectionException}, {@link DecodingException},
 * {@link ResponseTooLargeException} or {@link PaginationException}.
 * Every instance carries the HTTP status (0 when no response was received), the Cloudflare request
 * id ({@code Cf-Ray}) to quote to Lightspeed support, and the API's own message when it sent one.
 * Messages never contain tokens, secrets, query strings or request bodies, and text that came from
 * a server has its control characters (ANSI escapes, BEL) and bidirectional overrides shown as
 * visible {@code \xNN} escapes, so printing a message cannot take over a terminal. A message never
 * speaks of "HTTP 0": when no status was received it says what happened instead.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public class LightspeedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final @Nullable String requestId;
  private final @Nullable String apiMessage;
  private final boolean requestMayHaveBeenApplied;

  protected LightspeedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      @Nullable String apiMessage,
      boolean requestMayHaveBeenApplied,
      @Nullable Throwable cause) {
    super(SafeText.safe(message), cause);
    this.statusCode = statusCode;
    this.requestId = requestId == null ? null : SafeText.safe(requestId);
    this.apiMessage = apiMessage == null ? null : SafeText.safe(apiMessage);
    this.requestMayHaveBeenApplied = requestMayHaveBeenApplied;
  }

  /** The HTTP status code of the response, or 0 when no response was received. */
  public int statusCode() {
    return statusCode;
  }

  /** The {@code Cf-Ray} request id of the failed response, when Lightspeed sent one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The error text from the API's response body, when there was one. */
  public Optional<String> apiMessage() {
    return Optional.ofNullable(apiMessage);
  }

  /**
   * True when a write may have reached Lightspeed and been applied even though no success response
   * arrived (a 5xx answer or a connection lost after the request was sent). Such writes are never
   * resent automatically; read the current state before deciding to repeat them.
   */
  public boolean requestMayHaveBeenApplied() {
    return requestMayHaveBeenApplied;
  }
}
