package dev.lightspeedsync.sync.lightspeed.xseries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.sync.model.Component;
import dev.lightspeedsync.sync.model.Demand;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.TestkitRecord;
import dev.lightspeedsync.testkit.XSeriesData;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a sink must hold after an X-Series sync with the default rules and every outlet selected,
 * computed from the testkit's ground truth (not from the connector or the client).
 */
public final class XSeriesTruth {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final XSeriesData x;

  public XSeriesTruth(XSeriesData x) {
    this.x = x;
  }

  static boolean deleted(TestkitRecord r) {
    return r.get("deleted_at").isPresent();
  }

  /** Completed: CLOSED and the *_CLOSED statuses. */
  public static boolean completed(String status) {
    return status.equals("CLOSED") || status.endsWith("_CLOSED");
  }

  public Set<String> productIds() {
    return x.stream("products").map(TestkitRecord::key).collect(Collectors.toSet());
  }

  public Set<String> saleIds() {
    return x.stream("sales").map(TestkitRecord::key).collect(Collectors.toSet());
  }

  /** Products a planner keeps: not deleted, active (for sale), and tracking stock or composite. */
  public Set<String> expectedActiveSkus() {
    return x.stream("products")
        .filter(p -> !deleted(p) && p.getBoolean("active") && (p.getBoolean("has_inventory") || p.getBoolean("is_composite")))
        .map(TestkitRecord::key).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Live inventory rows, {@code product@outlet -> level}, of live products. */
  public Map<String, Long> expectedStock(Predicate<String> outlet) {
    Map<String, Long> out = new TreeMap<>();
    x.stream("inventory").filter(r -> !deleted(r) && outlet.test(r.require("outlet_id")))
        .forEach(r -> out.put(r.require("product_id") + "@" + r.require("outlet_id"),
            r.getDecimal("inventory_level").longValue()));
    return out;
  }

  /** Completed sales at the selected outlets, with their countable lines (product, non-zero, not voided). */
  public Map<String, Long> expectedCompletedSales(Predicate<String> outlet) {
    Map<String, Long> out = new TreeMap<>();
    x.stream("sales").filter(s -> completed(s.require("status")) && outlet.test(s.require("outlet_id")))
        .forEach(s -> out.put(s.key(), lines(s)));
    return out;
  }

  private static long lines(TestkitRecord sale) {
    try {
      long n = 0;
      for (JsonNode l : JSON.readTree(sale.get("line_items").orElse("[]"))) {
        if (!l.path("product_id").asText("").isBlank() && l.path("quantity").decimalValue().signum() != 0
            && !l.path("status").asText("").equals("VOIDED")) {
          n++;
        }
      }
      return n;
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The sink equals the truth, with every outlet selected. */
  public void assertSinkEqualsTruth(InMemorySyncSink sink) {
    assertSinkEqualsTruth(sink, o -> true);
  }

  /** The sink equals the truth, with the outlets {@code outlet} accepts selected. */
  public void assertSinkEqualsTruth(InMemorySyncSink sink, Predicate<String> outlet) {
    Map<String, String> outlets = x.stream("outlets").collect(Collectors.toMap(TestkitRecord::key, r -> r.require("name")));
    assertThat(sink.locations().stream().collect(Collectors.toMap(l -> l.id(), l -> l.code()))).isEqualTo(outlets);

    Map<String, String> suppliers = x.stream("suppliers").filter(s -> !deleted(s))
        .collect(Collectors.toMap(TestkitRecord::key, r -> r.require("name")));
    assertThat(suppliers).isNotEmpty();
    assertThat(sink.findSuppliers(suppliers.keySet()).values().stream()
        .collect(Collectors.toMap(s -> s.id(), s -> s.name()))).isEqualTo(suppliers);

    Set<String> all = productIds();
    Map<String, Sku> stored = sink.findSkus(all);
    Set<String> active = stored.values().stream().filter(Sku::active).map(Sku::id)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = expectedActiveSkus();
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(active);
    Set<String> extra = new TreeSet<>(active);
    extra.removeAll(expected);
    assertThat(missing).as("active SKUs missing (of %s expected, %s stored)", expected.size(), stored.size()).isEmpty();
    assertThat(extra).as("SKUs active in the sink but not in Lightspeed").isEmpty();
    Set<String> deletedIds = x.deletedIds("products").collect(Collectors.toSet());
    for (String id : deletedIds) {
      Sku s = stored.get(id);
      assertThat(s == null || !s.active()).as("deleted product " + id + " is inactive or was never stored").isTrue();
    }
    long composites = 0;
    for (String id : expected) {
      Map<String, BigDecimal> bom = x.compositeComponents(id);
      Sku sku = stored.get(id);
      if (bom.isEmpty()) {
        assertThat(sku.composite()).as("composite of " + id).isEmpty();
        continue;
      }
      composites++;
      Map<String, Long> want = bom.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
          e -> e.getValue().longValue()));
      assertThat(sku.composite()).as("composite of " + id).isPresent();
      assertThat(sku.composite().get().components().stream()
          .collect(Collectors.toMap(Component::skuId, Component::quantity))).isEqualTo(want);
    }
    assertThat(composites).as("composites in the catalogue").isPositive();

    Map<String, Long> expectedStock = expectedStock(outlet);
    Map<String, Long> storedStock = new TreeMap<>();
    for (StockLevel s : sink.findStock(all)) {
      if (deletedIds.contains(s.skuId())) {
        continue; // the stock of a deleted product stays as last read, on a deactivated SKU
      }
      assertThat(storedStock.put(s.skuId() + "@" + s.locationId(), s.onHand())).as("duplicate stock row").isNull();
    }
    assertThat(storedStock).isEqualTo(expectedStock);

    Map<String, Long> expectedSales = expectedCompletedSales(outlet);
    Map<String, SalesOrder> sales = sink.findSales(saleIds());
    Map<String, Long> counted = new TreeMap<>();
    sales.values().stream().filter(o -> o.status() == SaleStatus.COMPLETED)
        .forEach(o -> counted.put(o.id(), (long) o.lines().size()));
    assertThat(counted).as("completed sales and their line counts").isEqualTo(expectedSales);
    assertThat(sales.values()).as("every stored sale is completed or was replaced by its voided version")
        .allMatch(o -> o.status() == SaleStatus.COMPLETED || o.status() == SaleStatus.VOIDED);

    assertCustomersEqualTruth(sink);

    // demand: once per order line and SKU, only from completed sales
    List<Demand> demand = sink.findDemand(all);
    Set<String> keys = new HashSet<>();
    for (Demand d : demand) {
      assertThat(keys.add(d.orderId() + "/" + d.lineId() + "/" + d.skuId() + "/" + d.path()))
          .as("demand stored twice: " + d).isTrue();
      assertThat(expectedSales).as("demand of order " + d.orderId()).containsKey(d.orderId());
    }
  }

  /**
   * Every customer is stored once, with its code, names and e-mail as Lightspeed has them now;
   * deleted customers are stored inactive, never left out.
   */
  public void assertCustomersEqualTruth(InMemorySyncSink sink) {
    List<TestkitRecord> customers = x.stream("customers").collect(Collectors.toList());
    assertThat(customers).as("customers in the retailer").isNotEmpty();
    Map<String, dev.lightspeedsync.sync.model.Customer> stored =
        sink.findCustomers(customers.stream().map(TestkitRecord::key).collect(Collectors.toList()));
    assertThat(stored).as("stored customers").hasSize(customers.size());
    for (TestkitRecord r : customers) {
      dev.lightspeedsync.sync.model.Customer c = stored.get(r.key());
      assertThat(c.active()).as("customer %s active", r.key()).isEqualTo(!deleted(r));
      assertThat(c.code()).as("customer %s code", r.key()).isEqualTo(r.get("customer_code"));
      assertThat(c.firstName()).as("customer %s first name", r.key()).isEqualTo(r.get("first_name"));
      assertThat(c.lastName()).as("customer %s last name", r.key()).isEqualTo(r.get("last_name"));
      assertThat(c.email()).as("customer %s e-mail", r.key()).isEqualTo(r.get("email").filter(e -> !e.isBlank()));
    }
  }
}
