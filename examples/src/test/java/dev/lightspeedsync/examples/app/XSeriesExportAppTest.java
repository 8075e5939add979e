package dev.lightspeedsync.examples.app;

import static dev.lightspeedsync.examples.app.WriteFlowRuns.results;
import static dev.lightspeedsync.examples.app.WriteFlowRuns.statusByLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import dev.lightspeedsync.testkit.XSeriesData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export-products} and {@code export-customers} on {@code --platform xseries} against a
 * testkit retailer at {@code --base-url} (seed 002, "Export products/customers to Lightspeed"):
 * each product or customer created once across reruns, write-then-500 and a "restart" between the
 * create and its ledger confirmation; lines X-Series cannot take are INVALID with what to change.
 */
class XSeriesExportAppTest {
  @TempDir
  Path dir;

  LightspeedTestServer server;
  String supplier;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(7).timeSource(new ManualTimeSource()).items(0)
        .sales(0).orders(0).xseriesOutlets(1).xseriesProducts(10).xseriesSales(0).unlimited().build());
    supplier = x().stream("suppliers").filter(s -> s.get("deleted_at").isEmpty()).map(TestkitRecord::key).findFirst()
        .orElseThrow();
  }

  @AfterEach
  void stop() {
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity();
    server.close();
  }

  private XSeriesData x() {
    return server.xseries();
  }

  private Path input(String name, String... lines) {
    return WriteFlowRuns.input(dir, name, lines);
  }

  private AppRun run(String command, Path in, String... extra) {
    return WriteFlowRuns.xseries(server, dir, command, in, extra);
  }

  private List<TestkitRecord> productsWithSku(String sku) {
    return x().stream("products").filter(p -> p.get("sku").orElse("").equals(sku) && p.get("deleted_at").isEmpty())
        .toList();
  }

  private List<TestkitRecord> customersWithCode(String code) {
    return x().stream("customers").filter(c -> c.get("customer_code").orElse("").equals(code)
        && c.get("deleted_at").isEmpty()).toList();
  }

  private static String error(AppRun run, int line) {
    return WriteFlowRuns.resultOf(run, line).get("error").asText();
  }

  private String lamp(String id, String sku) {
    return "{\"id\":\"" + id + "\",\"sku\":\"" + sku + "\",\"name\":\"Desk lamp " + id + "\",\"supplierId\":\"" + supplier
        + "\",\"prices\":{\"price\":\"30.00\",\"cost\":\"12.00\"}}";
  }

  @Test
  void productsAreCreatedOnceWithXSeriesPricesARerunWritesNothingAndLinesXSeriesCannotTakeAreInvalid() {
    Path in = input("products.jsonl", lamp("P-1", "LAMP 1"),
        "{\"id\":\"P-2\",\"sku\":\"MUG-2\",\"name\":\"Mug\",\"upc\":\"012345678905\",\"prices\":{\"priceIncl\":\"11.50\"}}",
        "{\"id\":\"P-3\",\"sku\":\"MUG-3\",\"name\":\"Mug\",\"prices\":{\"Default\":\"12.50\"}}",
        "{\"id\":\"P-4\",\"sku\":\"MUG-4\",\"name\":\"Mug\",\"prices\":{\"price\":\"10\",\"priceIncl\":\"11.50\"}}",
        "{\"id\":\"P-5\",\"sku\":\"MUG-5\",\"name\":\"Mug\",\"purchasePrice\":\"4.10\"}",
        "{\"id\":\"P-6\",\"sku\":\"MUG-6\",\"name\":\"Mug\",\"supplierId\":\"3\"}");

    AppRun first = run("export-products", in);
    AppRun second = run("export-products", in);

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "DONE", 2, "DONE", 3, "INVALID", 4, "INVALID", 5, "INVALID",
        6, "INVALID"));
    assertThat(error(first, 3)).contains("prices['Default'] is not an X-Series price: use price (excluding tax)");
    assertThat(error(first, 4)).contains("both price and priceIncl");
    assertThat(error(first, 5)).contains("give the supply price as prices.cost");
    assertThat(error(first, 6)).contains("'supplierId' must be an X-Series supplier id (a UUID");
    assertThat(first.err()).contains("notice: line 2 give upc, ean or manufacturerSku; X-Series product export does not"
        + " send them");
    // the SKU rule removes the space; the product carries the host's prices and supplier
    assertThat(productsWithSku("LAMP1")).singleElement().satisfies(p -> {
      assertThat(p.require("supplier_id")).isEqualTo(supplier);
      assertThat(p.require("supply_price")).startsWith("12");
    });
    JsonNode done = WriteFlowRuns.resultOf(first, 1);
    assertThat(done.get("externalId").asText()).isEqualTo(productsWithSku("LAMP1").get(0).key());
    assertThat(statusByLine(second)).containsEntry(1, "ALREADY_DONE").containsEntry(2, "ALREADY_DONE");
    assertThat(productsWithSku("LAMP1")).hasSize(1);
    assertThat(productsWithSku("MUG-2")).hasSize(1);
    assertThat(productsWithSku("MUG-3")).isEmpty();
  }

  @Test
  void aProductIsCreatedOnceUnderWriteThen500AndARestartBeforeItsLedgerConfirmation() {
    Path in = input("products.jsonl", lamp("P-1", "LAMP-1"), lamp("P-2", "LAMP-2"));
    server.injectNext(Fault.APPLY_THEN_500, "POST /api/2.0/products");
    WriteFlowCommand.sinkWrapper = sink -> WriteFlowAppTest.dyingAt(sink, "confirmInLedger", "product:P-2");

    AppRun killed = run("export-products", in, "--max-attempts", "1");
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity();
    AppRun restarted = run("export-products", in);
    AppRun again = run("export-products", in);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(killed.exitCode()).isEqualTo(1);
    assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
    assertThat(statusByLine(restarted).values()).allMatch(s -> s.equals("RECOVERED") || s.equals("ALREADY_DONE"));
    assertThat(statusByLine(again)).isEqualTo(Map.of(1, "ALREADY_DONE", 2, "ALREADY_DONE"));
    assertThat(productsWithSku("LAMP-1")).hasSize(1);
    assertThat(productsWithSku("LAMP-2")).hasSize(1);
  }

  private static final String ADA = "{\"id\":\"C-1\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
      + "\"email\":\"ada@example.com\",\"country\":\"GB\"}";
  private static final String GRACE = "{\"id\":\"C-2\",\"code\":\"GRACE\",\"firstName\":\"Grace\",\"lastName\":\"Hopper\"}";

  @Test
  void customersAreCreatedOnceUnderTheirCodeARerunWritesNothingAndLinesXSeriesCannotTakeAreInvalid() {
    Path in = input("customers.jsonl", ADA, GRACE, "{\"id\":\"C-3\",\"company\":\"Engines Ltd\"}",
        "{\"id\":\"C-4\",\"lastName\":\"Babbage\",\"country\":\"GBR\"}");

    AppRun first = run("export-customers", in);
    AppRun second = run("export-customers", in);

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "DONE", 2, "DONE", 3, "INVALID", 4, "INVALID"));
    assertThat(error(first, 3)).contains("an X-Series customer needs 'firstName' or 'lastName'");
    assertThat(error(first, 4)).contains("'country' must be a two-letter country code");
    assertThat(customersWithCode("C-1")).singleElement().satisfies(c -> assertThat(c.require("email"))
        .isEqualTo("ada@example.com"));
    assertThat(customersWithCode("GRACE")).hasSize(1); // its code, not its id, is the customer_code
    assertThat(customersWithCode("C-2")).isEmpty();
    assertThat(statusByLine(second)).containsEntry(1, "ALREADY_DONE").containsEntry(2, "ALREADY_DONE");
    assertThat(customersWithCode("C-1")).hasSize(1);
    assertThat(customersWithCode("C-4")).isEmpty();
  }

  @Test
  void aCustomerIsCreatedOnceUnderWriteThen500AndARestartBeforeItsLedgerConfirmation() {
    Path in = input("customers.jsonl", ADA, GRACE);
    server.injectNext(Fault.APPLY_THEN_500, "POST /api/2.0/customers");
    WriteFlowCommand.sinkWrapper = sink -> WriteFlowAppTest.dyingAt(sink, "confirmInLedger", "customer:C-2");

    AppRun killed = run("export-customers", in, "--max-attempts", "1");
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity();
    AppRun restarted = run("export-customers", in);
    AppRun again = run("export-customers", in);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(killed.exitCode()).isEqualTo(1);
    assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
    assertThat(statusByLine(again)).isEqualTo(Map.of(1, "ALREADY_DONE", 2, "ALREADY_DONE"));
    assertThat(customersWithCode("C-1")).hasSize(1);
    assertThat(customersWithCode("GRACE")).hasSize(1);
  }

  @Test
  void aDryRunPlansAndReadOnlySuppressesAndNeitherCreatesAnything() {
    Path products = input("products.jsonl", lamp("P-1", "LAMP-1"));
    Path customers = input("customers.jsonl", ADA);

    AppRun dryProducts = run("export-products", products, "--dry-run");
    AppRun dryCustomers = run("export-customers", customers, "--dry-run");
    AppRun readOnlyProducts = run("export-products", products, "--read-only");
    AppRun readOnlyCustomers = run("export-customers", customers, "--read-only");

    assertThat(statusByLine(dryProducts)).isEqualTo(Map.of(1, "PLANNED"));
    assertThat(statusByLine(dryCustomers)).isEqualTo(Map.of(1, "PLANNED"));
    assertThat(statusByLine(readOnlyProducts)).isEqualTo(Map.of(1, "SUPPRESSED"));
    assertThat(statusByLine(readOnlyCustomers)).isEqualTo(Map.of(1, "SUPPRESSED"));
    assertThat(productsWithSku("LAMP-1")).isEmpty();
    assertThat(customersWithCode("C-1")).isEmpty();
    // nothing was remembered: the real run creates them
    assertThat(statusByLine(run("export-products", products))).isEqualTo(Map.of(1, "DONE"));
    assertThat(statusByLine(run("export-customers", customers))).isEqualTo(Map.of(1, "DONE"));
    assertThat(productsWithSku("LAMP-1")).hasSize(1);
    assertThat(customersWithCode("C-1")).hasSize(1);
  }

  @Test
  void withoutBaseUrlTheEmbeddedXSeriesTestkitTakesTheExport() {
    Path in = input("customers.jsonl", ADA);

    AppRun run = AppRun.of("export-customers", "--platform", "xseries", "--in", in.toString(), "--db",
        "jdbc:h2:file:" + dir.resolve("embedded").toAbsolutePath());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(statusByLine(run)).isEqualTo(Map.of(1, "DONE"));
  }
}
