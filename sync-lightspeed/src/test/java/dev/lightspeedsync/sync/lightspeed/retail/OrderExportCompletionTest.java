package dev.lightspeedsync.sync.lightspeed.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.HostOrder;
import dev.lightspeedsync.sync.model.HostOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.rules.OrderExportConfig;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Order export with the payment type found by name, sales completed at Lightspeed's tax-inclusive
 * total (POST open, PUT completed), exactly once under faults, and the status update after export
 * (seed 004) in the report.
 */
class OrderExportCompletionTest {
  final WriterFixture fx = new WriterFixture();
  final InMemorySyncSink sink = new InMemorySyncSink();
  final long item = fx.stockItem(0);
  final SyncSettings exportOn = fx.orderExportOn(OrderExportConfig.builder());

  @AfterEach
  void stop() {
    fx.close();
  }

  /** Open-then-complete, paid with the account's "Webshop" payment type (found by name). */
  RetailWriter twoStep(SyncSink s, SyncSettings settings) {
    return RetailWriter.builder().client(fx.client).sink(s).settings(settings).clock(fx.clock)
        .salePaymentType("webshop").completeAtLightspeedTotal(true).build();
  }

  /**
   * Two units at 10.00 as the host sees them, without tax: balanced at 20.00. Lightspeed adds 8 % tax,
   * so its total is 21.60.
   */
  HostOrder untaxed(String id) {
    return HostOrder.builder().id(id).placedAt(Instant.parse("2026-05-01T10:00:00Z")).total(new BigDecimal("20.00"))
        .amountPaid(new BigDecimal("20.00")).addLines(HostOrderLine.builder().skuId(Long.toString(item)).quantity(2)
            .unitPrice(new BigDecimal("10.00")).build()).build();
  }

