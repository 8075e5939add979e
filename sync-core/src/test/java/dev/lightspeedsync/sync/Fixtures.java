package dev.lightspeedsync.sync;

import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.PaymentStatus;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesChannel;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.ShipmentStatus;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import java.time.Instant;

/** Small builders for test data. */
public final class Fixtures {
  private Fixtures() {}

  public static final Instant AS_OF = Instant.parse("2026-11-23T12:00:00Z");

  public static Sku.Builder sku(String id) {
    Sku.Builder b = Sku.builder();
    b.id(id).sku("SKU-" + id).name("Product " + id);
    return b;
  }

  public static StockLevel stock(String skuId, String locationId, long onHand) {
    return StockLevel.builder().skuId(skuId).locationId(locationId).onHand(onHand).build();
  }

  public static Location location(String id, String code) {
    return Location.of(id, code);
  }

  public static SalesOrder.Builder retailSale(String id, SaleStatus status) {
    SalesOrder.Builder b = SalesOrder.builder();
    b.id(id).channel(SalesChannel.RETAIL).status(status).createdAt(AS_OF.minusSeconds(7200))
        .updatedAt(AS_OF.minusSeconds(3600)).addLines(SalesLine.of(id + "-1", "A", 1));
    return b;
  }

  public static SalesOrder.Builder ecomOrder(String id, PaymentStatus payment,
      ShipmentStatus shipment) {
    SalesOrder.Builder b = SalesOrder.builder();
    b.id(id).channel(SalesChannel.ECOM).status(SaleStatus.PENDING).paymentStatus(payment)
        .shipmentStatus(shipment).createdAt(AS_OF.minusSeconds(7200))
        .updatedAt(AS_OF.minusSeconds(3600)).addLines(SalesLine.of(id + "-1", "A", 1));
    return b;
  }
}
