package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeedsync.examples.support.CountingSink;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.spi.TransportStats;
import java.util.Locale;

/**
 * One sync run as the app reports it (the {@code --summary-json} fields).
 *
 * @param platform {@code retail} or {@code ecom}
 * @param status how the run ended: {@code COMPLETE}, or {@code DEADLINE_REACHED} / {@code STOPPED_FOR_RATE_LIMIT}
 *     (stopped at a checkpoint by {@code --deadline}; a rerun resumes)
 * @param full true when at least one stream started without a checkpoint
 * @param skus SKUs stored (upserted)
 * @param stockLevels stock rows stored
 * @param salesOrders sales orders stored
 * @param salesLines lines of those orders
 * @param deactivated SKUs deactivated
 * @param ordersHandedOver eCom orders newly handed over by the order import ({@code --orders}) into
 *     {@code ls_order_import}; 0 when the import is off, and 0 for orders handed over by an earlier run
 * @param orderImport true when the run had the order import on
 * @param requests HTTP requests sent, including the app's own before the engine ran (the shop check)
 * @param rateLimited 429 responses received
 * @param retries requests retried
 * @param elapsedMillis wall-clock time of the run
 */
public record RunSummary(String platform, String status, boolean full, long skus, long stockLevels, long salesOrders, long salesLines,
    long deactivated, long ordersHandedOver, boolean orderImport, long requests, long rateLimited, long retries, long elapsedMillis) {

  /**
   * @param before requests the app sent for this run before the engine started (the R-Series shop
   *     check that finds the default location), counted with the engine's
   */
  static RunSummary of(String platform, SyncReport report, CountingSink.Counts counts, long elapsedMillis,
      TransportStats before) {
    return new RunSummary(platform, report.status().name(), report.full(), report.stream(SyncStream.CATALOGUE).map(r -> r.stored()).orElse(0L),
        report.stream(SyncStream.STOCK).map(r -> r.stored()).orElse(0L), report.stream(SyncStream.SALES).map(r -> r.stored()).orElse(0L), counts.salesLines(),
        report.stream(SyncStream.CATALOGUE).map(r -> r.deactivated()).orElse(0L),
        report.stream(SyncStream.ORDER_IMPORT).map(r -> r.stored()).orElse(0L), report.stream(SyncStream.ORDER_IMPORT).isPresent(),
        before.requests() + report.requests(), before.rateLimited() + report.rateLimited(),
        before.retries() + report.retries(), elapsedMillis);
  }

  ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("platform", platform);
    n.put("status", status);
    n.put("full", full);
    n.put("skus", skus);
    n.put("stockLevels", stockLevels);
    n.put("salesOrders", salesOrders);
    n.put("salesLines", salesLines);
    n.put("deactivated", deactivated);
    n.put("ordersHandedOver", ordersHandedOver);
    n.put("requests", requests);
    n.put("rateLimited", rateLimited);
    n.put("retries", retries);
    n.put("elapsedMillis", elapsedMillis);
    return n;
  }

  /** A few readable lines. */
  String describe(String title) {
    return lines(title) + (orderImport ? String.format(Locale.ROOT,
        "  orders        %,9d handed over to ls_order_import (new in this run)%n", ordersHandedOver) : "");
  }

  private String lines(String title) {
    return String.format(Locale.ROOT, "%s: %s sync in %.1f s%n"
            + "  SKUs          %,9d stored  %,d deactivated%n"
            + "  stock levels  %,9d stored%n"
            + "  sales orders  %,9d stored  (%,d lines)%n"
            + "  requests      %,9d         %,d rate-limited (429), %,d retried%n",
        title, full ? "full" : "incremental", elapsedMillis / 1000.0, skus, deactivated, stockLevels, salesOrders,
        salesLines, requests, rateLimited, retries);
  }
}
