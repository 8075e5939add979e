package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Component;
import dev.lightspeedsync.sync.model.CompositeDefinition;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rule 5 (seeds 000, 002): composite sales become component demand; buildable quantity of an
 * assembly.
 *
 * <p>{@link #compile} checks a set of composite definitions once: cycles are rejected with the cycle
 * named ("A -> B -> A"), so are composites nested deeper than {@link CompositeConfig#maxDepth()} and
 * every composite that contains a rejected one. Rejected composites are reported in
 * {@link #problems()} and their sales stay demand on themselves. Each accepted composite is flattened
 * to its leaf components with multiplied quantities, so {@link #breakDown} is one map lookup per line.
 *
 * <p>Immutable after compilation and safe to share between threads.
 */
public final class CompositeBreakdown {
  private static final List<String> DIRECT = List.of();

  /** Flattened leaves of one composite. */
  private static final class Expansion {
    final String[] skuIds;
    final long[] multipliers;
    final List<String>[] paths;

    @SuppressWarnings({"unchecked", "rawtypes"})
    Expansion(List<String> skuIds, List<Long> multipliers, List<List<String>> paths) {
      this.skuIds = skuIds.toArray(new String[0]);
      this.multipliers = new long[multipliers.size()];
      for (int i = 0; i < this.multipliers.length; i++) {
        this.multipliers[i] = multipliers.get(i);
      }
      this.paths = paths.toArray(new List[0]);
    }
  }

  private final CompositeConfig config;
  private final Map<String, Expansion> expansions;
  private final List<RecordIssue> problems;

  private CompositeBreakdown(CompositeConfig config, Map<String, Expansion> expansions,
      List<RecordIssue> problems) {
    this.config = config;
    this.expansions = expansions;
    this.problems = problems;
  }

  /**
   * Checks and flattens {@code definitions}. Never throws for bad definitions: they are reported in
   * {@link #problems()}. When two definitions name the same composite, the first one wins and the
   * second is reported.
   */
  public static CompositeBreakdown compile(List<CompositeDefinition> definitions,
      CompositeConfig config, Instant asOf) {
    Objects.requireNonNull(definitions, "definitions == null");
    Objects.requireNonNull(config, "config == null");
    Objects.requireNonNull(asOf, "asOf == null");
    Map<String, CompositeDefinition> byId = new LinkedHashMap<>();
    List<RecordIssue> problems = new ArrayList<>();
    for (CompositeDefinition d : definitions) {
      if (byId.putIfAbsent(d.compositeSkuId(), d) != null) {
        problems.add(RecordIssue.of(RecordKind.COMPOSITE, d.compositeSkuId(),
            ReasonCode.COMPOSITE_DEFINED_TWICE,
            "Composite " + d.compositeSkuId() + " is defined more than once; the first definition"
                + " is used", "Keep one definition per composite", asOf));
      }
    }
    Compiler compiler = new Compiler(byId, config.maxDepth(), asOf);
    for (String id : byId.keySet()) {
      compiler.depth(id);
    }
    problems.addAll(compiler.problems);
    Map<String, Expansion> expansions = new HashMap<>();
    for (String id : byId.keySet()) {
      if (compiler.rejected.contains(id)) {
        continue;
      }
      List<String> skus = new ArrayList<>();
      List<Long> multipliers = new ArrayList<>();
      List<List<String>> paths = new ArrayList<>();
      flatten(byId, id, 1, new ArrayList<>(), skus, multipliers, paths);
      expansions.put(id, new Expansion(skus, multipliers, paths));
    }
    return new CompositeBreakdown(config, expansions, Collections.unmodifiableList(problems));
  }

  private static void flatten(Map<String, CompositeDefinition> byId, String id, long multiplier,
      List<String> path, List<String> skus, List<Long> multipliers, List<List<String>> paths) {
    path.add(id);
    List<String> frozen = List.copyOf(path);
    for (Component c : byId.get(id).components()) {
      long m = Math.multiplyExact(multiplier, c.quantity());
      if (byId.containsKey(c.skuId())) {
        flatten(byId, c.skuId(), m, path, skus, multipliers, paths);
      } else {
        skus.add(c.skuId());
        multipliers.add(m);
        paths.add(frozen);
      }
    }
    path.remove(path.size() - 1);
  }

  /** Depth-first cycle and depth check with memoisation. */
  private static final class Compiler {
    final Map<String, CompositeDefinition> byId;
    final int maxDepth;
    final Instant asOf;
    final Map<String, Integer> depths = new HashMap<>();
    final Set<String> rejected = new HashSet<>();
    final Map<String, ReasonCode> rejectedWhy = new HashMap<>();
    final Set<String> reportedCycles = new HashSet<>();
    final List<RecordIssue> problems = new ArrayList<>();
    final List<String> stack = new ArrayList<>();
    final Set<String> onStack = new HashSet<>();

    Compiler(Map<String, CompositeDefinition> byId, int maxDepth, Instant asOf) {
      this.byId = byId;
      this.maxDepth = maxDepth;
      this.asOf = asOf;
    }

    /** Depth of {@code id}, or -1 when it is rejected. */
    int depth(String id) {
      Integer known = depths.get(id);
      if (known != null) {
        return known;
      }
      if (rejected.contains(id)) {
        return -1;
      }
      stack.add(id);
      onStack.add(id);
      int deepest = 0;
      boolean bad = false;
      String badChild = null;
      for (Component c : byId.get(id).components()) {
        String child = c.skuId();
        if (!byId.containsKey(child)) {
          continue;
        }
        if (onStack.contains(child)) {
          reportCycle(child);
          bad = true;
          continue;
        }
        int d = depth(child);
        if (d < 0) {
          bad = true;
          badChild = badChild == null ? child : badChild;
        } else {
          deepest = Math.max(deepest, d);
        }
      }
      stack.remove(stack.size() - 1);
      onStack.remove(id);
      int depth = deepest + 1;
      if (!bad && depth > maxDepth) {
        problems.add(RecordIssue.of(RecordKind.COMPOSITE, id, ReasonCode.COMPOSITE_TOO_DEEP,
            "Composite " + id + " nests " + depth + " levels deep; at most " + maxDepth
                + " are allowed", "Flatten the composition or raise CompositeConfig.maxDepth",
            asOf));
        rejectedWhy.put(id, ReasonCode.COMPOSITE_TOO_DEEP);
        rejected.add(id);
        return -1;
      }
      if (bad || rejected.contains(id)) {
        if (rejected.add(id) && badChild != null && !rejectedWhy.containsKey(id)) {
          ReasonCode why = rejectedWhy.getOrDefault(badChild, ReasonCode.COMPOSITE_CYCLE);
          rejectedWhy.put(id, why);
          problems.add(RecordIssue.of(RecordKind.COMPOSITE, id, why,
              "Composite " + id + " contains rejected composite " + badChild,
              "Fix composite " + badChild + " first", asOf));
        }
        return -1;
      }
      depths.put(id, depth);
      return depth;
    }

    private void reportCycle(String start) {
      int from = stack.indexOf(start);
      List<String> cycle = new ArrayList<>(stack.subList(from, stack.size()));
      for (String member : cycle) {
        rejectedWhy.put(member, ReasonCode.COMPOSITE_CYCLE);
      }
      // Name the cycle from its smallest id so that the same cycle is reported once.
      int min = 0;
      for (int i = 1; i < cycle.size(); i++) {
        if (cycle.get(i).compareTo(cycle.get(min)) < 0) {
          min = i;
        }
      }
      StringBuilder named = new StringBuilder();
      for (int i = 0; i <= cycle.size(); i++) {
        if (i > 0) {
          named.append(" -> ");
        }
        named.append(cycle.get((min + i) % cycle.size()));
      }
      String name = named.toString();
      if (reportedCycles.add(name)) {
        problems.add(RecordIssue.of(RecordKind.COMPOSITE, cycle.get(min),
            ReasonCode.COMPOSITE_CYCLE, "Composite definitions form a cycle: " + name,
            "Remove one of the components so that no composite contains itself", asOf));
      }
    }
  }

  /** Problems found while compiling: cycles, too deep nesting, duplicate definitions. */
  public List<RecordIssue> problems() {
    return problems;
  }

  public CompositeConfig config() {
    return config;
  }

  /** True when {@code skuId} is an accepted composite. */
  public boolean isComposite(String skuId) {
    return expansions.containsKey(skuId);
  }

  /**
   * Breaks every line of {@code orders} down into demand, in input order. Two passes: the first
   * looks every line up once and sizes the result exactly, the second fills it.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public BreakdownResult breakDown(List<SalesOrder> orders) {
    Objects.requireNonNull(orders, "orders == null");
    List<SalesOrder> input = List.copyOf(orders);
    int lineCount = 0;
    for (int i = 0, n = input.size(); i < n; i++) {
      lineCount += input.get(i).lines().size();
    }
    boolean keepComposite = config.keepCompositeDemand();
    Expansion[] perLine = new Expansion[lineCount];
    int rows = 0;
    int l = 0;
    for (int i = 0, n = input.size(); i < n; i++) {
      List<SalesLine> lines = input.get(i).lines();
      for (int j = 0, m = lines.size(); j < m; j++, l++) {
        Expansion e = expansions.get(lines.get(j).skuId());
        perLine[l] = e;
        rows += e == null ? 1 : e.skuIds.length + (keepComposite ? 1 : 0);
      }
    }
    int[] orderIndex = new int[rows];
    int[] lineIndex = new int[rows];
    String[] skuIds = new String[rows];
    long[] quantities = new long[rows];
    List<String>[] paths = new List[rows];
    int r = 0;
    l = 0;
    for (int i = 0, n = input.size(); i < n; i++) {
      List<SalesLine> lines = input.get(i).lines();
      for (int j = 0, m = lines.size(); j < m; j++, l++) {
        SalesLine line = lines.get(j);
        Expansion e = perLine[l];
        if (e == null || keepComposite) {
          orderIndex[r] = i;
          lineIndex[r] = j;
          skuIds[r] = line.skuId();
          quantities[r] = line.quantity();
          paths[r] = DIRECT;
          r++;
        }
        if (e != null) {
          long qty = line.quantity();
          String[] leaves = e.skuIds;
          for (int k = 0; k < leaves.length; k++, r++) {
            orderIndex[r] = i;
            lineIndex[r] = j;
            skuIds[r] = leaves[k];
            quantities[r] = Math.multiplyExact(qty, e.multipliers[k]);
            paths[r] = e.paths[k];
          }
        }
      }
    }
    return new BreakdownResult(input, rows, orderIndex, lineIndex, skuIds, quantities, paths);
  }

  /**
   * Units of {@code compositeSkuId} that can be built from {@code available} component stock
   * (missing components count as zero, negative stock as zero). Nested composites are resolved to
   * their leaf components. Not a composite, or a rejected one: zero.
   */
  public Buildable buildable(String compositeSkuId, Map<String, Long> available) {
    Objects.requireNonNull(compositeSkuId, "compositeSkuId == null");
    Objects.requireNonNull(available, "available == null");
    Expansion e = expansions.get(compositeSkuId);
    ImmutableBuildable.Builder out = ImmutableBuildable.builder().compositeSkuId(compositeSkuId);
    if (e == null) {
      return out.quantity(0).build();
    }
    Map<String, Long> perUnit = new LinkedHashMap<>();
    for (int k = 0; k < e.skuIds.length; k++) {
      perUnit.merge(e.skuIds[k], e.multipliers[k], Long::sum);
    }
    long best = Long.MAX_VALUE;
    String limiting = null;
    for (Map.Entry<String, Long> need : perUnit.entrySet()) {
      long have = Math.max(0, available.getOrDefault(need.getKey(), 0L));
      long units = have / need.getValue();
      if (units < best) {
        best = units;
        limiting = need.getKey();
      }
    }
    return out.quantity(best).limitingSkuId(Objects.requireNonNull(limiting)).build();
  }
}
