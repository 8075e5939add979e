package dev.lightspeedsync.sync.rules;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static dev.lightspeedsync.sync.Fixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.Seeds;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurchasePriceRuleTest {
  private static final PurchasePriceRule DEFAULT = PurchasePriceRule.of(
      PurchasePriceConfig.defaults());

  private static Sku priced() {
    return sku("1").putPrices("price", new BigDecimal("12.50"))
        .putPrices("cost", new BigDecimal("7.10")).supplierId("V1").build();
  }

  @ParameterizedTest(name = "field ''{0}'' -> {1}")
  @CsvSource({"price,12.50", "cost,7.10"})
  @DisplayName(Seeds.S000 + "'Products in Lightspeed have a Price, which we read out as purchase"
      + " price': the price field is configurable and defaults to 'cost', the purchase price")
  void readsPurchasePriceFromConfiguredField(String field, BigDecimal expected) {
    PurchasePriceRule rule = PurchasePriceRule.of(
        PurchasePriceConfig.builder().priceField(field).build());

    PurchasePriceResult result = rule.apply(List.of(priced()), Map.of(), Set.of("V1"), AS_OF);

    assertThat(result.skus()).singleElement()
        .satisfies(s -> assertThat(s.purchasePrice()).contains(expected));
    assertThat(result.issues()).isEmpty();
    assertThat(PurchasePriceConfig.defaults().priceField()).isEqualTo("cost");
  }

  @Test
  @DisplayName(Seeds.S000 + "a product without the configured price gets no purchase price and a"
      + " data-quality entry")
  void missingPriceIsReported() {
    Sku noPrice = sku("1").supplierId("V1").build();

    PurchasePriceResult result = DEFAULT.apply(List.of(noPrice), Map.of(), Set.of("V1"), AS_OF);

    assertThat(result.skus().get(0).purchasePrice()).isEmpty();
    assertThat(result.issues()).extracting(RecordIssue::reason)
        .containsExactly(ReasonCode.PURCHASE_PRICE_MISSING);
  }

  @ParameterizedTest(name = "supplier {0}")
  @CsvSource(value = {"<none>", "V9"}, nullValues = "<none>")
  @DisplayName(Seeds.S000 + "'If you see an Unknown Supplier ... you must first assign a supplier to"
      + " this product in your Lightspeed environment'")
  void unknownSupplierIsADataQualityEntry(String supplier) {
    Sku s = sku("1").putPrices("cost", BigDecimal.ONE).supplierId(Optional.ofNullable(supplier))
        .build();

    PurchasePriceResult result = DEFAULT.apply(List.of(s), Map.of(), Set.of("V1"), AS_OF);

    assertThat(result.skus()).singleElement()
        .satisfies(out -> assertThat(out.supplierId()).isEmpty());
    assertThat(result.issues()).singleElement().satisfies(i -> {
      assertThat(i.reason()).isEqualTo(ReasonCode.UNKNOWN_SUPPLIER);
      assertThat(i.recordId()).isEqualTo("1");
      assertThat(i.problem()).startsWith("Unknown Supplier");
      assertThat(i.remedy()).contains("supplier").contains("Lightspeed");
    });
  }

  @Test
  @DisplayName(Seeds.S000 + "'Order By and MOQ: These values are not available in Lightspeed. Enter"
      + " them in Optiply': host overrides survive every sync")
  void hostOwnedFieldsSurvive() {
    Sku stored = priced().withOrderByQuantity(Optional.of(6L))
        .withMinimumOrderQuantity(Optional.of(24L));
    Sku incomingClaimingValues = priced().withOrderByQuantity(Optional.of(1L));
    Sku brandNew = sku("2").putPrices("cost", BigDecimal.ONE).supplierId("V1")
        .minimumOrderQuantity(5L).build();

    PurchasePriceResult result = DEFAULT.apply(List.of(priced(), incomingClaimingValues, brandNew),
        Map.of("1", stored), Set.of("V1"), AS_OF);

    assertThat(result.skus().get(0).orderByQuantity()).contains(6L);
    assertThat(result.skus().get(0).minimumOrderQuantity()).contains(24L);
    assertThat(result.skus().get(1).orderByQuantity()).as("never read from Lightspeed")
        .contains(6L);
    assertThat(result.skus().get(2).minimumOrderQuantity()).as("never read from Lightspeed")
        .isEmpty();
  }

  @Test
  @DisplayName(Seeds.S000 + "host-owned MOQ survives a sync through the sink as well")
  void hostOwnedFieldsSurviveInSink() {
    InMemorySyncSink sink = new InMemorySyncSink();
    sink.upsertSkus(List.of(priced().withMinimumOrderQuantity(Optional.of(24L))));

    PurchasePriceResult result = DEFAULT.apply(List.of(priced()), sink.findSkus(List.of("1")),
        Set.of("V1"), AS_OF);
    sink.upsertSkus(result.skus());

    assertThat(sink.findSkus(List.of("1")).get("1").minimumOrderQuantity()).contains(24L);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource({"''", "'   '", "' price'", "'price '"})
  @DisplayName("PurchasePriceConfig rejects a blank or padded price field, naming the field")
  void badConfig(String field) {
    assertThatThrownBy(() -> PurchasePriceConfig.builder().priceField(field).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PurchasePriceConfig.priceField must not");
  }
}
