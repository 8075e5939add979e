package dev.lightspeedsync.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A response arrived but its body could not be read as the expected JSON shape. Usually API drift; the message names the operation and what was unexpected.
 */
public class DecodingException extends LightspeedException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; used by the clients, public so tests of host code can build one. */
  public DecodingException(
      String message,
      int statusCode,
      @Nullable String requestId,
      @Nullable String apiMessage,
      boolean requestMayHaveBeenApplied,
      @Nullable Throwable cause) {
    super(message, statusCode, requestId, apiMessage, requestMayHaveBeenApplied, cause);
  }
}
