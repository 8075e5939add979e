package dev.lightspeedsync.sync.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a stream's last completed read ended: the newest change it applied, as a time (R-Series
 * {@code timeStamp}, eCom {@code updated_at}) or as a sequence number (X-Series {@code version}).
 * The engine keeps one per stream in the stream's checkpoint and hands it to the next incremental
 * read, less the engine's overlap window for times. Immutable and thread-safe.
 */
public final class Bookmark implements Comparable<Bookmark> {
  /** How a bookmark orders changes. */
  public enum Kind {
    /** A point in time; incremental reads start an overlap window before it. */
    TIME,
    /** A strictly increasing sequence number; incremental reads start right after it. */
    SEQUENCE
  }

  private final Kind kind;
  private final Instant time;
  private final long sequence;

  private Bookmark(Kind kind, Instant time, long sequence) {
    this.kind = kind;
    this.time = time;
    this.sequence = sequence;
  }

  /** A time bookmark. */
  public static Bookmark time(Instant time) {
    return new Bookmark(Kind.TIME, Objects.requireNonNull(time, "time == null"), 0);
  }

  /** A sequence bookmark. */
  public static Bookmark sequence(long sequence) {
    return new Bookmark(Kind.SEQUENCE, Instant.EPOCH, sequence);
  }

  public Kind kind() {
    return kind;
  }

  /** The time of a {@link Kind#TIME} bookmark. */
  public Instant asTime() {
    if (kind != Kind.TIME) {
      throw new IllegalStateException("not a time bookmark: " + this);
    }
    return time;
  }

  /** The sequence number of a {@link Kind#SEQUENCE} bookmark. */
  public long asSequence() {
    if (kind != Kind.SEQUENCE) {
      throw new IllegalStateException("not a sequence bookmark: " + this);
    }
    return sequence;
  }

  /** The later of two bookmarks of the same kind. */
  public static Bookmark max(Bookmark a, Bookmark b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public int compareTo(Bookmark other) {
    if (kind != other.kind) {
      throw new IllegalArgumentException("cannot compare a " + kind + " bookmark with a " + other.kind + " bookmark");
    }
    return kind == Kind.TIME ? time.compareTo(other.time) : Long.compare(sequence, other.sequence);
  }

  /** {@code T:<instant>} or {@code S:<number>}; {@link #parse} reads it back. */
  @Override
  public String toString() {
    return kind == Kind.TIME ? "T:" + time : "S:" + sequence;
  }

  /** Reads {@link #toString()}. */
  public static Bookmark parse(String text) {
    Objects.requireNonNull(text, "text == null");
    if (text.startsWith("T:")) {
      return time(Instant.parse(text.substring(2)));
    }
    if (text.startsWith("S:")) {
      return sequence(Long.parseLong(text.substring(2)));
    }
    throw new IllegalArgumentException("not a bookmark: '" + text + "' (expected T:<instant> or S:<number>)");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bookmark && ((Bookmark) o).kind == kind && ((Bookmark) o).time.equals(time)
        && ((Bookmark) o).sequence == sequence;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, time, sequence);
  }
}
