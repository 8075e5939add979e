package dev.lightspeedsync.client.internal.retail;

import dev.lightspeedsync.client.retail.query.Filter;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The documented R-Series request costs (rate-limit "drips"), used to pace a request before its
 * real cost is known. Pure. The limiter replaces these estimates with the cost the server reports
 * for the same request shape.
 */
public final class RetailCosts {
  private static final BigDecimal BASE = BigDecimal.ONE;
  private static final BigDecimal COUNT = BigDecimal.TEN;
  private static final BigDecimal TO_ONE = new BigDecimal("0.1");
  private static final BigDecimal TO_MANY = new BigDecimal("0.2");
  private static final BigDecimal NESTED = new BigDecimal("0.5");
  private static final Set<String> TO_ONE_RELATIONS = Set.of(
      "Category", "TaxClass", "Manufacturer", "Note", "Customer", "Contact", "Vendor", "Shop", "Discount",
      "TaxCategory", "Quote", "ShipTo", "Item", "PaymentType", "EmployeeRole", "PriceLevel", "ReceiptSetup",
      "CCGateway", "ItemECommerce", "Employee", "Register", "CustomerType", "CreditAccount", "ItemAttributes",
      "ItemAttributeSet", "CCCharge");

  private RetailCosts() {}

  /** Cost of a list (query) request: relations are charged double on query endpoints. */
  public static BigDecimal list(RetailQuery query) {
    return BASE.add(relations(query.relations()).multiply(BigDecimal.valueOf(2))).add(or(query));
  }

  /** Cost of reading one record. */
  public static BigDecimal single(List<String> relations) {
    return BASE.add(relations(relations));
  }

  /** Cost of {@code count=1}. */
  public static BigDecimal count() {
    return COUNT;
  }

  /** Cost of a write with {@code nested} related entities in its payload. */
  public static BigDecimal write(int nested) {
    return BASE.add(NESTED.multiply(BigDecimal.valueOf(nested)));
  }

  /** Cost of writing a Sale: base 2, +3 when completed, +0.5 per line and payment. */
  public static BigDecimal sale(boolean completed, int nested) {
    return BigDecimal.valueOf(completed ? 5 : 2).add(NESTED.multiply(BigDecimal.valueOf(nested)));
  }

  /** Cost of reconciling an inventory count. */
  public static BigDecimal reconcile() {
    return BigDecimal.TEN;
  }

  private static BigDecimal relations(List<String> relations) {
    BigDecimal sum = BigDecimal.ZERO;
    for (String r : relations) {
      String last = r.substring(r.lastIndexOf('.') + 1);
      boolean nested = r.indexOf('.') >= 0;
      BigDecimal c = TO_ONE_RELATIONS.contains(last) ? TO_ONE : TO_MANY;
      sum = sum.add(nested && c == TO_MANY ? c.multiply(BigDecimal.valueOf(2)) : c);
    }
    return sum;
  }

  private static BigDecimal or(RetailQuery query) {
    BigDecimal extra = BigDecimal.ZERO;
    for (List<Filter> group : query.orGroups()) {
      long fields = group.stream().map(Filter::field).distinct().count();
      if (fields > 1) {
        extra = extra.add(BigDecimal.valueOf(group.size()));
      }
    }
    return extra;
  }
}
