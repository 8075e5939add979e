package dev.lightspeedsync.examples.app;

import static dev.lightspeedsync.examples.app.WriteFlowRuns.results;
import static dev.lightspeedsync.examples.app.WriteFlowRuns.statusByLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-flow subcommands ({@code book-receipts}, {@code export-orders}) against a testkit
 * account at {@code --base-url}: JSON lines in, one JSON line per result out, invalid lines named by
 * number while the valid ones are processed, exactly once across reruns (the ledger is in
 * {@code --db}), under write-then-500 and a "restart" between the write and its ledger confirmation.
 */
class WriteFlowAppTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  LightspeedTestServer server;
  long itemA;
  long itemB;
  String register;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(5).shops(2).items(40).sales(0).orders(0)
        .products(1).ecomOrders(0).timeSource(new ManualTimeSource()).unlimited().build());
    List<Long> items = server.retail().stream("Item").filter(r -> !r.getBoolean("archived")
        && r.require("itemType").equals("default")).limit(2).map(r -> r.id()).toList();
    itemA = items.get(0);
    itemB = items.get(1);
    register = Long.toString(server.retail().stream("Register").findFirst().orElseThrow().id());
  }

  @AfterEach
  void stop() {
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity();
    server.close();
  }

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("writes").toAbsolutePath();
  }

  private Path input(String name, String... lines) {
    return WriteFlowRuns.input(dir, name, lines);
  }

  private AppRun run(String command, Path in, String... extra) {
    RetailCredentials c = server.retailCredentials();
    List<String> args = new ArrayList<>(List.of(command, "--in", in.toString(), "--base-url",
        server.retailBaseUrl().toString(), "--account-id", Long.toString(c.accountId()), "--client-id", c.clientId(),
        "--client-secret", c.clientSecret(), "--refresh-token", c.refreshToken(), "--access-token", c.accessToken(),
        "--db", db()));
    if (command.equals("export-orders")) {
      args.addAll(List.of("--employee-id", "1", "--register-id", register, "--payment-type-id", "1"));
    }
    args.addAll(List.of(extra));
    return AppRun.of(args.toArray(String[]::new));
  }

  private String receipt(String receiptId, String line, long item, long quantity) {
    return "{\"purchaseOrderId\":\"PO-1\",\"receiptId\":\"" + receiptId + "\",\"lineId\":\"" + line + "\",\"skuId\":\""
        + item + "\",\"locationId\":\"1\",\"quantity\":" + quantity + "}";
  }

  private long qoh(long item) {
    return server.retail().qoh(item, 1);
  }

  @Test
  void bookReceiptsRaisesStockOnceReportsInvalidLinesByNumberAndARerunBooksNothing() {
    long a = qoh(itemA);
    long b = qoh(itemB);
    Path in = input("receipts.jsonl", receipt("R1", "L1", itemA, 3), receipt("R1", "L2", itemB, -1), "",
        receipt("R1", "L3", itemB, 2), "not json", "{\"purchaseOrderId\":\"PO-1\",\"receiptId\":\"R1\",\"lineId\":\"L4\","
            + "\"skuId\":\"" + itemB + "\",\"locationId\":\"1\",\"quantty\":1}");

    AppRun first = run("book-receipts", in);
    AppRun second = run("book-receipts", in);

    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "DONE", 2, "INVALID", 4, "DONE", 5, "INVALID", 6, "INVALID"));
    assertThat(first.errLines()).singleElement().asString()
        .contains("3 of 5 input lines are invalid (line 2, 5, 6").contains("the valid ones were processed");
    assertThat(results(first).stream().filter(r -> r.get("line").asInt() == 6).findFirst().orElseThrow().get("error")
        .asText()).contains("unknown field 'quantty'");
    assertThat(qoh(itemA)).isEqualTo(a + 3);
    assertThat(qoh(itemB)).isEqualTo(b + 2);
    assertThat(statusByLine(second)).containsEntry(1, "ALREADY_DONE").containsEntry(4, "ALREADY_DONE");
    assertThat(qoh(itemA)).isEqualTo(a + 3);
    assertThat(qoh(itemB)).isEqualTo(b + 2);
    assertThat(first.out() + first.err()).doesNotContain(server.retailCredentials().clientSecret());
  }

  @Test
  void aReceiptWrittenThenAnswered500RaisesStockOnce() {
    long a = qoh(itemA);
    Path in = input("receipts.jsonl", receipt("R1", "L1", itemA, 3));
    server.injectNext(Fault.APPLY_THEN_500, "PUT /API/V3/Account/" + server.retailCredentials().accountId() + "/Item/");

    AppRun first = run("book-receipts", in);
    AppRun second = run("book-receipts", in);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(statusByLine(first)).containsEntry(1, "RECOVERED");
    assertThat(statusByLine(second)).containsEntry(1, "ALREADY_DONE");
    assertThat(qoh(itemA)).isEqualTo(a + 3);
  }

  @Test
  void aRestartBetweenTheStockWriteAndItsLedgerConfirmationRaisesStockOnce() {
    long a = qoh(itemA);
    Path in = input("receipts.jsonl", receipt("R1", "L1", itemA, 3));
    WriteFlowCommand.sinkWrapper = sink -> dyingAt(sink, "confirmInLedger", "receipt/PO-1/R1/L1");

    AppRun killed = run("book-receipts", in);
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity(); // the process is started again
    AppRun restarted = run("book-receipts", in);
    AppRun again = run("book-receipts", in);

    assertThat(killed.exitCode()).isEqualTo(1);
    assertThat(killed.errLines()).hasSize(1);
    assertThat(qoh(itemA)).isEqualTo(a + 3);
    assertThat(restarted.exitCode()).as(restarted.err()).isZero();
    assertThat(statusByLine(restarted)).containsEntry(1, "RECOVERED");
    assertThat(statusByLine(again)).containsEntry(1, "ALREADY_DONE");
    assertThat(qoh(itemA)).isEqualTo(a + 3);
  }

  @Test
  void aDryRunPlansAndWritesNothingAndReadOnlySuppressesEveryWrite() {
    long a = qoh(itemA);
    Path in = input("receipts.jsonl", receipt("R1", "L1", itemA, 3));

    AppRun dry = run("book-receipts", in, "--dry-run");
    AppRun readOnly = run("book-receipts", in, "--read-only");
    assertThat(qoh(itemA)).isEqualTo(a);
    AppRun real = run("book-receipts", in);

    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(statusByLine(dry)).containsEntry(1, "PLANNED");
    assertThat(readOnly.exitCode()).as(readOnly.err()).isZero();
    assertThat(statusByLine(readOnly)).containsEntry(1, "SUPPRESSED");
    assertThat(statusByLine(real)).containsEntry(1, "DONE"); // neither the dry run nor read-only claimed it
    assertThat(qoh(itemA)).isEqualTo(a + 3);
  }

  private String order(String id, String paid) {
    return "{\"id\":\"" + id + "\",\"placedAt\":\"2026-05-01T10:00:00Z\",\"total\":\"21.60\",\"amountPaid\":\"" + paid
        + "\",\"lines\":[{\"skuId\":\"" + itemA + "\",\"quantity\":2,\"unitPrice\":\"10.00\"}]}";
  }

  private long salesWithReference(String ref) {
    return server.retail().stream("Sale").filter(s -> s.get("referenceNumber").orElse("").equals(ref)).count();
  }

  @Test
  void exportOrdersMakesEachBalancedOrderOneSaleAndLeavesOutUnpaidOnes() {
    Path in = input("orders.jsonl", order("W-1", "21.60"), order("W-2", "5.00"),
        order("W-3", "21.60").replaceFirst("\"lines\":\\[.*\\]", "\"lines\":[]"),
        order("W-4", "21.60").replaceFirst("\"lines\":\\[\\{", "\"lines\":[7,{"));

    AppRun first = run("export-orders", in);
    AppRun second = run("export-orders", in);

    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "DONE", 2, "LEFT_OUT", 3, "INVALID", 4, "INVALID"));
    assertThat(results(first).stream().filter(r -> r.get("status").asText().equals("INVALID"))
        .map(r -> r.get("line").asInt() + ": " + r.get("error").asText()))
        .containsExactly("3: 'lines' must be a non-empty array", "4: lines[1] must be an object");
    assertThat(salesWithReference("W-4")).as("an invalid order sends nothing").isZero();
    String saleId = Long.toString(server.retail().stream("Sale").filter(s -> s.get("referenceNumber").orElse("")
        .equals("W-1")).findFirst().orElseThrow().id());
    assertThat(results(first).stream().filter(r -> r.get("line").asInt() == 1).findFirst().orElseThrow()
        .get("externalId").asText()).isEqualTo(saleId);
    assertThat(statusByLine(second)).containsEntry(1, "ALREADY_DONE");
    assertThat(salesWithReference("W-1")).isEqualTo(1);
    assertThat(salesWithReference("W-2")).isZero();
  }

  @Test
  void anOrderWrittenThenAnswered500OrInterruptedBeforeItsLedgerConfirmationIsOneSale() {
    Path in = input("orders.jsonl", order("W-1", "21.60"), order("W-2", "21.60"));
    server.injectNext(Fault.APPLY_THEN_500, "POST /API/V3/Account/" + server.retailCredentials().accountId() + "/Sale");
    WriteFlowCommand.sinkWrapper = sink -> dyingAt(sink, "confirmInLedger", "W-2");

    AppRun killed = run("export-orders", in);
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity();
    AppRun restarted = run("export-orders", in);
    AppRun again = run("export-orders", in);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(killed.exitCode()).isEqualTo(1);
    assertThat(restarted.exitCode()).as(restarted.err()).isZero();
    assertThat(statusByLine(restarted).get(2)).isEqualTo("RECOVERED");
    assertThat(statusByLine(again)).isEqualTo(Map.of(1, "ALREADY_DONE", 2, "ALREADY_DONE"));
    assertThat(salesWithReference("W-1")).isEqualTo(1);
    assertThat(salesWithReference("W-2")).isEqualTo(1);
  }

  private String stock(long item, long onHand, long allocated) {
    return "{\"skuId\":\"" + item + "\",\"locationId\":\"1\",\"onHand\":" + onHand + ",\"allocated\":" + allocated + "}";
  }

  @Test
  void pushStockWritesTheAvailableFiguresAndThenOnlyTheChangedOnes() {
    AppRun first = run("push-stock", input("stock1.jsonl", stock(itemA, 12, 2), stock(itemB, 5, 0), "{\"skuId\":\"1\"}"));
    AppRun second = run("push-stock", input("stock2.jsonl", stock(itemA, 12, 2), stock(itemB, 5, 0)));
    AppRun third = run("push-stock", input("stock3.jsonl", stock(itemA, 7, 0), stock(itemB, 5, 0)));

    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "DONE", 2, "DONE", 3, "INVALID"));
    assertThat(statusByLine(second)).isEqualTo(Map.of(1, "UNCHANGED", 2, "UNCHANGED"));
    assertThat(statusByLine(third)).isEqualTo(Map.of(1, "DONE", 2, "UNCHANGED"));
    assertThat(qoh(itemA)).isEqualTo(7);
    assertThat(qoh(itemB)).isEqualTo(5);
  }

  @Test
  void pushStockWithAnOutletMappingTakesTheHostsWarehouseCodesAndRefusesAnUnmappedOne() {
    List<dev.lightspeedsync.testkit.TestkitRecord> shops = server.retail().stream("Shop").toList();
    String mapping = shops.get(0).require("name") + "=WH-A," + shops.get(1).require("name") + "=WH-B";
    long shopB = shops.get(1).id();
    Path in = input("stock.jsonl",
        "{\"skuId\":\"" + itemA + "\",\"locationId\":\"WH-A\",\"onHand\":7}",
        "{\"skuId\":\"" + itemB + "\",\"locationId\":\"WH-B\",\"onHand\":5,\"allocated\":1}",
        "{\"skuId\":\"" + itemB + "\",\"locationId\":\"" + shopB + "\",\"onHand\":9}");

    AppRun first = run("push-stock", in, "--outlet-mapping", mapping);
    AppRun second = run("push-stock", in, "--outlet-mapping", mapping);

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "DONE", 2, "DONE", 3, "INVALID"));
    assertThat(WriteFlowRuns.resultOf(first, 3).get("error").asText()).contains("is not a warehouse of --outlet-mapping (WH-A, WH-B)");
    // the key names the shop the warehouse maps to
    assertThat(WriteFlowRuns.resultOf(first, 2).get("key").asText()).isEqualTo(itemB + "@" + shopB);
    assertThat(qoh(itemA)).isEqualTo(7);
    assertThat(server.retail().qoh(itemB, shopB)).isEqualTo(4);
    assertThat(statusByLine(second)).containsEntry(1, "UNCHANGED").containsEntry(2, "UNCHANGED");
  }

  @Test
  void anOutletMappingNamingNoShopStopsTheWriteFlowBeforeAnythingIsWritten() {
    long a = qoh(itemA);
    String name = server.retail().stream("Shop").findFirst().orElseThrow().require("name");
    Path in = input("stock.jsonl", "{\"skuId\":\"" + itemA + "\",\"locationId\":\"WH-A\",\"onHand\":" + (a + 3) + "}");

    AppRun run = run("push-stock", in, "--outlet-mapping", name.toUpperCase(java.util.Locale.ROOT) + "=WH-A");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.SETTINGS_MISMATCH);
    assertThat(run.errLines()).singleElement().asString().contains("did you mean '" + name + "'")
        .contains("nothing was written");
    assertThat(qoh(itemA)).isEqualTo(a);
  }

  @Test
  void aStockPushWrittenThenAnswered500IsPushedAgainWithTheSameAbsoluteValue() {
    server.injectNext(Fault.APPLY_THEN_500, "PUT /API/V3/Account/" + server.retailCredentials().accountId() + "/Item/");
    Path in = input("stock.jsonl", stock(itemA, 9, 0));

    AppRun first = run("push-stock", in, "--max-attempts", "1");
    AppRun second = run("push-stock", in);
    AppRun third = run("push-stock", in);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(first.exitCode()).as(first.out()).isEqualTo(1);
    assertThat(statusByLine(first)).containsEntry(1, "PENDING"); // outcome unknown: not remembered as pushed
    assertThat(statusByLine(second)).containsEntry(1, "DONE");
    assertThat(statusByLine(third)).containsEntry(1, "UNCHANGED");
    assertThat(qoh(itemA)).isEqualTo(9); // absolute: the same figure, never added twice
  }

  @Test
  void pushStockDryRunAndReadOnlyWriteNothing() {
    long a = qoh(itemA);
    Path in = input("stock.jsonl", stock(itemA, a + 4, 0));

    AppRun dry = run("push-stock", in, "--dry-run");
    AppRun readOnly = run("push-stock", in, "--read-only");

    assertThat(statusByLine(dry)).containsEntry(1, "PLANNED");
    assertThat(statusByLine(readOnly)).containsEntry(1, "SUPPRESSED");
    assertThat(qoh(itemA)).isEqualTo(a);
    assertThat(statusByLine(run("push-stock", in))).containsEntry(1, "DONE"); // the dry run remembered nothing
    assertThat(qoh(itemA)).isEqualTo(a + 4);
  }

  private long customersNamed(String lastName) {
    return server.retail().stream("Customer").filter(c -> lastName.equals(c.get("lastName").orElse(null))).count();
  }

  @Test
  void exportCustomersCreatesEachCustomerOnceUnderWriteThen500AndARestartBeforeItsLedgerConfirmation() {
    Path in = input("customers.jsonl",
        "{\"id\":\"C-1\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\"}",
        "{\"id\":\"C-2\",\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"email\":\"grace@example.com\"}",
        "{\"id\":\"C-3\",\"lastName\":7}");
    server.injectNext(Fault.APPLY_THEN_500, "POST /API/V3/Account/" + server.retailCredentials().accountId() + "/Customer");
    WriteFlowCommand.sinkWrapper = sink -> dyingAt(sink, "confirmInLedger", "customer:C-2");

    AppRun killed = run("export-customers", in);
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity();
    AppRun restarted = run("export-customers", in);
    AppRun again = run("export-customers", in);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(killed.exitCode()).isEqualTo(1);
    assertThat(restarted.exitCode()).as(restarted.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(restarted)).containsEntry(3, "INVALID");
    assertThat(statusByLine(again).get(1)).isIn("ALREADY_DONE", "DONE");
    assertThat(customersNamed("Lovelace")).isEqualTo(1);
    assertThat(customersNamed("Hopper")).isEqualTo(1);
  }

  private long itemsWithCustomSku(String code) {
    return server.retail().stream("Item").filter(r -> code.equals(r.get("customSku").orElse(null))).count();
  }

  @Test
  void exportProductsCreatesEachProductOnceUnderWriteThen500AndARestartBeforeItsLedgerConfirmation() {
    Path in = input("products.jsonl",
        "{\"id\":\"P-1\",\"sku\":\"HOST-MUG-1\",\"name\":\"Blue mug\",\"prices\":{\"Default\":\"12.50\"}}",
        "{\"id\":\"P-2\",\"sku\":\"HOST-MUG-2\",\"name\":\"Red mug\"}",
        "{\"id\":\"P-3\",\"sku\":\"HOST-MUG-3\",\"name\":\"Green mug\",\"prices\":{\"Default\":\"cheap\"}}");
    server.injectNext(Fault.APPLY_THEN_500, "POST /API/V3/Account/" + server.retailCredentials().accountId() + "/Item");
    WriteFlowCommand.sinkWrapper = sink -> dyingAt(sink, "confirmInLedger", "product:P-2");

    AppRun killed = run("export-products", in);
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity();
    AppRun restarted = run("export-products", in);
    AppRun again = run("export-products", in);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(killed.exitCode()).isEqualTo(1);
    assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(restarted)).containsEntry(3, "INVALID");
    assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(itemsWithCustomSku("HOST-MUG-1")).isEqualTo(1);
    assertThat(itemsWithCustomSku("HOST-MUG-2")).isEqualTo(1);
    assertThat(itemsWithCustomSku("HOST-MUG-3")).isZero();
  }

  private String buyOrder(String id) {
    return "{\"id\":\"" + id + "\",\"lines\":[{\"skuId\":\"" + itemA + "\",\"quantity\":12},{\"lineId\":\"B\",\"skuId\":\""
        + itemB + "\",\"quantity\":3}]}";
  }

  private List<dev.lightspeedsync.testkit.TestkitRecord> ordersWithRef(String ref) {
    return server.retail().stream("Order").filter(o -> ref.equals(o.get("refNum").orElse(null))).toList();
  }

  private String firstShop() {
    return server.retail().stream("Shop").findFirst().orElseThrow().require("name");
  }

  @Test
  void exportBuyOrdersCreatesEachOrderOnceAtTheDefaultLocationAndReportsInvalidLines() {
    Path in = input("buy.jsonl", buyOrder("BO-1"), "{\"id\":\"BO-2\",\"lines\":[{\"skuId\":\"" + itemA
        + "\",\"quantity\":0}]}");

    AppRun first = run("export-buy-orders", in, "--default-location", firstShop());
    AppRun second = run("export-buy-orders", in, "--default-location", firstShop());

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(results(first).stream().filter(r -> r.get("line").asInt() == 1).map(r -> r.get("kind").asText()
        + " " + r.get("status").asText()).toList())
        .containsExactly("BUY_ORDER DONE", "BUY_ORDER_LINE DONE", "BUY_ORDER_LINE DONE");
    assertThat(results(first).stream().filter(r -> r.get("line").asInt() == 2).map(r -> r.get("status").asText()))
        .containsExactly("INVALID");
    assertThat(results(second).stream().filter(r -> r.get("line").asInt() == 1).map(r -> r.get("status").asText()))
        .containsOnly("ALREADY_DONE");
    assertThat(ordersWithRef("BO-1")).singleElement().satisfies(o -> assertThat(o.require("shopID"))
        .isEqualTo(Long.toString(server.retail().stream("Shop").findFirst().orElseThrow().id())));
  }

  @Test
  @org.junit.jupiter.api.DisplayName("001: 'My Buy Orders are failing to export': a wrong-case default location sends nothing and names the near match")
  void aWrongCaseDefaultLocationFailsNamingTheNearMatch() {
    Path in = input("buy.jsonl", buyOrder("BO-1"));
    String wrongCase = firstShop().toUpperCase(java.util.Locale.ROOT);
    assertThat(server.retail().stream("Shop").map(r -> r.require("name"))).doesNotContain(wrongCase);

    AppRun run = run("export-buy-orders", in, "--default-location", wrongCase);

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.SETTINGS_MISMATCH);
    assertThat(run.errLines()).singleElement().asString().startsWith("error: ").contains("'" + firstShop() + "'");
    assertThat(ordersWithRef("BO-1")).isEmpty();
  }

  @Test
  void aBuyOrderCreatedThenAnswered500IsFoundByItsRefNumAndNotCreatedAgain() {
    Path in = input("buy.jsonl", buyOrder("BO-1"));
    server.injectNext(Fault.APPLY_THEN_500, "POST /API/V3/Account/" + server.retailCredentials().accountId() + "/Order.json");

    AppRun first = run("export-buy-orders", in, "--default-location", firstShop(), "--max-attempts", "1");
    AppRun second = run("export-buy-orders", in, "--default-location", firstShop());

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    assertThat(ordersWithRef("BO-1")).hasSize(1);
    assertThat(server.retail().stream("OrderLine").filter(l -> l.require("orderID")
        .equals(Long.toString(ordersWithRef("BO-1").get(0).id())))).hasSize(2);
  }

  @Test
  void standardInputIsReadWithInDash() {
    long a = qoh(itemA);
    java.io.InputStream original = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream((receipt("R9", "L1", itemA, 2) + "\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      AppRun run = run("book-receipts", Path.of("-"));
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(statusByLine(run)).isEqualTo(Map.of(1, "DONE"));
    } finally {
      System.setIn(original);
    }
    assertThat(qoh(itemA)).isEqualTo(a + 2);
  }

  @Test
  void usageErrorsAreOneLineWithoutTheValue() {
    Path in = input("orders.jsonl", order("W-1", "21.60"));
    RetailCredentials c = server.retailCredentials();

    AppRun badEmployee = AppRun.of("export-orders", "--in", in.toString(), "--employee-id", "x-S3CRET", "--register-id",
        "1", "--payment-type-id", "1", "--db", db());
    AppRun missingFile = AppRun.of("book-receipts", "--in", dir.resolve("nope-S3CRET").toString(), "--db", db());
    AppRun noCredentials = AppRun.of("book-receipts", "--in", in.toString(), "--base-url", server.retailBaseUrl().toString(),
        "--db", db());

    assertThat(badEmployee.exitCode()).isEqualTo(2);
    assertThat(badEmployee.errLines()).singleElement().asString().contains("--employee-id must be").doesNotContain("S3CRET");
    assertThat(missingFile.exitCode()).isEqualTo(2);
    assertThat(missingFile.errLines()).singleElement().asString().contains("--in: the file does not exist")
        .doesNotContain("S3CRET");
    assertThat(noCredentials.exitCode()).isEqualTo(2);
    assertThat(noCredentials.errLines()).singleElement().asString().contains("needs --account-id");
    assertThat(c).isNotNull();
  }

  /** A sink whose first {@code method} call for {@code key} "kills the process" before it reaches the database. */
  static SyncSink dyingAt(SyncSink delegate, String method, String key) {
    boolean[] fired = {false};
    return (SyncSink) Proxy.newProxyInstance(SyncSink.class.getClassLoader(), new Class<?>[] {SyncSink.class},
        (proxy, m, args) -> {
          if (!fired[0] && m.getName().equals(method) && args != null && args.length >= 2 && key.equals(args[1])) {
            fired[0] = true;
            throw new IllegalStateException("simulated process kill");
          }
          try {
            return m.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
