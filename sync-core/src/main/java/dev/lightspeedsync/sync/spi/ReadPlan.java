package dev.lightspeedsync.sync.spi;

import dev.lightspeedsync.sync.engine.SyncStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a connector reads one or more streams in this run: one or more {@link ReadPass passes}, run
 * in order. The stream's bookmark moves only when the last pass has completed, so a secondary pass
 * (a voided-sales re-check) is never skipped by a crash or a failed request. A plan may cover
 * several streams when one walk is cheaper than two (R-Series items with their ItemShops in a full
 * sync). Immutable and thread-safe when its passes are.
 */
public final class ReadPlan {
  /** Where the streams' next bookmark comes from when the plan completes. */
  public enum BookmarkRule {
    /** The newest bookmark among the records read ({@link PassPage#newest()}). */
    NEWEST_RECORD,
    /**
     * The time the plan started, from the engine's clock: for sources whose walk order is not the
     * change order (eCom walks by id), so a record changed during the walk is read by the next run.
     */
    PLAN_START
  }

  private final String name;
  private final Set<SyncStream> streams;
  private final List<ReadPass> passes;
  private final BookmarkRule bookmarkRule;
  private final String estimate;

  private ReadPlan(String name, Set<SyncStream> streams, List<ReadPass> passes, BookmarkRule bookmarkRule,
      String estimate) {
    this.name = requireText(name, "name");
    if (streams.isEmpty()) {
      throw new IllegalArgumentException("a read plan covers at least one stream");
    }
    this.streams = Set.copyOf(EnumSet.copyOf(streams));
    if (passes.isEmpty()) {
      throw new IllegalArgumentException("a read plan has at least one pass");
    }
    this.passes = List.copyOf(passes);
    this.bookmarkRule = Objects.requireNonNull(bookmarkRule, "bookmarkRule == null");
    this.estimate = Objects.requireNonNull(estimate, "estimate == null");
  }

  /** A plan of one stream. */
  public static ReadPlan of(String name, SyncStream stream, BookmarkRule rule, String estimate, ReadPass... passes) {
    return new ReadPlan(name, EnumSet.of(stream), List.of(passes), rule, estimate);
  }

  /** A plan of several streams read together. */
  public static ReadPlan of(String name, Set<SyncStream> streams, BookmarkRule rule, String estimate,
      List<ReadPass> passes) {
    return new ReadPlan(name, streams, passes, rule, estimate);
  }

  /** The plan's name, e.g. {@code items+ItemShops}; the report names the plan chosen. */
  public String name() {
    return name;
  }

  public Set<SyncStream> streams() {
    return streams;
  }

  public List<ReadPass> passes() {
    return passes;
  }

  public BookmarkRule bookmarkRule() {
    return bookmarkRule;
  }

  /** The connector's cost estimate in words, e.g. {@code 334 requests, 334.4 drips}. */
  public String estimate() {
    return estimate;
  }

  @Override
  public String toString() {
    return "ReadPlan{" + name + " " + streams + ", " + estimate + "}";
  }

  private static String requireText(String value, String what) {
    Objects.requireNonNull(value, what + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    return value;
  }
}
