package dev.lightspeedsync.sync.lightspeed.xseries;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The request cost of X-Series version walks against the 5-minute window, for plan estimates. */
final class ReadCost {
  /** The length of the X-Series rate-limit window, in minutes. */
  static final long WINDOW_MINUTES = 5;

  private ReadCost() {}

  /**
   * The estimate of one walk: one request per page plus the empty page that ends it; a full read
   * starts at version 0, an incremental one after the stored version, so it costs what changed.
   */
  static String describe(String what, boolean full, OptionalInt pageSize, OptionalLong window) {
    String page = pageSize.isPresent() ? "page of up to " + pageSize.getAsInt() + " " + what : "page of " + what;
    String start = full ? "full: every " + what + " from version 0" : "incremental: the " + what + " changed after the stored version";
    String limit = window.isPresent()
        ? String.format(Locale.ROOT, "; the window allows %d requests per %d minutes", window.getAsLong(), WINDOW_MINUTES)
        : "; the window allows 300 x registers + 50 requests per " + WINDOW_MINUTES + " minutes";
    return start + ", 1 request per " + page + " +1 for the empty last page" + limit;
  }

  /**
   * The floor in minutes for {@code requests} under {@code limit} requests per window, starting
   * with a full window: each further window waits {@value #WINDOW_MINUTES} minutes.
   */
  static long floorMinutes(long requests, long limit) {
    if (requests < 0) {
      throw new IllegalArgumentException("requests must not be negative, was " + requests);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    long windows = (requests + limit - 1) / limit;
    return Math.max(0, windows - 1) * WINDOW_MINUTES;
  }
}
