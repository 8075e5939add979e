package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * An eCom table: records generated from the id on demand (1..generated, null for holes) plus an
 * overlay of changed, created and deleted records. Iterates in id order without materialising.
 */
public final class ETable {
  private static final ObjectNode TOMBSTONE = Json.obj();

  public final String name;
  public final long generated;
  private final boolean dense;
  private final LongFunction<ObjectNode> generator;
  private final ConcurrentSkipListMap<Long, ObjectNode> overlay = new ConcurrentSkipListMap<>();
  private final AtomicLong nextId;
  private final AtomicLong deletions = new AtomicLong();

  /** {@code dense}: the generator never returns null for ids 1..generated. */
  public ETable(String name, long generated, boolean dense, LongFunction<ObjectNode> generator) {
    this.name = name;
    this.generated = generated;
    this.dense = dense;
    this.generator = generator;
    this.nextId = new AtomicLong(generated + 1);
  }

  public ObjectNode get(long id) {
    ObjectNode o = overlay.get(id);
    if (o != null) {
      return o == TOMBSTONE ? null : o;
    }
    return id >= 1 && id <= generated ? generator.apply(id) : null;
  }

  public long allocateId() {
    return nextId.getAndIncrement();
  }

  public void put(long id, ObjectNode n) {
    overlay.put(id, n);
  }

  public void delete(long id) {
    if (get(id) != null) {
      overlay.put(id, TOMBSTONE);
      deletions.incrementAndGet();
    }
  }

  /** True when the n-th record after {@code sinceId} is simply id sinceId+n+1 (no holes, no deletes). */
  public boolean denseFrom(long sinceId) {
    return dense && deletions.get() == 0 && sinceId < generated;
  }

  /** Records with id greater than {@code sinceId} matching the filter, in id order. */
  public Iterator<ObjectNode> iterate(long sinceId, Predicate<ObjectNode> filter) {
    return new Iterator<>() {
      long id = Math.max(sinceId, 0);
      Iterator<Long> created = null;
      ObjectNode next = advance();

      private ObjectNode advance() {
        while (id < generated) {
          id++;
          ObjectNode n = get(id);
          if (n != null && filter.test(n)) {
            return n;
          }
        }
        if (created == null) {
          created = overlay.navigableKeySet().tailSet(Math.max(generated, sinceId), false).iterator();
        }
        while (created.hasNext()) {
          ObjectNode n = get(created.next());
          if (n != null && filter.test(n)) {
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
