package dev.lightspeedsync.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Lightspeed answered with a server error (HTTP 5xx) after the retries allowed for this request were used up. For writes check {@link #requestMayHaveBeenApplied()} before repeating them.
 */
public class ServerException extends LightspeedException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; used by the clients, public so tests of host code can build one. */
  public ServerException(
      String message,
      int statusCode,
      @Nullable String requestId,
      @Nullable String apiMessage,
      boolean requestMayHaveBeenApplied,
      @Nullable Throwable cause) {
    super(message, statusCode, requestId, apiMessage, requestMayHaveBeenApplied, cause);
  }
}
