package dev.lightspeedsync.examples.app;

import java.util.List;

/**
 * The app's exit statuses, in one place: the {@code --help} footer of every command is made from
 * {@link #ALL}, and a test checks that the READMEs list the same codes with the same meaning.
 */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  /** Invalid arguments: one line naming the option, never its value. */
  static final int USAGE = 2;
  static final int CREDENTIALS_REJECTED = 3;
  static final int UNREACHABLE = 4;
  static final int SETTINGS_MISMATCH = 5;
  static final int ALREADY_RUNNING = 6;
  /** A command that only reads ({@code export}) was pointed at a database that does not exist or was never synced. */
  static final int NO_DATABASE = 7;
  /**
   * A sync stopped at its {@code --deadline} (or before a rate-limit wait that would pass it), at a
   * checkpoint: not a failure, the next run resumes there.
   */
  static final int DEADLINE_REACHED = 8;
  /** A write flow read input lines that are not valid records: named by line number; the valid ones were processed. */
  static final int INVALID_INPUT = 9;
  static final int SIGINT = 130;
  static final int SIGTERM = 143;

  /** One documented exit status. */
  record Code(int code, String meaning) {}

  static final List<Code> ALL = List.of(
      new Code(OK, "success"),
      new Code(FAILURE, "failure (a database error, an unexpected answer, a connection that failed after Lightspeed was reached)"),
      new Code(USAGE, "invalid arguments or accounts file (one line naming the option; values are never shown)"),
      new Code(CREDENTIALS_REJECTED, "Lightspeed rejected the credentials"),
      new Code(UNREACHABLE, "Lightspeed unreachable: no connection could be made"),
      new Code(SETTINGS_MISMATCH, "the settings do not match the account (e.g. an unknown location, a database of another account)"),
      new Code(ALREADY_RUNNING, "the account is being synced by another run, or the database file is in use"),
      new Code(NO_DATABASE, "export: the database does not exist or holds no synced data (nothing is created)"),
      new Code(DEADLINE_REACHED, "sync: --deadline reached; the run stopped at a checkpoint (rerun to resume)"),
      new Code(INVALID_INPUT, "write flow: some input lines are invalid (named by line number); the valid ones were processed"),
      new Code(SIGINT, "interrupted by Ctrl-C (rerun to resume)"),
      new Code(SIGTERM, "stopped by SIGTERM (rerun to resume)"));

  private ExitCodes() {}

  /** The footer lines of every command's {@code --help}. */
  static String[] footer() {
    String[] lines = new String[ALL.size() + 2];
    lines[0] = "";
    lines[1] = "Exit status:";
    for (int i = 0; i < ALL.size(); i++) {
      Code c = ALL.get(i);
      lines[i + 2] = String.format("  %-4d %s", c.code(), c.meaning());
    }
    return lines;
  }
}
