package dev.lightspeedsync.testkit;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Random fault injection, deterministic from a seed: whether the n-th request (counted from server
 * start, token and inspection requests excluded) fails, and how, is a pure function of
 * {@code (seed, n)}. A single-threaded client therefore sees the same faults on every run. For
 * targeted faults ("the next GET of Item.json fails") use {@link LightspeedTestServer#injectNext}.
 *
 * <p>Immutable and thread-safe.
 */
public final class FaultPlan {
  private static final FaultPlan NONE = new FaultPlan(0, new EnumMap<>(Fault.class), Duration.ZERO);

  private final long seed;
  private final Map<Fault, Double> rates;
  private final Duration latency;

  private FaultPlan(long seed, Map<Fault, Double> rates, Duration latency) {
    this.seed = seed;
    EnumMap<Fault, Double> copy = new EnumMap<>(Fault.class);
    copy.putAll(rates);
    this.rates = Collections.unmodifiableMap(copy);
    this.latency = latency;
  }

  /** No faults. */
  public static FaultPlan none() {
    return NONE;
  }

  /** A plan with the given seed and no faults yet; add them with {@link #with}. */
  public static FaultPlan seeded(long seed) {
    return new FaultPlan(seed, new EnumMap<>(Fault.class), Duration.ofMillis(200));
  }

  /** A copy where each request suffers {@code fault} with the given probability (0..1). */
  public FaultPlan with(Fault fault, double probability) {
    Objects.requireNonNull(fault, "fault == null");
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
    }
    EnumMap<Fault, Double> copy = new EnumMap<>(Fault.class);
    copy.putAll(rates);
    copy.put(fault, probability);
    double sum = copy.values().stream().mapToDouble(Double::doubleValue).sum();
    if (sum > 1.0000001) {
      throw new IllegalArgumentException("fault probabilities add up to more than 1: " + sum);
    }
    return new FaultPlan(seed, copy, latency);
  }

  /** A copy with the real-time delay used by {@link Fault#LATENCY}. */
  public FaultPlan withLatency(Duration latency) {
    Objects.requireNonNull(latency, "latency == null");
    return new FaultPlan(seed, rates, latency);
  }

  /** The seed the random draws derive from. */
  public long seed() {
    return seed;
  }

  /** Probability per request of each fault. */
  public Map<Fault, Double> rates() {
    return rates;
  }

  /** The real-time delay of {@link Fault#LATENCY}. */
  public Duration latency() {
    return latency;
  }
}
