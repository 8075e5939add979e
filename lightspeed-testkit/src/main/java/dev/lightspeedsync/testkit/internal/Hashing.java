package dev.lightspeedsync.testkit.internal;

/** Deterministic pseudo-random numbers as pure functions of (seed, stream, index). */
public final class Hashing {
  private Hashing() {}

  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  public static long hash(long seed, String stream, long index, int salt) {
    long h = mix(seed + 0x9E3779B97F4A7C15L);
    h = mix(h ^ stream.hashCode());
    h = mix(h ^ index);
    return mix(h ^ salt);
  }

  /** A value in [0, bound). */
  public static int below(long seed, String stream, long index, int salt, int bound) {
    return (int) Math.floorMod(hash(seed, stream, index, salt), (long) bound);
  }

  /** A double in [0, 1). */
  public static double unit(long seed, String stream, long index, int salt) {
    return (hash(seed, stream, index, salt) >>> 11) * 0x1.0p-53;
  }
}
