package dev.lightspeedsync.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;

/**
 * A table of R-Series records whose bulk is generated on demand as a pure function of the id
 * (ids 1..generated; the generator may return null for a hole), plus an overlay of the records that
 * were written, created or deleted while the server runs. Nothing is materialised: iteration in id
 * or (timeStamp, id) order merges the generated id range with the overlay. This needs the generated
 * timeStamp to be non-decreasing in the id, which every generator guarantees.
 *
 * <p>Thread-safety: reads may run concurrently with one writer (the overlay uses concurrent
 * collections); writers are serialised by the caller.
 */
public final class RTable {
  /** Sort key of keyset pagination. For id order only {@code id} is used. */
  public record Key(long ts, long id) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Long.compare(ts, o.ts);
      return c != 0 ? c : Long.compare(id, o.id);
    }
  }

  private static final Rec TOMBSTONE = new Rec(-1, 0, new LinkedHashMap<>());

  public final String name;
  public final String idField;
  /** Null when the resource has no timeStamp (then it cannot be sorted by it). */
  public final String tsField;
  public final long generated;
  private final LongFunction<Rec> generator;
  private final LongUnaryOperator genTs;
  private final ConcurrentSkipListMap<Long, Rec> overlay = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListSet<Key> overlayByTs = new ConcurrentSkipListSet<>();
  private final Map<String, Map<Long, Set<Long>>> indexes = new ConcurrentHashMap<>();
  private long nextId;
  private final java.util.concurrent.atomic.AtomicLong modCount = new java.util.concurrent.atomic.AtomicLong();

  public RTable(String name, String idField, String tsField, long generated, LongFunction<Rec> generator,
      LongUnaryOperator genTs, String... indexedFields) {
    this.name = name;
    this.idField = idField;
    this.tsField = tsField;
    this.generated = generated;
    this.generator = generator;
    this.genTs = tsField == null ? id -> 0L : genTs;
    this.nextId = generated + 1;
    for (String f : indexedFields) {
      indexes.put(f, new ConcurrentHashMap<>());
    }
  }

  public Rec get(long id) {
    Rec ov = overlay.get(id);
    if (ov != null) {
      return ov == TOMBSTONE ? null : ov;
    }
    if (id >= 1 && id <= generated) {
      return generator.apply(id);
    }
    return null;
  }

  /** The generated version of a record, ignoring the overlay. */
  public Rec generatedVersion(long id) {
    return id >= 1 && id <= generated ? generator.apply(id) : null;
  }

  public synchronized long allocateId() {
    return nextId++;
  }

  public int overlaySize() {
    return overlay.size();
  }

  /** Stores a created or changed record. Callers serialise writes. */
  /** Incremented by every write; caches derived from the table compare it. */
  public long modCount() {
    return modCount.get();
  }

  public void put(Rec rec) {
    modCount.incrementAndGet();
    Rec old = overlay.get(rec.id);
    if (old != null && old != TOMBSTONE) {
      overlayByTs.remove(new Key(old.ts, old.id));
    }
    overlay.put(rec.id, rec);
    overlayByTs.add(new Key(rec.ts, rec.id));
    if (rec.id > generated) {
      for (Map.Entry<String, Map<Long, Set<Long>>> e : indexes.entrySet()) {
        if (old != null && old != TOMBSTONE) {
          Set<Long> s = e.getValue().get(parse(old.get(e.getKey())));
          if (s != null) {
            s.remove(rec.id);
          }
        }
        e.getValue().computeIfAbsent(parse(rec.get(e.getKey())), k -> new ConcurrentSkipListSet<>()).add(rec.id);
      }
    }
  }

  /** Hard delete (for entities the API deletes rather than archives). */
  public void delete(long id) {
    modCount.incrementAndGet();
    Rec old = get(id);
    if (old == null) {
      return;
    }
    overlayByTs.remove(new Key(old.ts, old.id));
    overlay.put(id, TOMBSTONE);
    for (Map.Entry<String, Map<Long, Set<Long>>> e : indexes.entrySet()) {
      Set<Long> s = e.getValue().get(parse(old.get(e.getKey())));
      if (s != null) {
        s.remove(id);
      }
    }
  }

  /** Created (not generated) records whose indexed field equals the value. */
  public Set<Long> createdWhere(String field, long value) {
    Map<Long, Set<Long>> idx = indexes.get(field);
    if (idx == null) {
      throw new IllegalStateException(name + "." + field + " is not indexed");
    }
    Set<Long> s = idx.get(value);
    return s == null ? Set.of() : s;
  }

  /** Records of the given ids (generated children of a parent) plus created ones, in id order. */
  public List<Rec> children(long fromId, long toId, String parentField, long parentId) {
    List<Rec> out = new ArrayList<>();
    for (long id = Math.max(1, fromId); id <= Math.min(toId, generated); id++) {
      Rec r = get(id);
      if (r != null) {
        out.add(r);
      }
    }
    for (long id : createdWhere(parentField, parentId)) {
      Rec r = get(id);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  private static long parse(String v) {
    try {
      return v == null || v.isEmpty() ? 0L : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return 0L;
    }
  }

  /** Lower/upper bounds (inclusive) on the sort field that filters imply; used to skip ranges. */
  public record Bounds(long lo, long hi) {
    public static final Bounds ALL = new Bounds(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * Iterates records in sort order strictly after (ascending) or before (descending) {@code start}
   * (null: from the beginning), restricted to the sort-field bounds, returning only records that
   * pass {@code keyFilter} (checked on the key alone, before generating) and {@code filter}.
   */
  public Iterator<Rec> iterate(boolean byTs, boolean ascending, Key start, Bounds bounds,
      Predicate<Key> keyFilter, Predicate<Rec> filter) {
    return iterate(byTs, ascending, start, bounds, Bounds.ALL, keyFilter, filter);
  }

  /**
   * As above; for id order, {@code tsBounds} (inclusive epoch seconds, a necessary condition the
   * filter also checks) narrows the generated id range, since generated timestamps grow with the id.
   */
  public Iterator<Rec> iterate(boolean byTs, boolean ascending, Key start, Bounds bounds, Bounds tsBounds,
      Predicate<Key> keyFilter, Predicate<Rec> filter) {
    Iterator<Key> keys;
    if (byTs) {
      keys = tsKeys(ascending, start, bounds);
    } else if (tsField != null && !tsBounds.equals(Bounds.ALL)) {
      keys = idKeysWithinTs(ascending, start, bounds, tsBounds);
    } else {
      keys = idKeys(ascending, start, bounds);
    }
    return new Iterator<>() {
      Rec next = advance();

      private Rec advance() {
        while (keys.hasNext()) {
          Key k = keys.next();
          if (!keyFilter.test(k)) {
            continue;
          }
          Rec r = get(k.id);
          if (r != null && filter.test(r)) {
            return r;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Rec next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Rec r = next;
        next = advance();
        return r;
      }
    };
  }

  private Iterator<Key> idKeys(boolean asc, Key start, Bounds b) {
    long lo = b.lo;
    long hi = b.hi;
    if (start != null) {
      if (asc) {
        lo = Math.max(lo, start.id + 1);
      } else {
        hi = Math.min(hi, start.id - 1);
      }
    }
    final long from = Math.max(lo, 1);
    final long to = hi;
    if (from > to) {
      return Collections.emptyIterator();
    }
    NavigableSet<Long> created = overlay.navigableKeySet().subSet(Math.max(generated + 1, from), true,
        Math.max(generated + 1, to), true);
    if (to < generated + 1) {
      created = Collections.emptyNavigableSet();
    }
    Iterator<Long> createdIt = asc ? created.iterator() : created.descendingIterator();
    long genFrom = from;
    long genTo = Math.min(to, generated);
    return new Iterator<>() {
      long g = asc ? genFrom : genTo;
      boolean inGen = genFrom <= genTo;
      boolean createdFirst = !asc;

      @Override
      public boolean hasNext() {
        if (createdFirst) {
          return createdIt.hasNext() || inGen;
        }
        return inGen || createdIt.hasNext();
      }

      @Override
      public Key next() {
        if (createdFirst && createdIt.hasNext()) {
          return new Key(0, createdIt.next());
        }
        if (inGen) {
          long id = g;
          if (asc) {
            g++;
            inGen = g <= genTo;
          } else {
            g--;
            inGen = g >= genFrom;
          }
          return new Key(0, id);
        }
        return new Key(0, createdIt.next());
      }
    };
  }

  /** First generated id whose key is greater than k (generated+1 when none). */
  private long firstGenAfter(Key k) {
    long lo = 1;
    long hi = generated + 1;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (new Key(genTs.applyAsLong(mid), mid).compareTo(k) > 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private Iterator<Key> tsKeys(boolean asc, Key start, Bounds b) {
    Key lower = new Key(b.lo == Long.MIN_VALUE ? Long.MIN_VALUE : b.lo - 1, Long.MAX_VALUE);
    Key upper = new Key(b.hi == Long.MAX_VALUE ? Long.MAX_VALUE : b.hi + 1, Long.MIN_VALUE);
    if (start != null) {
      if (asc && start.compareTo(lower) > 0) {
        lower = start;
      }
      if (!asc && start.compareTo(upper) < 0) {
        upper = start;
      }
    }
    final Key lowEx = lower;
    final Key highEx = upper;
    if (lowEx.compareTo(highEx) >= 0) {
      return Collections.emptyIterator();
    }
    NavigableSet<Key> ov = overlayByTs.subSet(lowEx, false, highEx, false);
    Iterator<Key> ovIt = asc ? ov.iterator() : ov.descendingIterator();
    // generated ids whose key lies strictly between lowEx and highEx
    long gFrom = firstGenAfter(lowEx);
    long gToExclusive = firstGenAtOrAfter(highEx);
    final long genFrom = gFrom;
    final long genTo = gToExclusive - 1;
    return new Iterator<>() {
      long g = asc ? genFrom : genTo;
      Key pendingGen = nextGen();
      Key pendingOv = ovIt.hasNext() ? ovIt.next() : null;

      private Key nextGen() {
        while (asc ? g <= genTo : g >= genFrom) {
          long id = g;
          g += asc ? 1 : -1;
          if (!overlay.containsKey(id)) {
            return new Key(genTs.applyAsLong(id), id);
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return pendingGen != null || pendingOv != null;
      }

      @Override
      public Key next() {
        boolean takeGen;
        if (pendingGen == null) {
          takeGen = false;
        } else if (pendingOv == null) {
          takeGen = true;
        } else {
          int c = pendingGen.compareTo(pendingOv);
          takeGen = asc ? c < 0 : c > 0;
        }
        if (takeGen) {
          Key k = pendingGen;
          pendingGen = nextGen();
          return k;
        }
        if (pendingOv == null) {
          throw new NoSuchElementException();
        }
        Key k = pendingOv;
        pendingOv = ovIt.hasNext() ? ovIt.next() : null;
        return k;
      }
    };
  }

  /** Ids in id order whose timeStamp may lie within {@code ts}: a narrowed generated range merged with the overlay. */
  private Iterator<Key> idKeysWithinTs(boolean asc, Key start, Bounds b, Bounds ts) {
    if (ts.lo > ts.hi) {
      return Collections.emptyIterator();
    }
    long lo = b.lo;
    long hi = b.hi;
    if (start != null) {
      if (asc) {
        lo = Math.max(lo, start.id + 1);
      } else {
        hi = Math.min(hi, start.id - 1);
      }
    }
    long genLo = Math.max(Math.max(lo, 1), firstGenAtOrAfter(new Key(ts.lo, Long.MIN_VALUE)));
    long genHi = Math.min(Math.min(hi, generated),
        ts.hi == Long.MAX_VALUE ? generated : firstGenAfter(new Key(ts.hi, Long.MAX_VALUE)) - 1);
    java.util.TreeSet<Long> ov = new java.util.TreeSet<>();
    Key from = new Key(ts.lo, Long.MIN_VALUE);
    Key to = new Key(ts.hi, Long.MAX_VALUE);
    for (Key k : overlayByTs.subSet(from, true, to, true)) {
      if (k.id >= lo && k.id <= hi) {
        ov.add(k.id);
      }
    }
    Iterator<Long> ovIt = asc ? ov.iterator() : ov.descendingIterator();
    return new Iterator<>() {
      long g = asc ? genLo : genHi;
      Long pendingGen = nextGen();
      Long pendingOv = ovIt.hasNext() ? ovIt.next() : null;

      private Long nextGen() {
        while (asc ? g <= genHi : g >= genLo) {
          long id = g;
          g += asc ? 1 : -1;
          if (!overlay.containsKey(id)) {
            return id;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return pendingGen != null || pendingOv != null;
      }

      @Override
      public Key next() {
        boolean takeGen = pendingOv == null || (pendingGen != null && (asc ? pendingGen < pendingOv : pendingGen > pendingOv));
        if (takeGen) {
          if (pendingGen == null) {
            throw new NoSuchElementException();
          }
          long id = pendingGen;
          pendingGen = nextGen();
          return new Key(0, id);
        }
        long id = pendingOv;
        pendingOv = ovIt.hasNext() ? ovIt.next() : null;
        return new Key(0, id);
      }
    };
  }

  private long firstGenAtOrAfter(Key k) {
    long lo = 1;
    long hi = generated + 1;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (new Key(genTs.applyAsLong(mid), mid).compareTo(k) >= 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
