package dev.lightspeedsync.client.xseries.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an X-Series list reads: the records changed after a version (the incremental bookmark), an
 * optional upper version bound, the page size, whether deleted records are included, and
 * endpoint filters such as a consignment's {@code type}.
 *
 * <p>Deleted records: by default a list includes them ({@code deleted=true}) wherever the API
 * offers the parameter (products, outlets, registers, customers), so that an incremental sync
 * sees deletions; {@link Builder#includeDeleted(boolean) includeDeleted(false)} leaves them out.
 * Asking for them explicitly on a list that offers no such parameter (sales, inventory, suppliers,
 * consignments) fails instead of silently returning none.
 *
 * <p>Immutable and thread-safe.
 */
public final class XSeriesQuery {
  private static final Set<String> RESERVED = Set.of("after", "before", "page_size", "deleted");
  private static final XSeriesQuery ALL = builder().build();

  private final long after;
  private final @Nullable Long before;
  private final @Nullable Integer pageSize;
  private final @Nullable Boolean includeDeleted;
  private final Map<String, String> filters;

  private XSeriesQuery(Builder b) {
    this.after = b.after;
    this.before = b.before;
    this.pageSize = b.pageSize;
    this.includeDeleted = b.includeDeleted;
    this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(b.filters));
    if (before != null && before <= after) {
      throw new IllegalArgumentException("before (" + before + ") must be greater than after (" + after + ")");
    }
  }

  /** Every record, from the first version, deleted ones included where the API offers it. */
  public static XSeriesQuery all() {
    return ALL;
  }

  /** The records changed after {@code version} (exclusive): resume an incremental sync from a bookmark. */
  public static XSeriesQuery changedAfter(long version) {
    return builder().after(version).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The exclusive lower version bound ({@code after}); 0 reads from the beginning. */
  public long after() {
    return after;
  }

  /** The exclusive upper version bound ({@code before}), if set. */
  public OptionalLong before() {
    return before == null ? OptionalLong.empty() : OptionalLong.of(before);
  }

  /** The page size asked for ({@code page_size}); empty leaves it to the server. */
  public OptionalInt pageSize() {
    return pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize);
  }

  /**
   * Whether deleted records were asked for explicitly: empty means the default (included where the
   * API offers {@code deleted}).
   */
  public Optional<Boolean> includeDeleted() {
    return Optional.ofNullable(includeDeleted);
  }

  /** Endpoint filters, in the order they were added. */
  public Map<String, String> filters() {
    return filters;
  }

  /** A copy reading after {@code version} instead. */
  public XSeriesQuery withAfter(long version) {
    return toBuilder().after(version).build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.after = after;
    b.before = before;
    b.pageSize = pageSize;
    b.includeDeleted = includeDeleted;
    b.filters.putAll(filters);
    return b;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof XSeriesQuery)) {
      return false;
    }
    XSeriesQuery q = (XSeriesQuery) o;
    return after == q.after && Objects.equals(before, q.before) && Objects.equals(pageSize, q.pageSize)
        && Objects.equals(includeDeleted, q.includeDeleted) && filters.equals(q.filters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(after, before, pageSize, includeDeleted, filters);
  }

  @Override
  public String toString() {
    return "XSeriesQuery{after=" + after + (before == null ? "" : ", before=" + before)
        + (pageSize == null ? "" : ", pageSize=" + pageSize)
        + (includeDeleted == null ? "" : ", includeDeleted=" + includeDeleted)
        + (filters.isEmpty() ? "" : ", filters=" + filters) + "}";
  }

  /** Builds an {@link XSeriesQuery}. Not thread-safe. */
  public static final class Builder {
    private long after;
    private @Nullable Long before;
    private @Nullable Integer pageSize;
    private @Nullable Boolean includeDeleted;
    private final Map<String, String> filters = new LinkedHashMap<>();

    private Builder() {}

    /** Reads the records whose version is greater than {@code version} (a saved bookmark). */
    public Builder after(long version) {
      if (version < 0) {
        throw new IllegalArgumentException("after must be a version >= 0 but was " + version);
      }
      this.after = version;
      return this;
    }

    /** Reads only the records whose version is less than {@code version}. */
    public Builder before(long version) {
      if (version <= 0) {
        throw new IllegalArgumentException("before must be a positive version but was " + version);
      }
      this.before = version;
      return this;
    }

    /**
     * The page size to ask for. The default and maximum of API 2.0 lists are not documented (the
     * search endpoint and newer endpoints cap at 1,000), so the server may return fewer: a walk
     * never takes a short page for the last one and stops only at an empty page.
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1 but was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Includes ({@code deleted=true}) or leaves out deleted records; see the class description. */
    public Builder includeDeleted(boolean include) {
      this.includeDeleted = include;
      return this;
    }

    /** An endpoint filter, e.g. {@code filter("type", "SUPPLIER")} on consignments. */
    public Builder filter(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      if (name.isBlank() || RESERVED.contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is not a filter; use after(), before(), pageSize() or "
            + "includeDeleted()");
      }
      filters.put(name, value);
      return this;
    }

    public XSeriesQuery build() {
      return new XSeriesQuery(this);
    }
  }
}
