package dev.lightspeedsync.sync.spi;

import java.util.Optional;

/**
 * Where a {@link ReadPass} starts: from the beginning (a full read) or from a bookmark.
 *
 * @param since the bookmark to read from (inclusive), already moved back by the overlap window for
 *     time bookmarks; empty for a full read
 */
public record ReadStart(Optional<Bookmark> since) {
  /** A full read. */
  public static final ReadStart FULL = new ReadStart(Optional.empty());

  public ReadStart {
    java.util.Objects.requireNonNull(since, "since == null");
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
