package dev.lightspeedsync.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Lightspeed rejected the credentials or the access token (HTTP 401/403, or a refused token refresh). Re-authorise the connection or check the client id and secret; retrying the same call will not help.
 */
public class AuthenticationException extends LightspeedException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; used by the clients, public so tests of host code can build one. */
  public AuthenticationException(
      String message,
      int statusCode,
      @Nullable String requestId,
      @Nullable String apiMessage,
      boolean requestMayHaveBeenApplied,
      @Nullable Throwable cause) {
    super(message, statusCode, requestId, apiMessage, requestMayHaveBeenApplied, cause);
  }
}
