package dev.lightspeedsync.sync.spi;

/**
 * Thrown by a host's {@link SyncSink} when storing fails. {@link #isRetryable()} tells a runner
 * whether repeating the same (idempotent) call may succeed, for example after a deadlock or a lost
 * connection. Messages must not contain secrets.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
public class SyncSinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public SyncSinkException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public SyncSinkException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean isRetryable() {
    return retryable;
  }
}
