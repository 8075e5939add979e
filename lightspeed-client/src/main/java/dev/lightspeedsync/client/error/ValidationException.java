package dev.lightspeedsync.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Lightspeed refused the request as invalid (HTTP 400 or 422). {@link #apiMessage()} holds the API's explanation, for example a missing field or a duplicate barcode. Fix the request; retrying it unchanged will fail again.
 */
public class ValidationException extends LightspeedException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; used by the clients, public so tests of host code can build one. */
  public ValidationException(
      String message,
      int statusCode,
      @Nullable String requestId,
      @Nullable String apiMessage,
      boolean requestMayHaveBeenApplied,
      @Nullable Throwable cause) {
    super(message, statusCode, requestId, apiMessage, requestMayHaveBeenApplied, cause);
  }
}
