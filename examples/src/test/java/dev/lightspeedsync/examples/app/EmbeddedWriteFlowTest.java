package dev.lightspeedsync.examples.app;

import static dev.lightspeedsync.examples.app.WriteFlowRuns.statusByLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code --base-url} a write flow writes to the embedded account of its platform, and that
 * account is the one {@code sync} generates by default: an id a demo sync stored (here the last
 * product of the 3,000, which a smaller account would not have) is found by the write flow.
 */
class EmbeddedWriteFlowTest {
  @TempDir
  Path dir;

  private AppRun pushStock(String platform, String line) {
    Path in = WriteFlowRuns.input(dir, platform + ".jsonl", line);
    return AppRun.of("push-stock", "--platform", platform, "--in", in.toString(), "--db",
        "jdbc:h2:file:" + dir.resolve(platform).toAbsolutePath());
  }

  private static String stockLine(String sku, String location) {
    return "{\"skuId\":\"" + sku + "\",\"locationId\":\"" + location + "\",\"onHand\":7}";
  }

  @Test
  void anXSeriesProductTheDemoSyncStoredIsWrittenByTheWriteFlow() {
    String product;
    String outlet;
    try (EmbeddedLightspeed demo = EmbeddedLightspeed.xseries(Integer.parseInt(SyncCommand.DEMO_SHOPS),
        Long.parseLong(SyncCommand.DEMO_ITEMS), Long.parseLong(SyncCommand.DEMO_SALES), 60)) {
      product = demo.server().xseries().stream("products").filter(p -> p.getBoolean("has_inventory")
          && !p.getBoolean("is_composite") && p.get("deleted_at").isEmpty())
          .reduce((a, b) -> b).map(TestkitRecord::key).orElseThrow();
      outlet = demo.server().xseries().outletIds().get(0);
    }

    AppRun run = pushStock("xseries", stockLine(product, outlet));

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(statusByLine(run)).isEqualTo(Map.of(1, "DONE"));
  }

  @Test
  void anRSeriesItemTheDemoSyncStoredIsWrittenByTheWriteFlow() {
    String item;
    String shop;
    try (EmbeddedLightspeed demo = EmbeddedLightspeed.start(Integer.parseInt(SyncCommand.DEMO_SHOPS),
        Long.parseLong(SyncCommand.DEMO_ITEMS), Long.parseLong(SyncCommand.DEMO_SALES), 60)) {
      item = Long.toString(demo.server().retail().stream("Item").filter(i -> !i.getBoolean("archived")
          && i.require("itemType").equals("default")).max(Comparator.comparingLong(TestkitRecord::id)).orElseThrow().id());
      shop = Long.toString(demo.server().retail().stream("Shop").findFirst().orElseThrow().id());
    }
    assertThat(Long.parseLong(item)).as("beyond what a small account has").isGreaterThan(1000);

    AppRun run = pushStock("retail", stockLine(item, shop));

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(statusByLine(run)).isEqualTo(Map.of(1, "DONE"));
  }
}
