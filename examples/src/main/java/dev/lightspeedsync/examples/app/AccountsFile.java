package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The {@code schedule} accounts file, read and checked before anything is scheduled: a file that
 * is not JSON, has the wrong shape, or lists an account whose {@code args} {@code sync} would
 * reject (a mistyped option, a bad value) fails at once with one line naming the file, the place
 * (line and column, or the account) and what is wrong (exit 2), instead of being logged by every
 * scheduled run while the command exits 0. Values from the file are never shown: {@code args} may
 * hold secrets.
 */
final class AccountsFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AccountsFile() {}

  /** Reads and checks {@code file}; throws a usage {@link AppException} on the first problem. */
  static Map<String, ScheduleCommand.Account> read(Path file) {
    JsonNode root = parse(file);
    if (root == null || !root.isArray()) {
      throw problem(file, "must be a JSON array of {\"key\", \"db\", \"args\"}");
    }
    Map<String, ScheduleCommand.Account> out = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode n : root) {
      String where = "account " + (index + 1);
      if (!n.isObject()) {
        throw problem(file, where + " must be a JSON object {\"key\", \"db\", \"args\"}");
      }
      JsonNode keyNode = n.path("key");
      String key = keyNode.isTextual() ? keyNode.asText() : "";
      if (key.isBlank() || key.length() > 100) {
        throw problem(file, where + " needs a \"key\" of 1 to 100 characters");
      }
      where = "account '" + TerminalText.safe(key) + "'";
      JsonNode dbNode = n.path("db");
      if (!dbNode.isMissingNode() && !dbNode.isTextual()) {
        throw problem(file, where + ": \"db\" must be a JDBC URL string");
      }
      String accountDb = dbNode.isTextual() ? dbNode.asText()
          : "jdbc:h2:file:./lightspeed-sync-" + key.replaceAll("[^A-Za-z0-9_-]", "_");
      JsonNode argsNode = n.path("args");
      if (!argsNode.isMissingNode() && !argsNode.isArray()) {
        throw problem(file, where + ": \"args\" must be an array of sync options (strings)");
      }
      List<String> args = new ArrayList<>();
      int i = 0;
      for (JsonNode a : argsNode) {
        if (!a.isTextual()) {
          throw problem(file, where + ": args[" + i + "] must be a string");
        }
        args.add(a.asText());
        i++;
      }
      ScheduleCommand.Account account = new ScheduleCommand.Account(key, accountDb, List.copyOf(args));
      checkSyncArgs(file, where, ScheduleCommand.syncArgs(account));
      if (out.put(key, account) != null) {
        throw problem(file, "account key '" + TerminalText.safe(key) + "' appears twice");
      }
      index++;
    }
    return out;
  }

  private static JsonNode parse(Path file) {
    try {
      return JSON.readTree(Files.newBufferedReader(file));
    } catch (NoSuchFileException e) {
      throw problem(file, "does not exist");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String place = at == null || at.getLineNr() < 0 ? ""
          : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw problem(file, place + whatIsWrong(e));
    } catch (IOException e) {
      throw problem(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Jackson's own wording without its source excerpt, and with quoted tokens (which may be part of
   * a secret) left out.
   */
  static String whatIsWrong(JsonProcessingException e) {
    if (e instanceof JsonEOFException) {
      return "the file ends inside a value (a bracket, brace or quote is not closed)";
    }
    String m = e.getOriginalMessage() == null ? "not valid JSON" : e.getOriginalMessage();
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    m = m.replaceAll("\\('[^']*' \\(code \\d+\\)\\)", "").replaceAll("\\s+", " ").strip();
    return "not valid JSON: " + withoutTokens(m);
  }

  /** Jackson quotes the offending token ('abc'); it is left out, except JSON's own literals. */
  private static String withoutTokens(String message) {
    java.util.regex.Matcher q = java.util.regex.Pattern.compile("'([^']*)'").matcher(message);
    StringBuilder out = new StringBuilder();
    while (q.find()) {
      String token = q.group(1);
      String kept = token.equals("null") || token.equals("true") || token.equals("false") ? q.group() : "(not shown)";
      q.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(kept));
    }
    q.appendTail(out);
    return out.toString();
  }

  /**
   * Parses {@code args} (the command line the schedule runs: {@code sync} and its options) as the
   * app would, and runs sync's value checks, without running anything.
   */
  private static void checkSyncArgs(Path file, String where, List<String> args) {
    SyncCommand sync = new SyncCommand(System.out);
    try {
      CommandLine cli = new CommandLine(sync);
      cli.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
      SyncOptions.check(sync);
    } catch (ParameterException e) {
      throw problem(file, where + ": " + UsageErrors.describe(e));
    } catch (AppException e) {
      throw problem(file, where + ": " + e.getMessage());
    }
  }

  private static AppException problem(Path file, String message) {
    return new AppException(ExitCodes.USAGE, "--accounts " + file + ": " + message);
  }
}
