package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.client.ClientListener;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a run gracefully on SIGINT (Ctrl-C) or SIGTERM. The JVM runs shutdown hooks on both; the
 * hook installed by {@link #install} asks the run to stop and waits for the command to finish:
 *
 * <ol>
 *   <li>the client's next event (a response to a GET, a wait for the rate limit, a retry) throws
 *       {@link StopRequested}, so the page being read is abandoned before it is stored and the
 *       checkpoint of the last stored page stays; a wait that is already under way is interrupted;
 *   <li>the command unwinds: the progress line is ended, the run lock released and the database
 *       closed by the command itself (H2 URLs are opened with {@code DB_CLOSE_ON_EXIT=FALSE}, so H2
 *       does not close it underneath);
 *   <li>the app prints {@code interrupted; rerun to resume} and the hook returns (the JVM exits with
 *       130 for SIGINT, 143 for SIGTERM).
 * </ol>
 * The hook waits at most {@link #MAX_WAIT}; what was committed by then is durable anyway. In-process
 * runs ({@link LightspeedSyncApp#run}) install nothing.
 */
final class GracefulShutdown implements ClientListener {
  static final Duration MAX_WAIT = Duration.ofSeconds(60);
  static final GracefulShutdown LISTENER = new GracefulShutdown();

  private static volatile boolean requested;
  private static volatile boolean stoppable;
  private static volatile boolean waiting;
  private static final CountDownLatch FINISHED = new CountDownLatch(1);

  private GracefulShutdown() {}

  /** The run was asked to stop; thrown from a client event and never caught below the command. */
  static final class StopRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopRequested() {
      super("interrupted; rerun to resume", null, false, false);
    }
  }

  /** Installs the hook for the command running on {@code main}. */
  static void install(Thread main) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (FINISHED.getCount() == 0 || !stoppable) {
        return; // a normal exit, or a command that has nothing to stop gracefully (export, help)
      }
      requested = true;
      if (waiting) {
        main.interrupt(); // cut a rate-limit wait or a retry backoff short; never a database write
      }
      try {
        FINISHED.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "lightspeed-sync graceful shutdown"));
  }

  /** The running command stops gracefully when asked (sync, schedule); others just exit. */
  static void stoppable() {
    stoppable = true;
  }

  /** The command has finished and printed its last line. */
  static void finished() {
    FINISHED.countDown();
  }

  /** Whether a stop was asked for. */
  static boolean requested() {
    return requested;
  }

  /**
   * After a stop: clears the interrupt the hook may have sent, so that closing the database is not
   * interrupted (an interrupt closes H2's file channel).
   */
  static void clearInterrupt() {
    if (requested) {
      Thread.interrupted();
    }
  }

  private static void stopIfRequested() {
    if (requested) {
      throw new StopRequested();
    }
  }

  @Override
  public void onResponse(String method, String path, int status, Duration duration) {
    waiting = false;
    if ("GET".equals(method)) {
      stopIfRequested(); // a page read but not stored: abandoned, its checkpoint was not saved
    }
  }

  @Override
  public void onConnectionFailure(String method, String path, Exception cause) {
    waiting = false;
  }

  @Override
  public void onPacingWait(Duration wait) {
    stopIfRequested();
    waiting = true;
  }

  @Override
  public void onRetry(String method, String path, int attempt, Exception cause, Duration delay) {
    stopIfRequested();
    waiting = true;
  }
}
