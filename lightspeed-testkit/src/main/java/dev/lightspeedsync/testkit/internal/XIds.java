package dev.lightspeedsync.testkit.internal;

import java.util.UUID;

/**
 * X-Series ids: UUID strings that encode (table, ordinal) reversibly, so a record can be looked up
 * by id without any index, however large the data set. The first half depends on the seed and the
 * table; the second half is a permutation of the ordinal.
 */
public final class XIds {
  private static final long MASK56 = (1L << 56) - 1;
  private static final long ODD = 0x9E3779B97F4A7C15L & MASK56 | 1;
  private static final long ODD_INV = inverse(ODD);
  private final long[] highs;
  private final long xor;

  public XIds(long seed, int tables) {
    highs = new long[tables];
    for (int t = 0; t < tables; t++) {
      // a version-1-looking UUID (time-based, like the ids the real API prints)
      highs[t] = (Hashing.hash(seed, "xid", t, 0) & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000001000L;
    }
    xor = Hashing.hash(seed, "xidmask", 0, 0) & MASK56;
  }

  private static long inverse(long a) {
    long x = a; // Newton iteration for the inverse modulo 2^64, then truncate
    for (int i = 0; i < 6; i++) {
      x *= 2 - a * x;
    }
    return x & MASK56;
  }

  public String id(int table, long ordinal) {
    long low = 0x8000000000000000L | ((long) (table & 0x3f) << 56) | ((((ordinal * ODD) & MASK56) ^ xor) & MASK56);
    return new UUID(highs[table], low).toString();
  }

  /** The ordinal the id encodes for that table, or -1 when it is not an id of that table. */
  public long ordinal(int table, String id) {
    if (id == null || id.length() != 36) {
      return -1;
    }
    UUID u;
    try {
      u = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return -1;
    }
    if (!u.toString().equalsIgnoreCase(id) || u.getMostSignificantBits() != highs[table]) {
      return -1;
    }
    long low = u.getLeastSignificantBits();
    if ((low >>> 62) != 2 || ((low >>> 56) & 0x3f) != table) {
      return -1;
    }
    long ord = (((low & MASK56) ^ xor) * ODD_INV) & MASK56;
    return ord >= 1 ? ord : -1;
  }
}
