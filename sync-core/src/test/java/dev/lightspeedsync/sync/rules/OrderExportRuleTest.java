package dev.lightspeedsync.sync.rules;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.Seeds;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.HostOrder;
import dev.lightspeedsync.sync.model.HostOrderLine;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OrderExportRuleTest {
  private static final OrderExportConfig ENABLED = OrderExportConfig.builder().enabled(true)
      .employeeId("E7").registerId("R2").build();

  static HostOrder order(String id, String total, String paid, boolean... fulfilled) {
    HostOrder.Builder b = HostOrder.builder();
    b.id(id).placedAt(AS_OF).total(new BigDecimal(total)).amountPaid(new BigDecimal(paid));
    for (boolean f : fulfilled.length == 0 ? new boolean[] {false} : fulfilled) {
      b.addLines(HostOrderLine.builder().skuId("A").quantity(1).unitPrice(BigDecimal.TEN)
          .fulfilled(f).build());
    }
    return b.build();
  }

  @ParameterizedTest(name = "total {0}, paid {1} -> {2}")
  @CsvSource(nullValues = "exported", value = {
      "20.00,20.00,exported",
      "20.00,20,exported",
      "20.00,25.00,exported",
      "20.00,19.99,ORDER_NOT_BALANCED",
      "20.00,0,ORDER_NOT_BALANCED",
      "0,0,exported"})
  @DisplayName(Seeds.S004 + "'Orders must be \"balanced\" before they can be exported ... Each"
      + " order's balance due must be \"Paid in Full\" prior to export'")
  void onlyBalancedOrders(String total, String paid, ReasonCode expected) {
    ExportPlan plan = OrderExportRule.of(ENABLED).plan(List.of(order("W1", total, paid)),
        ref -> false);

    if (expected == null) {
      assertThat(plan.exports()).extracting(OrderExport::reference).containsExactly("W1");
    } else {
      assertThat(plan.exports()).isEmpty();
      assertThat(plan.exclusions()).containsExactly(new Exclusion("W1", expected));
    }
  }

  @Test
  @DisplayName(Seeds.S004 + "'Orders will be exported to Lightspeed as \"completed sales\" ... Select"
      + " the Employee and Register to use for exported orders'")
  void exportCarriesEmployeeRegisterAndReference() {
    OrderExportConfig config = OrderExportConfig.builder().from(ENABLED)
        .statusAfterExport("Exported to POS").build();

    ExportPlan plan = OrderExportRule.of(config).plan(List.of(order("W1", "10", "10")),
        ref -> false);

    assertThat(plan.exports()).singleElement().satisfies(e -> {
      assertThat(e.reference()).as("stable idempotency reference = host order id")
          .isEqualTo("W1");
      assertThat(e.completed()).isTrue();
      assertThat(e.employeeId()).isEqualTo("E7");
      assertThat(e.registerId()).isEqualTo("R2");
      assertThat(e.lines()).hasSize(1);
      assertThat(e.statusAfterExport()).contains("Exported to POS");
    });
  }

  @Test
  @DisplayName(Seeds.S004 + "'What status should be applied to exported orders? (Optional) ... We"
      + " recommend setting it to No Change at first': no status update by default")
  void noStatusChangeByDefault() {
    ExportPlan plan = OrderExportRule.of(ENABLED).plan(List.of(order("W1", "10", "10")),
        ref -> false);

    assertThat(plan.exports().get(0).statusAfterExport()).isEmpty();
  }

  @Test
  @DisplayName(Seeds.S004 + "'Orders can only be exported from your website to Lightspeed Retail"
      + " once': the ledger refuses a second export, and a duplicate in one batch is planned once")
  void exportedExactlyOnce() {
    InMemorySyncSink sink = new InMemorySyncSink();
    OrderExportRule rule = OrderExportRule.of(ENABLED);
    HostOrder w1 = order("W1", "10", "10");

    ExportPlan first = rule.plan(List.of(w1, w1), ref -> sink.ledgerEntry(
        LedgerKind.ORDER_EXPORT, ref).isPresent());
    sink.recordInLedger(first.exports().stream()
        .map(e -> LedgerEntry.of(LedgerKind.ORDER_EXPORT, e.reference(), AS_OF)).toList());
    ExportPlan second = rule.plan(List.of(w1), ref -> sink.ledgerEntry(
        LedgerKind.ORDER_EXPORT, ref).isPresent());

    assertThat(first.exports()).hasSize(1);
    assertThat(first.exclusions()).containsExactly(
        new Exclusion("W1", ReasonCode.ALREADY_IN_LEDGER));
    assertThat(second.exports()).isEmpty();
    assertThat(second.exclusions()).containsExactly(
        new Exclusion("W1", ReasonCode.ALREADY_IN_LEDGER));
  }

  static Stream<Arguments> fulfilment() {
    return Stream.of(
        Arguments.of(false, new boolean[] {false, false}, null),
        Arguments.of(true, new boolean[] {true, true}, null),
        Arguments.of(true, new boolean[] {true, false}, ReasonCode.ORDER_NOT_FULFILLED));
  }

  @ParameterizedTest(name = "requireAllFulfilled={0}")
  @MethodSource("fulfilment")
  @DisplayName(Seeds.S004 + "'If payment is captured, export the order when all items are fulfilled"
      + " (Optional)'")
  void optionallyOnlyWhenFulfilled(boolean require, boolean[] lines, ReasonCode expected) {
    OrderExportConfig config = OrderExportConfig.builder().from(ENABLED)
        .requireAllFulfilled(require).build();

    ExportPlan plan = OrderExportRule.of(config).plan(List.of(order("W1", "10", "10", lines)),
        ref -> false);

    assertThat(plan.exports()).hasSize(expected == null ? 1 : 0);
    if (expected != null) {
      assertThat(plan.exclusions()).containsExactly(new Exclusion("W1", expected));
    }
  }

  @Test
  @DisplayName(Seeds.S004 + "'Enable Use order exporting to send balanced orders': export is off"
      + " by default")
  void disabledByDefault() {
    ExportPlan plan = OrderExportRule.of(OrderExportConfig.defaults())
        .plan(List.of(order("W1", "10", "10")), ref -> false);

    assertThat(plan.exports()).isEmpty();
    assertThat(plan.exclusions()).containsExactly(new Exclusion("W1", ReasonCode.EXPORT_DISABLED));
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of(Seeds.S004 + "'You must select a Lightspeed Employee since it comes in as a"
            + " closed sale'", OrderExportConfig.builder().enabled(true).registerId("R2"),
            "OrderExportConfig.employeeId is required when order export is enabled"),
        Arguments.of(Seeds.S004 + "'You must select a Lightspeed Register'",
            OrderExportConfig.builder().enabled(true).employeeId("E7"),
            "OrderExportConfig.registerId is required when order export is enabled"),
        Arguments.of("blank employee", OrderExportConfig.builder().employeeId(" "),
            "OrderExportConfig.employeeId must not be blank"),
        Arguments.of("blank register", OrderExportConfig.builder().registerId(""),
            "OrderExportConfig.registerId must not be blank"),
        Arguments.of("blank status", OrderExportConfig.builder().statusAfterExport(" "),
            "OrderExportConfig.statusAfterExport must not be blank"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  @DisplayName("OrderExportConfig rejects a bad configuration naming the field")
  void badConfig(String sentence, OrderExportConfig.Builder builder, String message) {
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(message);
  }
}
