package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync --outlet-mapping} (seed 002, "Connect your Lightspeed outlets to warehouses"): the
 * mapped outlets, named as in Lightspeed, are the only ones stock and sales come from; a name that
 * is not an outlet's exact name ends the run before anything is read, naming the near match.
 */
class OutletMappingAppTest {
  static final String[] SMALL = {"--testkit-items", "20", "--testkit-sales", "10", "--testkit-shops", "3", "--no-activity",
      "--progress", "none", "--time-scale", "1000"};

  @TempDir
  Path dir;

  private String db(String name) {
    return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
  }

  private static AppRun sync(String db, String platform, String mapping) {
    List<String> args = new java.util.ArrayList<>(List.of("sync", "--platform", platform, "--db", db, "--outlet-mapping",
        mapping));
    args.addAll(List.of(SMALL));
    return AppRun.of(args.toArray(String[]::new));
  }

  private static Set<String> stockLocations(String db) {
    AppRun run = AppRun.of("export", "--db", db, "--what", "stock");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.outLines().stream().map(l -> {
      try {
        return WriteFlowAppTest.JSON.readTree(l);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).map(r -> r.get("locationId").asText()).collect(Collectors.toSet());
  }

  /** The embedded retailer's locations as the app generates them: name and id. */
  private static List<TestkitRecord> locations(String platform) {
    try (EmbeddedLightspeed e = platform.equals("xseries") ? EmbeddedLightspeed.xseries(3, 20, 10, 1000)
        : EmbeddedLightspeed.start(3, 20, 10, 1000)) {
      return (platform.equals("xseries") ? e.server().xseries().stream("outlets") : e.server().retail().stream("Shop"))
          .toList();
    }
  }

  private static String id(TestkitRecord r) {
    return r.key();
  }

  @Test
  void rSeriesStockComesOnlyFromTheMappedShops() {
    List<TestkitRecord> shops = locations("retail");
    String mapping = shops.get(0).require("name") + "=WH1, " + shops.get(2).require("name") + "=WH2";

    AppRun run = sync(db("r"), "retail", mapping);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(stockLocations(db("r"))).containsExactlyInAnyOrder(id(shops.get(0)), id(shops.get(2)));
  }

  @Test
  void xSeriesStockComesOnlyFromTheMappedOutlet() {
    List<TestkitRecord> outlets = locations("xseries");

    AppRun run = sync(db("x"), "xseries", outlets.get(1).require("name") + "=Main Warehouse");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(stockLocations(db("x"))).containsExactly(id(outlets.get(1)));
  }

  @Test
  void aWrongCaseOutletNameEndsTheRunNamingTheNearMatch() {
    List<TestkitRecord> shops = locations("retail");
    // a shop no other shop's name equals but for case (the generated data has such twins)
    List<String> names = shops.stream().map(s -> s.require("name")).toList();
    String name = names.stream().filter(n -> names.stream().filter(o -> o.equalsIgnoreCase(n)).count() == 1)
        .findFirst().orElseThrow();
    String wrong = name.toUpperCase(Locale.ROOT);
    assertThat(wrong).isNotEqualTo(name);

    AppRun run = sync(db("w"), "retail", wrong + "=WH1");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.SETTINGS_MISMATCH);
    assertThat(run.errLines()).singleElement().asString().startsWith("error: --outlet-mapping: no outlet named")
        .contains("did you mean '" + name + "'?");
    assertThat(run.out()).doesNotContain("full sync");
  }

  @Test
  void anOutletIdWorksAsWellAsItsName() {
    List<TestkitRecord> shops = locations("retail");

    AppRun run = sync(db("i"), "retail", id(shops.get(1)) + "=WH1");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(stockLocations(db("i"))).containsExactly(id(shops.get(1)));
  }
}
