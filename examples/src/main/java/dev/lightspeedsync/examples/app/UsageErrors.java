package dev.lightspeedsync.examples.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One-line usage errors that never show a value from the command line. A mistyped option such as
 * {@code --client-secrett=S3CRET} must not put the secret on stderr (or, under {@code schedule},
 * into {@code ls_schedule_run.error}), so option values and stray arguments are left out of every
 * message; option names and picocli's suggestions stay.
 */
final class UsageErrors {
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  private UsageErrors() {}

  /** The message for {@code e}, without any value given on the command line. */
  static String describe(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u) {
      List<String> options = new ArrayList<>();
      int values = 0;
      for (String arg : u.getUnmatched()) {
        if (arg.startsWith("-") && arg.length() > 1) {
          options.add(optionName(arg));
        } else {
          values++;
        }
      }
      StringBuilder m = new StringBuilder();
      if (!options.isEmpty()) {
        m.append(options.size() == 1 ? "unknown option " : "unknown options ").append(String.join(", ", options));
      }
      if (values > 0) {
        m.append(m.length() == 0 ? "" : "; ").append(values == 1 ? "1 unexpected argument" : values + " unexpected arguments")
            .append(" (not shown)");
      }
      List<String> suggestions = u.getSuggestions().stream().filter(s -> s.startsWith("-")).map(UsageErrors::optionName)
          .distinct().limit(3).toList();
      if (!options.isEmpty() && !suggestions.isEmpty()) {
        m.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
      }
      return m.toString();
    }
    return withoutValues(String.valueOf(e.getMessage()));
  }

  /**
   * picocli quotes what the user typed in single quotes: a quoted option keeps its name (without
   * {@code =value}), a quoted parameter label ({@code <db>}) stays, anything else is replaced.
   */
  static String withoutValues(String message) {
    Matcher m = QUOTED.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String q = m.group(1);
      String kept = q.startsWith("-") ? "'" + optionName(q) + "'" : q.startsWith("<") ? "'" + q + "'" : "(value not shown)";
      m.appendReplacement(out, Matcher.quoteReplacement(kept));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String optionName(String arg) {
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg : arg.substring(0, eq);
    // an option name is short and plain; anything else is shown only by its length
    return name.matches("-{1,2}[A-Za-z0-9][A-Za-z0-9-]{0,40}") ? name : "(an option of " + name.length() + " characters)";
  }
}
