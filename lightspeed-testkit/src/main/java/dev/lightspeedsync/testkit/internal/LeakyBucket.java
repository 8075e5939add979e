package dev.lightspeedsync.testkit.internal;

import dev.lightspeedsync.testkit.TimeSource;

/**
 * The R-Series leaky bucket plus burst limiter of one (account, client), in API time.
 *
 * <p>A request whose level before it is at most the size is accepted even if its cost takes the
 * level over the size (the documented "92.57/90"); later requests get 429 until the level has
 * drained back to the size. The burst limiter counts every request in fixed one-second windows.
 */
public final class LeakyBucket {
  /** The outcome of one admission. */
  public record Admission(boolean allowed, String limitType, double level, double cost, int burstCount,
      long retryAfterSeconds) {}

  private final TimeSource clock;
  private final double size;
  private final double dripRate;
  private final int burstLimit;
  private double level;
  private long lastNanos;
  private boolean started;
  private long burstWindow = Long.MIN_VALUE;
  private int burstCount;
  private double peak;

  public LeakyBucket(TimeSource clock, double size, double dripRate, int burstLimit) {
    this.clock = clock;
    this.size = size;
    this.dripRate = dripRate;
    this.burstLimit = burstLimit;
  }

  private long nowNanos() {
    java.time.Instant now = clock.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private void drain(long now) {
    if (!started) {
      started = true;
      lastNanos = now;
      return;
    }
    if (now > lastNanos) {
      level = Math.max(0, level - (now - lastNanos) / 1e9 * dripRate);
      lastNanos = now;
    }
  }

  public synchronized Admission admit(double cost) {
    long now = nowNanos();
    drain(now);
    long window = Math.floorDiv(now, 1_000_000_000L);
    if (window != burstWindow) {
      burstWindow = window;
      burstCount = 0;
    }
    burstCount++;
    if (burstCount > burstLimit) {
      return new Admission(false, "api-burst-limiter", level, cost, burstCount, 1);
    }
    if (level > size + 1e-9) {
      long wait = (long) Math.ceil((level - size) / dripRate - 1e-9);
      return new Admission(false, "api-leaky-bucket", level, cost, burstCount, Math.max(1, wait));
    }
    level += cost;
    peak = Math.max(peak, level);
    return new Admission(true, null, level, cost, burstCount, 0);
  }

  /** Current level after draining. */
  public synchronized double level() {
    drain(nowNanos());
    return level;
  }

  public synchronized double peak() {
    return peak;
  }

  public double size() {
    return size;
  }

  public double dripRate() {
    return dripRate;
  }

  public int burstLimit() {
    return burstLimit;
  }

  /** Formats a drip amount the way the headers do: at most 3 decimals, no trailing zeros. */
  public static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(java.util.Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
