package dev.lightspeedsync.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything that shapes a {@link LightspeedTestServer}: the seed and sizes of the generated data,
 * the clock, rate limits, token lifetime and faults. Two servers built from equal configurations
 * serve identical data.
 *
 * <p>The accessors return what the {@link Builder} methods of the same name set.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class TestkitConfig {
  private final long seed;
  private final Instant dataEpoch;
  private final TimeSource timeSource;
  private final int port;
  private final long accountId;
  private final int shops;
  private final long items;
  private final int vendors;
  private final long customers;
  private final int employees;
  private final long sales;
  private final long orders;
  private final int inventoryCounts;
  private final double bucketSize;
  private final double dripRate;
  private final int burstLimit;
  private final Duration accessTokenTtl;
  private final boolean strictRefreshRotation;
  private final long products;
  private final int suppliers;
  private final long ecomOrders;
  private final long ecomVariants;
  private final List<String> ecomLanguages;
  private final int[] ecomLimits;
  private final int ecomPerSecond;
  private final FaultPlan faults;
  private final String xseriesDomainPrefix;
  private final int xseriesOutlets;
  private final int xseriesRegistersPerOutlet;
  private final long xseriesProducts;
  private final long xseriesCustomers;
  private final int xseriesSuppliers;
  private final long xseriesSales;
  private final long xseriesConsignments;
  private final int xseriesRateLimit;
  private final int xseriesDefaultPageSize;
  private final int xseriesMaxPageSize;
  private final Duration xseriesAccessTokenTtl;
  private final int xseriesWalkChurn;

  private TestkitConfig(Builder b) {
    this.seed = b.seed;
    this.dataEpoch = b.dataEpoch;
    this.timeSource = b.timeSource;
    this.port = b.port;
    this.accountId = b.accountId;
    this.shops = b.shops;
    this.items = b.items;
    this.vendors = b.vendors;
    this.customers = b.customers;
    this.employees = b.employees;
    this.sales = b.sales;
    this.orders = b.orders;
    this.inventoryCounts = b.inventoryCounts;
    this.bucketSize = b.bucketSize;
    this.dripRate = b.dripRate;
    this.burstLimit = b.burstLimit;
    this.accessTokenTtl = b.accessTokenTtl;
    this.strictRefreshRotation = b.strictRefreshRotation;
    this.products = b.products;
    this.suppliers = b.suppliers;
    this.ecomOrders = b.ecomOrders;
    this.ecomVariants = b.ecomVariants;
    this.ecomLanguages = List.copyOf(b.ecomLanguages);
    this.ecomLimits = b.ecomLimits.clone();
    this.ecomPerSecond = b.ecomPerSecond;
    this.faults = b.faults;
    this.xseriesDomainPrefix = b.xseriesDomainPrefix;
    this.xseriesOutlets = b.xseriesOutlets;
    this.xseriesRegistersPerOutlet = b.xseriesRegistersPerOutlet;
    this.xseriesProducts = b.xseriesProducts;
    this.xseriesCustomers = b.xseriesCustomers;
    this.xseriesSuppliers = b.xseriesSuppliers;
    this.xseriesSales = b.xseriesSales;
    this.xseriesConsignments = b.xseriesConsignments;
    this.xseriesRateLimit = b.xseriesRateLimit;
    this.xseriesDefaultPageSize = b.xseriesDefaultPageSize;
    this.xseriesMaxPageSize = b.xseriesMaxPageSize;
    this.xseriesAccessTokenTtl = b.xseriesAccessTokenTtl;
    this.xseriesWalkChurn = b.xseriesWalkChurn;
  }

  /** Small defaults: 3 shops, 1,000 items, 500 sales, 200 eCom products, system clock, port 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static TestkitConfig defaults() {
    return builder().build();
  }

  /** A builder preset with this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.seed = seed;
    b.dataEpoch = dataEpoch;
    b.timeSource = timeSource;
    b.port = port;
    b.accountId = accountId;
    b.shops = shops;
    b.items = items;
    b.vendors = vendors;
    b.customers = customers;
    b.employees = employees;
    b.sales = sales;
    b.orders = orders;
    b.inventoryCounts = inventoryCounts;
    b.bucketSize = bucketSize;
    b.dripRate = dripRate;
    b.burstLimit = burstLimit;
    b.accessTokenTtl = accessTokenTtl;
    b.strictRefreshRotation = strictRefreshRotation;
    b.products = products;
    b.suppliers = suppliers;
    b.ecomOrders = ecomOrders;
    b.ecomVariants = ecomVariants;
    b.ecomLanguages = ecomLanguages;
    b.ecomLimits = ecomLimits.clone();
    b.ecomPerSecond = ecomPerSecond;
    b.faults = faults;
    b.xseriesDomainPrefix = xseriesDomainPrefix;
    b.xseriesOutlets = xseriesOutlets;
    b.xseriesRegistersPerOutlet = xseriesRegistersPerOutlet;
    b.xseriesProducts = xseriesProducts;
    b.xseriesCustomers = xseriesCustomers;
    b.xseriesSuppliers = xseriesSuppliers;
    b.xseriesSales = xseriesSales;
    b.xseriesConsignments = xseriesConsignments;
    b.xseriesRateLimit = xseriesRateLimit;
    b.xseriesDefaultPageSize = xseriesDefaultPageSize;
    b.xseriesMaxPageSize = xseriesMaxPageSize;
    b.xseriesAccessTokenTtl = xseriesAccessTokenTtl;
    b.xseriesWalkChurn = xseriesWalkChurn;
    return b;
  }

  public long seed() { return seed; }
  public Instant dataEpoch() { return dataEpoch; }
  public TimeSource timeSource() { return timeSource; }
  public int port() { return port; }
  public long accountId() { return accountId; }
  public int shops() { return shops; }
  public long items() { return items; }
  public int vendors() { return vendors; }
  public long customers() { return customers; }
  public int employees() { return employees; }
  public long sales() { return sales; }
  public long orders() { return orders; }
  public int inventoryCounts() { return inventoryCounts; }
  public double bucketSize() { return bucketSize; }
  public double dripRate() { return dripRate; }
  public int burstLimit() { return burstLimit; }
  public Duration accessTokenTtl() { return accessTokenTtl; }
  public boolean strictRefreshRotation() { return strictRefreshRotation; }
  public long products() { return products; }
  public int suppliers() { return suppliers; }
  public long ecomOrders() { return ecomOrders; }
  /** The total number of eCom variants, or -1 for 1 to 3 per product at random (about 2 per product). */
  public long ecomVariants() { return ecomVariants; }
  public List<String> ecomLanguages() { return ecomLanguages; }
  /** The three eCom quotas: per 5 minutes, per hour, per day. */
  public int[] ecomLimits() { return ecomLimits.clone(); }
  public int ecomPerSecond() { return ecomPerSecond; }
  public FaultPlan faults() { return faults; }
  public String xseriesDomainPrefix() { return xseriesDomainPrefix; }
  public int xseriesOutlets() { return xseriesOutlets; }
  public int xseriesRegistersPerOutlet() { return xseriesRegistersPerOutlet; }
  public long xseriesProducts() { return xseriesProducts; }
  public long xseriesCustomers() { return xseriesCustomers; }
  public int xseriesSuppliers() { return xseriesSuppliers; }
  public long xseriesSales() { return xseriesSales; }
  public long xseriesConsignments() { return xseriesConsignments; }
  public int xseriesDefaultPageSize() { return xseriesDefaultPageSize; }
  public int xseriesMaxPageSize() { return xseriesMaxPageSize; }
  public Duration xseriesAccessTokenTtl() { return xseriesAccessTokenTtl; }
  public int xseriesWalkChurn() { return xseriesWalkChurn; }
  /** The X-Series requests allowed per 5 minutes: the override, or 300 x registers + 50. */
  public int xseriesRateLimit() { return xseriesRateLimit > 0 ? xseriesRateLimit : 300 * xseriesOutlets * xseriesRegistersPerOutlet + 50; }
  /** Number of X-Series registers: outlets x registers per outlet. */
  public int xseriesRegisters() { return xseriesOutlets * xseriesRegistersPerOutlet; }

  /** Builder of {@link TestkitConfig}; not thread-safe. */
  public static final class Builder {
    private long seed = 42;
    private Instant dataEpoch = Instant.parse("2025-01-01T00:00:00Z");
    private TimeSource timeSource = TimeSource.system();
    private int port = 0;
    private long accountId = 123456;
    private int shops = 3;
    private long items = 1000;
    private int vendors = 8;
    private long customers = 50;
    private int employees = 5;
    private long sales = 500;
    private long orders = 40;
    private int inventoryCounts = 2;
    private double bucketSize = 90;
    private double dripRate = 1;
    private int burstLimit = 20;
    private Duration accessTokenTtl = Duration.ofHours(1);
    private boolean strictRefreshRotation = false;
    private long products = 200;
    private int suppliers = 6;
    private long ecomOrders = 144;
    private long ecomVariants = -1;
    private List<String> ecomLanguages = List.of("en", "nl");
    private int[] ecomLimits = {300, 3000, 12000};
    private int ecomPerSecond = 20;
    private FaultPlan faults = FaultPlan.none();
    private String xseriesDomainPrefix = "testkitstore";
    private int xseriesOutlets = 3;
    private int xseriesRegistersPerOutlet = 1;
    private long xseriesProducts = 500;
    private long xseriesCustomers = 50;
    private int xseriesSuppliers = 5;
    private long xseriesSales = 260;
    private long xseriesConsignments = 20;
    private int xseriesRateLimit = 0;
    private int xseriesDefaultPageSize = 100;
    private int xseriesMaxPageSize = 1000;
    private Duration xseriesAccessTokenTtl = Duration.ofDays(1);
    private int xseriesWalkChurn = 0;

    private Builder() {}

    /** Seed of all generated data (and nothing else; faults have their own seed). */
    public Builder seed(long seed) { this.seed = seed; return this; }

    /**
     * Start of the generated timestamps (default 2025-01-01T00:00:00Z). Generated records are spread
     * over the following months, so the clock should be later than that for writes to look recent.
     */
    public Builder dataEpoch(Instant epoch) { this.dataEpoch = Objects.requireNonNull(epoch, "epoch == null"); return this; }

    /** API time; use a {@link ManualTimeSource} in tests. */
    public Builder timeSource(TimeSource timeSource) { this.timeSource = Objects.requireNonNull(timeSource, "timeSource == null"); return this; }

    /** Loopback port; 0 (default) picks a free one. */
    public Builder port(int port) { this.port = (int) checkRange(port, 0, 65535, "port"); return this; }

    public Builder accountId(long accountId) { this.accountId = checkPositive(accountId, "accountId"); return this; }

    /** Number of R-Series shops (at least 1; shops 1 and 2 differ only in letter case). */
    public Builder shops(int shops) { this.shops = (int) checkRange(shops, 1, 1000, "shops"); return this; }

    /** Number of R-Series items, up to tens of millions (generated on demand). */
    public Builder items(long items) { this.items = checkRange(items, 0, 100_000_000L, "items"); return this; }

    public Builder vendors(int vendors) { this.vendors = (int) checkRange(vendors, 0, 100_000, "vendors"); return this; }

    public Builder customers(long customers) { this.customers = checkRange(customers, 0, 100_000_000L, "customers"); return this; }

    public Builder employees(int employees) { this.employees = (int) checkRange(employees, 1, 10_000, "employees"); return this; }

    /** Number of generated R-Series sales (each with 1 to 3 lines). */
    public Builder sales(long sales) { this.sales = checkRange(sales, 0, 100_000_000L, "sales"); return this; }

    /** Number of generated purchase orders (each with 1 to 4 lines). */
    public Builder orders(long orders) { this.orders = checkRange(orders, 0, 100_000_000L, "orders"); return this; }

    public Builder inventoryCounts(int counts) { this.inventoryCounts = (int) checkRange(counts, 0, 10_000, "inventoryCounts"); return this; }

    /** Leaky bucket size in drips (default 90 = one register). */
    public Builder bucketSize(double size) { if (!(size > 0)) { throw new IllegalArgumentException("bucketSize must be > 0"); } this.bucketSize = size; return this; }

    /** Drips drained per API second (default 1). */
    public Builder dripRate(double rate) { if (!(rate > 0)) { throw new IllegalArgumentException("dripRate must be > 0"); } this.dripRate = rate; return this; }

    /** Requests per one-second window of the burst limiter (default 20). */
    public Builder burstLimit(int limit) { this.burstLimit = (int) checkRange(limit, 1, 1_000_000, "burstLimit"); return this; }

    /** Lifetime of issued access tokens ({@code expires_in}), default one hour. */
    public Builder accessTokenTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl == null");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("accessTokenTtl must be positive");
      }
      this.accessTokenTtl = ttl;
      return this;
    }

    /**
     * When true, a refresh token is revoked as soon as it is used. By default (as documented since
     * 2026-01-15) it stays usable until the access token issued for it is first used.
     */
    public Builder strictRefreshRotation(boolean strict) { this.strictRefreshRotation = strict; return this; }

    /** Number of eCom products (each with 1 to 3 variants). */
    public Builder products(long products) { this.products = checkRange(products, 0, 100_000_000L, "products"); return this; }

    public Builder suppliers(int suppliers) { this.suppliers = (int) checkRange(suppliers, 0, 100_000, "suppliers"); return this; }

    /** Number of eCom orders (each with 1 to 3 order products). */
    public Builder ecomOrders(long orders) { this.ecomOrders = checkRange(orders, 0, 100_000_000L, "ecomOrders"); return this; }

    /**
     * The exact total number of eCom variants, between {@code products} and 3 x {@code products}
     * (checked at build time), e.g. {@code products(40_000).ecomVariants(66_000)} for a shop of 1.65
     * variants per product. Each product keeps 1 to 3 variants. Default: 1 to 3 per product at random.
     */
    public Builder ecomVariants(long variants) { this.ecomVariants = checkRange(variants, 0, 300_000_000L, "ecomVariants"); return this; }
    /** Active shop languages of the eCom shop; the first one is the default. */
    public Builder ecomLanguages(List<String> languages) {
      Objects.requireNonNull(languages, "languages == null");
      if (languages.isEmpty() || languages.stream().anyMatch(l -> l == null || l.length() != 2)) {
        throw new IllegalArgumentException("languages must be non-empty 2-letter codes: " + languages);
      }
      this.ecomLanguages = List.copyOf(languages);
      return this;
    }

    /** eCom quotas per 5 minutes, hour and day (default 300/3000/12000). */
    public Builder ecomLimits(int per5Minutes, int perHour, int perDay) {
      this.ecomLimits = new int[] {(int) checkRange(per5Minutes, 1, Integer.MAX_VALUE, "per5Minutes"),
          (int) checkRange(perHour, 1, Integer.MAX_VALUE, "perHour"), (int) checkRange(perDay, 1, Integer.MAX_VALUE, "perDay")};
      return this;
    }

    /** eCom requests per second (default 20). */
    public Builder ecomPerSecond(int perSecond) { this.ecomPerSecond = (int) checkRange(perSecond, 1, 1_000_000, "ecomPerSecond"); return this; }

    /** The X-Series retailer's domain prefix ({@code https://{prefix}.retail.lightspeed.app}), default {@code testkitstore}. */
    public Builder xseriesDomainPrefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix == null");
      if (!prefix.matches("[a-z0-9][a-z0-9-]{0,62}")) {
        throw new IllegalArgumentException("xseriesDomainPrefix must be a lower-case host label: " + prefix);
      }
      this.xseriesDomainPrefix = prefix;
      return this;
    }

    /** Number of X-Series outlets (default 3). */
    public Builder xseriesOutlets(int outlets) { this.xseriesOutlets = (int) checkRange(outlets, 1, 1000, "xseriesOutlets"); return this; }

    /** Registers per X-Series outlet (default 1); the rate limit is 300 x registers + 50 per 5 minutes. */
    public Builder xseriesRegistersPerOutlet(int registers) { this.xseriesRegistersPerOutlet = (int) checkRange(registers, 1, 100, "xseriesRegistersPerOutlet"); return this; }

    /** Number of X-Series product rows (variants and composites included; default 500), generated on demand. */
    public Builder xseriesProducts(long products) { this.xseriesProducts = checkRange(products, 0, 100_000_000L, "xseriesProducts"); return this; }

    /** Number of X-Series customers (default 50). */
    public Builder xseriesCustomers(long customers) { this.xseriesCustomers = checkRange(customers, 0, 100_000_000L, "xseriesCustomers"); return this; }

    /** Number of X-Series suppliers (default 5). */
    public Builder xseriesSuppliers(int suppliers) { this.xseriesSuppliers = (int) checkRange(suppliers, 0, 100_000, "xseriesSuppliers"); return this; }

    /** Number of X-Series sales (default 260); their statuses cycle through all 13 documented ones. */
    public Builder xseriesSales(long sales) { this.xseriesSales = checkRange(sales, 0, 100_000_000L, "xseriesSales"); return this; }

    /** Number of X-Series SUPPLIER consignments (default 20), with 1 to 4 products each. */
    public Builder xseriesConsignments(long consignments) { this.xseriesConsignments = checkRange(consignments, 0, 10_000_000L, "xseriesConsignments"); return this; }

    /** Overrides the X-Series requests per 5 minutes (0, the default, computes 300 x registers + 50). */
    public Builder xseriesRateLimit(int perFiveMinutes) { this.xseriesRateLimit = (int) checkRange(perFiveMinutes, 0, Integer.MAX_VALUE, "xseriesRateLimit"); return this; }

    /**
     * The X-Series {@code page_size} used when a list request gives none (default 100) and the
     * largest one honoured (default 1000); a larger request gets {@code max} records per page.
     */
    public Builder xseriesPageSize(int defaultSize, int max) {
      checkRange(max, 1, 100_000, "max page size");
      this.xseriesDefaultPageSize = (int) checkRange(defaultSize, 1, max, "default page size");
      this.xseriesMaxPageSize = max;
      return this;
    }

    /** Lifetime of X-Series OAuth access tokens (default one day); personal tokens never expire. */
    public Builder xseriesAccessTokenTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl == null");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("xseriesAccessTokenTtl must be positive");
      }
      this.xseriesAccessTokenTtl = ttl;
      return this;
    }

    /**
     * After each X-Series list page it serves, the server updates this many records of that page
     * (each record at most once), as a busy store does during a long walk: they get a new, higher
     * version and reappear on a later page of the same walk. Default 0.
     */
    public Builder xseriesWalkChurn(int recordsPerPage) { this.xseriesWalkChurn = (int) checkRange(recordsPerPage, 0, 100_000, "xseriesWalkChurn"); return this; }

    public Builder faults(FaultPlan faults) { this.faults = Objects.requireNonNull(faults, "faults == null"); return this; }

    /** Disables rate limiting in practice (huge bucket, burst, eCom and X-Series quotas). */
    public Builder unlimited() {
      this.bucketSize = 1e12;
      this.burstLimit = 1_000_000;
      this.ecomLimits = new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
      this.ecomPerSecond = 1_000_000;
      this.xseriesRateLimit = Integer.MAX_VALUE;
      return this;
    }

    public TestkitConfig build() {
      if (ecomVariants >= 0 && (ecomVariants < products || ecomVariants > 3 * products)) {
        throw new IllegalArgumentException("ecomVariants must be between products (" + products + ") and 3 x products ("
            + 3 * products + ") since every product has 1 to 3 variants: " + ecomVariants);
      }
      return new TestkitConfig(this);
    }

    private static long checkRange(long v, long min, long max, String name) {
      if (v < min || v > max) {
        throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + v);
      }
      return v;
    }

    private static long checkPositive(long v, String name) {
      return checkRange(v, 1, Long.MAX_VALUE, name);
    }
  }
}
