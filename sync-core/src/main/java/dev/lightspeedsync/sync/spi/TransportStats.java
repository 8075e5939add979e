package dev.lightspeedsync.sync.spi;

/**
 * What a connector's transport has done so far (monotonic counters); the engine reports the
 * difference over a run.
 *
 * @param requests HTTP requests sent, including failed ones
 * @param rateLimited responses with status 429
 * @param retries requests repeated after a fault
 */
public record TransportStats(long requests, long rateLimited, long retries) {
  /** No requests. */
  public static final TransportStats NONE = new TransportStats(0, 0, 0);

  /** {@code this - earlier}. */
  public TransportStats since(TransportStats earlier) {
    return new TransportStats(requests - earlier.requests, rateLimited - earlier.rateLimited,
        retries - earlier.retries);
  }
}
