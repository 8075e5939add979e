package dev.lightspeedsync.sync.lightspeed;

import dev.lightspeedsync.sync.model.ReasonCode;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one sync run did: per stream, how many records were read, stored, deactivated and left out
 * (by reason); for the whole run, whether it was a full sync, the requests sent, 429 responses,
 * retries and elapsed time. Immutable.
 */
public final class SyncReport {
  private final boolean full;
  private final Map<SyncStream, StreamCounts> streams;
  private final long requests;
  private final long rateLimited;
  private final long retries;
  private final Duration elapsed;

  /** A report; built by the sync runners. */
  public SyncReport(boolean full, Map<SyncStream, StreamCounts> streams, long requests, long rateLimited, long retries,
      Duration elapsed) {
    this.full = full;
    EnumMap<SyncStream, StreamCounts> copy = new EnumMap<>(SyncStream.class);
    copy.putAll(streams);
    this.streams = Collections.unmodifiableMap(copy);
    this.requests = requests;
    this.rateLimited = rateLimited;
    this.retries = retries;
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed == null");
  }

  /** True when at least one stream started without a checkpoint (an initial full sync). */
  public boolean full() {
    return full;
  }

  public Map<SyncStream, StreamCounts> streams() {
    return streams;
  }

  /** Counts of one stream (zeros if it did not run). */
  public StreamCounts stream(SyncStream stream) {
    return streams.getOrDefault(stream, new StreamCounts(0, 0, 0, Map.of()));
  }

  public long requests() {
    return requests;
  }

  public long rateLimited() {
    return rateLimited;
  }

  public long retries() {
    return retries;
  }

  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public String toString() {
    return "SyncReport{full=" + full + ", streams=" + streams + ", requests=" + requests + ", rateLimited="
        + rateLimited + ", retries=" + retries + ", elapsed=" + elapsed + "}";
  }

  /**
   * The counts of one stream.
   *
   * @param read records read from Lightspeed
   * @param stored records handed to the sink
   * @param deactivated SKUs deactivated (catalogue only)
   * @param leftOut records not stored, by reason
   */
  public record StreamCounts(long read, long stored, long deactivated, Map<ReasonCode, Long> leftOut) {
    public StreamCounts {
      leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    }
  }
}
