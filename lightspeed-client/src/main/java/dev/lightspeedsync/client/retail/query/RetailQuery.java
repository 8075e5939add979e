package dev.lightspeedsync.client.retail.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The filters, relations, sort order and page size of an R-Series list query. Immutable; build with
 * {@link #builder()}:
 *
 * <pre>{@code
 * RetailQuery q = RetailQuery.builder()
 *     .filter(Filter.of("timeStamp", Operator.GREATER_OR_EQUAL, since))
 *     .loadRelations("ItemShops", "ItemVendorNums")
 *     .sort("timeStamp")
 *     .build();
 * }</pre>
 *
 * <p>{@code load_relations} is always sent as a JSON array, as the API requires.
 */
public final class RetailQuery {
  /** The API's largest page. */
  public static final int MAX_LIMIT = 100;

  private static final Pattern SORT = Pattern.compile("-?[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern RELATION = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");
  private static final RetailQuery ALL = builder().build();

  private final List<Filter> filters;
  private final List<List<Filter>> orGroups;
  private final Archived archived;
  private final Set<String> relations;
  private final @Nullable String sort;
  private final int limit;

  private RetailQuery(Builder b) {
    this.filters = List.copyOf(b.filters);
    this.orGroups = List.copyOf(b.orGroups);
    this.archived = b.archived;
    this.relations = Set.copyOf(b.relations);
    this.relationOrder = List.copyOf(b.relations);
    this.sort = b.sort;
    this.limit = b.limit;
  }

  private final List<String> relationOrder;

  /** Every record that is not archived, in the API's default order, 100 per page. */
  public static RetailQuery all() {
    return ALL;
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Filter> filters() {
    return filters;
  }

  /** The {@code or} groups: a record matches a group when any of its filters matches. */
  public List<List<Filter>> orGroups() {
    return orGroups;
  }

  public Archived archived() {
    return archived;
  }

  /** Relations to load, in the order given. */
  public List<String> relations() {
    return relationOrder;
  }

  public Optional<String> sort() {
    return Optional.ofNullable(sort);
  }

  public int limit() {
    return limit;
  }

  /** A builder holding this query's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.filters.addAll(filters);
    b.orGroups.addAll(orGroups);
    b.archived = archived;
    b.relations.addAll(relationOrder);
    b.sort = sort;
    b.limit = limit;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RetailQuery)) {
      return false;
    }
    RetailQuery q = (RetailQuery) o;
    return filters.equals(q.filters) && orGroups.equals(q.orGroups) && archived == q.archived
        && relationOrder.equals(q.relationOrder) && Objects.equals(sort, q.sort) && limit == q.limit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(filters, orGroups, archived, relationOrder, sort, limit);
  }

  @Override
  public String toString() {
    return "RetailQuery{filters=" + filters + ", or=" + orGroups + ", archived=" + archived + ", relations="
        + relationOrder + ", sort=" + sort + ", limit=" + limit + "}";
  }

  /** Builds a {@link RetailQuery}. Not thread-safe. */
  public static final class Builder {
    private final List<Filter> filters = new ArrayList<>();
    private final List<List<Filter>> orGroups = new ArrayList<>();
    private Archived archived = Archived.EXCLUDE;
    private final Set<String> relations = new LinkedHashSet<>();
    private @Nullable String sort;
    private int limit = MAX_LIMIT;

    private Builder() {}

    /** Adds a condition every record must meet. */
    public Builder filter(Filter filter) {
      filters.add(Objects.requireNonNull(filter, "filter == null"));
      return this;
    }

    /** Adds an {@code or} group: records match when any of {@code alternatives} matches. */
    public Builder or(Filter... alternatives) {
      if (alternatives.length < 2) {
        throw new IllegalArgumentException("an or group needs at least 2 alternatives but got " + alternatives.length);
      }
      if (!orGroups.isEmpty()) {
        throw new IllegalArgumentException("the API accepts one or parameter per query");
      }
      for (Filter f : alternatives) {
        Objects.requireNonNull(f, "alternative == null");
      }
      orGroups.add(List.of(alternatives));
      return this;
    }

    public Builder archived(Archived archived) {
      this.archived = Objects.requireNonNull(archived, "archived == null");
      return this;
    }

    /** Relations to load with each record, e.g. {@code "ItemShops"} or {@code "SaleLines.Item"}. */
    public Builder loadRelations(String... names) {
      for (String name : names) {
        Objects.requireNonNull(name, "relation == null");
        if ("all".equals(name)) {
          throw new IllegalArgumentException(
              "load_relations=all is for discovery only and costs more than every relation you need; name them");
        }
        if (!RELATION.matcher(name).matches()) {
          throw new IllegalArgumentException("not a relation name: '" + name + "' (one name per argument, e.g. \"ItemShops\")");
        }
        relations.add(name);
      }
      return this;
    }

    /** Sort by {@code field} ascending, or descending with a leading {@code -}. */
    public Builder sort(String field) {
      Objects.requireNonNull(field, "field == null");
      if (!SORT.matcher(field).matches()) {
        throw new IllegalArgumentException("not a sort field: '" + field + "'");
      }
      this.sort = field;
      return this;
    }

    /** Records per page, 1 to 100 (the API's cap); default 100. */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
      }
      this.limit = limit;
      return this;
    }

    public RetailQuery build() {
      return new RetailQuery(this);
    }
  }
}
