package dev.lightspeedsync.client.retail.query;

/** The comparison operators of R-Series query filters ({@code field=<op>,<value>}). */
public enum Operator {
  EQUALS(""),
  GREATER_THAN(">"),
  GREATER_OR_EQUAL(">="),
  LESS_THAN("<"),
  LESS_OR_EQUAL("<="),
  /** Inclusive range: two values. */
  BETWEEN("><"),
  NOT_EQUALS("!="),
  /** SQL-like match; {@code %} is the wildcard. */
  LIKE("~"),
  NOT_LIKE("!~"),
  /** One of up to 100 values. */
  IN("IN");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written before the comma; empty for {@link #EQUALS}. */
  public String symbol() {
    return symbol;
  }
}
