package dev.lightspeedsync.sync.lightspeed;

/**
 * A sync could not run: its configuration does not match the account (for example a location name
 * that does not exist, with the near match named), or another run of the same account is in
 * progress. Nothing was written when this is thrown before the first page.
 */
public class SyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SyncException(String message) {
    super(message);
  }

  public SyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
