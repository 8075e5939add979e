package dev.lightspeedsync.sync.lightspeed.xseries;

import dev.lightspeedsync.client.xseries.model.CompositeComponent;
import dev.lightspeedsync.client.xseries.model.Customer;
import dev.lightspeedsync.client.xseries.model.Inventory;
import dev.lightspeedsync.client.xseries.model.LineItemStatus;
import dev.lightspeedsync.client.xseries.model.Outlet;
import dev.lightspeedsync.client.xseries.model.Product;
import dev.lightspeedsync.client.xseries.model.ProductSupplier;
import dev.lightspeedsync.client.xseries.model.Sale;
import dev.lightspeedsync.client.xseries.model.SaleLineItem;
import dev.lightspeedsync.client.xseries.model.SalePayment;
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
import dev.lightspeedsync.sync.model.Visibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps X-Series (API 2.0) records to the sync-core model. Pure functions; ids are the UUIDs
 * Lightspeed prints, quantities whole units (decimals rounded half away from zero), and a blank
 * string is read as absent everywhere ({@code "supplier_id":""} is no supplier).
 *
 * <ul>
 *   <li><b>An outlet is a location</b>; its name is the case-sensitive location code. A deleted outlet
 *       is kept as archived (history refers to it).
 *   <li><b>Every product row is a SKU</b>: X-Series lists each variant of a family as a product of its
 *       own. Prices: {@value #PRICE} (excluding tax), {@value #PRICE_INCL} and {@value #COST}
 *       ({@code supply_price}, the purchase price). The supplier is {@code supplier_id}, else the first
 *       of {@code product_suppliers}. An inactive product ({@code active=false}: not for sale) maps as
 *       {@link Visibility#HIDDEN}, so sync-core deactivates it; a product that tracks no inventory
 *       ({@code has_inventory=false}) maps with stock tracking {@link StockTracking#DISABLED}.
 *   <li><b>Composites</b> ({@code is_composite}) carry their bill of materials as a
 *       {@link CompositeDefinition} of kind {@link CompositeKind#ASSEMBLY}, and map as tracked even
 *       though X-Series keeps no inventory of their own: their stock is their components', and their
 *       sales must reach the catalogue to be broken down into demand on the components.
 *   <li><b>Inventory</b> (one record per product x outlet) is a stock level; negative levels are legal
 *       and kept. {@code reorder_point} is the reorder point; {@code reorder_amount} (an order quantity)
 *       has no counterpart in {@link StockLevel}.
 *   <li><b>A sale is a sales order</b> of channel RETAIL with its line items, by {@link #status}: CLOSED
 *       and the {@code *_CLOSED} statuses are completed; SAVED is saved; LAYBY, ONACCOUNT, AWAITING_*
 *       and SERVICE are pending (open); VOIDED is voided and never demand. A deleted sale maps as
 *       voided. Voided lines and zero quantities are left out; returns keep their negative quantity.
 *   <li><b>A customer</b> keeps its code, names, company, e-mail, phone (else mobile) and physical
 *       address; a deleted customer is stored inactive, never erased (sales refer to it).
 * </ul>
 */
public final class XSeriesMapping {
  /** The price field of the price excluding tax. */
  public static final String PRICE = "price";
  /** The price field of the price including tax. */
  public static final String PRICE_INCL = "priceIncl";
  /** The price field of the supply (purchase) price: sync-core's default purchase-price field. */
  public static final String COST = "cost";

  private XSeriesMapping() {}

  /** An outlet as a location; its name is the location code. */
  public static Location toLocation(Outlet outlet) {
    String name = text(outlet.name()).orElse("Outlet " + outlet.id());
    return Location.builder().id(outlet.id()).code(name).archived(outlet.deleted()).build();
  }

  /** A supplier; a supplier without a name is named after its id. */
  public static Supplier toSupplier(dev.lightspeedsync.client.xseries.model.Supplier supplier) {
    return Supplier.of(supplier.id(), text(supplier.name()).orElse("Supplier " + supplier.id()));
  }

  /**
   * A customer with its contact data: {@code phone}, else {@code mobile}; the physical address
   * ({@code physical_address_1} and {@code _2} joined, the city, else the suburb). When neither
   * {@code first_name} nor {@code last_name} is given, {@code name} is the last name, so the
   * customer keeps a display name. Values are trimmed; blank ones are absent. A deleted customer
   * ({@code deleted_at} set) is inactive, and its {@code updatedAt} is the later of the two times.
   */
  public static dev.lightspeedsync.sync.model.Customer toCustomer(Customer customer) {
    Optional<String> first = trimmed(customer.firstName());
    Optional<String> last = trimmed(customer.lastName());
    if (first.isEmpty() && last.isEmpty()) {
      last = trimmed(customer.name());
    }
    String street = (customer.physicalAddress1().orElse("") + " " + customer.physicalAddress2().orElse("")).strip();
    return dev.lightspeedsync.sync.model.Customer.builder()
        .id(customer.id())
        .code(trimmed(customer.customerCode()))
        .firstName(first)
        .lastName(last)
        .company(trimmed(customer.companyName()))
        .email(trimmed(customer.email()))
        .phone(trimmed(customer.phone()).or(() -> trimmed(customer.mobile())))
        .street(trimmed(Optional.of(street)))
        .city(trimmed(customer.physicalCity()).or(() -> trimmed(customer.physicalSuburb())))
        .postalCode(trimmed(customer.physicalPostcode()))
        .region(trimmed(customer.physicalState()))
        .country(trimmed(customer.physicalCountryId()))
        .updatedAt(Quantities.latest(customer.updatedAt(), customer.deletedAt()))
        .active(!customer.deleted())
        .build();
  }

  /** The SKU of a product row (a standalone product, one variant of a family, or a composite). */
  public static Sku toSku(Product product) {
    Map<String, BigDecimal> prices = new LinkedHashMap<>();
    product.priceExcludingTax().filter(p -> p.signum() >= 0).ifPresent(p -> prices.put(PRICE, p));
    product.priceIncludingTax().filter(p -> p.signum() >= 0).ifPresent(p -> prices.put(PRICE_INCL, p));
    Optional<BigDecimal> cost = purchasePrice(product);
    cost.ifPresent(c -> prices.put(COST, c));
    Sku.Builder b = Sku.builder()
        .id(product.id())
        .sku(product.sku().filter(s -> !s.isEmpty()))
        .name(text(product.variantName()).or(() -> text(product.name())).orElse(""))
        .prices(prices)
        .purchasePrice(cost)
        .supplierId(supplierId(product))
        .visibility(product.active().orElse(true) ? Visibility.VISIBLE : Visibility.HIDDEN)
        .stockTracking(tracking(product))
        .deleted(product.deleted())
        .active(!product.deleted())
        .updatedAt(Quantities.latest(product.updatedAt(), product.deletedAt()));
    composite(product).ifPresent(b::composite);
    return b.build();
  }

  /**
   * Stock tracking of a product: composites are tracked (through their components), products with
   * {@code has_inventory=false} are not; an absent flag is the API's default, tracked.
   */
  static StockTracking tracking(Product product) {
    if (product.composite().orElse(false)) {
      return StockTracking.ENABLED;
    }
    return product.hasInventory().orElse(true) ? StockTracking.ENABLED : StockTracking.DISABLED;
  }

  private static Optional<BigDecimal> purchasePrice(Product product) {
    Optional<BigDecimal> supply = product.supplyPrice().filter(p -> p.signum() >= 0);
    if (supply.isPresent()) {
      return supply;
    }
    for (ProductSupplier s : product.productSuppliers()) {
      if (s.price().isPresent() && s.price().get().signum() >= 0) {
        return s.price();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> supplierId(Product product) {
    Optional<String> direct = text(product.supplierId());
    if (direct.isPresent()) {
      return direct;
    }
    for (ProductSupplier s : product.productSuppliers()) {
      Optional<String> id = text(s.supplierId());
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
  }

  /**
   * The bill of materials of a composite: components with a product and a positive whole quantity,
   * the same component listed twice summed, the composite itself left out. Empty for other products
   * and for a composite whose response carries no components.
   */
  static Optional<CompositeDefinition> composite(Product product) {
    if (!product.composite().orElse(false) || product.components().isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> quantities = new LinkedHashMap<>();
    for (CompositeComponent c : product.components()) {
      Optional<String> id = text(c.productId());
      long q = c.quantity().map(Quantities::wholeUnits).orElse(0L);
      if (id.isPresent() && q > 0 && !id.get().equals(product.id())) {
        quantities.merge(id.get(), q, Long::sum);
      }
    }
    if (quantities.isEmpty()) {
      return Optional.empty();
    }
    CompositeDefinition.Builder b = CompositeDefinition.builder().compositeSkuId(product.id())
        .kind(CompositeKind.ASSEMBLY);
    quantities.forEach((sku, q) -> b.addComponents(Component.of(sku, q)));
    return Optional.of(b.build());
  }

  /**
   * The stock level of an inventory record. A record without a product, an outlet or a level cannot
   * be placed and is rejected for the connection log.
   */
  public static Mapped<StockLevel> toStockLevel(Inventory row, Instant asOf) {
    Optional<String> product = text(row.productId());
    Optional<String> outlet = text(row.outletId());
    String id = text(row.id()).orElse(product.orElse("unknown") + "@" + outlet.orElse("unknown"));
    if (product.isEmpty() || outlet.isEmpty() || row.inventoryLevel().isEmpty()) {
      String missing = product.isEmpty() ? "product_id" : outlet.isEmpty() ? "outlet_id" : "inventory_level";
      return Mapped.rejected(RecordIssue.of(RecordKind.STOCK, id, ReasonCode.MALFORMED_RECORD,
          "Inventory record " + id + " has no " + missing,
          "Check the product's inventory in Lightspeed; the rest of its page was stored.", asOf));
    }
    return Mapped.of(StockLevel.builder()
        .skuId(product.get())
        .locationId(outlet.get())
        .onHand(Quantities.wholeUnits(row.inventoryLevel().get()))
        .reorderPoint(Math.max(0, row.reorderPoint().map(Quantities::wholeUnits).orElse(0L)))
        .build(), List.of());
  }

  /**
   * The sync-core status of an X-Series sale status: CLOSED and *_CLOSED are completed; SAVED is
   * saved; LAYBY, ONACCOUNT, AWAITING_DISPATCH, AWAITING_PICKUP and SERVICE are pending; VOIDED is
   * voided; a status this SDK does not know stays unknown (the raw value is kept on the order).
   */
  public static SaleStatus status(dev.lightspeedsync.client.xseries.model.SaleStatus status) {
    if (status == dev.lightspeedsync.client.xseries.model.SaleStatus.VOIDED) {
      return SaleStatus.VOIDED;
    }
    if (status.completed()) {
      return SaleStatus.COMPLETED;
    }
    if (status == dev.lightspeedsync.client.xseries.model.SaleStatus.SAVED) {
      return SaleStatus.SAVED;
    }
    if (status.open()) {
      return SaleStatus.PENDING;
    }
    return SaleStatus.UNKNOWN;
  }

  /**
   * A sale as a sales order with its lines. Lines without a product are left out and reported; a
   * sale with no usable time is rejected.
   */
  public static Mapped<SalesOrder> toSalesOrder(Sale sale, Instant asOf) {
    String id = sale.id();
    Optional<Instant> created = sale.saleDate().or(sale::createdAt).or(sale::updatedAt);
    if (created.isEmpty()) {
      return Mapped.rejected(RecordIssue.of(RecordKind.SALES_ORDER, id, ReasonCode.MALFORMED_RECORD,
          "sale " + id + " has no sale_date, created_at or updated_at",
          "check the sale in Lightspeed; it cannot be placed in time without one", asOf));
    }
    SaleStatus status = sale.deleted() ? SaleStatus.VOIDED : status(sale.status());
    String raw = sale.statusRaw().filter(s -> !s.isBlank()).orElse("");
    if (sale.deleted()) {
      raw = raw.isEmpty() ? "deleted" : raw + " (deleted)";
    }
    List<RecordIssue> issues = new ArrayList<>();
    List<SalesLine> lines = new ArrayList<>();
    int position = 0;
    for (SaleLineItem line : sale.lineItems()) {
      position++;
      String lineId = text(line.id()).orElse(id + "#" + position);
      if (line.status() == LineItemStatus.VOIDED) {
        continue;
      }
      Optional<String> product = text(line.productId());
      if (product.isEmpty()) {
        issues.add(RecordIssue.of(RecordKind.SALES_ORDER, id, ReasonCode.SKU_NOT_LINKED,
            "sale " + id + " line " + lineId + " is not tied to a product",
            "nothing to do if the line sells no stock; otherwise ring the product up instead", asOf));
        continue;
      }
      long quantity = line.quantity().map(Quantities::wholeUnits).orElse(0L);
      if (quantity == 0) {
        continue;
      }
      SalesLine.Builder l = SalesLine.builder().lineId(lineId).skuId(product.get()).quantity(quantity);
      line.price().ifPresent(l::unitPrice);
      lines.add(l.build());
    }
    Instant updated = Quantities.latest(sale.updatedAt(), sale.deletedAt()).orElse(created.get());
    SalesOrder.Builder order = SalesOrder.builder()
        .id(id)
        .channel(SalesChannel.RETAIL)
        .status(status)
        .paymentStatus(payment(sale, status))
        .locationId(text(sale.outletId()))
        .createdAt(created.get())
        .updatedAt(updated.isBefore(created.get()) ? created.get() : updated)
        .lines(lines);
    if (!raw.isEmpty()) {
      order.statusRaw(raw);
    }
    if (status == SaleStatus.COMPLETED) {
      order.completedAt(created.get());
    }
    return Mapped.of(order.build(), issues);
  }

  /** Paid in full when the payments cover the total including tax; voided sales have their payments removed. */
  static PaymentStatus payment(Sale sale, SaleStatus status) {
    if (status == SaleStatus.VOIDED) {
      return PaymentStatus.CANCELLED;
    }
    BigDecimal paid = BigDecimal.ZERO;
    for (SalePayment p : sale.payments()) {
      paid = paid.add(p.amount().orElse(BigDecimal.ZERO));
    }
    if (sale.totalPrice().isEmpty()) {
      return paid.signum() > 0 ? PaymentStatus.PARTIALLY_PAID
          : status == SaleStatus.COMPLETED ? PaymentStatus.PAID : PaymentStatus.UNKNOWN;
    }
    BigDecimal due = sale.totalPrice().get().add(sale.totalTax().orElse(BigDecimal.ZERO));
    if (due.signum() <= 0 || paid.compareTo(due) >= 0) {
      return PaymentStatus.PAID;
    }
    return paid.signum() > 0 ? PaymentStatus.PARTIALLY_PAID : PaymentStatus.NOT_PAID;
  }

  private static Optional<String> trimmed(Optional<String> value) {
    return value.map(String::strip).filter(s -> !s.isEmpty());
  }

  private static Optional<String> text(Optional<String> value) {
    return value.filter(s -> !s.isBlank());
  }
}
