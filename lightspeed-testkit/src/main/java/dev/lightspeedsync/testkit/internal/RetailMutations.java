package dev.lightspeedsync.testkit.internal;

import dev.lightspeedsync.testkit.TimeSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State changes of the R-Series data, shared by the HTTP writes and the public mutation API. Each
 * moves timestamps the way the real API does: a stock change moves the ItemShop row (and the
 * shopID 0 summary row), never the Item. All methods are serialised on the store.
 */
public final class RetailMutations {
  private final RetailStore s;
  private final TimeSource clock;

  public RetailMutations(RetailStore store, TimeSource clock) {
    this.s = store;
    this.clock = clock;
  }

  public long now() {
    return clock.now().getEpochSecond();
  }

  public RetailStore store() {
    return s;
  }

  private Rec require(RTable t, long id) {
    Rec r = t.get(id);
    if (r == null) {
      throw new ApiException(404, t.name + " " + id + " not found");
    }
    return r;
  }

  /** Sets the quantity on hand of (item, shop) absolutely; negative values are allowed here. */
  public Rec setQoh(long itemId, long shopId, long qoh) {
    synchronized (s) {
      require(s.item, itemId);
      if (shopId < 1 || s.shop.get(shopId) == null) {
        throw new ApiException(400, "Invalid shopID " + shopId);
      }
      Rec row = s.itemShopOf(itemId, shopId);
      if (row == null) {
        throw new ApiException(404, "ItemShop for item " + itemId + " and shop " + shopId + " not found");
      }
      long t = now();
      Rec updated = row.with(Map.of("qoh", Long.toString(qoh), "sellable", Long.toString(Math.max(qoh, 0)),
          "totalValueNegativeInventory", RetailStore.b(qoh < 0)), t, "timeStamp");
      s.itemShop.put(updated);
      refreshSummary(itemId, t);
      return updated;
    }
  }

  public Rec adjustQoh(long itemId, long shopId, long delta) {
    synchronized (s) {
      Rec row = s.itemShopOf(itemId, shopId);
      if (row == null) {
        throw new ApiException(404, "ItemShop for item " + itemId + " and shop " + shopId + " not found");
      }
      return setQoh(itemId, shopId, row.getLong("qoh") + delta);
    }
  }

  private void refreshSummary(long itemId, long t) {
    Rec summary = s.itemShopOf(itemId, 0);
    if (summary == null) {
      return;
    }
    long sum = 0;
    for (long shop = 1; shop <= s.shops; shop++) {
      Rec r = s.itemShopOf(itemId, shop);
      if (r != null) {
        sum += r.getLong("qoh");
      }
    }
    if (sum != summary.getLong("qoh")) {
      s.itemShop.put(summary.with(Map.of("qoh", Long.toString(sum), "sellable", Long.toString(Math.max(sum, 0)),
          "totalValueNegativeInventory", RetailStore.b(sum < 0)), t, "timeStamp"));
    }
  }

  /** Whether lines of this order count toward ItemShop.backorder (neither complete nor archived). */
  static boolean isOpenOrder(Rec order) {
    return !order.getBool("complete") && !order.getBool("archived");
  }

  /**
   * Adds {@code delta} units to the backorder (quantity on open purchase orders) of (item, shop) and
   * of the summary row; moves their timeStamps.
   */
  public void adjustBackorder(long itemId, long shopId, long delta) {
    synchronized (s) {
      if (delta == 0) {
        return;
      }
      long t = now();
      for (long shop : new long[] {shopId, 0}) {
        Rec row = s.itemShopOf(itemId, shop);
        if (row != null) {
          s.itemShop.put(row.with(Map.of("backorder", Long.toString(row.getLong("backorder") + delta)), t, "timeStamp"));
        }
      }
    }
  }

  /** Keeps backorder in step with an order line that was created (before null), changed or deleted (after null). */
  public void orderLineWritten(Rec before, Rec after) {
    synchronized (s) {
      contribute(before, -1);
      contribute(after, +1);
    }
  }

  private void contribute(Rec line, int sign) {
    if (line == null) {
      return;
    }
    Rec order = s.order.get(line.getLong("orderID"));
    if (order != null && isOpenOrder(order)) {
      adjustBackorder(line.getLong("itemID"), order.getLong("shopID"), sign * openQuantity(line));
    }
  }

  /** Keeps backorder in step with an order that was completed, archived or reopened. */
  public void orderChanged(Rec before, Rec after) {
    synchronized (s) {
      boolean was = isOpenOrder(before);
      boolean is = isOpenOrder(after);
      if (was == is) {
        return;
      }
      for (Rec line : s.orderLinesOf(after)) {
        adjustBackorder(line.getLong("itemID"), after.getLong("shopID"), (is ? 1 : -1) * openQuantity(line));
      }
    }
  }

