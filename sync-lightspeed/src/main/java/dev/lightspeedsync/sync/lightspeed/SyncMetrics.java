package dev.lightspeedsync.sync.lightspeed;

import dev.lightspeedsync.client.ClientListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a client did: requests, 429 responses, retries and time spent waiting for the rate
 * limit. Register one with the client's builder ({@code .listener(metrics)}) and hand the same
 * instance to the sync runner, which reports the figures of each run. Thread-safe.
 */
public final class SyncMetrics implements ClientListener {
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong connectionFailures = new AtomicLong();
  private final AtomicLong pacingNanos = new AtomicLong();

  @Override
  public void onResponse(String method, String path, int status, Duration duration) {
    requests.incrementAndGet();
    if (status == 429) {
      rateLimited.incrementAndGet();
    }
  }

  @Override
  public void onConnectionFailure(String method, String path, Exception cause) {
    requests.incrementAndGet();
    connectionFailures.incrementAndGet();
  }

  @Override
  public void onPacingWait(Duration wait) {
    pacingNanos.addAndGet(wait.toNanos());
  }

  @Override
  public void onRetry(String method, String path, int attempt, Exception cause, Duration delay) {
    retries.incrementAndGet();
  }

  /** Requests sent (responses plus failed exchanges). */
  public long requests() {
    return requests.get();
  }

  /** HTTP 429 responses received. */
  public long rateLimited() {
    return rateLimited.get();
  }

  public long retries() {
    return retries.get();
  }

  public long connectionFailures() {
    return connectionFailures.get();
  }

  /** Total time requests waited before sending, to stay under the rate limit. */
  public Duration pacingWait() {
    return Duration.ofNanos(pacingNanos.get());
  }

  /** The current figures, for computing the difference over a run. */
  /** The counters as the engine reads them from a connector. */
  public dev.lightspeedsync.sync.spi.TransportStats transportStats() {
    return new dev.lightspeedsync.sync.spi.TransportStats(requests(), rateLimited(), retries());
  }

  public Snapshot snapshot() {
    return new Snapshot(requests(), rateLimited(), retries());
  }

  /**
   * Figures at one moment.
   *
   * @param requests requests sent so far
   * @param rateLimited 429 responses so far
   * @param retries retries so far
   */
  public record Snapshot(long requests, long rateLimited, long retries) {}
}
