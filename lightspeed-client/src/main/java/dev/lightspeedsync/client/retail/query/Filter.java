package dev.lightspeedsync.client.retail.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One R-Series filter condition: a field, an operator and its values. Build with the static
 * factories; values are formatted the way the API expects (instants as
 * {@code 2024-01-01T00:00:00+00:00} in UTC). Immutable.
 */
public final class Filter {
  static final int MAX_IN_VALUES = 100;
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)?");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

  private final String field;
  private final Operator operator;
  private final List<String> values;

  private Filter(String field, Operator operator, List<String> values) {
    Objects.requireNonNull(field, "field == null");
    Objects.requireNonNull(operator, "operator == null");
    if (!FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException("not a filterable field name: '" + field
          + "' (use the API's field name, optionally one relation deep such as ItemShops.qoh)");
    }
    if (operator == Operator.BETWEEN && values.size() != 2) {
      throw new IllegalArgumentException("BETWEEN takes exactly 2 values but got " + values.size());
    }
    if (operator == Operator.IN && (values.isEmpty() || values.size() > MAX_IN_VALUES)) {
      throw new IllegalArgumentException("IN takes 1 to " + MAX_IN_VALUES + " values but got " + values.size()
          + "; split the query into several");
    }
    if (operator != Operator.IN && operator != Operator.BETWEEN && values.size() != 1) {
      throw new IllegalArgumentException(operator + " takes exactly 1 value but got " + values.size());
    }
    this.field = field;
    this.operator = operator;
    this.values = List.copyOf(values);
  }

  /** {@code field <op> value} with a text value. */
  public static Filter of(String field, Operator operator, String value) {
    return new Filter(field, operator, List.of(Objects.requireNonNull(value, "value == null")));
  }

  /** {@code field <op> value} with a number. */
  public static Filter of(String field, Operator operator, long value) {
    return new Filter(field, operator, List.of(Long.toString(value)));
  }

  /** {@code field <op> value} with a decimal. */
  public static Filter of(String field, Operator operator, BigDecimal value) {
    return new Filter(field, operator, List.of(Objects.requireNonNull(value, "value == null").toPlainString()));
  }

  /** {@code field <op> value} with an instant, sent in UTC. */
  public static Filter of(String field, Operator operator, Instant value) {
    return new Filter(field, operator, List.of(format(value)));
  }

  /** {@code field = value}. */
  public static Filter equalTo(String field, String value) {
    return of(field, Operator.EQUALS, value);
  }

  /** {@code field = value} for a boolean flag such as {@code completed}. */
  public static Filter equalTo(String field, boolean value) {
    return of(field, Operator.EQUALS, Boolean.toString(value));
  }

  /** {@code from <= field <= to}. */
  public static Filter between(String field, Instant from, Instant to) {
    return new Filter(field, Operator.BETWEEN, List.of(format(from), format(to)));
  }

  /** {@code from <= field <= to}. */
  public static Filter between(String field, long from, long to) {
    return new Filter(field, Operator.BETWEEN, List.of(Long.toString(from), Long.toString(to)));
  }

  /** {@code field IN (values)}, at most 100 values. */
  public static Filter in(String field, Collection<?> values) {
    List<String> strings = new ArrayList<>();
    for (Object v : values) {
      strings.add(v instanceof Instant ? format((Instant) v) : String.valueOf(Objects.requireNonNull(v, "null value")));
    }
    return new Filter(field, Operator.IN, strings);
  }

  static String format(Instant instant) {
    return TIME.format(Objects.requireNonNull(instant, "instant == null"));
  }

  public String field() {
    return field;
  }

  public Operator operator() {
    return operator;
  }

  public List<String> values() {
    return values;
  }

  /** The decoded filter value as the API reads it, e.g. {@code >=,2024-01-01T00:00:00+00:00}. */
  public String expression() {
    switch (operator) {
      case EQUALS:
        return values.get(0);
      case IN:
        return "IN,[" + String.join(",", values) + "]";
      case BETWEEN:
        return "><," + values.get(0) + "," + values.get(1);
      default:
        return operator.symbol() + "," + values.get(0);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Filter && ((Filter) o).field.equals(field) && ((Filter) o).operator == operator
        && ((Filter) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, operator, values);
  }

  @Override
  public String toString() {
    return field + "=" + expression();
  }
}
