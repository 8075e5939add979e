package dev.lightspeedsync.client.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A list's pagination went wrong in a way that would otherwise never end or silently lose records:
 * the server returned a {@code next} cursor that this walk had already followed (a page pointing at
 * itself, or a cycle of cursors), returned the same page again under a new cursor, or ignored the
 * cursor altogether (an X-Series page older than its {@code after} version).
 *
 * <p>Retrying the walk from the same place would loop again, so the client stops. Keep the last
 * checkpoint you stored and resume from it once the server behaves; {@link #cursor()} names the
 * offending cursor (with any secret-looking query parameter redacted) to quote in a support request.
 * Immutable and safe to share between threads.
 */
public class PaginationException extends LightspeedException {
  private static final long serialVersionUID = 1L;

  private final String cursor;

  /**
   * Creates the exception; used by the clients, public so tests of host code can build one.
   *
   * @param cursor the offending cursor, already redacted of secrets
   */
  public PaginationException(String message, String cursor, @Nullable Throwable cause) {
    super(message, 200, null, null, false, cause);
    this.cursor = Objects.requireNonNull(cursor, "cursor == null");
  }

  /** The cursor that repeated or was ignored, redacted of secret-looking query parameters. */
  public String cursor() {
    return cursor;
  }
}
