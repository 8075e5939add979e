package dev.lightspeedsync.sync.bench;

import dev.lightspeedsync.sync.model.Component;
import dev.lightspeedsync.sync.model.CompositeDefinition;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.PaymentStatus;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesChannel;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.ShipmentStatus;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.model.StockTracking;
import dev.lightspeedsync.sync.model.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic benchmark data (fixed seeds). Only the benchmarks' setup uses randomness; the rules
 * under test never do.
 */
final class BenchData {
  static final Instant AS_OF = Instant.parse("2026-11-23T12:00:00Z");
  static final int PLAIN_SKUS = 50_000;
  static final int LOCATIONS = 20;

  private BenchData() {}

  static String plain(int i) {
    return "P" + i;
  }

  /**
   * 10,000 composites: 6,000 of plain SKUs (depth 1), 3,000 that also contain a depth-1 composite
   * (depth 2), 1,000 that also contain a depth-2 composite (depth 3). 2 to 4 components each.
   */
  static List<CompositeDefinition> composites() {
    SplittableRandom r = new SplittableRandom(42);
    List<CompositeDefinition> defs = new ArrayList<>(10_000);
    for (int i = 0; i < 10_000; i++) {
      CompositeDefinition.Builder b = CompositeDefinition.builder();
      b.compositeSkuId("C" + i);
      java.util.Set<String> used = new java.util.HashSet<>();
      if (i >= 9_000) {
        add(b, used, "C" + (6_000 + r.nextInt(3_000)), 1 + r.nextInt(2));
      }
      if (i >= 6_000) {
        add(b, used, "C" + r.nextInt(6_000), 1 + r.nextInt(3));
      }
      int plain = 2 + r.nextInt(3) - (i >= 6_000 ? 1 : 0);
      for (int k = 0; k < plain; k++) {
        add(b, used, plain(r.nextInt(PLAIN_SKUS)), 1 + r.nextInt(4));
      }
      defs.add(b.build());
    }
    return defs;
  }

  private static void add(CompositeDefinition.Builder b, java.util.Set<String> used, String sku,
      long qty) {
    if (used.add(sku)) {
      b.addComponents(Component.of(sku, qty));
    }
  }

  /**
   * {@code count} sales orders of {@code linesPerOrder} lines each; 30% of lines sell a composite.
   * With {@code mixedStates} a quarter are eCom orders and statuses, payment and shipment vary.
   */
  static List<SalesOrder> sales(int count, int linesPerOrder, boolean mixedStates) {
    SplittableRandom r = new SplittableRandom(7);
    List<SalesOrder> orders = new ArrayList<>(count);
    for (int o = 0; o < count; o++) {
      SalesOrder.Builder b = SalesOrder.builder();
      String id = "S" + o;
      boolean ecom = mixedStates && r.nextInt(4) == 0;
      b.id(id).channel(ecom ? SalesChannel.ECOM : SalesChannel.RETAIL)
          .createdAt(AS_OF.minusSeconds(86_400L * 3))
          .updatedAt(AS_OF.minusSeconds(r.nextInt(86_400)))
          .locationId("L" + r.nextInt(LOCATIONS));
      if (!mixedStates) {
        b.status(SaleStatus.COMPLETED);
      } else {
        int s = r.nextInt(10);
        b.status(s < 7 ? SaleStatus.COMPLETED : s < 8 ? SaleStatus.SAVED
            : s < 9 ? SaleStatus.PENDING : SaleStatus.VOIDED);
        b.paymentStatus(r.nextInt(3) == 0 ? PaymentStatus.NOT_PAID : PaymentStatus.PAID);
        b.shipmentStatus(r.nextInt(4) == 0 ? ShipmentStatus.SHIPPED : ShipmentStatus.NOT_SHIPPED);
      }
      for (int k = 0; k < linesPerOrder; k++) {
        String sku = r.nextInt(10) < 3 ? "C" + r.nextInt(10_000) : plain(r.nextInt(PLAIN_SKUS));
        b.addLines(SalesLine.of(id + "-" + k, sku, 1 + r.nextInt(3)));
      }
      orders.add(b.build());
    }
    return orders;
  }

  /** {@code n} SKUs: 80% visible, 10% auto, 6% hidden, 2% untracked, 1% deleted, 1% unknown. */
  static List<Sku> skus(int n) {
    SplittableRandom r = new SplittableRandom(11);
    List<Sku> skus = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int p = r.nextInt(100);
      Sku.Builder b = Sku.builder();
      b.id("K" + i).sku("SKU-" + i).name("Product " + i);
      if (p < 80) {
        b.visibility(Visibility.VISIBLE);
      } else if (p < 90) {
        b.visibility(Visibility.AUTO);
      } else if (p < 96) {
        b.visibility(Visibility.HIDDEN);
      } else if (p < 98) {
        b.stockTracking(StockTracking.DISABLED);
      } else if (p < 99) {
        b.deleted(true);
      } else {
        b.visibility(Visibility.UNKNOWN).visibilityRaw("teaser");
      }
      skus.add(b.build());
    }
    return skus;
  }

  /** {@code n} stock rows spread over {@link #LOCATIONS} locations. */
  static List<StockLevel> stock(int n) {
    SplittableRandom r = new SplittableRandom(13);
    List<StockLevel> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(StockLevel.builder().skuId("K" + (i / LOCATIONS)).locationId("L" + (i % LOCATIONS))
          .onHand(r.nextInt(50)).allocated(r.nextInt(3)).build());
    }
    return rows;
  }

  static List<Location> locations() {
    List<Location> l = new ArrayList<>();
    for (int i = 0; i < LOCATIONS; i++) {
      l.add(Location.of("L" + i, "Shop " + i));
    }
    return l;
  }
}
