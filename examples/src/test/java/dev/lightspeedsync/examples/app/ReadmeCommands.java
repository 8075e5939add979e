package dev.lightspeedsync.examples.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's command lines as the READMEs show them: every line of a shell code block (a fence
 * without a language, or {@code sh}/{@code bash}/{@code shell}) and every inline code span that
 * starts with the app invocation ({@code java -jar ...lightspeed-sync-app.jar}) or with one of its
 * commands followed by an argument ({@code sync --locations one}). Backslash continuations are
 * joined, {@code mvn ... && java -jar ...} keeps the part after {@code &&}, and the words are split
 * as a POSIX shell would (single and double quotes).
 */
final class ReadmeCommands {
  /** The repository root (the directory holding {@code examples/README.md}). */
  static final Path ROOT = findRoot();

  private static final Set<String> COMMANDS = Set.of("sync", "export", "schedule", "login", "help", "book-receipts",
      "export-orders", "push-stock", "export-customers",
      "export-products", "export-buy-orders", "ship-orders", "webhooks");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```([A-Za-z]*)[^\\n]*\\n(.*?)^```");
  private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
  private static final Pattern JAR = Pattern.compile("java -jar \\S*lightspeed-sync-app\\.jar(?: .*)?");

  /** One command as shown: where, the text, and its words after the app invocation. */
  record Command(String readme, String text, List<String> args) {
    @Override
    public String toString() {
      return readme + ": " + text;
    }
  }

  private ReadmeCommands() {}

  static List<Command> of(String readme) {
    String text;
    try {
      text = Files.readString(ROOT.resolve(readme));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Command> out = new ArrayList<>();
    Matcher fence = FENCE.matcher(text);
    int last = 0;
    List<String> found = new ArrayList<>();
    while (fence.find()) {
      // the prose before this fence, then the fence's commands: the order of the file
      collectSpans(text.substring(last, fence.start()), found);
      String lang = fence.group(1).toLowerCase();
      if (lang.isEmpty() || lang.equals("sh") || lang.equals("bash") || lang.equals("shell")) {
        for (String line : fence.group(2).replace("\\\n", " ").split("\n")) {
          String l = line.strip();
          int and = l.lastIndexOf("&& ");
          if (and >= 0) {
            l = l.substring(and + 3).strip();
          }
          if (isAppCommand(l)) {
            found.add(l.replaceAll("\\s+", " "));
          }
        }
      }
      last = fence.end();
    }
    collectSpans(text.substring(last), found);
    for (String f : found) {
      out.add(new Command(readme, f, argsOf(f)));
    }
    return out;
  }

  private static void collectSpans(String prose, List<String> found) {
    Matcher span = SPAN.matcher(prose);
    while (span.find()) {
      String s = span.group(1).replaceAll("\\s+", " ").strip();
      if (isAppCommand(s)) {
        found.add(s);
      }
    }
  }

  static boolean isAppCommand(String s) {
    if (JAR.matcher(s).matches()) {
      return true;
    }
    int space = s.indexOf(' ');
    return space > 0 && COMMANDS.contains(s.substring(0, space)) && s.length() > space + 1;
  }

  /** The words after the app invocation ({@code java -jar <jar>} dropped). */
  static List<String> argsOf(String command) {
    List<String> words = words(command);
    if (words.size() >= 3 && words.get(0).equals("java") && words.get(1).equals("-jar")) {
      return List.copyOf(words.subList(3, words.size()));
    }
    return words;
  }

  /** POSIX shell word splitting for the READMEs' commands: blanks, single and double quotes. */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote in: " + line);
    }
    if (inWord) {
      out.add(w.toString());
    }
    return out;
  }

  private static Path findRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("examples/README.md")) && Files.exists(p.resolve("README.md"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
  }
}