  TestkitRecord onlySale(String ref) {
    List<TestkitRecord> found = fx.salesWithReference(ref);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  long posts() {
    return fx.server.inspect().requests("POST Sale.json");
  }

  long puts() {
    return fx.server.inspect().requests("PUT Sale/{id}.json");
  }

  void assertCompletedOnceAtLightspeedsTotal(String ref) {
    TestkitRecord sale = fx.server.retail().get("Sale", onlySale(ref).id()).orElseThrow();
    assertThat(sale.getBoolean("completed")).isTrue();
    assertThat(fx.server.retail().salePayments(sale.id())).singleElement().satisfies(p -> {
      assertThat(new BigDecimal(p.require("amount"))).isEqualByComparingTo("21.60");
      assertThat(p.getLong("paymentTypeID")).isEqualTo(7); // Webshop
    });
    assertThat(posts()).as("one sale posted").isEqualTo(1);
    assertThat(sink.ledgerEntry(LedgerKind.ORDER_EXPORT, ref).orElseThrow().externalId())
        .contains(Long.toString(sale.id()));
  }

  @Test
  void aSaleTheHostCannotBalanceIsPostedOpenAndCompletedWithLightspeedsTaxInclusiveTotal() {
    long qoh = fx.server.retail().qoh(item, fx.register().getLong("shopID"));

    WriteReport report = twoStep(sink, exportOn).exportOrders(List.of(untaxed("WEB-1")));

    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.detail()).contains("21.60", "the host order paid 20.00");
      assertThat(a.request()).contains("POST Sale.json open", "PUT Sale completed", "payment type 7");
    });
    assertCompletedOnceAtLightspeedsTotal("WEB-1");
    assertThat(puts()).isEqualTo(1);
    assertThat(fx.server.inspect().requests("GET Sale/{id}.json")).as("the total comes from the POST's answer").isZero();
    assertThat(fx.server.inspect().requests("GET Sale.json")).as("no search on a first export").isZero();
    assertThat(fx.server.retail().qoh(item, fx.register().getLong("shopID"))).isEqualTo(qoh - 2);
  }

  @Test
  void withoutTheTwoStepFlowLightspeedRefusesASaleThatDoesNotBalanceAndNothingIsCreated() {
    RetailWriter oneStep = RetailWriter.builder().client(fx.client).sink(sink).settings(exportOn).clock(fx.clock)
        .salePaymentType("Webshop").build();

    WriteReport report = oneStep.exportOrders(List.of(untaxed("WEB-1")));

    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.FAILED));
    assertThat(fx.salesWithReference("WEB-1")).isEmpty();
    assertThat(sink.ledgerEntry(LedgerKind.ORDER_EXPORT, "WEB-1").orElseThrow().confirmed()).isFalse();
  }

  @Test
  void openSaleAppliedThenAnswered500IsFoundByReferenceAndCompletedNotPostedAgain() {
    fx.server.injectNext(Fault.APPLY_THEN_500, fx.path("POST", "Sale"));

    WriteReport report = twoStep(sink, exportOn).exportOrders(List.of(untaxed("WEB-1")));

    assertThat(fx.server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    assertCompletedOnceAtLightspeedsTotal("WEB-1");
  }

  @Test
  void completingPutAppliedThenAnswered500IsReadBackNotSentAgain() {
    fx.server.injectNext(Fault.APPLY_THEN_500, fx.path("PUT", "Sale"));

    WriteReport report = twoStep(sink, exportOn).exportOrders(List.of(untaxed("WEB-1")));

    assertThat(fx.server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.detail()).contains("was completed");
    });
    assertThat(puts()).as("the PUT is not repeated").isEqualTo(1);
    assertCompletedOnceAtLightspeedsTotal("WEB-1");
  }

  @Test
  void anOpenSaleLeftByAFailedOrDroppedPutIsCompletedOnTheNextRunNotCreatedAgain() {
    for (Fault fault : List.of(Fault.SERVER_ERROR, Fault.DROP_CONNECTION)) {
      String ref = "WEB-" + fault;
      fx.server.injectNext(fault, fx.path("PUT", "Sale"));
      long postsBefore = posts();

      WriteReport first = twoStep(sink, exportOn).exportOrders(List.of(untaxed(ref)));

      assertThat(first.actions()).singleElement().satisfies(a -> {
        assertThat(a.status()).isEqualTo(Status.PENDING);
        assertThat(a.externalId()).contains(Long.toString(onlySale(ref).id()));
      });
      assertThat(onlySale(ref).getBoolean("completed")).as("left open").isFalse();
      assertThat(sink.ledgerEntry(LedgerKind.ORDER_EXPORT, ref).orElseThrow().confirmed()).isFalse();

      // a new process with the same ledger
      WriteReport rerun = twoStep(sink.reopen(), exportOn).exportOrders(List.of(untaxed(ref)));

      assertThat(rerun.actions()).singleElement().satisfies(a -> {
        assertThat(a.status()).isEqualTo(Status.RECOVERED);
        assertThat(a.detail()).contains("completed with 21.60");
      });
      assertThat(posts() - postsBefore).as(fault + ": one sale posted").isEqualTo(1);
      assertThat(fx.server.retail().get("Sale", onlySale(ref).id()).orElseThrow().getBoolean("completed")).isTrue();
      assertThat(fx.server.retail().salePayments(onlySale(ref).id())).hasSize(1);
    }
  }

  @Test
  void restartBetweenTheCompletingPutAndTheLedgerConfirmCreatesAndCompletesTheSaleOnce() {
    var dying = WriterFixture.killing(sink, (method, key) -> method.equals("confirmInLedger") && key.equals("WEB-1"),
        false);
    assertThatThrownBy(() -> twoStep(dying, exportOn).exportOrders(List.of(untaxed("WEB-1"))))
        .isInstanceOf(WriterFixture.Killed.class);

    WriteReport rerun = twoStep(sink.reopen(), exportOn).exportOrders(List.of(untaxed("WEB-1")));

    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    assertThat(puts()).as("a completed sale is not completed again").isEqualTo(1);
    assertCompletedOnceAtLightspeedsTotal("WEB-1");
  }

  @Test
  void aPaymentTypeNameThatMatchesNoneOrSeveralIsATypedErrorNamingTheTypesThatExistBeforeAnyWrite() throws Exception {
    RetailWriter missing = RetailWriter.builder().client(fx.client).sink(sink).settings(exportOn).clock(fx.clock)
        .salePaymentType("Paypal").build();
    assertThatThrownBy(() -> missing.exportOrders(List.of(untaxed("WEB-1"))))
        .isInstanceOfSatisfying(PaymentTypeException.class, e -> {
          assertThat(e.ambiguous()).isFalse();
          assertThat(e.available()).contains("Cash", "Credit Card", "Webshop");
          assertThat(e.getMessage()).contains("'Paypal'", "'Cash'", "'Webshop'");
        });

    postPaymentType("Cash ");
    RetailWriter ambiguous = RetailWriter.builder().client(fx.client).sink(sink).settings(exportOn).clock(fx.clock)
        .salePaymentType("CASH").build();
    assertThatThrownBy(() -> ambiguous.exportOrders(List.of(untaxed("WEB-1"))))
        .isInstanceOfSatisfying(PaymentTypeException.class, e -> {
          assertThat(e.ambiguous()).isTrue();
          assertThat(e.getMessage()).contains("2 active payment types named 'CASH'");
        });
    assertThat(posts()).isZero();
    assertThat(sink.ledgerEntry(LedgerKind.ORDER_EXPORT, "WEB-1")).isEmpty();
  }

  @Test
  void readOnlyModeSendsNothingNotEvenThePaymentTypeLookup() {
    long before = fx.server.inspect().totalRequests();

    WriteReport report = twoStep(sink, exportOn.withReadOnly(true)).exportOrders(List.of(untaxed("WEB-1")));

    assertThat(report.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(fx.server.inspect().totalRequests()).isEqualTo(before);
  }

  @Test
  void dryRunPlansTheTwoStepsAndSendsNoWrite() {
    RetailWriter dry = RetailWriter.builder().client(fx.client).sink(sink).settings(exportOn).clock(fx.clock)
        .salePaymentType("Webshop").completeAtLightspeedTotal(true).dryRun(true).build();

    WriteReport report = dry.exportOrders(List.of(untaxed("WEB-1")));

    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.PLANNED);
      assertThat(a.request()).contains("POST Sale.json open", "PUT Sale completed");
    });
    assertThat(report.hostStatusUpdates()).isEmpty();
    assertThat(fx.writeRequests()).isZero();
    assertThat(sink.ledgerEntry(LedgerKind.ORDER_EXPORT, "WEB-1")).isEmpty();
  }

  @Test
  void theStatusAfterExportReachesTheReportForEveryOrderNowInLightspeedOnly() {
    SyncSettings withStatus = fx.orderExportOn(OrderExportConfig.builder().statusAfterExport("Exported to POS"));
    HostOrder unlinked = HostOrder.builder().id("WEB-X").placedAt(Instant.parse("2026-05-01T10:00:00Z"))
        .total(BigDecimal.TEN).amountPaid(BigDecimal.TEN)
        .addLines(HostOrderLine.builder().skuId("not-an-item").quantity(1).unitPrice(BigDecimal.TEN).build()).build();
    fx.server.injectNext(Fault.APPLY_THEN_500, fx.path("POST", "Sale"));

    WriteReport report = twoStep(sink, withStatus).exportOrders(List.of(untaxed("WEB-1"), untaxed("WEB-2"), unlinked));

    assertThat(report.actions()).extracting(WriteAction::status)
        .containsExactly(Status.RECOVERED, Status.DONE, Status.SKIPPED);
    assertThat(report.hostStatusUpdates()).containsExactly(Map.entry("WEB-1", "Exported to POS"),
        Map.entry("WEB-2", "Exported to POS"));
    assertThat(report.toString()).contains("set host order WEB-2 to status 'Exported to POS'");

    WriteReport noChange = twoStep(sink, exportOn).exportOrders(List.of(untaxed("WEB-3")));
    assertThat(noChange.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.DONE));
    assertThat(noChange.hostStatusUpdates()).as("No Change, the default").isEmpty();
  }

  /** A user-defined payment type, created the way a user would (the client has no such write). */
  void postPaymentType(String name) throws IOException, InterruptedException {
    var creds = fx.server.retailCredentials();
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fx.server.origin()
            + "/API/V3/Account/" + creds.accountId() + "/PaymentType.json"))
        .header("Authorization", "Bearer " + creds.accessToken()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }
}
