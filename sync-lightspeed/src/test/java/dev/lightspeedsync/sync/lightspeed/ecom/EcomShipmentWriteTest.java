package dev.lightspeedsync.sync.lightspeed.ecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 003 "Send shipments and update status": each host shipment reaches its eCom order exactly once. */
class EcomShipmentWriteTest {
  static final String KEY = "shipment/H-1";

  EcomWriterFixture fx;
  InMemorySyncSink sink;
  long order;
  HostShipment shipment;

  @BeforeEach
  void start() {
    fx = new EcomWriterFixture();
    order = fx.server.ecom().stream("orders").filter(o -> o.require("shipmentStatus").equals("not_shipped")
        && !o.require("status").startsWith("completed") && !o.require("status").equals("cancelled"))
        .findFirst().orElseThrow().id();
    shipment = new HostShipment("H-1", Long.toString(order), "3SPICQ0001", true);
    sink = new InMemorySyncSink();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  EcomWriter writer() {
    return fx.writer(sink, SyncSettings.defaults()).shipments(true).build();
  }

  TestkitRecord orderNow() {
    return fx.server.ecom().get("orders", order).orElseThrow();
  }

  TestkitRecord shipmentNow() {
    return fx.server.ecom().stream("shipments").filter(s -> s.require("order").equals(Long.toString(order)))
        .findFirst().orElseThrow();
  }

  long shipmentPuts() {
    return fx.server.inspect().requests("PUT shipments/{id}.json");
  }

  long orderPuts() {
    return fx.server.inspect().requests("PUT orders/{id}.json");
  }

  void assertShipped() {
    assertThat(shipmentNow().require("status")).isEqualTo("shipped");
    assertThat(shipmentNow().require("trackingCode")).isEqualTo("3SPICQ0001");
    assertThat(orderNow().require("status")).isEqualTo("completed_shipped");
    assertThat(orderNow().require("shipmentStatus")).isEqualTo("shipped");
    assertThat(sink.ledgerEntry(LedgerKind.SHIPMENT, KEY)).hasValueSatisfying(e -> assertThat(e.confirmed()).isTrue());
  }

  @Test
  @DisplayName("003: the shipment gets its tracking code and the order moves to completed_shipped, confirmed in the ledger")
  void shipsTheOrder() {
    WriteReport report = writer().shipOrders(List.of(shipment));

    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.key()).isEqualTo(KEY);
      assertThat(a.request()).contains("trackingCode 3SPICQ0001").contains("completed_shipped");
    });
    assertShipped();
    assertThat(shipmentNow().require("doNotifyShipped")).isEqualTo("true");
    assertThat(fx.server.ecom().linesOf(order)).allMatch(l -> l.getLong("quantityShipped") == l.getLong("quantityOrdered"));
    assertThat(shipmentPuts()).isEqualTo(1);
    assertThat(orderPuts()).isEqualTo(1);
  }

  @Test
  void theSameShipmentAgainSendsNothing() {
    writer().shipOrders(List.of(shipment));
    WriteReport again = fx.writer(sink.reopen(), SyncSettings.defaults()).shipments(true).build()
        .shipOrders(List.of(shipment));

    assertThat(again.count(Status.ALREADY_DONE)).isEqualTo(1);
    assertThat(shipmentPuts()).isEqualTo(1);
    assertThat(orderPuts()).isEqualTo(1);
  }

  @Test
  @DisplayName("shipment applied then answered 500: found by its tracking code, not sent again")
  void shipmentWriteThen500() {
    fx.injectNext(Fault.APPLY_THEN_500, "PUT", "shipments/");

    WriteReport report = writer().shipOrders(List.of(shipment));

    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.RECOVERED);
      assertThat(a.detail()).contains("HTTP 500");
    });
    assertShipped();
    assertThat(writer().shipOrders(List.of(shipment)).count(Status.ALREADY_DONE)).isEqualTo(1);
    assertThat(shipmentPuts()).isEqualTo(1);
    assertThat(orderPuts()).isEqualTo(1);
  }

  @Test
  @DisplayName("order status applied then answered 500: confirmed from the order, not sent again")
  void orderWriteThen500() {
    fx.injectNext(Fault.APPLY_THEN_500, "PUT", "orders/");

    WriteReport report = writer().shipOrders(List.of(shipment));

    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    assertShipped();
    assertThat(shipmentPuts()).isEqualTo(1);
    assertThat(orderPuts()).isEqualTo(1);
  }

  @Test
  @DisplayName("the order update fails after the shipment went out: the next call updates the order only")
  void orderUpdateFailsThenCompletes() {
    fx.injectNext(Fault.SERVER_ERROR, "PUT", "orders/");

    WriteReport first = writer().shipOrders(List.of(shipment));

    assertThat(first.actions()).singleElement().satisfies(a -> assertThat(a.status()).isIn(Status.PENDING, Status.FAILED));
    assertThat(shipmentNow().require("trackingCode")).isEqualTo("3SPICQ0001");
    assertThat(orderNow().require("status")).isNotEqualTo("completed_shipped");
    WriteReport second = writer().shipOrders(List.of(shipment));
    assertThat(second.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.RECOVERED);
      assertThat(a.request()).doesNotContain("PUT shipments");
    });
    assertShipped();
    assertThat(fx.server.inspect().requests("PUT shipments/{id}.json", 200)).as("customer notified once").isEqualTo(1);
  }

  @Test
  @DisplayName("a dropped connection on the shipment: pending, sent by the next call, shipped once")
  void droppedConnection() {
    fx.injectNext(Fault.DROP_CONNECTION, "PUT", "shipments/");

    WriteReport first = writer().shipOrders(List.of(shipment));

    assertThat(first.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.PENDING));
    assertThat(shipmentNow().require("status")).isNotEqualTo("shipped");
    WriteReport second = fx.writer(sink.reopen(), SyncSettings.defaults()).shipments(true).build()
        .shipOrders(List.of(shipment));
    assertThat(second.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.DONE));
    assertShipped();
    assertThat(fx.server.inspect().requests("PUT shipments/{id}.json", 200)).isEqualTo(1);
    assertThat(writer().shipOrders(List.of(shipment)).count(Status.ALREADY_DONE)).isEqualTo(1);
  }

  @Test
  @DisplayName("a restart between the writes and the ledger confirmation sends nothing twice")
  void restartBetweenWriteAndLedger() {
    assertThatThrownBy(() -> fx.writer(new CrashingLedgerSink(sink, KEY), SyncSettings.defaults()).shipments(true)
        .build().shipOrders(List.of(shipment))).isInstanceOf(CrashingLedgerSink.Crash.class);
    assertThat(sink.ledgerEntry(LedgerKind.SHIPMENT, KEY)).hasValueSatisfying(e -> assertThat(e.confirmed()).isFalse());

    WriteReport rerun = fx.writer(sink.reopen(), SyncSettings.defaults()).shipments(true).build()
        .shipOrders(List.of(shipment));

    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.RECOVERED));
    assertShipped();
    assertThat(shipmentPuts()).isEqualTo(1);
    assertThat(orderPuts()).isEqualTo(1);
  }

  @Test
  @DisplayName("a cancelled order is not shipped: logged, nothing sent")
  void cancelledOrderNeedsAttention() {
    fx.server.ecom().setOrderStatus(order, "cancelled", "cancelled", "cancelled");
    long before = fx.writeRequests();

    WriteReport report = writer().shipOrders(List.of(shipment));

    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.NEEDS_ATTENTION));
    assertThat(sink.openIssues(RecordKind.HOST_ORDER)).singleElement().satisfies(i -> {
      assertThat(i.recordId()).isEqualTo(KEY);
      assertThat(i.reason()).isEqualTo(ReasonCode.WRITE_NOT_POSSIBLE);
      assertThat(i.problem()).contains("cancelled");
    });
    assertThat(fx.writeRequests()).isEqualTo(before);
    assertThat(sink.ledgerEntry(LedgerKind.SHIPMENT, KEY)).hasValueSatisfying(e -> assertThat(e.confirmed()).isFalse());
  }

  @Test
  @DisplayName("003 read-only mode, shipments off (the default): nothing is sent, not even in a dry run")
  void readOnlyAndOffSendNothing() {
    WriteReport ro = fx.writer(sink, SyncSettings.defaults().withReadOnly(true)).shipments(true).build()
        .shipOrders(List.of(shipment));
    WriteReport roDry = fx.writer(sink, SyncSettings.defaults().withReadOnly(true)).shipments(true).dryRun(true).build()
        .shipOrders(List.of(shipment));
    WriteReport off = fx.writer(sink, SyncSettings.defaults()).build().shipOrders(List.of(shipment));

    assertThat(ro.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(roDry.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(off.suppressedBecause()).contains(ReasonCode.EXPORT_DISABLED);
    assertThat(off.exclusions()).singleElement().satisfies(e -> assertThat(e.recordId()).isEqualTo(KEY));
    assertThat(fx.server.inspect().totalRequests()).isZero();
    assertThat(sink.ledgerEntry(LedgerKind.SHIPMENT, KEY)).isEmpty();
  }

  @Test
  @DisplayName("dry run: reads the order, reports both writes, sends nothing and stores nothing")
  void dryRun() {
    WriteReport report = fx.writer(sink, SyncSettings.defaults()).shipments(true).dryRun(true).build()
        .shipOrders(List.of(shipment));

    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.PLANNED);
      assertThat(a.request()).contains("PUT shipments/" + shipmentNow().id() + ".json status shipped trackingCode 3SPICQ0001")
          .contains("PUT orders/" + order + ".json");
    });
    assertThat(report.toString()).startsWith("Dry run (nothing sent)").contains("PLANNED SHIPMENT " + KEY);
    assertThat(fx.writeRequests()).isZero();
    assertThat(shipmentNow().require("status")).isEqualTo("not_shipped");
    assertThat(sink.ledgerEntry(LedgerKind.SHIPMENT, KEY)).isEmpty();
  }

  @Test
  void anOrderIdThatIsNotAnEcomOrderIsSkippedAndLogged() {
    WriteReport report = writer().shipOrders(List.of(HostShipment.of("H-2", "WEB-77", "3S1"),
        HostShipment.of("H-3", "99999999", "3S2")));

    assertThat(report.actions()).extracting(a -> a.status()).containsExactly(Status.SKIPPED, Status.SKIPPED);
    assertThat(sink.openIssues(RecordKind.HOST_ORDER)).hasSize(2);
    assertThat(fx.writeRequests()).isZero();
  }
}
