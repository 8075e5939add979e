package dev.lightspeedsync.sync.spi;

import java.util.Optional;

/**
 * Where a {@link ReadPass} starts: from the beginning (a full read) or from a bookmark.
 *
 * @param since the bookmark to read from (inclusive), already moved back by the overlap window for
 *     time bookmarks; empty for a full read
 * @param changedSince on a full read for a re-import from a date of a stream with sequence
 *     bookmarks: only records changed since then are needed. A hint: a connector that cannot filter
 *     by time reads everything, which is correct too.
 */
public record ReadStart(Optional<Bookmark> since, Optional<java.time.Instant> changedSince) {
  /** A full read. */
  public static final ReadStart FULL = new ReadStart(Optional.empty(), Optional.empty());

  public ReadStart {
    java.util.Objects.requireNonNull(since, "since == null");
    java.util.Objects.requireNonNull(changedSince, "changedSince == null");
  }

  /** A full read or one from a bookmark, without a re-import date. */
  public ReadStart(Optional<Bookmark> since) {
    this(since, Optional.empty());
  }

  /**
   * A full read that re-imports the records changed since {@code from}: how the engine re-imports
   * from a date a stream whose bookmark is a sequence number (X-Series {@code version}), which no
   * date can be turned into.
   */
  public static ReadStart reimport(java.time.Instant from) {
    return new ReadStart(Optional.empty(), Optional.of(from));
  }

  /** An incremental read from {@code since}. */
  public static ReadStart from(Bookmark since) {
    return new ReadStart(Optional.of(since));
  }

  public boolean full() {
    return since.isEmpty();
  }

  /** The start as a time, empty for a full read; fails for a sequence bookmark. */
  public Optional<java.time.Instant> sinceTime() {
    return since.map(Bookmark::asTime);
  }
}
