package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The expected counts follow the data and its mutations. That they equal what the connectors store
 * in a full sync is checked in sync-lightspeed ({@code ExpectedCountsSyncTest}).
 */
class ExpectedCountsTest {
  private final ManualTimeSource clock = new ManualTimeSource();
  private final LightspeedTestServer server = LightspeedTestServer.start(TestkitConfig.builder().seed(8).shops(2)
      .items(120).sales(80).orders(0).products(30).ecomOrders(40).unlimited().timeSource(clock).build());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void retailCountsFollowArchivingAndSales() {
    RetailData retail = server.retail();
    ExpectedCounts before = retail.expected();
    assertThat(before.skus()).isPositive().isLessThanOrEqualTo(120);
    assertThat(before.stockRows()).isEqualTo(120L * 2); // one row per item and shop, whatever the item
    assertThat(before.sales()).isPositive().isLessThan(retail.count("Sale"));

    long item = retail.stream("Item").filter(r -> !r.getBoolean("archived")
        && !r.require("itemType").equals("non_inventory")).findFirst().orElseThrow().id();
    retail.archiveItem(item);
    long sale = retail.addCompletedSale(1, Map.of(item == 1 ? 2L : 1L, 1L));
    retail.addOpenSale(1, Map.of(item == 1 ? 2L : 1L, 1L));
    assertThat(retail.expected()).isEqualTo(new ExpectedCounts(before.skus() - 1, before.stockRows(),
        before.sales() + 1));
    retail.voidSale(sale);
    assertThat(retail.expected().sales()).isEqualTo(before.sales());
  }

  @Test
  void ecomCountsFollowVisibilityAndOrderStatus() {
    EcomData ecom = server.ecom();
    ExpectedCounts before = ecom.expected();
    assertThat(before.skus()).isPositive().isLessThan(before.stockRows());
    assertThat(before.stockRows()).isEqualTo(ecom.count("variants")); // every generated variant has a stockLevel
    assertThat(before.sales()).isPositive().isLessThanOrEqualTo(40);

    TestkitRecord shown = ecom.stream("products").filter(p -> p.require("visibility").equals("visible")
        && ecom.variantsOf(p.id()).stream().anyMatch(v -> !v.require("stockTracking").equals("disabled")))
        .findFirst().orElseThrow();
    long tracked = ecom.variantsOf(shown.id()).stream()
        .filter(v -> !v.require("stockTracking").equals("disabled")).count();
    ecom.hideProduct(shown.id());
    TestkitRecord paid = ecom.stream("orders").filter(o -> o.require("paymentStatus").equals("paid")
        && !o.require("status").equals("cancelled")).findFirst().orElseThrow();
    ecom.setOrderStatus(paid.id(), "cancelled", "paid", paid.require("shipmentStatus"));
    assertThat(ecom.expected()).isEqualTo(new ExpectedCounts(before.skus() - tracked, before.stockRows(),
        before.sales() - 1));
  }

  @Test
  void countsAreNotNegative() {
    assertThatThrownBy(() -> new ExpectedCounts(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
