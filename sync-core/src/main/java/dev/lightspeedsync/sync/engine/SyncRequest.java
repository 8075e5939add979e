package dev.lightspeedsync.sync.engine;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one run should do: which streams, whether to force a full read, re-import from a date, or
 * only show what would change (dry run). Immutable and thread-safe.
 */
public final class SyncRequest {
  private final Set<SyncStream> streams;
  private final boolean forceFull;
  private final @Nullable Instant reimportFrom;
  private final boolean dryRun;

  private SyncRequest(Builder b) {
    this.streams = Set.copyOf(b.streams);
    this.forceFull = b.forceFull;
    this.reimportFrom = b.reimportFrom;
    this.dryRun = b.dryRun;
    if (forceFull && reimportFrom != null) {
      throw new IllegalArgumentException("choose a full sync or a re-import from a date, not both");
    }
  }

  /** Every stream the connector offers, full where a stream has no checkpoint, else incremental. */
  public static SyncRequest all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The streams asked for; empty means every stream the connector offers. */
  public Set<SyncStream> streams() {
    return streams;
  }

  /** Read every requested stream in full, whatever its checkpoint says. */
  public boolean forceFull() {
    return forceFull;
  }

  /**
   * Re-import the requested streams from this time: their bookmarks are moved back to it first. A
   * bookmark already before it is kept (so changes not read yet are not skipped), and a stream that
   * never completed a read is read in full as usual.
   */
  public Optional<Instant> reimportFrom() {
    return Optional.ofNullable(reimportFrom);
  }

  /** Read and apply the rules, but write nothing to the sink; the report says what would change. */
  public boolean dryRun() {
    return dryRun;
  }

  @Override
  public String toString() {
    return "SyncRequest{streams=" + (streams.isEmpty() ? "all" : streams) + ", forceFull=" + forceFull
        + ", reimportFrom=" + reimportFrom + ", dryRun=" + dryRun + "}";
  }

  /** Builds a {@link SyncRequest}; not thread-safe. */
  public static final class Builder {
    private final Set<SyncStream> streams = EnumSet.noneOf(SyncStream.class);
    private boolean forceFull;
    private @Nullable Instant reimportFrom;
    private boolean dryRun;

    private Builder() {}

    public Builder streams(Set<SyncStream> streams) {
      this.streams.clear();
      this.streams.addAll(Objects.requireNonNull(streams, "streams == null"));
      return this;
    }

    public Builder addStream(SyncStream stream) {
      streams.add(Objects.requireNonNull(stream, "stream == null"));
      return this;
    }

    public Builder forceFull(boolean forceFull) {
      this.forceFull = forceFull;
      return this;
    }

    public Builder reimportFrom(Instant from) {
      this.reimportFrom = Objects.requireNonNull(from, "from == null");
      return this;
    }

    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    public SyncRequest build() {
      return new SyncRequest(this);
    }
  }
}
