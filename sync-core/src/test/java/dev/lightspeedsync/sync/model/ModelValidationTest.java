package dev.lightspeedsync.sync.model;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Value types reject bad data at build() with a message naming the field and why. */
class ModelValidationTest {

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of((Runnable) () -> Sku.builder().id(" ").name("x").build(),
            "Sku.id must not be blank"),
        Arguments.of((Runnable) () -> Sku.builder().id("1").name("x")
            .putPrices("Default", new BigDecimal("-1")).build(),
            "Sku.prices[Default] must not be negative"),
        Arguments.of((Runnable) () -> Sku.builder().id("1").name("x")
            .purchasePrice(new BigDecimal("-0.01")).build(),
            "Sku.purchasePrice must not be negative"),
        Arguments.of((Runnable) () -> Sku.builder().id("1").name("x")
            .addImageUrls("https://cdn.example/a b.jpg").build(),
            "Sku.imageUrls[] must be a URL without whitespace"),
        Arguments.of((Runnable) () -> Sku.builder().id("1").name("x").orderByQuantity(0L).build(),
            "Sku.orderByQuantity must be positive"),
        Arguments.of((Runnable) () -> Sku.builder().id("1").name("x").minimumOrderQuantity(-3L)
            .build(), "Sku.minimumOrderQuantity must be positive"),
        Arguments.of((Runnable) () -> Sku.builder().id("1").name("x").composite(
            CompositeDefinition.builder().compositeSkuId("2").addComponents(Component.of("a", 1))
                .build()).build(), "Sku.composite.compositeSkuId must equal Sku.id"),
        Arguments.of((Runnable) () -> StockLevel.builder().skuId("1").locationId("L").onHand(1)
            .allocated(-1).build(), "StockLevel.allocated must not be negative"),
        Arguments.of((Runnable) () -> StockLevel.builder().skuId("1").locationId("L").onHand(1)
            .onOrder(-1).build(), "StockLevel.onOrder must not be negative"),
        Arguments.of((Runnable) () -> StockLevel.builder().skuId("1").locationId("L").onHand(1)
            .backorder(-1).build(), "StockLevel.backorder must not be negative"),
        Arguments.of((Runnable) () -> StockLevel.builder().skuId("1").locationId("L").onHand(1)
            .reorderPoint(-1).build(), "StockLevel.reorderPoint must not be negative"),
        Arguments.of((Runnable) () -> StockLevel.builder().skuId("1").locationId("").onHand(1)
            .build(), "StockLevel.locationId must not be blank"),
        Arguments.of((Runnable) () -> SalesLine.of("L1", "A", 0),
            "SalesLine.quantity must not be zero"),
        Arguments.of((Runnable) () -> SalesOrder.builder().id("S1").channel(SalesChannel.RETAIL)
            .status(SaleStatus.COMPLETED).createdAt(AS_OF).updatedAt(AS_OF.minusSeconds(1))
            .build(), "SalesOrder.updatedAt must not be before createdAt"),
        Arguments.of((Runnable) () -> Location.of("1", " "), "Location.code must not be blank"),
        Arguments.of((Runnable) () -> Supplier.of("1", ""), "Supplier.name must not be blank"),
        Arguments.of((Runnable) () -> PriceLevel.of("", "Default"),
            "PriceLevel.id must not be blank"),
        Arguments.of((Runnable) () -> HostOrder.builder().id("W1").placedAt(AS_OF)
            .total(BigDecimal.ONE).amountPaid(BigDecimal.ONE).build(),
            "HostOrder.lines must not be empty"),
        Arguments.of((Runnable) () -> HostOrder.builder().id("W1").placedAt(AS_OF)
            .total(new BigDecimal("-1")).amountPaid(BigDecimal.ONE).build(),
            "HostOrder.total must not be negative"),
        Arguments.of((Runnable) () -> HostOrderLine.builder().skuId("A").quantity(0)
            .unitPrice(BigDecimal.ONE).build(), "HostOrderLine.quantity must be positive"),
        Arguments.of((Runnable) () -> RecordIssue.of(RecordKind.SKU, "1", ReasonCode.HIDDEN, " ",
            "fix", AS_OF), "RecordIssue.problem must not be blank"),
        Arguments.of((Runnable) () -> Deactivation.of("", ReasonCode.HIDDEN, AS_OF),
            "Deactivation.skuId must not be blank"),
        Arguments.of((Runnable) () -> StockLevel.builder().skuId("1").locationId("L").onHand(1)
            .reorderLevel(-1).build(), "StockLevel.reorderLevel must not be negative"),
        Arguments.of((Runnable) () -> SalesLine.of(" ", "A", 1),
            "SalesLine.lineId must not be blank"),
        Arguments.of((Runnable) () -> Component.of("", 1), "Component.skuId must not be blank"),
        Arguments.of((Runnable) () -> Receipt.builder().id("R").purchaseOrderId(" ")
            .receivedAt(AS_OF).addLines(ReceiptLine.of("1", 1)).build(),
            "Receipt.purchaseOrderId must not be blank"),
        Arguments.of((Runnable) () -> dev.lightspeedsync.sync.spi.Checkpoint.of(" ", "c", AS_OF),
            "Checkpoint.stream must not be blank"),
        Arguments.of((Runnable) () -> dev.lightspeedsync.sync.spi.LedgerEntry.of(
            dev.lightspeedsync.sync.spi.LedgerKind.ORDER_EXPORT, "", AS_OF),
            "LedgerEntry.key must not be blank"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalid")
  @DisplayName("invalid values fail at build() naming the field")
  void rejectsInvalid(Runnable build, String message) {
    assertThatThrownBy(build::run).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("a missing mandatory attribute fails at build() naming it")
  void missingMandatory() {
    assertThatThrownBy(() -> Sku.builder().id("1").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("name");
  }

  @Test
  @DisplayName("defaults: visible, tracked, active, not deleted; no supplier means Unknown Supplier")
  void skuDefaults() {
    Sku sku = Sku.builder().id("1").name("x").build();

    assertThat(sku.visibility()).isEqualTo(Visibility.VISIBLE);
    assertThat(sku.stockTracking()).isEqualTo(StockTracking.ENABLED);
    assertThat(sku.active()).isTrue();
    assertThat(sku.deleted()).isFalse();
    assertThat(sku.supplierId()).isEmpty();
  }

  @Test
  @DisplayName("HostOrder.balanceDue is total minus amount paid")
  void balanceDue() {
    HostOrder o = HostOrder.builder().id("W1").placedAt(AS_OF).total(new BigDecimal("20.00"))
        .amountPaid(new BigDecimal("12.50")).addLines(HostOrderLine.builder().skuId("A")
            .quantity(1).unitPrice(BigDecimal.TEN).build()).build();

    assertThat(o.balanceDue()).isEqualByComparingTo("7.50");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Sku", "StockLevel", "SalesOrder", "PurchaseOrder", "Receipt", "RecordIssue"})
  @DisplayName("generated Immutable* implementations stay package-private (STYLE C8)")
  void implementationsAreHidden(String type) throws Exception {
    Class<?> impl = Class.forName("dev.lightspeedsync.sync.model.Immutable" + type);

    assertThat(Modifier.isPublic(impl.getModifiers())).isFalse();
    assertThat(Modifier.isPublic(Class.forName("dev.lightspeedsync.sync.model." + type)
        .getModifiers())).isTrue();
  }
}
