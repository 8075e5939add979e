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
import java.time.Duration;
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
 * hold secrets. An account's {@code exports} are checked the same way against the write flow they
 * name (see {@link #exports}).
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
      CommandLine.Model.CommandSpec sync = checkSyncArgs(file, where, ScheduleCommand.syncArgs(account));
      account = new ScheduleCommand.Account(key, accountDb, account.args(), exports(file, where, n.path("exports"), account, sync));
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
  private static CommandLine.Model.CommandSpec checkSyncArgs(Path file, String where, List<String> args) {
    SyncCommand sync = new SyncCommand(System.out);
    CommandLine cli = new CommandLine(sync);
    try {
      cli.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
      SyncOptions.check(sync);
    } catch (ParameterException e) {
      throw problem(file, where + ": " + UsageErrors.describe(e));
    } catch (AppException e) {
      throw problem(file, where + ": " + e.getMessage());
    }
    return cli.getCommandSpec();
  }

  /** The fields of one entry of an account's {@code exports}. */
  static final List<String> EXPORT_FIELDS = List.of("flow", "in", "every", "results", "args", "enabled");

  /** Options an export's command line gets from the schedule, never from the file. */
  private static final List<String> SET_BY_SCHEDULE = List.of("--in", "--db");

  /**
   * An account's {@code exports}: {@code [{"flow": "book-receipts", "in": "spool.jsonl", "every": "30m",
   * "results": "spool.jsonl.results.jsonl", "args": ["--master", "host"], "enabled": true}]}. Each
   * flow is one of the app's write-flow subcommands, at most once per account; its whole command
   * line (the account's connection options that the flow takes, then {@code args}) is parsed as the
   * app would parse it, so a mistyped option fails here, not at the first run.
   */
  private static List<ScheduleCommand.Export> exports(Path file, String where, JsonNode node, ScheduleCommand.Account account,
      CommandLine.Model.CommandSpec sync) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw problem(file, where + ": \"exports\" must be an array of {\"flow\", \"in\", \"every\"}");
    }
    List<ScheduleCommand.Export> exports = new ArrayList<>();
    CommandLine app = LightspeedSyncApp.commandLine(System.out, System.err);
    int i = 0;
    for (JsonNode e : node) {
      String at = where + ": exports[" + i++ + "]";
      if (!e.isObject()) {
        throw problem(file, at + " must be a JSON object {\"flow\", \"in\", \"every\"}");
      }
      for (java.util.Iterator<String> f = e.fieldNames(); f.hasNext(); ) {
        String name = f.next();
        if (!EXPORT_FIELDS.contains(name)) {
          throw problem(file, at + ": unknown field '" + TerminalText.safe(name) + "'; the fields are " + String.join(", ", EXPORT_FIELDS));
        }
      }
      String flow = e.path("flow").asText("");
      CommandLine flowCli = app.getSubcommands().get(flow);
      List<String> flows = app.getSubcommands().entrySet().stream()
          .filter(s -> s.getValue().getCommand() instanceof WriteFlowCommand).map(Map.Entry::getKey).toList();
      if (!e.path("flow").isTextual() || flowCli == null || !(flowCli.getCommand() instanceof WriteFlowCommand)) {
        throw problem(file, at + ": \"flow\" must be one of " + String.join(", ", flows));
      }
      at = where + ": export " + flow;
      if (!e.path("enabled").isMissingNode() && !e.path("enabled").isBoolean()) {
        throw problem(file, at + ": \"enabled\" must be true or false");
      }
      if (!e.path("enabled").asBoolean(true)) {
        continue;
      }
      if (!e.path("in").isTextual() || e.path("in").asText().isBlank()) {
        throw problem(file, at + " needs \"in\": the spool file of JSON lines the host appends to");
      }
      Path in = file.toAbsolutePath().getParent().resolve(e.path("in").asText()).normalize();
      Duration every = Duration.ofMinutes(30);
      if (!e.path("every").isMissingNode()) {
        try {
          every = ScheduleCommand.duration(e.path("every").asText(), "\"every\"");
        } catch (AppException bad) {
          throw problem(file, at + ": " + bad.getMessage());
        }
        if (!e.path("every").isTextual()) {
          throw problem(file, at + ": \"every\" must be a positive duration such as 30m, 10s, 1h or PT30M");
        }
      }
      Path results = e.path("results").isTextual()
          ? file.toAbsolutePath().getParent().resolve(e.path("results").asText()).normalize()
          : Path.of(in + ".results.jsonl");
      List<String> own = new ArrayList<>();
      for (JsonNode a : e.path("args")) {
        if (!a.isTextual()) {
          throw problem(file, at + ": args must be strings");
        }
        String name = a.asText().contains("=") ? a.asText().substring(0, a.asText().indexOf('=')) : a.asText();
        if (SET_BY_SCHEDULE.contains(name)) {
          throw problem(file, at + ": args must not set " + name + " (the schedule sets it)");
        }
        own.add(a.asText());
      }
      List<String> args = new ArrayList<>(List.of("--db", account.db()));
      args.addAll(optionsTheFlowTakes(account.args(), sync, flowCli.getCommandSpec()));
      args.addAll(own);
      List<String> check = new ArrayList<>(List.of(flow, "--in", in.toString()));
      check.addAll(args);
      try {
        app.parseArgs(check.toArray(String[]::new)); // through the app, as a run would parse it
      } catch (ParameterException bad) {
        throw problem(file, at + ": " + UsageErrors.describe(bad));
      }
      if (exports.stream().anyMatch(x -> x.flow().equals(flow))) {
        throw problem(file, at + " appears twice (one spool file per flow and account)");
      }
      if ((account.key() + "/" + flow).length() > 100) {
        throw problem(file, at + ": the account key is too long for an export (key/flow must fit 100 characters)");
      }
      exports.add(new ScheduleCommand.Export(flow, in, every, results, List.copyOf(args)));
    }
    return List.copyOf(exports);
  }

  /**
   * The options of {@code syncArgs} (the account's {@code sync} options) that the write flow also
   * has, with their values: the connection ({@code --base-url}, {@code --account-id}, the OAuth
   * credentials), {@code --platform}, {@code --read-only}, {@code --max-attempts}, {@code --dry-run}.
   */
  static List<String> optionsTheFlowTakes(List<String> syncArgs, CommandLine.Model.CommandSpec sync,
      CommandLine.Model.CommandSpec flow) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < syncArgs.size(); i++) {
      String token = syncArgs.get(i);
      int eq = token.indexOf('=');
      String name = eq < 0 ? token : token.substring(0, eq);
      CommandLine.Model.OptionSpec option = name.startsWith("-") ? sync.findOption(name) : null;
      boolean valueFollows = option != null && eq < 0 && option.arity().max() > 0 && i + 1 < syncArgs.size();
      if (option != null && flow.findOption(name) != null) {
        out.add(token);
        if (valueFollows) {
          out.add(syncArgs.get(i + 1));
        }
      }
      if (valueFollows) {
        i++;
      }
    }
    return out;
  }

  private static AppException problem(Path file, String message) {
    return new AppException(ExitCodes.USAGE, "--accounts " + file + ": " + message);
  }
}
