package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.rules.EcomOrderMode;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationStrategy;
import dev.lightspeedsync.sync.rules.OrderImportConfig;
import dev.lightspeedsync.sync.rules.SalesSelectionConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code sync} checks in its options before it opens anything, and the {@link SyncSettings}
 * they stand for. Every failure is a usage error (exit 2): one line that names the option and says
 * what is allowed, never the value given (it may be a mistyped secret). {@code schedule} runs the
 * same checks on every account of its accounts file before it schedules anything.
 */
final class SyncOptions {
  static final Set<String> PLATFORMS = Set.of("retail", "ecom", "xseries");
  static final Set<String> SALES = Set.of("completed", "paid", "all");
  static final Set<String> ORDERS = Set.of("paid", "all", "eligible");
  /** Longest {@code --order-window}: the rule's bound, 31 days. */
  static final Duration MAX_ORDER_WINDOW = Duration.ofDays(31);
  static final Set<String> PROGRESS = Set.of("auto", "bar", "log", "none");

  private SyncOptions() {}

  /** Checks the values of {@code c}'s options; throws a usage {@link AppException} on the first bad one. */
  static void check(SyncCommand c) {
    c.connection.check();
    if (!SALES.contains(lower(c.sales))) {
      throw usage("--sales must be completed, paid or all");
    }
    if (c.orders != null) {
      if (!lower(c.connection.platform).equals("ecom")) {
        throw usage("--orders is the eCom order import; it needs --platform ecom");
      }
      if (!ORDERS.contains(lower(c.orders))) {
        throw usage("--orders must be paid, all or eligible");
      }
    } else if (c.orderWindow != null) {
      throw usage("--order-window needs --orders paid|all|eligible");
    }
    orderWindow(c);
    c.outletMapping.pairs(c.connection.platform());
    if (!PROGRESS.contains(lower(c.progress))) {
      throw usage("--progress must be auto, bar, log or none");
    }
    if (!(c.timeScale > 0) || Double.isInfinite(c.timeScale) || c.timeScale > 1_000_000) {
      throw usage("--time-scale must be a number above 0 and at most 1000000 (API seconds per real second)");
    }
    if (c.testkitItems < 0 || c.testkitItems > 100_000_000) {
      throw usage("--testkit-items must be between 0 and 100000000");
    }
    if (c.testkitSales < 0 || c.testkitSales > 100_000_000) {
      throw usage("--testkit-sales must be between 0 and 100000000");
    }
    if (c.testkitShops < 1 || c.testkitShops > 1000) {
      throw usage("--testkit-shops must be between 1 and 1000");
    }
    if (c.reimportFrom != null) {
      SyncCommand.parseInstant(c.reimportFrom);
    }
    deadline(c);
    callTimeout(c);
  }

  /** Longest {@code --deadline}: a month (a run that long is a stuck run). */
  static final Duration MAX_DEADLINE = Duration.ofDays(30);
  /** Longest {@code --call-timeout}: an hour. */
  static final Duration MAX_CALL_TIMEOUT = Duration.ofHours(1);

  /** {@code --deadline}, or null when not given; a usage error when not a positive duration up to {@link #MAX_DEADLINE}. */
  static @Nullable Duration deadline(SyncCommand c) {
    return c.deadline == null ? null : bounded(c.deadline, "--deadline", MAX_DEADLINE, "720h");
  }

  /** {@code --order-window}: 12 hours when not given; a usage error when not a positive duration up to 31 days. */
  static Duration orderWindow(SyncCommand c) {
    return c.orderWindow == null ? Duration.ofHours(12) : bounded(c.orderWindow, "--order-window", MAX_ORDER_WINDOW, "744h");
  }

  /** {@code --orders} as the order import, or null when not given. */
  static @Nullable OrderImportConfig orderImport(SyncCommand c) {
    if (c.orders == null) {
      return null;
    }
    EcomOrderMode mode = switch (lower(c.orders)) {
      case "paid" -> EcomOrderMode.PAID_ONLY;
      case "all" -> EcomOrderMode.ALL;
      case "eligible" -> EcomOrderMode.ELIGIBLE_TO_SHIP;
      default -> throw usage("--orders must be paid, all or eligible");
    };
    return OrderImportConfig.builder().mode(mode).changeWindow(orderWindow(c)).build();
  }

  /** {@code --call-timeout}, or null when not given (the client's default, 2 minutes). */
  static @Nullable Duration callTimeout(SyncCommand c) {
    return c.callTimeout == null ? null : bounded(c.callTimeout, "--call-timeout", MAX_CALL_TIMEOUT, "1h");
  }

  private static Duration bounded(String value, String option, Duration max, String maxText) {
    Duration d = ScheduleCommand.duration(value, option); // positive, or a usage error without the value
    if (d.compareTo(max) > 0) {
      throw usage(option + " must be a positive duration of at most " + maxText + " such as 30m, 10s, 1h or PT30M");
    }
    return d;
  }

  /**
   * An absolute http(s) URL with a host; plain http only to a loopback address (the clients refuse
   * anything else, and the check here makes that a usage error, not a failure).
   */
  static void checkBaseUrl(String value) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw usage("--base-url is not a URL; give the API origin, e.g. https://api.lightspeedapp.com/");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw usage("--base-url must be an http(s) origin such as https://api.lightspeedapp.com/"
          + " (no user, query or fragment)");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw usage("--base-url: plain http is allowed only to a loopback address; use https");
    }
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
      return false; // a name other than localhost is not resolved here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal address: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The settings the options stand for: {@code --read-only}, the location strategy and default
   * location (R-Series only; {@code null} for eCom), and the sales selection.
   *
   * @param defaultLocation the default location's name (R-Series), or null for eCom
   */
  static SyncSettings settings(SyncCommand c, String defaultLocation) {
    boolean ecom = lower(c.connection.platform).equals("ecom");
    SyncSettings.Builder b = SyncSettings.builder().readOnly(c.connection.readOnly).salesSelection(salesSelection(c.sales, ecom));
    if (!ecom) {
      b.location(locations(c.locations, defaultLocation));
    }
    OrderImportConfig orderImport = orderImport(c);
    if (orderImport != null) {
      b.orderImport(orderImport);
    }
    return b.build();
  }

  /** {@code --sales} for the platform. */
  static SalesSelectionConfig salesSelection(String sales, boolean ecom) {
    return switch (lower(sales)) {
      case "completed", "paid" -> ecom ? SalesSelectionConfig.builder().ecomMode(EcomOrderMode.PAID_ONLY).build()
          : SalesSelectionConfig.defaults();
      case "all" -> SalesSelectionConfig.builder().syncAllSales(true).ecomMode(EcomOrderMode.ALL).build();
      default -> throw usage("--sales must be completed, paid or all");
    };
  }

  /** {@code --locations} with the default location. */
  static LocationConfig locations(String locations, String defaultLocation) {
    LocationConfig.Builder loc = LocationConfig.builder().defaultLocationCode(defaultLocation);
    switch (locations.strip().toLowerCase(Locale.ROOT)) {
      case "all" -> loc.strategy(LocationStrategy.ALL);
      case "one" -> loc.strategy(LocationStrategy.ONE);
      default -> loc.strategy(LocationStrategy.MULTIPLE).locationCodes(LocationConfig.parseCodeList(locations));
    }
    try {
      return loc.build();
    } catch (IllegalStateException e) {
      throw usage("--locations/--default-location: " + e.getMessage());
    }
  }

  static AppException usage(String message) {
    return new AppException(ExitCodes.USAGE, message);
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
