package dev.lightspeedsync.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every recipe's {@code main} as shipped: its own data sizes and its own time scale (API time 60
 * times faster than the wall clock), as a user runs it with {@code java -cp lightspeed-sync-app.jar
 * dev.lightspeedsync.examples.X}. {@link ExamplesTest} checks what the recipes do on smaller data;
 * this checks that the shipped programs end, within a minute each, without an exception (a
 * {@code RateLimitedException} included), and print what their Javadoc promises.
 */
class RecipeMainsTest {
  /** A main that waits for rate-limit windows longer than this is not a usable demo. */
  static final Duration LIMIT = Duration.ofSeconds(60);

  interface Main {
    void run() throws Exception;
  }

  /** Runs {@code main} with System.out captured; the main's exceptions fail the test. */
  private static String run(Main main) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(tee);
      assertTimeoutPreemptively(LIMIT, main::run);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    original.print(out);
    return out;
  }

  private static long number(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    assertThat(m.find()).as("output matches " + regex + ":\n" + out).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void inventoryPlannerSync() {
    String out = run(() -> InventoryPlannerSync.main(new String[0]));

    assertThat(number(out, "full sync stored (\\d+) SKUs")).isPositive();
    assertThat(number(out, "SKUs, (\\d+) stock rows")).isPositive();
    assertThat(number(out, "incremental sync: (\\d+) requests")).isPositive()
        .isLessThan(number(out, "sales \\((\\d+) requests\\)"));
    assertThat(out).contains("Best sellers (units sold, on hand):");
  }

  @Test
  void warehouseOrderImport() {
    String out = run(() -> WarehouseOrderImport.main(new String[0]));

    assertThat(number(out, "(\\d+) handed to the warehouse")).isPositive();
    assertThat(number(out, "Second import: (\\d+) handed over")).isZero();
  }

  @Test
  void webshopOrderExport() {
    String out = run(() -> WebshopOrderExport.main(new String[0]));

    assertThat(number(out, "First export: (\\d+) sales created")).isEqualTo(3);
    assertThat(number(out, "Second export: (\\d+) created")).isZero();
  }

  /** It used to push every figure again (and to fail with RateLimitedException, or wait minutes for the windows). */
  @Test
  void storefrontStockPush() {
    String out = run(() -> StorefrontStockPush.main(new String[0]));

    long pushed = number(out, "First run: (\\d+) figures pushed");
    long unchanged = number(out, "pushed to the storefront, (\\d+) unchanged");
    assertThat(pushed).isPositive().as("only the warehouse's differences").isLessThan(unchanged);
    assertThat(number(out, "Second run: (\\d+) pushed")).isZero();
  }

  @Test
  void outletWarehouseSync() {
    String out = run(() -> OutletWarehouseSync.main(new String[0]));

    assertThat(number(out, "Lightspeed outlets available: (\\d+)")).isEqualTo(3);
    assertThat(number(out, "Full sync: (\\d+) SKUs")).isPositive();
    assertThat(number(out, "Full sync: \\d+ SKUs, (\\d+) stock rows")).isPositive();
    assertThat(number(out, "Incremental sync: .*\\((\\d+) requests\\)"))
        .isLessThan(number(out, "Full sync: .*\\((\\d+) requests\\)"));
    assertThat(out).contains("Warehouses (outlet, stock on hand, units sold):", "  WH-1 ", "  WH-2 ", "  WH-3 ");
  }
}
