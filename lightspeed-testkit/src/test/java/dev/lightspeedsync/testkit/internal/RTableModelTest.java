package dev.lightspeedsync.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keyset iteration over generated + overlay records against a brute-force model. */
class RTableModelTest {
  private static Rec gen(long id) {
    if (id % 7 == 3) {
      return null; // a hole
    }
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    f.put("id", Long.toString(id));
    f.put("odd", id % 2 == 1 ? "true" : "false");
    return new Rec(id, genTs(id), f);
  }

  private static long genTs(long id) {
    return 1000 + (id - 1) / 3 * 10; // ties of three
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void iterationMatchesTheModel(long seed) {
    Random rnd = new Random(seed);
    long n = 60;
    RTable t = new RTable("T", "id", "timeStamp", n, RTableModelTest::gen, RTableModelTest::genTs, "odd");
    for (int i = 0; i < 25; i++) {
      int op = rnd.nextInt(3);
      if (op == 0) {
        long id = 1 + rnd.nextInt((int) n);
        Rec r = t.get(id);
        if (r != null) {
          t.put(new Rec(id, 900 + rnd.nextInt(900), r.fields));
        }
      } else if (op == 1) {
        long id = t.allocateId();
        LinkedHashMap<String, String> f = new LinkedHashMap<>();
        f.put("id", Long.toString(id));
        f.put("odd", id % 2 == 1 ? "true" : "false");
        t.put(new Rec(id, 900 + rnd.nextInt(900), f));
      } else {
        t.delete(1 + rnd.nextInt((int) n + 10));
      }
    }
    List<Rec> all = new ArrayList<>();
    for (long id = 1; id <= n + 40; id++) {
      Rec r = t.get(id);
      if (r != null) {
        all.add(r);
      }
    }
    Predicate<Rec> filter = r -> true;
    Predicate<Rec> odd = r -> r.getBool("odd");
    for (int q = 0; q < 200; q++) {
      boolean byTs = rnd.nextBoolean();
      boolean asc = rnd.nextBoolean();
      boolean onlyOdd = rnd.nextBoolean();
      Comparator<Rec> order = byTs ? Comparator.comparingLong((Rec r) -> r.ts).thenComparingLong(r -> r.id)
          : Comparator.comparingLong((Rec r) -> r.id);
      if (!asc) {
        order = order.reversed();
      }
      RTable.Key start = null;
      if (rnd.nextInt(4) > 0) {
        start = new RTable.Key(byTs ? 900 + rnd.nextInt(1000) : 0, rnd.nextInt((int) n + 40));
      }
      long lo = rnd.nextInt(3) == 0 ? Long.MIN_VALUE : (byTs ? 900 + rnd.nextInt(1000) : rnd.nextInt((int) n + 40));
      long hi = rnd.nextInt(3) == 0 ? Long.MAX_VALUE : lo == Long.MIN_VALUE ? 2000 : lo + rnd.nextInt(byTs ? 600 : 40);
      RTable.Bounds bounds = new RTable.Bounds(lo, hi);
      long tsLo = 900 + rnd.nextInt(1000);
      RTable.Bounds tsBounds = !byTs && rnd.nextBoolean() ? new RTable.Bounds(tsLo, tsLo + rnd.nextInt(500))
          : RTable.Bounds.ALL;
      final RTable.Key s = start;
      final Comparator<Rec> ord = order;
      List<Long> expected = all.stream()
          .filter(r -> !onlyOdd || odd.test(r))
          .filter(r -> {
            long v = byTs ? r.ts : r.id;
            return v >= bounds.lo() && v <= bounds.hi();
          })
          .filter(r -> r.ts >= tsBounds.lo() && r.ts <= tsBounds.hi())
          .filter(r -> {
            if (s == null) {
              return true;
            }
            int c = byTs ? new RTable.Key(r.ts, r.id).compareTo(s) : Long.compare(r.id, s.id());
            return asc ? c > 0 : c < 0;
          })
          .sorted(ord).map(r -> r.id).collect(Collectors.toList());
      List<Long> actual = new ArrayList<>();
      Iterator<Rec> it = t.iterate(byTs, asc, start, bounds, tsBounds, k -> true,
          r -> (!onlyOdd || odd.test(r)) && r.ts >= tsBounds.lo() && r.ts <= tsBounds.hi() && filter.test(r));
      it.forEachRemaining(r -> actual.add(r.id));
      assertThat(actual).as("byTs=%s asc=%s start=%s bounds=%s ts=%s", byTs, asc, start, bounds, tsBounds)
          .isEqualTo(expected);
    }
  }
}
