package dev.lightspeedsync.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for a benchmark's H2 database, deleted with everything in it on close. */
record TempDir(Path path) implements AutoCloseable {
  static TempDir create(String prefix) throws IOException {
    return new TempDir(Files.createTempDirectory(prefix));
  }

  /** The JDBC URL of an H2 file database in this directory. */
  String h2Url() {
    return "jdbc:h2:file:" + path.resolve("bench").toAbsolutePath() + ";CACHE_SIZE=8192";
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
