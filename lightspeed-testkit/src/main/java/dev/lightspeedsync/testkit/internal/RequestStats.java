package dev.lightspeedsync.testkit.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the requests the server answered. Thread-safe. */
public final class RequestStats {
  /** One answered request. */
  public record Entry(long sequence, String api, String endpoint, String method, String target, int status,
      String fault, long apiTimeMillis) {}

  private static final int RECENT = 10_000;
  private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byEndpointStatus = new ConcurrentHashMap<>();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder total = new LongAdder();
  private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Deque<Entry> recent = new ArrayDeque<>();

  public void record(String api, String endpoint, String method, String target, int status, boolean limited,
      String fault, long apiTimeMillis) {
    total.increment();
    byEndpoint.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
    byEndpointStatus.computeIfAbsent(endpoint + " " + status, k -> new LongAdder()).increment();
    if (limited) {
      rateLimited.increment();
    }
    if (fault != null) {
      faults.computeIfAbsent(fault, k -> new LongAdder()).increment();
    }
    Entry e = new Entry(sequence.incrementAndGet(), api, endpoint, method, target, status, fault, apiTimeMillis);
    synchronized (recent) {
      recent.addLast(e);
      if (recent.size() > RECENT) {
        recent.removeFirst();
      }
    }
  }

  public long count(String endpoint) {
    LongAdder a = byEndpoint.get(endpoint);
    return a == null ? 0 : a.sum();
  }

  public long count(String endpoint, int status) {
    LongAdder a = byEndpointStatus.get(endpoint + " " + status);
    return a == null ? 0 : a.sum();
  }

  public long total() {
    return total.sum();
  }

  public long rateLimited() {
    return rateLimited.sum();
  }

  public long faults(String fault) {
    LongAdder a = faults.get(fault);
    return a == null ? 0 : a.sum();
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    byEndpointStatus.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public List<Entry> recent() {
    synchronized (recent) {
      return new ArrayList<>(recent);
    }
  }

  public void reset() {
    byEndpoint.clear();
    byEndpointStatus.clear();
    rateLimited.reset();
    total.reset();
    faults.clear();
    synchronized (recent) {
      recent.clear();
    }
  }
}
