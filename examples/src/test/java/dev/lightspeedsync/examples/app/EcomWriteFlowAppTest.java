package dev.lightspeedsync.examples.app;

import static dev.lightspeedsync.examples.app.WriteFlowRuns.results;
import static dev.lightspeedsync.examples.app.WriteFlowRuns.statusByLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
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
 * The write flows on {@code --platform ecom} against a testkit webshop at {@code --base-url}:
 * {@code book-receipts} (variant stock raised once), {@code push-stock} (variant stock levels, then
 * only the changed ones) and {@code ship-orders} (tracking code and order status, once), each under
 * write-then-500 and a "restart" between the write and its ledger confirmation.
 */
class EcomWriteFlowAppTest {
  @TempDir
  Path dir;

  LightspeedTestServer server;
  long variantA;
  long variantB;
  long order;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(11).timeSource(new ManualTimeSource()).items(0)
        .sales(0).orders(0).products(20).ecomOrders(60).unlimited().build());
    List<Long> variants = server.ecom().stream("variants").filter(v -> v.require("stockTracking").equals("enabled"))
        .limit(2).map(TestkitRecord::id).toList();
    variantA = variants.get(0);
    variantB = variants.get(1);
    server.ecom().setVariantStock(variantA, 5);
    server.ecom().setVariantStock(variantB, 7);
    order = server.ecom().stream("orders").filter(o -> o.require("shipmentStatus").equals("not_shipped")
        && !o.require("status").startsWith("completed") && !o.require("status").equals("cancelled"))
        .findFirst().orElseThrow().id();
  }

  @AfterEach
  void stop() {
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity();
    server.close();
  }

  private Path input(String name, String... lines) {
    return WriteFlowRuns.input(dir, name, lines);
  }

  private AppRun run(String command, Path in, String... extra) {
    EcomCredentials c = server.ecomCredentials();
    List<String> args = new ArrayList<>(List.of(command, "--platform", "ecom", "--in", in.toString(), "--base-url",
        server.ecomBaseUrl().toString(), "--api-key", c.apiKey(), "--api-secret", c.apiSecret(), "--language",
        c.language(), "--db", "jdbc:h2:file:" + dir.resolve("writes").toAbsolutePath()));
    args.addAll(List.of(extra));
    return AppRun.of(args.toArray(String[]::new));
  }

  private long stock(long variant) {
    return server.ecom().get("variants", variant).orElseThrow().getLong("stockLevel");
  }

  private static String receipt(String receiptId, String line, long variant, long quantity) {
    return "{\"purchaseOrderId\":\"PO-1\",\"receiptId\":\"" + receiptId + "\",\"lineId\":\"" + line + "\",\"skuId\":\""
        + variant + "\",\"locationId\":\"webshop\",\"quantity\":" + quantity + "}";
  }

  private long variantPuts() {
    return server.inspect().requests("PUT variants/{id}.json");
  }

  @Test
  void bookReceiptsRaisesVariantStockOnceAndARerunBooksNothing() {
    Path in = input("receipts.jsonl", receipt("R1", "L1", variantA, 3), receipt("R1", "L2", variantB, 0),
        receipt("R1", "L3", variantB, 2));

    AppRun first = run("book-receipts", in);
    AppRun second = run("book-receipts", in);

    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "DONE", 2, "INVALID", 3, "DONE"));
    assertThat(first.errLines()).singleElement().asString().contains("1 of 3 input lines are invalid (line 2");
    assertThat(statusByLine(second)).isEqualTo(Map.of(1, "ALREADY_DONE", 2, "INVALID", 3, "ALREADY_DONE"));
    assertThat(stock(variantA)).isEqualTo(8);
    assertThat(stock(variantB)).isEqualTo(9);
    assertThat(first.out() + first.err()).doesNotContain(server.ecomCredentials().apiSecret());
  }

  @Test
  void aReceiptWrittenThenAnswered500RaisesStockOnce() {
    Path in = input("receipts.jsonl", receipt("R1", "L1", variantA, 3));
    server.injectNext(Fault.APPLY_THEN_500, "PUT /" + server.ecomCredentials().language() + "/variants/");

    AppRun first = run("book-receipts", in);
    AppRun second = run("book-receipts", in);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(statusByLine(first)).containsEntry(1, "RECOVERED");
    assertThat(statusByLine(second)).containsEntry(1, "ALREADY_DONE");
    assertThat(stock(variantA)).isEqualTo(8);
  }

  @Test
  void aRestartBetweenTheStockWriteAndItsLedgerConfirmationRaisesStockOnce() {
    Path in = input("receipts.jsonl", receipt("R1", "L1", variantA, 3));
    WriteFlowCommand.sinkWrapper = sink -> WriteFlowAppTest.dyingAt(sink, "confirmInLedger", "receipt/PO-1/R1/L1");

    AppRun killed = run("book-receipts", in);
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity();
    AppRun restarted = run("book-receipts", in);
    AppRun again = run("book-receipts", in);

    assertThat(killed.exitCode()).isEqualTo(1);
    assertThat(killed.errLines()).hasSize(1);
    assertThat(stock(variantA)).isEqualTo(8);
    assertThat(restarted.exitCode()).as(restarted.err()).isZero();
    assertThat(statusByLine(restarted)).containsEntry(1, "RECOVERED");
    assertThat(statusByLine(again)).containsEntry(1, "ALREADY_DONE");
    assertThat(stock(variantA)).isEqualTo(8);
  }

  @Test
  void receiptsDryRunAndReadOnlyWriteNothing() {
    Path in = input("receipts.jsonl", receipt("R1", "L1", variantA, 3));

    AppRun dry = run("book-receipts", in, "--dry-run");
    AppRun readOnly = run("book-receipts", in, "--read-only");

    assertThat(statusByLine(dry)).containsEntry(1, "PLANNED");
    assertThat(statusByLine(readOnly)).containsEntry(1, "SUPPRESSED");
    assertThat(variantPuts()).isZero();
    assertThat(statusByLine(run("book-receipts", in))).containsEntry(1, "DONE");
    assertThat(stock(variantA)).isEqualTo(8);
  }

  private static String level(long variant, long onHand, long allocated) {
    return "{\"skuId\":\"" + variant + "\",\"locationId\":\"webshop\",\"onHand\":" + onHand + ",\"allocated\":"
        + allocated + "}";
  }

  @Test
  void pushStockWritesTheAvailableFiguresThenOnlyTheChangedOnesAndA500IsPushedAgain() {
    AppRun first = run("push-stock", input("s1.jsonl", level(variantA, 12, 2), level(variantB, 4, 0)));
    AppRun second = run("push-stock", input("s2.jsonl", level(variantA, 12, 2), level(variantB, 4, 0)));
    server.injectNext(Fault.APPLY_THEN_500, "PUT /" + server.ecomCredentials().language() + "/variants/");
    AppRun third = run("push-stock", input("s3.jsonl", level(variantA, 6, 0), level(variantB, 4, 0)), "--max-attempts", "1");
    AppRun fourth = run("push-stock", input("s4.jsonl", level(variantA, 6, 0), level(variantB, 4, 0)));

    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "DONE", 2, "DONE"));
    assertThat(statusByLine(second)).isEqualTo(Map.of(1, "UNCHANGED", 2, "UNCHANGED"));
    assertThat(third.exitCode()).isEqualTo(1);
    assertThat(statusByLine(third)).containsEntry(1, "PENDING").containsEntry(2, "UNCHANGED");
    assertThat(statusByLine(fourth)).containsEntry(1, "DONE");
    assertThat(stock(variantA)).isEqualTo(6);
    assertThat(stock(variantB)).isEqualTo(4);
  }

  private TestkitRecord orderNow() {
    return server.ecom().get("orders", order).orElseThrow();
  }

  private TestkitRecord shipmentNow() {
    return server.ecom().stream("shipments").filter(s -> s.require("order").equals(Long.toString(order))).findFirst()
        .orElseThrow();
  }

  private void assertShippedOnce() {
    assertThat(shipmentNow().require("status")).isEqualTo("shipped");
    assertThat(shipmentNow().require("trackingCode")).isEqualTo("3SPICQ0001");
    assertThat(orderNow().require("status")).isEqualTo("completed_shipped");
    assertThat(server.inspect().requests("PUT shipments/{id}.json")).isEqualTo(1);
    assertThat(server.inspect().requests("PUT orders/{id}.json")).isEqualTo(1);
  }

  private String shipment(String id) {
    return "{\"id\":\"" + id + "\",\"orderId\":\"" + order + "\",\"trackingCode\":\"3SPICQ0001\",\"notifyCustomer\":true}";
  }

  @Test
  void shipOrdersSendsTheTrackingCodeAndStatusOnceAndReportsInvalidLines() {
    Path in = input("shipments.jsonl", shipment("S-1"), "{\"id\":\"S-2\",\"orderId\":\"x\",\"trackingCode\":\"T\"}",
        "{\"id\":\"S-3\",\"orderId\":\"" + order + "\",\"trackingCode\":\"T\",\"notifyCustomer\":\"yes\"}");

    AppRun first = run("ship-orders", in);
    AppRun second = run("ship-orders", in);

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(statusByLine(first)).isEqualTo(Map.of(1, "DONE", 2, "INVALID", 3, "INVALID"));
    assertThat(results(first).stream().filter(r -> r.get("line").asInt() == 3).findFirst().orElseThrow().get("error")
        .asText()).contains("'notifyCustomer' must be true or false");
    assertThat(statusByLine(second)).containsEntry(1, "ALREADY_DONE");
    assertShippedOnce();
    assertThat(shipmentNow().require("doNotifyShipped")).isEqualTo("true");
  }

  @Test
  void aShipmentWrittenThenAnswered500OrInterruptedBeforeItsLedgerConfirmationIsSentOnce() {
    Path in = input("shipments.jsonl", shipment("S-1"));
    server.injectNext(Fault.APPLY_THEN_500, "PUT /" + server.ecomCredentials().language() + "/shipments/");
    WriteFlowCommand.sinkWrapper = sink -> WriteFlowAppTest.dyingAt(sink, "confirmInLedger", "shipment/S-1");

    AppRun killed = run("ship-orders", in);
    WriteFlowCommand.sinkWrapper = UnaryOperator.identity();
    AppRun restarted = run("ship-orders", in);
    AppRun again = run("ship-orders", in);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(killed.exitCode()).isEqualTo(1);
    assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
    assertThat(statusByLine(restarted)).containsEntry(1, "RECOVERED");
    assertThat(statusByLine(again)).containsEntry(1, "ALREADY_DONE");
    assertShippedOnce();
  }

  @Test
  void shipOrdersDryRunAndReadOnlyWriteNothing() {
    Path in = input("shipments.jsonl", shipment("S-1"));

    AppRun dry = run("ship-orders", in, "--dry-run");
    AppRun readOnly = run("ship-orders", in, "--read-only");

    assertThat(statusByLine(dry)).containsEntry(1, "PLANNED");
    assertThat(statusByLine(readOnly)).containsEntry(1, "SUPPRESSED");
    assertThat(orderNow().require("shipmentStatus")).isEqualTo("not_shipped");
    assertThat(statusByLine(run("ship-orders", in))).containsEntry(1, "DONE");
    assertShippedOnce();
  }
}