  /** Open (not yet checked in) quantity of an order line. */
  static long openQuantity(Rec line) {
    return Math.max(0, line.getLong("quantity") - line.getLong("checkedIn"));
  }

  public Rec setReorder(long itemShopId, String reorderPoint, String reorderLevel) {
    synchronized (s) {
      Rec row = require(s.itemShop, itemShopId);
      Map<String, String> ch = new LinkedHashMap<>();
      if (reorderPoint != null) {
        ch.put("reorderPoint", nonNegativeInt(reorderPoint, "reorderPoint"));
      }
      if (reorderLevel != null) {
        ch.put("reorderLevel", nonNegativeInt(reorderLevel, "reorderLevel"));
      }
      Rec updated = row.with(ch, now(), "timeStamp");
      s.itemShop.put(updated);
      return updated;
    }
  }

  static String nonNegativeInt(String v, String field) {
    try {
      long l = new BigDecimal(v.trim()).longValueExact();
      if (l < 0) {
        throw new ApiException(400, field + " cannot be negative");
      }
      return Long.toString(l);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ApiException(400, field + " must be a whole number: " + v);
    }
  }

  /** Changes scalar fields of an Item and moves its timeStamp. */
  public Rec updateItem(long itemId, Map<String, String> fields) {
    synchronized (s) {
      Rec item = require(s.item, itemId);
      Rec updated = item.with(fields, now(), "timeStamp");
      s.item.put(updated);
      return updated;
    }
  }

  /** Archives an item and zeroes its inventory in every shop (the effect of DELETE Item). */
  public Rec archiveItem(long itemId) {
    synchronized (s) {
      Rec item = require(s.item, itemId);
      for (long shop = 1; shop <= s.shops; shop++) {
        Rec row = s.itemShopOf(itemId, shop);
        if (row != null && row.getLong("qoh") != 0) {
          setQoh(itemId, shop, 0);
        }
      }
      Rec updated = item.with(Map.of("archived", "true"), now(), "timeStamp");
      s.item.put(updated);
      return updated;
    }
  }

  /** Creates an item with an ItemShop row per shop (plus the shopID 0 row). */
  public Rec createItem(Map<String, String> fields, Map<Long, Long> qohByShop, Map<String, String> prices) {
    synchronized (s) {
      long id = s.item.allocateId();
      long t = now();
      LinkedHashMap<String, String> f = new LinkedHashMap<>();
      f.put("itemID", Long.toString(id));
      f.put("systemSku", Long.toString(210000000000L + id));
      f.put("defaultCost", "0.00");
      f.put("avgCost", "0.00");
      f.put("discountable", "true");
      f.put("tax", "true");
      f.put("archived", "false");
      f.put("itemType", "default");
      f.put("serialized", "false");
      f.put("description", "");
      f.put("modelYear", "0");
      f.put("upc", "");
      f.put("ean", "");
      f.put("customSku", "");
      f.put("manufacturerSku", "");
      f.put("publishToEcom", "false");
      f.put("categoryID", "0");
      f.put("taxClassID", "1");
      f.put("departmentID", "0");
      f.put("itemMatrixID", "0");
      f.put("manufacturerID", "0");
      f.put("seasonID", "0");
      f.put("defaultVendorID", "0");
      f.put("createTime", RetailStore.ts(t));
      f.put("timeStamp", RetailStore.ts(t));
      for (String p : RetailStore.PRICE_TYPES) {
        f.put("_price." + p, "0.00");
      }
      for (Map.Entry<String, String> e : fields.entrySet()) {
        if (f.containsKey(e.getKey()) && !e.getKey().equals("itemID") && !e.getKey().equals("systemSku")) {
          f.put(e.getKey(), e.getValue());
        }
      }
      for (Map.Entry<String, String> e : prices.entrySet()) {
        f.put("_price." + e.getKey(), e.getValue());
      }
      Rec item = new Rec(id, t, f);
      s.item.put(item);
      long costCents = Money.parse(f.get("defaultCost")).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
      long sum = 0;
      for (long shop = 0; shop <= s.shops; shop++) {
        long q = shop == 0 ? 0 : qohByShop.getOrDefault(shop, 0L);
        sum += q;
        long rowId = s.itemShop.allocateId();
        s.itemShop.put(new Rec(rowId, t, RetailStore.itemShopFields(rowId, id, shop, shop == 0 ? 0 : q, 0, 0, costCents, t)));
      }
      if (sum != 0) {
        refreshSummary(id, t);
      }
      return item;
    }
  }

  /** A sale line to create. */
  public record NewLine(long itemId, long quantity, BigDecimal unitPrice) {}

  /** A payment to create. */
  public record NewPayment(BigDecimal amount, long paymentTypeId) {}

