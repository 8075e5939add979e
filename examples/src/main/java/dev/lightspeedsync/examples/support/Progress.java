package dev.lightspeedsync.examples.support;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.sync.engine.SyncStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Shows sync progress per stream: a redrawn progress bar on a terminal, or a plain log line every
 * few pages otherwise (CI logs, pipes). It follows the pages the client fetches (one response per
 * page of {@code Item}, {@code ItemShop} or {@code Sale}) and the records {@link CountingSink} saw
 * stored. A bar needs the expected number of pages of a stream; without one it shows a counter.
 *
 * <p>Thread-safe (all methods synchronise on this).
 */
public final class Progress implements ClientListener {
  /** How progress is shown. */
  public enum Mode {
    /** A bar redrawn in place with carriage returns (a terminal). */
    BAR,
    /** A line every {@value #LOG_EVERY_PAGES} pages and at the end of each stream. */
    LOG,
    /** Nothing. */
    NONE
  }

  static final int LOG_EVERY_PAGES = 25;
  private static final int WIDTH = 28;

  private final PrintStream out;
  private final Mode mode;
  private final CountingSink counts;
  private final Map<SyncStream, Long> expectedPages = new EnumMap<>(SyncStream.class);
  private SyncStream current;
  private long pages;
  private boolean lineOpen;
  private CountingSink.Counts startCounts;

  public Progress(PrintStream out, Mode mode, CountingSink counts) {
    this.out = out;
    this.mode = mode;
    this.counts = counts;
  }

  /** {@link Mode#BAR} when a terminal is attached, else {@link Mode#LOG}. */
  public static Mode detect() {
    return System.console() != null ? Mode.BAR : Mode.LOG;
  }

  /**
   * Sets the pages a stream is expected to take in the coming run, for a bar; 0 or less means
   * unknown. Expectations hold for one run: {@link #finish()} and {@link #abandon()} forget them.
   */
  public synchronized void expect(SyncStream stream, long pages) {
    if (pages > 0) {
      expectedPages.put(stream, pages);
    } else {
      expectedPages.remove(stream);
    }
  }

  @Override
  public synchronized void onResponse(String method, String path, int status, Duration duration) {
    if (mode == Mode.NONE || status >= 300 || !"GET".equals(method)) {
      return;
    }
    Request request = classify(path);
    if (request == null) {
      return;
    }
    SyncStream stream = request.stream();
    if (!request.page()) {
      // a record fetched for a page in hand (an eCom order's lines, a variant's product): not a page,
      // and not a new stream
      if (stream == current && mode == Mode.BAR) {
        out.print("\r" + line());
        out.flush();
      }
      return;
    }
    if (stream != current) {
      endStream();
      current = stream;
      pages = 0;
      startCounts = counts.counts();
    }
    pages++;
    if (mode == Mode.BAR) {
      out.print("\r" + line());
      out.flush();
      lineOpen = true;
    } else if (pages % LOG_EVERY_PAGES == 0) {
      out.println(line());
    }
  }

  /** Ends the current stream's line; call after each run. */
  public synchronized void finish() {
    endStream();
    current = null;
    expectedPages.clear(); // a stream the run did not read (stock read with the items) is not expected next run
  }

  /**
   * Ends the current stream's line after a run that failed or was interrupted: the bar's line is
   * closed (so the error starts on a line of its own) and the log line says {@code stopped}, not
   * {@code done}.
   */
  public synchronized void abandon() {
    if (current != null) {
      if (mode == Mode.BAR && lineOpen) {
        out.println();
        lineOpen = false;
      } else if (mode == Mode.LOG) {
        out.println(line() + " stopped");
      }
    }
    current = null;
    expectedPages.clear();
  }

  private void endStream() {
    if (current == null) {
      return;
    }
    if (mode == Mode.BAR && lineOpen) {
      out.print("\r" + line());
      out.println();
      lineOpen = false;
    } else if (mode == Mode.LOG) {
      out.println(line() + " done");
    }
    expectedPages.remove(current);
  }

  private String line() {
    CountingSink.Counts now = counts.counts().minus(startCounts);
    String records;
    switch (current) {
      case CATALOGUE -> records = String.format(Locale.ROOT, "%,d SKUs", now.skus());
      case STOCK -> records = String.format(Locale.ROOT, "%,d stock levels", now.stockLevels());
      case SALES -> records = String.format(Locale.ROOT, "%,d sales orders", now.salesOrders());
      default -> records = "";
    }
    String name = String.format(Locale.ROOT, "%-10s", current.name().toLowerCase(Locale.ROOT));
    Long expected = expectedPages.get(current);
    if (expected == null) {
      return String.format(Locale.ROOT, "%s %,6d %s  %s", name, pages, pages == 1 ? "page " : "pages", records);
    }
    double done = Math.min(1.0, (double) pages / expected);
    int filled = (int) Math.round(done * WIDTH);
    String bar = mode == Mode.BAR ? "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " : "";
    return String.format(Locale.ROOT, "%s %s%3d%%  %,d/%,d pages  %s", name, bar, Math.round(done * 100), pages,
        Math.max(expected, pages), records);
  }

  /** A request of a stream: a page of its list, or a record fetched for a page in hand. */
  record Request(SyncStream stream, boolean page) {}

  private static final java.util.regex.Pattern ECOM_ORDER_LINES = java.util.regex.Pattern.compile(".*/orders/\\d+/products\\.json");
  private static final java.util.regex.Pattern ECOM_PRODUCT = java.util.regex.Pattern.compile(".*/products/\\d+\\.json");

  /**
   * The stream a request belongs to, by the resource in its path (R-Series, eCom and X-Series), or
   * null. An eCom order's lines
   * ({@code orders/1/products.json}) belong to sales, not to the catalogue, and are not pages.
   */
  static Request classify(String path) {
    if (ECOM_ORDER_LINES.matcher(path).matches()) {
      return new Request(SyncStream.SALES, false);
    }
    if (ECOM_PRODUCT.matcher(path).matches()) {
      return new Request(SyncStream.CATALOGUE, false);
    }
    if (path.endsWith("/Item.json") || path.endsWith("/products.json") || path.endsWith("/variants.json")
        || path.endsWith("/api/2.0/products")) {
      return new Request(SyncStream.CATALOGUE, true);
    }
    if (path.endsWith("/ItemShop.json") || path.endsWith("/api/2.0/inventory")) {
      return new Request(SyncStream.STOCK, true);
    }
    if (path.endsWith("/Sale.json") || path.endsWith("/orders.json") || path.endsWith("/api/2.0/sales")) {
      return new Request(SyncStream.SALES, true);
    }
    return null;
  }
}
