package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.XSeriesCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the write-flow app tests share: an input file of JSON lines and the result lines of a run. */
final class WriteFlowRuns {
  private WriteFlowRuns() {}

  /** Writes {@code lines} (one record a line) to {@code dir/name}. */
  static Path input(Path dir, String name, String... lines) {
    try {
      return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run's result lines, parsed. */
  static List<JsonNode> results(AppRun run) {
    return run.outLines().stream().map(l -> {
      try {
        return WriteFlowAppTest.JSON.readTree(l);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }

  /** The result line of input line {@code line}. */
  static JsonNode resultOf(AppRun run, int line) {
    return results(run).stream().filter(r -> r.path("line").asInt() == line).findFirst().orElseThrow();
  }

  /**
   * Runs write flow {@code command} on {@code --platform xseries} against the testkit retailer of
   * {@code server}, the ledger in {@code dir/writes}.
   */
  static AppRun xseries(LightspeedTestServer server, Path dir, String command, Path in, String... extra) {
    XSeriesCredentials c = server.xseriesCredentials();
    List<String> args = new ArrayList<>(List.of(command, "--platform", "xseries", "--in", in.toString(), "--base-url",
        server.xseriesOrigin().toString(), "--domain-prefix", c.domainPrefix(), "--token", c.personalToken(), "--db",
        "jdbc:h2:file:" + dir.resolve("writes").toAbsolutePath()));
    args.addAll(List.of(extra));
    return AppRun.of(args.toArray(String[]::new));
  }

  /** Status by input line (a run with one result line per input line). */
  static Map<Integer, String> statusByLine(AppRun run) {
    return results(run).stream().collect(Collectors.toMap(r -> r.get("line").asInt(), r -> r.get("status").asText()));
  }
}