  /**
   * Creates a sale. A completed sale must balance (payments at least the total; the excess is the
   * change) and removes its quantities from the sale shop's stock, moving those ItemShop rows.
   */
  public Rec createSale(long shopId, long employeeId, long customerId, boolean completed, List<NewLine> lines,
      List<NewPayment> payments, String referenceNumber, String referenceNumberSource) {
    return createSale(shopId, shopId, employeeId, customerId, completed, lines, payments, referenceNumber,
        referenceNumberSource);
  }

  /** As above, on a given register (which must belong to the shop). */
  public Rec createSale(long shopId, long registerId, long employeeId, long customerId, boolean completed,
      List<NewLine> lines, List<NewPayment> payments, String referenceNumber, String referenceNumberSource) {
    synchronized (s) {
      Rec register = s.register.get(registerId);
      if (register == null || register.getLong("shopID") != shopId) {
        throw new ApiException(400, "Sale not created. Register " + registerId + " is not a register of shop " + shopId);
      }
      if (s.shop.get(shopId) == null) {
        throw new ApiException(400, "Sale not created. Invalid shopID " + shopId);
      }
      if (customerId != 0 && s.customer.get(customerId) == null) {
        throw new ApiException(400, "Sale not created. Invalid customerID " + customerId);
      }
      BigDecimal subtotal = BigDecimal.ZERO;
      for (NewLine l : lines) {
        if (l.itemId() != 0 && s.item.get(l.itemId()) == null) {
          throw new ApiException(400, "Sale not created. Invalid itemID " + l.itemId());
        }
        subtotal = subtotal.add(l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())));
      }
      BigDecimal total = subtotal.add(subtotal.multiply(RetailStore.TAX1));
      BigDecimal paid = BigDecimal.ZERO;
      for (NewPayment p : payments) {
        requirePaymentType(p, "Sale not created");
        paid = paid.add(p.amount());
      }
      if (completed && paid.setScale(2, RoundingMode.HALF_UP).compareTo(total.setScale(2, RoundingMode.HALF_UP)) < 0) {
        throw new ApiException(400, "Sale not created. A completed sale must be fully paid: total "
            + Money.fmt(total) + ", payments " + Money.fmt(paid));
      }
      long t = now();
      long id = s.sale.allocateId();
      LinkedHashMap<String, String> f = RetailStore.saleFields(id, t, completed, false, false, subtotal, false, shopId,
          customerId, employeeId, referenceNumber, referenceNumberSource);
      f.put("registerID", Long.toString(registerId));
      f.put("createTime", RetailStore.ts(t));
      f.put("calcPayments", Money.fmt(paid));
      BigDecimal change = paid.subtract(total).max(BigDecimal.ZERO);
      f.put("change", Money.fmt(change.setScale(2, RoundingMode.HALF_UP)));
      f.put("balance", Money.fmt(completed ? BigDecimal.ZERO : total.subtract(paid)));
      s.sale.put(new Rec(id, t, f));
      for (NewLine l : lines) {
        long lineId = s.saleLine.allocateId();
        s.saleLine.put(new Rec(lineId, t, RetailStore.saleLineFields(lineId, id, t, l.itemId(), l.quantity(),
            l.unitPrice(), customerId, employeeId, shopId)));
      }
      for (NewPayment p : payments) {
        long payId = s.salePayment.allocateId();
        s.salePayment.put(new Rec(payId, 0, RetailStore.salePaymentFields(payId, id, p.amount(), p.paymentTypeId(), t,
            registerId, employeeId)));
      }
      if (completed) {
        moveStock(lines, shopId, -1);
      }
      return s.sale.get(id);
    }
  }

  private void moveStock(List<NewLine> lines, long shopId, int sign) {
    for (NewLine l : lines) {
      if (l.itemId() == 0) {
        continue;
      }
      Rec item = s.item.get(l.itemId());
      if (item != null && !"non_inventory".equals(item.get("itemType"))) {
        adjustQoh(l.itemId(), shopId, sign * l.quantity());
      }
    }
  }

  private List<NewLine> linesAsNew(Rec sale) {
    List<NewLine> out = new ArrayList<>();
    for (Rec l : s.linesOf(sale)) {
      out.add(new NewLine(l.getLong("itemID"), l.getLong("unitQuantity"), Money.parse(l.get("unitPrice"))));
    }
    return out;
  }

  /**
   * Voids a sale: restocks a completed sale and moves {@code updatetime}. A completed sale keeps
   * its timeStamp (its completion time), as the real API does, so timeStamp-based syncs miss it.
   */
  public Rec voidSale(long saleId) {
    synchronized (s) {
      Rec sale = require(s.sale, saleId);
      if (sale.getBool("voided")) {
        return sale;
      }
      long t = now();
      if (sale.getBool("completed")) {
        moveStock(linesAsNew(sale), sale.getLong("shopID"), +1);
      }
      Rec updated = updateSaleFields(sale, Map.of("voided", "true"), t);
      return updated;
    }
  }

  /** Updates scalar fields of a sale: updatetime always moves; timeStamp only while it is open. */
  public Rec updateSaleFields(Rec sale, Map<String, String> changes, long t) {
    synchronized (s) {
      boolean completed = sale.getBool("completed");
      Rec updated = completed ? sale.with(changes, sale.ts, null) : sale.with(changes, t, "timeStamp");
      updated.fields.put("updatetime", RetailStore.ts(t));
      s.sale.put(updated);
      return updated;
    }
  }

  private void requirePaymentType(NewPayment p, String what) {
    Rec type = s.paymentType.get(p.paymentTypeId());
    if (type == null || type.getBool("archived")) {
      throw new ApiException(400, what + ". Invalid paymentTypeID " + p.paymentTypeId());
    }
  }

  /** Completes an open sale with extra payments; it must then balance. */
  public Rec completeSale(long saleId, List<NewPayment> extraPayments) {
    synchronized (s) {
      Rec sale = require(s.sale, saleId);
      if (sale.getBool("completed")) {
        return sale;
      }
      BigDecimal total = Money.parse(sale.get("total"));
      BigDecimal paid = BigDecimal.ZERO;
      for (Rec p : s.paymentsOf(sale)) {
        paid = paid.add(Money.parse(p.get("amount")));
      }
      for (NewPayment p : extraPayments) {
        requirePaymentType(p, "Sale not completed");
        paid = paid.add(p.amount());
      }
      if (paid.compareTo(total.setScale(2, RoundingMode.HALF_UP)) < 0 && paid.compareTo(total) < 0) {
        throw new ApiException(400, "Sale not completed. Payments " + Money.fmt(paid) + " do not cover total "
            + Money.fmt(total));
      }
      long t = now();
      for (NewPayment p : extraPayments) {
        long payId = s.salePayment.allocateId();
        s.salePayment.put(new Rec(payId, 0, RetailStore.salePaymentFields(payId, saleId, p.amount(), p.paymentTypeId(),
            t, sale.getLong("registerID"), sale.getLong("employeeID"))));
      }
      moveStock(linesAsNew(sale), sale.getLong("shopID"), -1);
      Map<String, String> ch = new LinkedHashMap<>();
      ch.put("completed", "true");
      ch.put("completeTime", RetailStore.ts(t));
      ch.put("updatetime", RetailStore.ts(t));
      ch.put("calcPayments", Money.fmt(paid));
      ch.put("balance", "0.00");
      ch.put("change", Money.fmt(paid.subtract(total).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP)));
      Rec updated = sale.with(ch, t, "timeStamp");
      s.sale.put(updated);
      return updated;
    }
  }

  /** Generic scalar update that moves the record's timeStamp (when it has one). */
  public Rec update(RTable t, long id, Map<String, String> changes) {
    synchronized (s) {
      Rec r = require(t, id);
      long now = t.tsField == null ? r.ts : now();
      Rec updated = r.with(changes, now, t.tsField);
      t.put(updated);
      return updated;
    }
  }

  /** Generic create from a template of default fields. */
  public Rec create(RTable t, LinkedHashMap<String, String> defaults, Map<String, String> fields) {
    synchronized (s) {
      long id = t.allocateId();
      long now = now();
      LinkedHashMap<String, String> f = new LinkedHashMap<>(defaults);
      f.put(t.idField, Long.toString(id));
      for (Map.Entry<String, String> e : fields.entrySet()) {
        if (f.containsKey(e.getKey()) && !e.getKey().equals(t.idField)) {
          f.put(e.getKey(), e.getValue());
        }
      }
      if (f.containsKey("createTime")) {
        f.put("createTime", RetailStore.ts(now));
      }
      if (t.tsField != null) {
        f.put(t.tsField, RetailStore.ts(now));
      }
      Rec r = new Rec(id, t.tsField == null ? 0 : now, f);
      t.put(r);
      return r;
    }
  }

  /** Applies counted quantities of an inventory count to stock (absolute), optionally for one item. */
  public Rec reconcile(long countId, long onlyItemId) {
    synchronized (s) {
      Rec count = require(s.inventoryCount, countId);
      long shopId = count.getLong("shopID");
      for (Long ciId : s.inventoryCountItem.createdWhere("inventoryCountID", countId)) {
        Rec ci = s.inventoryCountItem.get(ciId);
        if (ci == null || (onlyItemId != 0 && ci.getLong("itemID") != onlyItemId)) {
          continue;
        }
        setQoh(ci.getLong("itemID"), shopId, ci.getLong("qty"));
      }
      return update(s.inventoryCount, countId, Map.of());
    }
  }
}
