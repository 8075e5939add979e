package dev.lightspeedsync.testkit.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** One R-Series query condition: {@code field=<op>,<value>}. */
public final class Filter {
  static final String[] OPS = {"><", ">=", "<=", "!=", "!~", ">", "<", "~", "="};

  public final String field;
  public final String op;
  public final List<String> values;
  private final Pattern like;

  private static final Pattern PLUS_AS_SPACE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2} \\d{2}:?\\d{2}");

  private Filter(String field, String op, List<String> values) {
    for (String v : values) {
      if (PLUS_AS_SPACE.matcher(v.trim()).matches()) {
        throw new ApiException(400, "Invalid date '" + v + "' for " + field
            + ": a '+' in a query string decodes to a space; encode the offset as %2B");
      }
    }
    this.field = field;
    this.op = op;
    this.values = values;
    if (op.equals("~") || op.equals("!~")) {
      StringBuilder re = new StringBuilder();
      for (char ch : values.get(0).toCharArray()) {
        if (ch == '%') {
          re.append(".*");
        } else if (ch == '_') {
          re.append('.');
        } else {
          re.append(Pattern.quote(String.valueOf(ch)));
        }
      }
      like = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    } else {
      like = null;
    }
  }

  /** Parses the (already URL-decoded) value of a filter parameter. */
  public static Filter parse(String field, String raw) {
    if (raw.startsWith("IN,")) {
      String list = raw.substring(3).trim();
      if (!list.startsWith("[") || !list.endsWith("]")) {
        throw new ApiException(400, "Invalid IN filter for " + field + ": expected IN,[a,b,c]");
      }
      List<String> vals = new ArrayList<>();
      for (String v : list.substring(1, list.length() - 1).split(",")) {
        String t = v.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
          t = t.substring(1, t.length() - 1);
        }
        if (!t.isEmpty()) {
          vals.add(t);
        }
      }
      if (vals.size() > 100) {
        throw new ApiException(400, "Too many values in IN filter for " + field + ": " + vals.size()
            + " (at most 100 values per field)");
      }
      return new Filter(field, "IN", vals);
    }
    for (String op : OPS) {
      if (raw.startsWith(op + ",")) {
        String rest = raw.substring(op.length() + 1);
        if (op.equals("><")) {
          int comma = rest.indexOf(',');
          if (comma < 0) {
            throw new ApiException(400, "Invalid between filter for " + field + ": expected ><,low,high");
          }
          return new Filter(field, op, List.of(rest.substring(0, comma), rest.substring(comma + 1)));
        }
        return new Filter(field, op, List.of(rest));
      }
    }
    return new Filter(field, "=", List.of(raw));
  }

  public boolean matches(String actual) {
    String a = actual == null ? "" : actual;
    switch (op) {
      case "=":
        return compare(a, values.get(0)) == 0;
      case "!=":
        return compare(a, values.get(0)) != 0;
      case ">":
        return compare(a, values.get(0)) > 0;
      case ">=":
        return compare(a, values.get(0)) >= 0;
      case "<":
        return compare(a, values.get(0)) < 0;
      case "<=":
        return compare(a, values.get(0)) <= 0;
      case "><":
        return compare(a, values.get(0)) >= 0 && compare(a, values.get(1)) <= 0;
      case "~":
        return like.matcher(a).matches();
      case "!~":
        return !like.matcher(a).matches();
      case "IN":
        for (String v : values) {
          if (compare(a, v) == 0) {
            return true;
          }
        }
        return false;
      default:
        throw new IllegalStateException(op);
    }
  }

  /** Compares as dates, numbers or booleans when both sides are such; otherwise as strings. */
  static int compare(String actual, String wanted) {
    if (actual.equals("true") || actual.equals("false")) {
      String w = wanted.toLowerCase(Locale.ROOT);
      if (w.equals("1")) {
        w = "true";
      } else if (w.equals("0")) {
        w = "false";
      }
      return actual.compareTo(w);
    }
    Long da = Times.parseEpochSecond(actual);
    if (da != null) {
      Long dw = Times.parseEpochSecond(wanted);
      if (dw != null) {
        return Long.compare(da, dw);
      }
    }
    BigDecimal na = number(actual);
    if (na != null) {
      BigDecimal nw = number(wanted);
      if (nw != null) {
        return na.compareTo(nw);
      }
    }
    return actual.compareTo(wanted);
  }

  private static BigDecimal number(String s) {
    if (s.isEmpty() || s.length() > 40) {
      return null;
    }
    char c = s.charAt(0);
    if (!(Character.isDigit(c) || c == '-' || c == '.')) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Inclusive bounds this condition puts on a numeric/date sort field, or null. */
  public RTable.Bounds bounds(boolean date) {
    try {
      long[] v = new long[values.size()];
      for (int i = 0; i < v.length; i++) {
        Long p = date ? Times.parseEpochSecond(values.get(i)) : Long.valueOf(values.get(i).trim());
        if (p == null) {
          return null;
        }
        v[i] = p;
      }
      switch (op) {
        case "=":
          return new RTable.Bounds(v[0], v[0]);
        case ">":
          return new RTable.Bounds(v[0] + 1, Long.MAX_VALUE);
        case ">=":
          return new RTable.Bounds(v[0], Long.MAX_VALUE);
        case "<":
          return new RTable.Bounds(Long.MIN_VALUE, v[0] - 1);
        case "<=":
          return new RTable.Bounds(Long.MIN_VALUE, v[0]);
        case "><":
          return new RTable.Bounds(v[0], v[1]);
        case "IN":
          long lo = Long.MAX_VALUE;
          long hi = Long.MIN_VALUE;
          for (long x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
          }
          return v.length == 0 ? null : new RTable.Bounds(lo, hi);
        default:
          return null;
      }
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
