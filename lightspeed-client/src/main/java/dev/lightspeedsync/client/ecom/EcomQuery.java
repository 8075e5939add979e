package dev.lightspeedsync.client.ecom;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The filters, field selection and page size of an eCom list query. Immutable; build with
 * {@link #builder()}:
 *
 * <pre>{@code
 * EcomQuery q = EcomQuery.builder()
 *     .updatedAtMin(lastRun.minus(Duration.ofMinutes(5)))   // overlap: the server's zone handling is undocumented
 *     .filter("product", 123)
 *     .fields("id", "sku", "stockLevel")
 *     .build();
 * }</pre>
 *
 * <p>Date filters are sent as {@code YYYY-MM-DD HH:MM:SS} in UTC, the format eCom expects. Which
 * zone the server applies to them is not documented, so overlap incremental windows by a few
 * minutes and tolerate duplicates. The same query serves {@link EcomResource#list(EcomQuery)},
 * {@link EcomResource#walkById(EcomQuery)} and {@link EcomResource#count(EcomQuery)} (counts ignore
 * the page size and field selection). Immutable and thread-safe.
 */
public final class EcomQuery {
  /** The API's largest page. */
  public static final int MAX_LIMIT = 250;

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Set<String> RESERVED = Set.of("page", "limit", "since_id", "created_at_min", "created_at_max",
      "updated_at_min", "updated_at_max", "fields");
  private static final EcomQuery ALL = builder().build();

  private final int limit;
  private final @Nullable Long sinceId;
  private final @Nullable Instant createdAtMin;
  private final @Nullable Instant createdAtMax;
  private final @Nullable Instant updatedAtMin;
  private final @Nullable Instant updatedAtMax;
  private final List<String> fields;
  private final Map<String, String> filters;

  private EcomQuery(Builder b) {
    this.limit = b.limit;
    this.sinceId = b.sinceId;
    this.createdAtMin = b.createdAtMin;
    this.createdAtMax = b.createdAtMax;
    this.updatedAtMin = b.updatedAtMin;
    this.updatedAtMax = b.updatedAtMax;
    this.fields = List.copyOf(b.fields);
    this.filters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.filters));
  }

  /** Every record, 250 per page. */
  public static EcomQuery all() {
    return ALL;
  }

  /** Starts building a query (250 records per page, no filters). */
  public static Builder builder() {
    return new Builder();
  }

  /** Records per page (1 to 250). */
  public int limit() {
    return limit;
  }

  /** Only records with an id greater than this. */
  public Optional<Long> sinceId() {
    return Optional.ofNullable(sinceId);
  }

  /** Only records created at or after this ({@code created_at_min}). */
  public Optional<Instant> createdAtMin() {
    return Optional.ofNullable(createdAtMin);
  }

  /** Only records created at or before this ({@code created_at_max}). */
  public Optional<Instant> createdAtMax() {
    return Optional.ofNullable(createdAtMax);
  }

  /** Only records updated at or after this ({@code updated_at_min}). */
  public Optional<Instant> updatedAtMin() {
    return Optional.ofNullable(updatedAtMin);
  }

  /** Only records updated at or before this ({@code updated_at_max}). */
  public Optional<Instant> updatedAtMax() {
    return Optional.ofNullable(updatedAtMax);
  }

  /** The attributes to return ({@code fields=a,b}); empty for all. */
  public List<String> fields() {
    return fields;
  }

  /** Resource-specific filters such as {@code product}, {@code order} or {@code supplier}, in order. */
  public Map<String, String> filters() {
    return filters;
  }

  /** This query with only the given attributes selected (package-private: for id walks). */
  EcomQuery withOnlyFields(String... names) {
    Builder b = toBuilder();
    b.fields.clear();
    b.fields(names);
    return b.build();
  }

  /** A builder holding this query's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.limit = limit;
    b.sinceId = sinceId;
    b.createdAtMin = createdAtMin;
    b.createdAtMax = createdAtMax;
    b.updatedAtMin = updatedAtMin;
    b.updatedAtMax = updatedAtMax;
    b.fields.addAll(fields);
    b.filters.putAll(filters);
    return b;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof EcomQuery)) {
      return false;
    }
    EcomQuery q = (EcomQuery) o;
    return limit == q.limit && Objects.equals(sinceId, q.sinceId) && Objects.equals(createdAtMin, q.createdAtMin)
        && Objects.equals(createdAtMax, q.createdAtMax) && Objects.equals(updatedAtMin, q.updatedAtMin)
        && Objects.equals(updatedAtMax, q.updatedAtMax) && fields.equals(q.fields) && filters.equals(q.filters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, sinceId, createdAtMin, createdAtMax, updatedAtMin, updatedAtMax, fields, filters);
  }

  @Override
  public String toString() {
    return "EcomQuery{limit=" + limit + ", sinceId=" + sinceId + ", createdAt=[" + createdAtMin + ", " + createdAtMax
        + "], updatedAt=[" + updatedAtMin + ", " + updatedAtMax + "], fields=" + fields + ", filters=" + filters + "}";
  }

  /** Builds an {@link EcomQuery}. Not thread-safe. */
  public static final class Builder {
    private int limit = MAX_LIMIT;
    private @Nullable Long sinceId;
    private @Nullable Instant createdAtMin;
    private @Nullable Instant createdAtMax;
    private @Nullable Instant updatedAtMin;
    private @Nullable Instant updatedAtMax;
    private final Set<String> fields = new LinkedHashSet<>();
    private final Map<String, String> filters = new LinkedHashMap<>();

    private Builder() {}

    /** Records per page, 1 to 250 (the API's cap); default 250. */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** Only records with an id greater than {@code sinceId} ({@code since_id}). */
    public Builder sinceId(long sinceId) {
      if (sinceId < 0) {
        throw new IllegalArgumentException("sinceId cannot be negative but was " + sinceId);
      }
      this.sinceId = sinceId;
      return this;
    }

    /** Only records created at or after {@code min} ({@code created_at_min}, sent in UTC). */
    public Builder createdAtMin(Instant min) {
      this.createdAtMin = Objects.requireNonNull(min, "min == null");
      return this;
    }

    /** Only records created at or before {@code max} ({@code created_at_max}, sent in UTC). */
    public Builder createdAtMax(Instant max) {
      this.createdAtMax = Objects.requireNonNull(max, "max == null");
      return this;
    }

    /** Only records updated at or after {@code min} ({@code updated_at_min}, sent in UTC). */
    public Builder updatedAtMin(Instant min) {
      this.updatedAtMin = Objects.requireNonNull(min, "min == null");
      return this;
    }

    /** Only records updated at or before {@code max} ({@code updated_at_max}, sent in UTC). */
    public Builder updatedAtMax(Instant max) {
      this.updatedAtMax = Objects.requireNonNull(max, "max == null");
      return this;
    }

    /**
     * Returns only these attributes ({@code fields=a,b,c}), which makes pages smaller. The client
     * adds {@code id} when it is missing (every model needs it). Attributes left out read as empty.
     */
    public Builder fields(String... names) {
      for (String name : names) {
        Objects.requireNonNull(name, "field == null");
        if (!NAME.matcher(name).matches()) {
          throw new IllegalArgumentException("not a field name: '" + name + "' (one name per argument)");
        }
        fields.add(name);
      }
      return this;
    }

    /**
     * A resource-specific filter, e.g. {@code filter("product", "123")} on variants or
     * {@code filter("order", "55")} on shipments. Use the dedicated methods for paging, ids and dates.
     */
    public Builder filter(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not a filter name: '" + name + "'");
      }
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is set by the client or a dedicated builder method, not filter()");
      }
      filters.put(name, value);
      return this;
    }

    /** A resource-specific filter with a numeric value, e.g. {@code filter("product", 123)}. */
    public Builder filter(String name, long value) {
      return filter(name, Long.toString(value));
    }

    /**
     * Builds the query.
     *
     * @throws IllegalArgumentException when a date range ends before it starts
     */
    public EcomQuery build() {
      if (createdAtMin != null && createdAtMax != null && createdAtMax.isBefore(createdAtMin)) {
        throw new IllegalArgumentException("createdAtMax is before createdAtMin");
      }
      if (updatedAtMin != null && updatedAtMax != null && updatedAtMax.isBefore(updatedAtMin)) {
        throw new IllegalArgumentException("updatedAtMax is before updatedAtMin");
      }
      return new EcomQuery(this);
    }
  }
}
