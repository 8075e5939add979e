package dev.lightspeedsync.examples.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Requests counted per URL (path and query, as the server logged them): which URLs a sync read more
 * than once. Built from the testkit's request log. Immutable.
 */
public final class RequestTally {
  private final Map<String, Integer> counts;
  private final long total;

  private RequestTally(Map<String, Integer> counts, long total) {
    this.counts = Collections.unmodifiableMap(counts);
    this.total = total;
  }

  /** Tallies the targets ({@code path?query}) in the order given. */
  public static RequestTally of(List<String> targets) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String t : targets) {
      counts.merge(Objects.requireNonNull(t, "target == null"), 1, Integer::sum);
    }
    return new RequestTally(counts, targets.size());
  }

  /** Requests tallied. */
  public long total() {
    return total;
  }

  /** Distinct URLs. */
  public int distinct() {
    return counts.size();
  }

  /** Requests beyond the first to the same URL. */
  public long repeats() {
    return total - counts.size();
  }

  /** URLs requested more than once, with their count, in the order first requested. */
  public Map<String, Integer> repeated() {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.forEach((url, n) -> {
      if (n > 1) {
        out.put(url, n);
      }
    });
    return out;
  }

  /**
   * The repeated URLs grouped by their path with every number replaced by {@code {n}} (for example
   * {@code /nl/orders/{n}/products.json}), each with the requests beyond the first.
   */
  public Map<String, Long> repeatsByShape() {
    Map<String, Long> out = new LinkedHashMap<>();
    repeated().forEach((url, n) -> {
      int q = url.indexOf('?');
      String path = q < 0 ? url : url.substring(0, q);
      out.merge(path.replaceAll("[0-9]+", "{n}"), (long) (n - 1), Long::sum);
    });
    return out;
  }

  /** The first {@code max} repeated URLs, for a report. */
  public List<String> examples(int max) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : repeated().entrySet()) {
      if (out.size() == max) {
        break;
      }
      out.add(e.getKey() + " x" + e.getValue());
    }
    return out;
  }
}
