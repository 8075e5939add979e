package dev.lightspeedsync.client.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * No usable response arrived: the connection failed, timed out, or the body was cut off. Reads
 * fail with it only after their retries were used up. For writes check
 * {@link #requestMayHaveBeenApplied()} before repeating them.
 *
 * <p>{@link #kind()} says what happened and {@link #reached()} whether the server was reached at
 * all: a host telling its user "cannot reach Lightspeed, check the URL and the network" should do so
 * only when {@code reached()} is false; a server that accepts connections and then drops them,
 * stalls or cuts bodies short is reachable but faulty.
 */
public class LightspeedConnectionException extends LightspeedException {
  private static final long serialVersionUID = 1L;

  /** What went wrong on the connection. */
  public enum Kind {
    /** No connection could be made: unknown host, connection refused, no route, connect timeout. */
    CONNECT_FAILED,
    /** The connection was made but closed or reset before a complete response arrived. */
    DROPPED,
    /** The server was reached but did not send a complete response within the read timeout or call deadline. */
    TIMED_OUT,
    /** A response arrived but its body ended early (cut off mid-JSON or shorter than announced). */
    TRUNCATED,
    /** The calling thread was interrupted while the client waited (for the rate limit or a backoff). */
    INTERRUPTED
  }

  private final Kind kind;

  /**
   * Creates the exception; used by the clients, public so tests of host code can build one. The
   * kind is {@link Kind#DROPPED}.
   */
  public LightspeedConnectionException(
      String message,
      int statusCode,
      @Nullable String requestId,
      @Nullable String apiMessage,
      boolean requestMayHaveBeenApplied,
      @Nullable Throwable cause) {
    this(message, Kind.DROPPED, statusCode, requestId, apiMessage, requestMayHaveBeenApplied, cause);
  }

  /** Creates the exception with its kind; used by the clients, public so tests of host code can build one. */
  public LightspeedConnectionException(
      String message,
      Kind kind,
      int statusCode,
      @Nullable String requestId,
      @Nullable String apiMessage,
      boolean requestMayHaveBeenApplied,
      @Nullable Throwable cause) {
    super(message, statusCode, requestId, apiMessage, requestMayHaveBeenApplied, cause);
    this.kind = Objects.requireNonNull(kind, "kind == null");
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether the server was reached: false only for {@link Kind#CONNECT_FAILED} (and
   * {@link Kind#INTERRUPTED}, where nothing is known about the server).
   */
  public boolean reached() {
    return kind != Kind.CONNECT_FAILED && kind != Kind.INTERRUPTED;
  }
}
