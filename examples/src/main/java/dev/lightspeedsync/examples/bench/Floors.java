package dev.lightspeedsync.examples.bench;

/**
 * The floors the sync benchmarks compare elapsed API time with: the least time the platform's rate
 * limit allows for the requests a sync needs, whatever the client does. Pure functions.
 */
public final class Floors {
  private Floors() {}

  /**
   * R-Series leaky bucket: {@code (drips - bucket) / dripRate} seconds. The first {@code bucket}
   * drips fit in the empty bucket at once; everything after it drains at the drip rate.
   *
   * @param drips the sum of the request costs the server charged
   * @param bucket the bucket size in drips
   * @param dripRate drips drained per second
   */
  public static double leakyBucketSeconds(double drips, double bucket, double dripRate) {
    if (!(bucket > 0) || !(dripRate > 0) || drips < 0) {
      throw new IllegalArgumentException("need drips >= 0, bucket > 0, dripRate > 0: " + drips + ", " + bucket
          + ", " + dripRate);
    }
    return Math.max(0, drips - bucket) / dripRate;
  }

  /**
   * eCom fixed windows and per-second cap, as the testkit (and the eCom API) counts them: each window
   * {@code w} admits {@code limits[w]} requests and starts at the whole second of the first request
   * after the previous one expired; a whole second admits {@code perSecond} requests. Returns the
   * second, counted from the first request, at which the {@code requests}-th request can be sent at
   * the earliest (each request sent as soon as every window and the second allow it).
   *
   * @param requests requests to send, at least 1
   * @param limits requests per window
   * @param lengthsSeconds each window's length in seconds (same order as {@code limits})
   * @param perSecond requests per whole second
   */
  public static long fixedWindowSeconds(long requests, int[] limits, long[] lengthsSeconds, int perSecond) {
    if (requests < 1 || limits.length != lengthsSeconds.length || perSecond < 1) {
      throw new IllegalArgumentException("need requests >= 1, one length per limit, perSecond >= 1");
    }
    int n = limits.length;
    long[] start = new long[n];
    long[] used = new long[n];
    boolean started = false;
    long second = 0;
    long inSecond = 0;
    long secondOf = 0;
    for (long sent = 0; sent < requests;) {
      for (int w = 0; w < n; w++) {
        if (!started || second >= start[w] + lengthsSeconds[w]) {
          start[w] = second;
          used[w] = 0;
        }
      }
      started = true;
      long until = -1;
      for (int w = 0; w < n; w++) {
        if (used[w] >= limits[w]) {
          until = Math.max(until, start[w] + lengthsSeconds[w]);
        }
      }
      if (until >= 0) {
        second = until;
        continue;
      }
      if (secondOf != second) {
        secondOf = second;
        inSecond = 0;
      }
      if (inSecond >= perSecond) {
        second++;
        continue;
      }
      inSecond++;
      for (int w = 0; w < n; w++) {
        used[w]++;
      }
      sent++;
    }
    return second;
  }

  /** The eCom default quotas (300 per 5 minutes, 3,000 per hour, 12,000 per day; 20 per second). */
  public static long ecomSeconds(long requests, int[] limits, int perSecond) {
    return fixedWindowSeconds(requests, limits, new long[] {300, 3600, 86400}, perSecond);
  }
}
