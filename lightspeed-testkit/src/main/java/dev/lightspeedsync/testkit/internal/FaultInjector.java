package dev.lightspeedsync.testkit.internal;

import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.FaultPlan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Decides which fault, if any, a request suffers: scripted ones first, then the seeded plan. */
public final class FaultInjector {
  private record Scripted(Fault fault, String endpointPrefix) {}

  private final FaultPlan plan;
  private final AtomicLong sequence = new AtomicLong();
  private final Deque<Scripted> scripted = new ArrayDeque<>();

  public FaultInjector(FaultPlan plan) {
    this.plan = plan;
  }

  public synchronized void enqueue(Fault fault, String endpointPrefix) {
    scripted.add(new Scripted(fault, endpointPrefix));
  }

  /** The fault for this request (null for none). {@code key} is "METHOD path". */
  public Fault decide(String key) {
    synchronized (this) {
      for (var it = scripted.iterator(); it.hasNext();) {
        Scripted s = it.next();
        if (s.endpointPrefix() == null || key.startsWith(s.endpointPrefix())) {
          it.remove();
          return s.fault();
        }
      }
    }
    long n = sequence.incrementAndGet();
    if (plan.rates().isEmpty()) {
      return null;
    }
    double u = Hashing.unit(plan.seed(), "fault", n, 0);
    double acc = 0;
    for (Map.Entry<Fault, Double> e : plan.rates().entrySet()) {
      acc += e.getValue();
      if (u < acc) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Which 5xx status the n-th server error uses. */
  public int serverErrorStatus(String key) {
    int[] statuses = {500, 502, 503};
    return statuses[(int) Math.floorMod(Hashing.hash(plan.seed(), "status", sequence.get(), key.length()), 3L)];
  }

  public FaultPlan plan() {
    return plan;
  }
}
