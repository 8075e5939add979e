package dev.lightspeedsync.examples.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Status by input line (a run with one result line per input line). */
  static Map<Integer, String> statusByLine(AppRun run) {
    return results(run).stream().collect(Collectors.toMap(r -> r.get("line").asInt(), r -> r.get("status").asText()));
  }
}
