package dev.lightspeedsync.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A response body was larger than the client may hold in memory ({@code maxBodyBytes} on the
 * client's builder, 64 MiB by default), either as announced by {@code Content-Length} or as
 * counted while reading. The body is refused rather than buffered, so a hostile or broken server
 * cannot exhaust the heap; the call is not retried. A write answered with such a body was
 * applied ({@link #requestMayHaveBeenApplied()}).
 *
 * <p>Lightspeed's list pages are far smaller than the default limit. If a legitimate response hits
 * it, ask for smaller pages (a lower page size or fewer relations) or raise the limit with the
 * builder's {@code maxBodyBytes(long)}. Immutable and safe to share between threads.
 */
public class ResponseTooLargeException extends LightspeedException {
  private static final long serialVersionUID = 1L;

  private final long limitBytes;

  /** Creates the exception; used by the clients, public so tests of host code can build one. */
  public ResponseTooLargeException(
      String message,
      int statusCode,
      @Nullable String requestId,
      long limitBytes,
      boolean requestMayHaveBeenApplied,
      @Nullable Throwable cause) {
    super(message, statusCode, requestId, null, requestMayHaveBeenApplied, cause);
    this.limitBytes = limitBytes;
  }

  /** The configured limit the body exceeded, in bytes. */
  public long limitBytes() {
    return limitBytes;
  }
}
