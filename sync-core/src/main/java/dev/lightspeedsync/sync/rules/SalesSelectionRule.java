package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.PaymentStatus;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesChannel;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.ShipmentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rule 4 (seeds 001, 003): which sales count.
 *
 * <p><b>Retail (R-Series):</b> completed sales only by default; with {@code syncAllSales} saved and
 * pending sales count too; voided (or cancelled) sales never count.
 *
 * <p><b>eCom:</b> cancelled orders never; orders already shipped (fully or partly) are excluded;
 * only orders changed within the change window before {@code asOf}; then the mode decides on payment:
 * paid only, all, or eligible to ship (paid or cash on delivery).
 *
 * <p>Pure and stateless: safe to share between threads.
 */
public final class SalesSelectionRule {
  private final SalesSelectionConfig config;

  private SalesSelectionRule(SalesSelectionConfig config) {
    this.config = config;
  }

  public static SalesSelectionRule of(SalesSelectionConfig config) {
    return new SalesSelectionRule(Objects.requireNonNull(config, "config == null"));
  }

  /** Selects the sales that count, in input order; every other sale is an exclusion with a reason. */
  public Selection<SalesOrder> select(List<SalesOrder> sales, Instant asOf) {
    Objects.requireNonNull(sales, "sales == null");
    Objects.requireNonNull(asOf, "asOf == null");
    Instant windowStart = asOf.minus(config.ecomChangeWindow());
    Selection.Collector<SalesOrder> out = new Selection.Collector<>(sales.size(),
        SalesOrder::id);
    for (int i = 0, n = sales.size(); i < n; i++) {
      SalesOrder order = sales.get(i);
      ReasonCode reason = order.channel() == SalesChannel.RETAIL
          ? retail(order) : ecom(order, windowStart);
      if (reason == null) {
        out.keep(order);
      } else {
        out.exclude(order, reason);
      }
    }
    return out.build();
  }

  /**
   * Sales history (seeds 000, 001): the sales that count as demand. Retail as {@link #select}; eCom
   * orders count whatever their age or shipment, except cancelled ones, paid only unless the mode is
   * {@link EcomOrderMode#ALL} (cash on delivery counts with {@link EcomOrderMode#ELIGIBLE_TO_SHIP}).
   * The change window and "not yet shipped" belong to order import ({@link #select}), not to demand.
   */
  public Selection<SalesOrder> selectDemand(List<SalesOrder> sales) {
    Objects.requireNonNull(sales, "sales == null");
    Selection.Collector<SalesOrder> out = new Selection.Collector<>(sales.size(), SalesOrder::id);
    for (SalesOrder order : sales) {
      ReasonCode reason = order.channel() == SalesChannel.RETAIL ? retail(order) : ecomDemand(order);
      if (reason == null) {
        out.keep(order);
      } else {
        out.exclude(order, reason);
      }
    }
    return out.build();
  }

  private @Nullable ReasonCode ecomDemand(SalesOrder order) {
    if (order.status() == SaleStatus.CANCELLED || order.status() == SaleStatus.VOIDED
        || order.paymentStatus() == PaymentStatus.CANCELLED) {
      return ReasonCode.SALE_VOIDED;
    }
    return payment(order);
  }

  private @Nullable ReasonCode payment(SalesOrder order) {
    boolean paid = order.paymentStatus() == PaymentStatus.PAID;
    switch (config.ecomMode()) {
      case PAID_ONLY:
        return paid ? null : ReasonCode.ORDER_NOT_PAID;
      case ELIGIBLE_TO_SHIP:
        return paid || order.cashOnDelivery() ? null : ReasonCode.ORDER_NOT_PAID;
      case ALL:
        return null;
      default:
        throw new AssertionError(config.ecomMode());
    }
  }

  /** The reason a retail sale does not count, or {@code null} when it counts. */
  @Nullable ReasonCode retail(SalesOrder order) {
    switch (order.status()) {
      case COMPLETED:
        return null;
      case SAVED:
      case PENDING:
        return config.syncAllSales() ? null : ReasonCode.SALE_NOT_COMPLETED;
      case VOIDED:
      case CANCELLED:
        return ReasonCode.SALE_VOIDED;
      default:
        return ReasonCode.SALE_STATUS_UNKNOWN;
    }
  }

  /** The reason an eCom order is not imported, or {@code null} when it is. */
  @Nullable ReasonCode ecom(SalesOrder order, Instant windowStart) {
    if (order.status() == SaleStatus.CANCELLED || order.status() == SaleStatus.VOIDED
        || order.paymentStatus() == PaymentStatus.CANCELLED) {
      return ReasonCode.SALE_VOIDED;
    }
    ShipmentStatus shipment = order.shipmentStatus();
    if (shipment == ShipmentStatus.SHIPPED || shipment == ShipmentStatus.PARTIALLY_SHIPPED) {
      return ReasonCode.ORDER_ALREADY_SHIPPED;
    }
    if (order.updatedAt().isBefore(windowStart)) {
      return ReasonCode.ORDER_OUTSIDE_CHANGE_WINDOW;
    }
    return payment(order);
  }
}
