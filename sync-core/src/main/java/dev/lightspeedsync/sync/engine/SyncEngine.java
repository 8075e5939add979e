package dev.lightspeedsync.sync.engine;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.engine.internal.DryRunSink;
import dev.lightspeedsync.sync.engine.internal.Position;
import dev.lightspeedsync.sync.engine.internal.RuleStage;
import dev.lightspeedsync.sync.engine.internal.StreamCounter;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.spi.Batch;
import dev.lightspeedsync.sync.spi.Bookmark;
import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.spi.Connector;
import dev.lightspeedsync.sync.spi.CursorRejectedException;
import dev.lightspeedsync.sync.spi.PassPage;
import dev.lightspeedsync.sync.spi.PlanContext;
import dev.lightspeedsync.sync.spi.ReadPass;
import dev.lightspeedsync.sync.spi.ReadPlan;
import dev.lightspeedsync.sync.spi.ReadStart;
import dev.lightspeedsync.sync.spi.RunLock;
import dev.lightspeedsync.sync.spi.SourceRateLimitedException;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.spi.TransportStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs one account's sync through a {@link Connector} into a {@link SyncSink}. The engine owns what
 * is the same for every platform:
 *
 * <ul>
 *   <li><b>Full, then incremental.</b> A stream without a checkpoint is read in full; later runs
 *       read from its bookmark, less an overlap window for time bookmarks (default 2 minutes), so a
 *       record written late with an earlier timestamp is not missed. Records read twice are upserted
 *       twice, which stores them once.
 *   <li><b>A checkpoint per page</b>, saved after the page's records are written, so a crash loses
 *       nothing and a rerun continues with the next page. A stream's bookmark moves only when every
 *       pass of its plan has completed: a secondary pass (a voided-sales re-check) is never skipped.
 *       A checkpoint whose cursor cannot be used is reported and the plan restarts from the bookmark.
 *   <li><b>Every rule of the SDK, once</b>: the location settings (validated before anything is
 *       written), visibility and stock tracking, item import filters, purchase price and supplier,
 *       and the sales selection, for every connector. Records that cannot be read go to the
 *       connection log with their id and reason; the rest of the page is stored.
 *   <li><b>Rate-limit windows</b>: when the API allows the next page only later, the engine waits
 *       (the default) or stops cleanly at the checkpoint and reports when to resume.
 *   <li><b>One run per account</b> across processes, through {@link SyncSink#tryLockRun}; re-import
 *       from a date; dry run; a deadline per run; a clean stop when the thread is interrupted.
 * </ul>
 *
 * <p>Thread-safe: one engine may run different accounts concurrently.
 */
public final class SyncEngine {
  private final SyncSink sink;
  private final SyncSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration overlap;
  private final RateLimitPolicy rateLimitPolicy;
  private final @Nullable Duration deadline;

  private SyncEngine(Builder b) {
    this.sink = Objects.requireNonNull(b.sink, "sink is required");
    this.settings = b.settings;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.overlap = b.overlap;
    this.rateLimitPolicy = b.rateLimitPolicy;
    this.deadline = b.deadline;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The settings the rules run with. */
  public SyncSettings settings() {
    return settings;
  }

  /** Runs every stream of the connector once: full where a stream has no checkpoint, else incremental. */
  public SyncReport run(Connector connector) {
    return run(connector, SyncRequest.all());
  }

  /**
   * The sink a dry run writes to: reads see {@code database} (its checkpoints, stored SKUs and
   * ledger) under an in-memory overlay of what the run wrote, and every write lands in that overlay,
   * which is thrown away, so the database is left exactly as it was. The engine wraps its own sink in
   * one when a request is a {@linkplain SyncRequest#dryRun() dry run}; a host calls this instead when
   * it wants to observe what a dry run would write (for example through a
   * {@link dev.lightspeedsync.sync.spi.ForwardingSyncSink} around the returned sink) and runs an
   * engine over it. Thread-safe.
   *
   * @param database the host's sink, only read from
   */
  public static SyncSink dryRunSink(SyncSink database) {
    return new DryRunSink(Objects.requireNonNull(database, "database == null"));
  }

  /**
   * Runs one account's sync.
   *
   * @throws SyncRunException when another run of the account holds its lock, or the settings do not
   *     match the account
   */
  public SyncReport run(Connector connector, SyncRequest request) {
    Objects.requireNonNull(connector, "connector == null");
    Objects.requireNonNull(request, "request == null");
    String account = connector.accountKey();
    Optional<RunLock> lock = sink.tryLockRun(account);
    if (lock.isEmpty()) {
      throw new SyncRunException(SyncRunException.Reason.ALREADY_RUNNING, account,
          "a sync of " + account + " is already running; wait for it to finish, or stop it");
    }
    try (RunLock held = lock.get()) {
      return new Run(connector, request, request.dryRun() ? new DryRunSink(sink) : sink).execute();
    }
  }

  /**
   * Applies records a connector fetched outside of a read plan (an immediate import after a
   * webhook, seed 000: "New products are imported immediately") through the same rules as a sync:
   * SKUs and deleted SKUs, stock, sales history and, when order import is on, the order import with
   * its missing products. Runs under the account's run lock; checkpoints are not touched, so the
   * polling streams stay correct and what they read again is stored again, harmlessly.
   *
   * @throws SyncRunException with {@code ALREADY_RUNNING} while a sync of the account runs (retry
   *     after it, or leave it to the next sync, which reads the same change)
   */
  public SyncReport applyChanges(Connector connector, Batch changes) {
    Objects.requireNonNull(connector, "connector == null");
    Objects.requireNonNull(changes, "changes == null");
    String account = connector.accountKey();
    Optional<RunLock> lock = sink.tryLockRun(account);
    if (lock.isEmpty()) {
      throw new SyncRunException(SyncRunException.Reason.ALREADY_RUNNING, account,
          "a sync of " + account + " is running; apply the changes after it, or let the next sync read them");
    }
    try (RunLock held = lock.get()) {
      return new Run(connector, SyncRequest.all(), sink).applyOnly(changes);
    }
  }

  /**
   * The composites among {@code skuIds}, nested components included, compiled from the host's
   * definitions in the settings and the platform's definitions stored on the SKUs in the sink: the
   * same breakdown the engine applies to sales, for {@code AvailabilityRule.plan} (buildable
   * quantity) and for a host's own reports. Definitions with a cycle are left out and named in
   * {@link CompositeBreakdown#problems()}.
   */
  public CompositeBreakdown composites(java.util.Collection<String> skuIds) {
    java.util.Objects.requireNonNull(skuIds, "skuIds == null");
    return dev.lightspeedsync.sync.engine.internal.Composites.of(sink, settings.composites(), skuIds,
        clock.instant());
  }

  /** The checkpoint name of a stream of an account, e.g. {@code retail:12345:STOCK}. */
  public static String checkpointName(String accountKey, SyncStream stream) {
    return accountKey + ":" + stream.name();
  }

  /** One run: confined to the calling thread. */
  private final class Run {
    private final Connector connector;
    private final SyncRequest request;
    private final SyncSink target;
    private final RuleStage rules;
    private final Map<SyncStream, StreamCounter> counters = new EnumMap<>(SyncStream.class);
    private final List<String> notices = new ArrayList<>();
    /** Streams with sequence bookmarks that a re-import from a date reads in full. */
    private final Set<SyncStream> reimportInFull = EnumSet.noneOf(SyncStream.class);
    private final Instant started;
    private final @Nullable Instant stopAt;
    private SyncReport.Status status = SyncReport.Status.COMPLETE;
    private @Nullable Instant resumeAfter;
    private long waits;

    Run(Connector connector, SyncRequest request, SyncSink target) {
      this.connector = connector;
      this.request = request;
      this.target = target;
      this.rules = new RuleStage(settings, target, clock, connector.accountKey(), this::fetchSkus);
      this.started = clock.instant();
      this.stopAt = deadline == null ? null : started.plus(deadline);
    }

    SyncReport applyOnly(Batch changes) {
      TransportStats before = connector.transportStats();
      rules.useStoredLocations();
      Batch.Builder catalogue = Batch.builder().addSkus(changes.skus()).addStock(changes.stock())
          .addIssues(changes.issues()).addCustomers(changes.customers());
      changes.deletedSkuIds().forEach(catalogue::addDeletedSkuId);
      Batch sales = Batch.builder().addSales(changes.sales()).build();
      target.unitOfWork(() -> {
        rules.apply(catalogue.build(), false, EnumSet.of(SyncStream.CATALOGUE, SyncStream.STOCK), counters);
        if (!changes.sales().isEmpty()) {
          rules.apply(sales, false, EnumSet.of(SyncStream.SALES), counters);
        }
      });
      if (!changes.sales().isEmpty()) {
        if (settings.orderImport().isPresent()) {
          rules.apply(sales, false, EnumSet.of(SyncStream.ORDER_IMPORT), counters);
        }
      }
      return report(before);
    }

    private SyncReport report(TransportStats before) {
      TransportStats used = connector.transportStats().since(before);
      Map<SyncStream, StreamReport> reports = new EnumMap<>(SyncStream.class);
      counters.forEach((s, c) -> reports.put(s, c.report()));
      return new SyncReport(status, reports, used.requests(), used.rateLimited(), used.retries(), waits,
          Duration.between(started, clock.instant()), resumeAfter, notices, request.dryRun());
    }

    SyncReport execute() {
      TransportStats before = connector.transportStats();
      Set<SyncStream> offered = connector.streams();
      Set<SyncStream> requested = EnumSet.noneOf(SyncStream.class);
      if (request.streams().isEmpty()) {
        requested.addAll(offered);
      } else {
        for (SyncStream s : request.streams()) {
          if (offered.contains(s)) {
            requested.add(s);
          } else {
            notices.add("stream " + s + " is not offered by this platform; skipped");
          }
        }
      }
      requested.remove(SyncStream.LOCATIONS);
      if (settings.orderImport().isEmpty() && requested.remove(SyncStream.ORDER_IMPORT)
          && request.streams().contains(SyncStream.ORDER_IMPORT)) {
        notices.add("stream ORDER_IMPORT was asked for, but order import is off (SyncSettings.orderImport()); skipped");
      }
      request.reimportFrom().ifPresent(from -> {
        for (SyncStream s : requested) {
          // only ever back: a bookmark before the date (changes not read yet) or a stream that never
          // completed a read (its full read still has to run) is kept, so nothing is skipped
          Bookmark current = position(s).bookmark();
          Bookmark back = Bookmark.time(from);
          if (current != null && current.kind() != Bookmark.Kind.TIME) {
            notices.add(s + ": its bookmark is a sequence number, not a time; it is read in full to re-import what"
                + " changed since " + from);
            reimportInFull.add(s);
          } else if (current != null && current.compareTo(back) > 0) {
            save(s, Position.completed(back));
          }
        }
      });

      List<Location> locations = new ArrayList<>();
      runPlan(connector.locations(), Set.of(SyncStream.LOCATIONS), page -> locations.addAll(page.batch().locations()));
      if (status == SyncReport.Status.COMPLETE && !requested.isEmpty()) {
        Set<SyncStream> full = EnumSet.noneOf(SyncStream.class);
        for (SyncStream s : requested) {
          if (request.forceFull() || reimportInFull.contains(s)
              || position(s).bookmark() == null && !position(s).completedOnce()) {
            full.add(s);
          }
        }
        List<ReadPlan> plans = connector.plans(new PlanContext(requested, full, locations));
        checkCoverage(plans, requested);
        for (ReadPlan plan : plans) {
          if (status != SyncReport.Status.COMPLETE) {
            break;
          }
          runPlan(plan, full, page -> {});
        }
      }
      return report(before);
    }

    private void checkCoverage(List<ReadPlan> plans, Set<SyncStream> requested) {
      Set<SyncStream> covered = EnumSet.noneOf(SyncStream.class);
      for (ReadPlan plan : plans) {
        for (SyncStream s : plan.streams()) {
          if (!covered.add(s)) {
            throw new SyncRunException(SyncRunException.Reason.CONNECTOR, connector.accountKey(),
                "connector bug: stream " + s + " is covered by two read plans");
          }
        }
      }
      if (!covered.equals(requested)) {
        throw new SyncRunException(SyncRunException.Reason.CONNECTOR, connector.accountKey(),
            "connector bug: the read plans cover " + covered + ", but " + requested + " were asked for");
      }
    }

    /** The stream whose checkpoint keeps a plan's progress: its first stream. */
    private SyncStream anchor(ReadPlan plan) {
      return EnumSet.copyOf(plan.streams()).iterator().next();
    }

    private void runPlan(ReadPlan plan, Set<SyncStream> full, java.util.function.Consumer<PassPage> peek) {
      SyncStream anchor = anchor(plan);
      boolean locationsPlan = plan.streams().contains(SyncStream.LOCATIONS);
      boolean readFull = locationsPlan || full.containsAll(plan.streams());
      for (SyncStream s : plan.streams()) {
        StreamCounter c = counters.computeIfAbsent(s, k -> new StreamCounter());
        c.describe(plan.name(), plan.estimate(), readFull);
      }
      Position position = locationsPlan ? Position.NONE : position(anchor);
      if (position.inProgress() && !plan.name().equals(position.plan())) {
        notices.add(anchor + ": the interrupted read used plan " + position.plan() + "; restarting with plan "
            + plan.name());
        position = position.restarted();
      }
      if (request.forceFull() && !position.inProgress()) {
        position = Position.NONE;
      }
      Bookmark bookmark = readFull && !position.inProgress() ? null : position.bookmark();
      ReadStart start = bookmark == null ? ReadStart.FULL : ReadStart.from(back(bookmark));
      if (start.full() && request.reimportFrom().isPresent()
          && plan.streams().stream().anyMatch(reimportInFull::contains)) {
        start = ReadStart.reimport(request.reimportFrom().get());
      }
      if (plan.streams().contains(SyncStream.ORDER_IMPORT) && settings.orderImport().isPresent()) {
        // order import looks only at orders changed within its window, even on its first read
        Instant windowStart = (position.planStart() != null ? position.planStart() : clock.instant())
            .minus(settings.orderImport().get().changeWindow());
        if (start.sinceTime().map(t -> t.isBefore(windowStart)).orElse(true)) {
          start = ReadStart.from(Bookmark.time(windowStart));
        }
      }
      Instant planStart = position.planStart() != null ? position.planStart() : clock.instant();
      Map<SyncStream, Bookmark> newest = new EnumMap<>(SyncStream.class);
      newest.putAll(position.newest());
      // the account's locations are judged by the location settings all at once, after their last page
      Batch.@Nullable Builder accountLocations = locationsPlan ? Batch.builder() : null;
      int passIndex = position.inProgress() ? position.pass() : 0;
      String cursor = position.inProgress() ? position.cursor() : null;
      while (passIndex < plan.passes().size()) {
        ReadPass pass = plan.passes().get(passIndex);
        if (!mayContinue()) {
          return;
        }
        PassPage page;
        try {
          page = read(pass, start, cursor);
        } catch (CursorRejectedException e) {
          if (cursor == null) { // no saved cursor to drop: restarting would repeat the same request forever
            throw new SyncRunException(SyncRunException.Reason.CONNECTOR, connector.accountKey(),
                "connector bug: pass " + pass.name() + " refused its own first page: " + e.getMessage());
          }
          notices.add(anchor + ": the saved checkpoint could not be used (" + e.getMessage()
              + "); the stream restarts from its last completed read");
          passIndex = 0;
          cursor = null;
          newest.clear();
          continue;
        }
        if (page == null) {
          return; // stopped for the rate limit or interrupted; the checkpoint is where it was
        }
        peek.accept(page);
        for (SyncStream s : plan.streams()) {
          page.newest(s).ifPresent(b -> newest.merge(s, b, Bookmark::max));
        }
        if (page.next().isPresent()) {
          cursor = page.next().get();
        } else {
          passIndex++;
          cursor = null;
        }
        if (accountLocations != null) {
          accountLocations.addLocations(page.batch().locations()).addIssues(page.batch().issues());
        } else {
          // the page's writes and its checkpoint, committed together
          Position at = passIndex < plan.passes().size()
              ? (bookmark == null ? Position.NONE : position).at(plan.name(), passIndex, cursor, newest, planStart)
              : null;
          inUnit(plan.streams(), () -> {
            rules.apply(page.batch(), pass.revisit(), plan.streams(), counters);
            if (at != null) {
              save(anchor, at);
            } else {
              completed(plan, readFull, planStart, newest);
            }
          });
        }
        for (SyncStream s : plan.streams()) {
          counters.get(s).page();
        }
      }
      if (accountLocations != null) {
        Batch all = accountLocations.build();
        inUnit(plan.streams(), () -> rules.apply(all, false, plan.streams(), counters));
      }
    }

    /** Every stream of a plan read to its end: each gets a completed checkpoint with its new bookmark. */
    private void completed(ReadPlan plan, boolean readFull, Instant planStart, Map<SyncStream, Bookmark> newest) {
      for (SyncStream s : plan.streams()) {
        Bookmark previous = position(s).bookmark();
        Bookmark next = plan.bookmarkRule() == ReadPlan.BookmarkRule.PLAN_START
            ? Bookmark.time(planStart)
            : max(readFull ? null : previous, newest.get(s));
        save(s, Position.completed(next == null ? previous : next));
      }
    }

    /**
     * Runs one page's writes as a unit of the sink ({@link SyncSink#unitOfWork}). An order import
     * page may read the missing products of its orders from the platform, so it runs outside a unit:
     * no network call is ever made inside a store transaction.
     */
    private void inUnit(Set<SyncStream> streams, Runnable work) {
      if (streams.contains(SyncStream.ORDER_IMPORT)) {
        work.run();
      } else {
        target.unitOfWork(work);
      }
    }

    /** Reads one page, waiting for a rate-limit window or stopping; {@code null} when stopped. */
    private @Nullable PassPage read(ReadPass pass, ReadStart start, @Nullable String cursor) {
      while (true) {
        try {
          return pass.read(start, cursor);
        } catch (SourceRateLimitedException e) {
          Instant retryAt = e.retryAt();
          if (rateLimitPolicy == RateLimitPolicy.STOP || stopAt != null && retryAt.isAfter(stopAt)) {
            status = SyncReport.Status.STOPPED_FOR_RATE_LIMIT;
            resumeAfter = retryAt;
            return null;
          }
          waits++;
          try {
            sleeper.sleep(Duration.between(clock.instant(), retryAt));
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            status = SyncReport.Status.INTERRUPTED;
            return null;
          }
        }
      }
    }

    /**
     * The connector's targeted read of SKUs, waiting for rate-limit windows within the deadline;
     * empty (with a notice) when the wait is not allowed, so the products come with the next
     * catalogue read instead.
     */
    private Batch fetchSkus(java.util.Collection<String> ids) {
      while (true) {
        try {
          return connector.fetchSkus(ids);
        } catch (SourceRateLimitedException e) {
          if (rateLimitPolicy == RateLimitPolicy.STOP || stopAt != null && e.retryAt().isAfter(stopAt)) {
            notices.add("the missing products " + ids + " of imported orders were not read (rate limit); the next"
                + " catalogue read brings them");
            return Batch.empty();
          }
          waits++;
          try {
            sleeper.sleep(Duration.between(clock.instant(), e.retryAt()));
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Batch.empty();
          }
        }
      }
    }

    private boolean mayContinue() {
      if (Thread.currentThread().isInterrupted()) {
        status = SyncReport.Status.INTERRUPTED;
        return false;
      }
      if (stopAt != null && !clock.instant().isBefore(stopAt)) {
        status = SyncReport.Status.DEADLINE_REACHED;
        return false;
      }
      return true;
    }

    private Bookmark back(Bookmark bookmark) {
      return bookmark.kind() == Bookmark.Kind.TIME ? Bookmark.time(bookmark.asTime().minus(overlap)) : bookmark;
    }

    private Position position(SyncStream stream) {
      Optional<Checkpoint> cp = target.checkpoint(checkpointName(connector.accountKey(), stream));
      if (cp.isEmpty()) {
        return Position.NONE;
      }
      try {
        return Position.parse(cp.get().position());
      } catch (RuntimeException e) {
        notices.add(stream + ": the checkpoint '" + cp.get().position() + "' cannot be read (" + e.getMessage()
            + "); the stream is read in full");
        return Position.NONE;
      }
    }

    private void save(SyncStream stream, Position position) {
      target.saveCheckpoint(Checkpoint.of(checkpointName(connector.accountKey(), stream), position.format(),
          clock.instant()));
    }
  }

  private static @Nullable Bookmark max(@Nullable Bookmark a, @Nullable Bookmark b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return Bookmark.max(a, b);
  }

  /** Builds a {@link SyncEngine}; not thread-safe. */
  public static final class Builder {
    private @Nullable SyncSink sink;
    private SyncSettings settings = SyncSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Duration overlap = Duration.ofMinutes(2);
    private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.WAIT;
    private @Nullable Duration deadline;

    private Builder() {}

    /** The host's storage (required). */
    public Builder sink(SyncSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink == null");
      return this;
    }

    /** The settings the rules run with (default {@link SyncSettings#defaults()}). */
    public Builder settings(SyncSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How the engine waits for a rate-limit window (tests pass one that moves a fake clock). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** How far before a time bookmark an incremental read starts (default 2 minutes). */
    public Builder overlap(Duration overlap) {
      Objects.requireNonNull(overlap, "overlap == null");
      if (overlap.isNegative()) {
        throw new IllegalArgumentException("overlap cannot be negative, was " + overlap);
      }
      this.overlap = overlap;
      return this;
    }

    /** Wait for rate-limit windows (the default) or stop at a checkpoint. */
    public Builder rateLimitPolicy(RateLimitPolicy policy) {
      this.rateLimitPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * The longest a run may take: at the first page boundary after it, the run stops at its
     * checkpoint with {@link SyncReport.Status#DEADLINE_REACHED}. Default: no deadline.
     */
    public Builder deadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline == null");
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive, was " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    public SyncEngine build() {
      return new SyncEngine(this);
    }
  }
}
