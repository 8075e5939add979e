package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.ItemComponent;
import dev.lightspeedsync.client.retail.model.ItemPrice;
import dev.lightspeedsync.client.retail.model.ItemShop;
import dev.lightspeedsync.client.retail.model.ItemType;
import dev.lightspeedsync.client.retail.model.Sale;
import dev.lightspeedsync.client.retail.model.SaleLine;
import dev.lightspeedsync.client.retail.model.Shop;
import dev.lightspeedsync.client.retail.model.Vendor;
import dev.lightspeedsync.sync.lightspeed.Mapped;
import dev.lightspeedsync.sync.lightspeed.internal.Quantities;
import dev.lightspeedsync.sync.model.Component;
import dev.lightspeedsync.sync.model.CompositeDefinition;
import dev.lightspeedsync.sync.model.CompositeKind;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.PaymentStatus;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesChannel;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.model.StockTracking;
import dev.lightspeedsync.sync.model.Supplier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps R-Series records to the sync-core model. Pure functions; ids become strings (the R-Series
 * id as Lightspeed writes it), quantities whole units.
 *
 * <ul>
 *   <li>An Item is a SKU. Non-inventory items map with stock tracking
 *       {@link StockTracking#DISABLED} and archived items as deleted, so the visibility rule of
 *       sync-core keeps them out of the stocked catalogue (and deactivates them if they were in).
 *   <li>Assemblies and boxes carry their components as a composite definition.
 *   <li>An ItemShop is a stock level; the all-shops summary row (shop 0) is not a location.
 *   <li>A Sale is a sales order: completed, saved (R-Series "in progress") or voided.
 * </ul>
 */
public final class RetailMapping {
  /** The price field holding an item's default cost: the purchase price source for R-Series. */
  public static final String COST = "cost";

  private RetailMapping() {}

  /** The SKU of an item. */
  public static Sku toSku(Item item) {
    String id = Long.toString(item.id());
    Map<String, BigDecimal> prices = new LinkedHashMap<>();
    for (ItemPrice p : item.prices()) {
      String level = p.useType().filter(s -> !s.isBlank()).orElse("priceLevel:" + p.priceLevelId());
      if (p.amount().signum() >= 0) {
        prices.putIfAbsent(level, p.amount());
      }
    }
    item.defaultCost().filter(c -> c.signum() >= 0).ifPresent(c -> prices.putIfAbsent(COST, c));
    Sku.Builder b = Sku.builder()
        .id(id)
        .sku(item.customSku().filter(s -> !s.isEmpty()))
        .name(item.description().orElse(""))
        .upc(item.upc().filter(s -> !s.isBlank()))
        .ean(item.ean().filter(s -> !s.isBlank()))
        .manufacturerSku(item.manufacturerSku().filter(s -> !s.isBlank()))
        .prices(prices)
        .purchasePrice(item.defaultCost().filter(c -> c.signum() >= 0))
        .supplierId(item.defaultVendorId().map(String::valueOf))
        .stockTracking(item.itemType() == ItemType.NON_INVENTORY ? StockTracking.DISABLED : StockTracking.ENABLED)
        .active(!item.archived())
        .deleted(item.archived())
        .updatedAt(item.timeStamp());
    composite(item).ifPresent(b::composite);
    return b.build();
  }

  private static Optional<CompositeDefinition> composite(Item item) {
    if (!item.itemType().isComposite() || item.components().isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> quantities = new LinkedHashMap<>();
    for (ItemComponent c : item.components()) {
      long q = wholeUnits(c.quantity());
      if (q > 0 && c.componentItemId() != item.id()) {
        quantities.merge(Long.toString(c.componentItemId()), q, Long::sum);
      }
    }
    if (quantities.isEmpty()) {
      return Optional.empty();
    }
    CompositeKind kind = item.itemType() == ItemType.BOX && quantities.size() == 1 ? CompositeKind.BOX : CompositeKind.ASSEMBLY;
    CompositeDefinition.Builder b = CompositeDefinition.builder().compositeSkuId(Long.toString(item.id())).kind(kind);
    quantities.forEach((sku, q) -> b.addComponents(Component.of(sku, q)));
    return Optional.of(b.build());
  }

  /** The stock level of an ItemShop; empty for the all-shops summary row. */
  public static Optional<StockLevel> toStockLevel(ItemShop row) {
    if (row.isSummaryRow()) {
      return Optional.empty();
    }
    long reserved = wholeUnits(row.onLayaway().orElse(BigDecimal.ZERO))
        + wholeUnits(row.onSpecialOrder().orElse(BigDecimal.ZERO))
        + wholeUnits(row.onWorkOrder().orElse(BigDecimal.ZERO));
    return Optional.of(StockLevel.builder()
        .skuId(Long.toString(row.itemId()))
        .locationId(Long.toString(row.shopId()))
        .onHand(wholeUnits(row.quantityOnHand()))
        .allocated(Math.max(0, reserved))
        .onOrder(Math.max(0, wholeUnits(row.backorder()))) // R-Series "backorder" = on open purchase orders
        .reorderPoint(Math.max(0, wholeUnits(row.reorderPoint())))
        .reorderLevel(Math.max(0, wholeUnits(row.reorderLevel())))
        .build());
  }

  /** A shop as a location; its name is the case-sensitive location code. */
  public static Location toLocation(Shop shop) {
    String name = shop.name().filter(s -> !s.isBlank()).orElse("Shop " + shop.id());
    return Location.builder().id(Long.toString(shop.id())).code(name).archived(shop.archived()).build();
  }

  /** A vendor as a supplier. */
  public static Supplier toSupplier(Vendor vendor) {
    return Supplier.of(Long.toString(vendor.id()), vendor.name().filter(s -> !s.isBlank()).orElse("Vendor " + vendor.id()));
  }

  /**
   * A customer with its Contact (loaded with {@code load_relations=["Contact"]}): the first e-mail,
   * phone and address of the contact. An archived customer is stored inactive.
   */
  public static dev.lightspeedsync.sync.model.Customer toCustomer(dev.lightspeedsync.client.retail.model.Customer c) {
    dev.lightspeedsync.sync.model.Customer.Builder b = dev.lightspeedsync.sync.model.Customer.builder()
        .id(Long.toString(c.id())).firstName(present(c.firstName())).lastName(present(c.lastName()))
        .company(present(c.company())).updatedAt(c.timeStamp()).active(!c.archived());
    c.contact().ifPresent(contact -> {
      contact.emails().stream().findFirst().ifPresent(e -> b.email(present(Optional.of(e.address()))));
      contact.phones().stream().findFirst().ifPresent(p -> b.phone(present(Optional.of(p.number()))));
      contact.addresses().stream().findFirst().ifPresent(a -> {
        String street = (a.address1().orElse("") + " " + a.address2().orElse("")).strip();
        b.street(present(Optional.of(street))).city(present(a.city())).postalCode(present(a.zip()))
            .region(present(a.stateCode()).or(() -> present(a.state())))
            .country(present(a.countryCode()).or(() -> present(a.country())));
      });
    });
    return b.build();
  }

  private static Optional<String> present(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }

  /**
   * A sale as a sales order. Lines without an item (miscellaneous lines) and zero-quantity lines are
   * left out and reported; a sale with no usable time is rejected.
   */
  public static Mapped<SalesOrder> toSalesOrder(Sale sale, Instant asOf) {
    String id = Long.toString(sale.id());
    Optional<Instant> created = sale.createTime().or(sale::timeStamp).or(sale::completeTime);
    if (created.isEmpty()) {
      return Mapped.rejected(RecordIssue.of(RecordKind.SALES_ORDER, id, ReasonCode.MALFORMED_RECORD,
          "sale " + id + " has no createTime, timeStamp or completeTime",
          "check the sale in Lightspeed; it cannot be placed in time without one", asOf));
    }
    SaleStatus status;
    switch (sale.state()) {
      case COMPLETED:
        status = SaleStatus.COMPLETED;
        break;
      case VOIDED:
        status = SaleStatus.VOIDED;
        break;
      default:
        status = SaleStatus.SAVED;
        break;
    }
    if (sale.archived()) {
      // an archived sale was removed in Lightspeed: it never counts as demand, like a voided one
      status = SaleStatus.CANCELLED;
    }
    List<RecordIssue> issues = new ArrayList<>();
    List<SalesLine> lines = new ArrayList<>();
    for (SaleLine line : sale.lines()) {
      long quantity = wholeUnits(line.unitQuantity());
      if (line.itemId().isEmpty()) {
        issues.add(RecordIssue.of(RecordKind.SALES_ORDER, id, ReasonCode.SKU_NOT_LINKED,
            "sale " + id + " line " + line.id() + " is not tied to an item (a miscellaneous line)",
            "nothing to do if the line sells no stock; otherwise ring the item up instead", asOf));
        continue;
      }
      if (quantity == 0) {
        continue;
      }
      SalesLine.Builder l = SalesLine.builder().lineId(Long.toString(line.id()))
          .skuId(Long.toString(line.itemId().get())).quantity(quantity);
      line.unitPrice().ifPresent(l::unitPrice);
      lines.add(l.build());
    }
    SalesOrder order = SalesOrder.builder()
        .id(id)
        .channel(SalesChannel.RETAIL)
        .status(status)
        .statusRaw(sale.archived() ? "archived" : sale.state().name().toLowerCase(java.util.Locale.ROOT))
        .paymentStatus(status == SaleStatus.COMPLETED ? PaymentStatus.PAID : PaymentStatus.NOT_PAID)
        .locationId(sale.shopId().map(String::valueOf))
        .createdAt(created.get())
        .updatedAt(sale.updateTime().or(sale::timeStamp).orElse(created.get()))
        .completedAt(sale.completed() ? sale.completeTime().or(sale::timeStamp) : Optional.empty())
        .lines(lines)
        .build();
    return Mapped.of(order, issues);
  }

  /** Whole units, rounding half away from zero: R-Series quantities are decimals on the wire. */
  static long wholeUnits(BigDecimal quantity) {
    return Quantities.wholeUnits(quantity);
  }
}
