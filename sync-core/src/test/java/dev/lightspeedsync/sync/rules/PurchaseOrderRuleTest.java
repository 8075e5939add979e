package dev.lightspeedsync.sync.rules;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static dev.lightspeedsync.sync.Fixtures.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.Seeds;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.PurchaseOrder;
import dev.lightspeedsync.sync.model.PurchaseOrderLine;
import dev.lightspeedsync.sync.model.PurchaseOrderStatus;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.Receipt;
import dev.lightspeedsync.sync.model.ReceiptLine;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PurchaseOrderRuleTest {
  private static final PurchaseOrderRule REJECT = PurchaseOrderRule.of(
      PurchaseOrderConfig.defaults());
  private static final PurchaseOrderRule BOOKING = PurchaseOrderRule.of(
      PurchaseOrderConfig.builder().bookingEnabled(true).build());

  static PurchaseOrder po() {
    return PurchaseOrder.builder().id("PO1").supplierId("V1").locationId("LOC1")
        .createdAt(AS_OF.minusSeconds(86400))
        .addLines(PurchaseOrderLine.of("1", "A", 10), PurchaseOrderLine.of("2", "B", 4)).build();
  }

  static Receipt receipt(String id, long qtyLine1, long qtyLine2) {
    Receipt.Builder b = Receipt.builder();
    b.id(id).purchaseOrderId("PO1").receivedAt(AS_OF);
    if (qtyLine1 > 0) {
      b.addLines(ReceiptLine.of("1", qtyLine1));
    }
    if (qtyLine2 > 0) {
      b.addLines(ReceiptLine.of("2", qtyLine2));
    }
    return b.build();
  }

  @Test
  @DisplayName(Seeds.S000 + "'You can also receive orders in parts': OPEN -> PARTIALLY_RECEIVED ->"
      + " RECEIVED")
  void receivesInParts() {
    PurchaseOrder order = po();
    assertThat(order.status()).isEqualTo(PurchaseOrderStatus.OPEN);

    ReceiptOutcome first = REJECT.applyReceipt(order, receipt("R1", 4, 0));
    ReceiptOutcome second = REJECT.applyReceipt(first.purchaseOrder(), receipt("R2", 6, 4));

    assertThat(first.applied()).isTrue();
    assertThat(first.purchaseOrder().status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
    assertThat(first.purchaseOrder().openQuantity("A")).isEqualTo(6);
    assertThat(second.purchaseOrder().status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
    assertThat(second.purchaseOrder().appliedReceiptIds()).containsExactly("R1", "R2");
  }

  @Test
  @DisplayName(Seeds.S000 + "'When you receive an order from the suppliers you have to close it"
      + " with us': a PO closed by hand is CLOSED and takes no more receipts")
  void closedByHand() {
    PurchaseOrder partly = REJECT.applyReceipt(po(), receipt("R1", 4, 0)).purchaseOrder();

    PurchaseOrder closed = PurchaseOrderRule.close(partly);
    ReceiptOutcome late = REJECT.applyReceipt(closed, receipt("R2", 1, 0));

    assertThat(closed.status()).isEqualTo(PurchaseOrderStatus.CLOSED);
    assertThat(closed.openQuantity("A")).isZero();
    assertThat(late.applied()).isFalse();
    assertThat(late.rejectedBecause()).contains(ReasonCode.PURCHASE_ORDER_CLOSED);
    assertThat(late.purchaseOrder()).isSameAs(closed);
  }

  static Stream<Arguments> overReceipts() {
    return Stream.of(
        Arguments.of(OverReceiptPolicy.REJECT, false, 0L, ReasonCode.OVER_RECEIPT_REJECTED),
        Arguments.of(OverReceiptPolicy.CAP, true, 10L, ReasonCode.OVER_RECEIPT_CAPPED),
        Arguments.of(OverReceiptPolicy.ACCEPT, true, 12L, ReasonCode.OVER_RECEIPT_ACCEPTED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overReceipts")
  @DisplayName(Seeds.DESIGN + "'over-receipt is a policy': 12 received against 10 ordered")
  void overReceiptPolicy(OverReceiptPolicy policy, boolean applied, long receivedOnLine1,
      ReasonCode note) {
    PurchaseOrderRule rule = PurchaseOrderRule.of(PurchaseOrderConfig.builder()
        .overReceiptPolicy(policy).bookingEnabled(true).build());

    ReceiptOutcome outcome = rule.applyReceipt(po(), receipt("R1", 12, 1));

    assertThat(outcome.applied()).isEqualTo(applied);
    assertThat(outcome.notes()).containsExactly(new Exclusion("R1/1", note));
    assertThat(outcome.purchaseOrder().lines().get(0).receivedQuantity())
        .isEqualTo(receivedOnLine1);
    if (applied) {
      assertThat(outcome.bookings()).extracting(StockBooking::quantity)
          .containsExactly(receivedOnLine1, 1L);
    } else {
      assertThat(outcome.rejectedBecause()).contains(ReasonCode.OVER_RECEIPT_REJECTED);
      assertThat(outcome.bookings()).isEmpty();
      assertThat(outcome.purchaseOrder().lines().get(1).receivedQuantity())
          .as("a rejected receipt applies no line at all").isZero();
    }
  }

  @Test
  @DisplayName(Seeds.DESIGN + "CAP on a fully received line books nothing for that line")
  void capOnFullLine() {
    PurchaseOrderRule cap = PurchaseOrderRule.of(PurchaseOrderConfig.builder()
        .overReceiptPolicy(OverReceiptPolicy.CAP).bookingEnabled(true).build());
    PurchaseOrder full = cap.applyReceipt(po(), receipt("R1", 10, 0)).purchaseOrder();

    ReceiptOutcome outcome = cap.applyReceipt(full, receipt("R2", 3, 2));

    assertThat(outcome.bookings()).extracting(StockBooking::purchaseOrderLineId)
        .containsExactly("2");
    assertThat(outcome.notes()).containsExactly(
        new Exclusion("R2/1", ReasonCode.OVER_RECEIPT_CAPPED));
  }

  @Test
  @DisplayName(Seeds.S000 + "'It is possible to book purchase orders in Lightspeed ... This is off by"
      + " default': no booking plan unless enabled")
  void bookingOffByDefault() {
    ReceiptOutcome outcome = REJECT.applyReceipt(po(), receipt("R1", 4, 0));

    assertThat(PurchaseOrderConfig.defaults().bookingEnabled()).isFalse();
    assertThat(outcome.applied()).isTrue();
    assertThat(outcome.bookings()).isEmpty();
    assertThat(outcome.bookingSkippedBecause()).contains(ReasonCode.BOOKING_DISABLED);
  }

  @Test
  @DisplayName(Seeds.S000 + "'We then increase the stock in Lightspeed with the number of products"
      + " received': one booking per received line, at the PO's location")
  void bookingPlan() {
    ReceiptOutcome outcome = BOOKING.applyReceipt(po(), receipt("R1", 4, 2));

    assertThat(outcome.bookingSkippedBecause()).isEmpty();
    assertThat(outcome.bookings()).extracting(StockBooking::skuId, StockBooking::locationId,
        StockBooking::quantity, StockBooking::key).containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", "LOC1", 4L, "receipt/PO1/R1/1"),
            org.assertj.core.groups.Tuple.tuple("B", "LOC1", 2L, "receipt/PO1/R1/2"));
  }

  @Test
  @DisplayName(Seeds.DESIGN + "'each receipt raises Lightspeed stock exactly once, even when a"
      + " request is retried or the process restarts'")
  void bookingHappensExactlyOnce() {
    InMemorySyncSink sink = new InMemorySyncSink();
    List<StockBooking> executed = new ArrayList<>();
    PurchaseOrder stored = po();
    Receipt r1 = receipt("R1", 4, 2);

    // First attempt books, records the ledger, then "crashes" before storing the updated PO.
    ReceiptOutcome first = BOOKING.applyReceipt(stored, r1);
    for (StockBooking b : PurchaseOrderRule.unbooked(first.bookings(),
        k -> sink.ledgerEntry(LedgerKind.STOCK_BOOKING, k).isPresent()).kept()) {
      if (sink.recordInLedger(List.of(LedgerEntry.of(LedgerKind.STOCK_BOOKING, b.key(), AS_OF)))
          .get(0).recorded()) {
        executed.add(b);
      }
    }
    // Restart: the PO was not stored, so the same receipt is applied again.
    InMemorySyncSink restarted = sink.reopen();
    ReceiptOutcome again = BOOKING.applyReceipt(stored, r1);
    Selection<StockBooking> retry = PurchaseOrderRule.unbooked(again.bookings(),
        k -> restarted.ledgerEntry(LedgerKind.STOCK_BOOKING, k).isPresent());
    // And once the PO is stored, the same receipt is a no-op.
    ReceiptOutcome third = BOOKING.applyReceipt(again.purchaseOrder(), r1);

    assertThat(executed).hasSize(2);
    assertThat(again.bookings()).isEqualTo(first.bookings());
    assertThat(retry.kept()).isEmpty();
    assertThat(retry.exclusions()).extracting(Exclusion::reason)
        .containsOnly(ReasonCode.ALREADY_IN_LEDGER);
    assertThat(third.applied()).isFalse();
    assertThat(third.rejectedBecause()).contains(ReasonCode.RECEIPT_ALREADY_APPLIED);
    assertThat(third.bookings()).isEmpty();
  }

  static Stream<Arguments> rejectedReceipts() {
    return Stream.of(
        Arguments.of(Receipt.builder().id("R1").purchaseOrderId("PO2").receivedAt(AS_OF)
            .addLines(ReceiptLine.of("1", 1)).build(), ReasonCode.PURCHASE_ORDER_MISMATCH),
        Arguments.of(Receipt.builder().id("R1").purchaseOrderId("PO1").receivedAt(AS_OF)
            .addLines(ReceiptLine.of("1", 1), ReceiptLine.of("9", 1)).build(),
            ReasonCode.RECEIPT_LINE_UNKNOWN));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("rejectedReceipts")
  @DisplayName("Rule 6: a receipt for another order or an unknown line is rejected whole")
  void rejectedReceipt(Receipt receipt, ReasonCode reason) {
    ReceiptOutcome outcome = BOOKING.applyReceipt(po(), receipt);

    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.rejectedBecause()).contains(reason);
    assertThat(outcome.purchaseOrder()).isEqualTo(po());
    assertThat(outcome.bookings()).isEmpty();
  }

  @Test
  @DisplayName(Seeds.S000 + "'process order receipts via Optiply ... to keep the Inventory Position"
      + " up-to-date': position = on hand + open PO quantity - backorders")
  void inventoryPosition() {
    PurchaseOrder open = REJECT.applyReceipt(po(), receipt("R1", 4, 0)).purchaseOrder();
    PurchaseOrder closed = PurchaseOrderRule.close(po().withId("PO9"));
    List<StockLevel> stock = List.of(
        StockLevel.builder().skuId("A").locationId("1").onHand(5).backorder(2).build(),
        stock("A", "2", 3), stock("C", "1", -1));

    Map<String, Long> position = PurchaseOrderRule.inventoryPosition(stock,
        List.of(open, closed));

    assertThat(position).containsExactly(Map.entry("A", 5L - 2 + 3 + 6), Map.entry("B", 4L),
        Map.entry("C", -1L));
  }

  static Stream<Arguments> badModels() {
    return Stream.of(
        Arguments.of((Runnable) () -> PurchaseOrder.builder().id("PO1").locationId("L")
            .createdAt(AS_OF).build(), "PurchaseOrder.lines must not be empty"),
        Arguments.of((Runnable) () -> PurchaseOrder.builder().id("PO1").locationId("L")
            .createdAt(AS_OF).addLines(PurchaseOrderLine.of("1", "A", 1),
                PurchaseOrderLine.of("1", "B", 1)).build(),
            "PurchaseOrder.lines has line id 1 twice"),
        Arguments.of((Runnable) () -> PurchaseOrder.builder().id("PO1").locationId(" ")
            .createdAt(AS_OF).addLines(PurchaseOrderLine.of("1", "A", 1)).build(),
            "PurchaseOrder.locationId must not be blank"),
        Arguments.of((Runnable) () -> PurchaseOrderLine.of("1", "A", 0),
            "PurchaseOrderLine.orderedQuantity must be positive"),
        Arguments.of((Runnable) () -> Receipt.builder().id("R").purchaseOrderId("PO1")
            .receivedAt(AS_OF).build(), "Receipt.lines must not be empty"),
        Arguments.of((Runnable) () -> ReceiptLine.of("1", 0),
            "ReceiptLine.quantity must be positive"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badModels")
  @DisplayName("Purchase order values reject bad data at build(), naming the field")
  void badModel(Runnable build, String message) {
    assertThatThrownBy(build::run).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"REJECT", "CAP", "ACCEPT"})
  @DisplayName("PurchaseOrderConfig: every policy builds, booking stays off unless asked")
  void everyPolicyBuilds(OverReceiptPolicy policy) {
    PurchaseOrderConfig config = PurchaseOrderConfig.builder().overReceiptPolicy(policy).build();

    assertThat(config.overReceiptPolicy()).isEqualTo(policy);
    assertThat(config.bookingEnabled()).isFalse();
  }
}
