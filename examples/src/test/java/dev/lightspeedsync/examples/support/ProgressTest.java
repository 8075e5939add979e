package dev.lightspeedsync.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 7: a progress bar per stream on a terminal, plain log lines otherwise. */
class ProgressTest {
  private static String run(Progress.Mode mode, int pages) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), mode,
        new CountingSink(new InMemorySyncSink()));
    progress.expect(SyncStream.CATALOGUE, pages);
    for (int i = 0; i < pages; i++) {
      progress.onResponse("GET", "/API/V3/Account/1/Item.json", 200, Duration.ZERO);
    }
    progress.finish();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onATerminalABarIsRedrawnInPlaceAndEndsAtOneHundredPercent() {
    String out = run(Progress.Mode.BAR, 50);

    assertThat(out).contains("\r").contains("[" + "#".repeat(28) + "] 100%").contains("50/50 pages");
    // one line per stream, redrawn in place with carriage returns and ended once
    assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }

  @Test
  void withoutATerminalPlainLinesAreLoggedEveryTwentyFivePages() {
    String out = run(Progress.Mode.LOG, 50);

    assertThat(out).doesNotContain("\r").doesNotContain("#");
    assertThat(out.lines()).hasSize(3).last().asString().endsWith("done");
  }

  @Test
  void anInterruptedBarIsEndedSoTheInterruptedLineStartsOnALineOfItsOwn() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), Progress.Mode.BAR,
        new CountingSink(new InMemorySyncSink()));
    progress.expect(SyncStream.CATALOGUE, 50);
    for (int i = 0; i < 10; i++) {
      progress.onResponse("GET", "/API/V3/Account/1/Item.json", 200, Duration.ZERO);
    }
    String drawn = bytes.toString(StandardCharsets.UTF_8);

    progress.abandon(); // what the sync does on Ctrl-C before the app prints "interrupted; rerun to resume"

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(drawn).doesNotEndWith("\n");
    assertThat(out).startsWith(drawn).endsWith("\n").contains("10/50 pages");
    assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }

  @Test
  void whatARunExpectedIsForgottenSoTheNextRunShowsACounterWhereItsPagesAreUnknown() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), Progress.Mode.LOG,
        new CountingSink(new InMemorySyncSink()));
    // a full R-Series sync expects an ItemShop walk but reads stock with the items
    progress.expect(SyncStream.CATALOGUE, 2);
    progress.expect(SyncStream.STOCK, 150);
    progress.onResponse("GET", "/API/V3/Account/1/Item.json", 200, Duration.ZERO);
    progress.onResponse("GET", "/API/V3/Account/1/Item.json", 200, Duration.ZERO);
    progress.finish();
    int firstRun = bytes.size();

    // the incremental run reads one page of the ItemShop feed and expects nothing
    progress.onResponse("GET", "/API/V3/Account/1/ItemShop.json", 200, Duration.ZERO);
    progress.finish();

    String second = bytes.toString(StandardCharsets.UTF_8).substring(firstRun);
    assertThat(second).doesNotContain("/150").contains("     1 page   0 stock levels").endsWith("done" + System.lineSeparator());
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} is {1} (page: {2})")
  @org.junit.jupiter.params.provider.CsvSource({
      "/API/V3/Account/1/Item.json, CATALOGUE, true",
      "/API/V3/Account/1/ItemShop.json, STOCK, true",
      "/API/V3/Account/1/Sale.json, SALES, true",
      "/en/products.json, CATALOGUE, true",
      "/en/variants.json, CATALOGUE, true",
      "/en/products/12.json, CATALOGUE, false",
      "/en/orders.json, SALES, true",
      "/en/orders/7/products.json, SALES, false",
      "/api/2.0/products, CATALOGUE, true",
      "/api/2.0/inventory, STOCK, true",
      "/api/2.0/sales, SALES, true"})
  void eachPlatformsListRequestsAreThePagesOfTheirStream(String path, SyncStream stream, boolean page) {
    assertThat(Progress.classify(path)).isEqualTo(new Progress.Request(stream, page));
  }

  @Test
  void requestsOfNoStreamAreNotCounted() {
    assertThat(Progress.classify("/api/2.0/outlets")).isNull();
    assertThat(Progress.classify("/API/V3/Account/1/Shop.json")).isNull();
  }

  @Test
  void underATestRunnerThereIsNoTerminalSoLogLinesAreChosen() {
    assertThat(System.console()).isNull();
    assertThat(Progress.detect()).isEqualTo(Progress.Mode.LOG);
  }
}
