package dev.lightspeedsync.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The requested resource does not exist (HTTP 404), or was deleted.
 */
public class NotFoundException extends LightspeedException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; used by the clients, public so tests of host code can build one. */
  public NotFoundException(
      String message,
      int statusCode,
      @Nullable String requestId,
      @Nullable String apiMessage,
      boolean requestMayHaveBeenApplied,
      @Nullable Throwable cause) {
    super(message, statusCode, requestId, apiMessage, requestMayHaveBeenApplied, cause);
  }
}
