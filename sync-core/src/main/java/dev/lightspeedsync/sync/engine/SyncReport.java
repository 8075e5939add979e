package dev.lightspeedsync.sync.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one run: how it ended, what each stream did, the requests it cost and anything the
 * host should know ({@link #notices()}). Immutable and thread-safe.
 */
public final class SyncReport {
  /** How a run ended. Every status but {@link #COMPLETE} leaves checkpoints a rerun continues from. */
  public enum Status {
    /** Every requested stream was read to its end. */
    COMPLETE,
    /** Stopped at a checkpoint because the rate limit allows the next page only at {@link #resumeAfter()}. */
    STOPPED_FOR_RATE_LIMIT,
    /** Stopped at a checkpoint because the run's deadline passed. */
    DEADLINE_REACHED,
    /** Stopped at a checkpoint because the thread was interrupted (shutdown). */
    INTERRUPTED
  }

  private final Status status;
  private final Map<SyncStream, StreamReport> streams;
  private final long requests;
  private final long rateLimited;
  private final long retries;
  private final long rateLimitWaits;
  private final Duration elapsed;
  private final @Nullable Instant resumeAfter;
  private final List<String> notices;
  private final boolean dryRun;

  /** For the engine and for tests of host code. */
  public SyncReport(Status status, Map<SyncStream, StreamReport> streams, long requests, long rateLimited,
      long retries, long rateLimitWaits, Duration elapsed, @Nullable Instant resumeAfter, List<String> notices,
      boolean dryRun) {
    this.status = Objects.requireNonNull(status, "status == null");
    EnumMap<SyncStream, StreamReport> copy = new EnumMap<>(SyncStream.class);
    copy.putAll(streams);
    this.streams = Collections.unmodifiableMap(copy);
    this.requests = requests;
    this.rateLimited = rateLimited;
    this.retries = retries;
    this.rateLimitWaits = rateLimitWaits;
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed == null");
    this.resumeAfter = resumeAfter;
    this.notices = List.copyOf(notices);
    this.dryRun = dryRun;
  }

  public Status status() {
    return status;
  }

  /** Whether every requested stream was read to its end. */
  public boolean complete() {
    return status == Status.COMPLETE;
  }

  /** Whether any stream other than locations was read in full. */
  public boolean full() {
    return streams.entrySet().stream().anyMatch(e -> e.getKey() != SyncStream.LOCATIONS && e.getValue().full());
  }

  public Map<SyncStream, StreamReport> streams() {
    return streams;
  }

  /** The report of one stream; empty when it did not run. */
  public Optional<StreamReport> stream(SyncStream stream) {
    return Optional.ofNullable(streams.get(stream));
  }

  /** HTTP requests sent in this run, including failed ones. */
  public long requests() {
    return requests;
  }

  /** Responses with status 429 in this run. */
  public long rateLimited() {
    return rateLimited;
  }

  /** Requests repeated after a fault in this run. */
  public long retries() {
    return retries;
  }

  /** How often the engine waited for a rate-limit window. */
  public long rateLimitWaits() {
    return rateLimitWaits;
  }

  public Duration elapsed() {
    return elapsed;
  }

  /** When a run stopped for the rate limit: the earliest time a rerun can continue. */
  public Optional<Instant> resumeAfter() {
    return Optional.ofNullable(resumeAfter);
  }

  /** Things the host should know: a checkpoint that could not be used, a stream not offered. */
  public List<String> notices() {
    return notices;
  }

  /** Whether this was a dry run (nothing was written). */
  public boolean dryRun() {
    return dryRun;
  }

  @Override
  public String toString() {
    return "SyncReport{status=" + status + ", dryRun=" + dryRun + ", streams=" + streams + ", requests=" + requests
        + ", rateLimited=" + rateLimited + ", retries=" + retries + ", rateLimitWaits=" + rateLimitWaits
        + ", elapsed=" + elapsed + ", resumeAfter=" + resumeAfter + ", notices=" + notices + "}";
  }
}
