package dev.lightspeedsync.client.error;

import org.jspecify.annotations.Nullable;

/**
 * No usable response arrived: the connection failed, timed out, or the body was cut off. For writes check {@link #requestMayHaveBeenApplied()} before repeating them.
 */
public class LightspeedConnectionException extends LightspeedException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; used by the clients, public so tests of host code can build one. */
  public LightspeedConnectionException(
      String message,
      int statusCode,
      @Nullable String requestId,
      @Nullable String apiMessage,
      boolean requestMayHaveBeenApplied,
      @Nullable Throwable cause) {
    super(message, statusCode, requestId, apiMessage, requestMayHaveBeenApplied, cause);
  }
}
