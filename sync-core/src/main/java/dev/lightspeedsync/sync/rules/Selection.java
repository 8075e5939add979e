package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The records a filtering rule kept, in input order, and the ones it left out with a reason.
 *
 * <p>Filtering rules run over millions of records, so the excluded records are kept as they are
 * ({@link #excluded()}) and their {@link Exclusion}s ({@link #exclusions()}, with the record id and
 * reason) are only created when first asked for. Immutable and thread-safe.
 *
 * @param <T> the record type
 */
public final class Selection<T> {
  private final List<T> kept;
  private final List<T> excluded;
  private final List<ReasonCode> reasons;
  private final Function<? super T, String> idOf;
  private volatile @Nullable List<Exclusion> exclusions;

  private Selection(List<T> kept, List<T> excluded, List<ReasonCode> reasons,
      Function<? super T, String> idOf) {
    this.kept = Collections.unmodifiableList(kept);
    this.excluded = Collections.unmodifiableList(excluded);
    this.reasons = reasons;
    this.idOf = idOf;
  }

  /** Records kept, in input order. */
  public List<T> kept() {
    return kept;
  }

  /** Records left out, in input order. */
  public List<T> excluded() {
    return excluded;
  }

  /** Why each record was left out, parallel to {@link #excluded()}; built on first use. */
  public List<Exclusion> exclusions() {
    List<Exclusion> e = exclusions;
    if (e == null) {
      List<Exclusion> built = new ArrayList<>(excluded.size());
      for (int i = 0; i < excluded.size(); i++) {
        built.add(new Exclusion(idOf.apply(excluded.get(i)), reasons.get(i)));
      }
      e = Collections.unmodifiableList(built);
      exclusions = e;
    }
    return e;
  }

  @Override
  public String toString() {
    return "Selection{kept=" + kept.size() + ", excluded=" + excluded.size() + "}";
  }

  /** Collects a selection in one pass; not thread-safe, used inside a single rule call. */
  static final class Collector<T> {
    private final List<T> kept;
    private final List<T> excluded = new ArrayList<>();
    private final List<ReasonCode> reasons = new ArrayList<>();
    private final Function<? super T, String> idOf;

    Collector(int expected, Function<? super T, String> idOf) {
      this.kept = new ArrayList<>(expected);
      this.idOf = idOf;
    }

    void keep(T record) {
      kept.add(record);
    }

    void exclude(T record, ReasonCode reason) {
      excluded.add(record);
      reasons.add(Objects.requireNonNull(reason, "reason == null"));
    }

    Selection<T> build() {
      return new Selection<>(kept, excluded, reasons, idOf);
    }
  }
}
