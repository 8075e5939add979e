package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.SyncException;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.HostOrder;
import dev.lightspeedsync.sync.model.HostOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.rules.OrderExportConfig;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order export as completed R-Series sales against the testkit: balanced orders only, exactly once. */
class OrderExportTest {
  WriterFixture fx;
  InMemorySyncSink sink;
  long item;
  TestkitRecord register;
  SyncSettings exportOn;

  @BeforeEach
  void start() {
    fx = new WriterFixture();
    sink = new InMemorySyncSink();
    item = fx.stockItem(0);
    register = fx.register();
    exportOn = fx.orderExportOn(OrderExportConfig.builder());
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  /** Two units at 10.00; Lightspeed adds 8 % tax, so 21.60 pays it in full. */
  HostOrder order(String id, String paid) {
    return HostOrder.builder().id(id).placedAt(Instant.parse("2026-05-01T10:00:00Z")).total(new BigDecimal("21.60"))
        .amountPaid(new BigDecimal(paid)).addLines(HostOrderLine.builder().skuId(Long.toString(item)).quantity(2)
            .unitPrice(new BigDecimal("10.00")).build()).build();
  }

  List<TestkitRecord> salesWithReference(String ref) {
    return fx.salesWithReference(ref);
  }

  long salePosts() {
    return fx.server.inspect().requests("POST Sale.json");
  }

  @Test
  void balancedOrderIsExportedAsACompletedSaleWithTheConfiguredEmployeeAndRegister() {
    WriteReport report = fx.writer(sink, exportOn).exportOrders(List.of(order("WEB-1", "21.60")));

    assertThat(salesWithReference("WEB-1")).singleElement().satisfies(s -> {
      assertThat(s.getBoolean("completed")).isTrue();
      assertThat(s.getLong("employeeID")).isEqualTo(1);
      assertThat(s.getLong("registerID")).isEqualTo(register.id());
      assertThat(s.getLong("shopID")).isEqualTo(register.getLong("shopID"));
      assertThat(fx.server.retail().saleLines(s.id())).singleElement()
          .satisfies(l -> assertThat(l.getLong("itemID")).isEqualTo(item));
    });
    String saleId = Long.toString(salesWithReference("WEB-1").get(0).id());
    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.externalId()).contains(saleId);
    });
    assertThat(sink.ledgerEntry(LedgerKind.ORDER_EXPORT, "WEB-1").flatMap(e -> e.externalId())).contains(saleId);
  }

  @Test
  void unbalancedOrdersAreNotExported() {
    WriteReport report = fx.writer(sink, exportOn).exportOrders(List.of(order("WEB-2", "10.00")));

    assertThat(report.actions()).isEmpty();
    assertThat(report.exclusions()).containsExactly(new Exclusion("WEB-2", ReasonCode.ORDER_NOT_BALANCED));
    assertThat(salePosts()).isZero();
  }

  @Test
  void anOrderIsExportedOnlyOnceAcrossRuns() {
    fx.writer(sink, exportOn).exportOrders(List.of(order("WEB-1", "21.60")));
    WriteReport again = fx.writer(sink.reopen(), exportOn).exportOrders(List.of(order("WEB-1", "21.60")));

    assertThat(again.actions()).isEmpty();
    assertThat(again.exclusions()).containsExactly(new Exclusion("WEB-1", ReasonCode.ALREADY_IN_LEDGER));
    assertThat(salesWithReference("WEB-1")).hasSize(1);
    assertThat(salePosts()).isEqualTo(1);
  }

  @Test
  void saleAppliedThenAnswered500IsFoundByReferenceAndCreatedOnce() {
    fx.server.injectNext(Fault.APPLY_THEN_500, fx.path("POST", "Sale"));

    WriteReport report = fx.writer(sink, exportOn).exportOrders(List.of(order("WEB-1", "21.60")));
    WriteReport rerun = fx.writer(sink.reopen(), exportOn).exportOrders(List.of(order("WEB-1", "21.60")));

    assertThat(fx.server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    assertThat(rerun.actions()).isEmpty();
    assertThat(salesWithReference("WEB-1")).hasSize(1);
    assertThat(salePosts()).isEqualTo(1);
    assertThat(sink.ledgerEntry(LedgerKind.ORDER_EXPORT, "WEB-1").orElseThrow().externalId())
        .contains(Long.toString(salesWithReference("WEB-1").get(0).id()));
  }

  @Test
  void restartBetweenThePostAndTheLedgerConfirmCreatesTheSaleOnce() {
    var dying = WriterFixture.killing(sink, (method, key) -> method.equals("confirmInLedger") && key.equals("WEB-1"),
        false);
    assertThatThrownBy(() -> fx.writer(dying, exportOn).exportOrders(List.of(order("WEB-1", "21.60"))))
        .isInstanceOf(WriterFixture.Killed.class);
    assertThat(salesWithReference("WEB-1")).hasSize(1);

    WriteReport rerun = fx.writer(sink.reopen(), exportOn).exportOrders(List.of(order("WEB-1", "21.60")));

    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    assertThat(salesWithReference("WEB-1")).hasSize(1);
    assertThat(salePosts()).isEqualTo(1);
    assertThat(fx.server.inspect().requests("GET Sale.json")).as("searched by referenceNumber").isPositive();
  }

  @Test
  void claimedOrderWhoseSaleNeverReachedLightspeedIsPostedOnTheRerun() {
    // dies right after the claim: the sale was never posted
    var dying = WriterFixture.killing(sink, (method, key) -> method.equals("recordInLedger"), true);
    assertThatThrownBy(() -> fx.writer(dying, exportOn).exportOrders(List.of(order("WEB-1", "21.60"))))
        .isInstanceOf(WriterFixture.Killed.class);
    assertThat(salesWithReference("WEB-1")).isEmpty();

    WriteReport rerun = fx.writer(sink.reopen(), exportOn).exportOrders(List.of(order("WEB-1", "21.60")));

    assertThat(rerun.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.detail()).contains("no record with referenceNumber 'WEB-1'");
    });
    assertThat(salesWithReference("WEB-1")).hasSize(1);
  }

  @Test
  void orderExportIsOffByDefaultAndRefusedInReadOnlyMode() {
    WriteReport off = fx.writer(sink, SyncSettings.defaults()).exportOrders(List.of(order("WEB-1", "21.60")));
    WriteReport readOnly = fx.writer(sink, exportOn.withReadOnly(true)).exportOrders(List.of(order("WEB-1", "21.60")));

    assertThat(off.suppressedBecause()).contains(ReasonCode.EXPORT_DISABLED);
    assertThat(off.exclusions()).containsExactly(new Exclusion("WEB-1", ReasonCode.EXPORT_DISABLED));
    assertThat(readOnly.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(fx.writeRequests()).isZero();
    assertThat(sink.ledgerEntry(LedgerKind.ORDER_EXPORT, "WEB-1")).isEmpty();
  }

  @Test
  void exportWithoutAPaymentTypeFailsBeforeAnyRequest() {
    RetailWriter writer = RetailWriter.builder().client(fx.client).sink(sink).settings(exportOn).build();
    long before = fx.server.inspect().totalRequests();

    assertThatThrownBy(() -> writer.exportOrders(List.of(order("WEB-1", "21.60"))))
        .isInstanceOf(SyncException.class).hasMessageContaining("salePaymentTypeId");
    assertThat(fx.server.inspect().totalRequests()).isEqualTo(before);
  }
}
