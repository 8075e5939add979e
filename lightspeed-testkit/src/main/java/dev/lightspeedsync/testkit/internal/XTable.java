package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * An X-Series table ordered by the global {@code version}: records 1..generated are generated from
 * the ordinal on demand (null for holes) with versions that grow with the ordinal; every changed or
 * created record lives in an overlay with a version taken from the store's global counter, which
 * starts above every generated version. A walk by version is therefore the generated ordinals not
 * overridden, in order, followed by the overlay in version order. Nothing is materialised.
 */
public final class XTable {
  /** Versions of generated records: ((ordinal * GAP + jitter) * TABLES + table) + BASE. */
  static final int TABLES = 16;
  static final int GAP = 4;
  static final long BASE = 100_000;

  public final String name;
  public final int index;
  public final long generated;
  private final long seed;
  private final LongFunction<ObjectNode> generator;
  private final Map<Long, ObjectNode> overlay = new ConcurrentHashMap<>();
  /** version -> ordinal, for every overlay record (the entry of its current version only). */
  private final ConcurrentSkipListMap<Long, Long> byVersion = new ConcurrentSkipListMap<>();
  private final AtomicLong nextOrdinal;

  public XTable(String name, int index, long generated, long seed, LongFunction<ObjectNode> generator) {
    this.name = name;
    this.index = index;
    this.generated = generated;
    this.seed = seed;
    this.generator = generator;
    this.nextOrdinal = new AtomicLong(generated + 1);
  }

  /** The version of generated record {@code ordinal}. */
  public long generatedVersion(long ordinal) {
    return (ordinal * GAP + Hashing.below(seed, "xver", ordinal, index, GAP)) * TABLES + index + BASE;
  }

  /** The highest version any generated record of this table has. */
  public long maxGeneratedVersion() {
    return generated == 0 ? 0 : generatedVersion(generated);
  }

  /** First generated ordinal whose version is greater than {@code version}. */
  private long firstGeneratedAfter(long version) {
    long i = Math.max(1, (version - BASE) / TABLES / GAP - 1);
    while (i <= generated && generatedVersion(i) <= version) {
      i++;
    }
    return i;
  }

  /** The current record (deleted ones included, they carry deleted_at), or null. */
  public ObjectNode get(long ordinal) {
    ObjectNode o = overlay.get(ordinal);
    if (o != null) {
      return o;
    }
    return ordinal >= 1 && ordinal <= generated ? generator.apply(ordinal) : null;
  }

  public boolean isOverridden(long ordinal) {
    return overlay.containsKey(ordinal);
  }

  public long allocateOrdinal() {
    return nextOrdinal.getAndIncrement();
  }

  /** One past the highest ordinal in use. */
  public long ordinalLimit() {
    return nextOrdinal.get();
  }

  /** Stores a new state of the record; its {@code version} field must already be the new version. */
  public void put(long ordinal, ObjectNode n) {
    long version = n.path("version").asLong();
    ObjectNode old = overlay.put(ordinal, n);
    if (old != null) {
      byVersion.remove(old.path("version").asLong(), ordinal);
    }
    byVersion.put(version, ordinal);
    if (ordinal >= nextOrdinal.get()) {
      nextOrdinal.accumulateAndGet(ordinal + 1, Math::max);
    }
  }

  /** Records with version in (after, before) matching the filter, in version order. */
  public Iterator<ObjectNode> walk(long after, long before, Predicate<ObjectNode> filter) {
    return new Iterator<>() {
      long ordinal = firstGeneratedAfter(after);
      Iterator<Map.Entry<Long, Long>> changed;
      ObjectNode next = advance();

      private ObjectNode advance() {
        while (ordinal <= generated) {
          long i = ordinal++;
          if (overlay.containsKey(i)) {
            continue;
          }
          if (generatedVersion(i) >= before) {
            ordinal = generated + 1;
            break;
          }
          ObjectNode n = generator.apply(i);
          if (n != null && filter.test(n)) {
            return n;
          }
        }
        if (changed == null) {
          changed = byVersion.tailMap(after, false).entrySet().iterator();
        }
        while (changed.hasNext()) {
          Map.Entry<Long, Long> e = changed.next();
          if (e.getKey() >= before) {
            changed = List.<Map.Entry<Long, Long>>of().iterator();
            return null;
          }
          ObjectNode n = overlay.get(e.getValue());
          if (n != null && n.path("version").asLong() == e.getKey() && filter.test(n)) {
            return n;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public ObjectNode next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        ObjectNode n = next;
        next = advance();
        return n;
      }
    };
  }

  /** Up to {@code limit} records of a walk. */
  public List<ObjectNode> page(long after, long before, int limit, Predicate<ObjectNode> filter) {
    List<ObjectNode> out = new ArrayList<>(Math.min(limit, 1024));
    Iterator<ObjectNode> it = walk(after, before, filter);
    while (out.size() < limit && it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  /** Every record in ordinal order (generated, then created), deleted included. */
  public Iterator<ObjectNode> byOrdinal() {
    return new Iterator<>() {
      long i = 0;
      ObjectNode next = advance();

      private ObjectNode advance() {
        long limit = nextOrdinal.get();
        while (++i < limit) {
          ObjectNode n = get(i);
          if (n != null) {
            return n;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public ObjectNode next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        ObjectNode n = next;
        next = advance();
        return n;
      }
    };
  }
}
