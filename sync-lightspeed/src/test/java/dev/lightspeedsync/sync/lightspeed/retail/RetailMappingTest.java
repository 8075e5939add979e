package dev.lightspeedsync.sync.lightspeed.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.ItemComponent;
import dev.lightspeedsync.client.retail.model.ItemPrice;
import dev.lightspeedsync.client.retail.model.ItemShop;
import dev.lightspeedsync.client.retail.model.Sale;
import dev.lightspeedsync.client.retail.model.SaleLine;
import dev.lightspeedsync.client.retail.model.Shop;
import dev.lightspeedsync.sync.lightspeed.Mapped;
import dev.lightspeedsync.sync.model.CompositeKind;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.model.StockTracking;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetailMappingTest {
  private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

  static Stream<Arguments> itemTypes() {
    return Stream.of(
        Arguments.of("default", false, StockTracking.ENABLED, true),
        Arguments.of("non_inventory", false, StockTracking.DISABLED, true),
        Arguments.of("assembly", false, StockTracking.ENABLED, true),
        Arguments.of("default", true, StockTracking.ENABLED, false),
        Arguments.of("brand_new_type", false, StockTracking.ENABLED, true));
  }

  @ParameterizedTest(name = "itemType={0} archived={1} -> tracking {2}, active {3}")
  @MethodSource("itemTypes")
  @DisplayName("R-Series items are SKUs; archived and non-inventory items are not synced as stocked SKUs")
  void itemsAreSkus(String type, boolean archived, StockTracking tracking, boolean active) {
    Sku sku = RetailMapping.toSku(Item.builder().id(22).itemTypeRaw(type).archived(archived)
        .customSku("AB-1").description("Shirt").defaultVendorId(Optional.of(7L)).defaultCost(new BigDecimal("3.50"))
        .addPrices(ItemPrice.builder().priceLevelId(1).useType("Default").amount(new BigDecimal("9.99")).build())
        .addPrices(ItemPrice.builder().priceLevelId(3).useType("Online").amount(new BigDecimal("8.99")).build())
        .timeStamp(T).build());

    assertThat(sku.id()).isEqualTo("22");
    assertThat(sku.sku()).contains("AB-1");
    assertThat(sku.name()).isEqualTo("Shirt");
    assertThat(sku.stockTracking()).isEqualTo(tracking);
    assertThat(sku.active()).isEqualTo(active);
    assertThat(sku.deleted()).isEqualTo(archived);
    assertThat(sku.supplierId()).contains("7");
    assertThat(sku.purchasePrice()).contains(new BigDecimal("3.50"));
    assertThat(sku.prices()).containsOnlyKeys("Default", "Online", RetailMapping.COST)
        .containsEntry(RetailMapping.COST, new BigDecimal("3.50"));
    assertThat(sku.updatedAt()).contains(T);
  }

  @Test
  @DisplayName("an item without a vendor has no supplier (sync-core reports 'unknown supplier')")
  void noVendorNoSupplier() {
    assertThat(RetailMapping.toSku(Item.builder().id(1).build()).supplierId()).isEmpty();
  }

  @Test
  @DisplayName("assemblies and boxes carry their components as composite definitions")
  void assembliesBecomeComposites() {
    Sku assembly = RetailMapping.toSku(Item.builder().id(10).itemTypeRaw("assembly")
        .addComponents(ItemComponent.builder().id(1).assemblyItemId(10).componentItemId(11).quantity(new BigDecimal("2")).build())
        .addComponents(ItemComponent.builder().id(2).assemblyItemId(10).componentItemId(12).quantity(BigDecimal.ONE).build())
        .build());
    Sku box = RetailMapping.toSku(Item.builder().id(20).itemTypeRaw("box")
        .addComponents(ItemComponent.builder().id(3).assemblyItemId(20).componentItemId(21).quantity(new BigDecimal("6")).build())
        .build());

    assertThat(assembly.composite()).hasValueSatisfying(c -> {
      assertThat(c.kind()).isEqualTo(CompositeKind.ASSEMBLY);
      assertThat(c.components()).extracting(x -> x.skuId() + "x" + x.quantity()).containsExactly("11x2", "12x1");
    });
    assertThat(box.composite()).hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(CompositeKind.BOX));
    assertThat(RetailMapping.toSku(Item.builder().id(30).itemTypeRaw("default").build()).composite()).isEmpty();
  }

  @Test
  @DisplayName("ItemShops are stock per shop; the shop 0 summary row is not a location")
  void itemShopsAreStockLevels() {
    ItemShop row = ItemShop.builder().id(5).itemId(22).shopId(1).quantityOnHand(new BigDecimal("-3"))
        .backorder(new BigDecimal("12")).reorderPoint(new BigDecimal("2")).reorderLevel(new BigDecimal("6"))
        .onLayaway(BigDecimal.ONE).onSpecialOrder(new BigDecimal("2")).build();

    StockLevel level = RetailMapping.toStockLevel(row).orElseThrow();

    assertThat(level.skuId()).isEqualTo("22");
    assertThat(level.locationId()).isEqualTo("1");
    assertThat(level.onHand()).isEqualTo(-3);
    assertThat(level.onOrder()).isEqualTo(12);
    assertThat(level.allocated()).isEqualTo(3);
    assertThat(level.reorderPoint()).isEqualTo(2);
    assertThat(level.reorderLevel()).isEqualTo(6);
    assertThat(RetailMapping.toStockLevel(ItemShop.builder().from(row).shopId(0).build())).isEmpty();
  }

  static Stream<Arguments> saleStates() {
    return Stream.of(
        Arguments.of(true, false, SaleStatus.COMPLETED),
        Arguments.of(false, false, SaleStatus.SAVED),
        Arguments.of(true, true, SaleStatus.VOIDED),
        Arguments.of(false, true, SaleStatus.VOIDED));
  }

  @ParameterizedTest(name = "completed={0} voided={1} -> {2}")
  @MethodSource("saleStates")
  @DisplayName("001: a sale is completed, open ('in progress', saved) or voided by its flags")
  void saleStates(boolean completed, boolean voided, SaleStatus expected) {
    Mapped<SalesOrder> mapped = RetailMapping.toSalesOrder(Sale.builder().id(1).completed(completed).voided(voided)
        .createTime(T).shopId(Optional.of(2L)).build(), T);

    assertThat(mapped.value()).hasValueSatisfying(o -> {
      assertThat(o.status()).isEqualTo(expected);
      assertThat(o.locationId()).contains("2");
    });
  }

  @Test
  @DisplayName("miscellaneous lines without an item are left out and reported, item lines kept")
  void saleLines() {
    Mapped<SalesOrder> mapped = RetailMapping.toSalesOrder(Sale.builder().id(9).completed(true).createTime(T)
        .addLines(SaleLine.builder().id(1).itemId(Optional.of(22L)).unitQuantity(new BigDecimal("2")).build())
        .addLines(SaleLine.builder().id(2).unitQuantity(BigDecimal.ONE).build())
        .addLines(SaleLine.builder().id(3).itemId(Optional.of(23L)).unitQuantity(new BigDecimal("-1")).build())
        .build(), T);

    assertThat(mapped.value().orElseThrow().lines()).extracting(l -> l.skuId() + ":" + l.quantity())
        .containsExactly("22:2", "23:-1");
    assertThat(mapped.issues()).singleElement().satisfies(i -> {
      assertThat(i.reason()).isEqualTo(ReasonCode.SKU_NOT_LINKED);
      assertThat(i.problem()).contains("line 2");
    });
  }

  @Test
  @DisplayName("a sale with no time at all cannot be placed and is rejected with a reason")
  void saleWithoutTime() {
    Mapped<SalesOrder> mapped = RetailMapping.toSalesOrder(Sale.builder().id(4).build(), T);
    assertThat(mapped.value()).isEmpty();
    // MALFORMED_RECORD is what the engine counts as rejected, so read = stored + left out + rejected holds
    assertThat(mapped.issues()).singleElement().extracting(i -> i.reason()).isEqualTo(ReasonCode.MALFORMED_RECORD);
  }

  @Test
  @DisplayName("shop names are the case-sensitive location codes")
  void shops() {
    assertThat(RetailMapping.toLocation(Shop.builder().id(3).name("Main Warehouse").build()).code())
        .isEqualTo("Main Warehouse");
  }
}
