package dev.lightspeedsync.examples.app;

/** A failure the app reports as one line on stderr, with its exit status. */
final class AppException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  AppException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
