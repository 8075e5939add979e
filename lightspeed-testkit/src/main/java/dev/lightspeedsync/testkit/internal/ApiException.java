package dev.lightspeedsync.testkit.internal;

/** A request the fake API rejects; rendered in the API's error format by the handler. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public final int status;

  public ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }
}
