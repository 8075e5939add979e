package dev.lightspeedsync.examples.app;

import static dev.lightspeedsync.examples.app.WriteFlowRuns.results;
import static dev.lightspeedsync.examples.app.WriteFlowRuns.statusByLine;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The write flows on {@code --platform xseries} against a testkit retailer at {@code --base-url}:
 * {@code book-receipts} receives each host receipt as one SUPPLIER consignment (stock raised once),
 * {@code push-stock} writes outlet inventory, each under write-then-500 and a "restart" between the
 * write and its ledger confirmation.
 */
class XSeriesWriteFlowAppTest {
  @TempDir
  Path dir;

  LightspeedTestServer server;
  String productA;
  String productB;
  String outlet;
  String supplier;
  long stockA;
  long stockB;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(5).timeSource(new ManualTimeSource()).items(0)
        .sales(0).orders(0).xseriesOutlets(2).xseriesProducts(30).xseriesSales(0).unlimited().build());
    List<String> plain = x().stream("products").filter(p -> p.getBoolean("has_inventory") && !p.getBoolean("is_composite")
        && p.get("deleted_at").isEmpty()).map(TestkitRecord::key).limit(2).toList();
    productA = plain.get(0);
    productB = plain.get(1);
    outlet = x().outletIds().get(1);
    supplier = x().stream("suppliers").filter(s -> s.get("deleted_at").isEmpty()).map(TestkitRecord::key).findFirst()
        .orElseThrow();
    stockA = x().inventoryLevel(productA, outlet);
    stockB = x().inventoryLevel(productB, outlet);
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

  private String receipt(String receiptId, String line, String product, long quantity) {
    return receipt(receiptId, line, product, quantity, outlet);
  }

  private String receipt(String receiptId, String line, String product, long quantity, String at) {
    return "{\"purchaseOrderId\":\"PO-1\",\"receiptId\":\"" + receiptId + "\",\"lineId\":\"" + line + "\",\"skuId\":\""
        + product + "\",\"locationId\":\"" + at + "\",\"quantity\":" + quantity + ",\"supplierId\":\"" + supplier + "\"}";
  }

  private List<TestkitRecord> consignments(String reference) {
    return x().stream("consignments").filter(c -> c.get("reference").orElse("").equals(reference)).toList();
  }

  private void assertReceivedOnce(String reference, long a, long b) {
    assertThat(consignments(reference)).as("one consignment for " + reference).singleElement()
        .satisfies(c -> assertThat(c.require("status")).isEqualTo("RECEIVED"));
    assertThat(x().inventoryLevel(productA, outlet)).as("stock of A raised once").isEqualTo(stockA + a);
    assertThat(x().inventoryLevel(productB, outlet)).as("stock of B raised once").isEqualTo(stockB + b);
  }

  @Test
  void eachReceiptBecomesOneReceivedConsignmentItsLinesShareTheResultAndARerunSendsNothing() {
    Path in = input("receipts.jsonl", receipt("R1", "L1", productA, 3), receipt("R1", "L2", productB, 4),
        receipt("R1", "L3", productB, 1, x().outletIds().get(0)), receipt("R2", "L1", productA, 2),
        "{\"purchaseOrderId\":\"PO-1\"}");

    AppRun first = run("book-receipts", in);
    AppRun second = run("book-receipts", in);

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "DONE", 2, "DONE", 3, "INVALID", 4, "DONE", 5, "INVALID"));
    assertThat(WriteFlowRuns.resultOf(first, 3).get("error").asText()).contains("'locationId' differs from line 1");
    assertThat(WriteFlowRuns.resultOf(first, 1).get("key").asText()).isEqualTo("consignment/PO-1/R1");
    assertThat(statusByLine(second)).containsEntry(1, "ALREADY_DONE").containsEntry(2, "ALREADY_DONE")
        .containsEntry(4, "ALREADY_DONE");
    assertThat(consignments("PO-1/R1")).singleElement().satisfies(c -> assertThat(c.require("supplier_id"))
        .isEqualTo(supplier));
    assertThat(consignments("PO-1/R2")).hasSize(1);
    assertThat(x().inventoryLevel(productA, outlet)).isEqualTo(stockA + 5);
    assertThat(x().inventoryLevel(productB, outlet)).isEqualTo(stockB + 4);
  }

  @Test
  void aConsignmentCreatedThenAnswered500IsCompletedOnceAndRaisesStockOnce() {
    Path in = input("receipts.jsonl", receipt("R1", "L1", productA, 3), receipt("R1", "L2", productB, 4));
    server.injectNext(Fault.APPLY_THEN_500, "POST /api/2.0/consignments");

    AppRun first = run("book-receipts", in);
    AppRun second = run("book-receipts", in);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "RECOVERED", 2, "RECOVERED"));
    assertThat(statusByLine(second)).isEqualTo(Map.of(1, "ALREADY_DONE", 2, "ALREADY_DONE"));
    assertReceivedOnce("PO-1/R1", 3, 4);
  }

  @Test
  void aRestartBetweenReceivedAndItsLedgerConfirmationRaisesStockOnce() {
    Path in = input("receipts.jsonl", receipt("R1", "L1", productA, 3), receipt("R1", "L2", productB, 4));
    WriteFlowCommand.sinkWrapper = sink -> WriteFlowAppTest.dyingAt(sink, "confirmInLedger", "consignment/PO-1/R1");

    AppRun killed = run("book-receipts", in);
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity();
    AppRun restarted = run("book-receipts", in);
    AppRun again = run("book-receipts", in);

    assertThat(killed.exitCode()).isEqualTo(1);
    assertThat(killed.errLines()).hasSize(1);
    assertReceivedOnce("PO-1/R1", 3, 4);
    assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
    assertThat(statusByLine(restarted)).isEqualTo(Map.of(1, "RECOVERED", 2, "RECOVERED"));
    assertThat(statusByLine(again)).isEqualTo(Map.of(1, "ALREADY_DONE", 2, "ALREADY_DONE"));
    assertReceivedOnce("PO-1/R1", 3, 4);
  }

  @Test
  void receiptsDryRunAndReadOnlySendNothing() {
    Path in = input("receipts.jsonl", receipt("R1", "L1", productA, 3));

    AppRun dry = run("book-receipts", in, "--dry-run");
    AppRun readOnly = run("book-receipts", in, "--read-only");

    assertThat(statusByLine(dry)).containsEntry(1, "PLANNED");
    assertThat(statusByLine(readOnly)).containsEntry(1, "SUPPRESSED");
    assertThat(consignments("PO-1/R1")).isEmpty();
    assertThat(statusByLine(run("book-receipts", in))).containsEntry(1, "DONE");
    assertThat(x().inventoryLevel(productA, outlet)).isEqualTo(stockA + 3);
  }

  private String level(String product, long onHand, long allocated) {
    return "{\"skuId\":\"" + product + "\",\"locationId\":\"" + outlet + "\",\"onHand\":" + onHand + ",\"allocated\":"
        + allocated + "}";
  }

  private String outletName(String id) {
    return x().stream("outlets").filter(o -> o.key().equals(id)).findFirst().orElseThrow().require("name");
  }

  @Test
  void withAnOutletMappingPushStockAndBookReceiptsTakeTheHostsWarehouseCodes() {
    String mapping = outletName(x().outletIds().get(0)) + "=WH1," + outletName(outlet) + "=WH2";
    Path stock = input("stock.jsonl", "{\"skuId\":\"" + productA + "\",\"locationId\":\"WH2\",\"onHand\":12,"
        + "\"allocated\":2}", "{\"skuId\":\"" + productB + "\",\"locationId\":\"WH3\",\"onHand\":1}");
    Path receipts = input("receipts.jsonl", receipt("R1", "L1", productB, 3, "WH2"));

    AppRun push = run("push-stock", stock, "--outlet-mapping", mapping);
    AppRun book = run("book-receipts", receipts, "--outlet-mapping", mapping);
    AppRun again = run("book-receipts", receipts, "--outlet-mapping", mapping);

    assertThat(push.exitCode()).as(push.out() + push.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(push)).isEqualTo(Map.of(1, "DONE", 2, "INVALID"));
    assertThat(results(push).get(0).get("error").asText()).contains("'locationId' WH3 is not a warehouse of"
        + " --outlet-mapping (WH1, WH2)");
    assertThat(x().inventoryLevel(productA, outlet)).isEqualTo(10);
    assertThat(book.exitCode()).as(book.out() + book.err()).isZero();
    assertThat(statusByLine(book)).isEqualTo(Map.of(1, "DONE"));
    assertThat(statusByLine(again)).isEqualTo(Map.of(1, "ALREADY_DONE"));
    assertThat(consignments("PO-1/R1")).singleElement().satisfies(c -> assertThat(c.require("outlet_id"))
        .isEqualTo(outlet));
    assertThat(x().inventoryLevel(productB, outlet)).isEqualTo(stockB + 3);
  }

  @Test
  void pushStockWritesOutletInventoryThenOnlyChangesAndA500IsPushedAgainWithTheSameValue() {
    AppRun first = run("push-stock", input("s1.jsonl", level(productA, 12, 2), level(productB, 4, 0), "{\"skuId\":1}"));
    AppRun second = run("push-stock", input("s2.jsonl", level(productA, 12, 2), level(productB, 4, 0)));
    server.injectNext(Fault.APPLY_THEN_500, "PUT /api/2.1/products/");
    AppRun third = run("push-stock", input("s3.jsonl", level(productA, 6, 0)), "--max-attempts", "1");
    AppRun fourth = run("push-stock", input("s4.jsonl", level(productA, 6, 0)));

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "DONE", 2, "DONE", 3, "INVALID"));
    assertThat(statusByLine(second)).isEqualTo(Map.of(1, "UNCHANGED", 2, "UNCHANGED"));
    assertThat(third.exitCode()).isEqualTo(1);
    assertThat(statusByLine(third)).containsEntry(1, "PENDING");
    // the write was applied: the next run reads the level, finds it and sends nothing
    assertThat(statusByLine(fourth)).containsEntry(1, "ALREADY_DONE");
    assertThat(x().inventoryLevel(productA, outlet)).isEqualTo(6);
    assertThat(x().inventoryLevel(productB, outlet)).isEqualTo(4);
  }

  private String buyOrder(String id) {
    return "{\"id\":\"" + id + "\",\"supplierId\":\"" + supplier + "\",\"lines\":[{\"skuId\":\"" + productA
        + "\",\"quantity\":12},{\"lineId\":\"9\",\"skuId\":\"" + productB + "\",\"quantity\":4}]}";
  }

  @Test
  @org.junit.jupiter.api.DisplayName("001 on X-Series: each buy order becomes one OPEN supplier consignment at the"
      + " default outlet, and a rerun sends nothing")
  void exportBuyOrdersMakesEachBuyOrderOneOpenSupplierConsignmentOnce() {
    Path in = input("buy.jsonl", buyOrder("BO-1"), "{\"id\":\"BO-2\",\"lines\":[{\"skuId\":\"" + productA
        + "\",\"quantity\":0}]}");

    AppRun first = run("export-buy-orders", in, "--default-location", outletName(outlet));
    AppRun second = run("export-buy-orders", in, "--default-location", outletName(outlet));

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(results(first).stream().filter(r -> r.get("line").asInt() == 1).map(r -> r.get("kind").asText()
        + " " + r.get("status").asText()).toList())
        .containsExactly("BUY_ORDER DONE", "BUY_ORDER_LINE DONE", "BUY_ORDER_LINE DONE");
    assertThat(results(first).stream().filter(r -> r.get("line").asInt() == 2).map(r -> r.get("status").asText()))
        .containsExactly("INVALID");
    assertThat(results(second).stream().filter(r -> r.get("line").asInt() == 1).map(r -> r.get("status").asText()))
        .containsOnly("ALREADY_DONE");
    assertThat(consignments("BO-1")).singleElement().satisfies(c -> {
      assertThat(c.require("status")).isEqualTo("OPEN");
      assertThat(c.require("outlet_id")).isEqualTo(outlet);
      assertThat(c.require("supplier_id")).isEqualTo(supplier);
      assertThat(x().consignmentProducts(c.key())).hasSize(2);
    });
    assertThat(x().inventoryLevel(productA, outlet)).as("an order books no stock").isEqualTo(stockA);
  }

  @Test
  @org.junit.jupiter.api.DisplayName("001 on X-Series: a wrong-case default outlet sends nothing and names the near"
      + " match")
  void aWrongCaseDefaultOutletSendsNothing() {
    Path in = input("buy.jsonl", buyOrder("BO-1"));
    String wrongCase = outletName(outlet).toUpperCase(java.util.Locale.ROOT);
    assertThat(x().stream("outlets").map(o -> o.require("name"))).doesNotContain(wrongCase);

    AppRun run = run("export-buy-orders", in, "--default-location", wrongCase);

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.SETTINGS_MISMATCH);
    // two outlets are "Main Street" and "main street": the near match is one of them, never a guess
    assertThat(run.errLines()).singleElement().asString().startsWith("error: ").contains("'" + wrongCase + "'")
        .contains("case-sensitive").containsPattern("did you mean '(Main Street|main street)'");
    assertThat(consignments("BO-1")).isEmpty();
  }
}
