package dev.lightspeedsync.sync.spi;

import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.model.Supplier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The records of one source page, mapped to the sync-core model and not yet judged by any rule.
 * One page may carry several kinds (an R-Series Item page with its ItemShops carries SKUs and
 * stock). {@link #issues()} holds what the mapping could not turn into a record: malformed records
 * and mapping problems, each with its id and reason, for the connection log. Immutable and
 * thread-safe.
 */
public final class Batch {
  private static final Batch EMPTY = builder().build();

  private final List<Location> locations;
  private final List<Supplier> suppliers;
  private final List<Sku> skus;
  private final List<String> deletedSkuIds;
  private final List<StockLevel> stock;
  private final List<SalesOrder> sales;
  private final List<Customer> customers;
  private final List<RecordIssue> issues;

  private Batch(Builder b) {
    this.locations = List.copyOf(b.locations);
    this.suppliers = List.copyOf(b.suppliers);
    this.skus = List.copyOf(b.skus);
    this.deletedSkuIds = List.copyOf(b.deletedSkuIds);
    this.stock = List.copyOf(b.stock);
    this.sales = List.copyOf(b.sales);
    this.customers = List.copyOf(b.customers);
    this.issues = List.copyOf(b.issues);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A page with no records. */
  public static Batch empty() {
    return EMPTY;
  }

  public List<Location> locations() {
    return locations;
  }

  public List<Supplier> suppliers() {
    return suppliers;
  }

  public List<Sku> skus() {
    return skus;
  }

  /** Ids of SKUs deleted at the source: deactivated in the sink, never erased. */
  public List<String> deletedSkuIds() {
    return deletedSkuIds;
  }

  public List<StockLevel> stock() {
    return stock;
  }

  public List<SalesOrder> sales() {
    return sales;
  }

  /** Records that could not be mapped (malformed, missing keys), for the connection log. */
  /** Customers with contact data. */
  public List<Customer> customers() {
    return customers;
  }

  public List<RecordIssue> issues() {
    return issues;
  }

  @Override
  public String toString() {
    return "Batch{locations=" + locations.size() + ", suppliers=" + suppliers.size() + ", skus=" + skus.size()
        + ", deletedSkuIds=" + deletedSkuIds.size() + ", stock=" + stock.size() + ", sales=" + sales.size() + ", customers=" + customers.size()
        + ", issues=" + issues.size() + "}";
  }

  /** Builds a {@link Batch}; not thread-safe. */
  public static final class Builder {
    private final List<Location> locations = new ArrayList<>();
    private final List<Supplier> suppliers = new ArrayList<>();
    private final List<Sku> skus = new ArrayList<>();
    private final List<String> deletedSkuIds = new ArrayList<>();
    private final List<StockLevel> stock = new ArrayList<>();
    private final List<SalesOrder> sales = new ArrayList<>();
    private final List<Customer> customers = new ArrayList<>();
    private final List<RecordIssue> issues = new ArrayList<>();

    private Builder() {}

    public Builder addLocations(Collection<Location> values) {
      values.forEach(v -> locations.add(Objects.requireNonNull(v, "location == null")));
      return this;
    }

    public Builder addSuppliers(Collection<Supplier> values) {
      values.forEach(v -> suppliers.add(Objects.requireNonNull(v, "supplier == null")));
      return this;
    }

    public Builder addSku(Sku value) {
      skus.add(Objects.requireNonNull(value, "sku == null"));
      return this;
    }

    public Builder addSkus(Collection<Sku> values) {
      values.forEach(this::addSku);
      return this;
    }

    public Builder addDeletedSkuId(String id) {
      deletedSkuIds.add(Objects.requireNonNull(id, "id == null"));
      return this;
    }

    public Builder addStock(StockLevel value) {
      stock.add(Objects.requireNonNull(value, "stock == null"));
      return this;
    }

    public Builder addStock(Collection<StockLevel> values) {
      values.forEach(this::addStock);
      return this;
    }

    public Builder addSale(SalesOrder value) {
      sales.add(Objects.requireNonNull(value, "sale == null"));
      return this;
    }

    public Builder addCustomer(Customer value) {
      customers.add(Objects.requireNonNull(value, "customer == null"));
      return this;
    }

    public Builder addSales(Collection<SalesOrder> values) {
      values.forEach(this::addSale);
      return this;
    }

    public Builder addCustomers(Collection<Customer> values) {
      values.forEach(this::addCustomer);
      return this;
    }

    public Builder addIssue(RecordIssue value) {
      issues.add(Objects.requireNonNull(value, "issue == null"));
      return this;
    }

    public Builder addIssues(Collection<RecordIssue> values) {
      values.forEach(this::addIssue);
      return this;
    }

    public Batch build() {
      return new Batch(this);
    }
  }
}
