package dev.lightspeedsync.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which databases keep a commit that returned. The kill -9 proof is {@code KillDurabilityTest}; this
 * shows that the check rejects the configurations that lose commits (H2's default WRITE_DELAY among
 * them), which is what makes that proof fail without the fix.
 */
class DurabilityTest {
  @TempDir
  Path dir;

  static Stream<Arguments> h2Urls() {
    return Stream.of(
        Arguments.of("jdbc:h2:file:./x", "jdbc:h2:file:./x;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"),
        Arguments.of("jdbc:h2:./x;MODE=PostgreSQL", "jdbc:h2:./x;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"),
        Arguments.of("jdbc:h2:file:./x;write_delay=100", "jdbc:h2:file:./x;write_delay=100;DB_CLOSE_ON_EXIT=FALSE"),
        Arguments.of("jdbc:h2:file:./x;DB_CLOSE_ON_EXIT=TRUE", "jdbc:h2:file:./x;DB_CLOSE_ON_EXIT=TRUE;WRITE_DELAY=0"),
        Arguments.of("jdbc:h2:tcp://localhost/./x", "jdbc:h2:tcp://localhost/./x;WRITE_DELAY=0"),
        Arguments.of("jdbc:h2:file:./x;AUTO_SERVER=TRUE", "jdbc:h2:file:./x;AUTO_SERVER=TRUE;WRITE_DELAY=0"),
        Arguments.of("jdbc:h2:mem:x", "jdbc:h2:mem:x"),
        Arguments.of("jdbc:postgresql://db/sync", "jdbc:postgresql://db/sync"));
  }

  @ParameterizedTest
  @MethodSource("h2Urls")
  void thePoolMakesH2UrlsDurableUnlessTheySayOtherwise(String given, String opened) {
    assertThat(ConnectionPool.withH2Defaults(given)).isEqualTo(opened);
  }

  private String file(String name) {
    return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
  }

  @Test
  void h2WithItsDefaultWriteDelayIsRejectedWithTheFix() {
    String url = file("default-delay");
    ConnectionSource plain = () -> DriverManager.getConnection(url); // as a host's own DataSource would

    assertThat(Durability.problems(plain)).singleElement().asString()
        .contains("WRITE_DELAY is 500 ms", "add ;WRITE_DELAY=0");
    assertThatThrownBy(() -> Durability.require(plain)).isInstanceOf(Durability.NotDurableException.class)
        .hasMessageContaining("not durable").hasMessageContaining("WRITE_DELAY=0");
  }

  @Test
  void anExplicitWriteDelayIsRejectedEvenThroughThePool() {
    try (ConnectionPool pool = ConnectionPool.open(file("explicit") + ";WRITE_DELAY=200")) {
      assertThat(Durability.problems(pool)).singleElement().asString().contains("WRITE_DELAY is 200 ms");
    }
  }

  @Test
  void anInMemoryDatabaseIsRejected() {
    try (ConnectionPool pool = ConnectionPool.open("jdbc:h2:mem:durability" + System.nanoTime())) {
      assertThat(Durability.problems(pool)).singleElement().asString().contains("in-memory");
    }
  }

  @Test
  void aFileOpenedThroughThePoolIsDurableAndStaysSoWhenOpenedPlainLater() throws Exception {
    String url = file("pooled");
    try (ConnectionPool pool = ConnectionPool.open(url)) {
      assertThat(Durability.problems(pool)).isEmpty();
    }
    // H2 keeps WRITE_DELAY in the file: a tool that opens it later without the setting stays durable
    assertThat(Durability.problems(() -> DriverManager.getConnection(url))).isEmpty();
  }
}
