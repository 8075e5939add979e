package dev.lightspeedsync.sync.rules;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.Fixtures;
import dev.lightspeedsync.sync.Seeds;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.PaymentStatus;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.ShipmentStatus;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SalesSelectionRuleTest {

  private static ReasonCode decide(SalesSelectionConfig config, SalesOrder order) {
    Selection<SalesOrder> s = SalesSelectionRule.of(config).select(List.of(order), AS_OF);
    if (s.kept().contains(order)) {
      assertThat(s.exclusions()).isEmpty();
      return null;
    }
    assertThat(s.exclusions()).hasSize(1);
    return s.exclusions().get(0).reason();
  }

  @ParameterizedTest(name = "{0}, syncAllSales={1} -> {2}")
  @CsvSource(nullValues = "counted", value = {
      "COMPLETED,false,counted",
      "SAVED,false,SALE_NOT_COMPLETED",
      "PENDING,false,SALE_NOT_COMPLETED",
      "VOIDED,false,SALE_VOIDED",
      "UNKNOWN,false,SALE_STATUS_UNKNOWN",
      "COMPLETED,true,counted",
      "SAVED,true,counted",
      "PENDING,true,counted",
      "VOIDED,true,SALE_VOIDED",
      "CANCELLED,true,SALE_VOIDED"})
  @DisplayName(Seeds.S001 + "'Default Behaviour: Optiply syncs only completed sales orders. Option:"
      + " You can enable \"Sync All Sales Orders\" to include pending and saved orders'; voided never"
      + " counts (DESIGN §3.4)")
  void retailSelection(SaleStatus status, boolean syncAll, ReasonCode expected) {
    SalesSelectionConfig config = SalesSelectionConfig.builder().syncAllSales(syncAll).build();

    assertThat(decide(config, Fixtures.retailSale("S1", status).build())).isEqualTo(expected);
  }

  @Test
  @DisplayName(Seeds.S001 + "'By default, Optiply only syncs \"Completed\" orders'")
  void defaultIsCompletedOnly() {
    assertThat(SalesSelectionConfig.defaults().syncAllSales()).isFalse();
  }

  static Stream<Arguments> ecomCases() {
    return Stream.of(
        Arguments.of(Seeds.S003 + "'Import only paid orders': paid", EcomOrderMode.PAID_ONLY,
            PaymentStatus.PAID, false, ShipmentStatus.NOT_SHIPPED, null),
        Arguments.of(Seeds.S003 + "'Import only paid orders': not paid", EcomOrderMode.PAID_ONLY,
            PaymentStatus.NOT_PAID, false, ShipmentStatus.NOT_SHIPPED, ReasonCode.ORDER_NOT_PAID),
        Arguments.of(Seeds.S003 + "'Import only paid orders': partially paid",
            EcomOrderMode.PAID_ONLY, PaymentStatus.PARTIALLY_PAID, false,
            ShipmentStatus.NOT_SHIPPED, ReasonCode.ORDER_NOT_PAID),
        Arguments.of(Seeds.S003 + "'Import only paid orders': cash on delivery is not paid",
            EcomOrderMode.PAID_ONLY, PaymentStatus.NOT_PAID, true, ShipmentStatus.NOT_SHIPPED,
            ReasonCode.ORDER_NOT_PAID),
        Arguments.of(Seeds.S003 + "'Import all orders (inclusive not paid orders)'",
            EcomOrderMode.ALL, PaymentStatus.NOT_PAID, false, ShipmentStatus.NOT_SHIPPED, null),
        Arguments.of(Seeds.S003 + "'Import all orders that are eligible to ship (paid and cash on"
            + " delivery)': paid", EcomOrderMode.ELIGIBLE_TO_SHIP, PaymentStatus.PAID, false,
            ShipmentStatus.NOT_SHIPPED, null),
        Arguments.of(Seeds.S003 + "'Import all orders that are eligible to ship': cash on delivery",
            EcomOrderMode.ELIGIBLE_TO_SHIP, PaymentStatus.NOT_PAID, true,
            ShipmentStatus.NOT_SHIPPED, null),
        Arguments.of(Seeds.S003 + "'Import all orders that are eligible to ship': not paid, no"
            + " cash on delivery", EcomOrderMode.ELIGIBLE_TO_SHIP, PaymentStatus.NOT_PAID, false,
            ShipmentStatus.NOT_SHIPPED, ReasonCode.ORDER_NOT_PAID),
        Arguments.of(Seeds.S003 + "'but can not already be send': shipped", EcomOrderMode.ALL,
            PaymentStatus.PAID, false, ShipmentStatus.SHIPPED, ReasonCode.ORDER_ALREADY_SHIPPED),
        Arguments.of(Seeds.S003 + "'but can not already be send': partially shipped",
            EcomOrderMode.ALL, PaymentStatus.PAID, false, ShipmentStatus.PARTIALLY_SHIPPED,
            ReasonCode.ORDER_ALREADY_SHIPPED),
        Arguments.of(Seeds.S003 + "a cancelled payment is never imported", EcomOrderMode.ALL,
            PaymentStatus.CANCELLED, false, ShipmentStatus.NOT_SHIPPED, ReasonCode.SALE_VOIDED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ecomCases")
  @DisplayName("Rule 4: eCom import modes")
  void ecomModes(String sentence, EcomOrderMode mode, PaymentStatus payment, boolean cod,
      ShipmentStatus shipment, ReasonCode expected) {
    SalesSelectionConfig config = SalesSelectionConfig.builder().ecomMode(mode).build();
    SalesOrder order = Fixtures.ecomOrder("O1", payment, shipment).cashOnDelivery(cod).build();

    assertThat(decide(config, order)).isEqualTo(expected);
  }

  @Test
  @DisplayName(Seeds.S003 + "'All paid orders in Lightspeed, will be imported': paid only is the"
      + " default mode")
  void paidOnlyIsDefault() {
    assertThat(SalesSelectionConfig.defaults().ecomMode()).isEqualTo(EcomOrderMode.PAID_ONLY);
  }

  @Test
  @DisplayName(Seeds.S003 + "a cancelled eCom order is never imported, even in mode ALL")
  void cancelledOrderNeverImported() {
    SalesOrder order = Fixtures.ecomOrder("O1", PaymentStatus.PAID, ShipmentStatus.NOT_SHIPPED)
        .status(SaleStatus.CANCELLED).build();
    SalesSelectionConfig all = SalesSelectionConfig.builder().ecomMode(EcomOrderMode.ALL).build();

    assertThat(decide(all, order)).isEqualTo(ReasonCode.SALE_VOIDED);
  }

  @ParameterizedTest(name = "changed {0} ago, window {1}h -> {2}")
  @CsvSource(nullValues = "imported", value = {
      "PT1H,12,imported",
      "PT12H,12,imported",
      "PT12H1S,12,ORDER_OUTSIDE_CHANGE_WINDOW",
      "P2D,12,ORDER_OUTSIDE_CHANGE_WINDOW",
      "P2D,72,imported",
      "PT0S,12,imported"})
  @DisplayName(Seeds.S003 + "'We only import orders that are changed in the last 12 hours. For"
      + " example a change of the status from not-paid to paid': the window is configurable")
  void changeWindow(Duration age, long windowHours, ReasonCode expected) {
    SalesSelectionConfig config = SalesSelectionConfig.builder()
        .ecomChangeWindow(Duration.ofHours(windowHours)).build();
    SalesOrder order = Fixtures.ecomOrder("O1", PaymentStatus.PAID, ShipmentStatus.NOT_SHIPPED)
        .createdAt(AS_OF.minus(age).minus(Duration.ofDays(30))).updatedAt(AS_OF.minus(age))
        .build();

    assertThat(decide(config, order)).isEqualTo(expected);
    assertThat(SalesSelectionConfig.defaults().ecomChangeWindow()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  @DisplayName("Rule 4: retail and eCom sales in one batch keep their input order")
  void mixedBatch() {
    SalesOrder r1 = Fixtures.retailSale("R1", SaleStatus.COMPLETED).build();
    SalesOrder e1 = Fixtures.ecomOrder("E1", PaymentStatus.NOT_PAID, ShipmentStatus.NOT_SHIPPED)
        .build();
    SalesOrder r2 = Fixtures.retailSale("R2", SaleStatus.VOIDED).build();
    SalesOrder e2 = Fixtures.ecomOrder("E2", PaymentStatus.PAID, ShipmentStatus.NOT_SHIPPED)
        .build();

    Selection<SalesOrder> s = SalesSelectionRule.of(SalesSelectionConfig.defaults())
        .select(List.of(r1, e1, r2, e2), AS_OF);

    assertThat(s.kept()).containsExactly(r1, e2);
    assertThat(s.exclusions()).containsExactly(new Exclusion("E1", ReasonCode.ORDER_NOT_PAID),
        new Exclusion("R2", ReasonCode.SALE_VOIDED));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PT0S,must be positive", "-PT1H,must be positive", "P32D,must be at most 31 days"})
  @DisplayName("SalesSelectionConfig rejects a bad change window, naming the field")
  void badConfig(Duration window, String message) {
    assertThatThrownBy(() -> SalesSelectionConfig.builder().ecomChangeWindow(window).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SalesSelectionConfig.ecomChangeWindow " + message);
  }
}
