package dev.lightspeedsync.sync.lightspeed.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.SkuRule;
import dev.lightspeedsync.testkit.Inspection;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 (a warehouse system on eCom), sentence by sentence, through the engine and the eCom
 * connector. The order-import sentences (paid only / all / eligible to ship, the 12-hour window,
 * missing products first) come with the order-import stream of the eCom issue.
 */
class Seed003EcomWarehouseTest {
  SeedFixture f = SeedFixture.ecom(300, 100);

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  private Map<String, TestkitRecord> variants() {
    return f.server.ecom().stream("variants").collect(Collectors.toMap(v -> Long.toString(v.id()), v -> v));
  }

  private Set<String> activeIds() {
    return f.sink.findSkus(variants().keySet()).values().stream().filter(Sku::active).map(Sku::id)
        .collect(Collectors.toSet());
  }

  /** The codes of the active variants, normalised as the default whitespace policy does. */
  private Map<String, List<String>> activeByCode() {
    SkuRule rule = SkuRule.of(SyncSettings.defaults().skus());
    Map<String, TestkitRecord> variants = variants();
    return activeIds().stream().filter(id -> !variants.get(id).get("sku").orElse("").isBlank())
        .collect(Collectors.groupingBy(id -> rule.normalize(variants.get(id).require("sku"))));
  }

  @Test
  @DisplayName("Picqer can only import products that have a unique SKU in Lightspeed: duplicates are named, never linked")
  void onlyUniqueSkus() {
    f.run(SyncSettings.defaults());

    Map<String, List<String>> byCode = activeByCode();
    Set<String> shared = byCode.values().stream().filter(ids -> ids.size() > 1).flatMap(List::stream)
        .collect(Collectors.toSet());
    assertThat(shared).as("the testkit shop has duplicate SKUs").isNotEmpty();
    Set<String> logged = f.sink.openIssues(RecordKind.SKU).stream().filter(i -> i.reason() == ReasonCode.SKU_DUPLICATE)
        .map(RecordIssue::recordId).collect(Collectors.toSet());
    assertThat(logged).isEqualTo(shared);
    byCode.forEach((code, ids) -> assertThat(f.sink.findSkuIdsByCode(List.of(code)).get(code))
        .as("holders of %s", code).containsExactlyInAnyOrderElementsOf(ids));
  }

  @Test
  @DisplayName("The SKU is not a mandatory field in Lightspeed, so check your products prior to importing them")
  void missingSkus() {
    f.run(SyncSettings.defaults());

    Map<String, TestkitRecord> variants = variants();
    Set<String> withoutSku = activeIds().stream().filter(id -> variants.get(id).get("sku").orElse("").isBlank())
        .collect(Collectors.toSet());
    assertThat(withoutSku).isNotEmpty();
    assertThat(f.sink.openIssues(RecordKind.SKU)).filteredOn(i -> i.reason() == ReasonCode.SKU_MISSING)
        .extracting(RecordIssue::recordId).containsExactlyInAnyOrderElementsOf(withoutSku);
  }

  @Test
  @DisplayName("If the product code (SKU) is the same in both Picqer and Lightspeed, the product will be linked automatically")
  void linkedBySameSku() {
    f.run(SyncSettings.defaults());

    SkuRule rule = SkuRule.of(SyncSettings.defaults().skus());
    Map<String, List<String>> unique = activeByCode().entrySet().stream().filter(e -> e.getValue().size() == 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(unique).isNotEmpty();
    Map<String, TestkitRecord> variants = variants();
    // a host product carries the code as the shop shows it, spaces included; it links after normalising
    unique.forEach((code, ids) -> {
      String hostCode = variants.get(ids.get(0)).require("sku");
      assertThat(f.sink.findSkuIdsByCode(List.of(rule.normalize(hostCode)))).containsEntry(code, ids);
    });
  }

  @Test
  @DisplayName("The current stock levels in Lightspeed will be imported into Picqer as a base level")
  void stockAsBaseLevel() {
    f.run(SyncSettings.defaults());

    Map<String, TestkitRecord> variants = variants();
    List<StockLevel> stock = f.sink.findStock(activeIds());
    assertThat(stock).isNotEmpty();
    assertThat(stock).allSatisfy(s -> assertThat(s.onHand()).as("stock of %s", s.skuId())
        .isEqualTo(variants.get(s.skuId()).getLong("stockLevel")));
  }

  @Test
  @DisplayName("Read only: Picqer will only get information from Lightspeed, but will not push any information back")
  void readOnly() {
    f.run(SyncSettings.builder().readOnly(true).build());

    List<Inspection.Request> requests = f.server.inspect().recentRequests();
    assertThat(requests).isNotEmpty();
    assertThat(requests).extracting(Inspection.Request::method).containsOnly("GET");
    assertThat(activeIds()).isNotEmpty();
  }
}
