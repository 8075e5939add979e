package dev.lightspeedsync.examples.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The {@code --help} layout of every command: wide enough that no option name or default (the JDBC
 * URL) is broken inside a word, and the exit statuses ({@link ExitCodes}) in the footer.
 */
final class HelpText {
  /** Columns of {@code --help}; the longest unbreakable word (the default JDBC URL) fits the description column. */
  static final int WIDTH = 120;

  private HelpText() {}

  static void apply(CommandLine root) {
    root.setUsageHelpWidth(WIDTH);
    apply(root.getCommandSpec().usageMessage());
    root.getSubcommands().forEach((name, sub) -> {
      if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
        apply(sub.getCommandSpec().usageMessage());
      }
    });
  }

  private static void apply(UsageMessageSpec usage) {
    List<String> footer = new ArrayList<>(Arrays.asList(usage.footer()));
    footer.addAll(Arrays.asList(ExitCodes.footer()));
    usage.footer(footer.toArray(String[]::new));
  }
}
