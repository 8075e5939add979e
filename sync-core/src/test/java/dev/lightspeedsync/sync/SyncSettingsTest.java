package dev.lightspeedsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.rules.AvailabilityConfig;
import dev.lightspeedsync.sync.rules.MasterDataConfig;
import dev.lightspeedsync.sync.rules.MasterSide;
import dev.lightspeedsync.sync.rules.OrderExportConfig;
import dev.lightspeedsync.sync.rules.PurchaseOrderConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncSettingsTest {
  private static final SyncSettings ALL_WRITES = SyncSettings.builder()
      .availability(AvailabilityConfig.builder().pushStock(true).includeAssemblable(true).build())
      .purchaseOrders(PurchaseOrderConfig.builder().bookingEnabled(true).build())
      .orderExport(OrderExportConfig.builder().enabled(true).employeeId("E").registerId("R")
          .build())
      .masterData(MasterDataConfig.builder().master(MasterSide.HOST).exportProducts(true).build())
      .build();

  @ParameterizedTest(name = "readOnly={0}")
  @ValueSource(booleans = {false, true})
  @DisplayName(Seeds.S003 + "'If that setting is set to Yes, Picqer will only get information from"
      + " Lightspeed, but will not push any information back': read-only switches every write off")
  void readOnlySwitchesEveryWriteOff(boolean readOnly) {
    SyncSettings s = ALL_WRITES.withReadOnly(readOnly);
    boolean writes = !readOnly;

    assertThat(s.effectiveAvailability().readOnly()).isEqualTo(readOnly);
    assertThat(s.effectivePurchaseOrders().bookingEnabled()).isEqualTo(writes);
    assertThat(s.effectiveOrderExport().enabled()).isEqualTo(writes);
    assertThat(s.effectiveMasterData().exportProducts()).isEqualTo(writes);
    assertThat(s.effectiveMasterData().master())
        .isEqualTo(writes ? MasterSide.HOST : MasterSide.LIGHTSPEED);
    assertThat(s.orderExport().enabled()).as("the stored choice is kept").isTrue();
  }

  @Test
  @DisplayName(Seeds.S003 + "'By default, it is set up so that we only import products and orders'"
      + ": the defaults write nothing to Lightspeed")
  void defaultsWriteNothing() {
    SyncSettings d = SyncSettings.defaults();

    assertThat(d.readOnly()).isFalse();
    assertThat(d.effectiveAvailability().pushStock()).isFalse();
    assertThat(d.effectivePurchaseOrders().bookingEnabled()).isFalse();
    assertThat(d.effectiveOrderExport().enabled()).isFalse();
    assertThat(d.effectiveMasterData().exportProducts()).isFalse();
    assertThat(d.location()).isEmpty();
  }
}
