package dev.lightspeedsync.sync.spi;

/**
 * Thrown by a {@link ReadPass} when a saved cursor cannot be used (it belongs to another list or
 * another version of the connector). The engine reports it in one line and restarts the plan
 * from the stream's bookmark: a sync never stays stuck on a bad checkpoint.
 */
public final class CursorRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CursorRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
