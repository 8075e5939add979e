package dev.lightspeedsync.testkit.internal;

import dev.lightspeedsync.testkit.TimeSource;

/** The eCom quotas per API key: 5 minutes / 1 hour / 1 day fixed windows plus a per-second cap. */
public final class EcomLimiter {
  /** Outcome of one admission plus the header values. */
  public record Admission(boolean allowed, int exhaustedWindow, String limit, String remaining, String reset,
      long retryAfter) {}

  private static final long[] LENGTHS = {300, 3600, 86400};
  private final TimeSource clock;
  private final int[] limits;
  private final int perSecond;
  private final long[] starts = new long[3];
  private final int[] used = new int[3];
  private boolean started;
  private long secondWindow = Long.MIN_VALUE;
  private int secondCount;
  private long rejected;

  public EcomLimiter(TimeSource clock, int[] limits, int perSecond) {
    this.clock = clock;
    this.limits = limits.clone();
    this.perSecond = perSecond;
  }

  public synchronized Admission admit() {
    long nowMs = clock.now().toEpochMilli();
    long now = Math.floorDiv(nowMs, 1000);
    for (int w = 0; w < 3; w++) {
      if (!started || now >= starts[w] + LENGTHS[w]) {
        starts[w] = now;
        used[w] = 0;
      }
    }
    started = true;
    int exhausted = -1;
    for (int w = 0; w < 3; w++) {
      if (used[w] >= limits[w]) {
        exhausted = w;
        break;
      }
    }
    long sec = Math.floorDiv(nowMs, 1000);
    if (sec != secondWindow) {
      secondWindow = sec;
      secondCount = 0;
    }
    boolean allowed;
    long retryAfter = 0;
    if (exhausted >= 0) {
      allowed = false;
      retryAfter = Math.max(1, starts[exhausted] + LENGTHS[exhausted] - now);
    } else if (secondCount >= perSecond) {
      allowed = false;
      retryAfter = 1;
    } else {
      allowed = true;
      secondCount++;
      for (int w = 0; w < 3; w++) {
        used[w]++;
      }
    }
    if (!allowed) {
      rejected++;
    }
    StringBuilder lim = new StringBuilder();
    StringBuilder rem = new StringBuilder();
    StringBuilder rst = new StringBuilder();
    for (int w = 0; w < 3; w++) {
      if (w > 0) {
        lim.append('/');
        rem.append('/');
        rst.append('/');
      }
      lim.append(limits[w]);
      rem.append(w == exhausted ? -1 : limits[w] - used[w]);
      rst.append(starts[w] + LENGTHS[w] - now);
    }
    return new Admission(allowed, exhausted, lim.toString(), rem.toString(), rst.toString(), retryAfter);
  }

  /** The state as {@code /account/ratelimit.json} reports it, without counting a request. */
  public synchronized long[][] state() {
    long now = Math.floorDiv(clock.now().toEpochMilli(), 1000);
    long[][] out = new long[3][4];
    for (int w = 0; w < 3; w++) {
      boolean expired = !started || now >= starts[w] + LENGTHS[w];
      out[w][0] = limits[w];
      out[w][1] = expired ? limits[w] : limits[w] - used[w];
      out[w][2] = expired ? LENGTHS[w] : starts[w] + LENGTHS[w] - now;
      out[w][3] = now + out[w][2];
    }
    return out;
  }

  public synchronized long rejected() {
    return rejected;
  }
}
